"""Targets: the focus nodes of a shape (sh:targetNode, sh:targetClass with subclasses, implicit class targets,
sh:targetSubjectsOf, sh:targetObjectsOf) as SPARQL patterns."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rdflib import BNode, Literal
from rdflib.namespace import OWL, RDF, RDFS

from .terms import SH, Term, n_triples_term, to_rdflib

if TYPE_CHECKING:
    from .component import Shape

TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)


class TargetsPart:
    """Of the validator: the focus nodes of shapes."""

    def closure(self, cls: Term) -> list[Term]:
        """cls and its subclasses by rdfs:subClassOf* in the data graph."""
        if cls not in self._closures:
            found = {cls}
            if not isinstance(cls, (BNode, Literal)):
                rows = self.select(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* {n_triples_term(cls)} }}")
                found |= {to_rdflib(r["c"]) for r in rows}
            self._closures[cls] = sorted((c for c in found if not isinstance(c, (BNode, Literal))), key=str)
        return self._closures[cls]

    def target_spec(self, node: Term) -> tuple[set, set, set, set]:
        """(nodes, classes with their subclasses, subjects-of predicates, objects-of predicates) of a shape."""
        g = self.g
        nodes = {n for n in g.objects(node, SH.targetNode) if not isinstance(n, BNode)}
        classes = {c for tc in g.objects(node, SH.targetClass) for c in self.closure(tc)}
        if self.implicit_class(node):
            classes |= set(self.closure(node))
        return nodes, classes, set(g.objects(node, SH.targetSubjectsOf)), set(g.objects(node, SH.targetObjectsOf))

    def _target_parts(self, spec: tuple[set, set, set, set], var: str) -> list[str]:
        nodes, classes, subjects_of, objects_of = spec
        parts = [f"VALUES {var} {{ {' '.join(n_triples_term(n) for n in sorted(nodes, key=str))} }}"] if nodes else []
        if len(classes) == 1:
            parts.append(f"{var} <{RDF.type}> {n_triples_term(next(iter(classes)))} .")
        elif classes:
            t = self.fresh()
            parts.append(f"VALUES {t} {{ {' '.join(n_triples_term(c) for c in sorted(classes, key=str))} }} {var} <{RDF.type}> {t} .")
        parts += [f"{var} {n_triples_term(p)} {self.fresh()} ." for p in sorted(subjects_of, key=str)]
        parts += [f"{self.fresh()} {n_triples_term(p)} {var} ." for p in sorted(objects_of, key=str)]
        return parts

    def targets(self, node: Term) -> Callable[[str], str] | None:
        """A pattern binding var to each focus node of a shape once (None: the shape has no targets)."""
        spec = self.target_spec(node)
        if not any(spec):
            return None
        return lambda var: "{ SELECT DISTINCT " + var + " WHERE { " + self.targets_plain(node)(var) + " } }"

    def targets_plain(self, node: Term) -> Callable[[str], str]:
        """The targets of a shape as a plain pattern: a focus node may come more than once, the store joins it in place."""
        spec = self.target_spec(node)
        return lambda var: " UNION ".join("{ " + p + " }" for p in self._target_parts(spec, var))

    def implicit_class(self, node: Term) -> bool:
        classes = {RDFS.Class, OWL.Class, *self.g.subjects(RDFS.subClassOf, RDFS.Class)}
        return any(t in classes for t in self.g.objects(node, RDF.type))

    def _members(self, top: Shape, nodes: set[Term]) -> set[Term]:
        """Which of these nodes are focus nodes of the top-level shape."""
        frag = self.targets(top.node)
        named = [n for n in nodes if not isinstance(n, BNode)]
        found = set()
        if named:
            listed = " ".join(n_triples_term(n) for n in named)
            rows = self.select(f"SELECT DISTINCT ?this WHERE {{ VALUES ?this {{ {listed} }} {frag('?this')} }}")
            found |= {to_rdflib(r["this"]) for r in rows}
        for n in nodes - set(named):
            if self.select(f"SELECT ?this WHERE {{ {frag('?this')} }}", this=n):
                found.add(n)
        return found

    def _only(self, foci: set[Term]) -> Callable[[str], str] | None:
        """A pattern binding just these focus nodes (None when a blank node among them cannot be written down)."""
        if any(isinstance(f, BNode) for f in foci):
            return None
        listed = " ".join(n_triples_term(f) for f in sorted(foci, key=str))
        return lambda var: f"VALUES {var} {{ {listed} }}"

    def _count_query(self, nodes: list[Term]) -> str:
        """Counts the focus nodes of all these shapes together, each once."""
        specs = [self.target_spec(n) for n in nodes]
        merged = tuple(set().union(*(spec[i] for spec in specs)) for i in range(4))
        union = " UNION ".join("{ " + p + " }" for p in self._target_parts(merged, "?this")) or "VALUES ?this { }"
        return f"SELECT (COUNT(DISTINCT ?this) AS ?n) WHERE {{ {union} }}"
