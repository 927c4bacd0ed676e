"""What every response gets, whichever layer answers: the /sparql query path in front of Flask (server.query) and
the Flask app (pages, dumps, descriptions) both use these, so that a client sees one server.

- headers: CORS for reads (not on the operator's /metrics), nosniff, and for HTML the content-security and framing
  policy (`response_headers`);
- conditional requests: one ETag per release and request key, answered 304 on If-None-Match (weak comparison) or
  If-Modified-Since, before any work is done (`etag`, `not_modified`);
- compression: gzip when the client accepts it, for the media types worth compressing above GZIP_MIN bytes
  (`wants_gzip`, `compressible`, `gzip`);
- one access-log line and one metrics observation per request (`record`).
"""

from __future__ import annotations

import datetime
import hashlib
import zlib
from email.utils import format_datetime, parsedate_to_datetime

from kg.formats import FORMATS

from .access import CORS_HEADERS, HTML_HEADERS, PRIVATE_PATHS, log_access
from .metrics import observe

GZIP_MIN = 500  # bytes; smaller answers are not worth compressing
GZIP_LEVEL = 6
COMPRESSIBLE = frozenset([f.media_type for f in FORMATS] + [
    "text/html", "application/json", "text/plain", "text/javascript", "application/javascript", "text/css",
    "application/geo+json", "image/svg+xml", "application/problem+json"])


def response_headers(path: str, media_type: str, tile_origin: str = "") -> list[tuple[str, str]]:
    """The headers every response carries for this path and media type."""
    headers = [(name, value) for name, value in CORS_HEADERS
               if not (name.startswith("Access-Control") and path in PRIVATE_PATHS)]
    if media_type == "text/html":
        headers += [(name, value.format(tiles=tile_origin)) for name, value in HTML_HEADERS]
    return headers


def etag(version: str, *key: str) -> str:
    """A weak ETag for what a request asks of one release (the data cannot change within a release)."""
    text = "\x00".join((version, *key))
    return 'W/"' + hashlib.blake2b(text.encode(), digest_size=16).hexdigest() + '"'


def http_date(moment: datetime.datetime) -> str:
    return format_datetime(moment.astimezone(datetime.UTC).replace(microsecond=0), usegmt=True)


def not_modified(environ: dict, tag: str, last_modified: datetime.datetime) -> bool:
    """RFC 9110 conditionals: If-None-Match (weak comparison) when present, else If-Modified-Since."""
    match = environ.get("HTTP_IF_NONE_MATCH")
    if match is not None:
        tags = [t.strip().removeprefix("W/") for t in match.split(",")]
        return "*" in tags or tag.removeprefix("W/") in tags
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since:
        try:
            return last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def wants_gzip(environ: dict) -> bool:
    """Whether the client accepts gzip (and has not refused it with q=0)."""
    for coding in environ.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, params = coding.partition(";")
        if name.strip().lower() in ("gzip", "x-gzip"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def compressible(media_type: str, size: int) -> bool:
    return media_type in COMPRESSIBLE and size >= GZIP_MIN


def gzip(body: bytes) -> bytes:
    return zlib.compress(body, GZIP_LEVEL, wbits=31)


def gzip_stream() -> zlib._Compress:
    """A compressor for an answer sent in pieces (compress each, flush at the end)."""
    return zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)


def record(method: str, path: str, route: str, status: int, elapsed: float, rows: int | None = None) -> None:
    """The request's access-log line (its path) and its metrics (by route, so that paths do not multiply series)."""
    log_access(method, path, status, elapsed * 1000, rows)
    observe(route, status, elapsed)
