"""A crossing, installation or road the text says "will be part of" a route ("the crossing will be part of Iran's “land
bridge”") is a component of the route (the ontology's componentOf), besides the route passing through it (the
passesThrough kg.relation_cues gives the same words)."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_PART_OF = re.compile(r"[*_”\"]*,?\s+(?:(?:is|was|are|were|will\s+be|would\s+be|to\s+be|becomes?|became|may\s+be|could\s+be)\s+)?"
                      r"(?:a\s+|an\s+)?(?:\w+\s+)?part\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+['’]s\s+)?[“\"*_]*$", re.I)
_PARTS = ("Crossing", "Installation", "Road")


def route_parts(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[part, componentOf, route] where the words between the two say the one is part of the other."""
    is_a = proposer.ontology.is_subclass
    named = [n for n in nodes if n.kind in ("linked", "new", "reference")]
    out = []
    for i, a in enumerate(named):
        b = next((n for n in named[i + 1:] if is_a(n.type, LB + "Route")), None)  # past the possessor: "Iran's"
        if b is not None and a.id != b.id and any(is_a(a.type, LB + c) for c in _PARTS) \
                and _PART_OF.fullmatch(text[a.end:b.start]) and proposer.allowed(a, "componentOf", b):
            out.append(Proposed(a.id, "componentOf", b.id, f"{a.words!r}{text[a.end:b.start]}{b.words!r}: a part of the route"))
    return out
