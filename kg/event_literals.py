"""The words of a sentence that its events keep verbatim (the ontology's text properties of an Event):

- `topic`: what an announcement said, the clause after "reported that", "announced that" ("reported that the crossing
  would reopen in April 2018 (Syrian TV, …)": "the crossing would reopen in April 2018"), for the one announcement the
  sentence dates; what a declaration made a thing ("declaring the land part of a security zone": "part of a security
  zone"); the documents an event counts with what the clause says of them ("consider two bills that could jeopardize
  the status of American troops in Iraq": the bills and their clause);
- `dateText`: the time as the source words it where no calendar date says as much: the span of a deadline ("within
  approximately two months", "in less than a month") for the event it bounds (its `dateNotAfter`); a season or part of
  a month ("the summer and fall of 2019", "mid and late September") for the event dated by its year or month alone, unless
  other documents date that event (one of the register's) more precisely: then a calendar date fits it;
- `grounds`: why a sanction was imposed, the words after "who were involved in", "accused of", "responsible for", for
  the one sanction the sentence gives, or else the one the sentence before gave ("The five also were accused of …").
"""

from __future__ import annotations

import re

from .namespaces import LB
from .propose import Proposed, Proposer

_MARK = r"[*_“”\"]*"
# A reporting verb and "that", then the clause reported, up to a citation in brackets or the sentence's end.
_REPORTED = re.compile(rf"\b(?:reported|announced|stated|declared|said)\s+{_MARK}that\s+{_MARK}"
                       rf"(?P<topic>[^()]+?)\s*(?:{_MARK}\s*\(|[.;]?{_MARK}\s*$)", re.I)
# "declaring the land part of a security zone", "declared the area a closed military zone"
_DECLARED = re.compile(r"\bdeclar(?:ed|ing|es)\s+(?:the|its|their|this|that)\s+(?:\w+\s+){0,2}?(?:as\s+)?"
                       r"(?P<topic>(?:a|an|part of|one of)\s[^,.;:()–—]+?)\s*(?:[,.;:()–—]|$)", re.I)
_DOCUMENTS = {"bill", "law", "resolution", "decree", "motion", "proposal", "draft"}
_ABOUT = re.compile(r"^\s+(?:that|which)\s[^,.;:()–—]+?(?=\s*(?:[,.;:()–—]|$))")
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|\d+)"
_DEADLINE = re.compile(rf"\b(?:within|in less than|in under)\s+(?:approximately\s+|about\s+|around\s+|some\s+)?{_NUMBER}\s+"
                       r"(?:days?|weeks?|months?|years?)\b", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
           "december")
_PART = r"(?:summer|spring|fall|autumn|winter|early|mid|late)"
_SEASON = re.compile(rf"\b(?P<words>{_PART}(?:(?:,\s*|\s+and\s+){_PART})*(?:\s+of)?\s+"
                     rf"(?:(?P<month>{'|'.join(_MONTHS)})(?:\s+(?P<myear>\d{{4}}))?|(?P<year>\d{{4}})))\b", re.I)
_GROUNDS = re.compile(r"\b(?:who (?:were|was|are|is|had been|have been) )?(?:(?P<involved>involved in)|accused of|responsible for|"
                      r"sanctioned for|designated for)\s+(?P<words>[^;:()]+?)\s*(?:[.;:(]|$)", re.I)
_EVENT_FACTS = ("date", "dateNotAfter", "agent")


def event_literals(proposer: Proposer, text: str, facts: list[Proposed], previous: list[Proposed] = ()) -> list[Proposed]:
    """[announcement, topic, words], [event, dateText, words] and [sanction, grounds, words] for the events a sentence's
    facts give (previous: the facts of the sentence before)."""
    return _topics(proposer, text, facts) + _declared(proposer, text, facts) + _documents(text, facts) \
        + _deadline_texts(proposer, text, facts) + _season_texts(proposer, text, facts) + _grounds(proposer, text, facts, previous)


def _topics(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    announcements = [e for e in dict.fromkeys(f.subject for f in facts if f.property in _EVENT_FACTS)
                     if proposer.ontology.is_subclass(proposer.types.get(e, ""), LB + "Announcement")]
    m = _REPORTED.search(text)
    if len(announcements) != 1 or m is None:
        return []
    topic = m.group("topic").strip()
    return [Proposed(announcements[0], "topic", topic, f"what was reported: the clause after {m.group(0).split()[0]!r} that")]


def _declared(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    m = _DECLARED.search(text)
    announcements = [e for e in dict.fromkeys(f.subject for f in facts)
                     if proposer.ontology.is_subclass(proposer.types.get(e, ""), LB + "Announcement")]
    if m is None or len(announcements) != 1:
        return []
    return [Proposed(announcements[0], "topic", m.group("topic"), f"what was declared: {m.group(0).strip()!r}")]


def _documents(text: str, facts: list[Proposed]) -> list[Proposed]:
    out = []
    for f in facts:
        counted = f.object if f.property == "quantity" and isinstance(f.object, dict) else {}
        verbatim = counted.get("verbatim") if counted.get("unit") in _DOCUMENTS else None
        at = text.find(verbatim) if verbatim else -1
        m = _ABOUT.match(text[at + len(verbatim):]) if at >= 0 else None
        if m:
            topic = verbatim + m.group(0)
            out.append(Proposed(f.subject, "topic", topic, f"the {counted['unit']}s counted and what the clause says of them"))
    return out


def _deadline_texts(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    spans = [m.group(0) for m in _DEADLINE.finditer(text)]
    if len(spans) != 1:
        return []
    bounded = [f.subject for f in facts if f.property == "dateNotAfter"
               and not proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Announcement")]
    return [Proposed(e, "dateText", spans[0], f"{spans[0]!r}: the deadline of its latest date") for e in dict.fromkeys(bounded)]


def _season_texts(proposer: Proposer, text: str, facts: list[Proposed]) -> list[Proposed]:
    """The season or part of a month of an event the sentence dates by that year or month only: the words say more."""
    out = []
    for m in _SEASON.finditer(text):
        month = m.group("month")
        for f in facts:
            value = f.object if f.property == "date" and isinstance(f.object, str) else ""
            if any(len(known) > len(value) for known in proposer.events.dates.get(f.subject, ())):
                continue
            if month is None and value == m.group("year") or month is not None and re.fullmatch(
                    rf"{m.group('myear') or '[0-9]{4}'}-{_MONTHS.index(month.lower()) + 1:02d}", value):
                out.append(Proposed(f.subject, "dateText", m.group("words"), f"{m.group('words')!r}: its date as written"))
    return out


def _grounds(proposer: Proposer, text: str, facts: list[Proposed], previous: list[Proposed]) -> list[Proposed]:
    m = _GROUNDS.search(text)
    if m is None:
        return []
    for given in (facts, previous):
        sanctions = list(dict.fromkeys(f.subject for f in given
                                       if proposer.ontology.is_subclass(proposer.types.get(f.subject, ""), LB + "Sanction")))
        if sanctions:
            if len(sanctions) > 1:
                return []
            words = (m.group("involved") + " " if m.group("involved") else "") + m.group("words")
            return [Proposed(sanctions[0], "grounds", words, f"{words!r}: why the sanction was imposed")]
    return []
