"""The border a border area lies on: "the border strip between al-Qaim in Iraq and Albu Kamal in Syria" is the area
kg.state_cues.areas_between finds, and where the sentence's facts place its two ends in two countries, it is on the
register's one border whose label names both (the ontology's onBorder).

Only an area the words call a border area ("border strip", "border area", "border region") counts: an area between two
towns of one country, or one not said to be at the border, is on no border.
"""

from __future__ import annotations

import re

from .names import fold
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .state_cues import areas_between

_BORDER_AREA = re.compile(r"\bborder\s+(?:strip|area|region|zone|territory)\b", re.I)


def border_areas(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed], labels: dict[str, str]) -> list[Proposed]:
    """[area, onBorder, border] for a border area between two places the sentence puts in two countries."""
    is_a = proposer.ontology.is_subclass
    areas, near = areas_between(proposer, text, nodes, labels)
    country_of = {f.subject: f.object for f in facts if f.property == "locatedIn" and isinstance(f.object, str)
                  and is_a(proposer.types.get(f.object, ""), LB + "Country")}
    borders = {e: fold(label) for e, label in labels.items()
               if is_a(proposer.types.get(e, ""), LB + "Border") and fold(label).endswith("border")}
    out = []
    for area in areas:
        if not _BORDER_AREA.search(area.words):
            continue
        countries = {country_of.get(f.object) for f in near if f.subject == area.id}
        if None in countries or len(countries) != 2:
            continue
        found = [e for e, label in borders.items() if all(fold(labels.get(c, c)) in label for c in countries)]
        if len(found) == 1 and proposer.allowed(area, "onBorder", Node(0, 0, found[0], proposer.types[found[0]], "")):
            out.append(Proposed(area.id, "onBorder", found[0], f"{area.words!r}: a border area between two countries, on the "
                                                               f"{labels[found[0]]}"))
    return out
