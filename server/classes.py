"""The ontology's classes as the home page and /browse count them: each with the instances of its subclasses.

A class's instances are the nodes typed with it or with any of its subclasses (`a/rdfs:subClassOf*`), in the
default graph: a State Department terrorist designation is a Sanction too. The home page lists every class of
the ontology that has instances, as a tree of rdfs:subClassOf (a class with two parents appears under both).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.namespaces import LB, sparql_prefixes

PREFIXES = sparql_prefixes("rdfs")


@dataclass
class ClassCount:
    iri: str
    label: str
    count: int  # instances, its subclasses' included
    direct: int  # instances typed with the class itself
    children: list[ClassCount] = field(default_factory=list)


def class_counts(store) -> dict[str, ClassCount]:
    """Every class of the ontology (lb:) with at least one instance, its subclasses' counted with it."""
    out: dict[str, ClassCount] = {}
    for r in store.query(PREFIXES + f"""SELECT ?c (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            ?e a/rdfs:subClassOf* ?c FILTER(STRSTARTS(STR(?c), "{LB}")) OPTIONAL {{ ?c rdfs:label ?l }} }} GROUP BY ?c"""):
        iri = r["c"].value
        out[iri] = ClassCount(iri, r["label"].value if r["label"] else iri[len(LB):], int(r["n"].value), 0)
    for r in store.query(f"""SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?c FILTER(STRSTARTS(STR(?c), "{LB}")) }}
            GROUP BY ?c"""):
        if r["c"].value in out:
            out[r["c"].value].direct = int(r["n"].value)
    return out


def class_tree(store) -> list[ClassCount]:
    """The classes with instances as a tree: roots are those with no superclass among them; children by label."""
    counts = class_counts(store)
    parents: dict[str, set[str]] = {}
    for r in store.query(PREFIXES + "SELECT ?c ?p WHERE { ?c rdfs:subClassOf ?p FILTER(?c != ?p) }"):
        c, p = r["c"].value, r["p"].value
        if c in counts and p in counts:
            parents.setdefault(c, set()).add(p)
    for c, ps in parents.items():
        for p in ps:
            counts[p].children.append(counts[c])
    for node in counts.values():
        node.children.sort(key=lambda n: n.label.lower())
    return sorted((n for c, n in counts.items() if c not in parents), key=lambda n: n.label.lower())


@dataclass
class Instances:
    cls: str
    label: str
    items: list[dict]  # iri, label (the IRI where it has none), types (those of its subclasses it has, as labels)
    subclasses: list[tuple[str, str, int]]  # (IRI, label, instances) of the subclasses that have instances


def instances_of(store, cls: str) -> Instances:
    """Every instance of a class or of its subclasses, with labels, and which subclasses they come from."""
    label = next((r["l"].value for r in store.query(PREFIXES + f"SELECT ?l WHERE {{ <{cls}> rdfs:label ?l }} LIMIT 1")),
                 cls.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
    items: dict[str, dict[str, str]] = {}
    for r in store.query(PREFIXES + f"""SELECT ?e ?label ?t ?tl WHERE {{ ?e a ?t . ?t rdfs:subClassOf* <{cls}> .
            OPTIONAL {{ ?e rdfs:label ?label }} OPTIONAL {{ ?t rdfs:label ?tl }} }}
            ORDER BY LCASE(COALESCE(?label, STR(?e))) ?e ?t"""):
        label = r["label"].value if r["label"] is not None else r["e"].value  # a node without a label (evidence) by its IRI
        item = items.setdefault(r["e"].value, {"iri": r["e"].value, "label": label, "types": []})
        if r["t"].value != cls and r["tl"] is not None and r["tl"].value not in item["types"]:
            item["types"].append(r["tl"].value)
    subclasses = [(r["s"].value, r["sl"].value if r["sl"] else r["s"].value, int(r["n"].value)) for r in store.query(
        PREFIXES + f"""SELECT ?s (SAMPLE(?l) AS ?sl) (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            ?s rdfs:subClassOf+ <{cls}> FILTER(?s != <{cls}>) ?e a/rdfs:subClassOf* ?s OPTIONAL {{ ?s rdfs:label ?l }} }}
            GROUP BY ?s ORDER BY LCASE(SAMPLE(?l))""")]
    return Instances(cls, label, list(items.values()), subclasses)
