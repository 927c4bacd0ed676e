"""A place named in the possessive before a town or region holds it: "Deir Ezzor's Albu Kamal district" is in Deir Ezzor,
and what "is in Deir Ezzor's Albu Kamal district" is in the district (the nearer place, which says more). An actor named
in the possessive before its control of a place controls it ("ISIS's continued control of the valley")."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_OWNER = re.compile(r"['’]s$")
_KIND = re.compile(r"^ (?:(?:town|city|village|province|region|district|governorate) of )?$")
_CONTROL = re.compile(r"^ (?:\w+ )?control (?:of|over) (?:the )?$")
_IN = re.compile(r"^ (?:is |are |lies |was |were )?(?:located |situated )?(?:in|inside) $")


def _area(proposer: Proposer, node: Node) -> bool:
    """A town or region: what a place holds (a country's base or crossing may be another country's)."""
    return any(proposer.ontology.is_subclass(node.type, LB + cls) for cls in ("Settlement", "Region"))


def possessive_places(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[place, locatedIn, its owner] for "Owner's place"; [thing, locatedIn, place] for "thing is in Owner's place";
    [owner, controls, place] for "Owner's control of place"."""
    out = []
    for i, (owner, place) in enumerate(zip(nodes, nodes[1:], strict=False)):
        gap = text[owner.end:place.start]
        owns = _OWNER.search(owner.words) or _OWNER.search(text[owner.end:owner.end + 2])
        gap = gap if _OWNER.search(owner.words) else gap[2:]
        if owns and _CONTROL.match(gap) and proposer.allowed(owner, "controls", place) and proposer.plausible(owner, "controls", place):
            out.append(Proposed(owner.id, "controls", place.id, f"{owner.words!r} control of {place.words!r}"))
        if not owns or not _KIND.match(gap) \
                or not proposer.ontology.is_subclass(owner.type, LB + "Place") or not _area(proposer, place):
            continue
        if proposer.allowed(place, "locatedIn", owner) and proposer.plausible(place, "locatedIn", owner):
            out.append(Proposed(place.id, "locatedIn", owner.id, f"{owner.words!r} before {place.words!r}"))
        thing = nodes[i - 1] if i > 0 else None
        if thing is not None and _IN.match(text[thing.end:owner.start]) and proposer.allowed(thing, "locatedIn", place) \
                and proposer.plausible(thing, "locatedIn", place):
            out.append(Proposed(thing.id, "locatedIn", place.id, f"{thing.words!r} is in {owner.words} {place.words!r}"))
    return out
