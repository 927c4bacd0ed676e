"""The dates that bound a span rather than date a happening: the two ends of "between January and June", "from 2018 to
2020", "in 2018 and 2019", and a part of a year ("in the second quarter", "the first half of 2022"). A verb near such a
date tells of something that went on through the span ("trucks crossed between January and June"), not of an event of
either end's day: kg.event_proposals dates no new event of no kind by it, and the event of a kind's word such a span
dates is one event, of neither end's date but within both ("12 shipments between January and March": dateNotBefore
January, dateNotAfter March)."""

from __future__ import annotations

import re
from dataclasses import replace

from .dates import DateMention
from .proposals import Proposed

# The words between a span's two ends: "between X and Y", "from X to Y", "in X and Y", "X through Y".
_SPAN_OPEN = re.compile(r"\b(?:between|from|in|during)\s+(?:the\s+)?$", re.I)
_SPAN_JOIN = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s*(?:the\s+)?", re.I)


def spans(text: str, dates: list[DateMention]) -> dict[int, DateMention]:
    """The spans of two dates: the start of the first end, and the last end; a part of a year ("the second quarter")
    is a span by itself, whose last end is its last month (placed after its words, where no date starts)."""
    out = {first.start: second for first, second in zip(dates, dates[1:], strict=False)
           if _SPAN_JOIN.fullmatch(text[first.end:second.start]) and _SPAN_OPEN.search(text[max(0, first.start - 20):first.start])}
    out.update({d.start: DateMention(d.end, d.end, d.words, d.span[1], d.year_inferred) for d in dates if d.span})
    return out


def span_ends(text: str, dates: list[DateMention]) -> set[int]:
    """The starts of the dates that are one end of a span of two."""
    return {start for first, second in spans(text, dates).items() for start in (first, second.start)}


def within_span(facts: list[Proposed], first: DateMention, last: DateMention) -> list[Proposed]:
    """An event's facts with its date, the span's first end, made the earliest it began (a part of a year's first
    month), and the last end its latest."""
    out = []
    for f in facts:
        if f.property == "date" and f.object == first.value:
            start = first.span[0] if first.span else first.value  # the reason keeps the rule that dated it
            out.append(replace(f, property="dateNotBefore", object=start, reason=f"{f.reason}; the start of a span"))
            out.append(replace(f, property="dateNotAfter", object=last.value, reason=f"{f.reason}; {last.words!r} ends the span"))
        else:
            out.append(f)
    return out
