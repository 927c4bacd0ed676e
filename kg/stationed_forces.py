"""Where an armed group keeps its men, as news writes it with the group as the subject of a verb of keeping: "the
Fatemiyoun rotate about 400 fighters between Albu Kamal and Deir Ezzor", "Kataib Hezbollah keeps several hundred men in
al-Qaim", "the IRGC maintains troops at the airport", "the militias have held positions around the town", "the group is
likely to keep its positions in the area", "the brigade occupies the base", "Albu Kamal, where the militias hold
positions": the group is deployed in each place named after the preposition (after "occupies", a base or post only) or
before the "where". A verb of sending ("sent fighters to Syria") gives a
movement, not a presence, and is kg.relation_cues'; a verb of taking ("seized positions in") an event's.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_FORCES = ("ArmedGroup", "MilitaryUnit", "StateForce", "PersonGroup")  # armed bodies, and groups of men (advisers, officers)
# Between the group and its verb: its men ("Badr fighters", "the group's troops"), then adverbs only ("reportedly", "also").
_SUBJECT_GAP = re.compile(r"(?:['’]s)?(?:\s+(?:fighters|troops|militiamen|units))?,?\s+(?:(?:\w+ly|also|still|now|alone|which|who)\s+)*")
_QUANTITY = r"(?:(?:about|around|some|roughly|nearly|almost|up\s+to|at\s+least|more\s+than|an\s+estimated|several|a\s+few|dozens\s+of" \
            r"|hundreds\s+of|thousands\s+of|hundred|thousand|between|and|[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|its|their)\s+){0,4}"
# An auxiliary or a verb of likelihood before the verb of keeping: "have held", "is likely to keep", "continue to hold".
_AUXILIARY = (r"(?:(?:has|have|had|will|would|may|might|could|to|(?:is|are)\s+likely\s+to|continues?\s+to|continued\s+to)\s+"
              r"(?:(?:\w+ly|long|also|still)\s+)?)*")
# Men or the posts they man ("positions", "outposts"), kept in, at or around a place ("around" a town: in and about it).
_KEEPS = re.compile(_AUXILIARY + r"(?:rotates?|rotated|rotating|stations?|stationed|keeps?|kept|keeping|maintains?|maintained"
                    r"|bases?|based|ha[sd]|have|holds?|held|holding)\s+"
                    + _QUANTITY + r"(?:fighters|troops|men|militiamen|soldiers|members|units|forces|positions|outposts)\s+"
                    r"(?:(?:in|at|inside|around|on)|(between))\s+(?:the\s+)?", re.I)
# Men or posts kept where a "where" clause before the group says, with no place after them.
_KEEPS_THERE = re.compile(_KEEPS.pattern.rsplit(r"\s+(?:(?:in|at", 1)[0]
                          + r"\b(?!\s+(?:in|at|inside|around|on|between|to|into|from|near)\b)", re.I)
_WHERE = re.compile(r",?\s+where\s+(?:the\s+)?")
_OCCUPIES = re.compile(_AUXILIARY + r"(?:occup(?:y|ies|ied|ying))\s+(?:the\s+)?", re.I)
_AND = re.compile(r"\s+and\s+(?:the\s+)?")
_LIST = re.compile(r",?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?")


def stationed_forces(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[group, deployedIn, place] for "<group> rotates/keeps/has N fighters in <place>" (or "between <A> and <B>"), for
    each group of a coordinated subject ("Kataib Hezbollah and Nujaba keep forces on both sides of the border": each
    place a description stands for)."""
    is_a = proposer.ontology.is_subclass
    named = [n for n in nodes if n.kind in ("linked", "new", "reference")]
    out = []
    for i, group in enumerate(named):
        if not _is_force(proposer, group):
            continue
        groups = [group]
        for before in reversed(named[:i]):  # "A and B keep …", "A, B and C keep …"
            if not (_is_force(proposer, before) and _LIST.fullmatch(text, before.end, groups[-1].start)):
                break
            groups.append(before)
        gap = _SUBJECT_GAP.match(text, group.end)
        verb = next((m for r in (_KEEPS, _OCCUPIES, _KEEPS_THERE) if gap and (m := r.match(text, gap.end()))), None)
        if verb is None:
            continue
        # the place's name right after the preposition, or a description that begins with its "the" ("the area")
        places = [n for n in named[i + 1:] if n.start == verb.end() or n.start < verb.end() < n.end
                  and text[n.start:verb.end()].lower().strip() == "the"]
        if verb.re is _OCCUPIES:  # a base or post occupied is manned; a town occupied is taken (an event's, not a presence)
            places = [n for n in places if is_a(n.type, LB + "Installation")]
        if verb.re is _KEEPS_THERE:  # "Albu Kamal, where the militias keep positions"
            places = [n for n in named[:i] if n not in groups and _WHERE.fullmatch(text, n.end, groups[-1].start)]
        if places and verb.re is _KEEPS and verb.group(1):
            other = next((n for n in named if _AND.fullmatch(text, places[0].end, n.start)), None)
            places = [places[0], other] if other else []  # "between A" alone names no place the men are in
        for g in groups:
            for p in places:
                if is_a(p.type, LB + "Place") and proposer.allowed(g, "deployedIn", p):
                    out.append(Proposed(g.id, "deployedIn", p.id, f"{text[g.start:verb.end()]!r}{p.words!r}"))
    return out


def _is_force(proposer: Proposer, node: Node) -> bool:
    return any(proposer.ontology.is_subclass(node.type, LB + c) for c in _FORCES)
