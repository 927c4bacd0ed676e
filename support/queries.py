"""What the tests and benches send: the competency questions as request paths, an ordinary query and pathological
ones that run until the time limit stops them, and a client that sends one and says how it ended."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request

from .checkout import ROOT
from .counting import transport_kind


def query_paths(path: str, queries: list[str]) -> list[str]:
    return [f"{path}?query={urllib.parse.quote(q)}" for q in queries]


def competency_queries() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "ontology" / "queries").glob("*.rq"))]


EVERYTHING = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i"
PATHOLOGICAL = [
    f"SELECT (COUNT(*) AS ?n) WHERE {{ {EVERYTHING} }}",  # a cartesian product
    f"SELECT * WHERE {{ {EVERYTHING} }} ORDER BY ?c ?f ?i",  # and sorted
    "SELECT (COUNT(*) AS ?n) WHERE { ?s (!<urn:none>)* ?o . ?o (!<urn:none>)* ?t }",  # unbounded property paths
    "SELECT ?a (COUNT(*) AS ?n) (GROUP_CONCAT(STR(?f)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a",  # a huge aggregation
    "SELECT * WHERE { ?a ?b ?c OPTIONAL { ?d ?e ?f OPTIONAL { ?g ?h ?i OPTIONAL { ?j ?k ?l OPTIONAL { ?m ?n ?o "
    "OPTIONAL { ?p ?q ?r } } } } } }",  # deep OPTIONAL nesting
    "SELECT (SUM(STRLEN(CONCAT(STR(?a), STR(?d), STR(?g)))) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(REGEX(STR(?c), STR(?f))) . ?g ?h ?i }",
    "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x (<http://www.w3.org/2000/01/rdf-schema#label>|!<urn:none>)+ ?y . ?y ?p ?z . ?u ?v ?w }",
]
ORDINARY = "SELECT ?p ?o WHERE { <https://landbridge-kg.org/id/kataib-hezbollah> ?p ?o }"


def ask(url: str, query: str, agent: str, timeout: float = 60) -> tuple[int | str, float]:
    """The answer's status (or, with none, the transport error's kind) and the time it took."""
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}), headers={"User-Agent": agent})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as err:
        err.read()
        status = err.code
    except (OSError, http.client.HTTPException) as exc:
        status = transport_kind(exc)
    return status, time.monotonic() - started
