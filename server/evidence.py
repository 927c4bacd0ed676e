"""Quotes in their sentences: the words of each quote's sentence on either side of it, from the release's
document texts (kg.document_texts), for the entity and claim pages.

The store keeps a quote with a short fixed prefix and suffix (oa:TextQuoteSelector), which clip words; the
release's document texts hold the whole sentence around each quote, read once per release.
"""

from __future__ import annotations

import functools

from kg.release import Release

from .describe import ClaimView, View


@functools.lru_cache(maxsize=4)
def _sentences(release: Release) -> dict[str, tuple[str, str]]:
    """Claim IRI -> (before, after): the sentence's words on either side of its quote."""
    out: dict[str, tuple[str, str]] = {}
    folder = release.artefact("documents")
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        text = release.document_text(path.stem) or {}
        for note in text.get("annotations", []):
            if "before" in note:
                out[note["claim"]] = (note["before"], note["after"])
    return out


def in_sentences(v: View | ClaimView, release: Release) -> None:
    """Give every quote of a page its sentence's words (where the release has them), in place."""
    found = _sentences(release)
    if isinstance(v, ClaimView):
        v.before, v.after = found.get(v.iri, (None, None))
        return
    rows = [*v.outgoing, *v.incoming, *v.superseded, *(f for _, _, facts in v.not_asserted for f in facts)]
    for row in rows:
        for ev in row.evidence:
            ev.before, ev.after = found.get(ev.claim, (None, None))
