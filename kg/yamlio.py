"""YAML loading that keeps line numbers, so errors can name the line of bad input."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

# libyaml's parser where PyYAML was built with it (its wheels are): the same nodes and marks, a fifth of the time.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping that remembers the (1-based) line it started on."""

    line: int = 0


class LineList(list):
    """A sequence that remembers the (1-based) line it started on."""

    line: int = 0


def _convert(node: yaml.Node, loader: Any, path: Path) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = _convert(key_node, loader, path)
            if key in out:
                raise InputError(path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _convert(value_node, loader, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_convert(item, loader, path) for item in node.value)
        seq.line = node.start_mark.line + 1
        return seq
    value = loader.construct_object(node, deep=True)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def read_text(path: Path) -> str:
    """An input file's text (UTF-8); one that cannot be read raises InputError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, None, f"cannot read: {exc}") from exc


def parse(text: str) -> Any:
    """Plain Python values of a YAML text (safe types only), with libyaml where present: for files the code itself writes
    and reads again, whose errors need no line."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader: SafeLoader or libyaml's CSafeLoader


def load_yaml(path: Path) -> Any:
    """Parse one YAML file into LineDict/LineList trees; syntax errors name file and line."""
    text = read_text(path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _convert(node, loader, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(path, line, f"invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise InputError(path, None, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()


def line_of(value: Any, default: int | None = None) -> int | None:
    """The line a loaded mapping or sequence started on."""
    return getattr(value, "line", default)


def records(path: Path, file_is: str, item_is: str, keys: Iterable[str]) -> Iterator[tuple[LineDict, int | None]]:
    """The mappings of a YAML file that holds a list of them, each with its line (none for an empty or missing file).
    A file that is not such a list, an item that is not a mapping, or a field not among `keys` raises InputError naming
    file and line: "the {file_is} must be a list of {item_is}s", "each {item_is} must be a mapping"."""
    if not path.exists():
        return
    items = load_yaml(path)
    if items is None:
        return
    if not isinstance(items, list):
        raise InputError(path, None, f"the {file_is} must be a list of {item_is}s")
    known = set(keys)
    for item in items:
        line = line_of(item, line_of(items))
        if not isinstance(item, dict):
            raise InputError(path, line, f"each {item_is} must be a mapping")
        unknown = set(item) - known
        if unknown:
            raise InputError(path, line, f"unknown field(s): {', '.join(sorted(unknown))}")
        yield item, line
