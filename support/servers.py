"""A running `kg serve`, from outside: a free loopback port for it, and its master's processes."""

from __future__ import annotations

import socket
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_pids(pid: int) -> list[int]:
    """The processes a process started (a uWSGI master's workers and the nginx in front); none once it has ended."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def worker_pids(master: int) -> list[int]:
    """The query workers of a `kg serve` (uWSGI) master: its children but the nginx it runs in front."""
    out = []
    for pid in child_pids(master):
        try:
            if b"worker" in Path(f"/proc/{pid}/cmdline").read_bytes() and b"nginx" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                out.append(pid)
        except OSError:
            pass
    return out


def workers_of(master: int) -> int:
    """How many query workers a `kg serve` master has."""
    return len(worker_pids(master))


def rss_kib(root_pid: int) -> int:
    """Resident memory of a process and its children (the server's master and workers), in KiB."""
    total = 0
    for pid in [root_pid, *child_pids(root_pid)]:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total
