"""A document's in-scope sentences (pySBD), with their offsets: what coverage counts and what pages quote around a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pysbd

from .corpus import Document


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    listed: bool = False  # a sanctions list's entry: a listed name and its identifiers


_segmenter = None

# A sanctions list's entry is one record, though its fields end in full stops: the listed name in capitals, perhaps
# numbered ("3.1 AL-KUBAISI, Falah Mahdi."), then its identifiers ("a.k.a. Abu Zahra.", "DOB: 02/09/1979.",
# "Nationality: Iraqi.", "Registration number: 71045 (Baghdad)."). The reasons for the listing ("Reason: …") are prose
# and stay sentences of their own.
_LISTED_NAME = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?[A-Z][A-Z’'\-]{2,}\b"
                          # a numbered entry with the given names first ("1. Jabbar Kadhim AL-FARTOUSI (a.k.a. …).")
                          r"|^\d+(?:\.\d+)*\.?\s+(?:(?:[ae]l-)?[A-Z][a-z’'\-]+\s+){1,4}[A-Z][A-Z’'\-]{2,}\b")
_FIELD = re.compile(r"^(?:[af]\.k\.a\.|(?:DOB|D\.O\.B\.|POB|Date of birth|Place of birth|Nationality|Citizenship|Address|"
                    r"Listed on|Date (?:listed|designated)|Date of (?:listing|designation)|Listing date|Identifying information|"
                    r"Designated|Registration (?:number|no\.)|Passport(?: number| no\.)?|"
                    r"National (?:ID|identification)(?: number| no\.)?|Identification number|Gender|Title|Position|Phone|"
                    r"Email|Website|Type of entity|Parent company|Subsidiaries|Other information|Group ID|Regime)\s*:)")


# A title's abbreviation that pySBD ends a sentence at ("the hon. Member", "Hon. Members", "Rt. Hon."): the sentence
# goes on after it on the same line.
_TITLE_ABBREVIATION = re.compile(r"(?:^|\s)(?:hon|Hon|Rt|Sen|Rep|Gov|Capt|Sgt)\.$")


# pySBD takes "… appeared on May 24. It reopened on May 25.⏎" for a numbered list and splits before "24." and "25.":
# it is shown a month's day as letters (the offsets stay), and ends the sentence after it as after any other word.
_MONTH_DAY = re.compile(r"(\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.? )(\d{1,2})(?=\.\s)")


def _segments(text: str) -> list[tuple[int, str]]:
    """pySBD's segments of a text: (offset, the text's words there)."""
    shown = _MONTH_DAY.sub(lambda m: m.group(1) + "d" * len(m.group(2)), text)
    return [(seg.start, text[seg.start:seg.start + len(seg.sent)]) for seg in _segmenter.segment(shown)]


def sentences(doc: Document) -> list[Sentence]:
    """The in-scope sentences of a document (pysbd), with their offsets; excluded material is left out. A listed
    name and the identifiers after it on its line are one sentence (a sanctions list's entry), and so is what follows a
    title's abbreviation on its line ("I thank the hon. Member")."""
    global _segmenter
    if _segmenter is None:
        _segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    text = doc.in_scope_text()
    out: list[Sentence] = []
    record = False  # whether the sentence before is a listed name and its identifiers so far
    entry_line = False  # whether the sentence before is on a listed entry's line
    for seg_start, seg_sent in _segments(text):
        lead = len(seg_sent) - len(seg_sent.lstrip())
        body = seg_sent.strip()
        if not body or not re.search(r"\w", body):
            continue
        start = seg_start + lead
        same_line = bool(out) and "\n" not in text[out[-1].end:start]
        listed = record and bool(_FIELD.match(body)) and same_line
        later_field = False  # an identifier after the entry's reasons on its line ("Reasons: …. Date of listing: …")
        if listed:
            start = out.pop().start
        else:
            later_field = entry_line and same_line and bool(_FIELD.match(body))
            record = bool(_LISTED_NAME.match(body)) and len(body) <= 80
        entry_line = listed or record or entry_line and same_line
        end = seg_start + lead + len(body)
        if out and _TITLE_ABBREVIATION.search(out[-1].text) and "\n" not in text[out[-1].end:start]:
            start = out.pop().start
        out.append(Sentence(start, end, doc.text[start:end], listed or later_field))
    return out


def around(found: list[Sentence], start: int, end: int) -> tuple[int, int]:
    """The span of the whole sentences a quote [start, end) lies in: from the start of the sentence it begins in to
    the end of the one it ends in (a quote that is a sentence's part, or runs over two, is read in them whole)."""
    lo = min((s.start for s in found if s.start <= start < max(s.end, s.start + 1)), default=start)
    hi = max((s.end for s in found if s.start < end <= s.end), default=end)
    return min(lo, start), max(hi, end)
