"""The memory allocator `kg`'s processes run with: mimalloc where it is installed.

The engine (pyoxigraph, with RocksDB inside) allocates through the C library's malloc, and building
indexes and evaluating joins allocate a great deal. With mimalloc in its place, on the 1M-triple
synthetic graph on a 2-core machine: a bulk load takes 6.2-6.3 s instead of 6.6-7.4 s, `kg validate`
7.8-9.2 s instead of 10.4-11.6 s (and 560 MiB of memory instead of 670-715), and the heaviest
competency query about a tenth less.

A process cannot change its allocator once it has started, so `kg` starts itself again with the
library preloaded (LD_PRELOAD) before it imports anything else (kg.launch), and whatever starts our
code in a new process (the uWSGI server, benchmark children) passes `environ()` on. Debian's package
is libmimalloc2.0 (scripts/install installs it when it can). Without it, or with KG_ALLOCATOR=system,
everything runs with the C library's allocator, only slower.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from collections.abc import Mapping

LIBRARY = "libmimalloc.so.2"
SETTING = "KG_ALLOCATOR"  # "mimalloc" (the default) or "system"
STARTED = "KG_ALLOCATOR_STARTED"  # set when `kg` has started itself again: never twice


def _directories() -> list[str]:
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    found = [f"/usr/lib/{multiarch}", f"/lib/{multiarch}"] if multiarch else []
    return found + ["/usr/local/lib", "/usr/lib64", "/usr/lib", "/lib64", "/lib"]


def library(env: Mapping[str, str] | None = None) -> str | None:
    """The path of the allocator to preload, or None: not on Linux, not installed, or not wanted."""
    env = os.environ if env is None else env
    choice = env.get(SETTING, "mimalloc").strip().lower()
    if choice == "system" or not sys.platform.startswith("linux"):
        return None
    if choice != "mimalloc":
        raise SystemExit(f"{SETTING}={env[SETTING]!r}: expected 'mimalloc' or 'system'")
    for folder in _directories():
        path = os.path.join(folder, LIBRARY)
        if os.path.exists(path):
            return path
    return None


def _preloaded(env: Mapping[str, str]) -> list[str]:
    return env.get("LD_PRELOAD", "").replace(":", " ").split()


def environ(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of base (default: this process's environment) that preloads the allocator, where there is one."""
    env = dict(os.environ if base is None else base)
    path = library(env)
    if path is not None and path not in _preloaded(env):
        env["LD_PRELOAD"] = " ".join([path, *_preloaded(env)])
    return env


def active() -> bool:
    """Whether this process runs with the allocator (it is mapped into the process)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return any(LIBRARY in line for line in maps)
    except OSError:
        return False


def restart_with_allocator(argv: list[str]) -> None:
    """Start `python -m kg argv...` in place of this process, with the allocator preloaded; return if
    there is nothing to change (no allocator, already running with it, or already started again)."""
    if os.environ.get(STARTED):
        return
    env = environ()
    if env.get("LD_PRELOAD") == os.environ.get("LD_PRELOAD"):
        return
    env[STARTED] = "1"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, "-m", "kg", *argv], env)
