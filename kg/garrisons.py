"""Where a state's or a group's garrison is, as news writes it: "the U.S. garrison at al-Tanf", "al-Tanf, where U.S.
forces keep a garrison", "al-Tanf, where a small American garrison blocks the road", "the route is closed by the U.S.
garrison there". A garrison is troops stationed in a place: the force is deployed there (the ontology's deployedIn,
whose presence, hasPresenceIn, it implies).

The force is the register's armed body the words before "garrison" name: the body itself ("the IRGC garrison"), or a
country's troops by the country's name or adjective ("U.S." or "American": the entry the register calls U.S. forces or
American troops); or the subject of a verb of keeping ("U.S. forces keep a garrison"). The place is the one named right
after "at" or "in", the one "there" points back to (the last place named before), or the one a "where" clause follows;
a place's name the register lacks where it has that place's crossing ("al-Tanf", the al-Tanf crossing) is the crossing,
which a garrison there holds.
"""

from __future__ import annotations

import re

from .names import fold
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .register import Entity

_FORCES = ("ArmedGroup", "MilitaryUnit", "StateForce")
_GARRISON = re.compile(r"\bgarrison\b", re.I)
# Between the force's name and "garrison": nothing; or a verb of keeping and its article ("keep a small garrison").
_KEEPS = re.compile(r"\s+(?:(?:\w+ly|also|still|now|has|have|had|will|to)\s+)*(?:keeps?|kept|keeping|maintains?|maintained|maintaining"
                    r"|ha[sd]|have|stations?|stationed)\s+(?:a|an|its|their)\s+(?:(?:small|large|sizeable|permanent|[\w-]+)\s+)?$", re.I)
_AT = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?")
_THERE = re.compile(r"\s+there\b")
_WHERE = re.compile(r",?\s+where\s+(?:(?:a|an|the)\s+)?(?:(?:small|large|sizeable|permanent|[\w-]+)\s+)??$", re.I)
_ADJECTIVE = re.compile(r"\s*(?:(?:small|large|sizeable|permanent)\s+)?$", re.I)


def garrisons(proposer: Proposer, text: str, nodes: list[Node], entities: dict[str, Entity]) -> list[Proposed]:
    """[force, deployedIn, place] for each garrison whose force and place the sentence names."""
    out = []
    for m in _GARRISON.finditer(text):
        before = [n for n in nodes if n.end <= m.start() and n.kind != "unsure"]
        found = _force(proposer, text, before, m.start(), entities)
        if found is None:
            continue
        force, start = found
        place = _place(proposer, text, nodes, m.end(), start)
        if place is not None and place.kind in ("unsure", "new"):  # a new place, or the register's crossing it names
            crossing = _crossing_of(place, entities, proposer)
            place = crossing or (place if place.kind == "new" and _is_place(proposer, place) else None)
        if place is None:
            continue
        why = f"{text[min(start, place.start):max(m.end(), place.end)]!r}: a garrison"
        if proposer.allowed(force, "deployedIn", place) and proposer.plausible(force, "deployedIn", place):
            out.append(Proposed(force.id, "deployedIn", place.id, why))
    return out


def _force(proposer: Proposer, text: str, before: list[Node], at: int, entities: dict[str, Entity]) -> tuple[Node, int] | None:
    """The force whose garrison the word at `at` is, and where its words start; None if the words name none."""
    if not before:
        return None
    last = before[-1]
    if _ADJECTIVE.fullmatch(text, last.end, at):
        if last.kind != "demonym" and _is_force(proposer, last.type):
            return last, last.start
        troops = _troops_of(last.words, entities)
        if troops is not None and troops in proposer.types:
            return Node(last.start, last.end, troops, proposer.types[troops], last.words, "reference"), last.start
        return None
    if _KEEPS.fullmatch(text, last.end, at) and last.kind != "demonym" and _is_force(proposer, last.type):
        return last, last.start
    return None


def _place(proposer: Proposer, text: str, nodes: list[Node], end: int, start: int) -> Node | None:
    """The place of the garrison: named right after "at"/"in", the last place before it for "there", or the place a
    "where" clause that holds the force follows."""
    is_place = [n for n in nodes if n.kind in ("unsure", "new") or n.kind != "demonym" and _is_place(proposer, n)]
    at = _AT.match(text, end)
    if at:
        return next((n for n in is_place if n.start == at.end()), None)
    earlier = [n for n in is_place if n.end <= start]
    if _THERE.match(text, end):
        return earlier[-1] if earlier else None
    if earlier and _WHERE.fullmatch(text, earlier[-1].end, start):
        return earlier[-1]
    return None


def _crossing_of(place: Node, entities: dict[str, Entity], proposer: Proposer) -> Node | None:
    """The register's crossing a name it lacks stands for ("al-Tanf": the al-Tanf crossing), if exactly one."""
    wanted = {fold(f"{place.words} {noun}") for noun in ("crossing", "border crossing")}
    found = [e.id for e in entities.values() if e.id in proposer.types and any(fold(n) in wanted for n in [e.label, *e.aliases])
             and proposer.ontology.is_subclass(proposer.types[e.id], LB + "Crossing")]
    if len(found) != 1:
        return None
    return Node(place.start, place.end, found[0], proposer.types[found[0]], place.words, "reference")


def _is_place(proposer: Proposer, node: Node) -> bool:
    return proposer.ontology.is_subclass(node.type, LB + "Place")


def _is_force(proposer: Proposer, cls: str) -> bool:
    return any(proposer.ontology.is_subclass(cls, LB + c) for c in _FORCES)


def _troops_of(words: str, entities: dict[str, Entity]) -> str | None:
    """The register's entry for a country's troops by the words that name the country ("U.S." -> U.S. forces)."""
    wanted = {fold(f"{words} {noun}") for noun in ("forces", "troops")}
    found = [e.id for e in entities.values() if any(fold(name) in wanted for name in [e.label, *e.aliases])]
    return found[0] if len(found) == 1 else None
