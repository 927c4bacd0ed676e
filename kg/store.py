"""Opens the built graph. The one module that knows which store holds it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .build import current_release
from .errors import BuildMissingError, KGError


def release_dir(build_dir: Path) -> Path:
    """The current release, or a one-line error saying how to make one."""
    release = current_release(build_dir)
    if release is None:
        raise BuildMissingError(f"no built graph in {build_dir}: run `kg build` first")
    return release


def open_store(release: Path) -> ox.Store:
    """The release's on-disk store, read-only (several processes may share it)."""
    path = release / "store"
    if not path.is_dir():
        raise BuildMissingError(f"{release} has no store: run `kg build` again")
    try:
        store = ox.Store.read_only(str(path))
        store.query("ASK { GRAPH ?g { ?s ?p ?o } }")  # reads a block: gross damage shows here, not in a request
    except (OSError, RuntimeError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise KGError(f"the store at {path} is damaged ({reason}): run `kg build` again") from exc
    return store
