"""A border named by the two countries it divides: "the Syria-Iraq frontier" is the register's one border whose name
holds both countries' names, not the two countries.

News names a border by its two sides joined with a hyphen or a dash, in either order, and "border" or "frontier"
after them. When the register has exactly one border named by the two places and "border", the words from the first
place to the last are a mention of it; otherwise the places stay mentions of the places.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .names import fold
from .register import Entity

_JOINED = re.compile(r"^\s?[-–‐]\s?$")
_BORDER = re.compile(r"^\s+(?:border|frontier)\b", re.I)


def _names(ent: Entity) -> set[str]:
    return {fold(n) for n in {ent.label, *ent.aliases}}


def paired_borders(text: str, mentions: list, entities: dict[str, Entity]) -> list:
    """The mentions with each pair of places joined by a dash before "border" or "frontier" replaced by the border
    they name."""
    out = list(mentions)
    linked = [m for m in mentions if m.entity]
    for first, second in zip(linked, linked[1:], strict=False):
        after = _BORDER.match(text[second.end:])
        if not after or not _JOINED.match(text[first.end:second.start]) or first.entity == second.entity:
            continue
        sides = [_names(entities[first.entity]), _names(entities[second.entity])]
        pairs = {f"{a} {b} border" for x, y in (sides, sides[::-1]) for a in x for b in y}
        fit = {ent.id for ent in entities.values() if ent.type.endswith("#Border") and _names(ent) & pairs}
        if len(fit) == 1 and first in out and second in out:
            end = second.end + after.end()
            out = [m for m in out if m not in (first, second)]
            out.append(replace(first, end=end, words=text[first.start:end], entity=fit.pop(), how="folded"))
    return sorted(out, key=lambda m: m.start)
