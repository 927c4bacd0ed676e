"""The force an actor works through: "Iran participates in securing the area … by using Shi'ite militias deployed
permanently in the region". Where the sentence's facts say the actor secures or controls a place, the armed group it
does so "by using" (or "through", "by means of") does the same, and a participle after it that deploys it "in the region"
or "in the area" puts it in that place.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_BY_USING = re.compile(r"\bby\s+(?:using|employing|means\s+of|relying\s+on)\s+(?:the\s+|its\s+|their\s+)?$")
_DEPLOYED_THERE = re.compile(r"^,?\s+(?:(?:which|who)\s+(?:are|were|is|was)\s+)?(?:stationed|deployed|based)\s+(?:\w+ly\s+)?"
                             r"(?:in|at)\s+the\s+(?:region|area)\b")
_FORCES = ("ArmedGroup", "MilitaryUnit", "StateForce")


def means_facts(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[force, secures|controls, place] and [force, deployedIn, place] for the force "by using" which an actor does so."""
    by_id = {n.id: n for n in nodes}
    is_a = proposer.ontology.is_subclass
    out = []
    for force in nodes:
        if force.kind not in ("linked", "new") or not any(is_a(force.type, LB + c) for c in _FORCES) \
                or not _BY_USING.search(text, 0, force.start):
            continue
        for f in facts:
            actor = by_id.get(f.subject)
            if f.property not in ("secures", "controls") or actor is None or actor.end > force.start or f.object == force.id \
                    or f.object not in proposer.types:
                continue
            # the place may be a description the sentence's words resolve to ("the area between … and …"), not a name
            place = by_id.get(f.object) or Node(actor.start, actor.end, f.object, proposer.types[f.object], f.object)
            if proposer.allowed(force, f.property, place):
                out.append(Proposed(force.id, f.property, place.id, f"{actor.words!r} … by using {force.words!r}"))
            if _DEPLOYED_THERE.match(text[force.end:]) and proposer.allowed(force, "deployedIn", place):
                out.append(Proposed(force.id, "deployedIn", place.id, f"{force.words!r} deployed in the region it secures"))
    return out
