"""The search index of a release: one SQLite file (FTS5, from Python's standard library) written with the release.

What is indexed, one row each (`items`), read from the release's store and document texts:
- `entity`: every register entity — label, aliases (`names`) and description (`body`);
- `document`: every source document — its title;
- `claim`: every claim — the quote behind its facts, with its document and the anchor of the quote on the
  document's page (`s-<statement>`);
- `passage`: every paragraph of every document's in-scope text, with its anchor (`p-<start>`).

The full-text table (`fts`) holds, for each row, the folded text of its names and body (kg.names.fold: ASCII,
lower case, no apostrophes or marks) and `keys`: the skeletons (kg.names.skeleton) of each word, of each pair of
adjacent words and of each whole name, so that the transliterations of one name meet (Kataeb / Kata'ib,
Hizballah / Hezbollah, al-Bukamal / Albu Kamal) whichever of them the text or the query uses. kg.search reads it.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass

from .document_texts import paragraphs
from .iris import DOCUMENTS_GRAPH, PROVENANCE_GRAPH, Iris
from .names import fold, is_article, skeleton
from .namespaces import LB, sparql_prefixes
from .release import Release
from .store_interface import GraphStore

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
KINDS = ("entity", "document", "claim", "passage")
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE items(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, iri TEXT NOT NULL, title TEXT NOT NULL,
                   names TEXT NOT NULL, body TEXT NOT NULL, document TEXT, anchor TEXT, note TEXT,
                   folded TEXT NOT NULL, skeletons TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(names, body, keys, content='', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(fts, 'col');
"""
NAME_SEPARATOR = "\n"  # between an entity's label and its aliases in `names`
# `folded` and `skeletons` hold each name whole between bars (|kataib hezbollah|kh|), so that a query that is a
# whole name, as written or as another transliteration of it, can come first.


@dataclass(frozen=True)
class Item:
    kind: str
    iri: str
    title: str
    names: tuple[str, ...] = ()
    body: str = ""
    document: str | None = None
    anchor: str | None = None
    note: str | None = None  # what kind of thing it is, for the results page (an entity's class, a claim's modality)


def content_words(text: str) -> list[str]:
    """The folded words of a text that carry its meaning for search (the article standing alone left out)."""
    words = fold(text).split()
    return [w for w in words if not is_article(w)] or words


def keys(text: str, whole: bool = False) -> list[str]:
    """The skeleton keys of a text: of each word, of each pair of adjacent words (a name written as one word or
    two: Albu Kamal / al-Bukamal) and, for a name (`whole`), of all of it."""
    skeletons = [skeleton(w) for w in content_words(text)]
    out = [s for s in skeletons if s]
    out += [a + b for a, b in zip(skeletons, skeletons[1:], strict=False) if a and b]
    if whole and len(skeletons) > 2:
        out.append("".join(skeletons))
    return out


def _items(store: GraphStore, release: Release, iris: Iris) -> list[Item]:
    prefixes = sparql_prefixes("lb", "rdfs", "skos", "schema", "prov", "oa", "dcterms")
    types: dict[str, str] = {}
    for row in store.query(prefixes + """SELECT ?e (MIN(STR(?tl)) AS ?type) WHERE {
            GRAPH ?g { ?e skos:prefLabel ?l ; a ?t } ?t rdfs:label ?tl } GROUP BY ?e"""):
        types[row["e"].value] = row["type"].value
    names: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for row in store.query(prefixes + """SELECT ?e ?label ?alias ?d WHERE {
            GRAPH ?g { ?e skos:prefLabel ?label OPTIONAL { ?e skos:altLabel ?alias } OPTIONAL { ?e schema:description ?d } } }"""):
        e = row["e"].value
        entry = names.setdefault(e, [row["label"].value])
        if row["alias"] is not None and row["alias"].value not in entry:
            entry.append(row["alias"].value)
        if row["d"] is not None:
            descriptions[e] = row["d"].value
    items = [Item("entity", e, labels[0], (labels[0], *sorted(labels[1:])), descriptions.get(e, ""), note=types.get(e))
             for e, labels in names.items()]
    documents: dict[str, str] = {}
    for row in store.query(prefixes + f"""SELECT ?d ?title ?id WHERE {{ GRAPH <{iris.graph(DOCUMENTS_GRAPH).value}> {{
            ?d a lb:SourceDocument ; rdfs:label ?title ; dcterms:identifier ?id }} }}"""):
        documents[row["d"].value] = row["title"].value
        items.append(Item("document", row["d"].value, row["title"].value, (row["title"].value,), note="source document"))
        text = release.document_text(row["id"].value)
        for start, _end, passage in paragraphs(text["segments"]) if text else ():
            items.append(Item("passage", row["d"].value, row["title"].value, body=passage, document=row["d"].value,
                              anchor=f"p-{start}"))
    for row in store.query(prefixes + f"""SELECT ?c ?id ?doc ?quote ?modality WHERE {{
            GRAPH <{iris.graph(PROVENANCE_GRAPH).value}> {{ ?c a lb:Claim ; lb:statementId ?id ; prov:wasDerivedFrom ?doc ;
            lb:evidence/oa:hasTarget/oa:hasSelector ?s . ?s oa:exact ?quote OPTIONAL {{ ?c lb:modality ?modality }} }} }}"""):
        doc = row["doc"].value
        modality = row["modality"].value[len(LB):] if row["modality"] is not None else None
        items.append(Item("claim", row["c"].value, f"Claim {row['id'].value} ({documents.get(doc, doc)})",
                          body=row["quote"].value, document=doc, anchor=f"s-{row['id'].value}", note=modality))
    return sorted(items, key=lambda i: (KINDS.index(i.kind), i.iri, i.anchor or ""))


def _rows(items: Iterable[Item]) -> Iterable[tuple]:
    for n, item in enumerate(items, 1):
        folded_names = " . ".join(fold(name) for name in item.names)
        item_keys = [k for name in item.names for k in keys(name, whole=True)] + keys(item.body)
        yield n, item, (n, folded_names, fold(item.body), " ".join(item_keys))


def _bars(values: Iterable[str]) -> str:
    return "|" + "|".join(values) + "|"


def write_search_index(store: GraphStore, release: Release, base: str) -> dict:
    """Index the release's entities, documents, claims and passages into its search index file; its figures."""
    started = time.perf_counter()
    path = release.search_index
    path.unlink(missing_ok=True)
    items = _items(store, release, Iris(base))
    db = sqlite3.connect(path)
    try:
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), ("base_iri", base)])
        for n, item, fts_row in _rows(items):
            db.execute("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (n, item.kind, item.iri, item.title, NAME_SEPARATOR.join(item.names), item.body, item.document,
                        item.anchor, item.note, _bars(fold(name) for name in item.names),
                        _bars(skeleton(name) for name in item.names)))
            db.execute("INSERT INTO fts(rowid, names, body, keys) VALUES (?, ?, ?, ?)", fts_row)
        db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    figures = {"items": len(items), "bytes": path.stat().st_size, "seconds": round(time.perf_counter() - started, 3)}
    log.info("search index: %(items)d items, %(bytes)d bytes, in %(seconds)s s", figures)
    return figures

