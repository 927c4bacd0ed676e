"""SPARQL queries at /sparql, answered at the WSGI level in front of the Flask app.

A query is the endpoint's hot path: a point lookup costs pyoxigraph a fraction of a
millisecond, so the layer around it must cost no more. This handler reads the request
(parsing and negotiation are cached, since clients repeat themselves), answers conditional
requests before evaluating anything (the data cannot change within a release), lets
pyoxigraph evaluate and serialize, and writes the native bytes to the client — buffered up to
a threshold, so small answers carry their length and row count, and streamed beyond it. A
SELECT that the row cap may cut is kept whole (it has at most the cap's rows), so its headers
can always say whether it was cut. Everything else at /sparql (the service description, CORS preflight,
other methods) goes to the Flask app.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import HTTP_STATUS_CODES, parse_accept_header

from kg.formats import Format
from kg.namespaces import LBF
from kg.remote import StoreError, check_syntax
from kg.search import FUNCTIONS, SearchUnavailable

from . import http
from .access import VALID_HOST
from .cache import Answer, ResultCache
from .errors import HTTPProblem, problem_body, problem_http
from .metrics import REJECTED, TIMEOUTS, WORKERS_ENDED, rejection_reason
from .negotiation import choose
from .perprocess import PerProcess
from .protocol import QueryRequest, parse_request
from .quota import Quota, client_key
from .rows import RowCounter, count_rows, counter, first_rows
from .safety import nesting, on_allow_list, opening_brackets, query_form, refused_service, unsafe_destination
from .slowgroup import slow_group
from .watchdog import configure as configure_watchdog
from .watchdog import slow_query_cpu, watchdog

log = logging.getLogger("server")

PATH = "/sparql"
STREAM_AFTER = 1 << 20  # bytes of a result kept to send in one piece; beyond, the rest streams
MIN_ROW_BYTES = 1  # the fewest bytes a row takes in any results format
# Where a streamed answer is cut (its status and headers long sent), what ends it: not RDF, JSON or XML in
# any of the formats, and not a line of N-Triples, N-Quads, Turtle or TriG, so no parser takes it for whole.
INCOMPLETE = b"\n@@@ INCOMPLETE ANSWER @@@ %s\n"

_KINDS = {"SELECT": ("results",), "ASK": ("results",), "CONSTRUCT": ("graph", "dataset"),
          "DESCRIBE": ("graph", "dataset")}

# This process's query threads, for servers where a worker cannot be ended on a timeout.
_executor = PerProcess(lambda: ThreadPoolExecutor(max_workers=8, thread_name_prefix="sparql-query"))


class _Enough(Exception):
    """Raised from the serializer's output once a SELECT has more rows than the cap: the engine stops."""


class QueryOverMemory(HTTPProblem):
    def __init__(self, budget_mb: int):
        super().__init__(503, f"the query needed more than {budget_mb} MiB of memory and was stopped; "
                              "simplify it (long strings, large joins and sorts take memory)")


class QueryTimeout(HTTPProblem):
    def __init__(self, timeout: float, stopped: bool = False):
        done = " and was stopped" if stopped else ""
        super().__init__(503, f"the query did not finish within {timeout:g} s{done}; simplify it or add a LIMIT",
                         {"Retry-After": "5"})


@functools.lru_cache(maxsize=256)
def _accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)


@functools.lru_cache(maxsize=1024)
def _negotiate(accept: str, format_param: str | None, kinds: tuple[str, ...]) -> Format:
    return choose(_accept(accept), format_param, kinds)


@functools.lru_cache(maxsize=256)
def _parse(method: str, content_type: str, query_string: bytes, body: bytes) -> QueryRequest | None:
    return parse_request(method, content_type, query_string, body)


def _media_type(fmt: Format) -> str:
    return fmt.media_type + ("; charset=utf-8" if fmt.media_type.startswith("text/") else "")


def _request_body(environ: dict, limit: int) -> bytes:
    stream = environ["wsgi.input"]
    length = environ.get("CONTENT_LENGTH")
    if length:
        try:
            size = int(length)
        except ValueError:
            raise HTTPProblem(400, f"Content-Length {length!r} is not a number") from None
        if size > limit:
            raise HTTPProblem(413, f"the request body is {size} bytes; the limit is {limit}")
        return stream.read(size)
    if environ.get("wsgi.input_terminated"):  # a chunked body: read up to the limit
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise HTTPProblem(413, f"the request body is over the limit of {limit} bytes")
        return body
    return b""


def _client_writer(environ: dict) -> Callable[[bytes], None] | None:
    """A way to write raw bytes to this request's client, where the server offers one."""
    sock = environ.get("gunicorn.socket")
    if sock is not None:
        return sock.sendall
    if "uwsgi.version" in environ:
        import uwsgi  # the module exists only inside a uWSGI process

        fd = uwsgi.connection_fd()

        def write(data: bytes) -> None:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]

        return write
    return None


def _send_whole(start_response: Callable, headers: list[tuple[str, str]], body: bytes, gzip: bool,
                head: bool) -> list[bytes]:
    if gzip and len(body) >= http.GZIP_MIN:  # every format of an answer is worth compressing (http.COMPRESSIBLE)
        body = http.gzip(body)
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    start_response("200 OK", headers)
    return [] if head else [body]


def _send_kept(start_response: Callable, headers: list[tuple[str, str]], kept: Answer, gzip: bool,
               head: bool) -> list[bytes]:
    headers = [("Content-Type", kept.content_type), *headers, *kept.headers, ("X-Cache", "hit")]
    return _send_whole(start_response, headers, kept.body, gzip, head)


class _Exchange:
    """One request's response: buffered until STREAM_AFTER bytes, then streamed.

    The timeout watchdog and the query thread both may want to answer; whichever starts the
    response first owns it.
    """

    def __init__(self, start_response: Callable, headers: list[tuple[str, str]], gzip: bool, head: bool):
        self._start_response = start_response
        self._headers = headers
        self._gzip = http.gzip_stream() if gzip else None
        self._head = head
        self._parts: list[bytes] = []
        self._size = 0
        self._send: Callable[[bytes], None] | None = None
        self._lock = threading.Lock()
        self.stream_after: float = STREAM_AFTER
        self.expired = False
        self.streamed = False
        self.row_format: str | None = None  # the results format whose rows are counted (None: a graph, no rows)
        self._stream_rows: RowCounter | None = None  # counts the rows of an answer as it streams
        self.cap = 0  # rows of a SELECT kept; past them the serializer is stopped (0: no cap)
        self._check_at: float = float("inf")  # the kept size at which to count rows against the cap next
        self._counted: int | None = None  # the rows of the whole answer, once counted
        self.truncated = False
        self.content_type = ""
        self.body: bytes | None = None  # the whole answer, once sent in one piece

    def count_against(self, cap: int) -> None:
        """Keep the whole answer and stop the serializer once it has more than `cap` rows."""
        self.cap = cap
        self.stream_after = float("inf")
        self._check_at = cap * MIN_ROW_BYTES  # a shorter answer cannot hold more rows than the cap

    def write(self, chunk: bytes) -> int:
        if self._send is not None:
            if self._stream_rows is not None:
                self._stream_rows.feed(chunk)
            self._out(chunk)
            return len(chunk)
        self._parts.append(chunk)
        self._size += len(chunk)
        if self._size >= self._check_at:
            # Counted each time the kept answer doubles: the counting costs as much as one count of the whole.
            if count_rows(self.row_format, self._whole()) > self.cap:
                raise _Enough
            self._check_at = 2 * self._size
        if self._size > self.stream_after:
            self._begin_stream()
        return len(chunk)

    def _whole(self) -> bytes:
        """The answer kept so far, as one piece (and kept so)."""
        self._parts = [b"".join(self._parts)]
        return self._parts[0]

    def end_rows(self) -> None:
        """The serializer is done: an answer kept whole has its rows counted, once, and is cut if the cap is past (the
        cap is looked at as the answer doubles, so its last part has not been looked at yet)."""
        if self._send is None:
            self._counted = count_rows(self.row_format, self._whole())
            if self.cap and self._counted > self.cap:
                raise _Enough

    def rows(self) -> int | None:
        """The rows of the answer sent (None: a graph, or a boolean)."""
        if self.row_format is None:
            return None
        if self.truncated:
            return self.cap
        if self._stream_rows is not None:
            return self._stream_rows.rows
        return self._counted

    def flush(self) -> None:
        """Called by the serializer; chunks are sent as they come, or kept on purpose."""

    def cut(self, format_name: str) -> None:
        """Keep the first `cap` rows of the (whole, kept) answer, closed as its format requires."""
        self._parts = [first_rows(format_name, self._whole(), self.cap)]
        self._size = len(self._parts[0])
        self.truncated = True

    def _begin_stream(self) -> None:
        with self._lock:
            if self.expired:  # the watchdog answered 503 and is ending this process
                threading.Event().wait()
            self.streamed = True
        headers = list(self._headers)
        if self._gzip is not None:
            headers.append(("Content-Encoding", "gzip"))
        self._send = self._start_response("200 OK", headers)
        parts, self._parts = self._parts, []
        if self.row_format is not None:
            self._stream_rows = counter(self.row_format)
            for part in parts:
                self._stream_rows.feed(part)
        for part in parts:
            self._out(part)

    def _out(self, chunk: bytes) -> None:
        if self._gzip is not None:
            chunk = self._gzip.compress(chunk)
        if chunk and not self._head:
            self._send(chunk)

    def finish(self, extra: list[tuple[str, str]]) -> Iterable[bytes]:
        """The rest of the response once the result is complete."""
        if self.streamed:
            if self._gzip is not None:
                self._out_raw(self._gzip.flush())
            return []
        self.body = self._whole()
        return _send_whole(self._start_response, list(self._headers) + extra, self.body, self._gzip is not None,
                           self._head)

    def _out_raw(self, data: bytes) -> None:
        if data and not self._head:
            self._send(data)

    def claim_for_timeout(self) -> bool:
        """True when nothing was sent yet, so the watchdog may answer 503 (and nobody else will)."""
        with self._lock:
            if self.streamed:
                return False
            self.expired = True
            return True


class _Sent:
    """Under kg serve, the answer; once uWSGI has sent it (WSGI's close), the request's access-log line and metrics,
    and where the query's priority was lowered, the end of this worker (its master starts a new one). The client
    does not wait for the bookkeeping: it is written while the answer travels."""

    __slots__ = ("answer", "line", "end_worker")

    def __init__(self, answer: Iterable[bytes], line: tuple, end_worker: bool):
        self.answer = answer
        self.line = line  # http.record's arguments
        self.end_worker = end_worker

    def __iter__(self):
        return iter(self.answer)

    def close(self) -> None:
        try:
            close = getattr(self.answer, "close", None)
            if close is not None:
                close()
        finally:
            http.record(*self.line)
            if self.end_worker:
                log.info("ending worker %d: its priority was lowered for a slow query and cannot be raised again", os.getpid())
                os._exit(0)


def sparql_functions(data) -> dict[str, str]:
    """The extension functions this endpoint evaluates (IRI -> what it does): search's, where the release has an
    index and the store is the embedded one (a remote store evaluates queries itself)."""
    if not isinstance(data.store, ox.Store):
        return {}
    try:
        data.search  # noqa: B018 - opening it says whether there is one
    except SearchUnavailable:
        return {}
    return FUNCTIONS


class QueryEndpoint:
    """WSGI middleware: answers SPARQL queries at /sparql, passes every other request on."""

    def __init__(self, inner: Callable, data, config: dict):
        self.inner = inner
        self.data = data
        self.config = config
        self._last_modified = http.http_date(data.built_at)
        self._common = http.response_headers(PATH, "")  # every answer's media type is one of SPARQL's
        self.cache = ResultCache(int(config["RESULT_CACHE_MB"]) << 20)
        self.quota = Quota(config["QUOTA_SECONDS"], config["QUOTA_WINDOW"], config["QUERY_TIMEOUT"])
        configure_watchdog(slow_group(config["SLOW_CGROUP"]), slow_query_cpu(config["SLOW_QUERY_CPU"]),
                           (int(config["QUERY_MEMORY_MB"]) << 20) or None)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if environ.get("PATH_INFO") != PATH or method not in ("GET", "HEAD", "POST"):
            return self.inner(environ, start_response)
        host = environ.get("HTTP_HOST")
        if host is not None and not VALID_HOST.match(host):
            return self._problem(start_response, 400, "the Host header is not a host name or address with an optional port",
                                 environ.get("HTTP_ACCEPT", ""), {})
        started = time.perf_counter()
        rows, client = None, None
        accept = environ.get("HTTP_ACCEPT", "")
        try:
            body = _request_body(environ, self.config["MAX_BODY_BYTES"]) if method == "POST" else b""
            query = _parse("GET" if method == "HEAD" else method, environ.get("CONTENT_TYPE", ""),
                           environ.get("QUERY_STRING", "").encode("latin-1"), body)
            if query is None:
                if method == "POST":
                    raise HTTPProblem(400, "the request carries no query")
                return self.inner(environ, start_response)  # the Flask app answers (and logs) requests for the description
            client = self._admit(environ)
            status, rows, answer = self._answer(environ, start_response, query, accept, method == "HEAD")
        except HTTPProblem as exc:
            status = exc.status
            reason = rejection_reason(exc.status, exc.message)
            if reason is not None:
                REJECTED.labels(reason).inc()
            answer = self._problem(start_response, exc.status, exc.message, accept, exc.headers)
        except Exception:
            log.exception("unexpected error on %s %s", method, PATH)
            status = 500
            answer = self._problem(start_response, 500, "internal error; it has been logged", accept, {})
        finally:
            if client is not None:
                self.quota.settle(client, time.perf_counter() - started)
        line = (method, PATH, PATH, status, time.perf_counter() - started, rows)
        if self.config["RECYCLE_ON_TIMEOUT"]:  # kg serve's workers: uWSGI closes every answer it has sent
            return _Sent(answer, line, bool(environ.get("landbridge.recycle")))
        http.record(*line)  # elsewhere, before the answer goes (Werkzeug's test client closes only when asked)
        return answer

    def _admit(self, environ: dict) -> str | None:
        """The client to charge for this query; 429 when it has used up its budget."""
        if not self.quota.enabled:
            return None
        client = client_key(environ)
        wait = self.quota.admit(client)
        if wait is not None:
            raise HTTPProblem(429, f"this client has used its {self.config['QUOTA_SECONDS']:g} s of query time per "
                                   f"{self.config['QUOTA_WINDOW']:g} s (a running query counts for the most it may take); "
                                   f"try again in {wait} s", {"Retry-After": str(wait)})
        return client

    def _problem(self, start_response, status: int, message: str, accept: str, extra: dict) -> list[bytes]:
        media_type, body = problem_body(status, message, _accept(accept))
        headers = [("Content-Type", media_type), ("Content-Length", str(len(body))),
                   *http.response_headers(PATH, media_type), *extra.items()]
        start_response(f"{status} {HTTP_STATUS_CODES.get(status, 'Error')}", headers)
        return [body]

    def _check(self, query: QueryRequest) -> None:
        """What is refused before the engine sees the query: too long, or nested deeper than its parser takes."""
        limit = self.config["MAX_QUERY_LENGTH"]
        if len(query.query) > limit:
            raise HTTPProblem(413, f"the query is {len(query.query)} characters long; the limit is {limit}")
        deepest = self.config["MAX_NESTING"]
        if opening_brackets(query.query) > deepest:  # only then can it nest deeper
            depth, _ = nesting(query.query)
            if depth > deepest:
                raise HTTPProblem(400, f"the query nests brackets {depth} deep; the limit is {deepest}")

    def _admits(self, iri: str) -> bool:
        allowed = self.config["SERVICE_ALLOWLIST"]
        return bool(allowed) and on_allow_list(iri, allowed) and unsafe_destination(iri) is None

    def _check_services(self, text: str, base_iri: str) -> None:
        """Refuse a query the engine would evaluate with a SERVICE the allow-list does not admit."""
        refusal = refused_service(text, self._admits, lambda q: check_syntax(q, base_iri))
        if refusal is None:
            return
        if refusal.syntax_error is not None:
            raise HTTPProblem(400, f"malformed query: {refusal.syntax_error}")
        allowed = self.config["SERVICE_ALLOWLIST"]
        if not allowed:
            raise HTTPProblem(400, "SERVICE (federated query) is not allowed on this endpoint")
        named = f"SERVICE <{refusal.endpoint}>" if refusal.endpoint else "a SERVICE"
        why = ""
        if refusal.endpoint and on_allow_list(refusal.endpoint, allowed):
            why = f": {unsafe_destination(refusal.endpoint)}"
        raise HTTPProblem(400, f"{named} is refused{why}; this endpoint calls only the endpoints of its allow-list, "
                               "written as plain absolute http(s) IRIs (no variable, prefixed name, escape or relative IRI)")

    def _answer(self, environ, start_response, query: QueryRequest, accept: str, head: bool):
        self._check(query)
        max_rows = self.config["MAX_ROWS"]
        text = query.query
        kinds = _KINDS.get(query_form(text) or "")  # a hint for negotiation; the engine's answer decides
        try:
            fmt = _negotiate(accept, query.format, kinds) if kinds else None
        except HTTPProblem:
            try:  # a malformed query is a 400 with its position, whatever the client accepts (nothing is evaluated)
                check_syntax(text)
            except SyntaxError as exc:
                raise HTTPProblem(400, f"malformed query: {exc}") from None
            raise
        headers = [*self._common, ("Vary", "Accept, Accept-Encoding"), ("Last-Modified", self._last_modified)]
        base_iri = self.data.iris.endpoint  # relative IRIs in a query resolve against the endpoint's public IRI
        etag = None
        if fmt is not None:
            etag = self._etag(text, query, base_iri, fmt)
            headers.append(("ETag", etag))
            if http.not_modified(environ, etag, self.data.built_at):
                start_response("304 Not Modified", headers)
                return 304, None, []
            kept = self.cache.get(etag)
            if kept is not None:
                return 200, kept.rows, _send_kept(start_response, headers, kept, http.wants_gzip(environ), head)
        exchange = _Exchange(start_response, headers, http.wants_gzip(environ), head)

        def work() -> Format:
            self._check_services(text, base_iri)
            # pyoxigraph result iterators must be dropped on the thread that made them, so no
            # exception may carry them (in a traceback) out of this function.
            results = self._evaluate(text, query, base_iri)
            try:
                kind = ("results",) if isinstance(results, (ox.QuerySolutions, ox.QueryBoolean)) else ("graph", "dataset")
                chosen = fmt if fmt is not None and fmt.kind in kind else _negotiate(accept, query.format, kind)
                exchange.content_type = _media_type(chosen)
                headers.insert(0, ("Content-Type", exchange.content_type))
                if isinstance(results, ox.QuerySolutions):
                    exchange.row_format = chosen.name
                    if max_rows > 0:  # kept whole (at most max_rows rows), so the headers can say whether it was cut
                        exchange.count_against(max_rows)
                    try:
                        results.serialize(exchange, format=chosen.native)
                        exchange.end_rows()
                    except _Enough:
                        exchange.cut(chosen.name)
                elif isinstance(results, ox.QueryBoolean):
                    results.serialize(exchange, format=chosen.native)
                elif chosen.kind == "dataset":  # triples: the engine's own or a remote store's
                    ox.serialize((ox.Quad(t.subject, t.predicate, t.object) for t in results), exchange,
                                 format=chosen.native)
                else:
                    ox.serialize(results, exchange, format=chosen.native)
                return chosen
            except HTTPProblem as exc:
                problem: Exception = HTTPProblem(exc.status, exc.message, exc.headers)
            except Exception:
                problem = RuntimeError("query evaluation failed:\n" + traceback.format_exc())
            finally:
                del results
            raise problem

        self._run(work, exchange, environ, accept)
        rows = exchange.rows()
        extra = []
        if exchange.cap:
            extra.append(("X-SPARQL-Max-Rows", str(exchange.cap)))
            if exchange.truncated:
                extra.append(("X-SPARQL-Truncated", "true"))
        answer = exchange.finish(extra)
        if etag is not None and exchange.body is not None and self.cache.max_bytes > 0:
            self.cache.put(etag, Answer(exchange.content_type, exchange.body, rows, tuple(extra)))
        return 200, rows, answer

    def _etag(self, text: str, query: QueryRequest, base_iri: str, fmt: Format) -> str:
        # The base IRI is part of it: relative IRIs in a query resolve against the endpoint's URL.
        return http.etag(self.data.version, text, *query.default_graphs, "|", *query.named_graphs, base_iri, fmt.name)

    @functools.cached_property
    def _functions(self) -> dict:
        """The engine's custom functions (search, kg.search), or none."""
        return self.data.search.sparql_functions() if sparql_functions(self.data) else {}

    def _evaluate(self, text: str, query: QueryRequest, base_iri: str):
        # Only a query that names the functions' namespace can call them: the others are evaluated as before.
        functions = {"custom_functions": self._functions} if LBF in text and self._functions else {}
        try:
            return self.data.store.query(
                text,
                base_iri=base_iri,  # relative IRIs in a query resolve against the endpoint
                default_graph=[ox.NamedNode(g) for g in query.default_graphs] or None,
                named_graphs=[ox.NamedNode(g) for g in query.named_graphs] or None,
                **functions,
            )
        except SyntaxError as exc:
            raise HTTPProblem(400, f"malformed query: {exc}") from None
        except RuntimeError as exc:
            if "custom function" not in str(exc):
                raise
            raise HTTPProblem(400, f"{exc}: the search functions need the release's search index and the embedded "
                                   "store (see the service description)") from None
        except ValueError as exc:  # an invalid IRI among the dataset parameters
            raise HTTPProblem(400, f"invalid dataset parameter: {exc}") from None
        except StoreError as exc:
            log.warning("%s", exc)
            raise HTTPProblem(502, f"the SPARQL store behind this endpoint failed: {exc}") from None

    def _run(self, work: Callable[[], Format], exchange: _Exchange, environ: dict, accept: str) -> None:
        """Run the query under the time limit; a timed-out query gets a 503."""
        timeout = self.config["QUERY_TIMEOUT"]
        client = _client_writer(environ) if self.config["RECYCLE_ON_TIMEOUT"] else None
        if timeout > 0 and client is not None:
            # One request per process: run the query here; the watchdog answers 503 and ends the
            # process if it overruns.
            started = time.monotonic()

            def expire(reason: str) -> None:
                spent = time.monotonic() - started
                if reason == "time":
                    log.warning("query timed out after %gs", timeout)
                    TIMEOUTS.inc()
                    late: HTTPProblem = QueryTimeout(timeout, stopped=True)
                else:
                    log.warning("query stopped after %.1fs: over its memory budget of %d MiB", spent, self.config["QUERY_MEMORY_MB"])
                    REJECTED.labels("memory").inc()
                    late = QueryOverMemory(self.config["QUERY_MEMORY_MB"])
                # The query keeps its whole reservation: this process ends before it could give any back.
                if exchange.claim_for_timeout():
                    client(problem_http(late.status, late.message, _accept(accept), late.headers))
                    http.record(environ.get("REQUEST_METHOD", "GET"), PATH, PATH, late.status, spent)
                else:  # the answer is streaming: end it with bytes no parser of any format accepts
                    client(INCOMPLETE % late.message.encode("utf-8", "replace"))
                WORKERS_ENDED.inc()

            dog = watchdog.get()
            dog.arm(timeout, expire)
            try:
                work()
            finally:
                outcome = dog.disarm()
                if outcome == "fired":
                    threading.Event().wait()  # the watchdog has answered and is ending the process
                if outcome == "recycle":
                    environ["landbridge.recycle"] = True
            return
        if timeout <= 0:
            work()
            return
        # Elsewhere the query runs on a thread and the whole answer is kept until it is done: a
        # thread left running after a timeout must not write to the client.
        exchange.stream_after = float("inf")
        future = _executor.get().submit(work)
        try:
            future.result(timeout)
        except FutureTimeout:
            log.warning("query timed out after %gs", timeout)
            TIMEOUTS.inc()
            raise QueryTimeout(timeout) from None
