"""Dates as news and briefs write them, normalised for statements (numbers: kg.quantities).

Dates come at the precision the text gives (kg.statements.parse_date's forms): "September 30, 2019" and "30 September
2019" are a day, "June 2018" a month, "in 2014" a year. A day or month without a year ("On September 9", "on 9 Sept.",
"in mid and late September") takes the year of the document's date — the latest such day not after it — and is flagged
`year_inferred`; in a document without a date it stays a month-day ("--01-28"). "yesterday" and a weekday ("on
Monday", "last Thursday", "on Tuesday last week"), "last November" and "two weeks ago" count back from the document's
date; "last month", "earlier this year" are the month or year before it or its own. A month or day without a year that
follows a date of the same sentence takes that date's year. A season ("over the summer", "by next spring") is its
year; "later this year" and "the first nine months of the year" are spans of the year's months."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace

from .quantities import NUMBER_WORDS, in_capitals

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")
# a month's name, or its abbreviation as news style writes it with a full stop ("Sept. 22", "Jan. 5")
_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)"
_MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_PART = r"(?:(?:early|mid|late)[\s-]+(?:and\s+(?:early|mid|late)[\s-]+)?)?"  # "in mid and late September", "in mid-August"
_ORDINAL_DAYS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                 "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                 "twentieth")
_ORDINAL_WORDS = "|".join([rf"(?:twenty|thirty)[\s-]{d}" for d in _ORDINAL_DAYS[:9]] + ["thirtieth"] + list(_ORDINAL_DAYS)
                          + [r"\d{1,2}(?:st|nd|rd|th)"])
_DATE_FORMS = [
    # the months of a year from its start ("in the first nine months of the year", "the first six months of 2022"): a span
    ("first-months", re.compile(r"\b(?:the\s+)?first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\s+"
                                r"of\s+(?:(?:the|this)\s+year\b|((?:19|20)\d{2})\b)", re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    # a quarter or a half of a year, of the year it names or the document's ("in the second quarter", "the first half
    # of 2022", "the final quarter of last year", "Q3 2021"); a last or final one only of a year named, since "the last
    # quarter" alone is the one before; "the same quarter of 2022" is the part named before, in that year
    ("part-year", re.compile(r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th|latter|same|corresponding)|(last|final))\s+"
                             r"(quarter|half)\b(?:\s+of\s+(?:((?:19|20)\d{2})\b|(?:the|this)\s+year\b|(last)\s+year\b))?"
                             r"(?!\s+of\b)|\b([QH])([1-4])\s+((?:19|20)\d{2})\b", re.I)),
    # a day as an ordinal word, as speech gives it: "on the eighth of September", "the twenty-first of March, 2019"
    ("ordinal", re.compile(rf"\b(?:the\s+)?({_ORDINAL_WORDS})\s+of\s+({_MONTH})(?:,?\s+(\d{{4}}))?(?:\b|(?<=\.))")),
    # the first or last day of a month: "on the last day of September 2019"
    ("month-day", re.compile(rf"\b(?:the\s+)?([Ff]irst|[Ll]ast)\s+day\s+of\s+({_MONTH})(?:,?\s+(\d{{4}}))?(?:\b|(?<=\.))")),
    # two months of a span with the year after the second, "between May and November 2023", "from March to May 2022":
    # both of that year, the first of the year before where it comes later in the year ("from November to March 2020")
    ("m-span-y", re.compile(rf"\b(?:[Bb]etween|[Ff]rom)\s+({_MONTH})\s+(?:and|to|until|through)\s+({_MONTH}),?\s+(\d{{4}})\b")),
    # a day as sanctions lists and forms write it, day first ("DOB: 14/03/1971", "Listed on: 21/06/2021"): only where
    # one of the two numbers can only be the day, since American forms put the month first
    ("num-dmy", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")),
    # a day with full stops between its numbers, as European lists and captions write it, day first ("Date of listing:
    # 20.11.2023", "reopened 30.09.2019")
    ("num-dot", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")),
    # a day in the year before the document's or its own: "on 8 September last year", "March 3 of this year"
    ("dm-year", re.compile(rf"\b{_DAY}\s+({_MONTH})\s+(?:of\s+)?(last|this)\s+year\b")),
    ("md-year", re.compile(rf"\b({_MONTH})\s+{_DAY},?\s+(?:of\s+)?(last|this)\s+year\b")),
    # two days of one month, a span of both: "on 12 and 13 November", "on 3-4 May 2021"
    ("ddm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|-|–|to)\s*{_DAY}\s+({_MONTH})(?:,?\s+(\d{{4}}))?(?:\b|(?<=\.))")),
    ("mddy", re.compile(rf"\b({_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|-|–|to)\s*{_DAY},?\s+(\d{{4}})\b")),
    # a day, its month and its year; a list or a timeline abbreviates the month without a full stop ("30 Sep 2019")
    ("mdy", re.compile(rf"\b({_MONTH}|{_MONTH_SHORT})\s+{_DAY},?\s+(\d{{4}})\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+({_MONTH}|{_MONTH_SHORT}),?\s+(\d{{4}})\b")),
    # a month and its year; a table's header or a list abbreviates the month without a full stop ("Mar 2024")
    ("my", re.compile(rf"\b({_MONTH}|{_MONTH_SHORT}(?=\s\d{{4}}\b)),?\s+(?:of\s+)?(\d{{4}})\b")),
    ("md", re.compile(rf"\b({_MONTH})\s+{_DAY}\b(?!,?\s+\d{{4}})")),
    # "on 3 October", as British news writes it; "Mon 29 Jan", as a list or a channel's post abbreviates the month
    ("dm", re.compile(rf"\b{_DAY}\s+({_MONTH}|{_MONTH_SHORT}\b)(?:\b|(?<=\.))(?!,?\s+\d{{4}})")),
    # "in March of last year", "remember June of last year" (with "of", no word before it is needed)
    ("m-year", re.compile(rf"(?:\b(?:[Ii]n|of|since|until|by|[Ee]arly|[Mm]id|[Ll]ate)\s+{_PART}"
                          rf"|\b(?={_MONTH}\s+of\s+(?:last|this)\s+year\b))({_MONTH})\s+(?:of\s+)?(last|this)\s+year\b")),
    # "last November": the latest such month before the document's (not "the last March of the war")
    ("last-month", re.compile(rf"(?<!\bthe )\b[Ll]ast\s+({_MONTH})(?:\b|(?<=\.))(?!,?\s+\d)")),
    # "two weeks ago", "three days ago" (a day), "a year ago", "six months ago" (a month): counted back from the
    # document's date
    ("ago", re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month|year)s?\s+ago\b",
                       re.I)),
    # two months of a span, "between January and March", "from May to July": each the month it names
    ("m-span", re.compile(rf"\b(?:[Bb]etween|[Ff]rom)\s+{_PART}({_MONTH})\s+(?:and|to|until|through)\s+{_PART}({_MONTH})"
                          r"(?:\b|(?<=\.))(?!\s+\d)")),
    # a month with the word before it that makes it a time, a sentence's first too ("In April, the Treasury …")
    ("m", re.compile(rf"\b(?:[Ii]n|of|[Ff]or|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|end of|beginning of|[Ff]rom|[Tt]hrough)\s+{_PART}"
                     rf"({_MONTH})(?:\b|(?<=\.))(?!\s+\d)"
                     rf"|\b(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+({_MONTH})(?:\b|(?<=\.))(?!\s+\d)")),
    # a year, or part of one ("by mid-2025"), not a number's digits nor a span ("2019-2020")
    ("y", re.compile(r"(?:(?<=\bmid-)|(?<=\bearly-)|(?<=\blate-)|(?<![\d,.$-]))\b((?:19|20)\d{2})\b(?![\d-]|,\d)")),
    # the bound of the document's year a deadline or a count from its start gives ("by the end of the year", "since the
    # start of the year"); not "at the end of the year", which may be a year the text named before
    ("year-end", re.compile(r"(?:(?<=\bby the )|(?<=\bbefore the )|(?<=\bsince the ))(?:end|close|start|beginning)\s+of\s+the\s+year\b"
                            r"|\b(?:end|close|start|beginning)\s+of\s+this\s+year\b", re.I)),
    # what is still to come in the document's year ("later this year"): from its month to the year's end, a span
    ("later-year", re.compile(r"\blater\s+this\s+year\b", re.I)),
    # a season with the word that makes it a time ("over the summer", "By the autumn", "by next spring"): its year, as
    # the text gives no month; not winter, which straddles two years, nor a fall that is a drop ("the fall in prices"),
    # nor one of two whose year follows ("in the summer and fall of 2019")
    ("season", re.compile(r"\b(?:(?:in|by|over|during|through|until|since|before|after)\s+(the|this|next|last)"
                          r"|(this|next|last))\s+(spring|summer|autumn|fall)\b(?!\s+(?:of|in)\b)"
                          r"(?!\s+(?:and|or)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\b)", re.I)),
    # the week after or before the document's, Monday to Sunday ("will meet … next week"): a span of days
    ("week", re.compile(r"(?<!\bthe )(?<!day )\b(next|last)\s+week\b(?!\s+(?:of|'s|’s)\b)", re.I)),  # not "Tuesday last week"
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("relative", re.compile(r"(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )"
                            r"\b(?:(?:earlier|later)\s+)?(last|this|next)\s+(month|year)\b", re.I)),
    # "today" where a verb of the past stands by it ("today designated", "Today I counted"): the document's day; not
    # "today they are a force", which means nowadays
    ("today", re.compile(r"\b[Tt]oday\b(?=(?:\s+[A-Za-z’']+){0,2}?\s+[a-z]+ed\b)|(?<=[a-z]ed )today\b"
                         # a part of the document's own day ("paid $3,600 this morning", "spoke to us this afternoon")
                         r"|\bthis (?:morning|afternoon|evening)\b", re.I)),
    # "on Monday", "last Thursday" (the one before the document's day), "on Tuesday last week" (in the week before)
    ("weekday", re.compile(r"\b(?:on\s+)?(?:([Ll]ast)\s+)?(" + "|".join(d.capitalize() for d in WEEKDAYS) + r")\b"
                           r"(?:\s+(last\s+week)\b)?")),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    words: str
    value: str  # 2019-09-30, 2019-09, 2019 or --09-30
    year_inferred: bool = False
    last: str | None = None  # the last day of two a month's date gives ("March 17 and 18, 2019": 2019-03-18)
    # the first and last month of the part of a year the words name, whose year is the value ("the second quarter of
    # 2023": 2023, from 2023-04 to 2023-06): a span by itself (kg.span_dates)
    span: tuple[str, str] | None = None


def _month(name: str) -> int:
    """A month's number from its name or abbreviation ("Sept." is September)."""
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name.lower().rstrip(".")[:3]))


def _ordinal_day(words: str) -> int:
    """A day of the month from its ordinal: "eighth" 8, "twenty-first" 21, "21st" 21."""
    w = words.lower()
    if w[0].isdigit():
        return int(re.match(r"\d+", w).group(0))
    if w == "thirtieth":
        return 30
    *tens, unit = re.split(r"[\s-]", w)
    return {"twenty": 20, "thirty": 30}.get(tens[0] if tens else "", 0) + _ORDINAL_DAYS.index(unit) + 1


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def season_year(which: str, season: str, today: datetime.date, ahead: bool = False) -> int:
    """The year of a season a text names by the document's date: "next" the first that begins after it, "last" the
    latest that ended before it, "this" the document's year's, "the" the latest begun by it (or, ahead, the earliest
    not ended by it)."""
    first, end = SEASONS[season]
    if which == "next":
        return today.year + (first <= today.month)
    if which == "last":
        return today.year - (end >= today.month)
    if which == "this":  # "this summer": the document's year's, before or after its date
        return today.year
    if ahead:
        return today.year + (end < today.month)
    return today.year - (first > today.month)


def counted(words: str) -> int:
    """How many a count of days, weeks or months says: "a", "an" and "one" 1, "ten" 10, "12" 12."""
    w = words.lower()
    return 1 if w in ("a", "an", "one") else int(w) if w.isdigit() else NUMBER_WORDS[w]


def _month_shift(year: int, month: int, months: int) -> str:
    """The month so many months after (or, negative, before) a month, as YYYY-MM."""
    total = year * 12 + month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _first_months(m: re.Match, today: datetime.date | None) -> DateMention | None:
    """"The first nine months of the year": the year named, or the document's; a span from January."""
    n, year = counted(m.group(1)), m.group(2)
    if not 1 < n < 12 or (year is None and today is None):
        return None
    y = int(year) if year else today.year
    return DateMention(m.start(), m.end(), m.group(0), f"{y:04d}", not year, span=(f"{y:04d}-01", f"{y:04d}-{n:02d}"))


def _ago(count: str, unit: str, today: datetime.date) -> str:
    """The date so many days, weeks, months or years before the document's: a day for days and weeks, a month for
    months and years ("a year ago" in a text of March 2022: 2021-03)."""
    n = counted(count)
    if unit in ("day", "week"):
        return (today - datetime.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    return _month_shift(today.year, today.month, -n * (12 if unit == "year" else 1))


def _infer_year(month: int, day: int | None, doc_date: datetime.date) -> int:
    """The year that puts a month (and day) latest but not after the document's date."""
    probe = datetime.date(doc_date.year, month, day or 1)
    return doc_date.year if probe <= doc_date else doc_date.year - 1


def dates(text: str, doc_date: str | None) -> list[DateMention]:
    """The dates a text gives, longest form first where forms overlap. A line in capitals (a ticker's, a headline's:
    "SINCE IT REOPENED ON 30 SEPTEMBER 2019") is read with its words' first letters alone in capitals, its words as
    written."""
    if in_capitals(text):
        return [replace(d, words=text[d.start:d.end]) for d in _dates(text.title(), doc_date)]
    return _dates(text, doc_date)


def _dates(text: str, doc_date: str | None) -> list[DateMention]:
    today = datetime.date.fromisoformat(doc_date) if doc_date else None
    found: list[DateMention] = []
    yearless: set[int] = set()  # the starts of months and days the text gave without a year
    for kind, pattern in _DATE_FORMS:
        for m in pattern.finditer(text):
            if any(m.start() < d.end and d.start < m.end() for d in found):
                continue
            mentions = _span_months(m, today) if kind == "m-span" else _year_span(m) if kind == "m-span-y" \
                else [_part_of_year(m, today)] if kind == "part-year" \
                else [_first_months(m, today)] if kind == "first-months" else [_date(kind, m, today)]
            found += [mention for mention in mentions if mention is not None]
            yearless |= {d.start for d in mentions if d is not None and kind in _YEARLESS and d.year_inferred}
    return _same_parts(_sentence_year(text, sorted(found, key=lambda d: d.start), yearless))


_YEARLESS = {"md", "dm", "m", "ordinal"}  # a month or day whose year the words do not give


def _sentence_year(text: str, found: list[DateMention], yearless: set[int]) -> list[DateMention]:
    """A month or day without a year in the year of the month or day the text named before it, where it comes no
    earlier in that year ("In March 2018, state TV said the crossing would reopen in April": April 2018): the year a
    sentence gave carries on, as its readers take it. Not across a semicolon, nor into what is to come from now on
    ("will", "plans"), nor to a month before that one: those keep the document's year."""
    out, named = [], None
    for d in found:
        if d.start in yearless and named is not None and d.value[:4] != named.value[:4] and d.value[4:7] >= named.value[4:7] \
                and not _NOW_ON.search(text, named.end, d.start):
            d = replace(d, value=named.value[:4] + d.value[4:], year_inferred=False)
        elif not d.year_inferred and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", d.value):
            named = d
        out.append(d)
    return out


# What parts a later date from the time a sentence named: another clause, or the future from the document's day.
_NOW_ON = re.compile(r";|\b(?:will|shall|plans?|expects?|intends?|(?:is|are)\s+(?:due|set|scheduled|expected))\b", re.I)


def _span_months(m: re.Match, today: datetime.date | None) -> list[DateMention]:
    """The two months of a span: the first in the latest year not after the document's date, the second the first
    such month after it ("between May and June" in a text of May 10: this May and this June)."""
    if today is None:
        return []
    first, last = _month(m.group(1)), _month(m.group(2))
    year = _infer_year(first, None, today)
    return [DateMention(m.start(1), m.end(1), m.group(1), f"{year:04d}-{first:02d}", True),
            DateMention(m.start(2), m.end(2), m.group(2), f"{year + (last < first):04d}-{last:02d}", True)]


def _year_span(m: re.Match) -> list[DateMention]:
    """The two months of a span the words give the year of ("between May and November 2023")."""
    first, last, year = _month(m.group(1)), _month(m.group(2)), int(m.group(3))
    return [DateMention(m.start(1), m.end(1), m.group(1), f"{year - (first > last):04d}-{first:02d}"),
            DateMention(m.start(2), m.end(3), m.group(0)[m.start(2) - m.start():], f"{year:04d}-{last:02d}")]


def _part_of_year(m: re.Match, today: datetime.date | None) -> DateMention | None:
    """A quarter or half of a year: its year the one the words name, or the latest whose part began by the document's
    date; its span the part's first and last month."""
    ordinal, final, part, year, last_year, letter, number, letter_year = m.groups()
    if ordinal and ordinal.lower() in ("same", "corresponding"):
        return _same_part(m, today)
    if letter:
        part, n, year = ("quarter" if letter.upper() == "Q" else "half"), int(number), letter_year
        if part == "half" and n > 2:
            return None
    else:
        part = part.lower()
        n = (4 if part == "quarter" else 2) if final else 2 if ordinal.lower() == "latter" else _ordinal_day(ordinal)
        if (final and not (year or "year" in m.group(0).lower())) or (part == "half" and n > 2):
            return None  # "the last quarter": the one before the document's, not a part the words name
    months = 3 if part == "quarter" else 6
    first, end = months * (n - 1) + 1, months * n
    inferred = not year
    if year:
        y = int(year)
    elif today is None:
        return None
    elif "year" in m.group(0).lower():
        y = today.year - bool(last_year)
    else:
        y = _infer_year(first, None, today)
    return DateMention(m.start(), m.end(), m.group(0), f"{y:04d}", inferred, span=(f"{y:04d}-{first:02d}", f"{y:04d}-{end:02d}"))


def _same_part(m: re.Match, today: datetime.date | None) -> DateMention | None:
    """"The same quarter of 2022": a mention of that year with no span yet, whose span the part named before gives
    (_same_parts); without a year it is no date."""
    year, last_year = m.group(4), m.group(5)
    if not year and not (last_year and today):
        return None
    y = int(year) if year else today.year - 1
    return DateMention(m.start(), m.end(), m.group(0), f"{y:04d}", not year, span=("", m.group(3).lower()))


def _months(span: tuple[str, str]) -> int:
    """How many months a span of one year's months holds (2023-04 to 2023-06: three)."""
    return int(span[1][5:]) - int(span[0][5:]) + 1


def _same_parts(found: list[DateMention]) -> list[DateMention]:
    """Each "same quarter of Y" given the months of the first quarter (or half) the text named, the one a comparison is
    of ("11,480 trucks in the second quarter, up from 9,950 in the first quarter and from 7,300 in the same quarter of
    2022"), in year Y; dropped when the text named none before it."""
    out, before = [], None
    for d in found:
        if d.span and d.span[0] == "":
            if before is None or (_months(before.span) == 6) != (d.span[1] == "half"):
                continue
            d = replace(d, span=(d.value + before.span[0][4:], d.value + before.span[1][4:]))
        if d.span and before is None and len(d.span[0]) == 7 and _months(d.span) in (3, 6):  # a quarter or a half
            before = d
        out.append(d)
    return out


def _date(kind: str, m: re.Match, today: datetime.date | None) -> DateMention | None:
    words, g = m.group(0), m.groups()
    try:
        if kind == "iso":
            value, inferred = datetime.date(int(g[0]), int(g[1]), int(g[2])).isoformat(), False
        elif kind == "mdy":
            value, inferred = datetime.date(int(g[2]), _month(g[0]), int(g[1])).isoformat(), False
        elif kind == "dmy":
            value, inferred = datetime.date(int(g[2]), _month(g[1]), int(g[0])).isoformat(), False
        elif kind == "my":
            value, inferred = f"{int(g[1]):04d}-{_month(g[0]):02d}", False
        elif kind == "ordinal":  # "the eighth of September": the day the words count, the year given or inferred
            month, day = _month(g[1]), _ordinal_day(g[0])
            if g[2]:
                value, inferred = datetime.date(int(g[2]), month, day).isoformat(), False
            elif today is None:
                value, inferred = f"--{month:02d}-{day:02d}", False
            else:
                value, inferred = datetime.date(_infer_year(month, day, today), month, day).isoformat(), True
        elif kind == "month-day":  # the first or last day of a month, in the year given or inferred
            month = _month(g[1])

            def day_of(year: int) -> int:
                return calendar.monthrange(year, month)[1] if g[0].lower() == "last" else 1
            if g[2]:
                value, inferred = datetime.date(int(g[2]), month, day_of(int(g[2]))).isoformat(), False
            elif today is None:
                value, inferred = f"--{month:02d}-{day_of(2001):02d}", False  # no year: February's last day as most years
            else:
                year = _infer_year(month, day_of(today.year), today)
                value, inferred = datetime.date(year, month, day_of(year)).isoformat(), True
        elif kind == "num-dmy":
            day, month = int(g[0]), int(g[1])
            if day <= 12 and month <= 12 and day != month:
                return None  # 03/04/2021 may be either; the year alone is read ("y")
            value, inferred = datetime.date(int(g[2]), month, day).isoformat(), False
        elif kind == "num-dot":
            value, inferred = datetime.date(int(g[2]), int(g[1]), int(g[0])).isoformat(), False
        elif kind in ("dm-year", "md-year"):
            day, month = (int(g[0]), _month(g[1])) if kind == "dm-year" else (int(g[1]), _month(g[0]))
            if today is None:
                return None
            value, inferred = datetime.date(today.year - (g[2] == "last"), month, day).isoformat(), True
        elif kind == "ddm":  # two days of a month: the first, with the span to the second
            month = _month(g[2])
            if g[3]:
                year, inferred = int(g[3]), False
            elif today is None:
                return None
            else:
                year, inferred = _infer_year(month, int(g[1]), today), True
            first, last = datetime.date(year, month, int(g[0])), datetime.date(year, month, int(g[1]))
            if not first < last:
                return None
            return DateMention(m.start(), m.end(), words, first.isoformat(), inferred, span=(first.isoformat(), last.isoformat()))
        elif kind == "mddy":  # two days of a month: the month is what one date can say, the later day its end
            last = datetime.date(int(g[2]), _month(g[0]), int(g[1])).isoformat()
            return DateMention(m.start(), m.end(), words, last[:7], False, last)
        elif kind == "y":
            value, inferred = g[0], False
        elif kind in ("md", "dm"):
            month, day = (_month(g[0]), int(g[1])) if kind == "md" else (_month(g[1]), int(g[0]))
            datetime.date(2000, month, day)
            if today is None:
                value, inferred = f"--{month:02d}-{day:02d}", False
            else:
                value, inferred = datetime.date(_infer_year(month, day, today), month, day).isoformat(), True
        elif kind == "m":
            if today is None:
                return None
            month = _month(g[0] or g[1])
            value, inferred = f"{_infer_year(month, None, today):04d}-{month:02d}", True
        elif today is None:
            return None
        elif kind == "year-end":  # "by the end of the year", "since the start of the year": the document's year, the
            # precision the text gives (statements/README.md, Time)
            value, inferred = str(today.year), True
        elif kind == "last-month":
            month = _month(g[0])
            value, inferred = f"{today.year - (month >= today.month):04d}-{month:02d}", True
        elif kind == "ago":
            value, inferred = _ago(g[0], g[1].lower(), today), True
        elif kind == "m-year":  # "in January last year"
            value, inferred = f"{today.year - (g[1] == 'last'):04d}-{_month(g[0]):02d}", True
        elif kind == "relative":  # "last month", "earlier this year": the document's month or year, or the one before
            back = g[0].lower() == "last"
            ahead = g[0].lower() == "next"
            value = str(today.year - back + ahead) if g[1].lower() == "year" else _month_shift(today.year, today.month, ahead - back)
            inferred = True
        elif kind == "today":
            value, inferred = today.isoformat(), True
        elif kind == "yesterday":
            value, inferred = (today - datetime.timedelta(days=1)).isoformat(), True
        elif kind == "week":
            monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=7 if g[0].lower() == "next" else -7)
            first, last = monday.isoformat(), (monday + datetime.timedelta(days=6)).isoformat()
            return DateMention(m.start(), m.end(), words, first, True, span=(first, last))
        elif kind == "later-year":  # the rest of the document's year, from its month
            return DateMention(m.start(), m.end(), words, str(today.year), True,
                               span=(f"{today.year:04d}-{today.month:02d}", f"{today.year:04d}-12"))
        elif kind == "season":
            value, inferred = str(season_year((g[0] or g[1]).lower(), g[2].lower(), today)), True
        else:  # a weekday: the latest such day not after the document's date, or before it ("last Thursday"), or of
            # the week before the document's ("Tuesday last week")
            day = WEEKDAYS.index(g[1].lower())
            if g[2]:
                value = (today - datetime.timedelta(days=today.weekday() + 7 - day)).isoformat()
            else:
                back = (today.weekday() - day) % 7 or (7 if g[0] else 0)
                value = (today - datetime.timedelta(days=back)).isoformat()
            inferred = True
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), words, value, inferred)


def dateline(text: str, date: DateMention, place_ends: list[int]) -> bool:
    """A date that ends the sentence right after a place's name (place_ends: where the text's place names end), as a
    picture's caption gives them ("in Al Qaim, Iraq September 30, 2019."): what the caption says had happened by then,
    like the date of a cited source; not a date with its preposition ("sent a team to the border on Thursday.")."""
    if re.match(r"(?:on|in|by|since|until|during)\s", date.words, re.I):
        return False
    return bool(re.fullmatch(r"[\s.)*]*", text[date.end:])) and any(re.fullmatch(r",?\s*", text[e:date.start]) for e in place_ends)


_WITHIN = re.compile(r"\b(?:within|in less than|in under|in no more than)\s+(?:approximately\s+|about\s+|some\s+|the next\s+)?"
                     r"(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                     r"sixty|ninety|\d{1,3})\s+(days?|weeks?|months?|years?)\b",
                     re.I)


_TO_COME = re.compile(r"\b(?:will|would|shall|supposed\s+to|expected\s+to|set\s+to|due\s+to|plans?|planned|planning|intends?|"
                      r"(?:is|are|was|were)\s+to|going\s+to|promised|pledged|vowed|aims?\s+to|hopes?\s+to|agreement|agreed|deal|deadline|"
                      r"timetable|should|must|recommends?|recommended|urges?|urged|calls?\s+on|requests?|requested|asks?)\b", re.I)
_LEFT = re.compile(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(months?|years?)\s+"
                   r"(?:were|are|was|is|remained|remain|remains)\s+(?:left|remaining)\b", re.I)


def deadlines(text: str, reference: str | None) -> list[DateMention]:
    """The latest dates a text sets by a span from a reference date (the report's or the document's): "within two months"
    of 23 July 2019 is 2019-09, "in less than a month" 2019-08, "two months were left" too; at the precision of the
    span's unit (a month, a year; a day for days; a week ends in a month, "within two weeks" of 15 November is
    2021-11)."""
    if not reference or reference.startswith("--"):
        return []
    year, month = int(reference[:4]), int(reference[5:7]) if len(reference) >= 7 else None
    out = []
    # "within six months, thus two months were left": the span still left is what counts from the reference; "within two
    # months" is a deadline where the sentence tells what is to come ("the third strike in less than a month": a span past)
    within = list(_WITHIN.finditer(text)) if _TO_COME.search(text) else []
    for m in list(_LEFT.finditer(text)) or within:
        count = counted(m.group(1))
        if m.group(2).lower().startswith("year"):
            value = str(year + count)
        elif month is None:
            continue
        elif m.group(2).lower().startswith(("day", "week")):
            if len(reference) < 10:
                continue
            end = datetime.date.fromisoformat(reference[:10]) + datetime.timedelta(
                days=count * (7 if m.group(2).lower().startswith("week") else 1))
            value = end.isoformat() if m.group(2).lower().startswith("day") else end.isoformat()[:7]
        else:
            value = _month_shift(year, month, count)
        out.append(DateMention(m.start(), m.end(), m.group(0), value))
    return out
