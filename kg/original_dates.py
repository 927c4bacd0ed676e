"""The day of the original a translation gives in its header: what the words of the original count from.

A monitoring service's translation is dated when it was published, but the statement, sermon, article or broadcast it
translates was made earlier, and its "last Tuesday", "yesterday" and "this week" count from that day ("Broadcast:
Tuesday 12 September 2023, 21:00", "published on Saturday 22 August 2020 under the headline below", "the Friday sermon
delivered on 2 October"). Where the header of a text that calls itself a translation names one such day before the
document's own, the text after that sentence counts from it. A header that names two days ("posted on Saturday and
Sunday") gives none: each post counts from its own.
"""

from __future__ import annotations

import re

from .dates import dates as find_dates

HEADER = 1500  # a translation's header: its title, date, service, translator and the note on the original
_TRANSLATION = re.compile(r"\btranslat(?:ion|ed|or)\b", re.I)
# the verb or label that says when the original was made public
_MADE = re.compile(r"\b(?:[Bb]roadcast|[Aa]ired|[Pp]ublished|[Pp]osted|[Dd]elivered|[Ii]ssued|[Rr]eleased)\b(?:\s*:)?")
_SENTENCE = re.compile(r"[^\n.]+(?:\.(?!\d)|\n|$)")


def original_day(text: str, doc_date: str | None) -> tuple[int, str] | None:
    """Where the text of the original starts counting from its own day (the end of the header sentence that dates it),
    and that day; None where the text is no translation or its header dates no single earlier day."""
    if doc_date is None or not _TRANSLATION.search(text[:HEADER]):
        return None
    for sentence in _SENTENCE.finditer(text, 0, HEADER):
        made = _MADE.search(sentence.group(0))
        if made is None:
            continue
        # a weekday and its date are one day ("Tuesday 12 September 2023")
        days = {d.value for d in find_dates(sentence.group(0)[made.end():], doc_date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value)}
        if len(days) == 1 and min(days) < doc_date:
            return sentence.end(), min(days)
        if days:
            return None
    return None
