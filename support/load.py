"""The load mix: the competency questions, entity pages, RDF dereferencing and the home page, through wrk."""

from __future__ import annotations

from .counting import run_wrk
from .metrics import counter
from .queries import competency_queries, query_paths

PAGES = ["/", "/id/kataib-hezbollah", "/id/al-qaim-albu-kamal-crossing", "/id/claim/000-004", "/id/document/001",
         "/id/kataib-hezbollah.ttl", "/id/iraq.jsonld", "/id/strike-2018-06-near-albu-kamal.nt", "/.well-known/void",
         "/sparql", "/healthz"]


def load(site: str, clients: int, seconds: float) -> dict:
    """wrk with `clients` connections (each its own User-Agent) for `seconds` over the mix, counted (support.counting)."""
    paths = query_paths("/sparql", competency_queries()) + PAGES
    return run_wrk(site + "/", paths, clients, seconds, accept="*/*", agents=clients)


def requests_counted(site: str) -> int:
    """How many requests the server at site has counted in its /metrics."""
    return int(counter(site, "kg_http_requests_total"))
