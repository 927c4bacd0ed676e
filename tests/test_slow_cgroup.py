"""KG_SLOW_CGROUP: a slow query's thread waits in the operator's CPU control group and comes back out.

Needs a cgroup v1 CPU hierarchy this process may make a group in (as root, /sys/fs/cgroup/cpu):
elsewhere the tests that move threads skip, saying why (README, "Set-up")."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.errors import KGError
from server import create_app
from server.slowgroup import SlowGroup
from server.watchdog import Watchdog
from support.checkout import checkout_environ, kg
from support.metrics import counter
from support.queries import ORDINARY, PATHOLOGICAL, ask
from support.servers import worker_pids

from .conftest import SERVERS, running_server, until, work_until

HIERARCHY = Path("/sys/fs/cgroup/cpu")


@pytest.fixture
def slow_cgroup():
    group = HIERARCHY / f"landbridge-kg-test-{os.getpid()}"
    try:
        group.mkdir()
    except OSError as exc:
        pytest.skip(f"no cgroup v1 CPU hierarchy to make a group in at {HIERARCHY}: {exc.strerror}")
    try:
        if (group / "cpu.idle").exists():
            (group / "cpu.idle").write_text("1")
        yield group
    finally:
        for tid in _members(group):  # a thread of a worker still ending: back to the hierarchy's root
            try:
                (HIERARCHY / "tasks").write_text(str(tid))
            except OSError:
                pass
        group.rmdir()


def _members(group: Path) -> set[int]:
    return {int(t) for t in (group / "tasks").read_text().split()}


def test_a_slow_request_waits_in_the_group_and_comes_back(slow_cgroup):
    dog = Watchdog(SlowGroup(str(slow_cgroup)))
    seen: dict = {}

    def request() -> None:
        me = threading.get_native_id()
        seen["before"] = me in _members(slow_cgroup)
        dog.arm(30, lambda: None)
        seen["inside"] = work_until(lambda: me in _members(slow_cgroup), 2.0)
        seen["disarm"] = dog.disarm()
        seen["after"] = me in _members(slow_cgroup)
        seen["home"] = me in _members(HIERARCHY)

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert seen == {"before": False, "inside": True, "disarm": "ok", "after": False, "home": True}


@pytest.mark.slow  # a real `kg serve`
def test_a_runaway_query_of_the_server_waits_in_the_group(built, tmp_path, slow_cgroup):
    with running_server(built, tmp_path / "serve.log", WORKERS="4", QUERY_TIMEOUT="2", QUOTA_SECONDS="0",
                        RESULT_CACHE_MB="0", SLOW_CGROUP=str(slow_cgroup)) as url:
        # Each worker, as it starts, checks that a thread can go in and come back: wait until all 4 have.
        assert until(lambda: counter(url.removesuffix("/sparql"), "kg_worker_starts_total") == 4, 30)
        workers = set(worker_pids(SERVERS[url].pid))
        assert ask(url, ORDINARY, "ordinary")[0] == 200
        assert not _members(slow_cgroup)  # a quick query never enters it
        with ThreadPoolExecutor(1) as pool:
            runaway = pool.submit(ask, url, PATHOLOGICAL[0], "runaway")
            assert until(lambda: len(_members(slow_cgroup)) == 1, 1.5)
            (tid,) = _members(slow_cgroup)
            assert any(Path(f"/proc/{pid}/task/{tid}").exists() for pid in workers)  # a worker's request thread
            assert ask(url, ORDINARY, "ordinary")[0] == 200
            assert runaway.result()[0] == 503
        assert until(lambda: not _members(slow_cgroup), 10)  # its worker has ended, and the thread with it


@pytest.mark.slow  # a `kg serve` process
def test_a_setting_that_is_not_a_control_group_stops_the_server_with_its_name(built, tmp_path):
    with pytest.raises(KGError, match="KG_SLOW_CGROUP=.*not a control group directory"):
        create_app({"BUILD_DIR": str(built.build), "SLOW_CGROUP": str(tmp_path)})
    env = checkout_environ(KG_SLOW_CGROUP=str(tmp_path))
    out = subprocess.run(kg("serve", "--quiet", "--port", "9", "--build-dir", str(built.build)), env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert f"KG_SLOW_CGROUP={tmp_path}: not a control group directory" in out.stderr
    assert "Traceback" not in out.stderr


def _cgroup2_mount() -> Path | None:
    with open("/proc/self/mountinfo", encoding="utf-8") as lines:
        for line in lines:
            left, _, right = line.partition(" - ")
            if right.split()[0] == "cgroup2":
                return Path(left.split()[4])
    return None


V2_CHILD = """
import sys, threading
from server.slowgroup import SlowGroup
from server.watchdog import Watchdog
domain, slow = sys.argv[1], sys.argv[2]
with open(domain + "/cgroup.procs", "w") as procs:  # this process into the group that holds the server
    procs.write("0")
dog = Watchdog(SlowGroup(slow))
me = threading.get_native_id()
members = lambda: open(slow + "/cgroup.threads").read().split()
dog.arm(30, lambda: None)
import time
deadline = time.monotonic() + 1
while str(me) not in members() and time.monotonic() < deadline:
    sum(i * i for i in range(2000))  # work, as a query does
inside = str(me) in members()
print(inside, dog.disarm(), str(me) in members(), open(f"/proc/self/task/{me}/cgroup").read().split("\\n")[-2])
"""


def test_a_threaded_cgroup_v2_group_works_too(tmp_path):
    """Under cgroup v2: a process in a group whose threaded child is KG_SLOW_CGROUP moves a slow request's
    thread into the child and back (cgroup.threads)."""
    mount = _cgroup2_mount()
    domain = (mount or HIERARCHY) / f"landbridge-kg-test-v2-{os.getpid()}"
    try:
        if mount is None:
            raise OSError(0, "no cgroup2 hierarchy is mounted")
        (domain / "slow").mkdir(parents=True)
        (domain / "slow" / "cgroup.type").write_text("threaded")
    except OSError as exc:
        pytest.skip(f"cannot make a threaded cgroup v2 group: {exc.strerror}")
    try:
        out = subprocess.run([sys.executable, "-c", V2_CHILD, str(domain), str(domain / "slow")], capture_output=True,
                             text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)
        assert out.returncode == 0, out.stderr
        relative = "/" + str(domain.relative_to(mount))
        assert out.stdout.split() == ["True", "ok", "False", f"0::{relative}"]
    finally:
        (domain / "slow").rmdir()
        domain.rmdir()
