"""Per-client query-time budgets: a client is its address, whatever it says in its headers; over budget
it gets 429 with Retry-After; what it used drains away gradually; queries started at once cannot
together spend more than the budget — in one process and across uWSGI workers."""

from __future__ import annotations

import concurrent.futures
import http.client
import time
import urllib.parse

import pytest

from server import create_app
from server.front import CLIENT_HEADER
from server.quota import Quota, client_key

from .conftest import running_server

# Tens of milliseconds of the engine's time (every pair of facts about one subject): a client that sends it again and
# again spends query time faster than its window gives it back, with a memory or a disk store alike.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?a ?e ?f }"
# Runs until the query time limit ends it: every type against every type, twice over.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def app_client(built, **settings):
    return create_app({"BUILD_DIR": str(built.build), "RESULT_CACHE_MB": 0, **settings}).test_client()


def query(client, text: str, address: str = "192.0.2.1", **headers):
    return client.get("/sparql", query_string={"query": text}, headers=headers, environ_base={"REMOTE_ADDR": address})


def until_refused(send, limit: int = 300):
    for i in range(limit):
        response = send()
        if response.status_code == 429:
            return i, response
        assert response.status_code == 200, response.data
    raise AssertionError("the budget never ran out")


@pytest.mark.slow  # wall clock: a query answered once the Retry-After it was given has passed
def test_over_budget_gets_429_others_do_not_and_pages_are_free(built):
    c = app_client(built, QUOTA_SECONDS=0.05, QUOTA_WINDOW=2)
    used, refused = until_refused(lambda: query(c, HEAVY))
    assert used >= 1  # the first query always runs
    assert 1 <= int(refused.headers["Retry-After"]) <= 2
    assert query(c, "ASK {}").status_code == 429
    assert query(c, "ASK {}", address="192.0.2.2").status_code == 200
    page = c.get("/id/kataib-hezbollah", headers={"Accept": "text/turtle"}, environ_base={"REMOTE_ADDR": "192.0.2.1"})
    assert page.status_code == 200
    time.sleep(int(refused.headers["Retry-After"]) + 0.1)
    assert query(c, HEAVY).status_code == 200


@pytest.mark.parametrize("agent", ["another-client/1.0", "ANALYST-A", "", None])
def test_a_client_is_its_address_not_what_its_headers_say(built, agent):
    c = app_client(built, QUOTA_SECONDS=0.05, QUOTA_WINDOW=30)
    until_refused(lambda: query(c, HEAVY, **{"User-Agent": "analyst-a"}))
    headers = {} if agent is None else {"User-Agent": agent}
    assert query(c, "ASK {}", **headers).status_code == 429


@pytest.mark.slow  # wall clock: a query answered once the Retry-After it was given has passed
def test_the_budget_drains_gradually_rather_than_at_a_window_turn(built):
    """With a budget of 1 s per 20 s, queries that reserve 0.2 s each: once refused, a client waits about
    as long as its next query's share takes to drain (4 s), not until a window turns (20 s)."""
    c = app_client(built, QUOTA_SECONDS=1, QUOTA_WINDOW=20, QUERY_TIMEOUT=0.2)
    _, refused = until_refused(lambda: query(c, HEAVY))
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 5
    time.sleep(wait + 0.1)
    assert query(c, HEAVY).status_code == 200


def test_clients_of_one_ipv6_network_are_one_client():
    assert client_key({"REMOTE_ADDR": "2001:db8:1:2:aaaa::1"}) == client_key({"REMOTE_ADDR": "2001:db8:1:2:ffff::9"})
    assert client_key({"REMOTE_ADDR": "2001:db8:1:3::1"}) != client_key({"REMOTE_ADDR": "2001:db8:1:2::1"})
    assert client_key({"REMOTE_ADDR": "::ffff:192.0.2.7"}) == client_key({"REMOTE_ADDR": "192.0.2.7"})


def test_a_reservation_is_kept_until_the_query_ends():
    quota = Quota(seconds=60, window=60, longest=30)
    assert quota.admit("a") is None and quota.admit("a") is None  # two at once: 2 x 30 s fits 60 s
    assert quota.admit("a") is not None  # a third cannot start before one ends
    quota.settle("a", 0.0)  # one ends at once, having used nothing: its 30 s come back
    assert quota.admit("a") is None
    quota.settle("a", 0.5)  # another ends having used half a second: that half second drains first
    assert quota.admit("a") == 1
    time.sleep(0.6)
    assert quota.admit("a") is None


def _get(url: str, text: str, source: str = "127.0.0.1", agent: str | None = None, **extra: str) -> tuple[int, dict]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60, source_address=(source, 0))
    try:
        headers = {"User-Agent": agent} if agent else {}
        headers.update(extra)
        connection.request("GET", parts.path + "?" + urllib.parse.urlencode({"query": text}), headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        connection.close()


@pytest.mark.slow  # a real `kg serve`
def test_one_budget_across_worker_processes_and_none_for_user_agents(built, tmp_path):
    with running_server(built, tmp_path / "serve.log", WORKERS="3", QUOTA_SECONDS="2", QUOTA_WINDOW="4", QUERY_TIMEOUT="0.5",
                        RESULT_CACHE_MB="0") as url:
        statuses = []
        for i in range(300):
            status, headers = _get(url, HEAVY, agent=f"agent-{i}")  # a new User-Agent every time
            statuses.append(status)
            if status == 429:
                break
        assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
        assert int(headers["Retry-After"]) <= 4
        assert _get(url, "ASK {}", source="127.0.0.2")[0] == 200  # another address is another client
        time.sleep(int(headers["Retry-After"]) + 0.3)
        assert _get(url, HEAVY)[0] == 200


@pytest.mark.slow  # a real `kg serve`
def test_runaways_started_at_once_cannot_spend_more_than_the_budget(built, tmp_path):
    """Budget 2.5 s per 60 s, time limit 1 s: each query reserves 1 s, so of three started together two
    run (and are stopped at 1 s) and the third is refused at once."""
    with running_server(built, tmp_path / "serve.log", WORKERS="4", QUOTA_SECONDS="2.5", QUOTA_WINDOW="60",
                        QUERY_TIMEOUT="1", RESULT_CACHE_MB="0") as url:
        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            statuses = sorted(s for s, _ in pool.map(lambda _: _get(url, RUNAWAY), range(3)))
        assert statuses == [429, 503, 503], statuses
        assert _get(url, "ASK {}")[0] == 429  # both reservations were spent in full
        # The header in which the front tells the workers the client's address is the front's alone (the budget
        # drains 2.5 s a minute here, so the client stays refused meanwhile).
        assert _get(url, "ASK {}", **{CLIENT_HEADER: "127.0.0.3"})[0] == 429


def test_behind_a_trusted_proxy_clients_are_told_apart_by_x_forwarded_for(built):
    settings = {"QUOTA_SECONDS": 0.01, "QUOTA_WINDOW": 30}
    proxied = app_client(built, PROXY_HOPS=1, **settings)
    until_refused(lambda: query(proxied, HEAVY, **{"X-Forwarded-For": "203.0.113.7"}))
    assert query(proxied, "ASK {}", **{"X-Forwarded-For": "203.0.113.8"}).status_code == 200
    # Without trusted proxies the header is the client's own claim, and is ignored.
    direct = app_client(built, **settings)
    until_refused(lambda: query(direct, HEAVY, **{"X-Forwarded-For": "203.0.113.7"}))
    assert query(direct, "ASK {}", **{"X-Forwarded-For": "203.0.113.9"}).status_code == 429
