"""A place named in the possessive before a town or region holds it: "Deir Ezzor's Albu Kamal district" is in Deir Ezzor,
and what "is in Deir Ezzor's Albu Kamal district" is in the district (the nearer place, which says more)."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_OWNER = re.compile(r"['’]s$")
_KIND = re.compile(r"^ (?:(?:town|city|village|province|region|district|governorate) of )?$")
_IN = re.compile(r"^ (?:is |are |lies |was |were )?(?:located |situated )?(?:in|inside) $")


def _area(proposer: Proposer, node: Node) -> bool:
    """A town or region: what a place holds (a country's base or crossing may be another country's)."""
    return any(proposer.ontology.is_subclass(node.type, LB + cls) for cls in ("Settlement", "Region"))


def possessive_places(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[place, locatedIn, its owner] for "Owner's place"; [thing, locatedIn, place] for "thing is in Owner's place"."""
    out = []
    for i, (owner, place) in enumerate(zip(nodes, nodes[1:], strict=False)):
        if not _OWNER.search(owner.words) or not _KIND.match(text[owner.end:place.start]) \
                or not proposer.ontology.is_subclass(owner.type, LB + "Place") or not _area(proposer, place):
            continue
        if proposer.allowed(place, "locatedIn", owner) and proposer.plausible(place, "locatedIn", owner):
            out.append(Proposed(place.id, "locatedIn", owner.id, f"{owner.words!r} before {place.words!r}"))
        thing = nodes[i - 1] if i > 0 else None
        if thing is not None and _IN.match(text[thing.end:owner.start]) and proposer.allowed(thing, "locatedIn", place) \
                and proposer.plausible(thing, "locatedIn", place):
            out.append(Proposed(thing.id, "locatedIn", place.id, f"{thing.words!r} is in {owner.words} {place.words!r}"))
    return out
