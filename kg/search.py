"""Search over a release's index (kg.search_index): ranked hits, suggestions, and a score for SPARQL.

A query is folded and cut into words as the index was (kg.names): each word matches where its folded form is a
word of a name or a text, or where its skeleton is one of the index's keys (so Kataeb finds Kata'ib and Kataib,
Hizballah Hezbollah); a query of several words also matches where their joint skeleton does (al-Bukamal finds
Albu Kamal). FTS5 ranks the hits (BM25, names weighing most); entities come before the texts that mention them, and a name
the query gives whole (as written, or as another transliteration of it) before any other.
A query that finds nothing is tried again with each unknown word replaced by the nearest word of the index within
one or two edits (rapidfuzz, over the index's own vocabulary), and says so (`corrected`).

Every hit says why it matched: the field (label, alias, description, title, quote, text) and a snippet of it with
the matching words' offsets, found by folding the original text word by word as the index did.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .names import fold, is_article, skeleton
from .namespaces import LBF, XSD
from .release import Release
from .search_index import NAME_SEPARATOR, SCHEMA_VERSION, content_words

# BM25 weights of the columns names, body, keys; and how much each kind of hit weighs against the others.
COLUMN_WEIGHTS = (10.0, 1.0, 2.0)
KIND_WEIGHTS = {"entity": 3.0, "document": 2.0, "claim": 1.0, "passage": 1.0}
SNIPPET_CHARS = 220
MAX_QUERY_CHARS = 200
MAX_WORDS = 12
# The SPARQL extension functions an index gives (SearchIndex.sparql_functions), with what each does.
FUNCTIONS = {LBF + "search": 'lbf:search(?x, "words"): the score (xsd:double, higher is better) of the best search hit '
                             'of the words on ?x (an entity; a claim, for its quote; a document, for its title and text), '
                             'unbound when they do not find it. The same matching as /search.'}
_WORD = re.compile(r"[\w'’‘ʿʾ`´]+")
_TOKEN = re.compile(r"[a-z0-9]+")


class SearchUnavailable(Exception):
    """The release has no search index, or one this version cannot read (built before search, or by another)."""


@dataclass(frozen=True)
class Terms:
    """What a query looks for: its folded words, each word's skeleton, and the skeleton of all of them."""

    words: tuple[str, ...]
    prefix: bool = False  # the last word is being typed: match words that begin with it

    @functools.cached_property
    def skeletons(self) -> frozenset[str]:
        return frozenset(s for s in (skeleton(w) for w in self.words) if len(s) >= 2)

    @functools.cached_property
    def whole(self) -> str:
        return "".join(skeleton(w) for w in self.words) if len(self.words) > 1 else ""

    def match(self) -> str:
        """The FTS5 query: every word (as itself or its skeleton), or the skeleton of all of them."""
        parts = []
        for i, word in enumerate(self.words):
            typing = self.prefix and i == len(self.words) - 1
            alternatives = [f'{{names body}}: "{word}"' + ("*" if typing else "")]
            key = skeleton(word)
            if len(key) >= (3 if typing else 2):
                alternatives.append(f'keys: "{key}"' + ("*" if typing else ""))
            parts.append("(" + " OR ".join(alternatives) + ")")
        expression = " AND ".join(parts)
        if len(self.whole) >= 3:
            expression = f'({expression}) OR keys: "{self.whole}"'
        return expression


def terms(query: str, prefix: bool = False) -> Terms | None:
    """A query's terms, or None when it has no word to look for."""
    words = [t for w in content_words(query[:MAX_QUERY_CHARS]) for t in _TOKEN.findall(w)]
    return Terms(tuple(words[:MAX_WORDS]), prefix) if words else None


@dataclass
class Hit:
    kind: str  # entity, document, claim or passage
    iri: str  # the entity, document or claim; a passage's document
    title: str
    score: float
    field: str  # where it matched: label, alias, description, title, quote or text
    snippet: str
    highlights: list[tuple[int, int]]  # offsets of the matching words in the snippet
    document: str | None = None  # a claim's or passage's document
    anchor: str | None = None  # where on the document's page: s-<statement>, p-<start>
    note: str | None = None

    def as_json(self) -> dict:
        return {"kind": self.kind, "iri": self.iri, "title": self.title, "score": self.score, "field": self.field,
                "snippet": self.snippet, "highlights": [list(h) for h in self.highlights], "document": self.document,
                "anchor": self.anchor, "note": self.note}

    def pieces(self) -> list[tuple[str, bool]]:
        """The snippet as (text, highlighted) pieces, for a page."""
        out, pos = [], 0
        for start, end in self.highlights:
            if start > pos:
                out.append((self.snippet[pos:start], False))
            out.append((self.snippet[start:end], True))
            pos = end
        if pos < len(self.snippet):
            out.append((self.snippet[pos:], False))
        return out


@dataclass
class Results:
    query: str
    hits: list[Hit]
    total: int
    corrected: str | None = None  # the query as corrected, when the one given found nothing


@functools.lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, str]:
    """A word of a text as the index reads it: folded, and its skeleton."""
    folded = fold(word).replace(" ", "")
    return folded, skeleton(folded)


def highlights(text: str, t: Terms) -> list[tuple[int, int]]:
    """The offsets of the words of a text that the terms match (as folded, by skeleton, or two words together), words
    next to each other joined."""
    tokens = []
    for m in _WORD.finditer(text):
        folded, key = _word_keys(m.group())
        if folded and not is_article(folded):
            tokens.append((m.start(), m.end(), folded, key))
    words, last = set(t.words), t.words[-1]
    typed = skeleton(last) if t.prefix and len(skeleton(last)) >= 3 else None
    pairs = t.skeletons | ({t.whole} if t.whole else set())
    marked: set[int] = set()
    for i, (_s, _e, folded, key) in enumerate(tokens):
        if folded in words or key in t.skeletons or (t.prefix and folded.startswith(last)) or (typed and key.startswith(typed)):
            marked.add(i)
        if i + 1 < len(tokens) and key and tokens[i + 1][3] and key + tokens[i + 1][3] in pairs:
            marked.update((i, i + 1))
    spans: list[tuple[int, int]] = []
    for i in sorted(marked):  # words next to each other (a name: Albu Kamal, al-Qaim) as one span
        start, end = tokens[i][0], tokens[i][1]
        if spans and not text[spans[-1][1]:start].strip(" -‐–"):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def snippet(text: str, spans: list[tuple[int, int]], size: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around the most matches it can hold, cut at spaces; the matches' offsets in it."""
    if len(text) <= size:
        return text, spans
    best, start = -1, 0
    for s, _ in spans or [(0, 0)]:
        lo = max(0, s - size // 4)
        count = sum(1 for a, b in spans if a >= lo and b <= lo + size)
        if count > best:
            best, start = count, lo
    end = min(len(text), start + size)
    if start > 0:
        start = text.find(" ", start, start + 30) + 1 or start
    if end < len(text):
        end = text.rfind(" ", end - 30, end) if text.rfind(" ", end - 30, end) > start else end
    head, tail = ("… " if start > 0 else ""), (" …" if end < len(text) else "")
    shift = len(head) - start
    kept = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return head + text[start:end] + tail, kept


class SearchIndex:
    """A release's search index, read-only; one SQLite connection per thread and process."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        try:
            version = self._db().execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.Error as exc:
            raise SearchUnavailable(f"the search index {self.path.name} cannot be read ({exc}): run `kg build` again") from None
        if version is None or version[0] != SCHEMA_VERSION:
            raise SearchUnavailable(f"the search index {self.path.name} is of another version: run `kg build` again")
        self.scores = functools.lru_cache(maxsize=256)(self._scores)

    @classmethod
    def of(cls, release: Release) -> SearchIndex:
        """The release's index; SearchUnavailable when it has none."""
        if not release.search_index.is_file():
            raise SearchUnavailable("this release has no search index (it was built before search existed): "
                                    "run `kg build` again")
        return cls(release.search_index)

    def _db(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():  # a connection never crosses a fork
            local.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                       check_same_thread=False)
            local.pid = os.getpid()
        return local.db

    def search(self, query: str, limit: int = 20, offset: int = 0, kinds: tuple[str, ...] = ()) -> Results:
        """The hits of a query, best first; a query that finds nothing is retried with its typos corrected."""
        t = terms(query)
        if t is None:
            return Results(query, [], 0)
        hits, total = self._hits(t, limit, offset, kinds)
        corrected = None
        if total == 0:
            fixed = self._corrected(t)
            if fixed is not None:
                t, corrected = fixed, " ".join(fixed.words)
                hits, total = self._hits(t, limit, offset, kinds)
        return Results(query, hits, total, corrected)

    def suggest(self, query: str, limit: int = 8) -> list[Hit]:
        """Entities and documents whose names match what is typed so far (the last word as a prefix)."""
        t = terms(query, prefix=not query[-1:].isspace())
        if t is None:
            return []
        return self._hits(t, limit, 0, ("entity", "document"), count=False)[0]

    def _hits(self, t: Terms, limit: int, offset: int, kinds: tuple[str, ...], count: bool = True) -> tuple[list[Hit], int]:
        where = "fts MATCH ?" + (f" AND items.kind IN ({', '.join('?' * len(kinds))})" if kinds else "")
        weight = "CASE items.kind " + " ".join(f"WHEN '{k}' THEN {w}" for k, w in KIND_WEIGHTS.items()) + " ELSE 1 END"
        rank = f"bm25(fts, {', '.join(map(str, COLUMN_WEIGHTS))}) * {weight}"
        whole = "|" + " ".join(t.words) + "|"
        db = self._db()
        rows = db.execute(
            f"SELECT items.kind, items.iri, items.title, items.names, items.body, items.document, items.anchor, items.note, "
            f"{rank} AS r FROM fts JOIN items ON items.id = fts.rowid WHERE {where} "
            f"ORDER BY instr(items.folded, ?) = 0, instr(items.skeletons, ?) = 0, r, items.id LIMIT ? OFFSET ?",
            (t.match(), *kinds, whole, "|" + "".join(skeleton(w) for w in t.words) + "|", limit, offset)).fetchall()
        total = db.execute(f"SELECT count(*) FROM fts JOIN items ON items.id = fts.rowid WHERE {where}",
                           (t.match(), *kinds)).fetchone()[0] if count else len(rows)
        return [_hit(row, t) for row in rows], total

    @functools.cached_property
    def vocabulary(self) -> dict[str, int]:
        """The index's words (of names and texts, not keys) and in how many rows each occurs."""
        rows = self._db().execute("SELECT term, sum(doc) FROM vocabulary WHERE col != 'keys' GROUP BY term").fetchall()
        return dict(rows)

    def _corrected(self, t: Terms) -> Terms | None:
        """The terms with each word the index does not have replaced by its nearest word there (one edit for words
        of up to six letters, two beyond; words under four letters are left as they are), or None if none is."""
        vocabulary, changed, words = self.vocabulary, False, []
        for word in t.words:
            if word in vocabulary or len(word) < 4 or word.isdigit():
                words.append(word)
                continue
            near = process.extract(word, vocabulary.keys(), scorer=Levenshtein.distance,
                                   score_cutoff=1 if len(word) <= 6 else 2, limit=10)
            if near:
                best = min(near, key=lambda m: (m[1], -vocabulary[m[0]], m[0]))[0]
                words.append(best)
                changed = True
            else:
                words.append(word)
        return Terms(tuple(words), t.prefix) if changed else None

    def sparql_functions(self) -> dict[ox.NamedNode, Callable]:
        """The SPARQL extension functions over this index, for the engine's `custom_functions`: lbf:search(?x,
        "words") is the score (xsd:double) of the best hit of the words on the IRI ?x (an entity, a claim, or a
        document for its title and passages), unbound when they do not find it."""
        double = ox.NamedNode(XSD + "double")

        def search(*args) -> ox.Literal | None:
            if len(args) != 2 or not isinstance(args[0], ox.NamedNode) or not isinstance(args[1], ox.Literal):
                return None
            score = self.scores(args[1].value).get(args[0].value)
            return None if score is None else ox.Literal(repr(score), datatype=double)

        return {ox.NamedNode(LBF + "search"): search}

    def _scores(self, query: str) -> dict[str, float]:
        """Each IRI the query finds (an entity, a claim, a document for its title or passages) with its best score."""
        t = terms(query)
        if t is None:
            return {}
        best: dict[str, float] = {}
        for hit in self._hits(t, 100_000, 0, (), count=False)[0]:
            if hit.score > best.get(hit.iri, 0.0):
                best[hit.iri] = hit.score
        return best


def _hit(row: tuple, t: Terms) -> Hit:
    kind, iri, title, names, body, document, anchor, note, rank = row
    fields: list[tuple[str, str]] = []
    if kind == "entity":
        labels = names.split(NAME_SEPARATOR)
        fields = [("label", labels[0]), *(("alias", alias) for alias in labels[1:]), ("description", body)]
    elif kind == "document":
        fields = [("title", title)]
    else:
        fields = [("quote" if kind == "claim" else "text", body)]
    fields = [(name, " ".join(text.split())) for name, text in fields]
    # The field where most of the words matched (the first of those: the label before an alias).
    matched = [(name, text, highlights(text, t)) for name, text in fields]
    name, text, spans = max(matched, key=lambda m: len(m[2])) if any(m[2] for m in matched) else (*fields[-1], [])
    shown, kept = snippet(text, spans)
    return Hit(kind, iri, title, round(-rank, 4), name, shown, kept, document, anchor, note)
