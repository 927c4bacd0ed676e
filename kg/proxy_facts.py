"""What two actors named together do together:

- a state named with its proxies ("Iran and its proxies have used back roads") shares the sentence's states with the
  register's group its proxies are (the group kg.stance_cues.proxies finds): the group uses, holds or is present where
  the state is said to;
- an actor joined by the members of a group ("guarded by the IRGC and militiamen from other Iran-aligned militias")
  shares them with that group: the words name the group's men, not another group.

Each fact is one the ontology's domain and range allow (Proposer.allowed), with the words that gave it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_AND_ITS = re.compile(r"\s+and\s+(?:its|their)\s+(?:proxies|proxy militias|proxy groups)\b")
# The states of a thing the two act on together (not the sponsorship between them, nor an event's roles).
_SHARED = ("usedBy", "controls", "secures", "hasPresenceIn", "deployedIn", "influences", "threatens", "opposes")


# "and militiamen from other", "and fighters of the": the members of the group named next.
_AND_MEMBERS = re.compile(r"^\)?\s*(?:\([^()]{1,20}\)\s*)?,?\s*and\s+(?:\w+\s+)?"
                          r"(?:militiamen|fighters|members|operatives|elements|troops)\s+"
                          r"(?:from|of)\s+(?:(?:other|several|some|various|allied)\s+)?(?:the\s+)?$", re.I)


def shared_with_members(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[group, p, thing] for each [actor, p, thing] (and [thing, p, group] for [thing, p, actor]) where the sentence
    joins the actor "and militiamen from" the group."""
    is_a = proposer.ontology.is_subclass
    actors = [n for n in nodes if n.kind in ("linked", "new", "reference") and is_a(n.type, LB + "Actor")]
    pairs = {a.id: b for a, b in zip(actors, actors[1:], strict=False) if _AND_MEMBERS.match(text[a.end:b.start]) and a.id != b.id}
    out = []
    for f in facts:
        if f.property not in _SHARED or not isinstance(f.object, str):
            continue
        if f.subject in pairs and f.object != pairs[f.subject].id \
                and proposer.allowed(pairs[f.subject], f.property, _node(proposer, f.object)):
            out.append(Proposed(pairs[f.subject].id, f.property, f.object, f"{f.reason}; and the members of {pairs[f.subject].words!r}"))
        elif f.object in pairs and f.subject != pairs[f.object].id \
                and proposer.allowed(_node(proposer, f.subject), f.property, pairs[f.object]):
            out.append(Proposed(f.subject, f.property, pairs[f.object].id, f"{f.reason}; and the members of {pairs[f.object].words!r}"))
    return out


def _node(proposer: Proposer, ent_id: str) -> Node:
    return Node(0, 0, ent_id, proposer.types.get(ent_id, ""), ent_id)


def shared_with_proxies(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[thing, p, group] for each [thing, p, state] (and [group, p, thing] for [state, p, thing]) where the sentence names
    the state "and its proxies" and its proxies are the register's group the sponsorship facts name."""
    states = {n.id for n in nodes if n.kind in ("linked", "demonym") and _AND_ITS.match(text, n.end)}
    groups = {f.subject: f.object for f in facts if f.property == "sponsors" and f.subject in states and isinstance(f.object, str)}
    out = []
    for f in facts:
        if f.property not in _SHARED or not isinstance(f.object, str):
            continue
        for state, group in groups.items():
            if f.object == state and proposer.allowed(_node(proposer, f.subject), f.property, _node(proposer, group)):
                out.append(Proposed(f.subject, f.property, group, f"{f.reason}; {state} and its proxies"))
            elif f.subject == state and proposer.allowed(_node(proposer, group), f.property, _node(proposer, f.object)):
                out.append(Proposed(group, f.property, f.object, f"{f.reason}; {state} and its proxies"))
    return out
