"""What the benchmark and load scripts share: free ports, starting `kg serve`, driving wrk."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from kg import allocator

ROOT = Path(__file__).resolve().parent.parent

# Cycles through the paths; each connection sends a User-Agent of its own (a client, for quotas).
LUA = """
local paths = {%s}
local accept = "%s"
local i = 0
local agents = 0
setup = function(thread) agents = agents + 1; thread:set("tid", agents) end
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = accept, ["User-Agent"] = "load-client-" .. tid .. "-" .. (i %% %d)})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%.3f %%.3f %%.3f %%d\\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.duration))
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


@contextmanager
def kg_serve(port: int, **settings: str):
    """`kg serve` on 127.0.0.1:port with KG_* settings, stopped on exit; yields the process."""
    env = dict(os.environ, **{f"KG_{k}": v for k, v in settings.items()})
    proc = subprocess.Popen(["kg", "serve", "--quiet", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_up(f"http://127.0.0.1:{port}/sparql", proc)
        yield proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def run_wrk(base: str, paths: list[str], clients: int, seconds: float, accept: str = "application/sparql-results+json",
            agents: int = 1) -> dict:
    """Drive base with wrk over the paths (cycled); throughput, errors and latency percentiles (ms)."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "mix.lua"
        script.write_text(LUA % (", ".join(json.dumps(p) for p in paths), accept, max(1, agents)))
        out = subprocess.run(
            ["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{max(1, round(seconds))}s", "--timeout", "30s",
             "-s", str(script), base],
            capture_output=True, text=True, check=True, timeout=seconds + 90).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
    requests, status_errors, socket_errors, p50, p95, p99, duration = line.split()[1:]
    return {"requests": int(requests), "rps": int(requests) / (int(duration) / 1e6), "p50": float(p50), "p95": float(p95),
            "p99": float(p99), "status_errors": int(status_errors), "socket_errors": int(socket_errors),
            "errors": int(status_errors) + int(socket_errors)}


def query_paths(path: str, queries: list[str]) -> list[str]:
    return [f"{path}?query={urllib.parse.quote(q)}" for q in queries]


def competency_queries() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "ontology" / "queries").glob("*.rq"))]


def child_pids(pid: int) -> list[int]:
    """The processes a process started (a uWSGI master's workers); none once it has ended."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def rss_kib(root_pid: int) -> int:
    """Resident memory of a process and its children (the server's master and workers), in KiB."""
    total = 0
    for pid in [root_pid, *child_pids(root_pid)]:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


@contextmanager
def uwsgi_serve(port: int, build_dir: Path, log: Path | None = None, **settings: str):
    """The project's uWSGI server, as `kg serve` starts it, over the release in build_dir, without building or
    validating first (for releases `kg build` did not make, such as synthetic ones); yields the master process."""
    from kg.serving import uwsgi_command
    from server.config import load_config

    overrides = {"BUILD_DIR": str(build_dir), "PORT": str(port), **settings}
    command = uwsgi_command(load_config(overrides))
    metrics = tempfile.mkdtemp(prefix="landbridge-kg-metrics-")
    env = allocator.environ(dict(os.environ, **{f"KG_{k}": str(v) for k, v in overrides.items()}))
    env.update({"KG_RECYCLE_ON_TIMEOUT": "1", "PROMETHEUS_MULTIPROC_DIR": metrics})
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_up(f"http://127.0.0.1:{port}/sparql", proc)
        yield proc
    finally:
        stop(proc)
        if log:
            out.close()
        import shutil

        shutil.rmtree(metrics, ignore_errors=True)


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """A /metrics page's samples: (name, sorted label pairs) -> value."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def total(metrics: dict, name: str, **labels: str) -> float:
    """The sum of a metric's samples that carry the given labels (all of them: none given)."""
    return sum(v for (n, ls), v in metrics.items() if n == name and all(pair in ls for pair in labels.items()))


def counter(site: str, name: str, **labels: str) -> float:
    """A counter's value on a running server's /metrics (site: its base URL), summed over other labels."""
    with urllib.request.urlopen(site + "/metrics", timeout=10) as r:
        return total(samples(r.read().decode()), name, **labels)
