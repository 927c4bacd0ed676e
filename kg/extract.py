"""A document's own text and the metadata its file shows, from plain text, a saved web page or a PDF.

Web pages go through trafilatura (the article's main text, without menus, footers and comments, and the
page's title, author, date, site name and address), PDFs through pdfminer.six (text and the document
information dictionary). Nothing is fetched: a file is read as it was saved."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
TEXT_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class Extracted:
    """The text to store verbatim (paragraphs apart by a blank line, UTF-8) and what the file says of itself."""

    text: str
    kind: str  # text | html | pdf
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None


def extract(path: Path) -> Extracted:
    """The text and metadata of one file, by its kind (suffix, else its first bytes)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc.strerror}") from exc
    suffix = path.suffix.lower()
    head = raw[:1024].lstrip().lower()
    if suffix in PDF_SUFFIXES or raw.startswith(b"%PDF"):
        out = _pdf(path)
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and head.startswith((b"<!doctype html", b"<html"))):
        out = _html(raw, path)
    else:
        try:
            out = Extracted(raw.decode("utf-8-sig"), "text")
        except UnicodeDecodeError as exc:
            raise InputError(path, None, f"not UTF-8 text, HTML or PDF: {exc.reason} at byte {exc.start}") from exc
    out.text = normalise(out.text)
    if not out.text.strip():
        raise InputError(path, None, "no text could be extracted from the file")
    return out


def normalise(text: str) -> str:
    """NFC, Unix line ends, no trailing blanks on a line, one blank line between paragraphs, one final newline."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _html(raw: bytes, path: Path) -> Extracted:
    import trafilatura

    text = trafilatura.extract(raw, output_format="txt", include_comments=False, include_tables=True,
                               include_links=False, include_images=False)
    if not text:
        raise InputError(path, None, "no article text found in the page")
    meta = trafilatura.extract_metadata(raw.decode("utf-8", errors="replace"))
    # One paragraph a line in trafilatura's text; the seeds set paragraphs apart by a blank line.
    out = Extracted("\n\n".join(line for line in text.split("\n") if line.strip()), "html")
    if meta is not None:
        out.title = meta.title or None
        out.authors = [a.strip() for a in re.split(r";|\band\b", meta.author or "") if a.strip()]
        out.date = meta.date if meta.date and re.match(r"^\d{4}-\d{2}-\d{2}$", meta.date) else None
        out.outlet = meta.sitename or None
        out.url = meta.url if meta.url and meta.url.startswith(("http://", "https://")) else None
    return out


def _pdf(path: Path) -> Extracted:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSException

    try:
        text = extract_text(str(path))
        with open(path, "rb") as handle:
            info = PDFDocument(PDFParser(handle)).info
            info = {k: resolve1(v) for k, v in (info[0] if info else {}).items()}
    except (PSException, ValueError, KeyError, TypeError) as exc:
        raise InputError(path, None, f"cannot read the PDF: {exc}") from exc
    # A PDF breaks lines where the page does; a paragraph is the lines between blank lines, joined.
    paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip())
                  for block in re.split(r"\n\s*\n|\x0c", text)]
    out = Extracted("\n\n".join(p for p in paragraphs if p), "pdf")
    out.title = _pdf_text(info.get("Title"))
    author = _pdf_text(info.get("Author"))
    out.authors = [a.strip() for a in re.split(r";|,|\band\b", author or "") if a.strip()]
    out.date = _pdf_date(_pdf_text(info.get("CreationDate")))
    return out


def _pdf_text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-16") if value.startswith((b"\xfe\xff", b"\xff\xfe")) else value.decode("latin-1")
    return value.strip() or None if isinstance(value, str) else None


def _pdf_date(value: str | None) -> str | None:
    """A PDF date (D:YYYYMMDDHHmmSS…) as YYYY-MM-DD."""
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value or "")
    if not match:
        return None
    try:
        return datetime.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None
