"""Where an armed group keeps its men, as news writes it with the group as the subject of a verb of keeping: "the
Fatemiyoun rotate about 400 fighters between Albu Kamal and Deir Ezzor", "Kataib Hezbollah keeps several hundred men in
al-Qaim", "the IRGC maintains troops at the airport": the group is deployed in each place named after the preposition.
A verb of sending ("sent fighters to Syria") gives a movement, not a presence, and is kg.relation_cues'.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_FORCES = ("ArmedGroup", "MilitaryUnit", "StateForce")
# Between the group and its verb: adverbs only ("reportedly", "also", "still").
_SUBJECT_GAP = re.compile(r",?\s+(?:(?:\w+ly|also|still|now|which|who)\s+)*")
_QUANTITY = r"(?:(?:about|around|some|roughly|nearly|almost|up\s+to|at\s+least|more\s+than|an\s+estimated|several|a\s+few|dozens\s+of" \
            r"|hundreds\s+of|thousands\s+of|hundred|thousand|[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|its|their)\s+){0,4}"
_KEEPS = re.compile(r"(?:rotates?|rotated|rotating|stations?|stationed|keeps?|kept|maintains?|maintained|bases?|based|ha[sd]|have)\s+"
                    + _QUANTITY + r"(?:fighters|troops|men|militiamen|soldiers|members|units|forces)\s+"
                    r"(?:(?:in|at|inside)|(between))\s+(?:the\s+)?", re.I)
_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def stationed_forces(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[group, deployedIn, place] for "<group> rotates/keeps/has N fighters in <place>" (or "between <A> and <B>")."""
    is_a = proposer.ontology.is_subclass
    named = [n for n in nodes if n.kind in ("linked", "new", "reference")]
    out = []
    for i, group in enumerate(named):
        if not any(is_a(group.type, LB + c) for c in _FORCES):
            continue
        gap = _SUBJECT_GAP.match(text, group.end)
        verb = _KEEPS.match(text, gap.end()) if gap else None
        if verb is None:
            continue
        place = next((n for n in named[i + 1:] if n.start == verb.end()), None)
        places = [place] if place else []
        if place is not None and verb.group(1):
            other = next((n for n in named if _AND.fullmatch(text, place.end, n.start)), None)
            places = [place, other] if other else []  # "between A" alone names no place the men are in
        for p in places:
            if is_a(p.type, LB + "Place") and proposer.allowed(group, "deployedIn", p):
                out.append(Proposed(group.id, "deployedIn", p.id, f"{text[group.start:verb.end()]!r}{p.words!r}"))
    return out
