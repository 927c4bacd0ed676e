"""Benchmark: our `kg serve` against `oxigraph serve-read-only` on the same built store.

Starts the servers on loopback — ours as configured by default, ours with its result cache
turned off (every request evaluated by the engine), and Oxigraph's — drives each with wrk
(Debian package) using the same request mix — the competency questions of ontology/queries/,
and a point lookup — at 1 and 4 concurrent clients, and prints throughput, p50/p95 latency and
the ratios ours/theirs.

    python bench/endpoint.py [--seconds 10] [--workers N]

Bounded in time (seconds per run x 12 runs), loopback only. Figures are ratios against the
baseline measured in the same run: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import urllib.parse

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from bench.common import ROOT, competency_queries, free_port, query_paths, run_wrk, stop, wait_up  # noqa: E402
from kg.build import current_release  # noqa: E402
from kg.paths import Layout  # noqa: E402

POINT_LOOKUP = ("SELECT ?p ?o WHERE { <https://landbridge-kg.org/id/kataib-hezbollah> ?p ?o }")


def queries() -> dict[str, list[str]]:
    return {"point lookup": [POINT_LOOKUP], "competency mix": competency_queries()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--workers", type=int, default=None, help="worker processes of kg serve")
    args = parser.parse_args()
    for tool in ("wrk", "oxigraph", "kg"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (scripts/install installs wrk; pip install oxigraph)")
    layout = Layout()
    subprocess.run(["kg", "build", "--quiet"], check=True, cwd=ROOT) if current_release(layout.build) is None else None
    release = current_release(layout.build)
    ports = {name: free_port() for name in ("ours", "no cache", "oxigraph")}
    env = dict(os.environ, **({"KG_WORKERS": str(args.workers)} if args.workers else {}))  # else the server's default
    procs = {
        name: subprocess.Popen(["kg", "serve", "--quiet", "--port", str(ports[name])], env=dict(env, **extra), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        for name, extra in (("ours", {}), ("no cache", {"KG_RESULT_CACHE_MB": "0"}))
    }
    procs["oxigraph"] = subprocess.Popen(["oxigraph", "serve-read-only", "--location", str(release / "store"),
                                          "--bind", f"127.0.0.1:{ports['oxigraph']}"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    servers = {name: f"http://127.0.0.1:{port}/{'query' if name == 'oxigraph' else 'sparql'}" for name, port in ports.items()}
    try:
        for name, url in servers.items():
            wait_up(url, procs[name])
        print(f"release {release.name}; {args.seconds}s per run; wrk; loopback")
        print(f"{'mix':16} {'clients':>7} {'server':9} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
        for mix, qs in queries().items():
            for clients in (1, 4):
                figures = {}
                for name, url in servers.items():
                    figures[name] = r = run_wrk(url, query_paths(urllib.parse.urlparse(url).path, qs), clients, args.seconds)
                    print(f"{mix:16} {clients:7} {name:9} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f} {r['errors']:6}")
                for name in ("ours", "no cache"):
                    ratio = figures[name]["rps"] / figures["oxigraph"]["rps"]
                    print(f"{mix:16} {clients:7} {'ratio':9} {ratio:9.2f}  ({name} / oxigraph, throughput)")
    finally:
        for proc in procs.values():
            stop(proc)


if __name__ == "__main__":
    main()
