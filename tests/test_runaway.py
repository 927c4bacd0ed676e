"""Runaway queries (short form of bench/runaway.py): eight pathological queries at once each get the
timeout's 503 on time, ordinary queries keep succeeding meanwhile, and every ended worker is replaced."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bench.runaway import ORDINARY, PATHOLOGICAL, ask, workers_of
from server.watchdog import Watchdog, can_raise_to

from .conftest import SERVERS, running_server


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
        time.sleep(1.5)
        assert workers_of(master) == workers  # each ended worker was replaced
        assert ask(url, ORDINARY, "ordinary")[0] == 200


def test_a_long_request_is_lowered_and_given_its_priority_back_after():
    """The watchdog lowers a running request's thread to nice 19 after SLOW seconds; disarming gives the
    thread its priority back where that is allowed, and otherwise says the worker must be recycled."""
    restorable = can_raise_to(os.getpriority(os.PRIO_PROCESS, 0))
    dog = Watchdog()
    seen: dict = {}

    def request() -> None:  # on a thread of its own: a priority that cannot be restored stays with it
        me = threading.get_native_id()
        seen["before"] = os.getpriority(os.PRIO_PROCESS, me)
        dog.arm(30, lambda: None)
        time.sleep(dog.SLOW / 2)
        seen["early"] = os.getpriority(os.PRIO_PROCESS, me)
        time.sleep(dog.SLOW / 2 + 4 * dog.TICK)
        seen["late"] = os.getpriority(os.PRIO_PROCESS, me)
        seen["disarm"] = dog.disarm()
        seen["after"] = os.getpriority(os.PRIO_PROCESS, me)

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert seen["early"] == seen["before"] < 19
    assert seen["late"] == 19
    assert (seen["disarm"], seen["after"]) == (("ok", seen["before"]) if restorable else ("recycle", 19))
