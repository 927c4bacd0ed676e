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


_segmenter = None


def sentences(doc: Document) -> list[Sentence]:
    """The in-scope sentences of a document (pysbd), with their offsets; excluded material is left out."""
    global _segmenter
    if _segmenter is None:
        _segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    text = doc.in_scope_text()
    out = []
    for seg in _segmenter.segment(text):
        lead = len(seg.sent) - len(seg.sent.lstrip())
        body = seg.sent.strip()
        if not body or not re.search(r"\w", body):
            continue
        start = seg.start + lead
        out.append(Sentence(start, start + len(body), doc.text[start:start + len(body)]))
    return out


def around(found: list[Sentence], start: int, end: int) -> tuple[int, int]:
    """The span of the whole sentences a quote [start, end) lies in: from the start of the sentence it begins in to
    the end of the one it ends in (a quote that is a sentence's part, or runs over two, is read in them whole)."""
    lo = min((s.start for s in found if s.start <= start < max(s.end, s.start + 1)), default=start)
    hi = max((s.end for s in found if s.start < end <= s.end), default=end)
    return min(lo, start), max(hi, end)
