"""A CPU control group that slow queries wait in, when the operator names one (KG_SLOW_CGROUP).

A slow query's thread is lowered to nice 19 and the SCHED_IDLE policy (server.watchdog). That
ranks it below every other thread of the server, but the kernel schedules groups of processes
(a login session, a systemd service) before the threads inside them: while a group holds a
runaway query, the group as a whole still competes as an equal with, say, the proxy in front of
the server. Moved into a group whose `cpu.idle` is 1 (or whose `cpu.shares` / `cpu.weight` is
the least), the thread gets the processor only when nothing else wants it. Linux only; the group
is made by the operator (README, "Operating"), the server only moves threads in and back out.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from kg.errors import KGError

SETTING = "KG_SLOW_CGROUP"


class SlowGroup:
    """The control group at `path`, in a cgroup v1 hierarchy (its `tasks` file) or a threaded
    cgroup v2 one (its `cgroup.threads`)."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        found = [name for name in ("tasks", "cgroup.threads") if (self.path / name).is_file()]
        if not self.path.is_dir() or not found:
            raise KGError(f"{SETTING}={path}: not a control group directory (no tasks or cgroup.threads file in it)")
        self.file = found[0]
        self.mountpoint, self.root, self.controllers = self._mount()
        # Check now, once, that a thread can go in and come back, rather than at the first slow query.
        me = threading.get_native_id()
        try:
            self.leave(me, self.enter(me))
        except OSError as exc:
            raise KGError(f"{SETTING}={path}: cannot move a thread into it and back ({exc.strerror}); "
                          "the server needs write access to both groups' "
                          f"{self.file} files (root, or a group delegated to its user)") from None

    def _mount(self) -> tuple[Path, str, set[str]]:
        """The mount point of the group's hierarchy, the part of the hierarchy mounted there, and the
        hierarchy's controllers (empty for cgroup v2)."""
        target = self.path.resolve()
        best: tuple[Path, str, set[str]] | None = None
        with open("/proc/self/mountinfo", encoding="utf-8") as lines:
            for line in lines:
                left, _, right = line.partition(" - ")
                fields, (fstype, _, options) = left.split(), right.split()[:3]
                if fstype not in ("cgroup", "cgroup2"):
                    continue
                mountpoint = Path(fields[4])
                if target == mountpoint or mountpoint in target.parents:
                    if best is None or len(str(mountpoint)) > len(str(best[0])):
                        controllers = set() if fstype == "cgroup2" else set(options.split(",")) - {"rw", "ro"}
                        best = (mountpoint, fields[3], controllers)
        if best is None:
            raise KGError(f"{SETTING}={self.path}: not inside a mounted cgroup hierarchy")
        return best

    def _group_of(self, tid: int) -> Path:
        """The directory of the group thread `tid` is in, in this hierarchy."""
        with open(f"/proc/self/task/{tid}/cgroup", encoding="utf-8") as lines:
            for line in lines:
                _, names, relative = line.rstrip("\n").split(":", 2)
                listed = set(names.split(",")) if names else set()
                if (listed and listed <= self.controllers) if self.controllers else not listed:
                    inside = os.path.relpath(relative, self.root) if relative.startswith(self.root) else relative
                    return (self.mountpoint / inside.lstrip("/")).resolve()
        raise OSError(0, f"thread {tid} is in no group of the hierarchy mounted at {self.mountpoint}")

    def enter(self, tid: int) -> Path:
        """Move thread `tid` into the group; the group it was in, to go back to."""
        home = self._group_of(tid)
        self._move(tid, self.path)
        return home

    def leave(self, tid: int, home: Path) -> None:
        self._move(tid, home)

    def _move(self, tid: int, group: Path) -> None:
        with open(group / self.file, "w", encoding="ascii") as out:
            out.write(str(tid))


def slow_group(path: str | None) -> SlowGroup | None:
    return SlowGroup(path) if path else None
