"""A per-process watchdog that ends a worker whose request overran its time limit.

Under `kg serve` (uWSGI, one request per worker process at a time) the query runs on the
request's own thread (a hand-off to another thread costs more than a point lookup itself);
this watchdog thread watches the deadline and, if the request is still running, writes the 503
to the client's connection itself and ends the process. pyoxigraph cannot cancel a query, so
ending the process is what stops it; the uWSGI master starts a fresh worker.
"""

from __future__ import annotations

import logging
import os
import resource
import threading
import time
from collections.abc import Callable

from .perprocess import PerProcess

log = logging.getLogger("server")


def can_raise_to(priority: int) -> bool:
    """Whether this process may set a thread's nice value back down to `priority`."""
    if os.geteuid() == 0:
        return True
    soft, _ = resource.getrlimit(resource.RLIMIT_NICE)  # a nice value may go down to 20 - soft
    return soft == resource.RLIM_INFINITY or 20 - soft <= priority


class Watchdog:
    """Checks a few times a second whether the armed request has run long, or too long.

    Arming and disarming only set fields: waking a thread at every request (two context
    switches) would cost more than a point lookup. The price is that a timeout fires up to
    TICK seconds late.

    A request still running after SLOW seconds has its thread's CPU priority lowered to the
    least (nice 19): on a small machine a few runaway queries would otherwise starve every other
    worker's quick ones until their time runs out.
    """

    TICK = 0.1  # seconds
    SLOW = 0.5  # seconds

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._deadline: float | None = None
        self._slow_at: float | None = None
        self._thread_id = 0
        self._lowered: int | None = None  # the priority the thread had before it was lowered
        self._on_expiry: Callable[[], None] | None = None
        self._fired = False
        threading.Thread(target=self._run, daemon=True, name="watchdog").start()

    def arm(self, seconds: float, on_expiry: Callable[[], None]) -> None:
        with self._lock:
            self._on_expiry = on_expiry
            now = time.monotonic()
            self._deadline = now + seconds
            self._slow_at = now + self.SLOW
            self._thread_id = threading.get_native_id()

    def disarm(self) -> str:
        """Stop watching: "fired" if the deadline already passed (the process is ending),
        "recycle" if the request's lowered priority could not be restored, else "ok"."""
        with self._lock:
            self._deadline = self._slow_at = None
            self._on_expiry = None
            if self._fired:
                return "fired"
            lowered, self._lowered = self._lowered, None
        if lowered is not None:
            try:
                os.setpriority(os.PRIO_PROCESS, self._thread_id, lowered)
            except OSError:  # raising a priority needs privilege: this worker stays slow, so it ends
                return "recycle"
        return "ok"

    def _run(self) -> None:
        while True:
            time.sleep(self.TICK)
            with self._lock:
                now = time.monotonic()
                if self._slow_at is not None and now >= self._slow_at and self._lowered is None:
                    self._slow_at = None
                    try:
                        self._lowered = os.getpriority(os.PRIO_PROCESS, self._thread_id)
                        os.setpriority(os.PRIO_PROCESS, self._thread_id, 19)
                    except OSError as exc:
                        self._lowered = None
                        log.warning("could not lower the priority of a slow query: %s", exc)
                if self._deadline is None or now < self._deadline:
                    continue
                action, self._on_expiry, self._deadline = self._on_expiry, None, None
                self._fired = True
            try:
                if action is not None:
                    action()
            finally:
                log.warning("ending worker %d to stop a timed-out query", os.getpid())
                os._exit(0)


# This process's watchdog (started after any fork).
watchdog = PerProcess(Watchdog)
