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
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import current_release  # noqa: E402
from kg.paths import Layout  # noqa: E402

POINT_LOOKUP = ("SELECT ?p ?o WHERE { <https://landbridge-kg.org/id/kataib-hezbollah> ?p ?o }")
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = "application/sparql-results+json"})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%.3f %%.3f %%d\\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.duration))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.args}")
        try:
            with urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not start: {url}")


def queries() -> dict[str, list[str]]:
    mix = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "ontology" / "queries").glob("*.rq"))]
    return {"point lookup": [POINT_LOOKUP], "competency mix": mix}


def run_wrk(base: str, qs: list[str], clients: int, seconds: int, workdir: Path) -> dict:
    path = urllib.parse.urlparse(base).path
    paths = ", ".join(json.dumps(f"{path}?query={urllib.parse.quote(q)}") for q in qs)
    script = workdir / "mix.lua"
    script.write_text(LUA % paths)
    out = subprocess.run(
        ["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{seconds}s", "-s", str(script), base],
        capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
    requests, status_errors, socket_errors, p50, p95, duration = line.split()[1:]
    return {"rps": int(requests) / (int(duration) / 1e6), "p50": float(p50), "p95": float(p95),
            "errors": int(status_errors) + int(socket_errors)}


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
    env = dict(os.environ, KG_WORKERS=str(args.workers or max(4, 2 * (os.cpu_count() or 1))))
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
        with tempfile.TemporaryDirectory() as tmp:
            for mix, qs in queries().items():
                for clients in (1, 4):
                    figures = {}
                    for name, url in servers.items():
                        figures[name] = r = run_wrk(url, qs, clients, args.seconds, Path(tmp))
                        print(f"{mix:16} {clients:7} {name:9} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f} {r['errors']:6}")
                    for name in ("ours", "no cache"):
                        ratio = figures[name]["rps"] / figures["oxigraph"]["rps"]
                        print(f"{mix:16} {clients:7} {'ratio':9} {ratio:9.2f}  ({name} / oxigraph, throughput)")
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)


if __name__ == "__main__":
    main()
