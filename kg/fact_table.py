"""The facts as a table: one labelled row per fact and asserted claim that supports it, written as CSV a spreadsheet opens.

A fact here is a triple of the default graph that a claim graph holds: what the sources assert, current
(a superseded value and what a source only plans, expects, recommends, makes conditional or denies are
not facts of the default graph, so they have no row). A fact two claims assert has two rows, the same in
their fact columns. Every IRI has its label beside it; a literal's "label" is its value.

The CSV is UTF-8 with a byte-order mark and CRLF line ends (RFC 4180), as spreadsheets read it without an
import dialog; a cell that a spreadsheet would take for a formula (=, +, -, @ first) cannot occur in the data
and is checked for by the tests rather than altered here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import pyoxigraph as ox

from .namespaces import LB, sparql_prefixes
from .store_interface import GraphStore

FIELDS = (
    "subject", "subject_label", "property", "property_label", "object", "object_label", "object_datatype",
    "valid_from", "valid_until", "time_text", "certainty", "attributed_to", "attribution",
    "document", "document_title", "document_date", "quote", "claim",
)
BOM = "\ufeff"

_ROWS = sparql_prefixes("lb", "rdfs", "prov", "oa") + """
SELECT ?s ?p ?o ?claim ?sid ?certainty ?doc ?title ?date ?earliest ?exact ?from ?until ?text ?attribution WHERE {
  %s
  ?s ?p ?o .
  ?claim a lb:Claim ; lb:modality lb:asserted ; lb:statementId ?sid ; lb:certainty ?certainty ;
         prov:wasDerivedFrom ?doc ; lb:evidence/oa:hasTarget/oa:hasSelector ?sel .
  ?sel a oa:TextQuoteSelector ; oa:exact ?exact .
  ?doc rdfs:label ?title .
  OPTIONAL { ?doc lb:publicationDate ?date } OPTIONAL { ?doc lb:earliestDate ?earliest }
  OPTIONAL { ?claim lb:validFrom ?from } OPTIONAL { ?claim lb:validUntil ?until }
  OPTIONAL { ?claim lb:timeText ?text } OPTIONAL { ?claim lb:attribution ?attribution }
}"""


def _pattern(iri: str | None) -> str:
    if iri is None:
        return "GRAPH ?claim { ?s ?p ?o }"
    return f"{{ GRAPH ?claim {{ <{iri}> ?p ?o }} BIND(<{iri}> AS ?s) }} UNION {{ GRAPH ?claim {{ ?s ?p <{iri}> }} BIND(<{iri}> AS ?o) }}"


def _text(term) -> str:
    return term.value if term is not None else ""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _labels(store: GraphStore, iris: set[str]) -> dict[str, str]:
    """rdfs:label of each IRI (an English or untagged one first, then the smallest), in batches."""
    best: dict[str, tuple[int, str]] = {}
    ordered = sorted(iris)
    for i in range(0, len(ordered), 500):
        values = " ".join(f"<{x}>" for x in ordered[i:i + 500])
        for row in store.query(sparql_prefixes("rdfs") + f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l }}"):
            lang = getattr(row["l"], "language", None)
            candidate = (0 if lang in (None, "en") else 1, row["l"].value)
            key = row["x"].value
            if key not in best or candidate < best[key]:
                best[key] = candidate
    return {x: label for x, (_, label) in best.items()}


def _attributed(store: GraphStore, claims: set[str]) -> dict[str, list[str]]:
    """The entities each claim is attributed to (lb:attributedTo), as IRIs."""
    out: dict[str, list[str]] = {}
    if not claims:
        return out
    values = " ".join(f"<{c}>" for c in sorted(claims))
    for row in store.query(f"SELECT ?c ?a WHERE {{ VALUES ?c {{ {values} }} ?c <{LB}attributedTo> ?a }} ORDER BY ?c ?a"):
        out.setdefault(row["c"].value, []).append(row["a"].value)
    return out


def fact_rows(store: GraphStore, about: str | None = None) -> list[dict[str, str]]:
    """Every fact of the default graph with each asserted claim that supports it, as rows of FIELDS; with `about`
    (an IRI), only the facts whose subject or object it is. Ordered by subject, property, object and claim."""
    found = list(store.query(_ROWS % _pattern(about)))
    iris = {t.value for r in found for t in (r["s"], r["p"], r["o"], r["certainty"]) if isinstance(t, ox.NamedNode)}
    claims = {r["claim"].value for r in found}
    attributed = _attributed(store, claims)
    labels = _labels(store, iris | {a for names in attributed.values() for a in names})
    rows, seen = [], set()
    for r in found:
        s, p, o, claim = r["s"], r["p"], r["o"], r["claim"].value
        key = (str(s), str(p), str(o), claim)
        if key in seen:  # a claim with two quote selectors or a document with two labels gives a row once
            continue
        seen.add(key)
        literal = isinstance(o, ox.Literal)
        date = _text(r["date"]) or ("not stated" + (f", not before {r['earliest'].value}" if r["earliest"] is not None else ""))
        rows.append({
            "subject": s.value, "subject_label": labels.get(s.value, ""),
            "property": p.value, "property_label": labels.get(p.value, _local(p.value)),
            "object": o.value, "object_label": o.value if literal else labels.get(o.value, ""),
            "object_datatype": o.datatype.value if literal and o.datatype is not None else "",
            "valid_from": _text(r["from"]), "valid_until": _text(r["until"]), "time_text": _text(r["text"]),
            "certainty": labels.get(r["certainty"].value, _local(r["certainty"].value)),
            "attributed_to": "; ".join(labels.get(a, a) for a in attributed.get(claim, [])),
            "attribution": _text(r["attribution"]),
            "document": r["doc"].value, "document_title": r["title"].value, "document_date": date,
            "quote": r["exact"].value, "claim": claim,
        })
    rows.sort(key=lambda row: (row["subject_label"].lower(), row["subject"], row["property_label"].lower(), row["property"],
                               row["object_label"].lower(), row["object"], row["claim"]))
    return rows


def to_csv(rows: Iterable[dict[str, str]]) -> bytes:
    """The rows as CSV: a header of FIELDS, UTF-8 with a byte-order mark, CRLF line ends, quoted where needed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return (BOM + out.getvalue()).encode("utf-8")
