"""Limits a worker process puts on itself before it answers queries, so that a mistake in the checks
before the engine cannot become a request to the network or take the machine's memory, and a bug in
the server cannot act as root.

- No outbound connections: with the SERVICE allow-list empty and the graph in the embedded store,
  nothing a worker does needs a new Internet socket (it answers on a socket the server accepted),
  so a seccomp filter (libseccomp, through pyseccomp) refuses socket(AF_INET/AF_INET6) and io_uring
  (which can make sockets without that call) for every thread of the process. Should a query ever
  reach the engine with a SERVICE clause, the engine's request fails instead of being sent.
- A ceiling on the memory the process may map for data (RLIMIT_DATA: heap and private anonymous
  mappings, not the store's files): the watchdog ends a query that outgrows its budget with an
  answer; this ceiling stops one that grows too fast for it, by ending the worker.
"""

from __future__ import annotations

import errno
import logging
import os
import pwd
import resource
import socket

try:  # imported now: once a worker has become an unprivileged user it may not read the libraries
    import pyseccomp as seccomp
except (ImportError, OSError):  # no libseccomp on this system
    seccomp = None

log = logging.getLogger("server")


class SandboxError(RuntimeError):
    """The limit could not be put in place."""


def deny_outbound() -> None:
    """Refuse, from now on and for every thread, new IPv4 and IPv6 sockets and io_uring."""
    if seccomp is None:
        raise SandboxError("cannot refuse outbound connections: pyseccomp (and the system's libseccomp) is missing")
    try:
        rules = seccomp.SyscallFilter(seccomp.ALLOW)
        for family in (socket.AF_INET, socket.AF_INET6):
            rules.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.EQ, family))
        rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "io_uring_setup")
        rules.set_attr(seccomp.Attr.CTL_TSYNC, 1)  # every thread, those already running included
        rules.load()
    except (OSError, RuntimeError, AttributeError) as exc:
        raise SandboxError(f"cannot refuse outbound connections with seccomp: {exc}") from exc


def data_size() -> int:
    """Bytes of this process's data mappings now (VmData)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    raise SandboxError("no VmData in /proc/self/status")


def cap_data(extra: int) -> int:
    """Let this process map at most `extra` bytes of data beyond what it has now; the ceiling in bytes."""
    ceiling = data_size() + extra
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (ceiling, hard))
    return ceiling


def drop_root(name: str | None, load_first=None) -> None:
    """Started as root, become `name` (default nobody; "root" keeps root, by the operator's choice).

    `load_first()` loads what the process will need that the user may not be able to read (templates;
    the Python installation may sit in root's home): called as root, just before."""
    if os.geteuid() != 0 or name == "root":
        return
    if load_first is not None:
        load_first()
    try:
        entry = pwd.getpwnam(name or "nobody")
    except KeyError:
        raise SandboxError(f"KG_USER={name}: no such user to serve as") from None
    os.setgroups([])
    os.setgid(entry.pw_gid)
    os.setuid(entry.pw_uid)
