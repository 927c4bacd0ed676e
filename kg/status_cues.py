"""The status a sentence gives the events it dates (the ontology's `status` of an Event): an opening or a construction the
source says took place ("re-opened on Monday", "construction was completed on January 28") is completed; one it says
came after delays or waiting ("after a month of delays") was delayed first. Only where the words before say it took
place: what "will be completed", "would have opened" or "has not been completed" has no status yet."""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Proposed, Proposer

_DONE = re.compile(r"\b(?:re-?opened|opened|completed|finished|inaugurated)\b", re.I)
_DELAYED = re.compile(r"\b(?:delays?|delayed|postponed|postponement|waiting)\b", re.I)
# Words before a verb's past form that make it a plan, a prediction or a denial.
_NOT_YET = re.compile(r"\b(?:will|would|to|could|might|may|should|must|shall|not|never|yet to)\s+(?:(?:be|have|been|being)\s+)*$", re.I)
_KINDS = ("CrossingOpening", "Construction")  # events that are done once they took place
_DATED = ("date", "dateNotAfter")


def event_statuses(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    """[event, status, completed] and [event, status, delayed] for the openings and constructions a sentence dates."""
    done = next((m for m in _DONE.finditer(text) if not _NOT_YET.search(text[max(0, m.start() - 40):m.start()])), None)
    delayed = _DELAYED.search(text)
    out = []
    for event in dict.fromkeys(f.subject for f in facts if f.property in _DATED):
        if not any(proposer.ontology.is_subclass(proposer.types.get(event, ""), LB + k) for k in _KINDS):
            continue
        if done:
            out.append(Proposed(event, "status", "completed", f"{done.group(0)!r}: the source says it took place"))
        if delayed:
            out.append(Proposed(event, "status", "delayed", f"{delayed.group(0)!r}: it came after delays"))
    return out


# "construction at an Iranian “Imam Ali” base was ongoing", "the intensive construction at the new border crossing"
_BUILDING_BEFORE = re.compile(r"\bconstruction\s+(?:work\s+)?(?:at|of|on)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}[“\"]?$", re.I)
_UNDER_WAY = re.compile(r"^[”\"]?\s*(?:\w+\s+)?(?:was|is|were|are|remains|remained)\s+(?:still\s+)?(?:ongoing|under\s?way|"
                        r"continuing|in progress)\b", re.I)
_UNDER_WAY_BEFORE = re.compile(r"\b(?:intensive|ongoing|continuing|continued)\s+construction\s+(?:work\s+)?(?:at|of|on)\s+"
                               r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}[“\"]?$", re.I)


def construction_statuses(proposer: Proposer, text: str, nodes: list) -> list[Proposed]:
    """[installation, status, underConstruction] for a crossing or installation the sentence says construction at is
    ongoing ("construction at … base was ongoing", "the intensive construction at the new border crossing")."""
    out = []
    for n in nodes:
        if n.kind not in ("linked", "new") or not any(proposer.ontology.is_subclass(n.type, LB + c) for c in ("Crossing", "Installation")):
            continue
        before = text[max(0, n.start - 80):n.start]
        if _UNDER_WAY_BEFORE.search(before) or _BUILDING_BEFORE.search(before) and _UNDER_WAY.match(text[n.end:]):
            out.append(Proposed(n.id, "status", "underConstruction", f"construction at {n.words!r} is under way"))
    return out
