"""Relations between the events one sentence tells of and what they are about: what a report reports, what a
measure is meant to curb, what a meeting the text told of before discussed.

A sentence that says a source reported, announced or said that something happens ("Syrian media reported that the
crossing would reopen in April 2018 (Syrian TV, March 20, 2018)") tells of two events: the report (an Announcement)
and what it reports. Where the sentence's facts have exactly one report and exactly one other event, and that event's
word stands in the clause after the reporting verb, the report concerns that event, as a curator writes it.
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Node, Proposed, Proposer

# A reporting verb and the start of what it reports: "reported that", "announced that in the coming days".
_REPORTED = re.compile(r"\b(?:report(?:s|ed)?|announc(?:es|ed)|sa(?:id|ys)|stat(?:es|ed)|claim(?:s|ed)|declar(?:es|ed)|"
                       r"confirm(?:s|ed)|revealed)\s+(?:\W*\s*)?that\b", re.I)

# "efforts to curb the illicit activities of": what stands before the actor a measure is meant to curb.
_CURBING = re.compile(r"\b(?:efforts?|bid|campaign|drive|push|attempts?)\s+to\s+(?:curb|counter|combat|fight|stop|prevent|disrupt|"
                      r"confront|contain|limit)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:the\s+)?$", re.I)

# "… was one of the issues discussed at the meeting in": what a meeting the text told of before was about.
_DISCUSSED_AT = re.compile(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:one of|among)\s+the\s+(?:issues|topics|subjects|matters|questions)\s+"
                           r"(?:discussed|raised|addressed|debated)\s+(?:at|during|in)\s+the\s+(?:meeting|talks|summit|conference)\s+"
                           r"(?:in|at)\s+$", re.I)
_AGAIN = re.compile(r"\b(?:again|once more)\b", re.I)


def report_concerns(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    """[report, concerns, event] for the one report and the one other event a sentence's facts have, when the sentence
    says the report's source reported that something happens."""
    said = _REPORTED.search(text)
    if said is None:
        return []
    ontology = proposer.ontology
    events = dict.fromkeys(f.subject for f in facts if ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Event"))
    reports = [e for e in events if ontology.is_subclass(proposer.types[e], LB + "Announcement")]
    others = [e for e in events if e not in reports]
    if len(reports) != 1 or len(others) != 1 or any(f.property == "concerns" and f.subject == reports[0] for f in facts):
        return []
    return [Proposed(reports[0], "concerns", others[0], f"{said.group(0)!r}: what the report says happens")]


def measures_against(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[event, counters, actor] for the one event a sentence dates, taken in efforts to curb the actor named after
    "efforts to curb …"."""
    ontology = proposer.ontology
    dated = list(dict.fromkeys(f.subject for f in facts if f.property == "date"
                               and ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Event")))
    if len(dated) != 1:
        return []
    curbed = [n for n in nodes if n.kind in ("linked", "reference") and ontology.is_subclass(n.type, LB + "Actor")
              and _CURBING.search(text[max(0, n.start - 90):n.start])]
    return [Proposed(dated[0], "counters", n.id, f"taken in efforts to curb {n.words!r}") for n in curbed[:1]]


def repeated(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    """[second, precededBy, first] for the two events of one kind a sentence dates, when it tells the second as a
    repetition of the first ("again", "once more")."""
    again = _AGAIN.search(text)
    if again is None:
        return []
    dated = list(dict.fromkeys(f.subject for f in facts if f.property == "date"
                               and proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Event")))
    if len(dated) != 2 or proposer.types[dated[0]] != proposer.types[dated[1]]:
        return []
    first, second = dated
    return [Proposed(second, "precededBy", first, f"{again.group(0)!r}: the second of two events of its kind the sentence dates")]


def discussed_at(proposer: Proposer, text: str, nodes: list[Node], facts: list[Proposed]) -> list[Proposed]:
    """[meeting, concerns, event] for the one event (not a report) the sentence's facts have, where the sentence says it
    was one of the issues discussed at "the meeting in <place>": the one meeting the text or the register held there."""
    ontology = proposer.ontology
    events = list(dict.fromkeys(f.subject for f in facts if ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Event")
                                and not ontology.is_subclass(proposer.types[f.subject], LB + "Announcement")))
    place = next((n for n in nodes if _DISCUSSED_AT.search(text[max(0, n.start - 120):n.start])), None)
    if len(events) != 1 or place is None:
        return []
    meetings = [e for e, where in proposer.events.places.items() if place.id in where and e in proposer.types
                and ontology.is_subclass(proposer.types[e], LB + "Meeting")]
    if len(meetings) != 1 or meetings[0] == events[0]:
        return []
    return [Proposed(meetings[0], "concerns", events[0], f"one of the issues discussed at the meeting in {place.words!r}")]
