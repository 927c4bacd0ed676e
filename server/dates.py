"""Dates and times as the graph gives them, in the words a reader uses: the timeline's axis and the
pages' "when" of a claim share these."""

from __future__ import annotations

import calendar
import datetime
import re

from kg.namespaces import XSD


def date_span(lexical: str, datatype: str) -> tuple[str, datetime.date, datetime.date] | None:
    """(precision, first day, last day) of a date as the graph gives it; None for a date the axis
    cannot place (a day and month without a year, or a value it cannot read)."""
    kind = datatype.rsplit("#", 1)[-1] if datatype.startswith(XSD) else None
    try:
        if kind in ("date", "dateTime", "dateTimeStamp"):
            day = datetime.date.fromisoformat(lexical[:10])
            return "day", day, day
        if kind == "gYearMonth":
            m = re.match(r"^(\d{4})-(\d{2})", lexical)
            if not m:
                return None
            year, month = int(m.group(1)), int(m.group(2))
            return "month", datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
        if kind == "gYear":
            m = re.match(r"^(\d{4})", lexical)
            if not m:
                return None
            year = int(m.group(1))
            return "year", datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except ValueError:
        return None
    return None


def date_words(lexical: str, datatype: str) -> str:
    """A date as a reader says it: 17 March 2019, March 2019, 2019, 28 January."""
    span = date_span(lexical, datatype)
    if span is not None:
        precision, start, _ = span
        if precision == "day":
            return f"{start.day} {calendar.month_name[start.month]} {start.year}"
        if precision == "month":
            return f"{calendar.month_name[start.month]} {start.year}"
        return str(start.year)
    m = re.match(r"^--(\d{2})-(\d{2})", lexical)
    if datatype == XSD + "gMonthDay" and m and 1 <= int(m.group(1)) <= 12:
        return f"{int(m.group(2))} {calendar.month_name[int(m.group(1))]}"
    return lexical


def month_day_words(lexical: str, not_before: tuple[str, str] | None) -> str:
    """A day without a year and the earliest date it can be: "28 January, not before 2023"."""
    words = date_words(lexical, XSD + "gMonthDay")
    if not_before is None:
        return words + ", year not stated"
    span = date_span(*not_before)
    return f"{words}, not before {span[1].year if span else not_before[0]}"


def literal_words(term) -> str:
    """A date literal (pyoxigraph) in words; any other term as it is."""
    datatype = getattr(term, "datatype", None)
    return date_words(term.value, datatype.value) if datatype is not None else term.value


def time_words(holds_at=None, holds_from=None, holds_until=None, as_of=None, as_of_not_before=None,
               time_text: str | None = None) -> str | None:
    """When a claim says its facts held, from its time qualifiers (date literals): "on 30 September
    2019", "in April 2018", "from … until …", "as of 22 March 2019", "as of, not before March 2023", with the
    source's own words for the time after it; None when the claim gives no time."""
    if holds_at is not None:
        span = date_span(holds_at.value, holds_at.datatype.value) if getattr(holds_at, "datatype", None) else None
        words = f"{'on' if span and span[0] == 'day' else 'in'} {literal_words(holds_at)}"
    elif holds_from is not None and holds_until is not None:
        words = f"from {literal_words(holds_from)} until {literal_words(holds_until)}"
    elif holds_from is not None:
        words = f"from {literal_words(holds_from)}"
    elif holds_until is not None:
        words = f"until {literal_words(holds_until)}"
    elif as_of is not None:
        words = f"as of {literal_words(as_of)}"
    elif as_of_not_before is not None:
        words = f"as of, not before {literal_words(as_of_not_before)}"
    else:
        words = None
    if time_text:
        return f"{words} (“{time_text}”)" if words else f"“{time_text}”"
    return words
