"""Opens the built graph. The one module that knows which store holds it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import BuildMissingError, KGError
from .release import Release
from .remote import RemoteStore
from .store_interface import GraphStore


class StaleStoreError(KGError):
    """A remote store that does not hold the current build."""


def open_store(release: Release | Path, remote: dict | None = None, memory_up_to: int = 0) -> GraphStore:
    """The store that serves a release: its on-disk store, read-only (several processes may share
    it), or, given remote settings (kg.remote.store_settings_from_env), the SPARQL store that holds
    the same build.

    A release of at most `memory_up_to` quads is copied from its on-disk store into memory: the engine
    reads an in-memory store several times faster (a point lookup on the five documents' graph takes a
    third of the time), and a release never changes, so the copy is the release. Each process holds
    its own copy, made once (the graph's 26 thousand quads: a fifth of a second and about 16 MiB); the
    copy is never written to."""
    release = Release.of(release)
    if remote:
        return open_remote(release, remote)
    path = release.store_path
    if not path.is_dir():
        raise BuildMissingError(f"{release.path} has no store: run `kg build` again")
    try:
        store = ox.Store.read_only(str(path))
        store.query("ASK { GRAPH ?g { ?s ?p ?o } }")  # reads a block: gross damage shows here, not in a request
    except (OSError, RuntimeError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise KGError(f"the store at {path} is damaged ({reason}): run `kg build` again") from exc
    if memory_up_to > 0 and 0 < _quads(release) <= memory_up_to:
        copy = _copy.get(release.path)
        if copy is None:  # one copy per process: a release never changes, and a process serves one at a time
            _copy.clear()
            copy = _copy[release.path] = ox.Store()
            copy.bulk_extend(store)
        return copy
    return store


_copy: dict[Path, ox.Store] = {}  # the release last served from memory in this process -> its copy


def in_memory(store: GraphStore) -> bool:
    """Whether the store is a release's copy in memory (open_store's memory_up_to)."""
    return any(store is copy for copy in _copy.values())


def _quads(release: Release) -> int:
    """The release's quads, as its build counted them (0: not said)."""
    try:
        return int(release.stats().get("quads", 0))
    except (OSError, ValueError, TypeError):
        return 0


def open_remote(release: Release | Path, settings: dict, *, check: bool = True) -> RemoteStore:
    """A remote store, checked to hold this release (loaded there by `kg build --store`)."""
    release = Release.of(release)
    store = RemoteStore(settings["url"], update_url=settings.get("update_url"), data_url=settings.get("data_url"),
                        default_graph=settings.get("default_graph"), timeout=settings.get("timeout"),
                        query_timeout=settings.get("query_timeout"),
                        base_iri=release.base_iri, named_graphs=lambda: named_graphs(release))
    if check:
        expected = release.version
        held = store.release_version()
        if held != expected:
            what = f"build {held}" if held else "no build of ours"
            raise StaleStoreError(f"the store at {store.url} holds {what}, not {release.name}: run `kg build --store {store.url}`")
    return store


def named_graphs(release: Release | Path) -> list[str]:
    """The names of a release's named graphs, read from its on-disk store."""
    release = Release.of(release)
    store = ox.Store.read_only(str(release.store_path))
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


LOAD_TIMEOUT = 600.0  # seconds one request of a load may take to be answered (a chunk, a batch, the switch)


def load_remote(release: Release | Path, settings: dict, progress=None) -> dict:
    """Load a built release into a remote store, replacing what an earlier build put there."""
    release = Release.of(release)
    store = open_remote(release, {"timeout": LOAD_TIMEOUT, **settings}, check=False)
    with release.open_dump("nquads") as dump:
        quads = ox.parse(dump, format=ox.RdfFormat.N_QUADS)
        return store.load_release(quads, release.version, release.base_iri, progress)
