"""A facility whose name opens with its town's: "Damascus International Airport", "the Basra oil terminal", "Mosul Dam".
The name a text gives a new airport, port, base or depot is the town's name and the facility's noun, so the facility
lies in the town (the ontology's locatedIn), where the register has that town as a settlement."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_FACILITY = re.compile(r"\s+(?:(?:International|Military|Air|Naval|Oil|Grain|Cargo|Civil)\s+)*"
                       r"(?:Airport|Airbase|Air\s+Base|Airfield|Port|Base|Depot|Terminal|Silos?|Refinery|Dam)$", re.I)


def named_facilities(proposer: Proposer, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[facility, locatedIn, town] for a new place named "<town> <facility noun>"."""
    is_a = proposer.ontology.is_subclass
    towns = {label: ent_id for ent_id, label in labels.items() if is_a(proposer.types.get(ent_id, ""), LB + "Settlement")}
    out = []
    for n in nodes:
        if n.kind != "new" or not is_a(n.type, LB + "Place"):
            continue
        town = next((t for t in towns if n.words.startswith(t + " ") and _FACILITY.fullmatch(n.words, len(t))), None)
        if town is None:
            continue
        node = Node(n.start, n.start + len(town), towns[town], proposer.types[towns[town]], town)
        if proposer.allowed(n, "locatedIn", node):
            out.append(Proposed(n.id, "locatedIn", towns[town], f"the name {n.words!r} opens with the town's {town!r}"))
    return out
