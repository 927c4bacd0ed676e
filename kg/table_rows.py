"""The rows of the plain-text tables that reports, bulletins and budgets print, cells set apart by "|":

    Table 3: Loaded cross-border trucks by crossing

    Crossing | 2023 | 2022 | Change
    al-Qaim – Al-Bukamal | 15,200 | 11,700 | +30%

A number of a row is a quantity in the unit its column's header gives, else the unit its row's label puts in brackets,
else its table's caption's ("trucks"; "(billion dinars)": dinars at that scale), else what the row's label names ("Farming
households supported"), and of the time its column's header gives ("2023", "2022 actual", "March 2024"). A
change in per cent ("+30%") is no figure of the row's own. A draft lists these among the row's values for the curator's
facts; what the row's figures are of (a crossing's traffic, a budget line) is the curator's to say.

Price lists print such a table as lines of a label and a figure under a heading that gives the currency:

    Al-Qaim market, Iraqi dinars:
    Wheat flour, 50 kg sack: 38,000 (down 4%)
    Baghdad–Damascus via al-Qaim: 2,450 (September 2,100, +16.7%)

Each figure is a sum in the heading's currency, per the measure after the label's comma ("50 kg sack", "1 litre":
litre) or the heading's "per …"; a month's figure in brackets after it is the same kind of sum, of that month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import dates as find_dates
from .quantities import AREA, CURRENCIES, QUALIFIERS, QuantityMention, area_unit, measure_name, number_value, singular

_LINE = re.compile(r"[^\n]+")
_CELLS = re.compile(r"\s*\|\s*")
# a number alone in its cell, with a qualifier or a currency sign before it: "15,200", "52.0", "about 3,300", "$4.2"
_FIGURE = re.compile(r"(?:(?P<qual>" + "|".join(q for q, _ in QUALIFIERS) + r")\s+)?(?P<sign>\$\s?)?"
                     r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)", re.I)
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_CURRENCY = [(re.compile(r"\b(?:dinars?|IQD)\b", re.I), "IQD"), (re.compile(r"\b(?:dollars?|USD)\b|\$"), "USD"),
             (re.compile(r"\b(?:pounds?|SYP)\b", re.I), "SYP"), (re.compile(r"\b(?:euros?|EUR)\b"), "EUR")]
_PLURAL = re.compile(r"\b([A-Za-z][a-z-]{2,}s)\b")
# plurals that are not what a table counts: its figures' own words, times, and the places its rows are
_NOT_UNITS = {"loads", "crosses", "figures", "totals", "changes", "numbers", "values", "series", "years", "months",
              "days", "weeks", "sales", "statistics", "results", "costs", "revenues", "receipts", "lines", "items",
              "gates", "crossings", "roads", "sectors", "provinces", "districts", "regions", "areas", "places", "points",
              "ports", "towns", "sites", "routes"}
_CAPTION_LENGTH = 200
_LABEL = re.compile(r"^\s*(?:table|figure|chart|exhibit)\s+[\w.-]+[.:]\s*", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")
_PER = re.compile(r"\b(?:a|per)\s+(day|week|month|year)\b|\b(dai|week|month|year)ly\b", re.I)


@dataclass(frozen=True)
class RowValues:
    """A table's row: where its line is in the text, its figures (offsets in the text) and the times of their columns."""

    start: int
    end: int
    quantities: tuple[QuantityMention, ...]
    dates: tuple[str, ...]


@dataclass(frozen=True)
class _Unit:
    unit: str | None = None
    scale: int = 1
    per: str | None = None


def table_rows(text: str) -> list[RowValues]:
    """The rows of the text's tables that give figures: a header line of three cells or more, then the lines right
    under it with as many cells."""
    lines = [(m.start(), m.end(), m.group(0)) for m in _LINE.finditer(text)]
    out: list[RowValues] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i][2])
        j = i + 1
        while j < len(lines) and _next_line(text, lines[j - 1], lines[j]) and len(_cells(lines[j][2])) == len(header):
            j += 1
        if len(header) >= 3 and j > i + 1:
            caption = _caption(text, lines, i)
            times = [_time_of(cell) for cell in header]
            out += [row for line in lines[i + 1:j] if (row := _row(line, header, caption, times)) is not None]
            i = j
        else:
            i += 1
    return out


# a price list's heading and its lines (above)
_LIST_HEADING = re.compile(r"^[^\n|]{3,200}:\s*$")
_LIST_LINE = re.compile(r"^(?P<label>[^:|\n]{2,80}):\s+" + _FIGURE.pattern +
                        r"(?:\s*\((?P<note>[^)\n]*)\))?\s*$", re.I)
_EARLIER = re.compile(r"^\s*(?P<month>[A-Z][a-z]+)\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)\b")
# the measure a label's last words give a price ("Wheat flour, 50 kg sack", "Diesel, 1 litre": litre), not a place
# ("Diesel, Basra")
_MEASURE = re.compile(r",\s*(?:1\s+)?(?P<measure>(?:\d[\d.,]*\s*)?(?:kg|kilograms?|kilos?|litres?|liters?|tons?|tonnes?|"
                      r"sacks?|bags?|bottles?|boxes|box|cartons?|loaf|loaves|bundles?|barrels?|cylinders?|gallons?)"
                      r"(?:\s+(?:sack|bag|bottle|box|carton|can|tin|pack))?)$", re.I)


def list_rows(text: str, today: str | None = None) -> list[RowValues]:
    """The lines of the text's price lists (above) with their figures: two lines or more under a heading whose words
    give a currency, a blank line allowed between."""
    lines = [(m.start(), m.end(), m.group(0)) for m in _LINE.finditer(text)]
    out: list[RowValues] = []
    for i, (_, _, heading) in enumerate(lines):
        unit = _unit_of(heading, _Unit()) if _LIST_HEADING.match(heading) else None
        if unit is None or unit.unit not in CURRENCIES:
            continue
        per = re.search(r"\bper\s+([a-z]+)\b", heading)
        items = []
        for line in lines[i + 1:]:
            if (m := _LIST_LINE.match(line[2])) is None or not items and text[lines[i][1]:line[0]].count("\n") > 2:
                break
            if items and not _next_line(text, items[-1][0], line):
                break
            items.append((line, m))
        if len(items) < 2:
            continue
        for (start, end, words), m in items:
            measure = _MEASURE.search(m.group("label"))
            rate = measure.group("measure").lower() if measure else singular(per.group(1)) if per else unit.per
            rate = measure_name(rate) if rate else None
            qualifier = dict(QUALIFIERS).get((m.group("qual") or "").lower(), "exactly")
            value, _ = number_value(m.group("num"))
            if value is None:
                continue
            first = m.start("qual") if m.group("qual") else m.start("num")
            found = [QuantityMention(start + first, start + m.end("num"), words[first:m.end("num")], qualifier, unit.unit,
                                     value=value * unit.scale, per=rate)]
            dates = []
            earlier = _EARLIER.match(m.group("note") or "")
            if earlier and (month := [d.value for d in find_dates("in " + earlier.group("month"), today)
                                      if re.fullmatch(r"\d{4}-\d{2}", d.value)]):
                figure, _ = number_value(earlier.group("num"))
                at = start + m.start("note") + earlier.start("num")
                found.append(QuantityMention(at, at + len(earlier.group("num")), earlier.group("num"), "exactly", unit.unit,
                                             value=figure * unit.scale, per=rate))
                dates.append(month[0])
            out.append(RowValues(start, end, tuple(found), tuple(dates)))
    return out


def _cells(line: str) -> list[str]:
    return _CELLS.split(line.strip()) if "|" in line else []


def _next_line(text: str, before: tuple[int, int, str], line: tuple[int, int, str]) -> bool:
    """Whether a line comes right under another, with no blank line between."""
    return text[before[1]:line[0]] == "\n"


def _caption(text: str, lines: list[tuple[int, int, str]], header: int) -> str:
    """A table's caption: the line before its header (a blank line may stand between), a title's length and no
    paragraph of sentences ("Our teams cleared 1.4 million square metres. …" is the text, not the table's unit)."""
    if header == 0:
        return ""
    start, end, words = lines[header - 1]
    title = _LABEL.sub("", words)  # "Table 1. Trucks and revenue by crossing …": one title after its label
    if "|" in words or text[end:lines[header][0]].count("\n") > 2 or len(title) > _CAPTION_LENGTH or _SENTENCE_END.search(title):
        return ""
    return words


def _row_unit(label: str, caption: str) -> _Unit:
    """The unit of a row's cells whose column header gives none: the one its label puts in brackets ("Land cleared
    (square metres)"), else the caption's, else the thing its label names ("Farming households supported")."""
    bracketed = " ".join(re.findall(r"\(([^)]*)\)", label))
    return _unit_of(bracketed, _unit_of(caption, _unit_of(label, _Unit())))


def _unit_of(words: str, fallback: _Unit) -> _Unit:
    """The unit, scale and rate some words give ("Revenue (billion IQD)", "trucks a day"), each else the fallback's."""
    scale = next((v for k, v in _SCALES.items() if re.search(rf"\b{k}\b", words, re.I)), None)
    unit = next((code for pattern, code in _CURRENCY if pattern.search(words)), None)
    if unit is None and (area := AREA.search(words)) is not None:
        unit = area_unit(area)
    if unit is None:
        nouns = [w.lower() for w in _PLURAL.findall(words) if w.lower() not in _NOT_UNITS and not w.endswith(("ss", "us", "is"))]
        unit = singular(nouns[0].rsplit("-", 1)[-1]) if nouns else None
    per = _PER.search(words)
    rate = (per.group(1) or per.group(2)).lower().replace("dai", "day") if per else None
    return _Unit(unit or fallback.unit, scale or (fallback.scale if unit is None else 1), rate or fallback.per)


def _time_of(cell: str) -> str | None:
    """The year or month a column's header names ("2023", "2022 actual", "March 2024"), if it names one."""
    found = [d.value for d in find_dates(cell, None) if re.fullmatch(r"\d{4}(?:-\d{2})?", d.value)]
    return found[0] if len(found) == 1 else None


def _row(line: tuple[int, int, str], header: list[str], caption: str, times: list[str | None]) -> RowValues | None:
    start, end, words = line
    quantities, dates = [], []
    at = start
    cells = _CELLS.split(words)
    fallback = _row_unit(cells[0], caption)
    for n, cell in enumerate(cells):
        at = words.index(cell, at - start) + start if cell else at
        figure = _FIGURE.fullmatch(cell)
        if n == 0 or figure is None or "%" in cell:
            continue
        unit = _unit_of(header[n] if n < len(header) else "", fallback)
        if unit.unit is None:
            continue
        value, _ = number_value(figure.group("num"))
        if value is None and "." in figure.group("num"):
            value = float(figure.group("num"))
        if value is None:
            continue
        scaled = round(value * unit.scale, 6)  # "8.7" billion: no float residue
        scaled = int(scaled) if scaled == int(scaled) else scaled
        qualifier = dict(QUALIFIERS).get((figure.group("qual") or "").lower(), "exactly")
        kind = "USD" if figure.group("sign") else unit.unit
        quantities.append(QuantityMention(at, at + len(cell), cell, qualifier, kind, value=scaled, per=unit.per))
        if times[n] is not None and times[n] not in dates:
            dates.append(times[n])
        at += len(cell)
    return RowValues(start, end, tuple(quantities), tuple(dates)) if quantities else None
