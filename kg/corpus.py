"""The source documents: verbatim seed texts, their catalogue, and which spans are in scope."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .yamlio import LineDict, line_of, load_yaml

NOT_STATED = "not stated"
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CATALOGUE_KEYS = {
    "id", "file", "sha256", "title", "title_evidence", "genre", "outlet", "outlet_evidence",
    "authors", "authors_evidence", "date", "date_evidence", "note", "excluded",
    "earliest_date", "earliest_date_evidence", "derived_from", "derived_from_evidence", "quotes_source", "url",
}
EARLIEST_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
URL_RE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: str
    proposal: str | None = None  # why `kg add` proposed the span, until a curator confirms it


@dataclass
class Document:
    """One seed document and what its catalogue entry says of it."""

    id: str
    file: str
    path: Path
    text: str
    sha256: str
    title: str
    genre: str
    outlet: str
    authors: list[str]
    date: str | None  # ISO date, or None where the text shows none
    note: str | None = None
    excluded: list[Span] = field(default_factory=list)
    # For a document that shows no date: the earliest date it can have (YYYY-MM or YYYY-MM-DD),
    # from the latest date its text reports as past.
    earliest_date: str | None = None
    derived_from: str | None = None  # the document this one summarises or quotes
    quotes_source: bool = False  # it quotes that document's words (prov:wasQuotedFrom)
    url: str | None = None  # where the document was published, as the curator or the saved page gives it (citations give it)

    def excluded_at(self, start: int, end: int) -> Span | None:
        """The excluded span that [start, end) overlaps, if any."""
        for span in self.excluded:
            if start < span.end and span.start < end:
                return span
        return None

    def in_scope_text(self) -> str:
        """The text with excluded spans blanked out (offsets preserved)."""
        chars = list(self.text)
        for span in self.excluded:
            for i in range(span.start, span.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    def find(self, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
        """Character offsets of the n-th occurrence of quote, or None."""
        pos = -1
        for _ in range(occurrence):
            pos = self.text.find(quote, pos + 1)
            if pos < 0:
                return None
        return pos, pos + len(quote)

    def paragraph(self, start: int, end: int) -> str:
        """The paragraph (text between blank lines) holding the span."""
        lo = self.text.rfind("\n\n", 0, start)
        hi = self.text.find("\n\n", end)
        return self.text[0 if lo < 0 else lo : len(self.text) if hi < 0 else hi]


def _require(entry: LineDict, key: str, path: Path) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, line_of(entry), f"catalogue entry needs a non-empty '{key}'")
    return value


def _check_evidence(entry: LineDict, key: str, text: str, path: Path) -> None:
    value = entry.get(key)
    if value is None or value == NOT_STATED or value == [NOT_STATED]:
        return
    evidence = entry.get(f"{key}_evidence")
    if not isinstance(evidence, str) or evidence not in text:
        raise InputError(
            path, line_of(entry),
            f"'{key}' of document {entry.get('id')} needs '{key}_evidence' quoting its document verbatim",
        )


def _excluded_spans(entry: LineDict, text: str, path: Path, proposals: bool) -> list[Span]:
    """The entry's excluded spans. One still marked `proposal` (proposed by `kg add`, not confirmed) is refused
    unless `proposals` is true, as a proposed statement is: review reads it, the build never does."""
    spans = []
    for item in entry.get("excluded") or []:
        line = line_of(item, line_of(entry))
        if not isinstance(item, dict) or not {"from", "until", "reason"} <= set(item) \
                or not set(item) <= {"from", "until", "reason", "proposal"}:
            raise InputError(path, line, "an excluded span needs 'from', 'until' and 'reason' (and nothing else "
                                         "but a 'proposal' not yet confirmed)")
        if "proposal" in item and not proposals:
            raise InputError(path, line, f"document {entry.get('id')}: excluded span {item['from']!r} is still a proposal, "
                                         "not confirmed: remove its 'proposal' key to confirm it, or the span to keep "
                                         f"the text in scope (kg review {entry.get('id')})")
        start = text.find(item["from"])
        if start < 0:
            raise InputError(path, line, f"excluded span start not in the document: {item['from']!r}")
        if item["until"] == "end":
            end = len(text)
        else:
            stop = text.find(item["until"], start)
            if stop < 0:
                raise InputError(path, line, f"excluded span end not in the document: {item['until']!r}")
            end = stop + len(item["until"])
        spans.append(Span(start, end, item["reason"], item.get("proposal")))
    return spans


def _url(entry: LineDict, path: Path) -> str | None:
    url = entry.get("url")
    if url is None:
        return None
    if not isinstance(url, str) or not URL_RE.match(url):
        raise InputError(path, line_of(entry), f"'url' must be an absolute http(s) URL, not {url!r}")
    return url


def load_corpus(catalogue: Path, seeds: Path, proposals: bool = False) -> dict[str, Document]:
    """Read the catalogue and every seed it lists, checking digests and evidence (proposals: see _excluded_spans)."""
    entries = load_yaml(catalogue)
    if not isinstance(entries, list):
        raise InputError(catalogue, None, "the catalogue must be a list of documents")
    documents: dict[str, Document] = {}
    for entry in entries:
        line = line_of(entry)
        if not isinstance(entry, dict):
            raise InputError(catalogue, line, "each catalogue entry must be a mapping")
        unknown = set(entry) - _CATALOGUE_KEYS
        if unknown:
            raise InputError(catalogue, line, f"unknown catalogue field(s): {', '.join(sorted(unknown))}")
        doc_id = str(_require(entry, "id", catalogue))
        if doc_id in documents:
            raise InputError(catalogue, line, f"document id {doc_id!r} listed twice")
        seed = seeds / _require(entry, "file", catalogue)
        try:
            raw = seed.read_bytes()
        except OSError as exc:
            raise InputError(catalogue, line, f"seed file missing: {seed.name} ({exc.strerror})") from exc
        digest = hashlib.sha256(raw).hexdigest()
        if digest != entry.get("sha256"):
            raise InputError(catalogue, line, f"{seed.name} does not match its recorded sha256; seeds must stay verbatim")
        text = raw.decode("utf-8")
        for key in ("title", "outlet", "authors", "date"):
            if key not in entry:
                raise InputError(catalogue, line, f"catalogue entry needs '{key}' (or \"{NOT_STATED}\")")
            _check_evidence(entry, key, text, catalogue)
        date = entry["date"]
        if date != NOT_STATED and not (isinstance(date, str) and DATE_RE.match(date)):
            raise InputError(catalogue, line, f"'date' must be YYYY-MM-DD or \"{NOT_STATED}\"")
        earliest = entry.get("earliest_date")
        if earliest is not None:
            if date != NOT_STATED:
                raise InputError(catalogue, line, "'earliest_date' is for documents that show no date")
            if not (isinstance(earliest, str) and EARLIEST_RE.match(earliest)):
                raise InputError(catalogue, line, "'earliest_date' must be YYYY-MM or YYYY-MM-DD")
            _check_evidence(entry, "earliest_date", text, catalogue)
        derived = entry.get("derived_from")
        if derived is not None:
            _check_evidence(entry, "derived_from", text, catalogue)
        if entry.get("quotes_source") is not None and not isinstance(entry.get("quotes_source"), bool):
            raise InputError(catalogue, line, "'quotes_source' must be true or false")
        authors = entry["authors"]
        authors = [NOT_STATED] if authors == NOT_STATED else [str(a) for a in authors]
        documents[doc_id] = Document(
            id=doc_id,
            file=seed.name,
            path=seed,
            text=text,
            sha256=digest,
            title=_require(entry, "title", catalogue),
            genre=_require(entry, "genre", catalogue),
            outlet=_require(entry, "outlet", catalogue),
            authors=authors,
            date=None if date == NOT_STATED else date,
            note=entry.get("note"),
            excluded=_excluded_spans(entry, text, catalogue, proposals),
            earliest_date=earliest,
            derived_from=None if derived is None else str(derived),
            quotes_source=bool(entry.get("quotes_source")),
            url=_url(entry, catalogue),
        )
    for doc in documents.values():
        if doc.derived_from is not None and doc.derived_from not in documents:
            raise InputError(catalogue, None, f"document {doc.id}: 'derived_from' names unknown document {doc.derived_from!r}")
    primary_source(documents, catalogue)  # refuses a cycle
    return documents


def primary_source(documents: dict[str, Document], catalogue: Path | str = "seeds/catalogue.yaml") -> dict[str, str]:
    """Each document's root of derivation (itself when it derives from none): one independent source each."""
    roots: dict[str, str] = {}
    for doc in documents.values():
        seen, current = [doc.id], doc
        while current.derived_from is not None:
            current = documents[current.derived_from]
            if current.id in seen:
                raise InputError(catalogue, None, f"documents derive from each other in a cycle: {' -> '.join(seen + [current.id])}")
            seen.append(current.id)
        roots[doc.id] = current.id
    return roots
