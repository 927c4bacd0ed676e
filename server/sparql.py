"""/sparql for everything but queries: the service description (RDF or a page) and CORS preflight."""

from __future__ import annotations

import hashlib
import html
import logging

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from .description import service_description
from .negotiation import choose

bp = Blueprint("sparql", __name__)
log = logging.getLogger("server")


def _endpoint_url() -> str:
    # werkzeug's request.base_url re-encodes the whole URL (a noticeable cost per request).
    env = request.environ
    host = env.get("HTTP_HOST") or f"{env.get('SERVER_NAME', 'localhost')}:{env.get('SERVER_PORT', '80')}"
    return f"{env.get('wsgi.url_scheme', 'http')}://{host}{env.get('SCRIPT_NAME', '')}{env.get('PATH_INFO', '')}"


def _etag(*parts: str) -> str:
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def _cacheable(response: Response, key: str) -> Response:
    """ETag and Last-Modified from the build, so clients and proxies can revalidate."""
    data = current_app.extensions["kg"]
    response.headers["ETag"] = _etag(data.version, key)
    response.last_modified = data.built_at
    response.headers["Vary"] = "Accept"
    return response.make_conditional(request)


def _description() -> Response:
    data = current_app.extensions["kg"]
    endpoint = _endpoint_url()
    wants_html = request.accept_mimetypes.best_match(["text/turtle", "text/html"]) == "text/html" and \
        request.accept_mimetypes["text/html"] > request.accept_mimetypes["text/turtle"]
    if wants_html and not request.args.get("format"):
        body = _description_page(endpoint, data.stats)
        return _cacheable(Response(body, mimetype="text/html"), "description-html")
    fmt = choose(request.accept_mimetypes, request.args.get("format"), ("graph",))
    payload = ox.serialize(service_description(endpoint, data.stats), format=fmt.native)
    return _cacheable(Response(payload, mimetype=fmt.media_type), "description|" + endpoint + fmt.name)


def _description_page(endpoint: str, stats: dict) -> str:
    e = html.escape(endpoint)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Land Bridge SPARQL endpoint</title></head>
<body>
<h1>Land Bridge knowledge graph: SPARQL endpoint</h1>
<p>This is a read-only SPARQL 1.1 endpoint at <code>{e}</code>. Send queries with
<code>GET {e}?query=…</code>, or <code>POST</code> with <code>application/x-www-form-urlencoded</code>
(<code>query=…</code>) or <code>application/sparql-query</code>.</p>
<p>The default graph holds {stats['triples']} triples, each once: it is the merge of
{len(stats['graphs'])} named graphs (one per claim, with its evidence). SPARQL Update and SERVICE
federation are refused.</p>
<p>The machine-readable service description: <a href="{e}?format=turtle">Turtle</a>,
<a href="{e}?format=jsonld">JSON-LD</a>, <a href="{e}?format=rdfxml">RDF/XML</a>.</p>
</body></html>
"""


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
