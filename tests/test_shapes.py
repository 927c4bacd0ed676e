"""Every shape has a valid example and invalid ones; adding an example file adds a test."""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
import rdflib

from kg.paths import PROJECT_ROOT

EXAMPLES = PROJECT_ROOT / "ontology" / "examples"
SHAPES_FILE = PROJECT_ROOT / "ontology" / "shapes.ttl"
ONTOLOGY_FILE = PROJECT_ROOT / "ontology" / "landbridge.ttl"
LBSH = rdflib.Namespace("https://landbridge-kg.org/shapes#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
NAME_RE = re.compile(r"^(?P<shape>[a-z0-9-]+)-(?P<kind>valid|invalid-\d\d)\.ttl$")


def shape_of(path: Path) -> rdflib.URIRef:
    """`dated-strike-invalid-01.ttl` -> lbsh:DatedStrikeShape."""
    stem = NAME_RE.match(path.name).group("shape")
    return LBSH["".join(part.capitalize() for part in stem.split("-")) + "Shape"]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_FILE)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_FILE)


def owned_by(shapes: rdflib.Graph, shape: rdflib.URIRef) -> set:
    """The shape and every property or nested shape it owns."""
    owned, todo = set(), [shape]
    while todo:
        node = todo.pop()
        if node in owned:
            continue
        owned.add(node)
        for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
            todo.extend(shapes.objects(node, p))
        for p in (SH["or"], SH["and"], SH.xone):
            for lst in shapes.objects(node, p):
                todo.extend(rdflib.collection.Collection(shapes, lst))
    return owned


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*.ttl"))


def test_every_example_is_named_for_a_shape(shapes):
    for path in example_files():
        assert NAME_RE.match(path.name), f"{path.name}: name it <shape>-valid.ttl or <shape>-invalid-NN.ttl"
        assert (shape_of(path), rdflib.RDF.type, SH.NodeShape) in shapes, f"{path.name}: no shape {shape_of(path)}"


def test_every_shape_has_valid_and_invalid_examples(shapes):
    named = {s for s in shapes.subjects(rdflib.RDF.type, SH.NodeShape) if isinstance(s, rdflib.URIRef)}
    files = example_files()
    for shape in sorted(named):
        kinds = {NAME_RE.match(p.name).group("kind")[:7] for p in files if shape_of(p) == shape}
        assert {"valid", "invalid"} <= kinds, f"{shape} needs a -valid.ttl and an -invalid-01.ttl example"


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_example(path, shapes, ontology):
    data = rdflib.Graph().parse(path) + ontology
    # The data graph is this example's own: pySHACL may validate it as it is (half the time) rather than copy it first.
    conforms, results, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True, inplace=True)
    if path.name.endswith("-valid.ttl"):
        assert conforms, text
        return
    assert not conforms, f"{path.name} should violate {shape_of(path)}"
    owned = owned_by(shapes, shape_of(path))
    sources = set(results.objects(None, SH.sourceShape))
    assert sources, text
    assert sources <= owned, f"{path.name} also violates other shapes:\n{text}"
