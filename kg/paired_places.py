"""A crossing or border named by the two places it joins: "the al-Qaim-Abu Kamal crossing" is the register's one
crossing whose name holds both towns' names, and "the Syria-Iraq frontier" its one border named by both countries; not
the two places.

News names a crossing or a border by its two sides joined with a hyphen or a dash, in either order, and the thing's
word after them ("crossing", "border crossing"; "border", "frontier"). When the register has exactly one entry of that
kind named by the two places and the word, the words from the first place to the last are a mention of it; otherwise
the places stay mentions of the places.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .names import fold
from .register import Entity

_JOINED = re.compile(r"^\s?[-–‐]\s?$")
_CROSSING = re.compile(r"^\s+(?:border\s+)?crossing\b", re.I)
_BORDER = re.compile(r"^\s+(?:border|frontier)\b", re.I)


def paired_crossings(text: str, mentions: list, entities: dict[str, Entity]) -> list:
    """The mentions with each pair of places joined by a dash before "crossing" replaced by the crossing they name."""
    return _paired(text, mentions, entities, _CROSSING, ("crossing", "border crossing"), "Crossing")


def paired_borders(text: str, mentions: list, entities: dict[str, Entity]) -> list:
    """The mentions with each pair of places joined by a dash before "border" or "frontier" replaced by the border
    they name."""
    return _paired(text, mentions, entities, _BORDER, ("border",), "#Border")


def _names(ent: Entity) -> set[str]:
    return {fold(n) for n in {ent.label, *ent.aliases}}


def _paired(text: str, mentions: list, entities: dict[str, Entity], word: re.Pattern, heads: tuple[str, ...],
            kind: str) -> list:
    """Each pair of linked places joined by a dash and followed by word, replaced by the one entry whose class ends
    with kind and one of whose names is the two places' names (either order) and a head."""
    out = list(mentions)
    linked = [m for m in mentions if m.entity]
    for first, second in zip(linked, linked[1:], strict=False):
        after = word.match(text[second.end:])
        if not after or not _JOINED.match(text[first.end:second.start]) or first.entity == second.entity:
            continue
        sides = [_names(entities[first.entity]), _names(entities[second.entity])]
        pairs = {f"{a} {b} {head}" for x, y in (sides, sides[::-1]) for a in x for b in y for head in heads}
        fit = {ent.id for ent in entities.values() if ent.type.endswith(kind) and _names(ent) & pairs}
        if len(fit) == 1 and first in out and second in out:
            end = second.end + after.end()
            out = [m for m in out if m not in (first, second)]
            out.append(replace(first, end=end, words=text[first.start:end], entity=fit.pop(), how="folded"))
    return sorted(out, key=lambda m: m.start)
