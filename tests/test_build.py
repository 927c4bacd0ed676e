"""kg build: a plain query sees plain facts; every fact leads to its evidence; builds are reproducible."""

from __future__ import annotations

import datetime
import json
import re

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.corpus import load_corpus
from kg.paths import PROJECT_ROOT, Layout
from kg.release import DUMPS

from .conftest import BASE, select

LB = "https://landbridge-kg.org/ontology#"
EVIDENCE_PATTERN = """
PREFIX lb: <https://landbridge-kg.org/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?claim ?doc ?quote ?start ?end ?certainty WHERE {
  %s
  GRAPH ?claim { %s }
  ?claim prov:wasDerivedFrom ?doc ; lb:certainty ?certainty ;
         lb:evidence/oa:hasTarget/oa:hasSelector ?quoteSelector, ?positionSelector .
  ?quoteSelector oa:exact ?quote .
  ?positionSelector oa:start ?start ; oa:end ?end .
}"""


def test_stats_are_written_and_match_the_store(release, store):
    stats = json.loads((release / "stats.json").read_text())
    default = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    graphs = select(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
    claims = select(store, "PREFIX lb: <%s> SELECT (COUNT(*) AS ?n) WHERE { ?c a lb:Claim }" % LB)[0]["n"]
    assert stats["triples_default_graph"] == int(default)
    # provenance, register, register-modal, documents, ontology, reference-coordinates, geonames
    assert stats["named_graphs"] == int(graphs) == int(claims) + 7
    assert stats["statements"] == int(claims)


def test_every_claim_has_its_own_graph_and_its_evidence_slices_the_document(store):
    docs = {f"{BASE}id/document/{d.id}": d for d in load_corpus(Layout().catalogue, Layout().seeds).values()}
    rows = select(store, EVIDENCE_PATTERN % ("", "?s ?p ?o"))
    claims = {r["claim"] for r in rows}
    total = select(store, "PREFIX lb: <%s> SELECT (COUNT(*) AS ?n) WHERE { ?c a lb:Claim }" % LB)[0]["n"]
    assert len(claims) == int(total)
    for r in rows:
        text = docs[r["doc"]].text
        assert text[int(r["start"]):int(r["end"])] == r["quote"], r["claim"]
        assert r["certainty"] in {LB + c for c in ("stated", "reported", "assessed", "alleged")}


def test_the_default_graph_is_the_set_merge_of_the_named_graphs(store):
    # A triple held by several claim graphs is seen once in the default graph.
    shared = select(store, """
        PREFIX lb: <https://landbridge-kg.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?s ?p ?o (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
          GRAPH ?g { ?s ?p ?o } ?g a lb:Claim ; lb:modality lb:asserted ; prov:wasDerivedFrom ?doc .
          FILTER NOT EXISTS { ?g lb:supersededBy ?later . ?p lb:oneValueAtATime true }
        } GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?doc) > 1)""")
    assert len(shared) >= 10, "documents 000 and 001 share many facts"
    for row in shared[:50]:
        s, p = ox.NamedNode(row["s"]), ox.NamedNode(row["p"])
        in_default = list(store.quads_for_pattern(s, p, None, ox.DefaultGraph()))
        matching = [q for q in in_default if q.object.value == row["o"]]
        assert len(matching) == 1
    counted = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    distinct = select(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")[0]["n"]
    assert counted == distinct


def test_a_fact_two_documents_support_counts_once_with_two_pieces_of_evidence(store):
    fact = f"<{BASE}id/kataib-hezbollah> <{LB}hasPresenceIn> <{BASE}id/iraqi-side-of-border>"
    count = select(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {fact} }}")[0]["n"]
    assert count == "1"
    rows = select(store, EVIDENCE_PATTERN % ("", fact))
    assert {r["doc"] for r in rows} == {f"{BASE}id/document/000", f"{BASE}id/document/001"}


def test_iris_are_readable_and_under_the_base(store):
    rows = select(store, f"""SELECT ?label WHERE {{ <{BASE}id/kataib-hezbollah> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}""")
    assert rows == [{"label": "Kataib Hezbollah"}]
    iris = select(store, "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }")
    ours = [r["s"] for r in iris if r["s"].startswith(BASE) and "/ontology" not in r["s"]]
    assert ours
    for iri in ours:
        assert re.match(rf"^{re.escape(BASE)}(id|graph)/[a-z0-9/-]+$", iri), iri


def test_no_blank_nodes(store):
    assert select(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o)) }")[0]["n"] == "0"


@pytest.mark.slow  # builds the graph again
def test_two_builds_give_byte_identical_dumps(tmp_path, release):
    layout = Layout(root=PROJECT_ROOT, build_dir=tmp_path / "again")
    again = build(layout, BASE).release.path
    for name in DUMPS.values():
        assert (again / name).read_bytes() == (release / name).read_bytes(), name
    assert (again / "stats.json").read_bytes() == (release / "stats.json").read_bytes()


@pytest.mark.slow  # builds the graph again, under another base
def test_the_base_iri_is_configurable(tmp_path):
    layout = Layout(root=PROJECT_ROOT, build_dir=tmp_path / "other")
    result = build(layout, "http://127.0.0.1:8000/")
    head = (result.release.path / DUMPS["nquads"]).read_text(encoding="utf-8")
    assert "<http://127.0.0.1:8000/id/kataib-hezbollah>" in head
    assert "https://landbridge-kg.org/id/" not in head


def test_dates_keep_their_precision(store):
    rows = select(store, """SELECT DISTINCT (DATATYPE(?d) AS ?t) WHERE {
        ?e <https://landbridge-kg.org/ontology#date> ?d }""")
    kinds = {r["t"].rsplit("#", 1)[1] for r in rows}
    assert kinds == {"date", "gYearMonth", "gYear"}


def test_a_day_without_a_year_is_bounded_never_bare(store):
    """Document 003 shows no date; its 'November 17' is after its earliest date (March 2023) allows."""
    rows = select(store, f"""SELECT ?e ?md ?nb WHERE {{ ?e <{LB}monthDay> ?md .
        OPTIONAL {{ ?e <{LB}dateNotBefore> ?nb }} }}""")
    assert rows
    for row in rows:
        assert "nb" in row, row
        month, day = int(row["md"][2:4]), int(row["md"][5:7])
        bound = datetime.date.fromisoformat(row["nb"])
        assert (bound.month, bound.day) == (month, day)
        assert datetime.date(2022, 3, 1) < bound <= datetime.date(2023, 3, 1)


def test_off_topic_material_is_not_ingested(release):
    """No words of excluded material (teasers, paywalls, comments, bios) reach the graph."""
    docs = load_corpus(Layout().catalogue, Layout().seeds)
    literals = []
    for q in ox.parse(path=str(release / DUMPS["nquads"]), format=ox.RdfFormat.N_QUADS):
        if isinstance(q.object, ox.Literal) and q.predicate.value != LB + "excludedSpan":
            literals.append(q.object.value)
    blob = "\n".join(literals)
    markers = ["Egypt", "MESA", "Hamas", "Qatar", "free articles", "Subscribe", "Captcha", "Cookie",
               "@FDD", "@adesnik", "Grand Bazaar", "IMF", "Loan against", "Arab Union", "research analyst",
               "Global Threat Network", "BESA"]
    for marker in markers:
        assert marker not in blob, marker
    # And, generally: every sentence-sized run of an excluded span that occurs only there is absent.
    for doc in docs.values():
        scope = doc.in_scope_text()
        for span in doc.excluded:
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", doc.text[span.start:span.end]):
                sentence = sentence.strip()
                if len(sentence) >= 20 and sentence not in scope:
                    assert sentence not in blob, (doc.id, sentence)
