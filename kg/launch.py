"""The `kg` command's entry point: it starts itself again with the faster allocator (kg.allocator)
before importing the rest, then runs kg.cli."""

from __future__ import annotations

import sys

from . import allocator


def main() -> int:
    allocator.restart_with_allocator(sys.argv[1:])
    from .cli import main as cli_main

    return cli_main(prog_name="kg")
