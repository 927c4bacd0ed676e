"""Writing a planned dataset out: reproducible gzip N-Quads (and the default graph alone as N-Triples), and a servable
release around them."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .. import __version__
from ..loader import load_dump
from ..paths import PROJECT_ROOT, Layout

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
                  load: Callable[[Path, Path], object] = load_dump) -> Path:
    """`build_dir/releases/<name>/` (dumps, store, manifest marked synthetic) and `build_dir/current` pointing at it.

    Writes the dataset, or copies it from `nquads_gz` (and `default_gz`, its default graph) when the plan has
    already been generated; `load(dump, store_folder)` makes the store.
    """
    from ..build import ARTEFACTS
    from ..jsonld_context import context_json
    from ..ontology import load_ontology
    from ..ontology_html import ontology_html
    from ..shapes_html import shapes_html

    build_dir = Path(build_dir).resolve()
    if build_dir == (PROJECT_ROOT / "build").resolve():
        raise ValueError("synthetic data never goes into the project's build/: choose another folder")
    releases = build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    tmp = releases / f".tmp-synthetic-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    dump, default_dump = tmp / "landbridge.nq.gz", tmp / "landbridge.ttl.gz"
    if nquads_gz is not None:
        if "named_graphs" not in plan.stats:
            raise ValueError("copying a dataset needs the figures of its generation (plan.stats)")
        shutil.copyfile(nquads_gz, dump)
        if default_gz is not None:
            shutil.copyfile(default_gz, default_dump)
        else:
            _default_graph_of(dump, default_dump)
    else:
        plan.write(dump, default_dump)
    load(dump, tmp / "store")
    layout = Layout()
    (tmp / ARTEFACTS["ontology_html"]).write_text(ontology_html(layout.ontology), encoding="utf-8")
    (tmp / ARTEFACTS["shapes_html"]).write_text(shapes_html(layout.shapes), encoding="utf-8")
    shutil.copyfile(layout.shapes, tmp / ARTEFACTS["shapes"])
    (tmp / ARTEFACTS["jsonld_context"]).write_text(context_json(load_ontology(layout.ontology)), encoding="utf-8")
    summary = plan.summary()
    stats = {"statements": plan.stats["claims"], "facts": plan.stats["facts"], "entities": sum(plan.counts.values()),
             "documents": plan.documents, "triples_default_graph": plan.stats["triples_default_graph"],
             "quads": plan.stats["quads"], "named_graphs": plan.stats["named_graphs"],
             "statements_per_certainty": dict(sorted(plan.stats["statements_per_certainty"].items())),
             "statements_per_modality": dict(sorted(plan.stats["statements_per_modality"].items())),
             "synthetic": True}
    (tmp / "stats.json").write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
    manifest = {
        "version": __version__,
        "base_iri": plan.base,
        "built_at": "2000-01-01T00:00:00+00:00",  # fixed: a synthetic release is a function of its settings
        "inputs_sha256": plan.digest(),
        "dumps": {},
        "compressed_dumps": {"nquads": dump.name, "turtle": default_dump.name},
        "artefacts": {k: v for k, v in ARTEFACTS.items() if k != "documents"},
        "synthetic": summary,
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    final = releases / plan.name
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    link_tmp = build_dir / f".current-{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(Path("releases") / plan.name)
    os.replace(link_tmp, build_dir / "current")
    return final


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
