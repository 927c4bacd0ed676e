"""The one error root of the project and its input-error subclass."""

from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """Any failure the project reports to its user (as opposed to a bug)."""


class InputError(KGError):
    """Bad input: names the file and, where known, the line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class BuildMissingError(KGError):
    """No built graph where one is needed."""
