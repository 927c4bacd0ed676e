"""The dataset about itself: VoID + DCAT at /.well-known/void, the ontology, the shapes, the
latest validation report and the JSON-LD context — each published beside the data."""

from __future__ import annotations

import json

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request, send_from_directory

from kg import __version__
from kg.formats import BY_EXTENSION, FORMATS, Format
from kg.iris import GEONAMES_SPACE, ONTOLOGY_GRAPH
from kg.namespaces import (
    DCAT,
    DCTERMS,
    DESCRIPTION_PREFIXES,
    FOAF,
    LB,
    ONTOLOGY_IRI,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    SPDX,
    VCARD,
    VOID,
    XSD,
)
from kg.release import Release

from .pages import negotiated, rdf_response

bp = Blueprint("dataset", __name__)

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
EXAMPLES = ("kataib-hezbollah", "al-qaim-albu-kamal-crossing", "strike-2018-06-near-albu-kamal")
# What each kind of dump (kg.release.DUMPS) is, for its DCAT distribution.
# Where the targets of a linkset's links live, for its void:uriSpace: the IRI spaces of datasets the build links to.
LINK_SPACES = (GEONAMES_SPACE,)
DUMP_KINDS = {"nquads": ("application/n-quads", "the whole dataset as N-Quads"),
              "trig": ("application/trig", "the whole dataset: default graph and every named graph"),
              "turtle": ("text/turtle", "the default graph (every fact once)")}


def void_dcat() -> list[ox.Triple]:
    """VoID statistics and a DCAT record of the dataset, its dumps and its SPARQL service."""
    data = current_app.extensions["kg"]
    stats = data.stats
    n = ox.NamedNode
    out: list[ox.Triple] = []

    def add(s, p: str, o) -> None:
        out.append(ox.Triple(s, n(p), o))

    def lit(value, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
        if lang:
            return ox.Literal(str(value), language=lang)
        return ox.Literal(str(value), datatype=n(datatype)) if datatype else ox.Literal(str(value))

    ds, service, catalog = n(data.iris.dataset), n(data.iris.endpoint), n(data.iris.void)
    built = data.built_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    for t in (VOID + "Dataset", DCAT + "Dataset"):
        add(ds, RDF + "type", n(t))
    add(catalog, RDF + "type", n(DCAT + "Catalog"))
    add(catalog, DCTERMS + "title", lit("Land Bridge knowledge graph catalogue", lang="en"))
    add(catalog, DCAT + "dataset", ds)
    add(catalog, DCAT + "service", service)
    add(ds, DCTERMS + "title", lit("Land Bridge knowledge graph", lang="en"))
    add(ds, DCTERMS + "description", lit(
        "Iran's land bridge through the Iraq–Syria border: the militias that hold it, the crossings they use, the strikes "
        "against them, the sanctions on them and the routes that tie it together, built from source documents; every "
        "fact carries its document, the exact supporting sentence and how certain the source is.", lang="en"))
    add(ds, DCTERMS + "license", n(LICENSE))
    add(ds, DCTERMS + "rights", lit("Quoted sentences remain the words of their publishers; they are quoted as evidence.",
                                    lang="en"))
    add(ds, DCAT + "version", lit(__version__))
    add(ds, OWL + "versionInfo", lit(f"{__version__} (release {data.release.name})"))
    add(ds, DCTERMS + "modified", lit(built, XSD + "dateTime"))
    add(ds, DCTERMS + "issued", lit(built, XSD + "dateTime"))
    add(ds, VOID + "uriSpace", lit(data.iris.id_space))
    add(ds, VOID + "sparqlEndpoint", service)
    add(ds, VOID + "vocabulary", n(ONTOLOGY_IRI))
    for prefix in ("prov", "oa", "skos", "schema", "dcterms", "geo"):
        add(ds, VOID + "vocabulary", n(DESCRIPTION_PREFIXES[prefix]))
    for key in ("triples", "entities", "classes", "properties"):
        add(ds, VOID + key, lit(stats[key], XSD + "integer"))
    for i, (cls, count) in enumerate(stats["class_partitions"]):
        part = n(f"{data.iris.void}#class-{i}")
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", n(cls))
        add(part, VOID + "entities", lit(count, XSD + "integer"))
    for i, (prop, count) in enumerate(stats["property_partitions"]):
        part = n(f"{data.iris.void}#property-{i}")
        add(ds, VOID + "propertyPartition", part)
        add(part, VOID + "property", n(prop))
        add(part, VOID + "triples", lit(count, XSD + "integer"))
    for name in EXAMPLES:
        add(ds, VOID + "exampleResource", data.iris.entity(name))
    for row in data.store.query(f"SELECT ?d WHERE {{ ?d a <{LB}SourceDocument> }} ORDER BY ?d"):
        add(ds, DCTERMS + "source", row["d"])
    for kind, name, path in data.release.downloads():
        media, description = DUMP_KINDS[kind]
        url = n(f"{data.iris.base}dumps/{name}")
        dist = n(f"{data.iris.void}#{name}")
        add(ds, VOID + "dataDump", url)
        add(ds, DCAT + "distribution", dist)
        add(dist, RDF + "type", n(DCAT + "Distribution"))
        add(dist, DCTERMS + "title", lit(name))
        add(dist, DCTERMS + "description", lit(description, lang="en"))
        add(dist, DCAT + "downloadURL", url)
        add(dist, DCAT + "mediaType", n("https://www.iana.org/assignments/media-types/" + media))
        add(dist, DCAT + "compressFormat", n("https://www.iana.org/assignments/media-types/application/gzip"))
        recorded = data.release.download_digest(name)
        add(dist, DCAT + "byteSize", lit(recorded["bytes"] if recorded else path.stat().st_size, XSD + "nonNegativeInteger"))
        if recorded:
            checksum = n(f"{data.iris.void}#{name}-sha256")
            add(dist, SPDX + "checksum", checksum)
            add(checksum, RDF + "type", n(SPDX + "Checksum"))
            add(checksum, SPDX + "algorithm", n(SPDX + "checksumAlgorithm_sha256"))
            add(checksum, SPDX + "checksumValue", lit(recorded["sha256"], XSD + "hexBinary"))
        add(dist, DCTERMS + "license", n(LICENSE))
    add(service, RDF + "type", n(DCAT + "DataService"))
    add(service, DCTERMS + "title", lit("Land Bridge SPARQL 1.1 endpoint (read-only)", lang="en"))
    add(service, DCAT + "endpointURL", service)
    add(service, DCAT + "endpointDescription", service)
    add(service, DCAT + "servesDataset", ds)
    add(ds, DCAT + "landingPage", n(data.iris.base))
    publisher, contact = n(f"{data.iris.void}#publisher"), n(f"{data.iris.void}#contact")
    add(ds, DCTERMS + "publisher", publisher)
    add(publisher, RDF + "type", n(FOAF + "Agent"))
    add(publisher, FOAF + "name", lit(current_app.config["PUBLISHER"]))
    add(ds, DCAT + "contactPoint", contact)
    add(contact, RDF + "type", n(VCARD + "Kind"))
    add(contact, VCARD + "fn", lit(current_app.config["PUBLISHER"]))
    address = current_app.config["CONTACT"] or data.iris.base
    add(contact, VCARD + ("hasEmail" if address.startswith("mailto:") else "hasURL"), n(address))
    add(ds, FOAF + "homepage", n(data.iris.base))
    out += linksets(data.store, ds, data.iris.void)
    return out


def linksets(store, ds: ox.NamedNode, void_iri: str) -> list[ox.Triple]:
    """One void:Linkset per named graph of links to another dataset (skos:exactMatch): its size, its source, and the
    dataset its links point into, described from the graph's own label and derivation."""
    out: list[ox.Triple] = []
    n = ox.NamedNode

    def add(s, p: str, o) -> None:
        out.append(ox.Triple(s, n(p), o))

    rows = store.query(f"""SELECT ?g (COUNT(*) AS ?links) (MIN(STR(?o)) AS ?first) (MAX(STR(?o)) AS ?last)
        (SAMPLE(?l) AS ?label) (SAMPLE(?src) AS ?source) (SAMPLE(?from) AS ?home) WHERE {{
        GRAPH ?g {{ ?s <{SKOS}exactMatch> ?o }} FILTER(isIRI(?o))
        OPTIONAL {{ ?g <{RDFS}label> ?l }} OPTIONAL {{ ?g <{DCTERMS}source> ?src }} OPTIONAL {{ ?g <{PROV}wasDerivedFrom> ?from }}
        }} GROUP BY ?g ORDER BY ?g""")
    for row in rows:
        name = row["g"].value.rstrip("/").rsplit("/", 1)[-1]
        linkset, target = n(f"{void_iri}#linkset-{name}"), n(f"{void_iri}#target-{name}")
        label = row["label"].value if row["label"] else name
        add(ds, VOID + "subset", linkset)
        add(linkset, RDF + "type", n(VOID + "Linkset"))
        add(linkset, DCTERMS + "title", ox.Literal(f"Links to {label}", language="en"))
        add(linkset, VOID + "linkPredicate", n(SKOS + "exactMatch"))
        add(linkset, VOID + "subjectsTarget", ds)
        add(linkset, VOID + "objectsTarget", target)
        add(linkset, VOID + "triples", ox.Literal(row["links"].value, datatype=n(XSD + "integer")))
        add(linkset, DCTERMS + "isPartOf", row["g"])  # the named graph that holds the links, with their source
        if row["source"] is not None:
            add(linkset, DCTERMS + "source", row["source"])
        add(target, RDF + "type", n(VOID + "Dataset"))
        add(target, DCTERMS + "title", ox.Literal(label, language="en"))
        if row["home"] is not None:
            add(target, FOAF + "homepage", row["home"])
        space = next((sp for sp in LINK_SPACES if row["first"].value.startswith(sp) and row["last"].value.startswith(sp)), None)
        if space:
            add(target, VOID + "uriSpace", ox.Literal(space))
    return out


def _graph_response(triples: list[ox.Triple], fmt: Format) -> Response:
    return rdf_response([ox.Quad(t.subject, t.predicate, t.object) for t in triples], fmt)


@bp.route("/.well-known/void")
@bp.route("/void.<ext>")
def void(ext: str | None = None) -> Response:
    fmt = _format(ext)
    triples = void_dcat()
    if fmt is None:
        body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=DESCRIPTION_PREFIXES)
        return _page("dataset.html", turtle=body.decode("utf-8"), stats=current_app.extensions["kg"].stats)
    return _graph_response(triples, fmt)


def _format(ext: str | None) -> Format | None:
    if ext is None:
        return negotiated(None)
    fmt = BY_EXTENSION.get(ext)
    if fmt is None or fmt.kind != "graph":
        abort(404, f"no .{ext} form of this document")
    return fmt


def _page(template: str, **context) -> Response:
    response = Response(render_template(template, **context), mimetype="text/html")
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/ontology")
@bp.route("/ontology.<ext>")
@bp.route("/ontology/<version>")
def ontology(ext: str | None = None, version: str | None = None) -> Response:
    """The ontology; its version IRI (…/ontology/1.0.0) resolves to the same while that is the version served."""
    data = current_app.extensions["kg"]
    if version is not None:
        stem, dot, suffix = version.rpartition(".")
        stem, ext = (stem, suffix) if dot and suffix in BY_EXTENSION else (version, None)
        served = {str(r["v"].value) for r in data.store.query(
            f"SELECT ?v WHERE {{ <{ONTOLOGY_IRI}> <{OWL}versionInfo> ?v }}")}
        if stem not in served:
            abort(404, f"version {stem!r} of the ontology is not served here; this release has {', '.join(sorted(served))}")
    fmt = _format(ext)
    if fmt is None:
        return _published(data.release, "ontology_html", "text/html", "this build has no ontology documentation")
    graph = data.iris.graph(ONTOLOGY_GRAPH)
    quads = list(data.store.quads_for_pattern(None, None, None, graph))
    return rdf_response([ox.Quad(q.subject, q.predicate, q.object) for q in quads], fmt)


@bp.route("/shapes")
@bp.route("/shapes.<ext>")
def shapes(ext: str | None = None) -> Response:
    data = current_app.extensions["kg"]
    fmt = _format(ext)
    if fmt is None:
        return _published(data.release, "shapes_html", "text/html", "this build has no shapes documentation")
    source = data.release.artefact("shapes")
    if not source.exists():
        abort(404, "this build has no copy of the shapes")
    triples = list(ox.parse(source.read_bytes(), format=ox.RdfFormat.TURTLE))
    return _graph_response(triples, fmt)


@bp.route("/context.jsonld")
def context() -> Response:
    release = current_app.extensions["kg"].release
    return _published(release, "jsonld_context", "application/ld+json", "this build has no JSON-LD context")


def _published(release: Release, role: str, media_type: str, missing: str) -> Response:
    """A file the release publishes as it is (conditional requests and ranges as for any static file)."""
    path = release.artefact(role)
    if not path.is_file():
        abort(404, missing)
    return send_from_directory(path.parent, path.name, mimetype=media_type)


@bp.route("/validation")
def validation() -> Response:
    data = current_app.extensions["kg"]
    recorded = data.release.validation()
    if recorded is None:
        abort(404, "this release has no recorded validation")
    recorded["report"]["release"] = data.release.name  # its name, not where the server keeps it
    best = request.accept_mimetypes.best_match(["text/html", "application/json"]) or "text/html"
    if best == "application/json" or request.args.get("format") == "json":
        return Response(json.dumps(recorded["report"], indent=2), mimetype="application/json")
    return _page("validation.html", report=recorded["report"], formats=[f.name for f in FORMATS])
