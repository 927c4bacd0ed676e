"""Runaway queries (short form of bench/runaway.py): eight pathological queries at once each get the
timeout's 503 on time, ordinary queries keep succeeding meanwhile, and every ended worker is replaced."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from prometheus_client import REGISTRY

from kg.errors import KGError
from server import create_app
from server.watchdog import Watchdog, can_raise_to
from support.metrics import counter
from support.queries import ORDINARY, PATHOLOGICAL, ask
from support.servers import worker_pids, workers_of

from .conftest import SERVERS, running_server, until, work_until


@pytest.mark.slow  # a real `kg serve`
def test_eight_runaways_at_once(built, tmp_path):
    with running_server(built, tmp_path / "serve.log", WORKERS="10", QUERY_TIMEOUT="2", QUOTA_SECONDS="0",
                        RESULT_CACHE_MB="0") as url:
        master = SERVERS[url].pid
        for _ in range(30):
            ask(url, ORDINARY, "warm-up")
        workers = workers_of(master)
        assert workers == 10
        with ThreadPoolExecutor(len(PATHOLOGICAL)) as pool:
            runaways = [pool.submit(ask, url, q, f"runaway-{i}") for i, q in enumerate(PATHOLOGICAL)]
            time.sleep(0.7)  # all are running, at the lowest CPU priority by now
            ordinary = [ask(url, ORDINARY, "ordinary") for _ in range(20)]
            ended = [f.result() for f in runaways]
        assert [status for status, _ in ended] == [503] * len(PATHOLOGICAL)
        assert max(seconds for _, seconds in ended) < 2 + 1
        assert [status for status, _ in ordinary] == [200] * 20
        assert counter(url.removesuffix("/sparql"), "kg_queries_lowered_total") == len(PATHOLOGICAL)  # each yielded; no ordinary one did
        assert until(lambda: workers_of(master) == workers, 20)  # each ended worker was replaced
        assert ask(url, ORDINARY, "ordinary")[0] == 200


def _catches(pid: int, signum: int) -> bool:
    """Whether process pid has a handler for signum (its SigCgt mask in /proc)."""
    status = open(f"/proc/{pid}/status").read()
    mask = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
    return bool(mask >> (signum - 1) & 1)


@pytest.mark.slow  # a real `kg serve`
def test_the_master_hears_at_once_when_a_worker_ends(built, tmp_path):
    """The uWSGI master catches SIGCHLD, so it wakes when a worker ends rather than at its next check (a second
    later when it is idle); its workers keep the default disposition; both ended workers are replaced within
    half a second."""
    with running_server(built, tmp_path / "serve.log", WORKERS="2", QUERY_TIMEOUT="1", QUOTA_SECONDS="0",
                        RESULT_CACHE_MB="0") as url:
        master = SERVERS[url].pid
        workers = worker_pids(master)
        assert _catches(master, signal.SIGCHLD)
        assert workers and not any(_catches(pid, signal.SIGCHLD) for pid in workers)
        with ThreadPoolExecutor(2) as pool:
            ended = list(pool.map(lambda i: ask(url, PATHOLOGICAL[0], f"runaway-{i}"), range(2)))
        assert [status for status, _ in ended] == [503, 503]
        status, _ = ask(url, ORDINARY, "ordinary")  # served by the first new worker
        assert status == 200
        # The second worker may still be on its way out; the master replaces it as soon as it has gone, well
        # within the second its periodic check would take.
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline and not _replaced(master, set(workers), 2):
            time.sleep(0.01)
        assert _replaced(master, set(workers), 2)


def _replaced(master: int, old: set[int], count: int) -> bool:
    children = worker_pids(master)
    return len(children) == count and not old & set(children)


def _policy(tid: int) -> int:
    return os.sched_getscheduler(tid)


@pytest.mark.parametrize("slow", [Watchdog.SLOW, 0.2], ids=["default", "KG_SLOW_QUERY_CPU=0.2"])
def test_a_request_that_works_long_is_lowered_and_given_its_priority_back_after(slow):
    """The watchdog lowers a request's thread to nice 19 and SCHED_IDLE once it has used SLOW seconds (or the
    configured time) of processor time, and counts it; disarming gives the thread its priority back where that
    is allowed, and otherwise says the worker must be recycled."""
    restorable = can_raise_to(os.getpriority(os.PRIO_PROCESS, 0))
    dog = Watchdog(slow=slow)
    assert dog.slow == slow
    lowered_before = REGISTRY.get_sample_value("kg_queries_lowered_total")
    seen: dict = {}

    def request() -> None:  # on a thread of its own: a priority that cannot be restored stays with it
        me = threading.get_native_id()
        seen["before"] = (os.getpriority(os.PRIO_PROCESS, me), _policy(me))
        dog.arm(30, lambda: None)
        started = time.thread_time()
        seen["lowered"] = work_until(lambda: _policy(me) == os.SCHED_IDLE, 3.0)
        seen["worked"] = time.thread_time() - started
        seen["late"] = (os.getpriority(os.PRIO_PROCESS, me), _policy(me))
        seen["disarm"] = dog.disarm()
        seen["after"] = (os.getpriority(os.PRIO_PROCESS, me), _policy(me))

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert seen["before"][0] < 19 and seen["before"][1] == os.SCHED_OTHER
    assert seen["lowered"] and seen["worked"] >= dog.slow
    assert REGISTRY.get_sample_value("kg_queries_lowered_total") == lowered_before + 1
    assert seen["late"] == (19, os.SCHED_IDLE)
    assert (seen["disarm"], seen["after"]) == (("ok", seen["before"]) if restorable else ("recycle", (19, os.SCHED_IDLE)))


def test_a_request_that_only_waits_keeps_its_priority():
    """Time on the clock is not work: a request that waits (for the processor, under load, or for a remote store)
    many times SLOW is not lowered, so a heavy load does not starve ordinary queries."""
    dog = Watchdog()
    seen: dict = {}

    def request() -> None:
        me = threading.get_native_id()
        before = (os.getpriority(os.PRIO_PROCESS, me), _policy(me))
        dog.arm(30, lambda: None)
        time.sleep(dog.slow * 6)
        seen["unchanged"] = (os.getpriority(os.PRIO_PROCESS, me), _policy(me)) == before
        seen["disarm"] = dog.disarm()

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert seen == {"unchanged": True, "disarm": "ok"}


def _switches(tid: int) -> int:
    with open(f"/proc/self/task/{tid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("voluntary_ctxt_switches"))


def test_the_watchdog_sleeps_while_idle_and_costs_quick_requests_no_wakeups():
    """An idle worker's watchdog thread is not woken; while requests come in it looks once a tick, however many there
    are (a request costs it nothing), and goes back to sleep a tick or two after the last; it wakes for a long one."""
    dog = Watchdog()
    watcher = dog.thread
    assert until(lambda: _switches(watcher.native_id) >= 1, 1.0)  # it has gone to sleep
    time.sleep(0.05)
    idle = _switches(watcher.native_id)
    time.sleep(0.3)
    assert _switches(watcher.native_id) == idle  # idle: not woken
    started = time.monotonic()
    for _ in range(20_000):
        dog.arm(30, lambda: None)
        dog.disarm()
    busy = time.monotonic() - started
    time.sleep(4 * dog.TICK)  # it stops ticking after a tick with no request
    after_burst = _switches(watcher.native_id)
    # once a tick at most, not once per request: each tick's wakeup (and a wait for the lock an arming request holds),
    # through the tick or two after the burst
    assert after_burst - idle <= 2 * (busy / dog.TICK + 4)
    time.sleep(0.3)
    assert _switches(watcher.native_id) == after_burst  # asleep again
    dog.arm(30, lambda: None)
    try:
        assert work_until(lambda: _switches(watcher.native_id) > after_burst, dog.slow + 0.5)
    finally:
        dog.disarm()


@pytest.mark.parametrize("value", ["0", "-1", "inf"])
def test_a_slow_query_time_that_is_not_above_zero_stops_the_server_with_its_name(built, value):
    with pytest.raises(KGError, match=f"KG_SLOW_QUERY_CPU={value}: must be a number of seconds above 0"):
        create_app({"BUILD_DIR": str(built.build), "SLOW_QUERY_CPU": value})
