"""Routes compared by what they carry: "Sea vessels can accommodate more goods than trucks or planes" — the route the
sentence names carries more than the register's one route of each mode the vehicles after "than" stand for
(`capacityGreaterThan`). A route's own advantages and limitations are kg.route_traits'.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# "… can accommodate more goods than trucks or planes": the vehicles of the routes compared, and their mode
_VEHICLES = {"trucks": "land", "lorries": "land", "planes": "air", "aircraft": "air", "airplanes": "air", "ships": "sea",
             "vessels": "sea"}
_VEHICLE = "(?:" + "|".join(_VEHICLES) + ")"
_MORE_THAN = re.compile(r"\s+(?:can\s+|could\s+)?(?:accommodate|carry|move|transport|hold)\s+(?:many\s+|much\s+|far\s+)?(?:more|greater)"
                        rf"\s+(?:\w+\s+){{0,2}}?than\s+({_VEHICLE}(?:(?:,\s*|\s+or\s+|\s+and\s+){_VEHICLE})*)", re.I)


def compared_capacity(proposer: Proposer, text: str, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """"Sea vessels can accommodate more goods than trucks or planes": the route carries more than the register's one
    route of each mode the vehicles after "than" stand for (trucks: land, planes: air, ships: sea), by its label."""
    out = []
    for route in [n for n in nodes if n.kind not in ("demonym", "unsure") and proposer.ontology.is_subclass(n.type, LB + "Route")]:
        m = _MORE_THAN.match(text, route.end)
        if m is None:
            continue
        for word in re.findall(r"\w+", m.group(1)):
            mode = _VEHICLES.get(word.lower())
            found = [e for e, label in labels.items() if mode and re.search(rf"\b{mode}\b", label, re.I) and e in proposer.types
                     and proposer.ontology.is_subclass(proposer.types[e], LB + "Route")]
            if len(found) == 1 and found[0] != route.id:
                out.append(Proposed(route.id, "capacityGreaterThan", found[0], f"{route.words!r}{m.group(0)}: more than the "
                                                                                 f"{labels[found[0]]} ({word})"))
    return out
