"""Load: 32 concurrent clients for 60 s against `kg serve` — the competency questions, entity
pages, RDF dereferencing and the home page — printing requests, answers (2xx) per second, errors
by status, p50/p95/p99 latency and the server's memory before and after (and its /metrics request
count, which must agree). Exits 1 when any request erred.

    python bench/load.py [--clients 32] [--seconds 60]

Loopback only, bounded by --seconds. The server runs with per-client quotas off, as every bench
but a quota's own: a bench measures answers, not budgets. Each connection still sends its own
User-Agent, as real clients would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import kg_serve  # noqa: E402
from support.counting import errors_text  # noqa: E402
from support.load import PAGES, load, requests_counted  # noqa: E402
from support.queries import competency_queries  # noqa: E402
from support.servers import free_port, rss_kib  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    with kg_serve(port) as proc:
        warm = load(site, 2, 2)  # every worker has opened the store and answered
        before_kib, before_count = rss_kib(proc.pid), requests_counted(site)
        r = load(site, args.clients, args.seconds)
        after_kib, after_count = rss_kib(proc.pid), requests_counted(site)
    print(f"{args.clients} clients, {args.seconds:g} s, {len(competency_queries())} competency queries + {len(PAGES)} pages, loopback")
    print(f"requests {r['requests']}; answered (2xx) {r['ok']} ({r['rps']:.0f}/s); errors {errors_text(r)}")
    print(f"latency ms: p50 {r['p50']:.2f}  p95 {r['p95']:.2f}  p99 {r['p99']:.2f}")
    print(f"server memory (master + workers): {before_kib / 1024:.0f} MiB before, {after_kib / 1024:.0f} MiB after")
    print(f"/metrics counted {after_count - before_count} requests in the run (wrk: {r['requests']}; warm-up: {warm['requests']})")
    sys.exit(1 if r["errors"] else 0)


if __name__ == "__main__":
    main()
