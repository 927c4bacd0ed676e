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
import threading
import time
from collections.abc import Callable

from .perprocess import PerProcess

log = logging.getLogger("server")


class Watchdog:
    """Checks a few times a second whether the armed deadline has passed.

    Arming and disarming only set fields: waking a thread at every request (two context
    switches) would cost more than a point lookup. The price is that a timeout fires up to
    TICK seconds late.
    """

    TICK = 0.1  # seconds

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._deadline: float | None = None
        self._on_expiry: Callable[[], None] | None = None
        self._fired = False
        threading.Thread(target=self._run, daemon=True, name="watchdog").start()

    def arm(self, seconds: float, on_expiry: Callable[[], None]) -> None:
        with self._lock:
            self._on_expiry = on_expiry
            self._deadline = time.monotonic() + seconds

    def disarm(self) -> bool:
        """Stop watching; False if the deadline already fired (the process is ending)."""
        with self._lock:
            self._deadline = None
            self._on_expiry = None
            return not self._fired

    def _run(self) -> None:
        while True:
            time.sleep(self.TICK)
            with self._lock:
                if self._deadline is None or time.monotonic() < self._deadline:
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
