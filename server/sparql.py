"""/sparql for everything but queries: the service description (RDF or a page) and CORS preflight."""

from __future__ import annotations

import logging
from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request, url_for

from kg.iris import LOCAL_ROOTS
from kg.namespaces import ONTOLOGY_IRI, PREFIXES, RDFS, SHAPES_IRI, VOID
from kg.release import Release

from . import http
from .description import service_description
from .negotiation import choose
from .query import sparql_functions

bp = Blueprint("sparql", __name__)
log = logging.getLogger("server")


def _endpoint_url() -> str:
    """The endpoint's public IRI: under the release's base, never the address the server listens on."""
    return current_app.extensions["kg"].iris.endpoint


def _cacheable(response: Response, key: str) -> Response:
    """ETag and Last-Modified from the build, so clients and proxies can revalidate (as the query path does)."""
    data = current_app.extensions["kg"]
    tag = http.etag(data.version, key)
    response.headers["ETag"] = tag
    response.headers["Last-Modified"] = http.http_date(data.built_at)
    response.headers["Vary"] = "Accept"
    if request.method in ("GET", "HEAD") and http.not_modified(request.environ, tag, data.built_at):
        response.status_code = 304
        response.set_data(b"")
        del response.headers["Content-Type"]
    return response


def _description() -> Response:
    data = current_app.extensions["kg"]
    endpoint = _endpoint_url()
    wants_html = request.accept_mimetypes.best_match(["text/turtle", "text/html"]) == "text/html" and \
        request.accept_mimetypes["text/html"] > request.accept_mimetypes["text/turtle"]
    if wants_html and not request.args.get("format"):
        # Not tagged from the build: the page is the UI's code as much as data, and cheap to send.
        response = Response(_description_page(endpoint, data.stats), mimetype="text/html")
        response.headers["Vary"] = "Accept"
        response.headers["Cache-Control"] = "no-cache"
        return response
    fmt = choose(request.accept_mimetypes, request.args.get("format"), ("graph",))
    triples = service_description(endpoint, data.stats, sparql_functions(data))
    void = ox.NamedNode(data.iris.void)  # the dataset's VoID and DCAT record
    triples.append(ox.Triple(ox.NamedNode(endpoint), ox.NamedNode(RDFS + "seeAlso"), void))
    triples.append(ox.Triple(ox.NamedNode(endpoint + "#dataset"), ox.NamedNode(VOID + "inDataset"),
                             ox.NamedNode(data.iris.dataset)))
    payload = ox.serialize(triples, format=fmt.native)
    return _cacheable(Response(payload, mimetype=fmt.media_type), "description|" + endpoint + fmt.name)


def _description_page(endpoint: str, stats: dict) -> str:
    """The query UI for browsers: YASGUI over this endpoint, the competency questions as examples."""
    data = current_app.extensions["kg"]
    base = data.base_iri  # the release's, from its manifest.json
    root = request.script_root
    config = {
        "endpoint": url_for("sparql.sparql"),  # a path: the browser resolves it against the page's own origin
        "base": base,
        "localRoots": [[base + part, f"{root}/{part}"] for part in LOCAL_ROOTS],
        "namespaces": [[ONTOLOGY_IRI, f"{root}/ontology"], [SHAPES_IRI, f"{root}/shapes"]],
        "prefixes": {**PREFIXES, "id": data.iris.id_space},
        "defaultQuery": DEFAULT_QUERY,
    }
    examples = [{**q, "link": "#query=" + quote(q["query"], safe="")} for q in competency_questions(data.release)]
    return render_template("sparql.html", endpoint=endpoint, stats=stats, examples=examples, ui_config=config)


DEFAULT_QUERY = """# The classes of the graph, and how many instances each has, typed with it directly.
# (The home page counts a class's subclasses in: write ?instance a/rdfs:subClassOf* ?class for that.)
# The competency questions are ready as examples: pick one from the list.
SELECT ?class (COUNT(DISTINCT ?instance) AS ?instances) WHERE {
  ?instance a ?class .
}
GROUP BY ?class
ORDER BY DESC(?instances)
"""


def competency_questions(release: Release) -> list[dict[str, str]]:
    """The competency questions kept with the release (ontology/queries/NN-*.rq when it was built): each one's id,
    number, question (its first comment lines) and text."""
    examples = []
    for path in release.queries():
        text = path.read_text(encoding="utf-8")
        comments = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comments.append(line.lstrip("#").strip())
        question = " ".join(c for c in comments if c) or path.stem[3:].replace("-", " ")
        examples.append({"id": path.stem, "number": path.stem[:2], "question": question, "query": text})
    return examples


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"], provide_automatic_options=False)
def sparql() -> Response:
    """CORS preflight and the service description; queries are answered in front of Flask (server.query)."""
    if request.method == "OPTIONS":
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Allow"] = "GET, POST, OPTIONS"
        return response
    return _description()
