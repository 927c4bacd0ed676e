"""Linked data: every IRI of the graph dereferences, by Accept or extension; pages show evidence; the
dataset describes itself (VoID, DCAT) and its dumps download."""

from __future__ import annotations

import gzip
import json
import re

import pyoxigraph as ox
import pytest
import rdflib

from kg.build import build
from server import create_app

from .conftest import BASE, copy_project_inputs

KH = BASE + "id/kataib-hezbollah"
RDF_ACCEPTS = [("text/turtle", ox.RdfFormat.TURTLE), ("application/ld+json", ox.RdfFormat.JSON_LD),
               ("application/n-triples", ox.RdfFormat.N_TRIPLES), ("application/rdf+xml", ox.RdfFormat.RDF_XML)]


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build)}).test_client()


def our_iris(store: ox.Store) -> list[str]:
    rows = store.query(f"""SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{BASE}id/")
                           && !REGEX(STR(?s), "/claim/[^/]+/")) }} ORDER BY ?s""")
    return [r["s"].value for r in rows]


def path_of(iri: str) -> str:
    return "/" + iri[len(BASE):]


def parse(body: bytes, fmt, client=None) -> set[ox.Triple]:
    if fmt == ox.RdfFormat.JSON_LD and client is not None:
        # The document names the published context; load it from the server, as a JSON-LD client would.
        document = json.loads(body)
        assert document["@context"] == "https://landbridge-kg.org/context.jsonld"
        document["@context"] = json.loads(client.get("/context.jsonld").data)["@context"]
        body = json.dumps(document).encode()
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt, base_iri="http://localhost/")}


@pytest.mark.slow  # asks for every one of the graph's 600-odd IRIs
def test_every_entity_claim_and_document_iri_gives_turtle_about_itself(client, store):
    iris = our_iris(store)
    assert len(iris) > 500  # entities, claims, documents, quantities, waypoints
    for iri in iris:
        r = client.get(path_of(iri), headers={"Accept": "text/turtle"})
        assert r.status_code == 200, iri
        assert "Accept" in [v.strip() for v in r.headers["Vary"].split(",")]
        subjects = {t.subject for t in parse(r.data, ox.RdfFormat.TURTLE)}
        assert ox.NamedNode(iri) in subjects, iri


@pytest.mark.parametrize("accept,fmt", RDF_ACCEPTS)
def test_formats_by_accept_and_by_extension_agree(client, accept, fmt):
    by_accept = client.get("/id/kataib-hezbollah", headers={"Accept": accept})
    assert by_accept.status_code == 200 and by_accept.mimetype == accept
    ext = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt", "application/rdf+xml": "rdf"}[accept]
    by_ext = client.get(f"/id/kataib-hezbollah.{ext}")
    assert by_ext.status_code == 200 and by_ext.mimetype == accept
    assert parse(by_accept.data, fmt, client) == parse(by_ext.data, fmt, client)
    triples = parse(by_ext.data, fmt, client)
    assert triples == parse(client.get("/id/kataib-hezbollah.nt").data, ox.RdfFormat.N_TRIPLES)
    rdfs_label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    label = ox.Triple(ox.NamedNode(KH), rdfs_label, ox.Literal("Kataib Hezbollah", language="en"))
    assert label in triples
    # Incoming links are part of the description: who controls what, who is targeted by what.
    assert any(t.object == ox.NamedNode(KH) for t in triples)


def test_browsers_get_html_and_plain_clients_get_turtle(client):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/id/kataib-hezbollah", headers={"Accept": browser}).mimetype == "text/html"
    assert client.get("/id/kataib-hezbollah", headers={"Accept": "*/*"}).mimetype == "text/turtle"
    assert client.get("/id/kataib-hezbollah", headers={"Accept": "image/png"}).status_code == 406


def test_unknown_iris_are_404_in_the_form_asked(client):
    html = client.get("/id/no-such-militia", headers={"Accept": "text/html"})
    assert html.status_code == 404 and html.mimetype == "text/html" and "no-such-militia" in html.get_data(as_text=True)
    turtle = client.get("/id/no-such-militia", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 404 and turtle.mimetype == "text/turtle"
    assert parse(turtle.data, ox.RdfFormat.TURTLE) == set()
    assert client.get("/id/no-such-militia.jsonld").status_code == 404


def test_entity_page_shows_labels_facts_both_ways_and_who_says_so(client):
    page = client.get("/id/kataib-hezbollah", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<h1" in page and "Kataib Hezbollah</h1>" in page
    assert "Kataib Hizballah" in page  # an alias
    assert "Popular Mobilization Forces" in page  # the description
    # Facts name their neighbours by label and link to their pages, outgoing and incoming.
    assert '<a href="/id/al-sekak-crossing"' in page and ">al-Sekak crossing</a>" in page
    assert "Referred to by" in page
    assert not re.search(r"<a [^>]*>https?://", page)  # no raw IRIs as link texts
    # The quote behind the fact, highlighted in its context, with document, certainty and source.
    assert "<mark>controls unofficial crossings -- notably al-Sekak</mark>" in page
    assert 'href="/id/document/003#s-003-036"' in page
    assert "certainty-reported" in page and "according to" in page


def test_claim_page_shows_quote_certainty_and_the_facts_it_supports(client):
    page = client.get("/id/claim/000-004", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Claim 000-004" in page and "<mark>Iraq is set to open a vital border crossing" in page
    assert "assessed" in page and "potentially" in page
    assert ">al-Qaim–Albu Kamal border crossing</a>" in page and ">used by</a>" in page


@pytest.mark.slow  # renders every page five pages link to, a hundred-odd
def test_every_page_links_only_to_pages_that_exist(client, store):
    pages = ["/", "/id/kataib-hezbollah", "/id/claim/003-036", "/id/al-qaim-albu-kamal-crossing", "/id/document/003"]
    seen: set[str] = set()
    for page in pages:
        html = client.get(page, headers={"Accept": "text/html"}).get_data(as_text=True)
        for href in re.findall(r'href="(/[^"#]*)', html):
            seen.add(href.replace("&amp;", "&"))
    assert len(seen) > 50
    for href in sorted(seen):
        r = client.get(href, headers={"Accept": "text/html"})
        assert r.status_code == 200, href


def test_named_graphs_dereference_as_datasets(client, store):
    r = client.get("/graph/provenance.trig")
    assert r.status_code == 200
    quads = list(ox.parse(r.data, format=ox.RdfFormat.TRIG))
    graph = ox.NamedNode(BASE + "graph/provenance")
    assert quads and all(q.graph_name == graph for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
    claim = client.get("/id/claim/000-004.trig")
    assert any(q.graph_name == ox.NamedNode(BASE + "id/claim/000-004") for q in ox.parse(claim.data, format=ox.RdfFormat.TRIG))


def test_ontology_terms_resolve_at_the_ontology_path(client):
    r = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = rdflib.Graph().parse(data=r.data, format="turtle")
    militia = rdflib.URIRef("https://landbridge-kg.org/ontology#Militia")
    assert (militia, rdflib.RDF.type, rdflib.OWL.Class) in g
    assert client.get("/ontology.jsonld").mimetype == "application/ld+json"
    assert client.get("/ontology.rdf").mimetype == "application/rdf+xml"


def test_void_and_dcat_describe_the_dataset(client, store):
    r = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = rdflib.Graph().parse(data=r.data, format="turtle")
    void, dcat, dcterms = (rdflib.Namespace(n) for n in
                           ("http://rdfs.org/ns/void#", "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"))
    ds = next(d for d in g.subjects(rdflib.RDF.type, void.Dataset) if (d, rdflib.RDF.type, dcat.Dataset) in g)
    triples = next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value
    assert str(g.value(ds, void.triples)) == triples
    for p in (dcterms.title, dcterms.description, dcterms.license, dcat.version, dcterms.modified, void.entities,
              void.sparqlEndpoint, void.classPartition, void.propertyPartition, void.exampleResource):
        assert g.value(ds, p) is not None, p
    # Example resources and the endpoint resolve here; every dump downloads.
    for example in g.objects(ds, void.exampleResource):
        assert client.get(path_of(str(example)), headers={"Accept": "text/turtle"}).status_code == 200
    assert str(g.value(ds, void.sparqlEndpoint)).endswith("/sparql")
    dumps = sorted(str(d) for d in g.objects(ds, void.dataDump))
    assert [d.rsplit("/", 1)[1] for d in dumps] == ["landbridge.nq.gz", "landbridge.trig.gz", "landbridge.ttl.gz"]
    for dist in g.objects(ds, dcat.distribution):
        assert g.value(dist, dcat.downloadURL) is not None and g.value(dist, dcat.mediaType) is not None
    page = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/.well-known/void"' in page


def test_json_ld_uses_the_published_context(client):
    document = json.loads(client.get("/id/kataib-hezbollah.jsonld").data)
    assert document["@context"] == "https://landbridge-kg.org/context.jsonld"
    context = json.loads(client.get("/context.jsonld").data)["@context"]
    keys = {k for node in document.get("@graph", [document]) for k in node}
    assert {"controls", "partOf"} <= keys  # the ontology's own short terms
    for key in keys - {"@id", "@type"}:  # every key a term or a compact IRI of the context
        assert key in context or key.split(":", 1)[0] in context, key


def test_document_pages_show_the_text_with_every_quote_linked(client, store):
    for doc in ("000", "003"):
        html = client.get(f"/id/document/{doc}", headers={"Accept": "text/html"}).get_data(as_text=True)
        anchors = re.findall(r'id="s-([0-9]{3}-[0-9]{3})"', html)
        statements = [r["s"] for r in store.query(
            f"""SELECT ?s WHERE {{ ?c <https://landbridge-kg.org/ontology#statementId> ?s FILTER(STRSTARTS(?s, "{doc}-")) }}""")]
        assert sorted(anchors) == sorted(s.value for s in statements)
        assert 'data-testid="span"' in html and 'href="/id/claim/' in html


def test_dumps_download_compressed_and_whole(client, release):
    for name in ("landbridge.trig", "landbridge.nq", "landbridge.ttl"):
        r = client.get(f"/dumps/{name}.gz")
        assert r.status_code == 200 and r.mimetype == "application/gzip"
        assert gzip.decompress(r.data) == (release / name).read_bytes()
    assert client.get("/dumps/manifest.json").status_code == 404
    assert client.get("/dumps/..%2Fmanifest.json").status_code == 404


def test_validation_report_is_published(built, client):
    from kg.validate import validate

    assert validate(built).conforms  # records its verdict in the release, where the server finds it
    page = client.get("/validation", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "conforms" in page
    report = json.loads(client.get("/validation", headers={"Accept": "application/json"}).data)
    assert report["conforms"] is True and report["checked"]["shacl"] > 0


@pytest.mark.slow  # builds the graph again, under another base
def test_a_deployment_base_iri_maps_onto_the_same_paths(tmp_path):
    layout = copy_project_inputs(tmp_path / "project")
    base = "https://data.example.org/landbridge/"
    build(layout, base)
    c = create_app({"BUILD_DIR": str(layout.build)}).test_client()
    r = c.get("/id/kataib-hezbollah", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert ox.NamedNode(base + "id/kataib-hezbollah") in {t.subject for t in parse(r.data, ox.RdfFormat.TURTLE)}
    page = c.get("/id/kataib-hezbollah", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/id/al-sekak-crossing"' in page


def canonical(turtle: bytes) -> set[str]:
    """A graph's triples with its blank nodes named canonically: two graphs are isomorphic when these are equal (what
    rdflib.compare.isomorphic decides, in a hundredth of the time on the shapes' hundreds of blank nodes)."""
    dataset = ox.Dataset(ox.parse(turtle, format=ox.RdfFormat.TURTLE, base_iri="http://localhost/"))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(quad) for quad in dataset}


def test_shapes_are_published_as_html_and_rdf(client):
    from kg.paths import PROJECT_ROOT

    page = client.get("/shapes", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "ClaimShape" in page.get_data(as_text=True)
    turtle = client.get("/shapes", headers={"Accept": "text/turtle"})
    published = canonical(turtle.data)
    source = canonical((PROJECT_ROOT / "ontology" / "shapes.ttl").read_bytes())
    assert published == source  # isomorphic
    assert client.get("/shapes.jsonld").mimetype == "application/ld+json"
    ontology_page = client.get("/ontology", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'id="Militia"' in ontology_page


@pytest.mark.slow  # asks for every ontology and shapes IRI
def test_every_ontology_and_shapes_iri_resolves(client, store):
    from server.iris import local_path

    rows = store.query("""SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } UNION { ?s ?x ?o }
                          FILTER(isIRI(?x) && STRSTARTS(STR(?x), "https://landbridge-kg.org/ontology")) }""")
    iris = [r["x"].value for r in rows]
    assert len(iris) > 100
    for iri in iris:
        path = local_path(iri, BASE).split("#", 1)[0]
        assert client.get(path, headers={"Accept": "text/turtle"}).status_code == 200, iri
    assert client.get("/ontology/0.0.1", headers={"Accept": "text/turtle"}).status_code == 404


def test_the_service_description_links_to_the_dataset_description(client):
    g = rdflib.Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"}).data, format="turtle")
    assert (None, rdflib.RDFS.seeAlso, rdflib.URIRef("https://landbridge-kg.org/.well-known/void")) in g


###########################################################################################
# Modality and time: what the pages say a source asserts, plans, expects, recommends or denies
###########################################################################################

LB = "https://landbridge-kg.org/ontology#"
MODAL_REGISTER = BASE + "graph/register-modal"


def html_of(client, path: str) -> str:
    r = client.get(path, headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.mimetype == "text/html", path
    return r.get_data(as_text=True)


def element(html: str, testid: str) -> str | None:
    """The inner HTML of the first table, section, tr or h3 with this data-testid (none of them nests in itself here)."""
    m = re.search(rf'<(table|section|tr|h3|p|span|b)\b[^>]*data-testid="{testid}"[^>]*>(.*?)</\1>', html, re.S)
    return m.group(2) if m else None


def rows(table: str) -> list[str]:
    return re.findall(r"<tr\b[^>]*>(.*?)</tr>", table, re.S)


def text(fragment: str) -> str:
    import html as html_lib

    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def evidence_of(fragment: str) -> list[tuple[str, str]]:
    """(modality, statement id) of every piece of evidence in the fragment."""
    return re.findall(r'data-testid="evidence" data-modality="(\w+)" data-claim="([\d-]+)"', fragment)


def fact_rows(table: str, prop: str) -> list[str]:
    """The rows of a table whose property (the first or second cell) is lb:<prop>."""
    return [r for r in rows(table) if f'href="/ontology#{prop}"' in "</td>".join(r.split("</td>")[:2])]


def cell(row: str, i: int) -> str:
    return text(row.split("</td>")[i])


def test_crossing_page_shows_open_as_a_fact_and_closed_only_as_a_superseded_state(client):
    page = html_of(client, "/id/al-qaim-albu-kamal-crossing")
    facts = element(page, "facts")
    status = fact_rows(facts, "status")
    assert [cell(r, 1) for r in status] == ["open"]
    assert {c for _, c in evidence_of(status[0])} >= {"002-005", "002-006"}
    assert 'href="/ontology#closed"' not in facts
    # closed is an earlier state, with the time each source gave it and the claims that superseded it
    superseded = element(page, "superseded")
    assert superseded is not None and "Earlier states" in page
    closed = [r for r in rows(superseded) if 'href="/ontology#closed"' in r]
    assert len(closed) == 1 and len(rows(superseded)) == 2  # the header and closed
    words = text(closed[0])
    assert {c for _, c in evidence_of(closed[0])} == {"000-032", "002-012"}
    assert "when: as of 22 March 2019" in words
    assert "when: until 29 September 2019 (“for years”)" in words
    later = closed[0].rsplit("<td>", 1)[1]
    assert 'href="/id/claim/002-005"' in later and 'href="/id/claim/002-006"' in later and "open" in text(later)
    assert "on 30 September 2019" in text(later)
    # A fact that one claim asserts and another only expects ("about to fall into Iranian hands") keeps
    # each claim's modality on its evidence.
    controls = [r for r in fact_rows(element(page, "incoming"), "controls") if 'href="/id/iran"' in r]
    assert len(controls) == 1 and ("expected", "001-002") in evidence_of(controls[0])
    assert any(m == "asserted" for m, _ in evidence_of(controls[0]))
    assert "modality-expected" in controls[0]
    # a fact's evidence says when a state held
    assert "when: on 30 September 2019 (“September 30, 2019”)" in text(status[0])


def test_opening_page_separates_plans_and_denials_from_facts(client):
    page = html_of(client, "/id/al-qaim-albu-kamal-crossing-opening")
    facts = element(page, "facts")
    dates = fact_rows(facts, "date")
    assert [cell(r, 1) for r in dates] == ["2019-09-30"]  # not the April 2018 of the plan
    assert all(m == "asserted" for m, _ in evidence_of(dates[0]))
    # A triple that one claim asserts and another only plans keeps each claim's modality on its evidence.
    opened = fact_rows(facts, "openedCrossing")
    assert ("intended", "004-068") in evidence_of(opened[0]) and ("asserted", "002-028") in evidence_of(opened[0])

    section = element(page, "not-asserted")
    assert section is not None and page.index('data-testid="facts"') < page.index('data-testid="not-asserted"')
    assert "What the sources do not assert" in section and "not facts" in text(section)
    headings = [text(h) for h in re.findall(r'<h3[^>]*data-testid="modality-heading"[^>]*>(.*?)</h3>', section, re.S)]
    assert headings[0] == "Planned or intended — not asserted" and "Denied — not asserted" in headings
    planned = element(section, "not-asserted-intended")
    april = fact_rows(planned, "date")
    assert len(april) == 1 and "2018-04" in text(april[0]) and evidence_of(april[0]) == [("intended", "004-068")]
    assert "<mark>the crossing would reopen in April 2018</mark>" in april[0]
    assert "in the words “would reopen”" in text(april[0]) and "certainty-reported" in april[0]
    assert 'href="/id/document/004#s-004-068"' in april[0]
    denied = element(section, "not-asserted-denied")
    did_not = fact_rows(denied, "date")
    assert len(did_not) == 1 and "2018-04" in text(did_not[0]) and evidence_of(did_not[0]) == [("denied", "004-069")]
    assert "<mark>However, it did not open as planned.</mark>" in did_not[0]
    assert "in the words “did not open as planned”" in text(did_not[0])
    for modality, claim in evidence_of(section):
        assert modality in ("intended", "expected", "conditional", "recommended", "denied"), claim
    # delayed and planned were states until the opening superseded them
    superseded = element(page, "superseded")
    assert {cell(r, 1) for r in rows(superseded)[1:]} == {"delayed"}


def test_a_recommended_only_entity_has_a_page_that_says_so(client):
    page = html_of(client, "/id/us-sanctions-on-additional-militias")
    assert "Sanctions on additional Iranian-backed militias (recommended)</h1>" in page
    assert '<a href="/ontology#Sanction">Sanction</a>' in page
    assert "A recommendation, not a sanction imposed." in page  # the register's description
    note = text(element(page, "modal-only"))
    assert note.startswith("No source asserts it: the sources only recommend it.")
    assert element(page, "facts") is None and element(page, "incoming") is None
    recommended = element(page, "not-asserted-recommended")
    assert recommended is not None and element(page, "not-asserted-intended") is None
    target = fact_rows(recommended, "sanctionTarget")
    assert evidence_of(target[0]) == [("recommended", "000-053")] and "in the words “One option”" in text(target[0])


def test_every_register_modal_entity_has_a_page_and_its_register_entry_in_rdf(client, store):
    rows_ = store.query(f"""SELECT ?e ?label WHERE {{ GRAPH <{MODAL_REGISTER}> {{
        ?e a ?t ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }}""")
    entities = {r["e"].value: r["label"].value for r in rows_}
    assert len(entities) > 5
    for iri, label in entities.items():
        assert not store.query(f"ASK {{ <{iri}> ?p ?o }}"), f"{iri} has triples in the default graph"
        page = html_of(client, path_of(iri))
        assert f">{re.sub('&', '&amp;', label).replace(chr(39), '&#39;')}</h1>" in page, iri
        assert "No source asserts it: the sources only " in text(element(page, "modal-only")), iri
        assert element(page, "not-asserted") is not None, iri
        r = client.get(path_of(iri) + ".ttl")
        assert r.status_code == 200, iri
        triples = parse(r.data, ox.RdfFormat.TURTLE)
        node = ox.NamedNode(iri)
        assert ox.Triple(node, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(label, language="en")) in triples
        assert any(t.subject == node and t.predicate.value.endswith("#type") for t in triples), iri
    # In a dataset format the register entry stays in its graph.
    trig = client.get("/id/us-sanctions-on-additional-militias.trig")
    quads = list(ox.parse(trig.data, format=ox.RdfFormat.TRIG))
    assert quads and {q.graph_name for q in quads} == {ox.NamedNode(MODAL_REGISTER)}


def test_claim_page_of_an_expected_claim_shows_its_modality_and_cue(client):
    page = html_of(client, "/id/claim/000-004")
    modality = element(page, "claim-modality")
    assert 'data-modality="expected"' in page and "modality-expected" in modality
    assert "Expected or predicted, not asserted" in text(modality)
    assert "in the words “potentially allowing”" in text(modality)
    assert "What it expects or predicts (not asserted)" in text(page)
    assert element(page, "claim-superseded-by") is None


def test_claim_page_of_a_conditional_claim_shows_its_condition(client):
    page = html_of(client, "/id/claim/000-033")
    modality = text(element(page, "claim-modality"))
    assert "Conditional, not asserted" in modality and "in the words “could”" in modality
    assert "on the condition “If Shiite militias assume control of the crossing after it reopens”" in modality
    # an entity that only such claims mention is named by its register label
    assert ">Highway through the al-Qaim–Albu Kamal crossing</a>" in page


def test_claim_page_shows_time_supersession_disputes_and_share(client):
    page = html_of(client, "/id/claim/000-032")
    assert "Asserted: the source says it happened or holds." in text(element(page, "claim-modality"))
    assert "when it held as of 22 March 2019" in text(element(page, "claim-time"))
    superseded_by = element(page, "claim-superseded-by")
    assert 'href="/id/claim/002-005"' in superseded_by and 'href="/id/claim/002-006"' in superseded_by
    facts, earlier = element(page, "facts"), element(page, "superseded-facts")
    assert 'href="/ontology#closed"' not in facts and 'href="/ontology#connects"' in facts
    assert 'href="/ontology#closed"' in earlier
    later = html_of(client, "/id/claim/002-006")
    assert 'href="/id/claim/000-032"' in element(later, "claim-supersedes")
    assert "when it held from 30 September 2019 (“re-opened on Monday”)" in text(element(later, "claim-time"))

    disputing = html_of(client, "/id/claim/003-079")
    assert 'href="/id/claim/003-024"' in element(disputing, "claim-disputes")
    assert 'href="/id/claim/003-079"' in element(html_of(client, "/id/claim/003-024"), "claim-disputed-by")

    share = html_of(client, "/id/claim/000-053")
    assert "the fact holds for part of what it is about" in text(element(share, "claim-share"))
    assert "Recommended, not asserted" in text(element(share, "claim-modality"))


def test_denied_claim_page_says_what_it_denies(client):
    page = html_of(client, "/id/claim/004-069")
    assert "Denied: the source says it did not happen or does not hold." in text(element(page, "claim-modality"))
    assert "What it denies" in text(page)
    assert "2018-04" in text(element(page, "facts"))
