"""Modality, time and independence of sources, as a user of the graph meets them: the default graph holds
only what the sources assert, states keep their times, and every channel serves the same literals."""

from __future__ import annotations

import gzip
import json

import pyoxigraph as ox
import pytest

from kg.build import load_inputs
from kg.coverage import coverage
from kg.paths import Layout
from server import create_app

from .conftest import BASE, copy_project_inputs, select

LB = "https://landbridge-kg.org/ontology#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PREFIXES = f"PREFIX lb: <{LB}>\nPREFIX prov: <http://www.w3.org/ns/prov#>\nPREFIX id: <{BASE}id/>\n"


def test_a_plain_query_returns_no_prediction_plan_recommendation_or_denial(store):
    """Every triple of the default graph that a non-asserted claim states is also asserted by another claim."""
    rows = select(store, PREFIXES + """SELECT ?s ?p ?o ?m WHERE {
        ?claim lb:modality ?m FILTER(?m != lb:asserted)
        GRAPH ?claim { ?s ?p ?o } ?s ?p ?o .
        FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } ?other lb:modality lb:asserted }
    }""")
    assert rows == []
    modal = select(store, PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?c lb:modality ?m FILTER(?m != lb:asserted) }")
    assert int(modal[0]["n"]) > 40  # the sources plan, predict and recommend a great deal


def test_the_headline_prediction_is_not_a_fact(store):
    """'A Key Border Crossing … Is about to Fall into Iranian Hands' is expected, not Iran's control; only
    document 004's hedged assessment ('considerable influence, and possibly control') asserts that."""
    asserting = select(store, PREFIXES + """SELECT ?sid ?certainty WHERE {
        GRAPH ?c { id:iran lb:controls id:al-qaim-albu-kamal-crossing }
        ?c lb:modality lb:asserted ; lb:statementId ?sid ; lb:certainty ?certainty }""")
    assert asserting == [{"sid": "004-042", "certainty": LB + "assessed"}]
    rows = select(store, PREFIXES + """SELECT ?m ?cue WHERE {
        ?c lb:statementId "001-002" ; lb:modality ?m ; lb:modalityCue ?cue }""")
    assert rows == [{"m": LB + "expected", "cue": "about to"}]


def test_a_conditional_keeps_its_condition(store):
    rows = select(store, PREFIXES + """SELECT ?condition WHERE {
        ?c lb:statementId "000-033" ; lb:modality lb:conditional ; lb:condition ?condition }""")
    assert rows == [{"condition": "If Shiite militias assume control of the crossing after it reopens"}]


def test_the_crossing_is_open_in_the_default_graph_and_its_earlier_status_keeps_its_time(store):
    statuses = {r["s"] for r in select(store, PREFIXES + "SELECT ?s WHERE { id:al-qaim-albu-kamal-crossing lb:status ?s }")}
    assert statuses == {LB + "open"}
    earlier = select(store, PREFIXES + """SELECT ?sid ?later WHERE {
        GRAPH ?c { id:al-qaim-albu-kamal-crossing lb:status lb:closed }
        ?c lb:statementId ?sid ; lb:supersededBy ?later }""")
    assert {r["sid"] for r in earlier} >= {"000-032"}


def test_was_the_crossing_open_on_a_date_has_one_answer(store):
    """The 'as of' pattern of the README: the latest asserted status whose time began by the date."""
    def status_on(day: str) -> list[dict]:
        return select(store, PREFIXES + f"""SELECT ?status ?doc ?from WHERE {{
            GRAPH ?c {{ id:al-qaim-albu-kamal-crossing lb:status ?status }}
            ?c lb:modality lb:asserted ; lb:validFrom ?from ; prov:wasDerivedFrom ?doc .
            OPTIONAL {{ ?c lb:validUntil ?until }}
            FILTER(?from <= "{day}"^^<http://www.w3.org/2001/XMLSchema#date>)
        }} ORDER BY DESC(?from) LIMIT 1""")
    june = status_on("2019-06-01")
    october = status_on("2019-10-01")
    assert [r["status"] for r in june] == [LB + "closed"]
    assert [r["status"] for r in october] == [LB + "open"]
    assert october[0]["doc"] == BASE + "id/document/002"


def test_states_without_a_time_in_the_text_hold_as_of_the_documents_date(store):
    rows = select(store, PREFIXES + """SELECT ?sid ?asof ?published WHERE {
        ?c lb:statementId ?sid ; lb:asOf ?asof ; prov:wasDerivedFrom ?doc . ?doc lb:publicationDate ?published }""")
    assert len(rows) > 20
    assert all(r["asof"] == r["published"] for r in rows)
    undated = select(store, PREFIXES + f"""SELECT ?bound WHERE {{ ?c lb:asOfNotBefore ?bound ;
        prov:wasDerivedFrom <{BASE}id/document/003> }}""")
    assert undated and {r["bound"] for r in undated} == {"2023-03"}


def test_sources_that_repeat_each_other_are_one_source(store):
    rows = select(store, PREFIXES + "SELECT ?doc ?root WHERE { ?doc lb:primarySource ?root }")
    roots = {r["doc"].rsplit("/", 1)[-1]: r["root"].rsplit("/", 1)[-1] for r in rows}
    assert roots == {"000": "000", "001": "000", "002": "002", "003": "003", "004": "004"}
    derived = select(store, PREFIXES + f"SELECT ?from WHERE {{ <{BASE}id/document/001> prov:wasQuotedFrom ?from }}")
    assert derived == [{"from": BASE + "id/document/000"}]


@pytest.mark.slow  # loads the inputs and splits the five documents into sentences (pySBD)
def test_the_coverage_report_of_the_five_documents_is_empty():
    reports = coverage(load_inputs(Layout()))
    assert [r.document for r in reports] == ["000", "001", "002", "003", "004"]
    for report in reports:
        assert report.empty, json.dumps(report.as_json(), indent=1, ensure_ascii=False)[:3000]
        assert report.quoted + report.explained == report.sentences > 10


@pytest.mark.slow  # loads the inputs and splits the five documents into sentences (pySBD)
def test_the_coverage_report_finds_what_is_left(tmp_path):
    """A number no fact uses, a sentence no statement quotes and a name with no fact are each reported."""
    layout = copy_project_inputs(tmp_path)
    path = layout.root / "statements" / "003.yaml"
    text = path.read_text(encoding="utf-8")
    # Drop the statement that quotes the Captagon seizure: its sentence becomes unquoted.
    start = text.index("  quote: \"Iraqi authorities in March 2023 stopped the passage")
    block_start = text.rindex("\n- id:", 0, start) + 1
    block_end = text.index("\n- id:", start) + 1
    path.write_text(text[:block_start] + text[block_end:], encoding="utf-8")
    report = {r.document: r for r in coverage(load_inputs(layout))}["003"]
    assert any(s.text.startswith("Iraqi authorities in March 2023") for s in report.unquoted)


def test_every_datatype_is_the_same_in_the_dumps_and_at_the_endpoint(built, release):
    """The engine keeps derived integer types as xsd:integer: the graph uses only types it keeps."""
    with gzip.open(release / "landbridge.nq.gz", "rb") as f:
        dumped = [q for q in ox.parse(f, format=ox.RdfFormat.N_QUADS) if isinstance(q.object, ox.Literal)]
    by_type: dict[str, ox.Quad] = {}
    for q in dumped:
        by_type.setdefault(q.object.datatype.value, q)
    assert {"http://www.w3.org/2001/XMLSchema#integer", "http://www.w3.org/2001/XMLSchema#date",
            "http://www.w3.org/2001/XMLSchema#gMonthDay"} <= set(by_type)
    client = create_app({"BUILD_DIR": str(built.build), "TESTING": True}).test_client()
    for datatype, q in sorted(by_type.items()):
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else f"GRAPH <{q.graph_name.value}>"
        query = f"SELECT ?o WHERE {{ {graph} {{ <{q.subject.value}> <{q.predicate.value}> ?o }} }}"
        response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200, response.data
        # SPARQL JSON leaves out xsd:string, the datatype of a plain literal (RDF 1.1)
        values = {(b["o"]["value"], b["o"].get("xml:lang") or b["o"].get("datatype", XSD_STRING))
                  for b in json.loads(response.data)["results"]["bindings"]}
        expected = (q.object.value, q.object.language or datatype)
        assert expected in values, (datatype, q, values)


@pytest.mark.parametrize("sid", ["000-046", "001-028"])
def test_a_recommendation_about_the_crossing_is_not_its_cargo(store, sid):
    rows = select(store, PREFIXES + f"""SELECT ?m WHERE {{ ?c lb:statementId "{sid}" ; lb:modality ?m }}""")
    assert rows == [{"m": LB + "recommended"}]
    assert not store.query(PREFIXES + "ASK { id:al-qaim-albu-kamal-crossing lb:cargo id:fighters }")


def test_a_number_before_a_comma_is_the_number_its_fact_gives():
    from pathlib import Path

    from kg.coverage import unused_in
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.statements import Fact, QuantityValue, Statement

    casualties = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl").fact_property("casualties")
    toll = QuantityValue("exactly", "person", "the death toll at 14", value=14)
    stmt = Statement("009-001", None, "A monitor put the death toll at 14, among them four Iraqis.", 0, 0, "stated",
                     Path("009.yaml"), 1, facts=[Fact("strike-x", casualties, toll, 1)])
    assert [(u.kind, u.words) for u in unused_in(stmt, {})] == [("number", "four")]


def test_a_day_before_its_month_is_the_date_its_fact_gives():
    from pathlib import Path

    from kg.coverage import unused_in
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.statements import Fact, Statement, TypedValue

    date = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl").fact_property("date")
    stmt = Statement("009-001", None, "8 June: rockets struck open ground.", 0, 0, "stated", Path("009.yaml"), 1,
                     facts=[Fact("attack-x", date, TypedValue("2023-06-08", "date"), 1)])
    assert unused_in(stmt, {}) == []  # "8 June" is the fact's date, not a number no fact uses
    other = Statement("009-002", None, "9 June: a drone struck a pickup.", 0, 0, "stated", Path("009.yaml"), 1,
                      facts=[Fact("attack-y", date, TypedValue("2023-06-08", "date"), 1)])
    assert [(u.kind, u.words) for u in unused_in(other, {})] == [("date", "9 June")]


def test_a_state_its_source_says_ended_is_no_fact_of_the_default_graph(tmp_path):
    """A force the source says was deployed until a month is not deployed now: a plain query does not find it (nor
    its size), while its claim graph keeps it with the time it ended (lb:validUntil). The graph of the seeds is not
    built from such a claim; the curator of a later document may write one."""
    from kg.build import DatasetBuilder

    layout = copy_project_inputs(tmp_path)
    path = layout.statements / "004.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = 'is deployed at Albukamal on the Syrian side of the border."\n  certainty: reported\n  modality: asserted\n'
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + '  holds_until: "2019-11"\n  time_text: "is deployed"\n'), encoding="utf-8")
    store = ox.Store()
    store.bulk_extend(DatasetBuilder(load_inputs(layout), BASE).run())
    deployed = PREFIXES + "ASK { id:albu-kamal-operatives-force lb:deployedIn id:albu-kamal }"
    sized = PREFIXES + "ASK { id:albu-kamal-operatives-force lb:size ?q }"
    assert not store.query(deployed) and not store.query(sized)
    rows = select(store, PREFIXES + """SELECT ?until ?n WHERE {
        GRAPH ?c { id:albu-kamal-operatives-force lb:deployedIn id:albu-kamal ; lb:size ?q . ?q lb:numericValue ?n }
        ?c lb:statementId "004-059" ; lb:validUntil ?until }""")
    assert [(r["until"], float(r["n"])) for r in rows] == [("2019-11-30", 200.0)]
    # the entity's page shows it among the states that hold no more, with the time the source says it ended
    from server.describe import view

    page = view(store, BASE + "id/albu-kamal-operatives-force", BASE)
    assert not [f for f in page.outgoing if f.predicate == LB + "deployedIn"]
    ended = [(f.value.value, f.later, [ev.statement for ev in f.evidence], f.evidence[0].time)
             for f in page.superseded if f.predicate == LB + "deployedIn"]
    assert sorted(ended) == [(BASE + "id/albu-kamal", [], ["004-059"], "until November 2019 (“is deployed”)"),
                             (BASE + "id/syrian-side-of-border", [], ["004-059"], "until November 2019 (“is deployed”)")]


def test_a_status_that_ended_interrupts_the_standing_one_and_does_not_replace_it(tmp_path):
    """The crossing is open from 30 September 2019 (002-006); a claim that it was closed for two days in October 2019
    (002-012, made to say so) leaves it open in the default graph, the closure in its claim graph with its end, and
    supersedes nothing."""
    from kg.build import DatasetBuilder

    layout = copy_project_inputs(tmp_path)
    path = layout.statements / "002.yaml"
    text = path.read_text(encoding="utf-8")
    old = '  holds_until: "2019-09-29"     # closed until the reopening of 30 September 2019 brought it into the open\n'
    assert old in text
    path.write_text(text.replace(old, '  holds_from: "2019-10-05"\n  holds_until: "2019-10-06"\n'), encoding="utf-8")
    store = ox.Store()
    store.bulk_extend(DatasetBuilder(load_inputs(layout), BASE).run())
    statuses = {r["s"] for r in select(store, PREFIXES + "SELECT ?s WHERE { id:al-qaim-albu-kamal-crossing lb:status ?s }")}
    assert statuses == {LB + "open"}
    rows = select(store, PREFIXES + """SELECT ?until WHERE { GRAPH ?c { id:al-qaim-albu-kamal-crossing lb:status lb:closed }
        ?c lb:statementId "002-012" ; lb:validUntil ?until }""")
    assert rows == [{"until": "2019-10-06"}]
    assert not select(store, PREFIXES + """SELECT ?old WHERE { ?old lb:supersededBy ?c . ?c lb:statementId "002-012" }""")
