"""A claim's citation: what a colleague pastes and a reader checks — the facts in words, the quote, the document
(authors, title, outlet, date as the catalogue gives them), the claim's IRI and the release it was read from.

IRIs are the release's (its base IRI, the deployment's public one), never the address the server listens on.
A citation names the document's IRI, whose page holds its text, and its original URL where the catalogue has
one (`url`, schema:url in the graph); otherwise it says the catalogue has none.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.corpus import NOT_STATED
from kg.namespaces import LB, RDF, RDFS, XSD, sparql_prefixes
from kg.release import Release

from .dates import date_words, literal_words
from .describe import ClaimView
from .markup import plain

TITLE = "Land Bridge knowledge graph"


@dataclass
class Citation:
    facts: list[str]  # each fact the claim supports, in words
    quote: str  # the quote in its sentence, markup removed
    document: str  # authors, title, outlet, date
    document_iri: str
    url: str | None  # the document's original URL, where the catalogue has one
    claim_iri: str
    release: str  # the release's name and build time
    text: str  # all of it as one plain text, to paste


def _words(term, label: str | None) -> str:
    if isinstance(term, ox.Literal):
        return literal_words(term)
    return label or term.value


def document_reference(store, iri: str) -> tuple[str, str | None]:
    """The document as a reference (authors, “title”, outlet, date, as the catalogue gives them; what it does not
    state left out or said so), and its original URL where the catalogue has one (schema:url)."""
    rows = list(store.query(sparql_prefixes("lb", "rdfs", "schema") + f"""SELECT ?title ?outlet ?date ?earliest ?url WHERE {{
        <{iri}> rdfs:label ?title OPTIONAL {{ <{iri}> lb:outlet ?outlet }} OPTIONAL {{ <{iri}> schema:url ?url }}
        OPTIONAL {{ <{iri}> lb:publicationDate ?date }} OPTIONAL {{ <{iri}> lb:earliestDate ?earliest }} }} LIMIT 1"""))
    if not rows:
        return iri, None
    r = rows[0]
    authors = sorted(row["a"].value for row in store.query(f"SELECT ?a WHERE {{ <{iri}> <{LB}author> ?a }}")
                     if row["a"].value != NOT_STATED)
    parts = [", ".join(authors)] if authors else []
    parts.append(f"“{r['title'].value}”")
    if r["outlet"] is not None and r["outlet"].value != NOT_STATED:
        parts.append(r["outlet"].value)
    if r["date"] is not None:
        parts.append(date_words(r["date"].value, XSD + "date"))
    else:
        when = "date not stated"
        if r["earliest"] is not None:
            when += ", not before " + date_words(r["earliest"].value, r["earliest"].datatype.value)
        parts.append(when)
    return ", ".join(parts), r["url"].value if r["url"] is not None else None


def citation(c: ClaimView | None, release: Release, store) -> Citation | None:
    """The citation of a claim, as its page offers it."""
    if c is None:
        return None
    # A quantity's own triples (its value, unit, words) are in the fact that names it ("quantity — 1,500 farms").
    facts = [f"{sl} — {pl} — {_words(o, ol)}" for s, sl, p, pl, o, ol in c.facts
             if p not in (RDF + "type", RDFS + "label") and "/quantity/" not in s.value]
    quote = plain((c.before or "") + c.exact + (c.after or "")) if c.before is not None else f"…{plain(c.exact)}…"
    document, url = document_reference(store, c.document)
    built = release.built_at.strftime("%Y-%m-%d %H:%M UTC")
    release_words = f"release {release.name} (built {built})"
    kind = "" if c.modality == "asserted" else f" [{c.modality_heading or c.modality}: not asserted]"
    lines = [*(f + kind for f in facts)] or ["(no current fact)"]
    lines.append(f"{quote} ({c.certainty}" + (f", according to {_attribution(c)}" if _attribution(c) else "") + ")")
    lines.append(f"Source: {document}. <{c.document}>" + (f" Original: <{url}>" if url else " (no original URL in the catalogue)"))
    lines.append(f"Claim {c.statement}: <{c.iri}>, {TITLE}, {release_words}.")
    return Citation(facts, quote, document, c.document, url, c.iri, release_words, "\n".join(lines))


def _attribution(c: ClaimView) -> str:
    names = ", ".join(label for _, label in c.attributed_to)
    if c.attribution and names and names != c.attribution:
        return f"“{c.attribution}” ({names})"
    return names or (f"“{c.attribution}”" if c.attribution else "")

