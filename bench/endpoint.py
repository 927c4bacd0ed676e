"""Benchmark: our `kg serve` against `oxigraph serve-read-only` on the same store, stream by stream.

Starts, on loopback, ours as configured by default (result cache on), ours with its result cache off (every request
evaluated by the engine) and Oxigraph's server over the same store, and drives each with wrk (Debian package), which
keeps its connections open as browsers and SPARQL client libraries do, at 1 and 4 concurrent clients:

  lookup repeated   one point lookup, over and over: ours answers it from its result cache
  lookup distinct   a point lookup of every entity of the graph in turn, each query distinct, after a pass that warms
                    our result cache with them (up to 500 entities on a larger store)
  lookup unique     point lookups that never repeat (a comment makes each new): every one evaluated, on both
  competency mix    the competency questions (ontology/queries/), on ours with the cache off: every one evaluated

It prints throughput, p50/p95 latency and errors of every run, and each stream's ratio ours / oxigraph with the
target it is held to. Throughput counts answers only: 2xx responses per second. Every row gives its errors (any
other status, and transport errors, by kind); a ratio with an erring run behind it is not given (`no ratio: N
errors`), and the script then exits 1. Our servers run with per-client quotas off (`--quota-seconds`, default 0): a
bench measures answers, not budgets.

    python bench/endpoint.py [--seconds 10] [--workers N] [--quota-seconds 0] [--build-dir DIR] [--streams a,b]

With --build-dir, the release there is served instead of this checkout's build: a synthetic one that bench/scale.py
made (for example /tmp/landbridge-kg-scale/kg-1M-seed42-v5.build), with the competency questions adapted to its
stand-ins (kg.synthetic). Bounded in time (a run per stream, client count and server, plus the warm passes),
loopback only. Figures are ratios against the baseline measured in the same run: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, kg_serve, stop, uwsgi_serve, wait_up  # noqa: E402
from kg.paths import Layout  # noqa: E402
from kg.release import BuildFolder, Release  # noqa: E402
from support.checkout import checkout_environ, kg  # noqa: E402
from support.counting import Ratios, errors_text, run_wrk  # noqa: E402
from support.queries import competency_queries, query_paths  # noqa: E402
from support.servers import free_port  # noqa: E402

CLIENTS = (1, 4)
MOST_ENTITIES = 500
JSON = "application/sparql-results+json"
ENTITIES = ("SELECT DISTINCT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } "
            f"ORDER BY ?s LIMIT {MOST_ENTITIES}")


@dataclass(frozen=True)
class Stream:
    name: str
    ours: str  # which of our servers is measured: "ours" (cache on) or "no cache"
    target: str  # the ratio ours / oxigraph it is held to
    unique: bool = False  # each query made new by a comment
    warm: bool = False  # a pass over the queries before the measured run


STREAMS = (
    Stream("lookup repeated", "ours", "answered from the cache"),
    Stream("lookup distinct", "ours", "target >= 0.7", warm=True),
    Stream("lookup unique", "ours", "target >= 0.5, floor 0.35", unique=True),
    Stream("competency mix", "no cache", "target >= 0.9, floor 0.7"),
)


def point_lookup(iri: str) -> str:
    return f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}"


def entities(url: str) -> list[str]:
    """The entities of the served graph (their IRIs), from the Oxigraph server."""
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": ENTITIES}), headers={"Accept": JSON})
    with urllib.request.urlopen(request, timeout=60) as r:
        return [b["s"]["value"] for b in json.load(r)["results"]["bindings"]]


def stream_queries(release: Release, synthetic: bool, entity_iris: list[str]) -> dict[str, list[str]]:
    if synthetic:
        from kg.synthetic import competency_queries as synthetic_queries

        mix = list(synthetic_queries(release.base_iri).values())
    else:
        mix = competency_queries()
    lookups = [point_lookup(iri) for iri in entity_iris]
    return {"lookup repeated": lookups[:1], "lookup distinct": lookups, "lookup unique": lookups,
            "competency mix": mix}


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--workers", type=int, default=None, help="worker processes of our servers (default: their own)")
    parser.add_argument("--quota-seconds", type=float, default=0,
                        help="our servers' KG_QUOTA_SECONDS, query time per client per minute (default 0: quotas off)")
    parser.add_argument("--build-dir", type=Path, help="serve the release in this build folder (e.g. a synthetic one)")
    parser.add_argument("--streams", default=",".join(s.name for s in STREAMS),
                        help="comma-separated streams to run (default: all)")
    args = parser.parse_args()
    for tool in ("wrk", "oxigraph"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (scripts/install installs wrk; pip install oxigraph)")
    wanted = [s.strip() for s in args.streams.split(",") if s.strip()]
    unknown = set(wanted) - {s.name for s in STREAMS}
    if unknown:
        raise SystemExit(f"--streams: no stream {', '.join(sorted(unknown))}; the streams are "
                         + ", ".join(s.name for s in STREAMS))
    if args.build_dir is None:
        builds = BuildFolder(Layout.from_settings().build)
        if builds.current() is None:
            subprocess.run(kg("build", "--quiet"), check=True, cwd=ROOT, env=checkout_environ())
    else:
        builds = BuildFolder(args.build_dir)
    release = builds.require()
    synthetic = release.synthetic
    ports = {name: free_port() for name in ("ours", "no cache", "oxigraph")}
    settings = {"QUOTA_SECONDS": f"{args.quota_seconds:g}", **({"WORKERS": str(args.workers)} if args.workers else {})}
    ratios = Ratios()
    with contextlib.ExitStack() as servers_up:
        for name, extra in (("ours", {}), ("no cache", {"RESULT_CACHE_MB": "0"})):
            if args.build_dir is None:
                servers_up.enter_context(kg_serve(ports[name], **extra, **settings))
            else:
                servers_up.enter_context(uwsgi_serve(ports[name], args.build_dir, **extra, **settings))
        oxigraph = subprocess.Popen(["oxigraph", "serve-read-only", "--location", str(release.store_path),
                                     "--bind", f"127.0.0.1:{ports['oxigraph']}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        servers_up.callback(stop, oxigraph)
        urls = {name: f"http://127.0.0.1:{port}/{'query' if name == 'oxigraph' else 'sparql'}" for name, port in ports.items()}
        wait_up(urls["oxigraph"], oxigraph)
        queries = stream_queries(release, synthetic, entities(urls["oxigraph"]))
        print(f"{time.strftime('%Y-%m-%d %H:%M %Z')}; {machine()}; release {release.name}"
              f"{' (synthetic)' if synthetic else ''}, {len(queries['lookup distinct'])} entities; "
              f"{args.seconds}s per run; wrk, keep-alive; loopback; our quotas "
              f"{f'{args.quota_seconds:g} s per client per minute' if args.quota_seconds else 'off'}; "
              "req/s: 2xx answers per second")
        print(f"{'stream':16} {'clients':>7} {'server':9} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8}  errors")
        for stream in (s for s in STREAMS if s.name in wanted):
            for clients in CLIENTS:
                figures = {}
                for name in (stream.ours, "oxigraph"):
                    paths = query_paths(urllib.parse.urlparse(urls[name]).path, queries[stream.name])
                    if stream.warm:
                        run_wrk(urls[name], paths, clients, max(3, args.seconds // 2))
                    figures[name] = r = run_wrk(urls[name], paths, clients, args.seconds, unique=stream.unique)
                    print(f"{stream.name:16} {clients:7} {name:9} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f}  "
                          f"{errors_text(r)}", flush=True)
                print(f"{stream.name:16} {clients:7} {'ratio':9} {ratios(figures[stream.ours], figures['oxigraph']):>9}  "
                      f"({stream.ours} / oxigraph, throughput; {stream.target})", flush=True)
    sys.exit(ratios.exit_status)


if __name__ == "__main__":
    main()
