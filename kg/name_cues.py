"""What an entity's own name says of it: "Iranian-backed militias", "Iran-sponsored groups" are backed by Iran — sponsored
where a state backs an armed group (the ontology's `sponsors`), otherwise supported. A name that the register (or the
text) gives whole carries the relation that kg.propose finds between two names ("Iran-backed Kataib Hezbollah")."""

from __future__ import annotations

import re

from .mentions import DEMONYMS
from .propose import Node, Proposed, Proposer

_BACKED = re.compile(r"^([A-Z][\w’']+)-(?:backed|sponsored|supported|funded)\b")


def name_facts(proposer: Proposer, nodes: list[Node], labels: dict[str, str]) -> list[Proposed]:
    """[backer, sponsors or supports, entity] for each entity whose name says who backs it."""
    ids = {label: ent_id for ent_id, label in labels.items()}
    out = []
    for n in nodes:
        m = _BACKED.match(n.words)
        if n.kind not in ("linked", "new", "reference") or m is None:
            continue
        backer_id = ids.get(DEMONYMS.get(m.group(1), m.group(1)))
        if backer_id is None or backer_id not in proposer.types:
            continue
        backer = Node(n.start, n.start + len(m.group(1)), backer_id, proposer.types[backer_id], m.group(1), "demonym")
        for prop in ("sponsors", "supports"):
            if proposer.allowed(backer, prop, n) and proposer.plausible(backer, prop, n):
                out.append(Proposed(backer_id, prop, n.id, f"the name {n.words!r} says {m.group(0)!r}"))
                break
    return out
