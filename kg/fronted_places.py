"""The country a sentence opens in: "While in Syria, the commander visited the Deir al-Zor and Albukamal areas", "In
Iraq, the militias hold al-Qaim": the towns and regions the rest of the sentence names lie in that country, unless a
word sends something to, from or through them (a way out of the country is no place in it).

Only a settlement or region counts (not a border, crossing or route, which may join two countries), and only a name
that is no country itself; each fact is one the ontology's domain and range allow (Proposer.allowed).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import FROM, THROUGH, TO

_OPENING = re.compile(r"^[\W_]*(?:(?:While|When|Whilst)\s+)?(?:in|inside)\s+[*_]*$", re.I)
_PLACES = ("Settlement", "Region")


def fronted_places(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[place, locatedIn, country] for each settlement or region named after a sentence-opening "In <country>"."""
    is_a = proposer.ontology.is_subclass
    country = next((n for n in nodes if n.kind == "linked" and is_a(n.type, LB + "Country") and _OPENING.match(text[:n.start])), None)
    if country is None:
        return []
    out = []
    for n in nodes:
        if n.start <= country.end or n.kind not in ("linked", "new") or not any(is_a(n.type, LB + c) for c in _PLACES):
            continue
        head = text[:n.start]
        if TO.search(head) or FROM.search(head) or THROUGH.search(head):
            continue
        if proposer.allowed(n, "locatedIn", country) and proposer.plausible(n, "locatedIn", country):
            out.append(Proposed(n.id, "locatedIn", country.id, f"{n.words!r} after the opening {text[:country.end].strip(' *_')!r}"))
    return out
