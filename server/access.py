"""What every response carries (CORS for reads) and the one access-log line per request."""

from __future__ import annotations

import logging
import sys

access_log = logging.getLogger("server.access")

CORS_HEADERS: tuple[tuple[str, str], ...] = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "ETag, Last-Modified, X-SPARQL-Truncated, X-SPARQL-Max-Rows"),
)


def log_access(method: str, path: str, status: int, elapsed_ms: float, rows: int | None) -> None:
    """Method, path, status, duration and result rows ("-" when the answer has none)."""
    # The path is the client's: control characters are escaped so one request is one line.
    shown = path if path.isprintable() else path.encode("unicode_escape").decode("ascii")
    access_log.info("%s %s %d %.1fms rows=%s", method, shown, status, elapsed_ms, "-" if rows is None else rows)


def log_to_stderr() -> None:
    """Send the server's access log and warnings to standard error, once per process."""
    logger = logging.getLogger("server")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
