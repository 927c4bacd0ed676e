"""Per-client query-time budgets: over budget a client gets 429 with Retry-After; others are not
affected; the budget recovers when the window turns — in one process and across uWSGI workers."""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request

from server import create_app

from .conftest import PROJECT_ROOT, running_server

HEAVY = (PROJECT_ROOT / "ontology" / "queries" / "13-facts-from-several-documents.rq").read_text(encoding="utf-8")


def until_refused(send, limit: int = 200) -> tuple[int, dict]:
    for i in range(limit):
        status, headers = send(i)
        if status == 429:
            return i, headers
        assert status == 200
    raise AssertionError("the budget never ran out")


def test_over_budget_gets_429_and_recovers(built):
    c = create_app({"BUILD_DIR": str(built.build), "QUOTA_SECONDS": 0.05, "QUOTA_WINDOW": 2, "RESULT_CACHE_MB": 0}).test_client()

    def send(i, agent="analyst-a"):
        r = c.get("/sparql", query_string={"query": HEAVY}, headers={"User-Agent": agent})
        return r.status_code, r.headers

    used, headers = until_refused(send)
    assert used >= 1  # the first query always runs
    assert 1 <= int(headers["Retry-After"]) <= 2
    assert c.get("/sparql", query_string={"query": "ASK {}"}, headers={"User-Agent": "analyst-a"}).status_code == 429
    assert c.get("/sparql", query_string={"query": "ASK {}"}, headers={"User-Agent": "analyst-b"}).status_code == 200
    assert c.get("/id/kataib-hezbollah", headers={"User-Agent": "analyst-a", "Accept": "text/turtle"}).status_code == 200
    time.sleep(int(headers["Retry-After"]) + 0.1)
    assert send(0)[0] == 200


def test_one_budget_across_worker_processes(built, tmp_path):
    with running_server(built, tmp_path / "serve.log", WORKERS="3", QUOTA_SECONDS="0.2", QUOTA_WINDOW="4",
                        RESULT_CACHE_MB="0") as url:
        def send(i, agent="analyst-a"):
            request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": HEAVY}), headers={"User-Agent": agent})
            try:
                with urllib.request.urlopen(request, timeout=30) as r:
                    r.read()
                    return r.status, dict(r.headers)
            except urllib.error.HTTPError as err:
                return err.code, dict(err.headers)

        started = time.monotonic()
        used, headers = until_refused(send)
        # Each worker alone would allow ~0.2 s; three separate budgets would allow about three times as many.
        per_query = (time.monotonic() - started) / (used + 1)
        assert used * per_query < 0.2 * 2 + 0.3
        assert int(headers["Retry-After"]) <= 4
        assert send(0, agent="analyst-b")[0] == 200
        time.sleep(int(headers["Retry-After"]) + 0.2)
        assert send(0)[0] == 200


def test_behind_a_trusted_proxy_clients_are_told_apart_by_x_forwarded_for(built):
    settings = {"BUILD_DIR": str(built.build), "QUOTA_SECONDS": 0.01, "QUOTA_WINDOW": 30, "RESULT_CACHE_MB": 0}
    proxied = create_app({**settings, "PROXY_HOPS": 1}).test_client()
    for _ in range(30):
        if proxied.get("/sparql", query_string={"query": HEAVY}, headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 429:
            break
    else:
        raise AssertionError("the budget never ran out")
    assert proxied.get("/sparql", query_string={"query": "ASK {}"}, headers={"X-Forwarded-For": "203.0.113.8"}).status_code == 200
    # Without trusted proxies the header is the client's own claim, and is ignored.
    direct = create_app(settings).test_client()
    for _ in range(30):
        if direct.get("/sparql", query_string={"query": HEAVY}, headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 429:
            break
    assert direct.get("/sparql", query_string={"query": "ASK {}"}, headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
