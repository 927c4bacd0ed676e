"""Settings of the server: defaults, then a TOML file (KG_CONFIG), then KG_* variables, then code."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from kg.errors import KGError

DEFAULTS: dict[str, Any] = {
    "HOST": "127.0.0.1",
    "USER": None,  # started as root, kg serve runs its workers and front as this user (None: nobody; root: stay root)
    "PORT": 8000,
    "BUILD_DIR": None,  # None: the project's build/ (or KG_BUILD_DIR)
    "MAX_QUERY_LENGTH": 100_000,  # characters
    "MAX_BODY_BYTES": 1_000_000,
    "SERVICE_ALLOWLIST": [],  # endpoint IRI prefixes SERVICE may call; empty: refused
    "QUERY_TIMEOUT": 30.0,  # seconds; a query still running then gets a 503
    "MAX_ROWS": 10_000,  # rows of a SELECT result; more are cut, and a header says so
    "MAX_NESTING": 48,  # how deep brackets may nest in a query; deeper is refused before the parser sees it
    # Memory a query may take (MiB): past it, under kg serve, it is stopped with a 503 and its worker
    # replaced; a worker may never map more than twice this above what it held when it started.
    "QUERY_MEMORY_MB": 512,
    "RESULT_CACHE_MB": 64,  # answers kept per worker for repeated queries; 0 turns it off
    "QUOTA_SECONDS": 60.0,  # query time per client per window; over it: 429 until the window turns; 0: off
    "QUOTA_WINDOW": 60.0,  # seconds
    "PROXY_HOPS": 0,  # reverse proxies in front whose X-Forwarded-For/-Host/-Proto are trusted
    # Serving processes: each answers one request at a time, so enough that a few runaway queries
    # (lowered to the least CPU priority while they run) leave most free; an idle one costs memory only.
    "WORKERS": max(12, 4 * (os.cpu_count() or 1)),
    # Under a process-per-request server, a worker whose query timed out exits after answering
    # (pyoxigraph cannot cancel a query) and the server starts a fresh one.
    "RECYCLE_ON_TIMEOUT": False,
    # Seconds of processor time after which a query's thread is lowered to nice 19 and SCHED_IDLE
    # (the heaviest competency question takes about 0.02 s; much lower starves heavy ordinary
    # queries under load, see the README), and a CPU control group (a directory under
    # /sys/fs/cgroup, made by the operator with cpu.idle = 1) that it then waits in.
    "SLOW_QUERY_CPU": 0.05,
    "SLOW_CGROUP": None,
    # A SPARQL 1.1 store to serve from instead of the embedded one (its query endpoint URL), and
    # where it differs from the conventions kg.remote guesses: its update and Graph Store
    # endpoints, and the named graph that stands for our default graph on engines whose default
    # graph is the union of all graphs. Credentials: KG_STORE_USER / KG_STORE_PASSWORD only.
    "STORE": None,
    "STORE_UPDATE": None,
    "STORE_DATA": None,
    "STORE_DEFAULT_GRAPH": None,
}
_INTS = {"PORT", "MAX_QUERY_LENGTH", "MAX_BODY_BYTES", "WORKERS", "MAX_ROWS", "RESULT_CACHE_MB", "PROXY_HOPS",
         "MAX_NESTING", "QUERY_MEMORY_MB"}
_FLOATS = {"QUERY_TIMEOUT", "QUOTA_SECONDS", "QUOTA_WINDOW", "SLOW_QUERY_CPU"}
_BOOLS = {"RECYCLE_ON_TIMEOUT"}
_LISTS = {"SERVICE_ALLOWLIST"}


def _coerce(key: str, value: Any, origin: str) -> Any:
    try:
        if key in _INTS:
            return int(value)
        if key in _FLOATS:
            return float(value)
        if key in _BOOLS and isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        if key in _LISTS and isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
    except ValueError:
        raise KGError(f"{origin}: {key} must be a number, not {value!r}") from None
    return value


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The layered settings; unknown keys in the file or code are errors."""
    config = dict(DEFAULTS)
    path = os.environ.get("KG_CONFIG")
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise KGError(f"{path}: cannot read settings: {exc}") from exc
        for key, value in data.items():
            key = key.upper()
            if key not in DEFAULTS:
                raise KGError(f"{path}: unknown setting {key!r}")
            config[key] = _coerce(key, value, path)
    for key in DEFAULTS:
        if f"KG_{key}" in os.environ:
            config[key] = _coerce(key, os.environ[f"KG_{key}"], f"KG_{key}")
    for key, value in (overrides or {}).items():
        if key not in DEFAULTS and key not in ("TESTING",):
            raise KGError(f"unknown setting {key!r}")
        config[key] = _coerce(key, value, "settings") if key in DEFAULTS else value
    return config
