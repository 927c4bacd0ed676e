"""The vocabulary and the IRI scheme have one owner each: kg/vocabulary.py is the ontology's terms as generated,
namespace objects refuse names their vocabulary lacks (everywhere the code names a term), the IRI scheme lives in
kg.iris and the prefixes in one table."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from kg import namespaces
from kg.iris import GRAPHS, Iris
from kg.namespaces import LB, PREFIXES, UnknownTerm
from kg.paths import PROJECT_ROOT

SOURCES = sorted(p for folder in ("kg", "server") for p in (PROJECT_ROOT / folder).rglob("*.py"))
NAMESPACES = {name for name, value in vars(namespaces).items() if isinstance(value, namespaces.Namespace)}


def test_the_generated_vocabulary_is_that_of_the_ontology():
    check = subprocess.run([sys.executable, "-m", "kg.vocabulary_gen", "--check"], cwd=PROJECT_ROOT,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_a_misspelt_term_mints_nothing():
    assert LB + "Militia" == "https://landbridge-kg.org/ontology#Militia" == LB.Militia
    assert type(LB + "Militia") is str
    with pytest.raises(UnknownTerm, match="lb:Milita"):
        LB + "Milita"  # noqa: B018
    with pytest.raises(UnknownTerm):
        namespaces.RDFS.lable  # noqa: B018
    from kg.vocabulary import LB as RDFLIB_LB
    with pytest.raises(AttributeError):
        RDFLIB_LB.Milita  # noqa: B018


def _named_terms():
    """Every `NS + "literal"` and `NS.attribute` in the project's code, with where it is."""
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Name)
                    and node.left.id in NAMESPACES and isinstance(node.right, ast.Constant)):
                yield node.left.id, node.right.value, f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in NAMESPACES \
                    and node.attr not in ("terms", "prefix"):
                yield node.value.id, node.attr, f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"


def test_every_term_the_code_names_is_in_its_vocabulary():
    named = list(_named_terms())
    assert len(named) > 150
    unknown = [f"{where}: {ns} + {term!r}" for ns, term, where in named if term not in getattr(namespaces, ns).terms]
    assert not unknown


def test_namespace_iris_are_spelt_in_one_place():
    # Beside kg/namespaces.py (and the generated vocabulary), no module spells out a namespace of the prefix table.
    spelt = []
    for path in SOURCES:
        if path.name in ("namespaces.py", "vocabulary.py", "vocabulary_gen.py"):
            continue
        text = path.read_text(encoding="utf-8")
        spelt += [f"{path.relative_to(PROJECT_ROOT)}: {iri}" for iri in PREFIXES.values() if iri in text]
    assert not spelt


def test_iris_of_the_scheme_are_made_in_one_place():
    # No module but kg/iris.py writes the scheme's paths after a base IRI.
    pattern = re.compile(r"""(base(_iri)?\s*\+\s*|\{[a-z_.]*base(_iri)?\}|\{self\.P\})["']?(id|graph)/""")
    found = [f"{p.relative_to(PROJECT_ROOT)}:{n}" for p in SOURCES if p.name != "iris.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not found


def test_the_scheme():
    iris = Iris("https://example.org/kg/")
    assert iris.entity("kataib-hezbollah").value == "https://example.org/kg/id/kataib-hezbollah"
    assert iris.claim("004-080", "quote").value == "https://example.org/kg/id/claim/004-080/quote"
    assert iris.graph("reference-coordinates").value == "https://example.org/kg/graph/reference-coordinates"
    assert iris.local_part("https://example.org/kg/graph/provenance") == "graph/provenance"
    assert iris.local_part("https://example.org/kg/sparql") is None
    assert set(GRAPHS) >= {"ontology", "documents", "register", "register-modal", "provenance", "reference-coordinates"}
    with pytest.raises(ValueError, match="no named graph"):
        iris.graph("referance-coordinates")
