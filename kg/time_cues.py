"""Times a sentence gives by what the text said before it (kg.suggest keeps the account, sentence by sentence):

- "the same day": the day the text gave last; what someone "said" that day is their statement (an Announcement);
- "the same month", "that month": the month of the date the text gave last;
- "after the occupation of the region", "After ISIS was expelled": what the sentence says happened then is not before
  the date the text gave the last event of that kind (`dateNotBefore`);
- "it did not open as planned": the event of that kind the text dated last, at that date (the plan's).
"""

from __future__ import annotations

import re

from .dates import DateMention
from .namespaces import LB
from .propose import Node, Proposed, Proposer
from .relation_cues import TRIGGERS
from .report_cues import action_verbs

_TRIGGERS = [(re.compile(rf"\b(?:{p})\b", re.I), cls) for p, cls in TRIGGERS]
_SAYING = re.compile(r"said|says|stated|announced|declared|told|warned|claimed", re.I)  # what one says is a statement
_SAME_DAY = re.compile(r"\b(?:on\s+)?the same day\b", re.I)
_SAME_MONTH = re.compile(r"\b(?:(?:in|during|over)\s+)?(?:the|that)\s+same\s+month\b|\b(?:in|during|over)\s+that\s+month\b", re.I)
_AFTER = re.compile(r"\b(?:(?:immediately|shortly|soon|right|even)\s+)?after\b", re.I)
_AS_PLANNED = re.compile(r"\bas (?:planned|scheduled|expected|announced)\b", re.I)
REACH = 40  # the word of an event's kind stands this close after "after"


class Timeline:
    """The dates the text has given so far: its last day, and the event of each kind it dated last."""

    def __init__(self):
        self.day: DateMention | None = None
        self.month: DateMention | None = None  # the last date of a month or a day
        self.kinds: dict[str, tuple[str, str]] = {}  # class local name -> (event id, date)

    def same_day(self, text: str) -> list[DateMention]:
        """"the same day" as a date: the day of the event of the kind the words before it name ("The opening comes the
        same day that …": the opening's), else the day the text gave last."""
        out = []
        for m in _SAME_DAY.finditer(text):
            kind = _kind(text, max(0, m.start() - REACH), m.start())
            value = self.kinds[kind[1]][1] if kind is not None and kind[1] in self.kinds else None
            if value is not None and len(value) == 10:
                out.append(DateMention(m.start(), m.end(), m.group(0), value))
            elif self.day is not None:
                out.append(DateMention(m.start(), m.end(), m.group(0), self.day.value, self.day.year_inferred))
        return out

    def same_month(self, text: str) -> list[DateMention]:
        """"the same month", "during that month" as a date: the month of the date the text gave last."""
        if self.month is None:
            return []
        return [DateMention(m.start(), m.end(), m.group(0), self.month.value[:7], self.month.year_inferred)
                for m in _SAME_MONTH.finditer(text)]

    def that_day(self, proposer: Proposer, text: str, nodes: list[Node], document: str) -> list[Proposed]:
        """What the clause after "the same day that" says happened: a new event of no kind yet, on that day; a
        statement (an Announcement) where its verb is one of saying, by the actor right before the verb."""
        out = []
        for day in self.same_day(text):
            clause = re.match(r"\s+(?:that|as|when|on which)\b", text[day.end:])
            verbs = [v for v in action_verbs(text) if clause and v.start() > day.end] if clause else []
            if not verbs:
                continue
            verb = verbs[0]
            cls = "Announcement" if _SAYING.fullmatch(verb.group(0)) else "Event"
            places = proposer.places(text, nodes, verb.end(), cls)
            event = proposer.new_event(cls, day.value, places, verb.group(0), document)
            out.append(Proposed(event, "date", day.value, f"a new {cls}: the verb {verb.group(0)!r} after "
                                f"{(day.words + clause.group(0))!r}, the day {day.value}"))
            speaker = [n for n in nodes if day.end <= n.start and n.end <= verb.start() and n.kind in ("linked", "new")
                       and proposer.ontology.is_subclass(n.type, LB + "Actor") and re.fullmatch(r"\s*,?\s*", text[n.end:verb.start()])]
            if cls == "Announcement" and speaker:
                out.append(Proposed(event, "agent", speaker[-1].id, f"{speaker[-1].words!r} {verb.group(0)!r}"))
        return out

    def add(self, dates: list[DateMention], facts: list[Proposed], types: dict[str, str]) -> None:
        """What a sentence dated: its last day, the event of each kind it gave a date."""
        days = [d for d in dates if len(d.value) == 10]
        if days:
            self.day = days[-1]
        months = [d for d in dates if len(d.value) >= 7 and not d.value.startswith("--")]
        if months:
            self.month = months[-1]
        for f in facts:
            if f.property == "date" and f.subject in types:
                self.kinds[types[f.subject].rsplit("#", 1)[-1]] = (f.subject, f.object)

    def refer(self, proposer: Proposer, text: str, nodes: list[Node], document: str, dates: list[DateMention] = ()
              ) -> list[Proposed]:
        """The dates a sentence gives by what the text dated before: "the same day that", "after the capture", "as
        planned"; or by the date it gives the event it names after "after" ("after Monday's strike")."""
        out = self.that_day(proposer, text, nodes, document)
        for m in _AFTER.finditer(text):
            kind = _kind(text, m.end(), m.end() + REACH)
            if kind is None or kind[1] not in self.kinds:
                continue
            word, cls = kind
            event, value = self.kinds[cls]
            own = [d for d in dates if m.end() <= d.start and d.end <= text.find(word, m.end())]
            value = own[0].value if own else value
            opens = not text[:m.start()].strip(" -►*\"“")
            clause_end = text.find(",", m.end()) if opens and "," in text[m.end():] else len(text)
            verbs = [v for v in action_verbs(text) if not m.start() <= v.start() < clause_end]
            if not verbs:
                continue
            verb = min(verbs, key=lambda v: abs(v.start() - m.start()))
            places = proposer.places(text, nodes, verb.end(), "Event")
            new = proposer.new_event("Event", value, places, verb.group(0), document)
            out.append(Proposed(new, "dateNotBefore", value, f"a new Event: the verb {verb.group(0)!r} {m.group(0)!r} "
                                f"{word!r}, the {cls} {event} the text dated {value}"))
        for m in _AS_PLANNED.finditer(text):
            kind = _kind(text, max(0, m.start() - REACH), m.start())
            if kind is not None and kind[1] in self.kinds:
                event, value = self.kinds[kind[1]]
                out.append(Proposed(event, "date", value, f"{kind[0]!r} {m.group(0)!r}: the {kind[1]} {event} the text "
                                    f"dated {value}"))
        return out


def _kind(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The first word of an event's kind in text[start:end], and its class."""
    found = [(w.start(), w.group(0), cls) for pattern, cls in _TRIGGERS for w in pattern.finditer(text, start, end)]
    if not found:
        return None
    _, word, cls = min(found)
    return word, cls

