"""Every setting of the `kg` commands and the server, declared once: name, default, type, check and help.

Values come in layers: the defaults here, then a TOML file named by KG_CONFIG, then `KG_<NAME>`
environment variables, then what a command line or code passes. Each layer goes through the same
parser, so a value means the same thing wherever it is given (a base IRI always ends in / or #).
`--help`, the README and behaviour all come from these declarations.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import KGError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASE_IRI = "https://landbridge-kg.org/"


def base_iri(text: str) -> str:
    """A base IRI as given, ending in / or # so that names can follow it."""
    text = text.strip()
    if not text.startswith(("http://", "https://")):
        raise ValueError("must be an http(s) IRI")
    return text if text.endswith(("/", "#")) else text + "/"


def contact_url(text: str) -> str:
    """A URL at which people reach someone: a web page (http, https) or an e-mail address (mailto:)."""
    text = str(text).strip()
    if not text.startswith(("http://", "https://", "mailto:")) or " " in text:
        raise ValueError("must be an http(s) or mailto: URL")
    return text


def _bool(text: str | bool) -> bool:
    if isinstance(text, bool):
        return text
    return str(text).strip().lower() in ("1", "true", "yes", "on")


def _list(text: str | list) -> list[str]:
    if isinstance(text, list):
        return [str(v) for v in text]
    return [v.strip() for v in str(text).split(",") if v.strip()]


def _optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value in (None, "") else parse(value)


def _at_least(minimum: float) -> Callable[[Any], str | None]:
    return lambda value: None if value >= minimum else f"must be at least {minimum:g}"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any  # a value, or a function of nothing for a computed default
    parse: Callable[[Any], Any]
    help: str
    check: Callable[[Any], str | None] | None = None
    internal: bool = False  # set by kg serve for its workers, not by people

    @property
    def env(self) -> str:
        return f"KG_{self.name}"

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default

    def coerce(self, value: Any, origin: str) -> Any:
        try:
            parsed = self.parse(value)
        except (TypeError, ValueError) as exc:
            raise KGError(f"{origin}: {self.name} cannot be {value!r} ({exc})") from None
        problem = self.check(parsed) if self.check and parsed is not None else None
        if problem:
            raise KGError(f"{origin}: {self.name}={value!r} {problem}")
        return parsed


def _workers() -> int:
    return max(12, 4 * (os.cpu_count() or 1))


_DECLARED = (
    # Where things are
    Setting("PROJECT_ROOT", None, _optional(Path),
            "The folder holding seeds/, statements/, register/ and ontology/ (default: this project)."),
    Setting("BUILD_DIR", None, _optional(Path), "Where builds go (default: build/ in the project)."),
    Setting("BASE_IRI", DEFAULT_BASE_IRI, base_iri,
            "Base IRI of the graph's IRIs, ending in / or # (one is added); kg serve uses the served release's unless given."),
    # Serving
    Setting("HOST", "127.0.0.1", str, "Address to listen on."),
    Setting("PORT", 8000, int, "Port to listen on.", _at_least(1)),
    Setting("WORKERS", _workers, int, "Query worker processes (default 4 per core, at least 12).", _at_least(1)),
    Setting("USER", None, _optional(str),
            "Started as root, kg serve runs its workers and front as this user (default nobody; root stays root)."),
    Setting("QUERY_TIMEOUT", 30.0, float, "Seconds a query may run; past them 503 (0: no limit).", _at_least(0)),
    Setting("MAX_ROWS", 10_000, int, "Rows of a SELECT answer; more are cut, and a header says so (0: no cap).", _at_least(0)),
    Setting("MAX_NESTING", 48, int, "How deep brackets may nest in a query; deeper is refused before the parser sees it.", _at_least(1)),
    Setting("QUERY_MEMORY_MB", 512, int, "MiB of memory a query may take under kg serve; past it 503 (0: no bound).", _at_least(0)),
    Setting("MAX_QUERY_LENGTH", 100_000, int, "Characters of a query; longer is 413.", _at_least(1)),
    Setting("MAX_BODY_BYTES", 1_000_000, int, "Bytes of a request body; larger is 413.", _at_least(1)),
    Setting("SERVICE_ALLOWLIST", list, _list, "Endpoint prefixes SERVICE may call, comma-separated (empty: none)."),
    Setting("MEMORY_STORE_QUADS", 100_000, int, "A release of up to this many quads is served from a copy in memory, one "
            "per worker (faster); a larger one from its store on disk (0: always from disk).", _at_least(0)),
    Setting("RESULT_CACHE_MB", 64, int, "MiB of recent answers each worker keeps (0: no cache).", _at_least(0)),
    Setting("QUOTA_SECONDS", 60.0, float, "Seconds of query time each client may use per window (0: no quotas).", _at_least(0)),
    Setting("QUOTA_WINDOW", 60.0, float, "Seconds over which a client's query time drains.", _at_least(1)),
    Setting("PROXY_HOPS", 0, int, "Reverse proxies in front whose X-Forwarded-For/-Host/-Proto are trusted.", _at_least(0)),
    Setting("SLOW_QUERY_CPU", 0.05, float, "Seconds of processor time after which a query yields the processor."),
    Setting("SLOW_CGROUP", None, _optional(str), "A CPU control group (cpu.idle 1) that slow queries wait in."),
    Setting("RECYCLE_ON_TIMEOUT", False, _bool, "One request per worker process; a timed-out worker ends (kg serve sets it).",
            internal=True),
    # Another store
    Setting("STORE", None, _optional(str), "Query endpoint of a SPARQL 1.1 store that holds the graph instead of the embedded one."),
    Setting("STORE_UPDATE", None, _optional(str), "That store's update endpoint, where it is not found from the query endpoint."),
    Setting("STORE_DATA", None, _optional(str), "That store's Graph Store endpoint, where it is not found from the query endpoint."),
    Setting("STORE_DEFAULT_GRAPH", None, _optional(str),
            "The named graph that stands for our default graph in a store whose default graph is the union of all."),
    # Pages
    Setting("MAP_TILES", None, _optional(str), "A tile URL template for the map (default: no tiles, a bundled outline)."),
    Setting("MAP_TILES_ATTRIBUTION", "", str, "The attribution the tile provider requires, as plain text."),
    # The dataset's description
    Setting("PUBLISHER", "The Land Bridge knowledge graph project", str,
            "Who publishes the dataset: its publisher (dcterms:publisher) in the dataset description."),
    Setting("CONTACT", None, _optional(contact_url),
            "Where readers reach the publisher, a web page or mailto: URL: the DCAT contact point (default: the dataset's home "
            "page, its base IRI)."),
)
SETTINGS: dict[str, Setting] = {s.name: s for s in _DECLARED}


def load(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The settings in their layers: defaults, the KG_CONFIG file, KG_* variables, then overrides
    (None there means "not given"). Unknown names in the file or the overrides are errors."""
    environ = os.environ if environ is None else environ
    values = {name: s.default_value() for name, s in SETTINGS.items()}
    given: set[str] = set()
    path = environ.get("KG_CONFIG")
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise KGError(f"{path}: cannot read settings: {exc}") from exc
        for key, value in data.items():
            setting = SETTINGS.get(key.upper())
            if setting is None:
                raise KGError(f"{path}: unknown setting {key!r}")
            values[setting.name] = setting.coerce(value, path)
            given.add(setting.name)
    for name, setting in SETTINGS.items():
        if setting.env in environ:
            values[name] = setting.coerce(environ[setting.env], setting.env)
            given.add(name)
    for key, value in (overrides or {}).items():
        setting = SETTINGS.get(key)
        if setting is None:
            if key == "TESTING":  # Flask's own
                values[key] = value
                continue
            raise KGError(f"unknown setting {key!r}")
        if value is not None:
            values[key] = setting.coerce(value, "settings")
            given.add(key)
    values["_GIVEN"] = frozenset(given)
    return values


def given(values: Mapping[str, Any], name: str) -> bool:
    """Whether the setting was given (file, environment or option) rather than left at its default."""
    return name in values.get("_GIVEN", ())


def project_root(values: Mapping[str, Any]) -> Path:
    return values["PROJECT_ROOT"] or PROJECT_ROOT


def build_dir(values: Mapping[str, Any]) -> Path:
    return values["BUILD_DIR"] or project_root(values) / "build"


def documented(readme: str) -> list[str]:
    """The settings people set that the README does not name (a test keeps this empty)."""
    return [s.env for s in _DECLARED if not s.internal and f"`{s.env}`" not in readme]
