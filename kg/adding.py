"""kg add: a new source document into seeds/ and the catalogue, with its off-topic spans proposed.

The document's own text (kg.extract) is stored verbatim as seeds/NNN_<first 16 hex digits of its SHA-256>.txt
and gets the next free three-digit id. Its catalogue entry records only what the document shows: each value
(title, outlet, authors, date) is taken from the options or else from the file's metadata, and kept only with
the words of the text that show it (`*_evidence`); a value the file's metadata gives but the text does not show
is left out and said so, and an option the text does not bear out is refused. The spans kg.offtopic finds are
written as excluded spans marked `proposal`, which the build refuses until the curator confirms or removes them.
A text the catalogue already holds (the same characters, or the same words apart from white space) is refused,
naming the document it duplicates."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from . import yamledit
from .corpus import DATE_RE, NOT_STATED, URL_RE
from .errors import InputError
from .extract import Extracted, extract
from .offtopic import anchors, propose
from .paths import Layout
from .yamlio import load_yaml

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass
class Added:
    """What kg add did: the new document's id and seed file, its catalogue values, the spans it proposes
    to exclude, and the metadata it could not keep."""

    id: str
    file: str
    kind: str
    values: dict[str, object]
    proposed: list[tuple[str, str, str]]  # (from, until, reason)
    notes: list[str] = field(default_factory=list)


def _same_words(text: str) -> str:
    return " ".join(text.split())


def duplicate_of(layout: Layout, text: str) -> tuple[str, str] | None:
    """The (id, file) of a catalogued document with the same text, if there is one."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    words = _same_words(text)
    for entry in load_yaml(layout.catalogue) or []:
        seed = layout.seeds / str(entry.get("file"))
        if entry.get("sha256") == digest:
            return str(entry.get("id")), seed.name
        if seed.is_file() and _same_words(seed.read_text(encoding="utf-8", errors="replace")) == words:
            return str(entry.get("id")), seed.name
    return None


def date_evidence(text: str, date: str) -> str | None:
    """The words of the text that give the date: "March 22, 2019", "22 March 2019", "Mar. 22, 2019", "2019-03-22"."""
    day = datetime.date.fromisoformat(date)
    month = MONTHS[day.month - 1]
    name = rf"(?:{month}|{month[:3]}\.?)"
    patterns = (rf"\b{name}\s+0?{day.day}(?:st|nd|rd|th)?,?\s+{day.year}\b",
                rf"\b0?{day.day}(?:st|nd|rd|th)?\s+{name},?\s+{day.year}\b", rf"\b{date}\b")
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            return match.group()
    return None


def authors_evidence(text: str, authors: list[str]) -> str | None:
    """The shortest stretch of one line of the text that names every author ("By Anas al-Bar")."""
    for line in text.split("\n"):
        spots = [line.find(a) for a in authors]
        if all(s >= 0 for s in spots):
            start = min(spots)
            end = max(s + len(a) for s, a in zip(spots, authors, strict=True))
            by = re.search(r"\b[Bb]y\s+$", line[:start])
            return line[by.start() if by else start:end]
    return None


def _flow_list(values) -> CommentedSeq:
    out = CommentedSeq(values)
    out.fa.set_flow_style()
    return out


def _first_line_title(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 150 and not re.search(r"[.!?]$", first) else None


def _values(found: Extracted, options: dict[str, object], path: Path, notes: list[str]) -> CommentedMap:
    """The catalogue's title, genre, outlet, authors and date with their evidence: options first, then the file's
    metadata (then, for the title, the text's first line if it reads as one)."""
    text = found.text
    out = CommentedMap()
    candidates = {
        "title": (options.get("title"), found.title),
        "outlet": (options.get("outlet"), found.outlet),
        "authors": (options.get("authors"), found.authors),
        "date": (options.get("date"), found.date),
    }
    finders = {
        "title": lambda v: v if v in text else None,
        "outlet": lambda v: v if v in text else None,
        "authors": lambda v: authors_evidence(text, list(v)),
        "date": lambda v: date_evidence(text, v),
    }
    for key, (option, metadata) in candidates.items():
        if key == "date" and option and not DATE_RE.match(str(option)):
            raise InputError(path, None, f"--date {option!r}: give it as YYYY-MM-DD")
        value, evidence = option or metadata, None
        if value:
            evidence = finders[key](value)
            if evidence is None and option:
                raise InputError(path, None, f"--{key} {option!r}: the text does not show it; the catalogue records only "
                                             "what a document shows (leave the option out)")
            if evidence is None:
                notes.append(f"{key} {value!r} from the file's metadata is not in its text: left out")
        if evidence is None and key == "title" and _first_line_title(text):
            value = evidence = _first_line_title(text)
        if evidence is None:
            out[key] = NOT_STATED
        else:
            out[key] = DoubleQuotedScalarString(value) if key == "date" else _flow_list(value) if key == "authors" else value
            out[f"{key}_evidence"] = evidence
        if key == "title":
            out["genre"] = options.get("genre") or NOT_STATED
    return out


def add_document(layout: Layout, path: Path, **options: object) -> Added:
    """Store the file's text as a new seed and catalogue it; the new document's id and what was proposed."""
    found = extract(path)
    url = options.get("url") or found.url
    if url and not URL_RE.match(str(url)):
        raise InputError(path, None, f"--url {url!r}: give an absolute http(s) URL")
    duplicate = duplicate_of(layout, found.text)
    if duplicate is not None:
        raise InputError(path, None, f"the same text as document {duplicate[0]} ({duplicate[1]}): not added again")
    notes: list[str] = []
    values = _values(found, options, path, notes)
    catalogue = yamledit.load(layout.catalogue)
    ids = [int(str(e["id"])) for e in catalogue if str(e.get("id", "")).isdigit()]
    doc_id = f"{max(ids, default=-1) + 1:03d}"
    raw = found.text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    file = f"{doc_id}_{digest[:16]}.txt"
    entry = CommentedMap()
    entry["id"] = DoubleQuotedScalarString(doc_id)
    entry["file"] = file
    entry["sha256"] = digest
    entry.update(values)
    if url:
        entry["url"] = str(url)
    proposed = []
    excluded = CommentedSeq()
    for span, words in propose(found.text, [str(a) for a in values.get("authors") or ()]):
        start, until = anchors(found.text, span)
        item = CommentedMap()
        item["from"], item["until"], item["reason"] = start, until, span.reason
        item["proposal"] = f"found by the words {words!r}: confirm by removing this key, or remove the span"
        excluded.append(item)
        proposed.append((start, until, span.reason))
    entry["excluded"] = excluded
    catalogue.append(entry)
    catalogue.yaml_set_comment_before_after_key(len(catalogue) - 1, before="\n")
    seed = layout.seeds / file
    seed.write_bytes(raw)
    try:
        yamledit.save(catalogue, layout.catalogue)
    except BaseException:
        seed.unlink()
        raise
    return Added(doc_id, file, found.kind, dict(values), proposed, notes)

