"""The benches count answers, not requests: throughput is 2xx responses per second, every row gives its errors by
status, and a comparison with errors behind it gives no ratio and a failing exit status."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from support.counting import Ratios, errors_text, outcome, run_wrk

ROOT = Path(__file__).resolve().parent.parent


class _Statuses(BaseHTTPRequestHandler):
    """Answers /<status> with that status (kept-alive connections, as wrk expects)."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - http.server's name
        body = b"x"
        self.send_response(int(self.path.strip("/")))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.slow  # drives wrk, the benches' load generator, for a second
def test_wrk_counts_only_2xx_responses_as_answers():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Statuses)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        run = run_wrk(f"http://127.0.0.1:{server.server_port}/", ["/200", "/204", "/303", "/404", "/429", "/503"], 2, 1)
    finally:
        server.shutdown()
        server.server_close()
    statuses = run["statuses"]
    assert set(statuses) == {200, 204, 303, 404, 429, 503}, run
    assert sum(statuses.values()) == run["requests"] > 0
    assert run["ok"] == statuses[200] + statuses[204]
    assert run["errors"] == sum(statuses[s] for s in (303, 404, 429, 503))  # no transport errors on loopback
    assert run["rps"] == pytest.approx(run["ok"] / run["seconds"])
    assert errors_text(run) == f"{run['errors']} (303: {statuses[303]}, 404: {statuses[404]}, 429: {statuses[429]}, " \
                               f"503: {statuses[503]})"


def test_a_ratio_with_errors_behind_it_is_withheld():
    clean = {"rps": 300.0, **outcome({200: 600})}
    busy = {"rps": 10.0, **outcome({200: 20, 429: 5000, "timeout": 2})}
    assert errors_text(busy) == "5002 (429: 5000, timeout: 2)" and errors_text(clean) == "0"
    ratios = Ratios()
    assert ratios(clean, clean) == "1.00" and ratios.exit_status == 0
    assert ratios(busy, clean) == "no ratio: 5002 errors"
    assert ratios(clean, busy) == "no ratio: 5002 errors"
    assert ratios.of(0.5, 0) == "0.50" and ratios.of(0.5, 3) == "no ratio: 3 errors"
    assert ratios.exit_status == 1


@pytest.mark.slow
def test_the_endpoint_benchmark_reports_errors_and_gives_no_ratio(tmp_path):
    """bench/endpoint.py with our servers' quotas at 1 ms per client: nearly every answer of ours is a 429."""
    env = dict(os.environ, KG_BUILD_DIR=str(tmp_path / "build"))  # the bench builds there first
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "endpoint.py"), "--seconds", "1", "--workers", "2",
                          "--quota-seconds", "0.001"], capture_output=True, text=True, timeout=600, cwd=ROOT, env=env)
    assert run.returncode == 1, run.stdout + run.stderr[-2000:]  # a comparison had errors
    streams = "lookup repeated|lookup distinct|lookup unique|competency mix"
    rows = re.findall(rf"^({streams}) +(\d) (ours|no cache|oxigraph) +(\d+) +\S+ +\S+  (.*)$", run.stdout, re.M)
    ratios = re.findall(rf"^({streams}) +(\d) ratio +(.*?)  \((ours|no cache) / oxigraph, throughput; [^)]*\)$",
                        run.stdout, re.M)
    assert len(rows) == 16 and len(ratios) == 8, run.stdout
    errors = {}
    for stream, clients, server, rps, error_cell in rows:
        if server == "oxigraph":
            assert error_cell == "0" and int(rps) > 0, run.stdout
        else:
            found = re.fullmatch(r"(\d+) \(429: (\d+)\)", error_cell)
            assert found and found[1] == found[2] and int(found[1]) > 0, run.stdout
            errors[stream, clients, server] = int(found[1])
    for stream, clients, cell, server in ratios:
        assert cell == f"no ratio: {errors[stream, clients, server]} errors", run.stdout
    assert "req/s: 2xx answers per second" in run.stdout
