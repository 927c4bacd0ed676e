"""Per-client query-time budgets, in the spirit of public endpoints (e.g. Wikidata's 60 s per minute).

A client is its network address (for IPv6, its /64, which one client usually holds whole): nothing it
sends in a header changes who it is. Its budget is KG_QUOTA_SECONDS of query time per KG_QUOTA_WINDOW,
kept as a leaky bucket: what it used drains away continuously (at KG_QUOTA_SECONDS per window), so the
budget never refills all at once. A query is charged from its start: it reserves the most it may take
(the query time limit, or the whole budget when there is none) and gets back what it did not use when
it ends, so queries started at once cannot together spend more than the budget; a query stopped for
its time or memory keeps its whole reservation. A client whose next query might not fit gets 429 with
Retry-After (the seconds until it fits). Under `kg serve` the buckets live in a uWSGI shared-memory
cache, updated under a lock, so all workers keep one account per client; elsewhere each process its own.
"""

from __future__ import annotations

import ipaddress
import math
import struct
import threading
import time

CACHE = "kgquota"
_PACK = struct.Struct("<d")


def client_key(environ: dict) -> str:
    """The client a request is charged to: its address (an IPv6 address's /64)."""
    address = environ.get("REMOTE_ADDR") or "-"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False).network_address) + "/64"
    return str(ip)


class Quota:
    """Leaky buckets of query time: `admit` reserves, `settle` gives back what a query did not use."""

    def __init__(self, seconds: float, window: float, longest: float = 0.0):
        self.budget = float(seconds)
        self.window = max(1.0, float(window))
        # What a query reserves when it starts: the most it may take, never more than the whole budget.
        self.reserve = min(longest, self.budget) if longest > 0 else self.budget
        try:
            import uwsgi  # present only inside a uWSGI process

            self._uwsgi = uwsgi if CACHE in (uwsgi.opt.get("cache2", b"") or b"").decode() else None
        except ImportError:
            self._uwsgi = None
        self._local: dict[str, float] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.budget > 0

    # The bucket is kept as the time at which it will be empty (GCRA's "theoretical arrival time"):
    # a debt of d seconds of query time empties after d * window / budget seconds.
    def _drain(self, seconds: float) -> float:
        return seconds * self.window / self.budget

    def _update(self, client: str, change) -> float | None:
        """Apply change(empty_at, now) -> (new empty_at, result) atomically; return the result."""
        now = time.time()
        if self._uwsgi is not None:
            self._uwsgi.lock()
            try:
                raw = self._uwsgi.cache_get(client, CACHE)
                empty_at = _PACK.unpack(raw)[0] if raw and len(raw) == _PACK.size else now
                new, result = change(max(empty_at, now), now)
                if new != empty_at:
                    self._uwsgi.cache_update(client, _PACK.pack(new), int(math.ceil(new - now)) + 1, CACHE)
                return result
            finally:
                self._uwsgi.unlock()
        with self._lock:
            if len(self._local) > 100_000:  # drained buckets of other clients
                self._local = {k: v for k, v in self._local.items() if v > now}
            new, result = change(max(self._local.get(client, now), now), now)
            self._local[client] = new
            return result

    def admit(self, client: str) -> int | None:
        """Reserve a query's time for the client: None when admitted, else the seconds to wait."""
        if not self.enabled:
            return None
        limit = self._drain(self.budget - self.reserve)  # how far ahead the bucket may be before the reservation

        def change(empty_at: float, now: float):
            ahead = empty_at - now
            if ahead > limit + 1e-9:
                return empty_at, max(1, math.ceil(ahead - limit))
            return empty_at + self._drain(self.reserve), None

        return self._update(client, change)

    def settle(self, client: str, used: float) -> None:
        """A query admitted for the client has ended having used `used` seconds: give back the rest."""
        if not self.enabled:
            return
        unused = max(0.0, self.reserve - used)

        def change(empty_at: float, now: float):
            return max(now, empty_at - self._drain(unused)), None

        self._update(client, change)
