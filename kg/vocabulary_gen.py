"""Writes kg/vocabulary.py, the ontology's terms as an rdflib DefinedNamespace, from ontology/landbridge.ttl.

    python -m kg.vocabulary_gen            # rewrite kg/vocabulary.py
    python -m kg.vocabulary_gen --check    # exit 1 if it is out of date (tests run this check too)

Every IRI the ontology declares in its namespace becomes a term (class, property, annotation property,
datatype, concept scheme, concept); nothing else can be named through the namespace objects.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import rdflib

from .paths import Layout

LB_IRI = "https://landbridge-kg.org/ontology#"
TARGET = Path(__file__).with_name("vocabulary.py")
# How each kind of term is described in the generated file, most specific first.
OWL, RDFS, SKOS = "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#"
KINDS = [(OWL + "Class", "class"), (OWL + "ObjectProperty", "object property"),
         (OWL + "DatatypeProperty", "datatype property"), (OWL + "AnnotationProperty", "annotation property"),
         (RDFS + "Datatype", "datatype"), (SKOS + "ConceptScheme", "concept scheme")]


def terms(ontology: Path) -> list[tuple[str, str, str]]:
    """(local name, kind, label) of every term the ontology declares in its namespace, by local name."""
    graph = rdflib.Graph().parse(ontology, format="turtle")
    owl, skos = rdflib.OWL, rdflib.SKOS
    found = []
    for subject in set(graph.subjects(rdflib.RDF.type, None)):
        if not isinstance(subject, rdflib.URIRef) or not str(subject).startswith(LB_IRI):
            continue
        types = {str(t) for t in graph.objects(subject, rdflib.RDF.type)}
        kind = next((text for iri, text in KINDS if iri in types), "concept")
        if graph.value(subject, owl.deprecated) == rdflib.Literal(True):
            kind = "deprecated " + kind
        label = graph.value(subject, rdflib.RDFS.label) or graph.value(subject, skos.prefLabel) or ""
        found.append((str(subject)[len(LB_IRI):], kind, " ".join(str(label).split())))
    return sorted(found, key=lambda t: (t[0].lower(), t[0]))


def module_text(ontology: Path) -> str:
    lines = [
        '"""The terms of the Land Bridge ontology (lb:), generated from ontology/landbridge.ttl by',
        "`python -m kg.vocabulary_gen`: do not edit by hand.",
        "",
        "`LB.Militia` or `LB[\"Militia\"]` gives the term's IRI as an rdflib URIRef; a name the ontology does not",
        "declare raises AttributeError, so a typo cannot mint a new IRI. kg.namespaces gives the same terms as plain",
        'strings, for code that works with pyoxigraph."""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class LB(DefinedNamespace):",
        '    """Militias, crossings, strikes, sanctions and routes of the land bridge, with the claims that state them."""',
        "",
        f'    _NS = Namespace("{LB_IRI}")',
        "    _fail = True",
        "",
    ]
    for local, kind, label in terms(ontology):
        comment = f"{kind}: {label}" if label else kind
        lines.append(f"    {local}: URIRef  # {comment}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether kg/vocabulary.py is up to date")
    args = parser.parse_args(argv)
    text = module_text(Layout().ontology)
    if args.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date: run python -m kg.vocabulary_gen", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
