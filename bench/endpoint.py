"""Benchmark: our `kg serve` against `oxigraph serve-read-only` on the same built store.

Starts the servers on loopback — ours as configured by default, ours with its result cache
turned off (every request evaluated by the engine), and Oxigraph's — drives each with wrk
(Debian package) using the same request mix — the competency questions of ontology/queries/,
and a point lookup — at 1 and 4 concurrent clients, and prints throughput, p50/p95 latency,
errors and the ratios ours/theirs.

Throughput counts answers only: 2xx responses per second. Every row gives its errors (any other
status, and transport errors, by kind); a ratio with an erring run behind it is not given
(`no ratio: N errors`), and the script then exits 1. Our servers run with per-client quotas off
(`--quota-seconds`, default 0): a bench measures answers, not budgets.

    python bench/endpoint.py [--seconds 10] [--workers N] [--quota-seconds 0]

Bounded in time (seconds per run x 12 runs), loopback only. Figures are ratios against the
baseline measured in the same run: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import sys
import urllib.parse

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from bench.common import ROOT, kg_serve, stop, wait_up  # noqa: E402
from kg.paths import Layout  # noqa: E402
from kg.release import BuildFolder  # noqa: E402
from support.checkout import checkout_environ, kg  # noqa: E402
from support.counting import Ratios, errors_text, run_wrk  # noqa: E402
from support.queries import competency_queries, query_paths  # noqa: E402
from support.servers import free_port  # noqa: E402

POINT_LOOKUP = ("SELECT ?p ?o WHERE { <https://landbridge-kg.org/id/kataib-hezbollah> ?p ?o }")


def queries() -> dict[str, list[str]]:
    return {"point lookup": [POINT_LOOKUP], "competency mix": competency_queries()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--workers", type=int, default=None, help="worker processes of kg serve")
    parser.add_argument("--quota-seconds", type=float, default=0,
                        help="our servers' KG_QUOTA_SECONDS, query time per client per minute (default 0: quotas off)")
    args = parser.parse_args()
    for tool in ("wrk", "oxigraph"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (scripts/install installs wrk; pip install oxigraph)")
    layout = Layout()
    builds = BuildFolder(layout.build)
    subprocess.run(kg("build", "--quiet"), check=True, cwd=ROOT, env=checkout_environ()) if builds.current() is None else None
    release = builds.require()
    ports = {name: free_port() for name in ("ours", "no cache", "oxigraph")}
    settings = {"QUOTA_SECONDS": f"{args.quota_seconds:g}", **({"WORKERS": str(args.workers)} if args.workers else {})}
    ratios = Ratios()
    with contextlib.ExitStack() as servers_up:
        servers_up.enter_context(kg_serve(ports["ours"], **settings))
        servers_up.enter_context(kg_serve(ports["no cache"], RESULT_CACHE_MB="0", **settings))
        oxigraph = subprocess.Popen(["oxigraph", "serve-read-only", "--location", str(release.store_path),
                                     "--bind", f"127.0.0.1:{ports['oxigraph']}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        servers_up.callback(stop, oxigraph)
        servers = {name: f"http://127.0.0.1:{port}/{'query' if name == 'oxigraph' else 'sparql'}" for name, port in ports.items()}
        wait_up(servers["oxigraph"], oxigraph)
        print(f"release {release.name}; {args.seconds}s per run; wrk; loopback; our quotas "
              f"{f'{args.quota_seconds:g} s per client per minute' if args.quota_seconds else 'off'}; "
              "req/s: 2xx answers per second")
        print(f"{'mix':16} {'clients':>7} {'server':9} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8}  errors")
        for mix, qs in queries().items():
            for clients in (1, 4):
                figures = {}
                for name, url in servers.items():
                    figures[name] = r = run_wrk(url, query_paths(urllib.parse.urlparse(url).path, qs), clients, args.seconds)
                    print(f"{mix:16} {clients:7} {name:9} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f}  {errors_text(r)}",
                          flush=True)
                for name in ("ours", "no cache"):
                    print(f"{mix:16} {clients:7} {'ratio':9} {ratios(figures[name], figures['oxigraph']):>9}  "
                          f"({name} / oxigraph, throughput)", flush=True)
    sys.exit(ratios.exit_status)


if __name__ == "__main__":
    main()
