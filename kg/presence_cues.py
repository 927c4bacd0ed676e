"""Where a force is deployed when the sentence puts the place first: "In al-Qaim a force of the militias is deployed,
called the Imam Ali Battalions", "In Albu Kamal, two brigades are stationed". The armed group or unit the clause names
(before the verb, or after it as what the force is called) is deployed in the place the fronted phrase names. And where
a force guards a place ("the crossing is heavily guarded by the IRGC"): it is deployed there. And a state's force
named right before "at" a place ("U.S. forces at the base", "troops stationed at the airport") is deployed there.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# The sentence opens with the place, maybe after a note's mark ("<sup>2</sup> In al-Qaim").
_FRONTED_IN = re.compile(r"^(?:<[^>]+>|[\W\d])*(?:In|At)\s+(?:the\s+)?$")
_DEPLOYED = re.compile(r"\b(?:is|are|was|were|has been|have been|had been|remains?|remained)\s+(?:(?:\w+ly|now|still|also)\s+)?"
                       r"(?:deployed|stationed|based)\b")
_CALLED = re.compile(r"^,?\s*(?:called|named|known as)\s+[*“\"]*(?:the\s+)?$")
_CLAUSE = re.compile(r"[.;:!?()]")
_GUARDED = re.compile(r"\b(?:guarded|guards?|guarding|manned|mans|manning)\b", re.I)


def fronted_deployments(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[force, deployedIn, place] where the sentence opens "In <place>" and says a force named in its clause is deployed."""
    place = next((n for n in nodes if n.kind in ("linked", "new") and _FRONTED_IN.match(text[:n.start])), None)
    if place is None or not proposer.ontology.is_subclass(place.type, LB + "Place"):
        return []
    verb = _DEPLOYED.search(text, place.end)
    if verb is None or _CLAUSE.search(text, place.end, verb.start()):
        return []
    forces = [n for n in nodes if n.kind in ("linked", "new") and any(proposer.ontology.is_subclass(n.type, LB + c)
                                                                      for c in ("ArmedGroup", "MilitaryUnit", "StateForce"))]
    named = [n for n in forces if place.end <= n.start and n.end <= verb.start()]
    named += [n for n in forces if _CALLED.match(text[verb.end():n.start])]
    return [Proposed(n.id, "deployedIn", place.id, f"'In {place.words}' … {verb.group(0)!r} … {n.words!r}")
            for n in named if proposer.allowed(n, "deployedIn", place)]


def guards_deployed(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[force, deployedIn, place] for each force the sentence's facts say secures a place, where its words say it guards
    or mans it (not "secures the release of", nor a state's policy to secure its borders)."""
    if not _GUARDED.search(text):
        return []
    by_id = {n.id: n for n in nodes}
    out = []
    for f in facts:
        if f.property != "secures" or not isinstance(f.object, str):  # a count or a date is no place
            continue
        force, place = by_id.get(f.subject), by_id.get(f.object)
        if force is None or place is None or not any(
                proposer.ontology.is_subclass(force.type, LB + c) for c in ("ArmedGroup", "MilitaryUnit", "StateForce")):
            continue
        if proposer.allowed(force, "deployedIn", place):
            out.append(Proposed(force.id, "deployedIn", place.id, f"{force.words!r} guards {place.words!r}: deployed there"))
    return out


_AT = re.compile(r"\s+(?:at|stationed\s+(?:at|in)|based\s+(?:at|in))\s+(?:the\s+)?")


def forces_at(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[force, deployedIn, place] for a state's force named right before "at <place>" ("U.S. troops at the base")."""
    is_a = proposer.ontology.is_subclass
    out = []
    for force, place in zip(nodes, nodes[1:], strict=False):
        if force.kind in ("linked", "new") and is_a(force.type, LB + "StateForce") and place.kind in ("linked", "new") \
                and is_a(place.type, LB + "Place") and not is_a(place.type, LB + "Country") \
                and _AT.fullmatch(text, force.end, place.start) and proposer.allowed(force, "deployedIn", place):
            out.append(Proposed(force.id, "deployedIn", place.id, f"{text[force.start:place.end]!r}"))
    return out
