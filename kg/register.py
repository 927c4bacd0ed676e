"""The entity register: one canonical label, the spellings used in the texts, a type, a description."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .corpus import Document
from .errors import InputError
from .ontology import Ontology
from .yamlio import line_of, load_yaml

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"id", "type", "label", "aliases", "description", "proposal"}


@dataclass(frozen=True)
class Entity:
    id: str
    type: str  # class IRI
    label: str
    aliases: tuple[str, ...]
    description: str
    path: Path
    line: int | None
    proposal: object = None  # why `kg suggest` proposed the entry, until a curator reviews it


@cache  # the register's names are more than the re module's own cache holds
def mention_pattern(name: str) -> re.Pattern[str]:
    """A whole-word, case-sensitive match of a name in a text."""
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def mention_spans(entities: dict[str, Entity], text: str) -> list[tuple[int, int, str]]:
    """Where a text names register entities: (start, end, id), the longest name winning where names overlap."""
    found = []
    for ent in entities.values():
        for name in {ent.label, *ent.aliases}:
            if name in text:  # most names are not in a given sentence: a plain search says so before the pattern does
                found.extend((m.start(), m.end(), ent.id) for m in mention_pattern(name).finditer(text))
    taken: list[tuple[int, int, str]] = []
    for start, end, ent_id in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if not any(start < e and s < end for s, e, _ in taken):
            taken.append((start, end, ent_id))
    return sorted(taken)


def mentions(entities: dict[str, Entity], text: str) -> set[str]:
    """Ids of the entities a text names, the longest name winning where names overlap."""
    return {ent_id for _, _, ent_id in mention_spans(entities, text)}


def load_register(
    folder: Path, ontology: Ontology, documents: dict[str, Document], skip: Iterable[Path] = (), proposals: bool = False,
) -> dict[str, Entity]:
    """Read every register/*.yaml file but those in skip (data about entities, not entities); ids are unique across files.

    An entry still marked `proposal` (proposed by `kg suggest`, not reviewed) is refused unless `proposals` is true."""
    scope_texts = [doc.in_scope_text() for doc in documents.values()]
    entities: dict[str, Entity] = {}
    skipped = {p.resolve() for p in skip}
    files = sorted(p for p in folder.glob("*.yaml") if p.resolve() not in skipped)
    if not files:
        raise InputError(folder, None, "no register files (*.yaml)")
    for path in files:
        items = load_yaml(path)
        if items is None:
            continue
        if not isinstance(items, list):
            raise InputError(path, None, "a register file must be a list of entities")
        for item in items:
            line = line_of(item)
            if not isinstance(item, dict):
                raise InputError(path, line, "each register entry must be a mapping")
            unknown = set(item) - _KEYS
            if unknown:
                raise InputError(path, line, f"unknown field(s): {', '.join(sorted(unknown))}")
            missing = [k for k in ("id", "type", "label", "description") if not item.get(k)]
            if missing:
                raise InputError(path, line, f"entity needs {', '.join(missing)}")
            ent_id = str(item["id"])
            if not SLUG_RE.match(ent_id):
                raise InputError(path, line, f"id {ent_id!r} must be lowercase words joined by hyphens")
            if ent_id in entities:
                other = entities[ent_id]
                raise InputError(path, line, f"id {ent_id!r} already defined at {other.path.name}:{other.line}")
            if "proposal" in item and not proposals:
                raise InputError(path, line, f"{ent_id}: a proposed register entry, not reviewed: accept, edit or drop it "
                                             "(kg review) before it can be built")
            cls = ontology.classes.get(str(item["type"]))
            if cls is None:
                raise InputError(path, line, f"unknown type {item['type']!r} (not a class of the ontology)")
            aliases = item.get("aliases") or []
            if not isinstance(aliases, list):
                raise InputError(path, line, "'aliases' must be a list")
            for alias in aliases:
                if not any(alias in text for text in scope_texts):
                    raise InputError(path, line, f"alias {alias!r} of {ent_id!r} does not occur in any document")
            entities[ent_id] = Entity(
                ent_id, cls, str(item["label"]), tuple(str(a) for a in aliases),
                str(item["description"]), path, line, item.get("proposal"),
            )
    return entities
