"""The load script's short form: 8 concurrent clients for 5 s over the query mix and the pages, no errors."""

from __future__ import annotations

import pytest

from support.load import load, requests_counted

pytestmark = pytest.mark.slow  # drives a real `kg serve` with wrk for seconds


def test_eight_clients_for_five_seconds_without_errors(server_url):
    site = server_url.rsplit("/", 1)[0]
    before = requests_counted(site)
    r = load(site, 8, 5)
    assert r["requests"] > 100
    assert r["errors"] == 0, r
    assert requests_counted(site) - before >= r["requests"]  # every request is in /metrics
