"""What "Iran and its proxies" do together: a state named with its proxies ("Iran and its proxies have used back roads")
shares the sentence's states with the register's group its proxies are (the group kg.stance_cues.proxies finds): the
group uses, holds or is present where the state is said to.

Each fact is one the ontology's domain and range allow (Proposer.allowed), with the words that gave it.
"""

from __future__ import annotations

import re

from .propose import Node, Proposed, Proposer

_AND_ITS = re.compile(r"\s+and\s+(?:its|their)\s+(?:proxies|proxy militias|proxy groups)\b")
# The states of a thing the two act on together (not the sponsorship between them, nor an event's roles).
_SHARED = ("usedBy", "controls", "secures", "hasPresenceIn", "deployedIn", "influences", "threatens", "opposes")


def shared_with_proxies(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[thing, p, group] for each [thing, p, state] (and [group, p, thing] for [state, p, thing]) where the sentence names
    the state "and its proxies" and its proxies are the register's group the sponsorship facts name."""
    states = {n.id for n in nodes if n.kind in ("linked", "demonym") and _AND_ITS.match(text, n.end)}
    groups = {f.subject: f.object for f in facts if f.property == "sponsors" and f.subject in states and isinstance(f.object, str)}
    def node(ent_id: str) -> Node:
        return Node(0, 0, ent_id, proposer.types.get(ent_id, ""), ent_id)

    out = []
    for f in facts:
        if f.property not in _SHARED or not isinstance(f.object, str):
            continue
        for state, group in groups.items():
            if f.object == state and proposer.allowed(node(f.subject), f.property, node(group)):
                out.append(Proposed(f.subject, f.property, group, f"{f.reason}; {state} and its proxies"))
            elif f.subject == state and proposer.allowed(node(group), f.property, node(f.object)):
                out.append(Proposed(group, f.property, f.object, f"{f.reason}; {state} and its proxies"))
    return out
