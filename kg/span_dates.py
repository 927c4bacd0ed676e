"""The dates that bound a span rather than date a happening: the two ends of "between January and June", "from 2018 to
2020", "in 2018 and 2019". A verb near such a date tells of something that went on through the span ("trucks crossed
between January and June"), not of an event of either end's day: kg.event_proposals dates no new event of no kind by it."""

from __future__ import annotations

import re

from .dates_numbers import DateMention

# The words between a span's two ends: "between X and Y", "from X to Y", "in X and Y", "X through Y".
_SPAN_OPEN = re.compile(r"\b(?:between|from|in|during)\s+(?:the\s+)?$", re.I)
_SPAN_JOIN = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s*(?:the\s+)?", re.I)


def span_ends(text: str, dates: list[DateMention]) -> set[int]:
    """The starts of the dates that are one end of a span of two."""
    out = set()
    for first, second in zip(dates, dates[1:], strict=False):
        if _SPAN_JOIN.fullmatch(text[first.end:second.start]) and _SPAN_OPEN.search(text[max(0, first.start - 20):first.start]):
            out.update((first.start, second.start))
    return out
