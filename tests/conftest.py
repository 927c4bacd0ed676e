"""Shared fixtures: one real build of the project's inputs per test session, in a temp folder."""

from __future__ import annotations

import contextlib
import shutil
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.paths import PROJECT_ROOT, Layout
from kg.release import VALIDATION
from kg.store import open_store
from support.checkout import checkout_environ, kg
from support.servers import free_port

BASE = "https://landbridge-kg.org/"
INPUT_FOLDERS = ("seeds", "statements", "register", "ontology")


def copy_project_inputs(dest: Path) -> Layout:
    """A private copy of the inputs, so a test can break them without touching the project."""
    for name in INPUT_FOLDERS:
        shutil.copytree(PROJECT_ROOT / name, dest / name)
    return Layout(root=dest)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Layout:
    """The project's inputs built once (read-only for tests)."""
    layout = Layout(root=PROJECT_ROOT, build_dir=tmp_path_factory.mktemp("build"))
    build(layout, BASE)
    return layout


@pytest.fixture(scope="session")
def release(built) -> Path:
    return (built.build / "current").resolve()


@pytest.fixture(scope="session")
def store(release) -> ox.Store:
    return open_store(release)


@pytest.fixture()
def project_copy(tmp_path) -> Layout:
    """A fresh, writable copy of the inputs for one test."""
    return copy_project_inputs(tmp_path)


@pytest.fixture()
def built_project_copy(tmp_path, built) -> Layout:
    """A fresh, writable copy of the inputs with a build of them published, as `kg build` of the copy leaves it: a
    copy of the session's build of the same inputs (same code, same base), made in a blink rather than built again.
    A validation record a test of the session's build may have left in it is dropped: a fresh build has none."""
    layout = copy_project_inputs(tmp_path)
    shutil.copytree(built.build, layout.build, symlinks=True)
    for record in layout.build.glob("releases/*/" + VALIDATION):
        record.unlink()
    return layout


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    """Run a SELECT and return rows as {variable: lexical value}."""
    results = store.query(query)
    names = [v.value for v in results.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in results]


def make_release(build_dir: Path, quads: list[ox.Quad]) -> Path:
    """A minimal release (store, manifest, `current` link) holding the given quads, for server tests."""
    release = build_dir / "releases" / "test"
    release.mkdir(parents=True)
    store = ox.Store(str(release / "store"))
    store.bulk_extend(quads)
    store.flush()
    del store
    (release / "manifest.json").write_text(
        '{"inputs_sha256": "test", "built_at": "2026-01-01T00:00:00+00:00", "base_iri": "https://example.org/"}'
    )
    (build_dir / "current").symlink_to(Path("releases") / "test")
    return release


def until(condition, seconds: float) -> bool:
    """Wait (sleeping) until condition() holds, for `seconds` at most; whether it holds."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.005)
    return condition()


def work_until(condition, seconds: float) -> bool:
    """Use the processor, as a query evaluating does, until condition() holds, for `seconds` at most."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        sum(i * i for i in range(2000))
    return condition()


def wait_until_up(url: str, proc, seconds: float = 90) -> None:
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kg serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as r:
                if r.status == 200:
                    return
        except urllib.error.HTTPError as err:
            if err.code == 429:  # up, and this client's budget (a test's tiny one) is spent for now
                return
            time.sleep(0.3)
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("kg serve did not come up")


SERVERS: dict = {}  # URL -> the `kg serve` process (the uWSGI master) serving it


@contextlib.contextmanager
def running_server(built: Layout, log: Path, **settings: str):
    """A real `kg serve` (uWSGI) of this checkout over the test build on a free loopback port, with KG_* settings; yields
    its /sparql URL."""
    import os
    import signal
    import subprocess

    port = free_port()
    env = checkout_environ(KG_PROJECT_ROOT=str(built.root), **{f"KG_{k}": v for k, v in settings.items()})
    with open(log, "wb") as out:
        proc = subprocess.Popen(kg("serve", "--quiet", "--port", str(port), "--build-dir", str(built.build)),
                                stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}/sparql"
    SERVERS[url] = proc
    try:
        wait_until_up(url, proc)
        yield url
    except BaseException:
        print(f"--- last lines of {log.name} ---\n" + "\n".join(log.read_text(errors="replace").splitlines()[-40:]))
        raise
    finally:
        SERVERS.pop(url, None)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def server_url(built, tmp_path_factory):
    """A real `kg serve` (uWSGI, 3 workers, 2 s query timeout) on a free loopback port."""
    with running_server(built, tmp_path_factory.mktemp("serve") / "serve.log", QUERY_TIMEOUT="2", WORKERS="3") as url:
        yield url


@contextlib.contextmanager
def oxigraph_server(location: Path, log: Path):
    """The Oxigraph server (PyPI `oxigraph`) on a free loopback port over a store folder; yields its query URL."""
    import os
    import signal
    import subprocess
    import time
    import urllib.request

    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {proc.returncode}: {log.read_text()[-500:]}")
            try:
                with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("oxigraph serve did not come up") from None
                time.sleep(0.2)
        yield url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)


@contextlib.contextmanager
def virtuoso_instance(home: Path, **env: str):
    """A private Virtuoso open source instance (scripts/virtuoso) on loopback; yields its KEY=value settings.

    Fails (never skips) when Virtuoso cannot be installed or started: it is a peer store under test."""
    import os
    import subprocess

    script = [str(PROJECT_ROOT / "scripts" / "virtuoso")]
    environment = {**os.environ, **env}
    environment.pop("VIRTUOSO_DBA_PASSWORD", None)
    result = subprocess.run([*script, "start", str(home)], capture_output=True, text=True, timeout=240, env=environment)
    if result.returncode != 0:
        pytest.fail("Virtuoso could not be installed or started by scripts/virtuoso "
                    f"(exit {result.returncode}); it is needed as a peer store:\n{result.stderr}{result.stdout}",
                    pytrace=False)
    values = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    try:
        yield values
    finally:
        stopped = subprocess.run([*script, "stop", str(home)], capture_output=True, text=True, timeout=120)
        assert stopped.returncode == 0, stopped.stderr
        pid = values.get("VIRTUOSO_PID")
        assert not (pid and Path(f"/proc/{pid}").exists()), f"Virtuoso PID {pid} still running after stop"
