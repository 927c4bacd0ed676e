"""The release: one immutable folder a build writes, and the build folder that keeps releases.

A build writes a new release into a temporary folder beside the others (`BuildFolder.new`), and
only when every file is written does `current` switch to it, atomically (a symlink replaced by
rename). Readers — validation, the server, the benches, a remote-store load — open `current` as a
`Release` and ask for its files by role; none of them spells a file name.

Layout of a release folder (names in the manifest too, for tools that read it without us):

    manifest.json       what was built, from what, when, under which base IRI, and each download's size and
                        SHA-256 (`Release.manifest`, `Release.download_digest`)
    stats.json          deterministic figures about the graph (`Release.stats`)
    validation.json     the last full validation's verdict, written by `kg validate` (`Release.validation`)
    landbridge.trig     the dataset: default graph and every named graph       } `Release.dump(kind)`,
    landbridge.nq       the same as N-Quads                                     } each also gzip-compressed
    landbridge.ttl      the default graph                                       } (a synthetic release keeps only those)
    store/              the on-disk store the server queries (`Release.store_path`)
    queries/            the competency questions the release answers, served as examples (`Release.queries`)
    search.sqlite       the search index (SQLite FTS5, kg.search_index), built with the release (`Release.search_index`)
    documents/          per-document texts with the claims' offsets           } `Release.artefact(role)`,
    ontology.html, shapes.html, shapes.ttl, context.jsonld                      } published as they are
"""

from __future__ import annotations

import datetime
import functools
import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import BuildMissingError

MANIFEST = "manifest.json"
STATS = "stats.json"
VALIDATION = "validation.json"
STORE = "store"
QUERIES = "queries"
SEARCH_INDEX = "search.sqlite"
DUMPS = {"trig": "landbridge.trig", "nquads": "landbridge.nq", "turtle": "landbridge.ttl"}
COMPRESSED_DUMPS = {kind: name + ".gz" for kind, name in DUMPS.items()}
# What the web server publishes from a release besides the dumps and the store.
ARTEFACTS = {"documents": "documents", "ontology_html": "ontology.html", "shapes_html": "shapes.html",
             "shapes": "shapes.ttl", "jsonld_context": "context.jsonld"}
KEEP_RELEASES = 3  # the newest releases a build keeps (a server may still serve the one before)


def release_version(manifest: dict) -> str:
    """What identifies a build: its inputs and when it was made (the server's ETags, a remote store's marker)."""
    return f"{manifest['inputs_sha256']}@{manifest['built_at']}"


def open_dump(path: Path, text: bool = False) -> IO:
    """A dump file for reading, decompressed on the fly if it is gzip (bytes, or UTF-8 text)."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8") if text else gzip.open(path, "rb")
    return open(path, encoding="utf-8") if text else open(path, "rb")  # noqa: SIM115 - the caller closes it


class Release:
    """One release folder, read (or, while a build writes it, written) by role."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def of(cls, release: Release | str | os.PathLike) -> Release:
        """A release, or the release in a folder (what the library's entry points accept)."""
        return release if isinstance(release, Release) else cls(Path(release))

    def __repr__(self) -> str:
        return f"Release({str(self.path)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Release) and other.path == self.path

    def __hash__(self) -> int:
        return hash(self.path)

    @property
    def name(self) -> str:
        """The release's name (its build time, or a synthetic graph's name): what pages and reports show."""
        return self.path.name

    # -- what the build wrote about it --

    @functools.cached_property
    def manifest(self) -> dict[str, Any]:
        return json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))

    @property
    def base_iri(self) -> str:
        return self.manifest["base_iri"]

    @property
    def version(self) -> str:
        return release_version(self.manifest)

    @property
    def built_at(self) -> datetime.datetime:
        return datetime.datetime.fromisoformat(self.manifest["built_at"])

    @property
    def inputs_digest(self) -> str | None:
        return self.manifest.get("inputs_sha256")

    @property
    def synthetic(self) -> bool:
        return "synthetic" in self.manifest

    def stats(self) -> dict[str, Any]:
        return json.loads((self.path / STATS).read_text(encoding="utf-8"))

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        _write_json(self.path / MANIFEST, manifest)
        self.__dict__.pop("manifest", None)

    def write_stats(self, stats: dict[str, Any]) -> None:
        _write_json(self.path / STATS, stats)

    # -- validation --

    def validation(self) -> dict[str, Any] | None:
        """The recorded validation ({checks_sha256, report}), or None if none was recorded or it is unreadable."""
        try:
            return json.loads((self.path / VALIDATION).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def record_validation(self, record: dict[str, Any]) -> None:
        _write_json(self.path / VALIDATION, record)

    # -- the data --

    def dump(self, kind: str) -> Path:
        """A dump ("trig", "nquads" or "turtle"): as written, or gzip-compressed where only that was kept."""
        path = self.path / DUMPS[kind]
        return path if path.exists() else self.path / COMPRESSED_DUMPS[kind]

    def open_dump(self, kind: str, text: bool = False) -> IO:
        return open_dump(self.dump(kind), text)

    def dump_for_writing(self, kind: str, compressed: bool = False) -> Path:
        return self.path / (COMPRESSED_DUMPS if compressed else DUMPS)[kind]

    def published_file(self, name: str) -> Path | None:
        """The dump file of this name that the release offers for download, or None (any other name)."""
        if name not in DUMPS.values() and name not in COMPRESSED_DUMPS.values():
            return None
        path = self.path / name
        return path if path.is_file() else None

    def downloads(self) -> list[tuple[str, str, Path]]:
        """The compressed dumps there are: (kind, file name, path), in a fixed order."""
        return [(kind, name, self.path / name) for kind, name in sorted(COMPRESSED_DUMPS.items())
                if (self.path / name).is_file()]

    def digest_downloads(self) -> dict[str, dict[str, Any]]:
        """Size and SHA-256 of each download, by file name: what the build keeps in the manifest (`downloads`), so the
        dataset description gives them without reading the files at every request."""
        out = {}
        for _, name, path in self.downloads():
            digest = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
            out[name] = {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}
        return out

    def download_digest(self, name: str) -> dict[str, Any] | None:
        """{"bytes", "sha256"} of a download as the build recorded it, or None (a release built before it recorded them)."""
        return self.manifest.get("downloads", {}).get(name)

    @property
    def store_path(self) -> Path:
        return self.path / STORE

    def artefact(self, role: str) -> Path:
        """A published file by role (ARTEFACTS): the ontology and shapes pages, the shapes, the context, documents/."""
        return self.path / ARTEFACTS[role]

    def has(self, role: str) -> bool:
        return self.artefact(role).exists()

    def document_text(self, document_id: str) -> dict[str, Any] | None:
        """A document's published text and the offsets of its claims, or None when the release has none for it."""
        path = self.artefact("documents") / f"{document_id}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    # -- the search index --

    @property
    def search_index(self) -> Path:
        """The search index's file (kg.search_index writes it; a release made before search has none)."""
        return self.path / SEARCH_INDEX

    # -- the competency questions it answers --

    @property
    def queries_path(self) -> Path:
        return self.path / QUERIES

    def queries(self) -> list[Path]:
        """The competency questions (`NN-name.rq`) the release was built to answer, in order."""
        return sorted(self.queries_path.glob("[0-9][0-9]-*.rq"))

    def write_queries(self, texts: dict[str, str]) -> None:
        """Keep the competency questions (file stem -> query text) with the release."""
        self.queries_path.mkdir(exist_ok=True)
        for stem, text in sorted(texts.items()):
            (self.queries_path / f"{stem}.rq").write_text(text, encoding="utf-8")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


class BuildFolder:
    """The folder holding releases (`releases/<name>/`) and `current`, the link to the one served."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def releases(self) -> Path:
        return self.path / "releases"

    @property
    def link(self) -> Path:
        return self.path / "current"

    def current(self) -> Release | None:
        """The release last completed, or None."""
        link = self.link
        return Release(link.resolve()) if link.is_symlink() and link.resolve().is_dir() else None

    def require(self) -> Release:
        """The current release, or a one-line error saying how to make one."""
        release = self.current()
        if release is None:
            raise BuildMissingError(f"no built graph in {self.path}: run `kg build` first")
        return release

    @contextmanager
    def new(self, name: str | None = None, keep: int | None = KEEP_RELEASES) -> Iterator[Release]:
        """A release to write: a temporary folder that becomes `releases/<name>` (default: the time now) and
        `current` when the block ends without error, and is removed when it raises. With `keep`, only that many
        newest releases stay (never the new one); a release of the same name is replaced. After the block the
        Release names its published folder."""
        self.releases.mkdir(parents=True, exist_ok=True)
        self._remove_abandoned()
        tmp = self.releases / f".tmp-{os.getpid()}-{datetime.datetime.now().timestamp():.6f}"
        tmp.mkdir()
        release = Release(tmp)
        try:
            yield release
            name = name or datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
            release.path = self._publish(tmp, name, keep)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    def _publish(self, tmp: Path, name: str, keep: int | None) -> Path:
        final = self.releases / name
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
        link_tmp = self.path / f".current-{os.getpid()}"
        if link_tmp.is_symlink() or link_tmp.exists():
            link_tmp.unlink()
        link_tmp.symlink_to(Path("releases") / name)
        os.replace(link_tmp, self.link)
        if keep is not None:
            self._prune(final, keep)
        return final

    def _prune(self, final: Path, keep: int) -> None:
        kept = sorted(p for p in self.releases.iterdir() if p.is_dir() and not p.name.startswith("."))[-keep:]
        for old in self.releases.iterdir():
            if old not in kept and old != final:
                shutil.rmtree(old, ignore_errors=True)

    def _remove_abandoned(self) -> None:
        """Remove the temporary folders of builds that were killed before they finished."""
        for tmp in self.releases.glob(".tmp-*"):
            pid = tmp.name.split("-")[1]
            try:
                os.kill(int(pid), 0)
            except (ValueError, ProcessLookupError):
                shutil.rmtree(tmp, ignore_errors=True)
            except PermissionError:
                pass
