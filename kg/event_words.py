"""Where a sentence's event word and a date stand to each other (kg.propose dates the event word nearest a date)."""

from __future__ import annotations

import re

from .dates_numbers import DateMention

# The verb that dates the event its subject names: "the meeting of the generals … was held on March 17".
HELD = re.compile(r"\b(?:was|were|is|are|had been|has been|have been) (?:held|convened)\b|\btook place\b", re.I)


def distance(m: re.Match, date: DateMention, text: str = "") -> int:
    """Characters between an event's word and a date; from the verb of its holding where the word is that verb's subject."""
    if date.start < m.end():
        return m.start() - date.end
    held = list(HELD.finditer(text, m.end(), date.start))
    return date.start - (held[-1].end() if held else m.end())


def citation(text: str, date: DateMention) -> bool:
    """A date in a source citation in brackets: "(Syrian TV, March 20, 2018)", "(iSi, July 19, 2019)"."""
    opening = text.rfind("(", 0, date.start)
    return opening >= 0 and ")" not in text[opening:date.start] and "," in text[opening:date.start]
