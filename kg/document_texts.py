"""The texts of the document pages: each document's in-scope text, its excluded spans (reason only) and its quotes.

One JSON file per document, release/documents/<id>.json:
- `segments`: the whole text in order, as in-scope runs (`text`, with `start`/`end` offsets in code
  points of the seed, the offsets the quotes use) and excluded spans (`excluded`: the catalogue's
  reason, and offsets; never their words);
- `annotations`: one per statement (`statement`, `claim` IRI, `start`, `end`, `certainty`), with the whole
  sentence the quote stands in (pySBD's sentences; `sentence`: its offsets, `before` and `after`: its words on
  either side of the quote), for pages that show a quote in its sentence;
- `rendered`: the same text cut at every quote boundary and paragraph start, each in-scope piece with the claims
  whose quotes cover it (the claim that starts there first) and, where a paragraph starts, `paragraph: true`, ready
  for a page to highlight and anchor (`#p-<start>`: where search links a passage).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .corpus import Document, Span
from .sentences import Sentence, around, sentences
from .statements import Statement

ClaimIri = Callable[[str], str]
_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _merged(spans: Iterable[Span]) -> list[tuple[int, int, str]]:
    """Excluded spans in order, overlapping ones joined (their reasons too), empty ones dropped."""
    merged: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.end <= span.start:
            continue
        if merged and span.start <= merged[-1][1]:
            start, end, reason = merged[-1]
            reasons = reason if span.reason in reason.split("; ") else f"{reason}; {span.reason}"
            merged[-1] = (start, max(end, span.end), reasons)
        else:
            merged.append((span.start, span.end, span.reason))
    return merged


def segments(doc: Document) -> list[dict]:
    """The text as ordered in-scope runs and excluded spans; excluded words are left out."""
    out: list[dict] = []
    pos = 0
    for start, end, reason in _merged(doc.excluded):
        if start > pos:
            out.append({"start": pos, "end": start, "text": doc.text[pos:start]})
        out.append({"start": start, "end": end, "excluded": reason})
        pos = end
    if pos < len(doc.text):
        out.append({"start": pos, "end": len(doc.text), "text": doc.text[pos:]})
    return out


def annotations(statements: Iterable[Statement], claim_iri: ClaimIri, doc: Document | None = None,
                found: list[Sentence] | None = None) -> list[dict]:
    """One entry per statement, in text order; with the document and its sentences, each quote's whole sentence."""
    items = []
    for s in statements:
        item = {"statement": s.id, "claim": claim_iri(s.id), "start": s.start, "end": s.end, "certainty": s.certainty}
        if doc is not None and found is not None:
            lo, hi = around(found, s.start, s.end)
            item.update(sentence=[lo, hi], before=doc.text[lo:s.start], after=doc.text[s.end:hi])
        items.append(item)
    return sorted(items, key=lambda a: (a["start"], a["end"], a["statement"]))


def paragraphs(parts: list[dict]) -> list[tuple[int, int, str]]:
    """The in-scope text's paragraphs (its non-blank lines; an excluded span ends one): (start, end, text)."""
    out = []
    for part in parts:
        if "excluded" in part:
            continue
        for match in _LINE.finditer(part["text"]):
            out.append((part["start"] + match.start(), part["start"] + match.end(), match.group()))
    return out


def rendered(parts: list[dict], notes: list[dict]) -> list[dict]:
    """In-scope runs cut at every quote boundary and paragraph start, each piece with the annotations covering it."""
    starts = {start for start, _, _ in paragraphs(parts)}
    cuts = {a["start"] for a in notes} | {a["end"] for a in notes} | starts
    out: list[dict] = []
    for part in parts:
        if "excluded" in part:
            out.append(dict(part))
            continue
        bounds = sorted({part["start"], part["end"]} | {c for c in cuts if part["start"] < c < part["end"]})
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            covering = [a for a in notes if a["start"] <= lo and hi <= a["end"]]
            # The claim whose quote starts here comes first, so a page can anchor it on this piece.
            covering.sort(key=lambda a: (-a["start"], a["end"], a["statement"]))
            piece = {"start": lo, "end": hi, "text": part["text"][lo - part["start"]:hi - part["start"]], "claims": covering}
            if lo in starts:
                piece["paragraph"] = True
            out.append(piece)
    return out


def document_json(doc: Document, doc_iri: str, statements: Iterable[Statement], claim_iri: ClaimIri) -> dict:
    """Everything the document page shows, without a word of excluded material."""
    parts = segments(doc)
    notes = annotations(statements, claim_iri, doc, sentences(doc))
    return {
        "id": doc.id,
        "iri": doc_iri,
        "title": doc.title,
        "length": len(doc.text),
        "segments": parts,
        "annotations": notes,
        "rendered": rendered(parts, notes),
    }


def write_document_texts(
    documents: dict[str, Document], statements: list[Statement], doc_iri: Callable[[str], str],
    claim_iri: ClaimIri, folder: Path,
) -> list[Path]:
    """Write documents/<id>.json for every document; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for doc_id in sorted(documents):
        own = [s for s in statements if s.document.id == doc_id]
        data = document_json(documents[doc_id], doc_iri(doc_id), own, claim_iri)
        path = folder / f"{doc_id}.json"
        path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
