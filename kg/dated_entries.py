"""The dated entries of a diary, a log, a live blog or a channel's posts: a line that is a date alone ("Saturday,
October 5", "Tuesday, October 8", "12 March 2024", "Mon 29 Jan, 22:41 | 41,300 views" with the post's time and
counts) heads the lines under it, up to the next such line; a table's row ("Feb. 20 | Abu Kamal | drone storage site |
…") is an entry of its line alone, and what follows the table is the document's. A weekday alone ("Monday") is the first such day after
the entry before it. A text is read as entries only where it has two such lines or more, or one that a label gives as
the date its text was written ("DATE: October 9, 2019" heading a cable, a memo or a letter that is published later);
the line under a title that gives the document's own date is no entry's.

A page of timed lines ("06:58 | BREAKING: …", three or more) that gives no other date than its own is one entry of the
document's day, as a news ticker or a live page is.

Within an entry, what the words count from ("yesterday", "on Thursday", "last month") is the entry's day, not the
document's, and what a diary's or a log's entry tells without a date of its own happened on its day, as they record
it (not so a cable's or a letter's, which tell of the days before theirs)."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from .dates import WEEKDAYS, DateMention
from .dates import dates as find_dates

_LINE = re.compile(r"[^\n]+")
_WEEKDAY = re.compile(r"^(" + "|".join(d.capitalize() for d in WEEKDAYS) + r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?,?\s*")
# what a post's heading gives after its date: the time and what the channel counts ("Mon 29 Jan, 22:41 | 41,300 views")
_POSTED = re.compile(r"\s*\|[^\n]*$")
_LONGEST = 40  # a heading's length at most
# a line that opens with the time of the day it was posted ("06:58 | BREAKING: …", "07:12 Abu Ziad: …")
_TIMED = re.compile(r"^\d{1,2}:\d{2}\s+(?:[|–—-]\s+|[A-Z])", re.M)
# the label of the date a cable, a memo, a letter or an email was written on
_LABEL = re.compile(r"^(?:date|dated|sent)\s*:\s*", re.I)
# the time of day after a labelled date ("Date: Sunday, November 8, 2020, 21:14", "Sent: 3 May 2021 at 9:40 AM (GMT+3)")
_CLOCK = re.compile(r"[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC)(?:[+-]\d{1,2})?\)?)?$", re.I)


@dataclass(frozen=True)
class Entry:
    """Where an entry's lines start in the text (its heading line first) and its day."""

    start: int
    day: DateMention
    end: int | None = None  # a table's row ends at its line's end; other entries run to the next


class Entries:
    """The dated entries of a text, if it has them."""

    def __init__(self, text: str, doc_date: str | None):
        found: list[Entry] = []
        labelled = False
        previous: datetime.date | None = None
        for line in _LINE.finditer(text):
            words = line.group(0).strip().rstrip(".:")
            label = _LABEL.match(words)
            words = _CLOCK.sub("", words[label.end():]) if label else _CLOCK.sub("", _POSTED.sub("", words))
            if not words or len(words) > _LONGEST:
                continue
            day = _heading_day(words, doc_date, previous)
            if day is None or day.value == doc_date and not found:  # the date under the title: the document's
                continue
            labelled |= label is not None
            # the entry holds its heading line: a log's line gives its day and then what happened that day ("Tue 14 Mar |
            # Albu Kamal | Air strike | Unidentified aircraft struck …")
            row = line.group(0).count("|") >= 2 and label is None  # "Feb. 20 | Abu Kamal, Syria | drone storage site | …"
            found.append(Entry(line.start(), DateMention(0, 0, "", day.value, day.year_inferred), line.end() if row else None))
            previous = datetime.date.fromisoformat(day.value)
        self.entries = found if len(found) >= 2 or labelled else []
        # a diary's or a log's entries record what happened on their day; a cable or a letter tells of days before its own
        self.diary = bool(self.entries) and not labelled
        timed = list(_TIMED.finditer(text)) if not self.entries and doc_date else []
        if len(timed) >= 3:
            # a ticker's or a live page's timed lines under the one date the page gives: each tells of that day
            self.entries, self.diary = [Entry(timed[0].start(), DateMention(0, 0, "", doc_date, True))], True
        self._starts = [e.start for e in self.entries]

    def day_at(self, offset: int) -> DateMention | None:
        """The day of the entry an offset of the text is in, if any."""
        at = bisect.bisect_right(self._starts, offset) - 1
        if at < 0 or self.entries[at].end is not None and offset >= self.entries[at].end:
            return None
        return self.entries[at].day


def _heading_day(words: str, doc_date: str | None, previous: datetime.date | None) -> DateMention | None:
    """The day a heading line names: a day of a month (a weekday before it or not), or a weekday alone after an
    entry's day."""
    weekday = _WEEKDAY.match(words)
    rest = words[weekday.end():] if weekday else words
    if not rest:
        if previous is None:
            return None
        ahead = (_weekday_number(weekday.group(1)) - previous.weekday()) % 7 or 7
        return DateMention(0, 0, words, (previous + datetime.timedelta(days=ahead)).isoformat(), True)
    found = find_dates(rest, doc_date)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(rest) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}",
                                                                                              found[0].value):
        return None
    return found[0]


def _weekday_number(name: str) -> int:
    """Monday 0 to Sunday 6, from a weekday's name or its abbreviation (Tue, Thurs)."""
    return next(i for i, day in enumerate(WEEKDAYS) if day.startswith(name.lower()[:3]))
