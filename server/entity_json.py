"""An entity's facts with their evidence as plain JSON, at /id/<name>.json: what the HTML page shows, in the
shape a web developer expects (no RDF model to learn; JSON-LD stays at /id/<name>.jsonld).

    {"id", "label", "types": [{"id", "label"}], "aliases", "description", "page", "formats": {…},
     "links": [{"target", "dataset", "graph", "source"}],
     "facts": [{"property": {"id", "label"}, "values": [{"value": …, "evidence": [EVIDENCE, …]}]}],
     "referred_to_by": [{"property": …, "subjects": [{"subject": …, "evidence": […]}]}],
     "not_asserted": [{"modality", "heading", "facts": [{"subject", "property", "value", "evidence"}]}],
     "superseded": [{"subject", "property", "value", "evidence"}],
     "mentioned_in": [{"id", "title"}]}

A value is {"id", "label"} for a thing (with "page" where this server has one) or {"value", "datatype"} (and
"language") for a literal. EVIDENCE is {"claim", "statement", "quote", "certainty", "modality", "document": {"id",
"title", "date"}, "attribution", "hedge", "time", "superseded_by"} — a fact without evidence (the register's, the
gazetteer's) has none.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import pyoxigraph as ox

from kg.namespaces import LB

from .describe import ClaimedFact, Evidence, Fact, View
from .iris import local_path


def _value(term, label: str | None, base: str) -> dict[str, Any]:
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"value": term.value}
        if term.language:
            out["language"] = term.language
        else:
            out["datatype"] = term.datatype.value
        return out
    iri = term.value
    out = {"id": iri, "label": label or iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]}
    page = local_path(iri, base)
    if page:
        out["page"] = page
    return out


def _evidence(ev: Evidence, dates: dict[str, str], base: str) -> dict[str, Any]:
    return {
        "claim": ev.claim, "claim_page": local_path(ev.claim, base), "statement": ev.statement, "quote": ev.exact,
        "certainty": ev.certainty, "modality": ev.modality,
        "document": {"id": ev.document, "title": ev.document_title, "date": dates.get(ev.document),
                     "page": local_path(ev.document, base)},
        "attribution": ev.attribution, "hedge": ev.hedge, "modality_cue": ev.cue, "condition": ev.condition,
        "time": ev.time, "superseded_by": [claim for claim, _ in ev.superseded_by],
    }


def _property(iri: str, label: str) -> dict[str, str]:
    return {"id": iri, "label": label}


def _documents(store, view: View) -> dict[str, str]:
    """The publication date of every document the view's evidence cites."""
    docs = {ev.document for f in (*view.outgoing, *view.incoming, *view.superseded) for ev in f.evidence}
    docs |= {ev.document for _, _, rows in view.not_asserted for f in rows for ev in f.evidence}
    if not docs:
        return {}
    values = " ".join(f"<{d}>" for d in sorted(docs))
    return {row["d"].value: row["date"].value
            for row in store.query(f"SELECT ?d ?date WHERE {{ VALUES ?d {{ {values} }} ?d <{LB}publicationDate> ?date }}")}


def _claimed(f: ClaimedFact, dates: dict[str, str], base: str) -> dict[str, Any]:
    return {"subject": _value(f.subject, f.subject_label, base), "property": _property(f.predicate, f.predicate_label),
            "value": _value(f.value, f.value_label, base), "also_asserted": f.asserted,
            "evidence": [_evidence(ev, dates, base) for ev in f.evidence]}


def _grouped(facts: list[Fact], dates: dict[str, str], base: str, key: str) -> list[dict[str, Any]]:
    """Facts grouped by property, in the order the page gives them."""
    groups: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for f in facts:
        group = groups.setdefault(f.predicate, {"property": _property(f.predicate, f.predicate_label), key: []})
        group[key].append({"subject" if key == "subjects" else "value": _value(f.value, f.value_label, base),
                           "evidence": [_evidence(ev, dates, base) for ev in f.evidence]})
    return list(groups.values())


def entity_json(store, view: View, path: str, base: str) -> dict[str, Any]:
    """The plain JSON of an entity page's view; `path` is the page's local path (id/…)."""
    dates = _documents(store, view)
    return {
        "id": view.iri,
        "label": view.label,
        "types": [{"id": iri, "label": label} for iri, label in view.types],
        "aliases": view.aliases,
        "description": view.description,
        "page": f"/{path}",
        "formats": {"html": f"/{path}", "json": f"/{path}.json", "jsonld": f"/{path}.jsonld", "turtle": f"/{path}.ttl"},
        "links": [{"target": link.target, "dataset": link.dataset, "graph": link.graph, "source": link.source}
                  for link in view.links],
        "facts": _grouped(view.outgoing, dates, base, "values"),
        "referred_to_by": _grouped(view.incoming, dates, base, "subjects"),
        "not_asserted": [{"modality": modality, "heading": heading, "facts": [_claimed(f, dates, base) for f in rows]}
                         for modality, heading, rows in view.not_asserted],
        "superseded": [_claimed(f, dates, base) for f in view.superseded],
        "mentioned_in": [{"id": iri, "title": title, "page": local_path(iri, base)} for iri, title in view.mentioned_in],
        "modal_only": view.modal_only,
    }
