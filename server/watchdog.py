"""A per-process watchdog that ends a worker whose request overran its time or memory limit.

Under `kg serve` (uWSGI, one request per worker process at a time) the query runs on the
request's own thread (a hand-off to another thread costs more than a point lookup itself);
this watchdog thread watches the deadline and, if the request is still running, writes the 503
to the client's connection itself and ends the process. pyoxigraph cannot cancel a query, so
ending the process is what stops it; the uWSGI master starts a fresh worker. A query that has run for
a moment has its process's memory looked at every tick (Watchdog.TICK); past its budget it is ended the
same way, with an answer that says why.
"""

from __future__ import annotations

import ctypes
import logging
import os
import resource
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kg.errors import KGError

from .config import DEFAULTS
from .metrics import LOWERED
from .perprocess import PerProcess
from .slowgroup import SlowGroup

log = logging.getLogger("server")


def can_raise_to(priority: int) -> bool:
    """Whether this process may set a thread's nice value back down to `priority`."""
    if os.geteuid() == 0:
        return True
    soft, _ = resource.getrlimit(resource.RLIMIT_NICE)  # a nice value may go down to 20 - soft
    return soft == resource.RLIM_INFINITY or 20 - soft <= priority


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class _TimerFd:
    """A Linux timer file that rings every `interval` seconds once started: read() blocks until the next ring."""

    CLOCK_MONOTONIC, TFD_CLOEXEC = 1, 0o2000000

    def __init__(self) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        create, self._settime = libc.timerfd_create, libc.timerfd_settime
        create.argtypes = [ctypes.c_int, ctypes.c_int]
        self._settime.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.POINTER(_Itimerspec), ctypes.c_void_p]
        self.fd = create(self.CLOCK_MONOTONIC, self.TFD_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "timerfd_create")

    def tick(self, interval: float | None) -> None:
        """Ring every `interval` seconds from now on, or never again (None)."""
        spec = _Itimerspec()
        if interval is not None:
            seconds, nanoseconds = divmod(max(1, int(interval * 1e9)), 1_000_000_000)
            spec.it_value.tv_sec = spec.it_interval.tv_sec = seconds
            spec.it_value.tv_nsec = spec.it_interval.tv_nsec = nanoseconds
        if self._settime(self.fd, 0, ctypes.byref(spec), None) != 0:
            raise OSError(ctypes.get_errno(), "timerfd_settime")

    def wait(self) -> None:
        os.read(self.fd, 8)


class _Ticker:
    """Where there are no timer files: wake every interval, busy or not."""

    def __init__(self) -> None:
        self._interval = 0.1

    def tick(self, interval: float | None) -> None:
        if interval is not None:
            self._interval = interval

    def wait(self) -> None:
        time.sleep(self._interval)


def _alarm() -> _TimerFd | _Ticker:
    try:
        return _TimerFd()
    except (OSError, AttributeError):  # not Linux: no timerfd_create in the C library
        return _Ticker()


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def anonymous_memory() -> int:
    """Bytes of this process's memory in RAM that no file backs (resident less shared): what a query's
    strings, joins and sorts take, and not the store's files that the system may map in."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            fields = statm.read().split()
        return (int(fields[1]) - int(fields[2])) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _cpu_clock_of(ident: int) -> int | None:
    """The processor-time clock of the thread `ident` (threading.get_ident()), where the system has one."""
    try:
        return time.pthread_getcpuclockid(ident)
    except (AttributeError, OSError):
        return None


class Watchdog:
    """Sleeps until the armed request has run long, or too long.

    A request whose thread has used `slow` seconds of processor time (KG_SLOW_QUERY_CPU) has its
    CPU priority lowered to the least (nice 19, and the SCHED_IDLE policy where there is one): on a small machine a few
    runaway queries would otherwise slow every other worker's quick ones. Processor time, not time
    on the clock: under a heavy load every request waits for the processor, and lowering the ones
    that merely waited would starve them; only a query that has done much work yields. It yields
    only when others want the processor, and gets its priority back when it ends. Given a control
    group (server.slowgroup), the thread also waits in it meanwhile.
    """

    SLOW: float = DEFAULTS["SLOW_QUERY_CPU"]  # seconds of the request thread's processor time
    # Seconds between the watchdog's looks while requests come in: a timeout fires, a slow query is lowered and a
    # running query's memory is looked at (from one tick after it started) up to this late.
    TICK = 0.02

    def __init__(self, slow_group: SlowGroup | None = None, slow: float = SLOW, memory_budget: int | None = None) -> None:
        self._lock = threading.Lock()
        self.slow = slow
        # A query may take the process's memory this far above what it holds when the watchdog starts.
        self.memory_limit = anonymous_memory() + memory_budget if memory_budget else None
        self._memory_at: float | None = None
        self._slow_group = slow_group
        self._home: Path | None = None  # the control group the lowered thread came from
        self._alarm = _alarm()
        self._ticking = False  # whether the alarm rings (it stops after a tick with no request)
        self._armed_since_tick = False
        self._deadline: float | None = None
        self._slow_at: float | None = None
        self._thread_id = 0
        # thread ident -> its system id and processor-time clock (None: not on this system)
        self._threads: dict[int, tuple[int, int | None]] = {}
        self._cpu_clock: int | None = None  # the request thread's
        self._cpu_at_start: float | None = None  # its processor time when the watchdog first saw the request
        self._lowered: int | None = None  # the nice value the thread had before it was lowered
        self._idle = False  # whether the thread was put under SCHED_IDLE
        self._on_expiry: Callable[[str], None] | None = None
        self._fired = False
        self.thread = threading.Thread(target=self._run, daemon=True, name="watchdog")
        self.thread.start()

    def arm(self, seconds: float, on_expiry: Callable[[str], None]) -> None:
        """Watch the calling thread's request: `on_expiry("time")` or `on_expiry("memory")` answers it, then the process ends.

        A request costs a few assignments and no system call: the alarm already rings while requests come in (it is
        started, one system call, only for the first request after a quiet tick), and the request thread's processor
        time is read by the watchdog at its first look, so a request that ends within a tick is never looked at."""
        ident = threading.get_ident()
        thread = self._threads.get(ident)
        if thread is None:
            thread = self._threads[ident] = (threading.get_native_id(), _cpu_clock_of(ident))
        with self._lock:
            self._on_expiry = on_expiry
            now = time.monotonic()
            self._deadline = now + seconds
            self._slow_at = now + self.slow
            self._memory_at = now + self.TICK if self.memory_limit else None
            self._thread_id, self._cpu_clock = thread
            self._cpu_at_start = None
            self._armed_since_tick = True
            if not self._ticking:
                self._alarm.tick(self.TICK)
                self._ticking = True

    def disarm(self) -> str:
        """Stop watching: "fired" if the deadline already passed (the process is ending),
        "recycle" if the request's lowered priority could not be restored, else "ok"."""
        with self._lock:
            self._deadline = self._slow_at = self._memory_at = None
            self._on_expiry = None
            if self._fired:
                return "fired"
            lowered, self._lowered = self._lowered, None
            idle, self._idle = self._idle, False
            home, self._home = self._home, None
        if lowered is None and not idle and home is None:
            return "ok"
        try:
            if home is not None and self._slow_group is not None:
                self._slow_group.leave(self._thread_id, home)
            if idle:
                os.sched_setscheduler(self._thread_id, os.SCHED_OTHER, os.sched_param(0))
            if lowered is not None:
                os.setpriority(os.PRIO_PROCESS, self._thread_id, lowered)
        except OSError:  # raising a priority (or leaving the group) needs privilege: this worker stays slow, so it ends
            return "recycle"
        return "ok"

    def _lower(self) -> None:
        try:
            self._lowered = os.getpriority(os.PRIO_PROCESS, self._thread_id)
            os.setpriority(os.PRIO_PROCESS, self._thread_id, 19)
        except OSError as exc:
            self._lowered = None
            log.warning("could not lower the priority of a slow query: %s", exc)
            return
        LOWERED.inc()
        if hasattr(os, "SCHED_IDLE"):
            try:
                os.sched_setscheduler(self._thread_id, os.SCHED_IDLE, os.sched_param(0))
                self._idle = True
            except OSError as exc:
                log.warning("could not give a slow query the idle scheduling policy: %s", exc)
        if self._slow_group is not None:
            try:
                self._home = self._slow_group.enter(self._thread_id)
            except OSError as exc:
                log.warning("could not move a slow query into %s: %s", self._slow_group.path, exc)

    def _run(self) -> None:
        while True:
            self._alarm.wait()
            with self._lock:
                if self._deadline is None:  # no request running
                    if not self._armed_since_tick and self._ticking:  # nor any since the last tick: sleep till the next
                        self._alarm.tick(None)
                        self._ticking = False
                    self._armed_since_tick = False
                    continue
                self._armed_since_tick = False
                now = time.monotonic()
                if self._cpu_at_start is None:  # the first look at this request: it has run a tick at most
                    self._cpu_at_start = time.clock_gettime(self._cpu_clock) if self._cpu_clock is not None else now
                if self._slow_at is not None and now >= self._slow_at and self._lowered is None:
                    used = time.clock_gettime(self._cpu_clock) if self._cpu_clock is not None else now
                    short = self.slow - (used - self._cpu_at_start)
                    if short > 0:  # it has waited more than worked: look again when it may have worked enough
                        self._slow_at = now + short
                    else:
                        self._slow_at = None
                        self._lower()
                reason = None
                if now >= self._deadline:
                    reason = "time"
                elif self._memory_at is not None and now >= self._memory_at and anonymous_memory() > self.memory_limit:
                    reason = "memory"
                if reason is None:
                    continue
                action, self._on_expiry, self._deadline = self._on_expiry, None, None
                self._fired = True
            try:
                if action is not None:
                    action(reason)
            finally:
                log.warning("ending worker %d to stop a query that ran out of %s", os.getpid(), reason)
                os._exit(0)


_settings: dict = {"slow_group": None, "slow": Watchdog.SLOW, "memory_budget": None}


def slow_query_cpu(seconds: float) -> float:
    """The KG_SLOW_QUERY_CPU setting, checked."""
    if not seconds > 0 or seconds == float("inf"):
        raise KGError(f"KG_SLOW_QUERY_CPU={seconds:g}: must be a number of seconds above 0 (the default is {Watchdog.SLOW:g})")
    return seconds


def configure(slow_group: SlowGroup | None, slow: float, memory_budget: int | None = None) -> None:
    """For the watchdogs made from now on: the control group slow queries wait in (None: none), the
    processor time after which a query is slow, and the memory (bytes) a query may take (None: no limit)."""
    _settings.update(slow_group=slow_group, slow=slow, memory_budget=memory_budget)


# This process's watchdog (started after any fork).
watchdog = PerProcess(lambda: Watchdog(_settings["slow_group"], _settings["slow"], _settings["memory_budget"]))
