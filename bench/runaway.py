"""Runaway queries: 8 pathological queries at once, again and again (at least 100 in all), while
another client keeps sending ordinary queries.

    python bench/runaway.py [--timeout 30] [--workers 12] [--total 104] [--slow-cgroup DIR] [--slow-query-cpu S]

The timeout is the server's default (30 s; a run takes about 7 minutes); `--timeout 3` is a quicker
and harsher run, with ten times the worker replacements.

Prints, for the runaways, how each ended and how long after it was sent (target: a 503 within the
timeout + 1 s); for the ordinary queries, p50/p99 latency unloaded (3 s before the first runaways
and 3 s after the last, once their workers are replaced) and during the runaways (target: p99 under
twice the unloaded one) and their errors by status (target: none); and the server's worker count and
memory before and after (target: the same workers, no growth beyond noise). The ratio of the p99s is
not given when an ordinary query erred (`no ratio: N errors`), and the script then exits 1.
Loopback only; the server's quotas are off.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import kg_serve  # noqa: E402
from server.config import DEFAULTS  # noqa: E402
from support.counting import Ratios, errors_text, outcome  # noqa: E402
from support.queries import ORDINARY, PATHOLOGICAL, ask  # noqa: E402
from support.servers import free_port, rss_kib, workers_of  # noqa: E402


def ordinary_until(url: str, stop: threading.Event, out: list[tuple[int, float]]) -> None:
    while not stop.is_set():
        out.append(ask(url, ORDINARY, "ordinary-client"))


def warm_up(url: str, workers: int) -> None:
    for _ in range(workers * 3):  # every worker has answered a query
        ask(url, ORDINARY, "warm-up")


def ordinary_for(url: str, seconds: float, out: list[tuple[int, float]]) -> None:
    stop = threading.Event()
    timer = threading.Timer(seconds, stop.set)
    timer.start()
    ordinary_until(url, stop, out)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=DEFAULTS["QUERY_TIMEOUT"], help="the server's KG_QUERY_TIMEOUT")
    parser.add_argument("--workers", type=int, default=12)
    parser.add_argument("--total", type=int, default=104, help="runaway queries in all (sent 8 at a time)")
    parser.add_argument("--slow-cgroup", metavar="DIR", help="the server's KG_SLOW_CGROUP (README, Operating)")
    parser.add_argument("--slow-query-cpu", metavar="S", type=float, help="the server's KG_SLOW_QUERY_CPU (default: its own)")
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    settings = {"QUERY_TIMEOUT": str(args.timeout), "WORKERS": str(args.workers), "QUOTA_SECONDS": "0", "RESULT_CACHE_MB": "0"}
    if args.slow_cgroup:
        settings["SLOW_CGROUP"] = args.slow_cgroup
    if args.slow_query_cpu is not None:
        settings["SLOW_QUERY_CPU"] = str(args.slow_query_cpu)
    with kg_serve(port, **settings) as proc:
        warm_up(url, args.workers)
        time.sleep(1)
        workers_before, kib_before = workers_of(proc.pid), rss_kib(proc.pid)
        unloaded: list[tuple[int, float]] = []
        ordinary_for(url, 3, unloaded)
        runaways: list[tuple[int, float]] = []
        during: list[tuple[int, float]] = []
        with ThreadPoolExecutor(len(PATHOLOGICAL)) as pool:
            while len(runaways) < args.total:
                stop = threading.Event()
                client = threading.Thread(target=ordinary_until, args=(url, stop, during))
                client.start()
                futures = [pool.submit(ask, url, q, f"runaway-{i}") for i, q in enumerate(PATHOLOGICAL)]
                runaways += [f.result() for f in futures]
                stop.set()
                client.join()
                time.sleep(0.5)  # the ended workers are replaced
        time.sleep(2)
        workers_after, kib_after = workers_of(proc.pid), rss_kib(proc.pid)
        warm_up(url, args.workers)  # as before the first: the replacements have answered nothing yet
        ordinary_for(url, 3, unloaded)
    late = [t for s, t in runaways if s != 503 or t > args.timeout + 1]
    print(f"runaway queries: {len(runaways)} ({len(PATHOLOGICAL)} at a time), timeout {args.timeout:g} s, {args.workers} workers, "
          f"slow queries' control group: {args.slow_cgroup or 'none'}, "
          f"lowered after {f'{args.slow_query_cpu:g} s' if args.slow_query_cpu else 'the default time'} of CPU")
    print(f"  ended with 503: {sum(1 for s, _ in runaways if s == 503)}; other statuses: "
          f"{sorted({s for s, _ in runaways if s != 503}, key=str)}; slowest answer {max(t for _, t in runaways):.2f} s; "
          f"late or not 503: {len(late)}")
    errors = 0
    for name, rows in (("unloaded", unloaded), ("during runaways", during)):
        times = [t * 1000 for _, t in rows]
        counts = outcome(dict(Counter(s for s, _ in rows)))
        errors += counts["errors"]
        print(f"ordinary queries {name}: {len(rows)}, answered (2xx) {counts['ok']}, errors {errors_text(counts)}, "
              f"p50 {statistics.median(times):.2f} ms, p99 {percentile(times, 99):.2f} ms, slowest {max(times):.1f} ms")
    ratios = Ratios()
    ratio = percentile([t for _, t in during], 99) / percentile([t for _, t in unloaded], 99)
    print(f"  p99 during / unloaded: {ratios.of(ratio, errors)}")
    print(f"workers: {workers_before} before, {workers_after} after; memory {kib_before / 1024:.0f} MiB before, "
          f"{kib_after / 1024:.0f} MiB after")
    sys.exit(ratios.exit_status)


if __name__ == "__main__":
    main()
