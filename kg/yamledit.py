"""Round-trip editing of the YAML inputs (ruamel.yaml): what a command changes in a file changes, and its
comments, quoting, order and layout stay as the curator wrote them."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .errors import InputError
from .yamlio import read_text


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a quote
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def load(path: Path) -> Any:
    """The file as ruamel's commented mappings and sequences."""
    return loads(read_text(path), path)


def loads(text: str, path: Path) -> Any:
    """Text as ruamel's commented mappings and sequences; errors name the file it is (or will be part of)."""
    try:
        return _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, mark.line + 1 if mark else None, f"invalid YAML: {getattr(exc, 'problem', exc)}") from exc


def dumps(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def save(data: Any, path: Path) -> None:
    """Write the file whole or not at all (a temporary file renamed over it)."""
    text = dumps(data)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
