"""A per-process watchdog that ends a worker whose request overran its time limit.

Under gunicorn's sync workers each process serves one request at a time on its main thread.
The query runs right there (no hand-off to another thread, which costs more than a point
lookup itself); this watchdog thread waits for the deadline and, if the request is still
running, writes the 503 to the client's socket itself and ends the process. pyoxigraph cannot
cancel a query, so ending the process is what stops it; gunicorn starts a fresh worker.
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
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._deadline: float | None = None
        self._on_expiry: Callable[[], None] | None = None
        self._fired = False
        threading.Thread(target=self._run, daemon=True, name="watchdog").start()

    def arm(self, seconds: float, on_expiry: Callable[[], None]) -> None:
        with self._cond:
            self._deadline = time.monotonic() + seconds
            self._on_expiry = on_expiry
            self._cond.notify()

    def disarm(self) -> bool:
        """Stop watching; False if the deadline already fired (the process is ending)."""
        with self._cond:
            self._deadline = None
            self._on_expiry = None
            return not self._fired

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._deadline is None:
                    self._cond.wait()
                remaining = self._deadline - time.monotonic()
                if remaining > 0:
                    self._cond.wait(remaining)
                    continue
                action, self._on_expiry, self._deadline = self._on_expiry, None, None
                self._fired = True
            if action is not None:
                try:
                    action()
                finally:
                    log.warning("ending worker %d to stop a timed-out query", os.getpid())
                    os._exit(0)


# This process's watchdog (started after any fork).
watchdog = PerProcess(Watchdog)
