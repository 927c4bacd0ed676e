"""The SPARQL 1.1 Protocol endpoint at /sparql: queries, the service description, refusals."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import logging
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, g, request

from kg.formats import Format

from .description import service_description
from .errors import HTTPProblem, problem_http
from .negotiation import choose
from .perprocess import PerProcess
from .protocol import QueryRequest, parse_request
from .safety import cap_rows, service_iri, service_targets
from .watchdog import watchdog

bp = Blueprint("sparql", __name__)
log = logging.getLogger("server")


# This process's query threads (made after any fork, so each worker has its own).
_executor = PerProcess(lambda: ThreadPoolExecutor(max_workers=8, thread_name_prefix="sparql-query"))


def _run_with_timeout(work, timeout: float):
    """Run work() on a query thread; raise 503 if it has not finished after `timeout` seconds."""
    if timeout <= 0:
        return work()
    future = _executor.get().submit(work)
    try:
        return future.result(timeout)
    except FutureTimeout:
        raise QueryTimeout(timeout) from None


class QueryTimeout(HTTPProblem):
    def __init__(self, timeout: float, stopped: bool = False):
        done = " and was stopped" if stopped else ""
        super().__init__(503, f"the query did not finish within {timeout:g} s{done}; simplify it or add a LIMIT",
                         {"Retry-After": "5"})


def _check_limits(query: QueryRequest) -> None:
    limit = current_app.config["MAX_QUERY_LENGTH"]
    if len(query.query) > limit:
        raise HTTPProblem(413, f"the query is {len(query.query)} characters long; the limit is {limit}")
    allowed = current_app.config["SERVICE_ALLOWLIST"]
    for target in service_targets(query.query):
        if not allowed:
            raise HTTPProblem(400, "SERVICE (federated query) is not allowed on this endpoint")
        iri = service_iri(target)
        if not target.startswith("<") or not any(iri.startswith(prefix) for prefix in allowed):
            raise HTTPProblem(400, f"SERVICE {target} is not on this endpoint's allow-list")


def _evaluate(store: ox.Store, query: QueryRequest, base_iri: str):
    try:
        return store.query(
            query.query,
            base_iri=base_iri,  # relative IRIs in a query resolve against the endpoint
            default_graph=[ox.NamedNode(g) for g in query.default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in query.named_graphs] or None,
        )
    except SyntaxError as exc:
        raise HTTPProblem(400, f"malformed query: {exc}") from None
    except ValueError as exc:  # an invalid IRI among the dataset parameters
        raise HTTPProblem(400, f"invalid dataset parameter: {exc}") from None


def _serialize(results, fmt: Format) -> bytes:
    if isinstance(results, ox.QueryTriples):
        if fmt.kind == "dataset":
            return ox.serialize((ox.Quad(t.subject, t.predicate, t.object) for t in results), format=fmt.native)
        return ox.serialize(results, format=fmt.native)
    return results.serialize(format=fmt.native)


def _count_rows(results, payload: bytes, fmt: Format) -> int | None:
    """Rows of a SELECT result, read back from the serialized bytes by the native parser."""
    if not isinstance(results, ox.QuerySolutions):
        return None
    if fmt.name == "csv":  # CSV results are lossy; pyoxigraph will not parse them back
        return max(0, sum(1 for _ in csv.reader(io.StringIO(payload.decode("utf-8")))) - 1)
    return sum(1 for _ in ox.parse_query_results(payload, format=fmt.native))


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
    if request.method == "OPTIONS":  # CORS preflight
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Allow"] = "GET, POST, OPTIONS"
        return response
    body = request.get_data(cache=False) if request.method == "POST" else b""
    query = parse_request(request.method, request.content_type, request.query_string, body)
    if query is None:
        if request.method == "POST":
            raise HTTPProblem(400, "the request carries no query")
        return _description()
    _check_limits(query)
    accept = request.accept_mimetypes
    format_param = request.args.get("format")
    base_iri = _endpoint_url()
    store = current_app.extensions["kg"].store

    max_rows = current_app.config["MAX_ROWS"]
    query.query, capped = cap_rows(query.query, max_rows)

    def work() -> tuple[Format, bytes, int | None]:
        # pyoxigraph result iterators must be dropped on the thread that made them, so no
        # exception may carry them (in a traceback) out of this function.
        results = _evaluate(store, query, base_iri)
        try:
            kinds = ("graph", "dataset") if isinstance(results, ox.QueryTriples) else ("results",)
            fmt = choose(accept, format_param, kinds)
            payload = _serialize(results, fmt)
            return fmt, payload, _count_rows(results, payload, fmt)
        except HTTPProblem as exc:
            problem: Exception = HTTPProblem(exc.status, exc.message, exc.headers)
        except Exception:
            problem = RuntimeError("query evaluation failed:\n" + traceback.format_exc())
        finally:
            del results
        raise problem

    timeout = current_app.config["QUERY_TIMEOUT"]
    client = request.environ.get("gunicorn.socket")
    if timeout > 0 and client is not None and current_app.config["RECYCLE_ON_TIMEOUT"]:
        # One request per process: run the query here; the watchdog answers 503 and ends the
        # process if it overruns.
        def expire() -> None:
            late = QueryTimeout(timeout, stopped=True)
            log.warning("query timed out after %gs", timeout)
            client.sendall(problem_http(late.status, late.message, accept, late.headers))

        dog = watchdog.get()
        dog.arm(timeout, expire)
        try:
            fmt, payload, rows = work()
        finally:
            if not dog.disarm():
                threading.Event().wait()  # the watchdog has answered and is ending the process
    else:
        try:
            fmt, payload, rows = _run_with_timeout(work, timeout)
        except QueryTimeout:
            log.warning("query timed out after %gs", timeout)
            raise
    response = Response(payload, mimetype=fmt.media_type)
    if rows is not None:
        g.result_rows = rows
        if capped:
            response.headers["X-SPARQL-Max-Rows"] = str(max_rows)
            if rows >= max_rows:
                response.headers["X-SPARQL-Truncated"] = "true"
    key = "|".join([query.query, *query.default_graphs, "|", *query.named_graphs, fmt.name])
    return _cacheable(response, key)
