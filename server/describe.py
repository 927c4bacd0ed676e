"""What the store says about one IRI: its RDF description, and the facts and evidence a page shows."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import LB, OA, PROV, RDF, RDFS, SCHEMA, SKOS

PREFIXES = f"""PREFIX lb: <{LB}> PREFIX rdf: <{RDF}> PREFIX rdfs: <{RDFS}> PREFIX skos: <{SKOS}>
PREFIX schema: <{SCHEMA}> PREFIX prov: <{PROV}> PREFIX oa: <{OA}>
"""
# Shown in the page's heading rather than as facts.
HEADING = {RDF + "type", RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel", SCHEMA + "description"}


def valid_iri(iri: str) -> bool:
    """True when the text is an absolute IRI (so it can be written into a query between < and >)."""
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return not any(c in iri for c in '<>"{}|^`\\ ')


def exists(store: ox.Store, iri: str) -> bool:
    if not valid_iri(iri):
        return False
    node = ox.NamedNode(iri)
    return any(True for _ in store.quads_for_pattern(node, None, None)) or \
        any(True for _ in store.quads_for_pattern(None, None, node)) or \
        any(True for _ in store.quads_for_pattern(None, None, None, node))


def rdf_description(store: ox.Store, iri: str) -> list[ox.Quad]:
    """Triples about the IRI and its own sub-resources (a claim's evidence), the triples that point
    at it, and — for a claim or other named graph — the graph itself."""
    node = ox.NamedNode(iri)
    quads: list[ox.Quad] = []
    seen: set[ox.Quad] = set()

    def add(q: ox.Quad) -> None:
        if q not in seen:
            seen.add(q)
            quads.append(q)

    query = f"""SELECT ?s ?p ?o WHERE {{
      {{ <{iri}> ?p ?o BIND(<{iri}> AS ?s) }}
      UNION {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{iri}/")) }}
      UNION {{ ?s ?p <{iri}> BIND(<{iri}> AS ?o) }}
    }}"""
    for row in store.query(query):
        add(ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph()))
    for q in store.quads_for_pattern(None, None, None, node):
        add(q)
    return quads


@dataclass
class Evidence:
    claim: str
    statement: str
    document: str
    document_title: str
    certainty: str
    exact: str
    prefix: str
    suffix: str
    attribution: str | None = None
    hedge: str | None = None


@dataclass
class Fact:
    predicate: str
    predicate_label: str
    value: ox.NamedNode | ox.Literal | ox.BlankNode
    value_label: str | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class View:
    iri: str
    label: str
    types: list[tuple[str, str]]
    aliases: list[str]
    description: str | None
    outgoing: list[Fact]
    incoming: list[Fact]
    mentioned_in: list[tuple[str, str]]


def _label(term, labels: dict[str, str]) -> str | None:
    return labels.get(term.value) if isinstance(term, ox.NamedNode) else None


def view(store: ox.Store, iri: str) -> View:
    """Everything an entity page shows, in a handful of queries."""
    node = f"<{iri}>"
    head = {"label": None, "description": None}
    types, aliases = [], []
    for row in store.query(PREFIXES + f"""SELECT ?p ?o ?ol WHERE {{
        VALUES ?p {{ rdf:type rdfs:label skos:altLabel schema:description }}
        {node} ?p ?o OPTIONAL {{ ?o rdfs:label ?ol }} }}"""):
        p, o = row["p"].value, row["o"]
        if p == RDF + "type":
            types.append((o.value, row["ol"].value if row["ol"] else o.value.rsplit("#", 1)[-1]))
        elif p == RDFS + "label":
            head["label"] = o.value
        elif p == SKOS + "altLabel":
            aliases.append(o.value)
        elif p == SCHEMA + "description":
            head["description"] = o.value
    labels: dict[str, str] = {}
    for row in store.query(PREFIXES + f"""SELECT ?x ?l WHERE {{ {{ SELECT DISTINCT ?x WHERE {{
        {{ {node} ?x ?y }} UNION {{ {node} ?y ?x }} UNION {{ ?x ?y {node} }} UNION {{ ?y ?x {node} }} }} }}
        ?x rdfs:label ?l }}"""):
        labels.setdefault(row["x"].value, row["l"].value)
    evidence = _evidence(store, iri)
    outgoing, incoming, mentioned = [], [], []
    for row in store.query(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }} ORDER BY ?p ?o"):
        p, o = row["p"].value, row["o"]
        if p in HEADING:
            continue
        if p == LB + "mentionedIn":
            mentioned.append((o.value, labels.get(o.value, o.value)))
            continue
        outgoing.append(Fact(p, labels.get(p, p.rsplit("#", 1)[-1]), o, _label(o, labels),
                             evidence.get((iri, p, _key(o)), [])))
    for row in store.query(f"SELECT ?s ?p WHERE {{ ?s ?p {node} }} ORDER BY ?p ?s"):
        s, p = row["s"], row["p"].value
        if p == RDF + "type":
            continue
        incoming.append(Fact(p, labels.get(p, p.rsplit("#", 1)[-1]), s, _label(s, labels),
                             evidence.get((s.value, p, _key(ox.NamedNode(iri))), [])))
    types.sort(key=lambda t: t[1])
    return View(iri, head["label"] or iri, types, sorted(aliases), head["description"], outgoing, incoming, mentioned)


def _key(term) -> str:
    return str(term)


def _evidence(store: ox.Store, iri: str) -> dict[tuple[str, str, str], list[Evidence]]:
    """The claims behind every fact in which the IRI is subject or object."""
    node = ox.NamedNode(iri)
    by_claim: dict[str, list[tuple[str, str, str]]] = {}
    for pattern in ((node, None, None), (None, None, node)):
        for q in store.quads_for_pattern(*pattern, None):
            if isinstance(q.graph_name, ox.NamedNode):
                by_claim.setdefault(q.graph_name.value, []).append((q.subject.value, q.predicate.value, _key(q.object)))
    out: dict[tuple[str, str, str], list[Evidence]] = {}
    if not by_claim:
        return out
    values = " ".join(f"<{c}>" for c in sorted(by_claim))
    query = PREFIXES + f"""SELECT ?claim ?sid ?doc ?title ?certainty ?exact ?prefix ?suffix ?attribution ?hedge WHERE {{
        VALUES ?claim {{ {values} }}
        ?claim a lb:Claim ; lb:statementId ?sid ; prov:wasDerivedFrom ?doc ; lb:certainty ?certainty ;
               lb:evidence/oa:hasTarget/oa:hasSelector ?sel .
        ?sel a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
        ?doc rdfs:label ?title .
        OPTIONAL {{ ?claim lb:attribution ?attribution }} OPTIONAL {{ ?claim lb:hedge ?hedge }}
    }} ORDER BY ?sid"""
    for row in store.query(query):
        ev = Evidence(row["claim"].value, row["sid"].value, row["doc"].value, row["title"].value,
                      row["certainty"].value.rsplit("#", 1)[-1], row["exact"].value, row["prefix"].value,
                      row["suffix"].value, row["attribution"].value if row["attribution"] else None,
                      row["hedge"].value if row["hedge"] else None)
        for key in by_claim[row["claim"].value]:
            out.setdefault(key, []).append(ev)
    return out


@dataclass
class ClaimView:
    iri: str
    statement: str
    document: str
    document_title: str
    certainty: str
    exact: str
    prefix: str
    suffix: str
    attribution: str | None
    attributed_to: list[tuple[str, str]]
    hedge: str | None
    year_inferred: bool
    facts: list[tuple[ox.NamedNode, str, str, str, object, str | None]]  # s, s label, p, p label, o, o label


def claim_view(store: ox.Store, iri: str) -> ClaimView | None:
    """A claim: its quote in context, who says it and how surely, and the facts it supports."""
    node = f"<{iri}>"
    rows = list(store.query(PREFIXES + f"""SELECT ?sid ?doc ?title ?certainty ?exact ?prefix ?suffix ?attribution ?hedge ?inferred
        WHERE {{ {node} a lb:Claim ; lb:statementId ?sid ; prov:wasDerivedFrom ?doc ; lb:certainty ?certainty ;
                 lb:evidence/oa:hasTarget/oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?exact ;
                 oa:prefix ?prefix ; oa:suffix ?suffix . ?doc rdfs:label ?title .
                 OPTIONAL {{ {node} lb:attribution ?attribution }} OPTIONAL {{ {node} lb:hedge ?hedge }}
                 OPTIONAL {{ {node} lb:yearInferred ?inferred }} }}"""))
    if not rows:
        return None
    r = rows[0]
    sources = [(row["a"].value, row["l"].value) for row in store.query(
        PREFIXES + f"SELECT ?a ?l WHERE {{ {node} lb:attributedTo ?a . ?a rdfs:label ?l }} ORDER BY ?l")]
    facts = []
    for row in store.query(PREFIXES + f"""SELECT ?s ?sl ?p ?pl ?o ?ol WHERE {{ GRAPH {node} {{ ?s ?p ?o }}
            OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?p rdfs:label ?pl }} OPTIONAL {{ ?o rdfs:label ?ol }} }} ORDER BY ?s ?p ?o"""):
        facts.append((row["s"], row["sl"].value if row["sl"] else row["s"].value, row["p"].value,
                      row["pl"].value if row["pl"] else row["p"].value.rsplit("#", 1)[-1], row["o"],
                      row["ol"].value if row["ol"] else None))
    return ClaimView(iri, r["sid"].value, r["doc"].value, r["title"].value, r["certainty"].value.rsplit("#", 1)[-1],
                     r["exact"].value, r["prefix"].value, r["suffix"].value,
                     r["attribution"].value if r["attribution"] else None, sources,
                     r["hedge"].value if r["hedge"] else None, bool(r["inferred"]) and r["inferred"].value == "true", facts)


def types_of(store: ox.Store, iri: str) -> set[str]:
    return {row["t"].value for row in store.query(f"SELECT ?t WHERE {{ <{iri}> a ?t }}")}
