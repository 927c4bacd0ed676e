"""This checkout's own `kg`: `python -m kg` with the project root first on the import path, for the command and
for every process it starts (the uWSGI workers import server.wsgi), so a `kg` on PATH that belongs to another
checkout or installation never runs in its place."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kg(*args: str) -> list[str]:
    """The command line that runs this checkout's `kg` with these arguments (with checkout_environ())."""
    return [sys.executable, "-m", "kg", *args]


def checkout_environ(base: Mapping[str, str] | None = None, **overrides: str) -> dict[str, str]:
    """A copy of base (default: this process's environment) with overrides, that imports kg and server from this
    checkout: the project root first on PYTHONPATH, which the children it starts inherit."""
    env = {**(os.environ if base is None else base), **overrides}
    rest = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(ROOT)]
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *rest])
    return env
