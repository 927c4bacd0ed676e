"""Reads the hand-written ontology: which classes, properties and concepts curators may use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError
from .namespaces import LB, OWL, RDF, RDFS, SKOS

# Properties the build writes itself; curated facts may not use them.
_METADATA_DOMAINS = {LB + "Claim", LB + "SourceDocument", LB + "Quantity", LB + "Waypoint"}
_METADATA_PROPERTIES = {LB + "mentionedIn", LB + "monthDay"}
_LABELS = (RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel")  # the names a concept is given
# Properties whose object is a date at the precision the source gives.
DATE_PROPERTIES = {"date", "dateNotBefore", "dateNotAfter"}


@dataclass(frozen=True)
class Property:
    iri: str
    name: str
    is_object: bool
    domain: str | None
    range: str | None
    time_indexed: bool = False  # its facts hold at a time (lb:timeIndexed)
    one_value: bool = False  # one value per subject at a time (lb:oneValueAtATime)


@dataclass
class Ontology:
    """The terms of the ontology, indexed by local name."""

    path: Path
    triples: list[ox.Triple]
    classes: dict[str, str] = field(default_factory=dict)  # local name -> IRI
    properties: dict[str, Property] = field(default_factory=dict)
    concepts: dict[str, set[str]] = field(default_factory=dict)  # class IRI -> local names
    concept_labels: dict[str, set[str]] = field(default_factory=dict)  # a concept's local name -> its labels
    superclasses: dict[str, set[str]] = field(default_factory=dict)  # class IRI -> ancestors

    def is_subclass(self, cls: str, ancestor: str) -> bool:
        return cls == ancestor or ancestor in self.superclasses.get(cls, set())

    def fact_property(self, name: str) -> Property | None:
        """The property curators may state facts with, or None."""
        prop = self.properties.get(name)
        if prop is None or prop.iri in _METADATA_PROPERTIES or prop.domain in _METADATA_DOMAINS:
            return None
        return prop


def _local(iri: str) -> str | None:
    return iri[len(LB):] if iri.startswith(LB) else None


def load_ontology(path: Path) -> Ontology:
    """Parse the ontology Turtle; a syntax error names the file and line."""
    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise InputError(path, getattr(exc, "lineno", None), f"invalid Turtle: {exc.msg if hasattr(exc, 'msg') else exc}") from exc
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc}") from exc
    onto = Ontology(path=path, triples=triples)
    types: dict[str, set[str]] = {}
    domain: dict[str, str] = {}
    range_: dict[str, str] = {}
    parents: dict[str, set[str]] = {}
    flags: dict[str, set[str]] = {}
    labels: dict[str, set[str]] = {}
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == RDF + "type" and isinstance(o, ox.NamedNode):
            types.setdefault(s.value, set()).add(o.value)
        elif p == RDFS + "domain" and isinstance(o, ox.NamedNode):
            domain[s.value] = o.value
        elif p == RDFS + "range" and isinstance(o, ox.NamedNode):
            range_[s.value] = o.value
        elif p == RDFS + "subClassOf" and isinstance(o, ox.NamedNode):
            parents.setdefault(s.value, set()).add(o.value)
        elif p in (LB + "timeIndexed", LB + "oneValueAtATime") and isinstance(o, ox.Literal) and o.value == "true":
            flags.setdefault(s.value, set()).add(p[len(LB):])
        elif p in _LABELS and isinstance(o, ox.Literal):
            labels.setdefault(s.value, set()).add(o.value)
    for iri, kinds in types.items():
        name = _local(iri)
        if name is None:
            continue
        if OWL + "Class" in kinds:
            onto.classes[name] = iri
        if OWL + "ObjectProperty" in kinds or OWL + "DatatypeProperty" in kinds:
            marks = flags.get(iri, set())
            onto.properties[name] = Property(
                iri, name, OWL + "ObjectProperty" in kinds, domain.get(iri), range_.get(iri),
                time_indexed="timeIndexed" in marks, one_value="oneValueAtATime" in marks,
            )
    for cls in parents:
        seen: set[str] = set()
        todo = list(parents[cls])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))
        onto.superclasses[cls] = seen
    for iri, kinds in types.items():
        name = _local(iri)
        for kind in kinds:
            if name and onto.is_subclass(kind, SKOS + "Concept") and kind != LB + "Commodity":
                onto.concepts.setdefault(kind, set()).add(name)
                onto.concept_labels[name] = labels.get(iri, set())
    return onto
