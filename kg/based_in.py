"""Where an actor is based, as news writes it in a compound adjective before the name: "the Baghdad-based Nahrain
Transport Company", "a London-based monitor": the actor has a presence in the place (the ontology's hasPresenceIn).
Only the words of the name's phrase may stand between ("two Baghdad-based trading companies"), not another clause."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_BASED = re.compile(r"-(?:based|headquartered)\s+")
_BETWEEN = re.compile(r"(?:[a-z][\w-]*\s+){0,3}")


def based_in(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[actor, hasPresenceIn, place] for "<place>-based <actor>"."""
    is_a = proposer.ontology.is_subclass
    out = []
    for place in nodes:
        m = _BASED.match(text, place.end)
        if m is None or place.kind not in ("linked", "new") or not is_a(place.type, LB + "Place"):
            continue
        actor = next((n for n in nodes if n.start >= m.end() and n.kind in ("linked", "new", "reference")), None)
        if actor is None or not is_a(actor.type, LB + "Actor") or not _BETWEEN.fullmatch(text, m.end(), actor.start):
            continue
        if proposer.allowed(actor, "hasPresenceIn", place):
            out.append(Proposed(actor.id, "hasPresenceIn", place.id, f"{text[place.start:m.end()]!r}{actor.words!r}"))
    return out
