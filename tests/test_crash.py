"""Crash safety: `kill -9` of `kg build` at random moments leaves the previous graph in place and
byte-identical; `kill -9` of the server and a restart serves the same data; a damaged or missing
store gives a one-line message saying to rebuild, not a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from kg.build import build
from kg.release import BuildFolder
from support.checkout import checkout_environ
from support.checkout import kg as kg_command

from .conftest import BASE, SERVERS, running_server

pytestmark = pytest.mark.slow  # kills `kg build` and `kg serve` processes, and runs `kg serve` over damaged stores


def current_folder(build_dir):
    """The folder of the release `current` names, or None."""
    release = BuildFolder(build_dir).current()
    return release.path if release else None

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def release_digest(release) -> str:
    h = hashlib.sha256()
    for name in ("landbridge.trig", "landbridge.nq", "landbridge.ttl", "stats.json"):
        h.update((release / name).read_bytes())
    return h.hexdigest()


def kg(args: list[str], layout, **kwargs) -> subprocess.Popen:
    env = checkout_environ(KG_PROJECT_ROOT=str(layout.root), KG_BUILD_DIR=str(layout.build))
    return subprocess.Popen(kg_command(*args), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def test_killing_the_build_at_random_moments_leaves_the_previous_graph(project_copy):
    build(project_copy, BASE)
    first = current_folder(project_copy.build)
    reference = release_digest(first)
    started = time.monotonic()
    kg(["build", "--quiet"], project_copy).wait(timeout=120)  # how long a whole build takes here
    whole = time.monotonic() - started
    rng = random.Random(20261122)
    outcomes = {"killed": 0, "finished": 0}
    for _ in range(14):
        proc = kg(["build", "--quiet"], project_copy)
        time.sleep(rng.uniform(0, whole))
        outcomes["finished" if proc.poll() is not None else "killed"] += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        release = current_folder(project_copy.build)
        assert release is not None and (release / "manifest.json").exists()
        assert release_digest(release) == reference  # a whole release, the same graph
    assert outcomes["killed"] >= 7, outcomes  # most runs were cut short somewhere in the build
    query = kg(["query", COUNT, "--format", "csv"], project_copy)  # and the release left is one the query path reads
    out, err = query.communicate(timeout=60)
    assert query.returncode == 0 and out.strip(), err
    # Interrupted builds leave no half-made release behind once a build completes.
    build(project_copy, BASE)
    leftovers = [p.name for p in (project_copy.build / "releases").iterdir() if not (p / "manifest.json").exists()]
    assert leftovers == []


def test_killing_the_server_and_restarting_serves_the_same_data(built, tmp_path):
    def snapshot(url: str) -> tuple[str, bytes]:
        with urllib.request.urlopen(url.rsplit("/", 1)[0] + "/healthz", timeout=10) as r:
            release = json.loads(r.read())["release"]
        request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": COUNT}), headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=10) as r:
            return release, r.read()

    with running_server(built, tmp_path / "first.log", WORKERS="2") as url:
        before = snapshot(url)
        master = SERVERS[url]
        os.killpg(master.pid, signal.SIGKILL)  # master and workers, no chance to clean up
        master.wait(timeout=10)
        # nginx, the master's attached daemon, ends with it: no process of it keeps the port (a restart needs it)
        port = urllib.parse.urlsplit(url).port
        deadline = time.monotonic() + 15
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port), f"a process still listens on port {port} after the server was killed"
    with running_server(built, tmp_path / "second.log", WORKERS="2") as url:
        assert snapshot(url) == before


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def damaged_copy(built, tmp_path):
    target = tmp_path / "build"
    release = current_folder(built.build)
    (target / "releases").mkdir(parents=True)
    shutil.copytree(release, target / "releases" / release.name, symlinks=True)
    (target / "current").symlink_to(f"releases/{release.name}")
    return target, target / "releases" / release.name


def assert_one_line_with_the_fix(built, build_dir) -> None:
    env = checkout_environ(KG_PROJECT_ROOT=str(built.root))
    result = subprocess.run(kg_command("serve", "--quiet", "--build-dir", str(build_dir), "--port", "1"), env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.strip() and "passed validation" not in ln]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "kg build" in lines[0]


def test_a_missing_store_says_to_rebuild(built, tmp_path):
    build_dir, release = damaged_copy(built, tmp_path)
    shutil.rmtree(release / "store")
    assert_one_line_with_the_fix(built, build_dir)


def test_a_damaged_store_says_to_rebuild(built, tmp_path):
    build_dir, release = damaged_copy(built, tmp_path)
    for table in (release / "store").glob("*.sst"):
        table.write_bytes(os.urandom(64))
    assert_one_line_with_the_fix(built, build_dir)


def test_a_worker_interrupted_while_it_loads_exits_without_a_traceback():
    # the server stopped as it starts: uWSGI interrupts workers still building their app
    code = ("import server\n"
            "def interrupted(): raise KeyboardInterrupt\n"
            "server.create_app = interrupted\n"
            "import server.wsgi\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=checkout_environ())
    assert done.returncode == 130 and "Traceback" not in done.stderr, done.stderr
