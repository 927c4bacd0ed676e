"""What the store says about one IRI: its RDF description, and the facts and evidence a page shows.

The default graph holds only asserted, current facts. A page also tells what the sources say of
an entity without asserting it (the facts of intended, expected, conditional, recommended and
denied claims, which are only in their claim graphs), and the earlier values of a state that a
later claim superseded (lb:supersededBy); an entity only such claims mention has its register
entry in graph/register-modal, not in the default graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.iris import MODAL_REGISTER_GRAPH, Iris
from kg.namespaces import LB, RDF, RDFS, SCHEMA, SKOS, sparql_prefixes

from .dates import literal_words, time_words

PREFIXES = sparql_prefixes("lb", "rdf", "rdfs", "skos", "schema", "prov", "oa", "dcterms")
# Shown in the page's heading rather than as facts.
HEADING = {RDF + "type", RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel", SCHEMA + "description"}
DATED = {LB + "date", LB + "monthDay", LB + "dateNotBefore", LB + "dateNotAfter"}
LINK = SKOS + "exactMatch"  # a link to another dataset: shown with its source, apart from the facts
# The modalities that are not assertions, in the order pages list them: (modality, heading, what the sources do to it).
NOT_ASSERTED = (
    ("intended", "Planned or intended", "plan it"),
    ("expected", "Expected or predicted", "expect it"),
    ("conditional", "Conditional", "make it conditional"),
    ("recommended", "Recommended", "recommend it"),
    ("denied", "Denied", "deny it"),
)
HEADINGS = {m: heading for m, heading, _ in NOT_ASSERTED}
# What a claim of each modality says, for its page.
MEANINGS = {
    "asserted": "Asserted: the source says it happened or holds.",
    "intended": "Planned or intended, not asserted: the source says someone plans, prepares or intends it.",
    "expected": "Expected or predicted, not asserted: the source says it is expected or predicted.",
    "conditional": "Conditional, not asserted: the source says it would happen or hold if a condition holds.",
    "recommended": "Recommended, not asserted: the source says it should or must happen.",
    "denied": "Denied: the source says it did not happen or does not hold.",
}
FACTS_HEADINGS = {
    "asserted": "What it supports",
    "intended": "What it says is planned or intended (not asserted)",
    "expected": "What it expects or predicts (not asserted)",
    "conditional": "What it says would happen or hold if the condition holds (not asserted)",
    "recommended": "What it recommends (not asserted)",
    "denied": "What it denies (not asserted: it says this did not happen or does not hold)",
}
# Claim qualifiers read with the evidence: (variable, property).
QUALIFIERS = (("modality", "modality"), ("cue", "modalityCue"), ("condition", "condition"), ("share", "share"),
              ("at", "holdsAt"), ("from", "holdsFrom"), ("until", "holdsUntil"), ("text", "timeText"),
              ("asof", "asOf"), ("asofnb", "asOfNotBefore"))


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


def rdf_description(store: ox.Store, iri: str, base: str | None = None) -> list[ox.Quad]:
    """Triples about the IRI and its own sub-resources (a claim's evidence), the triples that point
    at it, and — for a claim or other named graph — the graph itself. An entity that only
    non-asserted claims mention is described by its register entry, in graph/register-modal."""
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
    if base is not None:
        for q in store.quads_for_pattern(node, None, None, Iris(base).graph(MODAL_REGISTER_GRAPH)):
            add(q)
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
    modality: str = "asserted"
    cue: str | None = None
    condition: str | None = None
    share: str | None = None
    time: str | None = None  # when the claim says its facts held, in words
    superseded_by: list[tuple[str, str]] = field(default_factory=list)  # (claim, statement id)
    ended: bool = False  # the claim says its states ended (lb:holdsUntil): they hold no more
    attributed_to: list[tuple[str, str]] = field(default_factory=list)  # (entity, label) the source names (lb:attributedTo)
    before: str | None = None  # the rest of the quote's sentence before it, where the release has the document's text
    after: str | None = None
    primary: str | None = None  # the document's primary source: one independent source however many copy it
    # Claims this one disputes or is disputed by, whose year-less date it resolves or that resolve its date:
    # {"disputes" | "disputed_by" | "resolves_date_of" | "date_resolved_by": [(claim, statement id, document title)]}
    related: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)


@dataclass
class Fact:
    predicate: str
    predicate_label: str
    value: ox.NamedNode | ox.Literal | ox.BlankNode
    value_label: str | None
    evidence: list[Evidence] = field(default_factory=list)
    timed: bool = False  # a time-indexed property (lb:timeIndexed): its evidence says when the fact held
    disputed: bool = False  # a claim behind it disputes, or is disputed by, one that gives another value of it

    @property
    def sources(self) -> int:
        """How many independent sources (primary sources) assert it: two or more corroborate it."""
        return len({e.primary for e in self.evidence if e.modality == "asserted" and e.primary})

    @property
    def dated(self) -> bool:
        """A date of its subject (where a claim that resolves another's year-less date says so)."""
        return self.predicate in DATED


@dataclass
class ClaimedFact:
    """A triple of one or more claims' graphs, where the page's entity is subject or object."""
    subject: ox.NamedNode
    subject_label: str | None
    predicate: str
    predicate_label: str
    value: ox.NamedNode | ox.Literal | ox.BlankNode
    value_label: str | None
    evidence: list[Evidence] = field(default_factory=list)
    asserted: bool = False  # the triple is also a fact of the default graph (another claim asserts it)
    timed: bool = False
    # For a superseded value: the later claims and the values they give, (claim, statement id, [(value, label)], time).
    later: list[tuple[str, str, list[tuple[object, str | None]], str | None]] = field(default_factory=list)


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
    not_asserted: list[tuple[str, str, list[ClaimedFact]]] = field(default_factory=list)  # (modality, heading, facts)
    superseded: list[ClaimedFact] = field(default_factory=list)
    modal_only: str | None = None  # for an entity only non-asserted claims mention: what the sources do to it
    links: list[Link] = field(default_factory=list)


@dataclass
class Link:
    """The same thing in another dataset, and where the link comes from: the graph that holds it and its source."""
    target: str
    dataset: str  # the label of the graph that holds the link (e.g. "GeoNames gazetteer")
    graph: str
    source: str | None

def _label(term, labels: dict[str, str]) -> str | None:
    return labels.get(term.value) if isinstance(term, ox.NamedNode) else None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def view(store: ox.Store, iri: str, base: str | None = None) -> View:
    """Everything an entity page shows, in a handful of queries: its register entry (from the default
    graph, or from graph/register-modal for an entity only non-asserted claims mention), its facts
    both ways with the claims behind each, what the sources say of it without asserting it, and the
    earlier values of its states that later claims superseded."""
    node = f"<{iri}>"
    modal = Iris(base).graph(MODAL_REGISTER_GRAPH) if base else None
    head = {"label": None, "description": None}
    types, aliases, mentioned, in_modal = [], [], [], False
    modal_pattern = f"UNION {{ GRAPH <{modal.value}> {{ {node} ?p ?o }} BIND(true AS ?modal) }}" if modal else ""
    for row in store.query(PREFIXES + f"""SELECT ?p ?o ?ol ?modal WHERE {{
        VALUES ?p {{ rdf:type rdfs:label skos:altLabel schema:description lb:mentionedIn }}
        {{ {node} ?p ?o }} {modal_pattern} OPTIONAL {{ ?o rdfs:label ?ol }} }}"""):
        p, o = row["p"].value, row["o"]
        in_modal = in_modal or row["modal"] is not None
        if p == RDF + "type":
            types.append((o.value, row["ol"].value if row["ol"] else _local(o.value)))
        elif p == RDFS + "label":
            head["label"] = o.value
        elif p == SKOS + "altLabel":
            aliases.append(o.value)
        elif p == SCHEMA + "description":
            head["description"] = o.value
        elif p == LB + "mentionedIn":
            mentioned.append((o.value, row["ol"].value if row["ol"] else o.value))
    found = _claimed(store, iri)
    terms = _terms(store, found.terms, modal)
    labels = terms.labels
    claims = _claims(store, found.by_claim)
    evidence: dict[tuple[str, str, str], list[Evidence]] = {}
    for claim, ev in claims.items():  # in statement order
        for s, p, o in found.by_claim[claim]:
            evidence.setdefault((s.value, p, _key(o)), []).append(ev)
    outgoing, incoming = [], []
    for row in store.query(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }} ORDER BY ?p ?o"):
        p, o = row["p"].value, row["o"]
        if p in HEADING or p == LB + "mentionedIn" or p == LINK:
            continue
        outgoing.append(Fact(p, labels.get(p, _local(p)), o, _label(o, labels), evidence.get((iri, p, _key(o)), []),
                             p in terms.timed))
    for row in store.query(f"SELECT ?s ?p WHERE {{ ?s ?p {node} }} ORDER BY ?p ?s"):
        s, p = row["s"], row["p"].value
        if p == RDF + "type":
            continue
        incoming.append(Fact(p, labels.get(p, _local(p)), s, _label(s, labels),
                             evidence.get((s.value, p, _key(ox.NamedNode(iri))), []), p in terms.timed))
    for fact in outgoing:
        fact.disputed = _disagreed(iri, fact.predicate, fact.value, fact.evidence, found)
    for fact in incoming:
        fact.disputed = _disagreed(fact.value.value, fact.predicate, ox.NamedNode(iri), fact.evidence, found)
    not_asserted, superseded = _not_asserted(iri, found, claims, terms)
    modal_only = None
    if in_modal and not outgoing and not incoming:
        said = [words for m, _, words in NOT_ASSERTED if any(m == g for g, _, _ in not_asserted)]
        modal_only = ("No source asserts it: the sources only " + _or(said) + "." if said
                      else "No source asserts any fact of it.")
    types.sort(key=lambda t: t[1])
    mentioned.sort()
    return View(iri, head["label"] or iri, types, sorted(aliases), head["description"], outgoing, incoming, mentioned,
                not_asserted, superseded, modal_only, links_of(store, iri))


def links_of(store: ox.Store, iri: str) -> list[Link]:
    """The entity's links to other datasets (skos:exactMatch), each with the graph it is in and that graph's source."""
    links: dict[tuple[str, str], Link] = {}
    for row in store.query(PREFIXES + f"""SELECT ?o ?g ?label ?source WHERE {{ GRAPH ?g {{ <{iri}> skos:exactMatch ?o }}
            FILTER(isIRI(?o)) OPTIONAL {{ ?g rdfs:label ?label }} OPTIONAL {{ ?g dcterms:source ?source }} }} ORDER BY ?o ?g"""):
        key = (row["o"].value, row["g"].value)
        if key not in links:
            links[key] = Link(row["o"].value, row["label"].value if row["label"] else row["g"].value, row["g"].value,
                              _text(row, "source"))
    return list(links.values())


def _disagreed(subject: str, predicate: str, value, evidence: list[Evidence], found: _Found) -> bool:
    """A claim behind the fact disputes, or is disputed by, a claim that gives the same subject another value of the
    same property (another figure, date or actor): the two sources disagree on it."""
    for ev in evidence:
        for other, _, _ in ev.related.get("disputes", []) + ev.related.get("disputed_by", []):
            if any(s.value == subject and p == predicate and o != value for s, p, o in found.by_claim.get(other, [])):
                return True
    return False


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _key(term) -> str:
    return str(term)


@dataclass
class _Found:
    by_claim: dict[str, list[tuple]]  # graph -> its triples (subject, predicate IRI, object) about the IRI
    current: set[tuple[str, str, str]]  # the keys of those triples that the default graph holds
    terms: set[str]  # every IRI in those triples


def _claimed(store: ox.Store, iri: str) -> _Found:
    """Every triple, in any graph, in which the IRI is subject or object."""
    node = ox.NamedNode(iri)
    found = _Found({}, set(), set())
    seen: set[ox.Quad] = set()
    for pattern in ((node, None, None), (None, None, node)):
        for q in store.quads_for_pattern(*pattern, None):
            if q in seen:
                continue
            seen.add(q)
            found.terms.update(t.value for t in (q.subject, q.predicate, q.object) if isinstance(t, ox.NamedNode))
            if isinstance(q.graph_name, ox.NamedNode):
                found.by_claim.setdefault(q.graph_name.value, []).append((q.subject, q.predicate.value, q.object))
            else:
                found.current.add((q.subject.value, q.predicate.value, _key(q.object)))
    return found


@dataclass
class _Terms:
    labels: dict[str, str] = field(default_factory=dict)
    one_value: set[str] = field(default_factory=set)  # properties with one value at a time (lb:oneValueAtATime)
    timed: set[str] = field(default_factory=set)  # properties whose facts hold at a time (lb:timeIndexed)


def _terms(store: ox.Store, iris: set[str], modal: ox.NamedNode | None) -> _Terms:
    """Labels of the IRIs (from the default graph or graph/register-modal), and which of them are
    time-indexed and one-value-at-a-time properties."""
    out = _Terms()
    if not iris:
        return out
    values = " ".join(f"<{i}>" for i in sorted(iris))
    in_modal = f"UNION {{ GRAPH <{modal.value}> {{ ?x rdfs:label ?l }} }}" if modal else ""
    for row in store.query(PREFIXES + f"""SELECT ?x ?l ?one ?timed WHERE {{ VALUES ?x {{ {values} }}
            OPTIONAL {{ {{ ?x rdfs:label ?l }} {in_modal} }} OPTIONAL {{ ?x lb:oneValueAtATime ?one }}
            OPTIONAL {{ ?x lb:timeIndexed ?timed }} }}"""):
        x = row["x"].value
        if row["l"] is not None:
            out.labels.setdefault(x, row["l"].value)
        if row["one"] is not None and row["one"].value == "true":
            out.one_value.add(x)
        if row["timed"] is not None and row["timed"].value == "true":
            out.timed.add(x)
    return out


def _claims(store: ox.Store, by_claim: dict[str, list]) -> dict[str, Evidence]:
    """Each claim among the graphs: its quote in context, document, certainty, modality and time."""
    out: dict[str, Evidence] = {}
    if not by_claim:
        return out
    values = " ".join(f"<{c}>" for c in sorted(by_claim))
    optional = " ".join(f"OPTIONAL {{ ?claim lb:{prop} ?{var} }}" for var, prop in QUALIFIERS)
    query = PREFIXES + f"""SELECT * WHERE {{
        VALUES ?claim {{ {values} }}
        ?claim a lb:Claim ; lb:statementId ?sid ; prov:wasDerivedFrom ?doc ; lb:certainty ?certainty ;
               lb:evidence/oa:hasTarget/oa:hasSelector ?sel .
        ?sel a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
        ?doc rdfs:label ?title .
        OPTIONAL {{ ?claim lb:attribution ?attribution }} OPTIONAL {{ ?claim lb:hedge ?hedge }} {optional}
        OPTIONAL {{ ?claim lb:supersededBy ?by . ?by lb:statementId ?bysid }}
        OPTIONAL {{ ?doc lb:primarySource ?primary }}
    }} ORDER BY ?sid ?bysid"""
    for row in store.query(query):
        claim = row["claim"].value
        ev = out.get(claim)
        if ev is None:
            ev = out[claim] = _evidence_of(row)
            ev.primary = _text(row, "primary")
        if row["by"] is not None and (row["by"].value, row["bysid"].value) not in ev.superseded_by:
            ev.superseded_by.append((row["by"].value, row["bysid"].value))
    for row in store.query(PREFIXES + f"""SELECT ?claim ?a (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?claim {{ {values} }}
            ?claim lb:attributedTo ?a OPTIONAL {{ ?a rdfs:label ?l }} }} GROUP BY ?claim ?a ORDER BY ?claim ?label"""):
        if row["claim"].value in out:
            out[row["claim"].value].attributed_to.append((row["a"].value, row["label"].value if row["label"] else row["a"].value))
    for row in store.query(PREFIXES + f"""SELECT ?claim ?rel ?other ?osid ?otitle WHERE {{ VALUES ?claim {{ {values} }}
            {{ ?claim lb:disputes ?other BIND("disputes" AS ?rel) }} UNION {{ ?other lb:disputes ?claim BIND("disputed_by" AS ?rel) }}
            UNION {{ ?claim lb:resolvesDateOf ?other BIND("resolves_date_of" AS ?rel) }}
            UNION {{ ?other lb:resolvesDateOf ?claim BIND("date_resolved_by" AS ?rel) }}
            ?other lb:statementId ?osid ; prov:wasDerivedFrom/rdfs:label ?otitle }} ORDER BY ?osid"""):
        ev = out.get(row["claim"].value)
        if ev is not None:
            ev.related.setdefault(row["rel"].value, []).append((row["other"].value, row["osid"].value, row["otitle"].value))
    return out


def _text(row, var: str) -> str | None:
    term = row[var]
    return term.value if term is not None else None


def _evidence_of(row) -> Evidence:
    return Evidence(row["claim"].value, row["sid"].value, row["doc"].value, row["title"].value,
                    _local(row["certainty"].value), row["exact"].value, row["prefix"].value, row["suffix"].value,
                    _text(row, "attribution"), _text(row, "hedge"),
                    _local(row["modality"].value) if row["modality"] is not None else "asserted",
                    _text(row, "cue"), _text(row, "condition"),
                    _local(row["share"].value) if row["share"] is not None else None,
                    time_words(row["at"], row["from"], row["until"], row["asof"], row["asofnb"], _text(row, "text")),
                    ended=row["until"] is not None)


def _not_asserted(iri: str, found: _Found, claims: dict[str, Evidence],
                  terms: _Terms) -> tuple[list[tuple[str, str, list[ClaimedFact]]], list[ClaimedFact]]:
    """The facts of the non-asserted claims about the IRI, by modality, and the earlier states: triples of
    one-value-at-a-time properties that an asserted claim gives and a later claim replaces, and states an asserted
    claim says ended; the default graph holds neither."""
    groups: dict[str, dict[tuple, ClaimedFact]] = {}
    superseded: dict[tuple, ClaimedFact] = {}
    labels = terms.labels

    def row_for(table: dict, s, p: str, o) -> ClaimedFact:
        key = (s.value, p, _key(o))
        if key not in table:
            table[key] = ClaimedFact(s, _label(s, labels), p, labels.get(p, _local(p)), o, _label(o, labels),
                                     asserted=key in found.current, timed=p in terms.timed)
        return table[key]

    for claim, ev in claims.items():  # in statement order
        for s, p, o in found.by_claim[claim]:
            if ev.modality != "asserted":
                row_for(groups.setdefault(ev.modality, {}), s, p, o).evidence.append(ev)
            elif ev.superseded_by and p in terms.one_value and (s.value, p, _key(o)) not in found.current:
                row = row_for(superseded, s, p, o)
                row.evidence.append(ev)
                for later, sid in ev.superseded_by:
                    if any(c == later for c, _, _, _ in row.later):
                        continue
                    values = [(o2, _label(o2, labels)) for s2, p2, o2 in found.by_claim.get(later, [])
                              if s2 == s and p2 == p and o2 != o]
                    row.later.append((later, sid, values, claims[later].time if later in claims else None))
            elif ev.ended and p in terms.timed and (s.value, p, _key(o)) not in found.current:
                row_for(superseded, s, p, o).evidence.append(ev)  # no later claim: the source says it ended

    def order(row: ClaimedFact):
        value = row.value_label or (literal_words(row.value) if isinstance(row.value, ox.Literal) else row.value.value)
        return (row.subject.value != iri, row.predicate_label.lower(), (row.subject_label or row.subject.value).lower(),
                value.lower())

    not_asserted = [(m, heading, sorted(groups[m].values(), key=order)) for m, heading, _ in NOT_ASSERTED if m in groups]
    return not_asserted, sorted(superseded.values(), key=order)


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
    modality: str = "asserted"
    modality_heading: str | None = None  # for a claim that asserts nothing: "Planned or intended", …
    modality_meaning: str = MEANINGS["asserted"]
    facts_heading: str = FACTS_HEADINGS["asserted"]
    cue: str | None = None
    condition: str | None = None
    share: str | None = None
    time: str | None = None
    valid: tuple[str | None, str | None] = (None, None)  # the days compared, lb:validFrom and lb:validUntil, in words
    year_bounded: bool = False
    # disputes, disputed_by, superseded_by, supersedes, resolves_date_of, date_resolved_by
    related: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    superseded_facts: list[tuple[ox.NamedNode, str, str, str, object, str | None]] = field(default_factory=list)
    before: str | None = None  # the rest of the quote's sentence, where the release has the document's text
    after: str | None = None


def claim_view(store: ox.Store, iri: str, base: str | None = None) -> ClaimView | None:
    """A claim: its quote in context, who says it and how surely, its modality and time, the claims
    it disputes or supersedes (and that dispute or supersede it), and the facts it supports."""
    node = f"<{iri}>"
    optional = " ".join(f"OPTIONAL {{ {node} lb:{prop} ?{var} }}" for var, prop in QUALIFIERS)
    rows = list(store.query(PREFIXES + f"""SELECT * WHERE {{ {node} a lb:Claim ; lb:statementId ?sid ;
                 prov:wasDerivedFrom ?doc ; lb:certainty ?certainty ;
                 lb:evidence/oa:hasTarget/oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?exact ;
                 oa:prefix ?prefix ; oa:suffix ?suffix . ?doc rdfs:label ?title .
                 OPTIONAL {{ {node} lb:attribution ?attribution }} OPTIONAL {{ {node} lb:hedge ?hedge }}
                 OPTIONAL {{ {node} lb:yearInferred ?inferred }} OPTIONAL {{ {node} lb:yearBounded ?bounded }}
                 OPTIONAL {{ {node} lb:validFrom ?vfrom }} OPTIONAL {{ {node} lb:validUntil ?vuntil }} {optional} }}"""))
    if not rows:
        return None
    r = rows[0]
    sources = [(row["a"].value, row["l"].value) for row in store.query(
        PREFIXES + f"SELECT ?a ?l WHERE {{ {node} lb:attributedTo ?a . ?a rdfs:label ?l }} ORDER BY ?l")]
    related: dict[str, list[tuple[str, str]]] = {}
    for row in store.query(PREFIXES + f"""SELECT ?rel ?c ?sid WHERE {{
            {{ {node} lb:disputes ?c BIND("disputes" AS ?rel) }} UNION {{ ?c lb:disputes {node} BIND("disputed_by" AS ?rel) }}
            UNION {{ {node} lb:supersededBy ?c BIND("superseded_by" AS ?rel) }}
            UNION {{ ?c lb:supersededBy {node} BIND("supersedes" AS ?rel) }}
            UNION {{ {node} lb:resolvesDateOf ?c BIND("resolves_date_of" AS ?rel) }}
            UNION {{ ?c lb:resolvesDateOf {node} BIND("date_resolved_by" AS ?rel) }}
            ?c lb:statementId ?sid }} ORDER BY ?rel ?sid"""):
        related.setdefault(row["rel"].value, []).append((row["c"].value, row["sid"].value))
    modality = _local(r["modality"].value) if r["modality"] is not None else "asserted"

    def labelled(var: str) -> str:
        modal = f"UNION {{ GRAPH {Iris(base).graph(MODAL_REGISTER_GRAPH)} {{ ?{var} rdfs:label ?{var}l }} }}" if base else ""
        return f"OPTIONAL {{ {{ ?{var} rdfs:label ?{var}l }} {modal} }}"

    facts, superseded, seen = [], [], set()
    for row in store.query(PREFIXES + f"""SELECT ?s ?sl ?p ?pl ?o ?ol ?current WHERE {{ GRAPH {node} {{ ?s ?p ?o }}
            {labelled("s")} OPTIONAL {{ ?p rdfs:label ?pl }} {labelled("o")}
            OPTIONAL {{ ?s ?p ?o BIND(true AS ?current) }} }} ORDER BY ?s ?p ?o"""):
        if (row["s"], row["p"], row["o"]) in seen:
            continue  # one row per triple, whatever the number of labels
        seen.add((row["s"], row["p"], row["o"]))
        fact = (row["s"], row["sl"].value if row["sl"] else row["s"].value, row["p"].value,
                row["pl"].value if row["pl"] else _local(row["p"].value), row["o"],
                row["ol"].value if row["ol"] else None)
        # An asserted claim's value that the default graph does not hold is one a later claim superseded.
        current = row["current"] is not None and row["current"].value == "true"
        (superseded if modality == "asserted" and not current else facts).append(fact)
    return ClaimView(iri, r["sid"].value, r["doc"].value, r["title"].value, _local(r["certainty"].value),
                     r["exact"].value, r["prefix"].value, r["suffix"].value, _text(r, "attribution"), sources,
                     _text(r, "hedge"), _text(r, "inferred") == "true", facts,
                     modality=modality, modality_heading=HEADINGS.get(modality),
                     modality_meaning=MEANINGS.get(modality, modality), facts_heading=FACTS_HEADINGS.get(modality, modality),
                     cue=_text(r, "cue"),
                     condition=_text(r, "condition"), share=_local(r["share"].value) if r["share"] is not None else None,
                     time=time_words(r["at"], r["from"], r["until"], r["asof"], r["asofnb"], _text(r, "text")),
                     valid=(literal_words(r["vfrom"]) if r["vfrom"] else None,
                            literal_words(r["vuntil"]) if r["vuntil"] else None),
                     year_bounded=_text(r, "bounded") == "true", related=related, superseded_facts=superseded)


def types_of(store: ox.Store, iri: str) -> set[str]:
    return {row["t"].value for row in store.query(f"SELECT ?t WHERE {{ <{iri}> a ?t }}")}
