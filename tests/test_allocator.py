"""`kg` runs with mimalloc where it is installed (kg.allocator), and with the C library's allocator
when told to (KG_ALLOCATOR=system) or when the library is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg import allocator
from support.checkout import checkout_environ
from support.servers import worker_pids

from .conftest import SERVERS, running_server


def test_scripts_install_has_installed_the_library():
    assert allocator.library({}) is not None, "scripts/install installs libmimalloc2.0 (as root)"


def _maps(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text(errors="replace")


def test_the_environment_preloads_the_library_once_and_keeps_what_was_there(tmp_path, monkeypatch):
    fake = tmp_path / allocator.LIBRARY
    fake.write_bytes(b"")
    monkeypatch.setattr(allocator, "_directories", lambda: [str(tmp_path / "none"), str(tmp_path)])
    env = allocator.environ({"LD_PRELOAD": "/opt/other.so", "PATH": "/bin"})
    assert env["LD_PRELOAD"].split() == [str(fake), "/opt/other.so"]
    assert env["PATH"] == "/bin"
    assert allocator.environ(env) == env  # already there: unchanged
    assert "LD_PRELOAD" not in allocator.environ({allocator.SETTING: "system"})
    assert allocator.environ({allocator.SETTING: "System "}) == {allocator.SETTING: "System "}


def test_without_the_library_nothing_is_preloaded(tmp_path, monkeypatch):
    monkeypatch.setattr(allocator, "_directories", lambda: [str(tmp_path)])
    assert allocator.library({}) is None
    assert allocator.environ({"PATH": "/bin"}) == {"PATH": "/bin"}


def test_an_unknown_allocator_setting_is_an_error_naming_it():
    with pytest.raises(SystemExit, match="KG_ALLOCATOR='tcmalloc': expected 'mimalloc' or 'system'"):
        allocator.library({allocator.SETTING: "tcmalloc"})


def test_kg_starts_itself_again_with_the_library_but_never_twice():
    probe = "import sys; from kg import allocator; allocator.restart_with_allocator(sys.argv[1:]); print('not restarted')"
    restarted = subprocess.run([sys.executable, "-c", probe, "--help"], capture_output=True, text=True, check=True,
                               env=checkout_environ())
    assert "Usage: kg" in restarted.stdout  # `python -m kg --help` ran in its place
    env = allocator.environ(checkout_environ())
    env[allocator.STARTED] = "1"
    env.pop("LD_PRELOAD")
    again = subprocess.run([sys.executable, "-c", probe, "--help"], capture_output=True, text=True, check=True, env=env)
    assert again.stdout.strip() == "not restarted"


@pytest.mark.slow  # real `kg serve` processes
def test_the_server_workers_run_with_the_library_unless_told_not_to(built, tmp_path):
    for setting, expected in (("mimalloc", True), ("system", False)):
        with running_server(built, tmp_path / f"serve-{setting}.log", WORKERS="2", ALLOCATOR=setting) as url:
            master = SERVERS[url].pid
            workers = worker_pids(master)
            assert workers
            for pid in [master, *workers]:
                assert (allocator.LIBRARY in _maps(pid)) is expected, (setting, pid)
