"""Reads a SPARQL 1.1 Protocol request (GET, form POST, direct POST) into a query and its dataset."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from .errors import HTTPProblem
from .safety import looks_like_update

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"
# The parameters that ask for a response format by name or media type, in the order Apache Jena Fuseki reads
# them: `output`, else `format`, else `results`. Virtuoso reads `format` and `output`; SPARQLWrapper sends all
# three, each with its own name for the format and, for some formats, the media type too.
FORMAT_PARAMETERS = ("output", "format", "results")
READ_ONLY = (
    "this endpoint is read-only: the graph changes only through reviewed statements and a build, "
    "so SPARQL Update is refused"
)


@dataclass(frozen=True)
class QueryRequest:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None  # the format asked for by parameter (see FORMAT_PARAMETERS), overriding Accept


# CPython's decoder of backslash escapes in bytes: with each % made a \x, it decodes a form field's %XX at C speed.
_ESCAPES = getattr(codecs, "escape_decode", None)


def _unquote(field: bytes) -> bytes:
    """A form field's bytes as urllib's unquote_plus gives them ('+' a space, %XX a byte, a stray % kept)."""
    field = field.replace(b"+", b" ")
    if b"%" not in field:
        return field
    if _ESCAPES is not None:
        try:
            return _ESCAPES(field.replace(b"\\", b"\\\\").replace(b"%", b"\\x"))[0]
        except ValueError:  # a % without two hex digits after it: urllib keeps it as it is
            pass
    return unquote_to_bytes(field)


def form_pairs(raw: bytes, where: str) -> list[tuple[str, str]]:
    """The name-value pairs of a query string or form body, as urllib's parse_qsl reads them (blank values kept)."""
    if not raw.isascii():
        raise HTTPProblem(400, f"the {where} is not valid UTF-8")
    pairs = []
    for field in raw.split(b"&"):
        if field:
            name, _, value = field.partition(b"=")
            try:
                pairs.append((_unquote(name).decode("utf-8"), _unquote(value).decode("utf-8")))
            except UnicodeDecodeError:
                raise HTTPProblem(400, f"the {where} is not valid UTF-8") from None
    return pairs


def _single(pairs: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in pairs if k == name]
    if len(values) > 1:
        raise HTTPProblem(400, f"the '{name}' parameter is given {len(values)} times; give it once")
    return values[0] if values else None


def _format(pairs: list[tuple[str, str]]) -> str | None:
    """The format asked for: the first non-empty value of `output`, else of `format`, else of `results` (Fuseki's rule).

    They may be repeated (clients send one format under several names, and as a name and a media type); the
    values after the one taken are not read, so a value meant for another server cannot fail the request.
    """
    for name in FORMAT_PARAMETERS:
        for key, value in pairs:
            if key == name and value.strip():
                return value.strip()
    return None


def _charset_ok(content_type: str) -> bool:
    params = [p.strip().lower() for p in content_type.split(";")[1:]]
    return all(not p.startswith("charset=") or p in ("charset=utf-8", 'charset="utf-8"') for p in params)


def parse_request(method: str, content_type: str | None, query_string: bytes, body: bytes) -> QueryRequest | None:
    """The query of the request, or None when it carries none (a request for the description)."""
    url_pairs = form_pairs(query_string, "query string")
    mime = (content_type or "").split(";")[0].strip().lower()
    if method == "GET":
        pairs = url_pairs
        if _single(pairs, "update") is not None:
            raise HTTPProblem(403, READ_ONLY)
        query = _single(pairs, "query")
    elif method == "POST":
        if mime == FORM:
            pairs = url_pairs + form_pairs(body, "request body")
            if _single(pairs, "update") is not None:
                raise HTTPProblem(403, READ_ONLY)
            query = _single(pairs, "query")
            if query is None:
                raise HTTPProblem(400, "a form POST needs a 'query' parameter")
        elif mime == DIRECT_QUERY:
            if not _charset_ok(content_type or ""):
                raise HTTPProblem(415, "application/sparql-query bodies must be UTF-8")
            pairs = url_pairs
            try:
                query = body.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPProblem(400, "the query is not valid UTF-8") from None
        elif mime == DIRECT_UPDATE:
            raise HTTPProblem(403, READ_ONLY)
        else:
            shown = mime or "none"
            raise HTTPProblem(
                415,
                f"unsupported Content-Type {shown!r}: send {FORM} (query=…) or {DIRECT_QUERY}",
            )
    else:
        raise HTTPProblem(405, f"{method} is not allowed here", {"Allow": "GET, POST, OPTIONS"})
    if query is None:
        if [k for k, _ in pairs if k in ("default-graph-uri", "named-graph-uri")]:
            raise HTTPProblem(400, "dataset parameters were given without a query")
        return None
    if looks_like_update(query):
        raise HTTPProblem(403, READ_ONLY)
    return QueryRequest(
        query=query,
        default_graphs=tuple(v for k, v in pairs if k == "default-graph-uri"),
        named_graphs=tuple(v for k, v in pairs if k == "named-graph-uri"),
        format=_format(pairs),
    )
