"""What the benchmark and load scripts alone share: waiting for and stopping the servers they start, `kg serve` and
uWSGI over a release `kg build` did not make. What they share with the tests (counting answers and errors, wrk, the
queries, a server's processes and /metrics) is in support/."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from support.checkout import ROOT, checkout_environ, kg


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 120, log: Path | None = None) -> None:
    """Wait until the server at url answers; if its process ends first, say so with the end of what it wrote (log)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise SystemExit(f"server exited ({proc.returncode}): {proc.args}\n{said}")
        try:
            with urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not start: {url}")


@contextmanager
def kg_serve(port: int, **settings: str):
    """This checkout's `kg serve` on 127.0.0.1:port with KG_* settings, stopped on exit; yields the process. Per-client
    quotas are off (QUOTA_SECONDS 0) unless the settings name a budget: a bench measures answers, not budgets."""
    env = checkout_environ(**{f"KG_{k}": v for k, v in {"QUOTA_SECONDS": "0", **settings}.items()})
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        log = Path(tmp) / "serve.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(kg("serve", "--quiet", "--port", str(port)), env=env, cwd=ROOT,
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_up(f"http://127.0.0.1:{port}/sparql", proc, log=log)
            yield proc
        finally:
            stop(proc)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@contextmanager
def uwsgi_serve(port: int, build_dir: Path, log: Path | None = None, **settings: str):
    """The project's uWSGI server, as `kg serve` starts it, over the release in build_dir, without building or
    validating first (for releases `kg build` did not make, such as synthetic ones), quotas off unless the settings
    name a budget; yields the master process."""
    from server.launch import server_plan

    plan = server_plan({"BUILD_DIR": str(build_dir), "PORT": str(port), "QUOTA_SECONDS": "0", **settings})
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    proc = subprocess.Popen(plan.command, env=checkout_environ(plan.env), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        wait_up(f"http://127.0.0.1:{port}/sparql", proc, log=log)
        yield proc
    finally:
        stop(proc)
        if log:
            out.close()
        import shutil

        shutil.rmtree(plan.runtime, ignore_errors=True)
