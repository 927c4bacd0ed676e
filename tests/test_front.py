"""The front of `kg serve` (server.front): the connections nginx keeps open to the workers between requests
must never leave a request waiting for a worker that sits idle on one of them."""

from __future__ import annotations

import concurrent.futures
import http.client
import threading
import time
import urllib.parse

import pytest

from server.config import load_config
from server.front import POOLING_SINCE, check_conf, nginx, nginx_conf, version

from .conftest import running_server

pytestmark = pytest.mark.slow  # a real `kg serve` (uWSGI workers behind nginx)

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _ask(connection: http.client.HTTPConnection, path: str, text: str) -> int:
    connection.request("GET", path + "?" + urllib.parse.urlencode({"query": text}))
    response = connection.getresponse()
    response.read()
    return response.status


def _once(url: str, text: str, timeout: float = 60) -> tuple[int, float]:
    """A query on a connection of its own: its status and how long the answer took."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    started = time.monotonic()
    try:
        return _ask(connection, parts.path, text), time.monotonic() - started
    finally:
        connection.close()


def test_a_request_beyond_the_pool_is_answered_while_long_queries_hold_the_other_workers(built, tmp_path):
    """Three workers: two held by long queries (stopped at 8 s), the third answering a client that never pauses
    over one kept connection (so nginx keeps its connection to that worker busy). Other clients' queries must
    still be answered within a few seconds, not when the long queries end."""
    with running_server(built, tmp_path / "serve.log", WORKERS="3", QUERY_TIMEOUT="8", RESULT_CACHE_MB="0",
                        QUOTA_SECONDS="0") as url:
        parts = urllib.parse.urlsplit(url)
        stop = threading.Event()
        answered = []

        def busy_client() -> None:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            n = 0
            while not stop.is_set():
                n += 1
                answered.append(_ask(connection, parts.path, f"ASK {{}} # busy {n}"))
            connection.close()

        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            runaways = [pool.submit(_once, url, RUNAWAY) for _ in range(2)]
            time.sleep(0.5)
            busy = pool.submit(busy_client)
            time.sleep(0.5)
            others = [_once(url, f"ASK {{}} # other {i}") for i in range(4)]
            stop.set()
            busy.result()
            assert [f.result()[0] for f in runaways] == [503, 503]
        assert [status for status, _ in others] == [200] * 4
        assert max(seconds for _, seconds in others) < 3.0, others
        assert answered and set(answered) == {200}


@pytest.mark.parametrize("pool", [True, False])
def test_nginx_takes_the_front_with_its_pool_and_without_it(tmp_path, pool):
    """An nginx older than POOLING_SINCE gets the front without the pool; both configurations are nginx's to run."""
    settings = load_config({"PORT": "8000"})
    for name in ("body", "uwsgi", "proxy", "fastcgi", "scgi"):
        (tmp_path / name).mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_conf(settings, tmp_path / "workers.sock", tmp_path, None, pool), encoding="utf-8")
    check_conf(nginx(), conf, tmp_path)  # raises, saying why, where nginx refuses it
    assert ("keepalive_time " in conf.read_text()) is pool
    assert version(nginx()) >= POOLING_SINCE  # the Debian package scripts/install installs keeps the pool
