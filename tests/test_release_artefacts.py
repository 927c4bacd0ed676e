"""What a release publishes besides the store: gzip dumps, document texts, reference coordinates, ontology and
shapes pages, and the JSON-LD context; each checked as its user would, and reproducible byte for byte."""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.build import inputs_digest, load_inputs
from kg.corpus import load_corpus
from kg.errors import InputError
from kg.namespaces import LB, OWL, PREFIXES, RDF, RDFS, SH, XSD
from kg.paths import PROJECT_ROOT, Layout
from kg.release import ARTEFACTS, COMPRESSED_DUMPS, DUMPS
from kg.shapes_html import shapes_html
from support.checkout import checkout_environ

from .conftest import BASE, select

GEO = "http://www.opengis.net/ont/geosparql#"
WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
DCTERMS = "http://purl.org/dc/terms/"
COORDINATES_GRAPH = f"{BASE}graph/reference-coordinates"
SOURCE_NOTE = "public gazetteer, WGS84"
# The table "Reference places" of the project guide: the only coordinates the graph may hold.
ALLOWED_POINTS = {
    "al-qaim": ("34.36694", "41.13889"),
    "albu-kamal": ("34.45361", "40.93667"),
    "al-baghouz": ("34.45861", "40.95056"),
    "al-tanf-crossing": ("33.4332", "38.9374"),
}
NOT_VERIFIED = ("al-qaim-albu-kamal-crossing", "al-hari")
# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph; nothing this project can change.
RDFLIB_JSONLD = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def documents():
    return load_corpus(Layout().catalogue, Layout().seeds)


@pytest.fixture(scope="module")
def inputs():
    return load_inputs(Layout())


def doc_json(release: Path, doc_id: str) -> dict:
    return json.loads((release / "documents" / f"{doc_id}.json").read_text(encoding="utf-8"))


def ontology_terms() -> dict[str, set[str]]:
    """Types of every term of the lb namespace, from the ontology Turtle."""
    kinds: dict[str, set[str]] = {}
    for t in ox.parse(path=str(Layout().ontology), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == RDF + "type" and t.subject.value.startswith(LB):
            kinds.setdefault(t.subject.value, set()).add(t.object.value)
    return kinds


# 1. Compressed dumps ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(DUMPS))
def test_gzip_dumps_decompress_to_exactly_the_plain_dumps(release, fmt):
    packed = (release / COMPRESSED_DUMPS[fmt]).read_bytes()
    assert gzip.decompress(packed) == (release / DUMPS[fmt]).read_bytes()
    flags, mtime = packed[3], packed[4:8]
    assert mtime == b"\0\0\0\0", "mtime 0, so two builds give the same bytes"
    assert not flags & 0x08, "no file name in the header"


def test_manifest_lists_the_compressed_dumps_and_the_published_files(release):
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["compressed_dumps"] == {fmt: name + ".gz" for fmt, name in DUMPS.items()}
    for name in (*manifest["compressed_dumps"].values(), *manifest["artefacts"].values()):
        assert (release / name).exists(), name


# 2. Document texts -----------------------------------------------------------------------------

def test_every_document_has_a_text_whose_segments_tile_the_seed(release, documents):
    assert sorted(p.stem for p in (release / "documents").glob("*.json")) == sorted(documents)
    for doc in documents.values():
        data = doc_json(release, doc.id)
        assert (data["id"], data["title"], data["iri"]) == (doc.id, doc.title, f"{BASE}id/document/{doc.id}")
        pos = 0
        for seg in data["segments"]:
            assert seg["start"] == pos < seg["end"], (doc.id, seg["start"])
            if "excluded" in seg:
                assert "text" not in seg
            else:
                assert seg["text"] == doc.text[seg["start"]:seg["end"]]
            pos = seg["end"]
        assert pos == len(doc.text) == data["length"]
        excluded = [(s["start"], s["end"], s["excluded"]) for s in data["segments"] if "excluded" in s]
        assert excluded == [(s.start, s.end, s.reason) for s in doc.excluded]


def test_every_statement_is_an_annotation_whose_offsets_give_its_quote(release, inputs):
    by_doc: dict[str, dict[str, dict]] = {}
    for doc_id in inputs.documents:
        data = doc_json(release, doc_id)
        text = {i: ch for seg in data["segments"] if "text" in seg for i, ch in enumerate(seg["text"], seg["start"])}
        by_doc[doc_id] = {a["statement"]: {**a, "_text": text} for a in data["annotations"]}
    assert sum(len(a) for a in by_doc.values()) == len(inputs.statements)
    for stmt in inputs.statements:
        note = by_doc[stmt.document.id][stmt.id]
        assert note["claim"] == f"{BASE}id/claim/{stmt.id}"
        assert note["certainty"] == stmt.certainty
        # Read from the published segments alone, the offsets give the quote.
        assert "".join(note["_text"].get(i, "\0") for i in range(note["start"], note["end"])) == stmt.quote


def test_annotation_offsets_are_the_ones_the_graph_gives(release, store):
    rows = select(store, """PREFIX lb: <https://landbridge-kg.org/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?claim ?start ?end WHERE { ?claim lb:evidence/oa:hasTarget/oa:hasSelector ?p .
        ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }""")
    published = {a["claim"]: (a["start"], a["end"]) for p in (release / "documents").glob("*.json")
                 for a in json.loads(p.read_text(encoding="utf-8"))["annotations"]}
    assert published == {r["claim"]: (int(r["start"]), int(r["end"])) for r in rows}


def test_rendered_pieces_carry_exactly_the_claims_that_cover_them(release, documents):
    for doc in documents.values():
        data = doc_json(release, doc.id)
        pieces = [p for p in data["rendered"] if "excluded" not in p]
        assert "".join(p["text"] for p in pieces) == "".join(s["text"] for s in data["segments"] if "text" in s)
        for piece in pieces:
            covering = {a["statement"] for a in data["annotations"] if a["start"] <= piece["start"] and piece["end"] <= a["end"]}
            assert {c["statement"] for c in piece["claims"]} == covering
            if piece["claims"]:
                assert max(c["start"] for c in piece["claims"]) == piece["claims"][0]["start"]


def _readable_views(path: Path) -> list[str]:
    """The file as a reader could meet its text: raw, HTML-unescaped, JSON strings, RDF literals."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
        path = path.with_suffix("")
    text = raw.decode("utf-8", errors="ignore")
    views = [text, html.unescape(text)]
    if path.suffix in (".json", ".jsonld"):
        strings: list[str] = []

        def walk(value) -> None:
            if isinstance(value, str):
                strings.append(value)
            elif isinstance(value, dict):
                strings.extend(value)
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(json.loads(text))
        views.append("\n".join(strings))
    formats = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE}
    if path.suffix in formats:
        views.append("\n".join(q.object.value for q in ox.parse(raw, format=formats[path.suffix])
                               if isinstance(q.object, ox.Literal)))
    return views


def test_no_excluded_text_appears_anywhere_in_the_release(release, documents):
    scopes = [d.in_scope_text() for d in documents.values()]
    excluded_only = set()
    for doc in documents.values():
        for span in doc.excluded:
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", doc.text[span.start:span.end]):
                sentence = sentence.strip()
                if len(sentence) >= 20 and not any(sentence in scope for scope in scopes):
                    excluded_only.add(sentence)
    assert len(excluded_only) >= 20, "the check must have excluded material to look for"
    files = sorted(p for p in release.rglob("*") if p.is_file())
    assert any(p.parent.name == "documents" for p in files)
    for path in files:
        for view in _readable_views(path):
            for sentence in excluded_only:
                assert sentence not in view, (str(path.relative_to(release)), sentence)


# 3. Reference coordinates ----------------------------------------------------------------------

POINTS = f"""PREFIX geo: <{GEO}> PREFIX wgs84: <{WGS84}> PREFIX dcterms: <{DCTERMS}>
SELECT ?e ?g ?wkt ?lat ?long ?source WHERE {{ GRAPH <{COORDINATES_GRAPH}> {{
  ?e geo:hasGeometry ?g . ?g geo:asWKT ?wkt ; wgs84:lat ?lat ; wgs84:long ?long ; dcterms:source ?source }} }}"""


def test_the_coordinates_graph_holds_exactly_the_allowed_points_with_their_source(store):
    rows = select(store, POINTS)
    found = {r["e"].removeprefix(f"{BASE}id/"): (r["lat"], r["long"]) for r in rows}
    assert found == ALLOWED_POINTS
    assert len(rows) == len(ALLOWED_POINTS)
    for r in rows:
        lat, lon = ALLOWED_POINTS[r["e"].removeprefix(f"{BASE}id/")]
        assert r["wkt"] == f"POINT({lon} {lat})"  # WKT in CRS84 puts longitude first
        assert r["source"] == SOURCE_NOTE
    graph_source = select(store, f"SELECT ?s WHERE {{ GRAPH <{COORDINATES_GRAPH}> {{ <{COORDINATES_GRAPH}> <{DCTERMS}source> ?s }} }}")
    assert graph_source == [{"s": SOURCE_NOTE}]


def test_the_coordinates_graph_holds_nothing_else(store):
    quads = list(store.quads_for_pattern(None, None, None, ox.NamedNode(COORDINATES_GRAPH)))
    entities = {f"{BASE}id/{e}" for e in ALLOWED_POINTS}
    geometries = {f"{BASE}id/geometry/{e}" for e in ALLOWED_POINTS}
    per_geometry = {RDF + "type", RDFS + "label", GEO + "asWKT", WGS84 + "lat", WGS84 + "long", DCTERMS + "source"}
    for q in quads:
        s, p = q.subject.value, q.predicate.value
        if s in entities:
            assert p == GEO + "hasGeometry"
        elif s in geometries:
            assert p in per_geometry, p
        else:
            assert s == COORDINATES_GRAPH and p in {RDFS + "label", DCTERMS + "description", DCTERMS + "source"}, (s, p)
    assert len(quads) == 3 + len(ALLOWED_POINTS) * 8  # hasGeometry, then two types, label, WKT, lat, long, source
    for q in quads:  # and, as every graph, it is part of the default graph
        assert list(store.quads_for_pattern(q.subject, q.predicate, q.object, ox.DefaultGraph()))


def test_no_coordinates_outside_their_graphs_and_none_for_unverified_places(store):
    """Points come from the reference table and the gazetteer (graph/geonames, tests/test_gazetteer.py), never elsewhere."""
    rows = select(store, f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?x ?p ?o }}
        FILTER(?p IN (<{GEO}hasGeometry>, <{GEO}asWKT>, <{WGS84}lat>, <{WGS84}long>)) }} ORDER BY ?g""")
    assert rows == [{"g": f"{BASE}graph/geonames"}, {"g": COORDINATES_GRAPH}]
    for ent in NOT_VERIFIED:  # in the register, but their coordinates are not verified
        assert bool(store.query(f"ASK {{ <{BASE}id/{ent}> a ?type }}"))
        assert not bool(store.query(f"ASK {{ <{BASE}id/{ent}> <{GEO}hasGeometry> ?g }}"))


def test_every_entity_with_a_point_is_an_existing_register_entity(store):
    rows = select(store, f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?e ?registered WHERE {{ GRAPH <{COORDINATES_GRAPH}> {{ ?e <{GEO}hasGeometry> ?g }}
        BIND(EXISTS {{ GRAPH <{BASE}graph/register> {{ ?e skos:prefLabel ?l }} }} AS ?registered) }}""")
    assert len(rows) == len(ALLOWED_POINTS)
    assert all(r["registered"] == "true" for r in rows), rows


def test_the_coordinates_file_is_part_of_the_inputs_digest(project_copy):
    before = inputs_digest(project_copy)
    path = project_copy.coordinates
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert inputs_digest(project_copy) != before


BAD_COORDINATES = {
    "broken YAML": ("- entity: al-qaim\n  place: x\n lat: 34.36694\n", 3, "invalid YAML"),
    "unknown entity": ("- entity: al-qaim\n  place: x\n  lat: 1\n  lon: 1\n  source: s\n"
                       "- entity: atlantis\n  place: x\n  lat: 1\n  lon: 1\n  source: s\n", 6, "unknown entity 'atlantis'"),
    "latitude out of range": ("- entity: al-qaim\n  place: x\n  lat: 134.3\n  lon: 41.1\n  source: s\n", 1, "outside"),
    "not a number": ("- entity: al-qaim\n  place: x\n  lat: north\n  lon: 41.1\n  source: s\n", 1, "decimal degrees"),
    "no source": ("- entity: al-qaim\n  place: x\n  lat: 34.3\n  lon: 41.1\n", 1, "'source'"),
    "not a place": ("- entity: kataib-hezbollah\n  place: x\n  lat: 34.3\n  lon: 41.1\n  source: s\n", 1, "geographic feature"),
    "point given twice": ("- entity: al-qaim\n  place: x\n  lat: 1\n  lon: 1\n  source: s\n"
                          "- entity: al-qaim\n  place: x\n  lat: 2\n  lon: 2\n  source: s\n", 6, "has a point already"),
}


@pytest.mark.slow  # each case loads all the inputs again (half a second); the command-line case below stays in the fast tier
@pytest.mark.parametrize("case", sorted(BAD_COORDINATES))
def test_a_bad_coordinates_file_stops_the_build_naming_file_and_line(project_copy, case):
    text, line, message = BAD_COORDINATES[case]
    project_copy.coordinates.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_inputs(project_copy)
    assert f"coordinates.yaml:{line}" in str(err.value), str(err.value)
    assert message in err.value.message


def test_the_cli_reports_a_bad_coordinates_file_with_exit_1(project_copy, tmp_path):
    from click.testing import CliRunner

    from kg import cli

    project_copy.coordinates.write_text("- entity: atlantis\n  place: x\n  lat: 1\n  lon: 1\n  source: s\n", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["build", "--quiet", "--build-dir", str(tmp_path / "b")],
                                env={"KG_PROJECT_ROOT": str(project_copy.root)})
    assert result.exit_code == 1
    assert "coordinates.yaml:1: unknown entity 'atlantis'" in result.output
    assert not (tmp_path / "b" / "current").exists()


# 4. Ontology page ------------------------------------------------------------------------------

def test_the_ontology_page_documents_every_class_by_label_and_at_its_local_name(release):
    page = (release / ARTEFACTS["ontology_html"]).read_text(encoding="utf-8")
    assert re.search(r"<title>\s*Land Bridge ontology\s*</title>", page), "one header: the ontology, not its concept schemes"
    labels = {t.subject.value: t.object.value for t in ox.parse(path=str(Layout().ontology), format=ox.RdfFormat.TURTLE)
              if t.predicate.value == RDFS + "label"}
    terms = ontology_terms()
    classes = [iri for iri, kinds in terms.items() if OWL + "Class" in kinds]
    assert len(classes) > 40
    for iri in classes:
        assert html.escape(labels[iri], quote=False) in page, labels[iri]
        assert iri in page
    # Every term (class, property, concept scheme, concept, datatype) is at #<local name>, as the README says.
    for iri in terms:
        assert f'id="{iri[len(LB):]}"' in page, iri
        assert html.escape(labels[iri], quote=False) in page, labels[iri]


# 5. Shapes page --------------------------------------------------------------------------------

def test_the_shapes_page_lists_every_node_shape_with_its_target(release):
    page = (release / ARTEFACTS["shapes_html"]).read_text(encoding="utf-8")
    shapes = rdflib.Graph().parse(Layout().shapes, format="turtle")
    sh = rdflib.Namespace(SH)
    node_shapes = sorted(shapes.subjects(rdflib.RDF.type, sh.NodeShape))
    assert len(node_shapes) > 20
    for shape in node_shapes:
        name = str(shape).rsplit("#", 1)[1]
        section = page.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]
        for cls in shapes.objects(shape, sh.targetClass):
            prefix, namespace = next((p, ns) for p, ns in PREFIXES.items() if str(cls).startswith(ns))
            assert f"instances of <a href=\"{cls}\"" in section, (name, cls)
            assert f"<code>{prefix}:{str(cls)[len(namespace):]}</code>" in section, (name, cls)
        for label in shapes.objects(shape, rdflib.RDFS.label):
            assert html.escape(str(label)) in section
        for prop in shapes.objects(shape, sh.property):
            for message in shapes.objects(prop, sh.message):
                assert html.escape(str(message)) in section, (name, str(message))
    assert "<script" not in page and "http-equiv" not in page
    assert not re.search(r'<link[^>]+href="https?:', page), "self-contained: no external CSS"


def test_the_shapes_page_escapes_what_it_shows(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/#> .
        ex:S a sh:NodeShape ; <http://www.w3.org/2000/01/rdf-schema#label> "A <b>bold</b> & \\"quoted\\" shape" ;
          sh:targetClass ex:Thing ;
          sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:pattern "^<x>$" ; sh:message "Use <script>alert(1)</script>" ] .
        """, encoding="utf-8")
    page = shapes_html(shapes)
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; shape" in page
    assert "&quot;^&lt;x&gt;$&quot;" in page


def test_broken_shapes_turtle_names_the_file_and_line(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\nsh:x sh:y sh:z .\nsh:x sh:y , .\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        shapes_html(shapes)
    assert err.value.path.endswith("shapes.ttl") and err.value.line == 4


# 6. JSON-LD context ----------------------------------------------------------------------------

def test_the_context_maps_every_prefix_and_ontology_term_to_its_iri(release):
    context = json.loads((release / ARTEFACTS["jsonld_context"]).read_text(encoding="utf-8"))["@context"]
    for prefix, namespace in PREFIXES.items():
        assert context[prefix] == namespace
    ranges: dict[str, list[str]] = {}
    for t in ox.parse(path=str(Layout().ontology), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == RDFS + "range":
            ranges.setdefault(t.subject.value, []).append(t.object.value)
    terms = ontology_terms()
    counted = 0
    for iri, kinds in terms.items():
        name = iri[len(LB):]
        if OWL + "Class" in kinds:
            assert context[name] == iri
        elif OWL + "ObjectProperty" in kinds:
            assert context[name] == {"@id": iri, "@type": "@id"}
        elif OWL + "DatatypeProperty" in kinds:
            declared = ranges.get(iri, [])
            if len(declared) == 1 and declared[0].startswith(XSD):
                assert context[name] == {"@id": iri, "@type": "xsd:" + declared[0][len(XSD):]}
            else:
                assert context[name] == iri
        else:
            assert name not in context
            continue
        counted += 1
    assert len(context) == len(PREFIXES) + counted


@RDFLIB_JSONLD
def test_the_context_expands_a_fact_of_the_graph(release):
    context = json.loads((release / ARTEFACTS["jsonld_context"]).read_text(encoding="utf-8"))["@context"]
    kh, crossing = f"{BASE}id/kataib-hezbollah", f"{BASE}id/al-qaim-albu-kamal-crossing"
    doc = {"@context": context, "@id": kh, "@type": "Militia", "controls": crossing,
           "rdfs:label": {"@value": "Kataib Hezbollah", "@language": "en"}}
    g = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    s = rdflib.URIRef(kh)
    assert set(g) == {
        (s, rdflib.RDF.type, rdflib.URIRef(LB + "Militia")),
        (s, rdflib.URIRef(LB + "controls"), rdflib.URIRef(crossing)),
        (s, rdflib.RDFS.label, rdflib.Literal("Kataib Hezbollah", lang="en")),
    }
    quantity = {"@context": context, "@id": f"{BASE}id/quantity/x", "numericValue": "20", "sequence": "3"}
    g = rdflib.Graph().parse(data=json.dumps(quantity), format="json-ld")
    assert {o.datatype for o in g.objects()} == {rdflib.URIRef(XSD + "decimal"), rdflib.URIRef(XSD + "positiveInteger")}


@RDFLIB_JSONLD
def test_the_context_can_compact_the_graphs_own_triples(release, store):
    """Triples read back from the store through the context are the ones in the store."""
    context = json.loads((release / ARTEFACTS["jsonld_context"]).read_text(encoding="utf-8"))["@context"]
    kh = ox.NamedNode(f"{BASE}id/kataib-hezbollah")
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(kh, None, None, ox.DefaultGraph())]
    source = rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    compacted = json.loads(source.serialize(format="json-ld", context=context, auto_compact=True))
    assert "controls" in json.dumps(compacted) or "hasPresenceIn" in json.dumps(compacted)
    back = rdflib.Graph().parse(data=json.dumps(compacted), format="json-ld")
    assert isomorphic(back, source)


# Reproducible ----------------------------------------------------------------------------------

@pytest.mark.slow  # builds the graph again, in a process
def test_a_build_in_another_process_gives_byte_identical_release_files(release, tmp_path):
    """Another process has another hash seed: set order must not leak into any published file."""
    env = checkout_environ(PYTHONHASHSEED="7", KG_PROJECT_ROOT=str(PROJECT_ROOT), KG_BASE_IRI=BASE)
    code = "import sys; from kg.cli import main; sys.exit(main())"
    subprocess.run([sys.executable, "-c", code, "build", "--quiet", "--build-dir", str(tmp_path)],
                   env=env, check=True, capture_output=True)
    again = (tmp_path / "current").resolve()

    def published(root: Path) -> dict[str, Path]:
        skip = {"manifest.json", "validation.json"}  # the manifest holds the build time
        return {str(p.relative_to(root)): p for p in root.rglob("*")
                if p.is_file() and p.name not in skip and "store" not in p.relative_to(root).parts}

    ours, theirs = published(release), published(again)
    assert sorted(ours) == sorted(theirs)
    assert {"ontology.html", "shapes.html", "context.jsonld", "documents/000.json", "landbridge.nq.gz"} <= set(ours)
    for name, path in ours.items():
        assert path.read_bytes() == theirs[name].read_bytes(), name
