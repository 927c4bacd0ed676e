"""Linked-data pages: every IRI of the graph dereferences to HTML or RDF; the home page; dumps.

`<base>id/x` is served at /id/x and `<base>graph/x` at /graph/x; `.ttl`, `.jsonld`, `.nt`,
`.rdf` (and `.trig`, `.nq`) ask for one format, otherwise Accept decides (HTML for browsers,
Turtle for a bare `*/*`). `/id/x.json` is the page's facts and evidence as plain JSON (server.entity_json), a
document of its own rather than a form content negotiation picks. Unknown IRIs are 404 in the form asked for.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import rdflib
from flask import Blueprint, Response, abort, current_app, render_template, request, send_from_directory

from kg.formats import BY_MEDIA_TYPE, FORMATS, Format
from kg.iris import MODAL_REGISTER_GRAPH, REGISTER_GRAPH
from kg.namespaces import LB, PREFIXES, XSD, sparql_prefixes

from .citation import citation
from .classes import class_tree, instances_of
from .dates import date_words
from .describe import claim_view, exists, rdf_description, types_of, valid_iri, view
from .entity_json import entity_json
from .evidence import in_sentences
from .iris import iri_for, local_path, split_extension
from .markup import plain, render_pieces

bp = Blueprint("pages", __name__)

RDF_FORMATS = [f for f in FORMATS if f.kind in ("graph", "dataset")]


def _data():
    return current_app.extensions["kg"]


def negotiated(fmt: Format | None) -> Format | None:
    """The RDF format asked for (by extension, `format=` or Accept), or None for HTML."""
    if fmt is not None:
        return fmt
    name = request.args.get("format")
    if name:
        chosen = next((f for f in RDF_FORMATS if f.name == name), None)
        if chosen is None:
            abort(406, f"format={name!r} is not an RDF format here; use one of: " + ", ".join(f.name for f in RDF_FORMATS))
        return chosen
    offered = [f.media_type for f in RDF_FORMATS[:1]] + ["text/html", "application/xhtml+xml"] + \
        [m for f in RDF_FORMATS for m in (f.media_type, *f.aliases) if m != "text/plain"]
    best = request.accept_mimetypes.best_match(offered) if request.accept_mimetypes else "text/html"
    if best is None:
        abort(406, "none of the accepted media types is available: HTML, " + ", ".join(f.media_type for f in RDF_FORMATS))
    return None if best in ("text/html", "application/xhtml+xml") else BY_MEDIA_TYPE[best]


def rdf_response(quads: list[ox.Quad], fmt: Format, status: int = 200) -> Response:
    if fmt.name == "jsonld" and _data().release.has("jsonld_context"):
        body = _compact_jsonld({ox.Triple(q.subject, q.predicate, q.object) for q in quads})
    elif fmt.kind == "graph":
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        body = ox.serialize(sorted(triples, key=str), format=fmt.native, prefixes=_prefixes())
    else:
        body = ox.serialize(quads, format=fmt.native, prefixes=_prefixes())
    response = Response(body, status=status, mimetype=fmt.media_type)
    response.headers["Vary"] = "Accept"
    return response


@functools.lru_cache(maxsize=4)
def _context(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))["@context"]


def _compact_jsonld(triples: set[ox.Triple]) -> bytes:
    """JSON-LD compacted with the published context (/context.jsonld), which it names rather than inlines."""
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES), format="nt")
    context = _context(str(_data().release.artefact("jsonld_context")))
    document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    document["@context"] = _data().iris.context
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _prefixes() -> dict[str, str]:
    return {**PREFIXES, "id": _data().iris.id_space}


def _alternates(path: str) -> list[tuple[str, str]]:
    return [(f.name, f"/{path}.{f.extension}") for f in RDF_FORMATS if f.kind == "graph"]


def _html(template: str, status: int = 200, **context) -> Response:
    response = Response(render_template(template, **context), status=status, mimetype="text/html")
    response.headers["Vary"] = "Accept"
    return response


def _not_found(iri: str, fmt: Format | None) -> Response:
    if fmt is not None:
        return rdf_response([], fmt, 404)
    return _html("notfound.html", 404, iri=iri)


def local(term) -> str | None:
    """Template helper: where an IRI of ours is served here, else None."""
    return local_path(term, _data().base_iri) if isinstance(term, str) else None


@bp.app_template_filter("plain")
def _plain_filter(text: str | None) -> str:
    return plain(text)


@bp.app_template_filter("local")
def _local_filter(iri: str) -> str:
    return local(iri) or iri


@bp.route("/")
def home() -> Response:
    data = _data()
    counts = data.stats
    stats = data.release.stats()
    docs = data.store.query(sparql_prefixes("lb", "rdfs", "schema") + """
        SELECT ?d ?title ?outlet ?date ?earliest ?genre WHERE { ?d a lb:SourceDocument ; rdfs:label ?title ; lb:outlet ?outlet
        OPTIONAL { ?d lb:publicationDate ?date } OPTIONAL { ?d lb:earliestDate ?earliest } OPTIONAL { ?d schema:genre ?genre } }
        ORDER BY ?d""")
    documents = [{"iri": r["d"].value, "title": r["title"].value, "outlet": r["outlet"].value,
                  "date": date_words(r["date"].value, XSD + "date") if r["date"] else "date not stated"
                  + (f" (not before {date_words(r['earliest'].value, r['earliest'].datatype.value)})" if r["earliest"] else ""),
                  "day": r["date"].value if r["date"] else None, "genre": r["genre"].value if r["genre"] else None}
                 for r in docs]
    register = {r["g"].value.rsplit("/", 1)[-1]: int(r["n"].value) for r in data.store.query(
        "SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } "
        f"VALUES ?g {{ <{data.iris.graph(REGISTER_GRAPH).value}> <{data.iris.graph(MODAL_REGISTER_GRAPH).value}> }} }} GROUP BY ?g")}
    browse = class_tree(data.store)
    validated = data.release.validation() is not None  # `kg serve` always validates; a bare build may not be
    return _html("home.html", stats=stats, counts=counts, documents=documents, browse=browse, validated=validated,
                 register=register)


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    return _dereference("id/" + rest)


@bp.route("/graph/<path:rest>")
def graph(rest: str) -> Response:
    return _dereference("graph/" + rest)


PLAIN_JSON = ".json"


def _plain_json(path: str) -> Response:
    data = _data()
    iri = iri_for(path, data.base_iri)
    if not exists(data.store, iri):
        body, status = {"error": f"no such entity: {iri}"}, 404
    else:
        body, status = entity_json(data.store, view(data.store, iri, data.base_iri), path, data.base_iri), 200
    response = Response(json.dumps(body, ensure_ascii=False, indent=1), status=status, mimetype="application/json")
    response.headers["Link"] = f'</{path}>; rel="alternate"; type="text/html"'
    return response


def _dereference(path: str) -> Response:
    data = _data()
    if path.startswith("id/") and path.endswith(PLAIN_JSON):
        return _plain_json(path.removesuffix(PLAIN_JSON))
    stem, by_extension = split_extension(path)
    iri = iri_for(stem, data.base_iri)
    if by_extension is None and stem != path:
        stem = path
    fmt = negotiated(by_extension)
    if not exists(data.store, iri):
        return _not_found(iri, fmt)
    if fmt is not None:
        return rdf_response(rdf_description(data.store, iri, data.base_iri), fmt)
    types = types_of(data.store, iri)
    if LB + "Claim" in types:
        claim = claim_view(data.store, iri, data.base_iri)
        in_sentences(claim, data.release)
        return _html("claim.html", c=claim, alternates=_alternates(stem), cite=citation(claim, data.release, data.store))
    if LB + "SourceDocument" in types:
        text = data.release.document_text(stem.rsplit("/", 1)[-1])
        pieces = list(zip(text["rendered"], render_pieces(text["rendered"]), strict=True)) if text else []
        return _html("document.html", v=view(data.store, iri, data.base_iri), text=text, pieces=pieces,
                     alternates=_alternates(stem))
    entity = view(data.store, iri, data.base_iri)
    in_sentences(entity, data.release)
    return _html("resource.html", v=entity, alternates=_alternates(stem), plain_json=f"/{stem}{PLAIN_JSON}")


@bp.route("/dumps/<name>")
def dump(name: str) -> Response:
    path = _data().release.published_file(name)
    if path is None:
        abort(404, f"no dump named {name!r}")
    return send_from_directory(path.parent, path.name, as_attachment=True,
                               mimetype="application/gzip" if name.endswith(".gz") else None)


@bp.route("/browse")
def instances() -> Response:
    """Every instance of a class (`?class=IRI`) or of its subclasses, with labels: where the home page's counts lead."""
    iri = request.args.get("class", "")
    if not valid_iri(iri):
        abort(400, "give the class as an absolute IRI: /browse?class=" + quote(LB + "Militia", safe=":/"))
    found = instances_of(_data().store, iri)
    if not found.items:
        abort(404, f"no instances of {iri!r}")
    return _html("instances.html", found=found)
