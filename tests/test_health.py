"""/healthz and /metrics: what a load balancer and a Prometheus scraper read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from server import create_app
from server.metrics import exposition
from support.metrics import samples, total

from .conftest import until
from .test_clients import RUNAWAY, get


def test_healthz_says_alive_loaded_and_which_build(built, release):
    r = create_app({"BUILD_DIR": str(built.build)}).test_client().get("/healthz")
    body = json.loads(r.data)
    manifest = json.loads((release / "manifest.json").read_text())
    assert r.status_code == 200 and body["status"] == "ok" and body["data_loaded"] is True
    assert body["release"] == release.name and body["inputs_sha256"] == manifest["inputs_sha256"]


def test_metrics_count_requests_by_route_and_status_and_refusals(built):
    c = create_app({"BUILD_DIR": str(built.build)}).test_client()
    before = samples(c.get("/metrics").get_data(as_text=True))
    c.get("/sparql", query_string={"query": "ASK {}"})
    c.get("/sparql", query_string={"update": "CLEAR ALL"})
    c.get("/sparql", query_string={"query": "SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }"})
    c.get("/id/kataib-hezbollah", headers={"Accept": "text/turtle"})
    after = samples(c.get("/metrics").get_data(as_text=True))

    def grew(name, **labels):
        return total(after, name, **labels) - total(before, name, **labels)

    assert grew("kg_http_requests_total", route="/sparql", status="200") == 1
    assert grew("kg_http_requests_total", route="/sparql", status="403") == 1
    assert grew("kg_http_requests_total", route="/id/<path:rest>", status="200") == 1
    assert grew("kg_queries_rejected_total", reason="update") == 1
    assert grew("kg_queries_rejected_total", reason="service") == 1
    assert grew("kg_http_request_duration_seconds_count", route="/sparql") == 3


@pytest.mark.slow  # a real `kg serve`
def test_metrics_add_up_all_workers_and_count_timeouts_and_restarts(server_url):
    site = server_url.rsplit("/", 1)[0]

    def scrape() -> dict:
        with urllib.request.urlopen(site + "/metrics", timeout=10) as r:
            return samples(r.read().decode())

    before = scrape()
    for _ in range(20):  # spread over the workers
        urllib.request.urlopen(server_url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}), timeout=10).read()
    status, _, _ = get(server_url, RUNAWAY)
    assert status == 503
    assert until(lambda: total(scrape(), "kg_worker_starts_total") > 3, 20)  # the 3 configured workers, and a replacement
    after = scrape()
    assert total(after, "kg_http_requests_total", route="/sparql", status="200") - \
        total(before, "kg_http_requests_total", route="/sparql", status="200") >= 20
    assert total(after, "kg_query_timeouts_total") - total(before, "kg_query_timeouts_total") == 1
    assert total(after, "kg_workers_ended_total") - total(before, "kg_workers_ended_total") == 1
    with urllib.request.urlopen(site + "/healthz", timeout=10) as r:
        assert json.loads(r.read())["status"] == "ok"


def test_metrics_survive_a_worker_file_not_yet_sized(tmp_path, monkeypatch):
    """A worker's figures file exists at 0 bytes for a moment after it is created (and for good if
    the worker is ended in that moment); a scrape then still answers, with the other workers' figures."""
    worker = "from server.metrics import WORKER_STARTS, observe; WORKER_STARTS.inc(); observe('/sparql', 200, 0.01)"
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", worker], env=env, check=True, cwd=Path(__file__).resolve().parent.parent)
    (tmp_path / "counter_999999.db").touch()
    (tmp_path / "histogram_999999.db").touch()
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    figures = samples(exposition()[0].decode())
    assert total(figures, "kg_worker_starts_total") == 2
    assert total(figures, "kg_http_requests_total", route="/sparql", status="200") == 2
    assert total(figures, "kg_http_request_duration_seconds_count", route="/sparql") == 2
