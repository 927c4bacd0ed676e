"""A crossing named by the two places it joins: "the al-Qaim-Abu Kamal crossing" is the register's one crossing whose
name holds both places' names, not the two towns.

News names a border crossing by its two ends joined with a hyphen or a dash and the word "crossing" after them. When
the register has exactly one crossing named by the two places and "crossing" (in either order), the words from the first place to
"crossing" are a mention of it; otherwise the places stay mentions of the places.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .names import fold
from .register import Entity

_JOINED = re.compile(r"^\s?[-–‐]\s?$")
_CROSSING = re.compile(r"^\s+(?:border\s+)?crossing\b", re.I)


def _names(ent: Entity) -> set[str]:
    return {f" {fold(n)} " for n in {ent.label, *ent.aliases}}


def paired_crossings(text: str, mentions: list, entities: dict[str, Entity]) -> list:
    """The mentions with each pair of places joined by a dash before "crossing" replaced by the crossing they name."""
    linked = [m for m in mentions if m.entity]
    out = list(mentions)
    for first, second in zip(linked, linked[1:], strict=False):
        after = _CROSSING.match(text[second.end:])
        if not after or not _JOINED.match(text[first.end:second.start]) or first.entity == second.entity:
            continue
        ends = [_names(entities[first.entity]), _names(entities[second.entity])]
        pairs = {f"{a}{b.strip()} {kind}crossing " for x, y in (ends, ends[::-1]) for a in x for b in y
                 for kind in ("", "border ")}
        fit = {ent.id for ent in entities.values() if ent.type.endswith("Crossing") and _names(ent) & pairs}
        if len(fit) == 1 and first in out and second in out:
            end = second.end + after.end()
            out = [m for m in out if m not in (first, second)]
            out.append(replace(first, end=end, words=text[first.start:end], entity=fit.pop(), how="folded"))
    return sorted(out, key=lambda m: m.start)
