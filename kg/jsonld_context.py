"""The JSON-LD context of the vocabulary: the data's prefixes, and one short term per class and property of the ontology."""

from __future__ import annotations

import json
from collections import defaultdict

from .errors import InputError
from .namespaces import LB, OWL, PREFIXES, RDF, RDFS, XSD
from .ontology import Ontology

_TERM_KINDS = {OWL + "Class", OWL + "ObjectProperty", OWL + "DatatypeProperty"}


def _declared(ontology: Ontology) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Types and ranges of every term of the ontology namespace, as the Turtle declares them."""
    kinds: dict[str, set[str]] = defaultdict(set)
    ranges: dict[str, set[str]] = defaultdict(set)
    for t in ontology.triples:
        s = t.subject.value
        if not s.startswith(LB):
            continue
        if t.predicate.value == RDF + "type":
            kinds[s].add(t.object.value)
        elif t.predicate.value == RDFS + "range":
            ranges[s].add(t.object.value)
    return kinds, ranges


def _term(iri: str, kinds: set[str], ranges: set[str]) -> str | dict:
    if OWL + "ObjectProperty" in kinds:
        return {"@id": iri, "@type": "@id"}
    if OWL + "DatatypeProperty" in kinds and len(ranges) == 1:
        (datatype,) = ranges
        # Only an XSD datatype can be coerced; rdf:langString or a custom datatype would not be valid here.
        if datatype.startswith(XSD):
            return {"@id": iri, "@type": "xsd:" + datatype[len(XSD):]}
    return iri


def build_context(ontology: Ontology) -> dict:
    """{"@context": {prefix: namespace, ..., Term: IRI or {"@id", "@type"}}}."""
    kinds, ranges = _declared(ontology)
    context: dict[str, str | dict] = dict(PREFIXES)
    for iri in sorted(kinds):
        if not kinds[iri] & _TERM_KINDS:
            continue
        name = iri[len(LB):]
        if name in context:
            raise InputError(ontology.path, None, f"term {name!r} would hide the prefix {name}: in the JSON-LD context")
        context[name] = _term(iri, kinds[iri], ranges[iri])
    return {"@context": context}


def context_json(ontology: Ontology) -> str:
    """The context as JSON text, keys sorted, so two builds give the same bytes."""
    return json.dumps(build_context(ontology), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
