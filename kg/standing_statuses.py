"""The state a crossing, road or route stands in, told with a verb of remaining or a perfect after words that set it
apart from its namesakes: "the smaller crossing north of the port remains blocked", "the road further west stays
closed to lorries", "the gate had been shut since the floods". kg.propose's statuses reads the
plain "the crossing, which is closed"; these are the forms news adds: a place or compass phrase between the way and its
verb, and "shut" or "sealed" for closed. A negated verb ("has not closed", "never reopened") gives none.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

_HAS_STATUS = ("Crossing", "Route", "Installation")
# What may stand between the way and its verb: a compass phrase ("further south", "in the north", "south of the new
# terminal") or a short place phrase ("at Rabia"), with no clause punctuation.
_SETTING = (r"(?:,?\s*(?:(?:(?:further|farther|just)\s+|some\s+\w+\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?"
            r"(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2})?|in\s+the\s+(?:north|south|east|west)|"
            r"(?:at|near|outside)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?),?)?")
_VERB = (r"\s+(?:remains|remained|stays|stayed|has\s+been|had\s+been|have\s+been|is|was|were|are)\s+"
         r"(?:(?:still|largely|mostly|now|effectively)\s+)?")
_WORDS = [(r"closed|shut|sealed", "closed"), (r"blocked", "blocked"), (r"(?:re-?)?opened|open", "open")]
_STANDS = re.compile(_SETTING + _VERB + r"(" + "|".join(p for p, _ in _WORDS) + r")\b", re.I)


def standing_statuses(proposer: Proposer, text: str, nodes: list[Node]) -> list[Proposed]:
    """[way, status, closed/blocked/open] for "<crossing> <setting> remains/has been closed|shut|blocked|open"."""
    out = []
    for n in nodes:
        if n.kind in ("demonym", "unsure") or not any(proposer.ontology.is_subclass(n.type, LB + c) for c in _HAS_STATUS):
            continue
        m = _STANDS.match(text, n.end)
        if m is None:
            continue
        word = m.group(1).lower()
        status = next(v for p, v in _WORDS if re.fullmatch(p, word))
        out.append(Proposed(n.id, "status", status, f"{n.words!r}{text[n.end:m.end()]!r}: the state it stands in"))
    return out
