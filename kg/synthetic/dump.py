"""Writing a planned dataset out: reproducible gzip N-Quads (and the default graph alone as N-Triples), and a servable
release around them."""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .. import __version__
from ..loader import load_dump
from ..paths import PROJECT_ROOT, Layout
from ..release import ARTEFACTS, SEARCH_INDEX, BuildFolder, Release

if TYPE_CHECKING:
    from .plan import Synthetic


def write_dump(plan: Synthetic, path: Path, default_path: Path | None = None,
               progress: Callable[[int], None] | None = None) -> dict:
    """Synthetic.write: the dataset as gzip N-Quads, one member with the default graph and one with the named graphs
    (and the default graph alone, at `default_path`); the plan's summary."""
    path = Path(path)
    default_out = Path(default_path) if default_path else path.with_name(path.name + f".default-{os.getpid()}")
    named_out = path.with_name(path.name + f".named-{os.getpid()}")
    tmps = [p.with_name(p.name + f".tmp-{os.getpid()}") for p in (path, default_out)]
    default, named = _GzipOut(tmps[1]), _GzipOut(named_out)
    try:
        try:
            for named_text, default_text in plan.chunks():
                named.write(named_text)
                default.write(default_text)
                if progress:
                    progress(plan.stats.get("quads", 0))
        finally:
            default.close()
            named.close()
        with open(tmps[0], "wb") as out:
            for part in (tmps[1], named_out):
                with open(part, "rb") as member:
                    shutil.copyfileobj(member, out)
        os.replace(tmps[0], path)
        if default_path:
            os.replace(tmps[1], default_out)
    finally:
        for leftover in (named_out, *tmps):
            leftover.unlink(missing_ok=True)
    return plan.summary()


class _GzipOut:
    """A gzip file with no name and mtime 0 in its header: the same text gives the same bytes."""

    def __init__(self, path: Path):
        self.raw = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.gz = gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, mtime=0, compresslevel=3)

    def write(self, text: str) -> None:
        self.gz.write(text.encode())

    def close(self) -> None:
        self.gz.close()
        self.raw.close()


# -- a servable release ------------------------------------------------------------------------------------------

def write_release(plan: Synthetic, build_dir: Path, nquads_gz: Path | None = None, default_gz: Path | None = None,
                  load: Callable[[Path, Path], object] = load_dump) -> Release:
    """A release named for the plan in `build_dir` (compressed dumps, store, manifest marked synthetic, the competency
    questions adapted to its stand-ins), made current.

    Writes the dataset, or copies it from `nquads_gz` (and `default_gz`, its default graph) when the plan has
    already been generated; `load(dump, store_folder)` makes the store.
    """
    from ..build import write_ontology_artefacts
    from ..ontology import load_ontology
    from ..search_index import write_search_index
    from .anchors import competency_queries

    build_dir = Path(build_dir).resolve()
    if build_dir == (PROJECT_ROOT / "build").resolve():
        raise ValueError("synthetic data never goes into the project's build/: choose another folder")
    if nquads_gz is not None and "named_graphs" not in plan.stats:
        raise ValueError("copying a dataset needs the figures of its generation (plan.stats)")
    with BuildFolder(build_dir).new(plan.name, keep=None) as release:
        dump = release.dump_for_writing("nquads", compressed=True)
        default_dump = release.dump_for_writing("turtle", compressed=True)
        if nquads_gz is not None:
            shutil.copyfile(nquads_gz, dump)
            if default_gz is not None:
                shutil.copyfile(default_gz, default_dump)
            else:
                _default_graph_of(dump, default_dump)
        else:
            plan.write(dump, default_dump)
        load(dump, release.store_path)
        layout = Layout()
        write_ontology_artefacts(layout, load_ontology(layout.ontology), release)
        release.write_queries(competency_queries(plan.base))
        write_search_index(ox.Store.read_only(str(release.store_path)), release, plan.base)
        release.write_stats({
            "statements": plan.stats["claims"], "facts": plan.stats["facts"], "entities": sum(plan.counts.values()),
            "documents": plan.documents, "triples_default_graph": plan.stats["triples_default_graph"],
            "quads": plan.stats["quads"], "named_graphs": plan.stats["named_graphs"],
            "statements_per_certainty": dict(sorted(plan.stats["statements_per_certainty"].items())),
            "statements_per_modality": dict(sorted(plan.stats["statements_per_modality"].items())),
            "synthetic": True})
        release.write_manifest({
            "version": __version__,
            "base_iri": plan.base,
            "built_at": "2000-01-01T00:00:00+00:00",  # fixed: a synthetic release is a function of its settings
            "inputs_sha256": plan.digest(),
            "dumps": {},
            "compressed_dumps": {"nquads": dump.name, "turtle": default_dump.name},
            "artefacts": {k: v for k, v in ARTEFACTS.items() if k != "documents"},
            "search_index": SEARCH_INDEX,
            "synthetic": plan.summary(),
        })
    return release


def _default_graph_of(nquads_gz: Path, out: Path) -> None:
    """The default graph of a gzip N-Quads file as gzip N-Triples (which is also Turtle)."""
    writer = _GzipOut(out)
    try:
        with gzip.open(nquads_gz, "rb") as data:
            for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
                if isinstance(quad.graph_name, ox.DefaultGraph):
                    writer.write(f"{quad.subject} {quad.predicate} {quad.object} .\n")
    finally:
        writer.close()
