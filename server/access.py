"""What every response carries (CORS for reads, and what keeps browsers from misreading or framing
pages), which Host headers are taken, and the one access-log line per request."""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from typing import TextIO

access_log = logging.getLogger("server.access")

CORS_HEADERS: tuple[tuple[str, str], ...] = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "ETag, Last-Modified, X-SPARQL-Truncated, X-SPARQL-Max-Rows"),
    ("X-Content-Type-Options", "nosniff"),
)
# Pages load scripts, styles and map tiles from this origin only (tiles from KG_MAP_TILES where set),
# and no other site may frame them.
HTML_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", "default-src 'self'; img-src 'self' data: {tiles}; style-src 'self' 'unsafe-inline'; "
                                "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                                "frame-ancestors 'none'; form-action 'self'"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)
PRIVATE_PATHS = ("/metrics",)  # for the operator's monitoring: not readable by other origins
VALID_HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")


LINE_FORMAT = "%(asctime)s [%(process)d] %(name)s %(levelname)s %(message)s"


class _Direct:
    """The access log's lines written straight to the server's log stream, formatted as its handler would format them
    (LINE_FORMAT), without a log record: a line per request must cost little beside a point lookup."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.pid = os.getpid()
        self._second, self._stamp = -1, ""
        os.register_at_fork(after_in_child=self._forked)

    def _forked(self) -> None:
        self.pid = os.getpid()

    def write(self, message: str) -> None:
        now = time.time()
        second = int(now)
        if second != self._second:
            self._second, self._stamp = second, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(second))
        self.stream.write(f"{self._stamp},{int((now - second) * 1000):03d} [{self.pid}] server.access INFO {message}\n")
        self.stream.flush()


_direct: _Direct | None = None  # set where the server's own handler is the access log's only one


def log_access(method: str, path: str, status: int, elapsed_ms: float, rows: int | None) -> None:
    """Method, path, status, duration and result rows ("-" when the answer has none)."""
    # The path is the client's: control characters are escaped so one request is one line.
    shown = path if path.isprintable() else path.encode("unicode_escape").decode("ascii")
    if _direct is not None and not access_log.handlers and access_log.isEnabledFor(logging.INFO):
        _direct.write(f"{method} {shown} {status} {elapsed_ms:.1f}ms rows={'-' if rows is None else rows}")
    else:
        access_log.info("%s %s %d %.1fms rows=%s", method, shown, status, elapsed_ms, "-" if rows is None else rows)


def log_to_stderr() -> None:
    """Send the server's access log and warnings to standard error, once per process."""
    global _direct
    logger = logging.getLogger("server")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LINE_FORMAT))
        logger.addHandler(handler)
        _direct = _Direct(handler.stream)
    logger.setLevel(logging.INFO)
    logger.propagate = False
