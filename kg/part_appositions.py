"""A body that is part of another, as news writes it beside the names:

- an apposition that calls it one of the other's factions or units: "X, another faction of the Hashd al-Shaabi",
  "X, a brigade of the Popular Mobilisation Forces" ([X, partOf, the other]);
- the other's possessive before an office's or a unit's name: "the Treasury's Office of Foreign Assets Control",
  "the army's Border Division" ([office, partOf, the other]).

kg.place_cues reads the possessive between two register entries; here one of the two is a name the register
lacks. A state's possessive ("Iraq's Border Ports Commission") gives a country instead (kg.appositions).
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_PART = re.compile(r"\s*,\s*(?:another|an?|one)\s+(?:armed\s+|paramilitary\s+)?(?:faction|militia|brigade|unit|branch|wing|"
                   r"component|member\s+group)\s+(?:of|in|within)\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"['’]s\s+")
_PARTS = ("GovernmentBody", "StateForce")  # offices and units: what a possessive makes part of a body


def part_appositions(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[part, partOf, whole] for "part, another faction of whole" and "whole's part" (one of them a new entry)."""
    is_a = proposer.ontology.is_subclass
    named = [n for n in nodes if n.kind in ("linked", "new") and is_a(n.type, LB + "Organization")]
    out = []
    for a, b in zip(named, named[1:], strict=False):
        if is_a(a.type, LB + "Country"):
            continue
        if _PART.fullmatch(text, a.end, b.start):
            part, whole = a, b
        elif "new" in (a.kind, b.kind) and _POSSESSIVE.fullmatch(text, a.end, b.start) and any(is_a(b.type, LB + c) for c in _PARTS):
            part, whole = b, a
        else:
            continue
        if proposer.allowed(part, "partOf", whole):
            out.append(Proposed(part.id, "partOf", whole.id, f"{text[a.start:b.end]!r}"))
    return out
