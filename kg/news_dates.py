"""Dates a text gives without their year or week, read forward where the clause tells of what is still to come.

kg.dates reads "on Thursday" and "in September" as the latest such day or month not after the document's date:
what a report tells mostly happened. In a clause of the future ("would send a delegation on Thursday", "plans to open
the road in September", "is due to meet on Monday", "is likely to hold them through the elections in October") the day
is the next one: the earliest such day after the document's date (a weekday a week on when it is the document's own),
the month the earliest not before the document's month."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from .dates import SEASONS, WEEKDAYS, DateMention, counted, season_year

# A verb of the future before the date in its clause: a modal, or a plan, a schedule or an expectation of what will be.
_FUTURE = re.compile(r"\b(?:will|would|shall|(?-i:may|might)|(?:is|are)\s+(?:due|set|scheduled|expected|to\s+be)|plans?|planning|intends?|"
                     r"intending|expects?|(?:un)?likely\s+to|(?:planned|intended|aimed)\s+to"
                     # a hearing put off to a day: "adjourned the trial until April 2"
                     r"|(?:adjourned|postponed|deferred)(?=[^.;]{0,40}\b(?:until|till|to)\s))\b", re.I)
_WEEKDAY = re.compile(r"(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", re.I)
# What ends the clause of the future, or makes it past ("the plans were drawn up in March").
_CLAUSE_END = re.compile(r"\b(?:after|before|when|since|because|but|which|who|where|said|says|told|was|were|had|did)\b", re.I)


def ahead(text: str, found: list[DateMention], doc_date: str | None) -> list[DateMention]:
    """The dates, each whose year or week the document's date gave read forward where its clause is of the future."""
    if doc_date is None:
        return found
    today = datetime.date.fromisoformat(doc_date)
    return [_forward(d, today) if d.year_inferred and _future(text, d) else d for d in found]


# A noun after a date that "the" opens: the date names it ("the 12 June strike"), unlike "by the end of August".
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|to|in|at|on|for|and|or|with|by|from|as|when|if|after|before)\b)[a-z]+\b")


def _future(text: str, date: DateMention) -> bool:
    """Whether a verb of the future stands before the date in its clause, the date not naming an event ("retaliate
    for the 12 June strike", "for Monday's attack": an event that has happened)."""
    if re.search(r"\bthe\s+$", text[:date.start], re.I) and _NOUN_AFTER.match(text, date.end) \
            or text.startswith(("'s", "’s"), date.end):
        return False
    verbs = [v for v in _FUTURE.finditer(text, 0, date.start) if not _MAY_HAVE.match(text, v.end())]
    if not verbs:
        return _fronted(text, date)
    between = _DATE_WORD.sub("", _CLOCK.sub("", text[verbs[-1].end():date.start]))
    return not (re.search(r"[.;:()]", between) or _CLAUSE_END.search(between) or _PAST_PARTICIPLE.search(between))


# A past participle after a noun, with where or when it happened after it: the date is its ("every truck will be
# inspected with scanners installed at the terminal in May": installed in May), not the future verb's.
_PAST_PARTICIPLE = re.compile(r"\b(?!(?:be|been|being|is|are|was|were|have|has|had|get|got|not|to|will|would|shall|with|"
                              r"the|a|an|of|by|and|or|for|armed)\s)[a-z]+\s+(?!(?:need|arm|bor|hundr|sh|b)ed\b)[a-z]{3,}ed\s+"
                              r"(?=(?:at|in|on|from|near|by|last|earlier)\b)")
# "may have": a hedge on the past, not the future
_MAY_HAVE = re.compile(r"\s+(?:not\s+)?have\b", re.I)
# The time of day a clause gives, whose full stops end no clause ("until 10 p.m. from April 1").
_CLOCK = re.compile(r"\b[ap]\.m\.", re.I)
# The date's own preposition ("before the end of March", "by 1 December"), which ends no clause.
_DATE_WORD = re.compile(r"\b(?:before|after|by|until|till|from|starting(?:\s+from)?|as\s+of)\s+(?:the\s+)?$", re.I)
# A date that opens its sentence ("From 1 July, every truck … will be inspected"): the verb it dates comes after it.
_OPENING = re.compile(r"\s*(?:(?:from|starting(?:\s+from)?|as\s+of|beginning|by|until|on|in|before)\s+(?:the\s+)?)?", re.I)


def _fronted(text: str, date: DateMention) -> bool:
    """Whether a date opening its sentence dates a verb of the future its main clause gives next."""
    if not _OPENING.fullmatch(text[:date.start]) or not re.match(r"\s*,", text[date.end:]):
        return False
    clause = re.split(r"[.;:()]", _CLOCK.sub("", text[date.end:]), maxsplit=1)[0]
    verb = _FUTURE.search(clause)
    return bool(verb) and not _MAY_HAVE.match(clause, verb.end()) \
        and not (_CLAUSE_END.search(clause, 0, verb.start()) or _PAST.search(clause, 0, verb.start()))


# A verb of the past before the verb of the future ("On 4 June, the group warned that … will be a target"): the date
# is the day of the past verb.
_PAST = re.compile(r"\b[a-z]+ed\b")


def _forward(date: DateMention, today: datetime.date) -> DateMention:
    if re.search(r"\b(?:last|this|the)\s+(?:year|month)\b|yesterday|\b(?:last|next|this)\b", date.words, re.I):
        return date  # "in January last year" says which year, "yesterday" which day, "last Thursday" which week
    season = re.search(rf"\b({'|'.join(SEASONS)})\b", date.words, re.I)
    if season:  # "over the summer" still to come: the earliest not ended by the document's month
        return replace(date, value=str(season_year("the", season.group(1).lower(), today, ahead=True)))
    weekday = _WEEKDAY.fullmatch(date.words)
    if weekday:
        days = (WEEKDAYS.index(weekday.group(1).lower()) - today.weekday()) % 7 or 7
        return replace(date, value=(today + datetime.timedelta(days=days)).isoformat())
    value = date.value
    if date.span and len(value) == 10 and value < today.isoformat():  # two days of a month: both a year on
        return replace(date, value=f"{int(value[:4]) + 1}{value[4:]}", span=tuple(f"{int(d[:4]) + 1}{d[4:]}" for d in date.span))
    if date.span and len(value) == 4 and date.span[1] < today.isoformat()[:7]:
        # a part of a year: the earliest not ended by the document's month
        return replace(date, value=str(int(value) + 1), span=tuple(f"{int(m[:4]) + 1}{m[4:]}" for m in date.span))
    if len(value) == 7 and value < today.isoformat()[:7]:  # a month: the earliest not before the document's month
        return replace(date, value=f"{int(value[:4]) + 1}{value[4:]}")
    if len(value) == 10 and value < today.isoformat():  # a day of a month: the earliest not before the document's day
        return replace(date, value=f"{int(value[:4]) + 1}{value[4:]}")
    return date


_MODAL_VERB = re.compile(r"(?:(?<=\bwill )|(?<=\bwould )|(?<=\bshall ))[a-z]+\b")


def future_verbs(text: str) -> list[re.Match]:
    """The verbs a modal of the future governs ("would send", "will open"): what is to happen, which a date can date."""
    return [m for m in _MODAL_VERB.finditer(text) if m.group(0) not in ("be", "have", "not", "also")]


_APART = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+(?P<way>earlier|later|before|after)"
                    r"(?!\s+(?:the|a|an|its|their|his|her|[A-Z\d]))"
                    r"|the\s+(?P<side>previous|next|following)\s+(?:day|night|morning|evening))\b", re.I)


def days_apart(text: str, day: DateMention | None, found: list[DateMention] = ()) -> list[DateMention]:
    """Days a text gives by the day it gave last: "a day earlier", "two days later", "the next day" (not "two days after
    the strike": that counts from the strike's day, which may be another). The day is the sentence's own where it gave
    one before the words ("Imagery from September 10 shows … destroyed the previous day"), else the one before it."""
    out = []
    for m in _APART.finditer(text):
        days = [d for d in found if d.end <= m.start() and _DAY.fullmatch(d.value)]
        anchor = days[-1] if days else day
        if anchor is None or not _DAY.fullmatch(anchor.value):
            continue
        count = counted(m.group("n")) if m.group("n") else 1
        back = (m.group("way") or m.group("side")).lower() in ("earlier", "before", "previous")
        value = datetime.date.fromisoformat(anchor.value) + datetime.timedelta(days=-count if back else count)
        out.append(DateMention(m.start(), m.end(), m.group(0), value.isoformat(), anchor.year_inferred))
    return out


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_property(text: str, date: DateMention) -> str:
    """How a date dates its event: "by September", "by mid-2025", "by the end of October", "before the end of the year",
    "through June" is its deadline
    (dateNotAfter); "since the start of the year", "since January" where what it counts began (dateNotBefore); any other
    the time it happened."""
    before = text[:date.start]
    if re.search(r"\b(?:[Bb]y|[Tt]hrough)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?$", before) \
            or re.match(r"(?:[Bb]y|[Tt]hrough)\s", date.words) \
            or (re.search(r"\bbefore\s+the\s+$", before) and re.match(r"(?:end|close)\b", date.words, re.I)):
        return "dateNotAfter"
    if re.search(r"\bsince\s+the\s+$", before) and re.match(r"(?:start|beginning|turn)\b", date.words, re.I):
        return "dateNotBefore"
    if (re.search(r"\b[Ss]ince\s+$", before) or re.match(r"[Ss]ince\s", date.words)) \
            and not re.match(r"\s*,?\s*when\b", text[date.end:]):
        # "the third strike since January", "have crossed since March": from then on; but "since June 2018, when an air
        # strike …" dates what happened then
        return "dateNotBefore"
    return "date"
