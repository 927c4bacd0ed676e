"""Per-client query-time budgets, in the spirit of public endpoints (e.g. Wikidata's 60 s per minute).

A client is its address, plus its User-Agent when it sends one. Each query's evaluation time is
charged to the client's current window; a client over budget gets 429 with Retry-After until
the window turns. Under `kg serve` the counts live in a uWSGI shared-memory cache, so all
worker processes see one budget; elsewhere each process keeps its own.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time

CACHE = "kgquota"


def client_key(environ: dict) -> str:
    agent = environ.get("HTTP_USER_AGENT")
    suffix = "|" + hashlib.blake2b(agent.encode("utf-8", "replace"), digest_size=8).hexdigest() if agent else ""
    return (environ.get("REMOTE_ADDR") or "-") + suffix


class Quota:
    def __init__(self, seconds: float, window: float):
        self.budget_ms = int(seconds * 1000)
        self.window = max(1.0, float(window))
        try:
            import uwsgi  # present only inside a uWSGI process

            self._uwsgi = uwsgi if CACHE in (uwsgi.opt.get("cache2", b"") or b"").decode() else None
        except ImportError:
            self._uwsgi = None
        self._local: dict[str, int] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.budget_ms > 0

    def _slot(self, client: str) -> tuple[str, float]:
        index = math.floor(time.time() / self.window)
        return f"{client}@{index}", (index + 1) * self.window

    def retry_after(self, client: str) -> int | None:
        """Seconds until the client may query again, or None while it is within its budget."""
        if not self.enabled:
            return None
        key, ends = self._slot(client)
        if self._uwsgi is not None:
            used = self._uwsgi.cache_num(key, CACHE) or 0
        else:
            with self._lock:
                used = self._local.get(key, 0)
        if used < self.budget_ms:
            return None
        return max(1, math.ceil(ends - time.time()))

    def charge(self, client: str, seconds: float) -> None:
        if not self.enabled:
            return
        key, _ = self._slot(client)
        ms = max(1, int(seconds * 1000))
        if self._uwsgi is not None:
            self._uwsgi.cache_inc(key, ms, int(self.window * 2), CACHE)
            return
        with self._lock:
            if len(self._local) > 10_000:  # old windows of other clients
                current = key.rsplit("@", 1)[1]
                self._local = {k: v for k, v in self._local.items() if k.endswith("@" + current)}
            self._local[key] = self._local.get(key, 0) + ms
