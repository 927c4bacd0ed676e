"""The release as a type (kg.release): its files by role, how a new one is published or abandoned, and that the
server reads what it serves — its example queries included — from the release, not from the checkout."""

from __future__ import annotations

import json
import shutil

import pytest

from kg.errors import BuildMissingError
from kg.paths import PROJECT_ROOT
from kg.release import BuildFolder, Release
from server import create_app

BROWSER = "text/html,application/xhtml+xml"


def test_the_current_release_is_read_by_role(built, release):
    current = BuildFolder(built.build).require()
    assert current.path == release
    manifest = json.loads((release / "manifest.json").read_text())
    assert current.base_iri == manifest["base_iri"]
    assert current.version == f"{manifest['inputs_sha256']}@{manifest['built_at']}"
    assert current.stats() == json.loads((release / "stats.json").read_text())
    assert current.dump("nquads") == release / "landbridge.nq"
    assert current.store_path.is_dir()
    assert current.artefact("jsonld_context").is_file()
    assert current.document_text("000")["iri"].endswith("/id/document/000")
    assert current.document_text("no-such-document") is None
    # what may be downloaded is a dump, never another file of the folder
    assert current.published_file("landbridge.ttl.gz") == release / "landbridge.ttl.gz"
    assert current.published_file("manifest.json") is None
    assert current.published_file("../manifest.json") is None


def test_a_release_keeps_the_competency_questions_it_was_built_with(release):
    kept = {p.name: p.read_text(encoding="utf-8") for p in Release(release).queries()}
    checkout = {p.name: p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "ontology" / "queries").glob("[0-9][0-9]-*.rq")}
    assert kept == checkout and len(kept) >= 20


def test_no_build_folder_says_how_to_make_one(tmp_path):
    with pytest.raises(BuildMissingError, match="run `kg build` first"):
        BuildFolder(tmp_path / "nothing").require()
    assert BuildFolder(tmp_path / "nothing").current() is None


def test_a_new_release_becomes_current_only_when_it_is_whole(tmp_path):
    builds = BuildFolder(tmp_path)
    with builds.new("one") as first:
        first.write_manifest({"inputs_sha256": "a", "built_at": "2026-01-01T00:00:00+00:00", "base_iri": "https://x.org/"})
        assert builds.current() is None  # written aside
    assert builds.current() == first == Release(tmp_path / "releases" / "one")
    with pytest.raises(RuntimeError), builds.new("two") as second:
        second.write_stats({"statements": 1})
        raise RuntimeError("the build failed half-way")
    assert builds.current() == first  # still the last whole one
    assert sorted(p.name for p in (tmp_path / "releases").iterdir()) == ["one"]  # nothing left of the failed one


def test_a_build_keeps_the_newest_releases(tmp_path):
    builds = BuildFolder(tmp_path)
    for name in ("r1", "r2", "r3", "r4", "r5"):
        with builds.new(name, keep=3):
            pass
    assert sorted(p.name for p in (tmp_path / "releases").iterdir()) == ["r3", "r4", "r5"]
    assert builds.current().name == "r5"


def test_the_server_offers_the_questions_of_the_release_it_serves(built, release, tmp_path):
    # A copy of the release whose kept questions differ from the checkout's: the page shows the release's.
    builds = tmp_path / "build"
    shutil.copytree(release, builds / "releases" / release.name, symlinks=True)
    (builds / "current").symlink_to(f"releases/{release.name}")
    kept = builds / "releases" / release.name / "queries"
    for path in sorted(kept.glob("*.rq"))[1:]:
        path.unlink()
    (kept / "99-only-in-this-release.rq").write_text("# Which question only this release has?\nASK {}\n")
    client = create_app({"BUILD_DIR": str(builds), "TESTING": True}).test_client()
    page = client.get("/sparql", headers={"Accept": BROWSER}).get_data(as_text=True)
    assert 'data-example-id="99-only-in-this-release"' in page
    assert "Which question only this release has?" in page
    assert page.count('data-testid="example"') == 2
