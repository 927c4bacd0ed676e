"""Property paths: a SHACL path as a SPARQL path, and the value nodes of a path from a focus node, step by step as
pySHACL takes them where SPARQL cannot scan the path on its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.namespace import RDF

from .component import Unsupported
from .terms import SH, Term, is_predicate, n_triples_term, rdf_list, to_ox, to_rdflib

if TYPE_CHECKING:
    from .component import Shape


class PathsPart:
    """Of the validator: paths and the value nodes they reach."""

    def values_pattern(self, shape: Shape, this: str, value: str) -> str:
        """A pattern binding (this, value) for every value of a simple path, scanned on its own so the store hash-joins it."""
        path = shape.sparql_path
        distinct = "" if is_predicate(path) else "DISTINCT "
        return f"{{ SELECT {distinct}{this} {value} WHERE {{ {this} {path} {value} }} }}"

    def _path(self, node: Term, inverse: bool = False, depth: int = 0) -> tuple[str, bool]:
        """The SPARQL path of a SHACL path, and whether it is simple; an inverse applies to each step, in order."""
        g = self.g
        if isinstance(node, URIRef):
            return ("^" if inverse else "") + n_triples_term(node), True
        if not isinstance(node, BNode) or depth >= 10:
            raise Unsupported("malformed sh:path")
        if g.value(node, RDF.first) is not None:
            items = rdf_list(g, node)
            if len(items) < 2 and depth == 0:
                raise Unsupported("a sequence path needs two steps")
            parts = [self._path(i, inverse, depth + 1) for i in items]
            return "(" + "/".join(p for p, _ in parts) + ")", all(s for _, s in parts)
        for p in (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
            inner = g.value(node, p)
            if inner is None:
                continue
            if p == SH.inversePath:
                return self._path(inner, not inverse, depth + 1)
            if p == SH.alternativePath:
                items = rdf_list(g, inner)
                if len(items) < 2:
                    raise Unsupported("an alternative path needs two paths")
                parts = [self._path(i, inverse, depth + 1) for i in items]
                return "(" + "|".join(p for p, _ in parts) + ")", all(s for _, s in parts)
            text, _ = self._path(inner, inverse, depth + 1)
            return f"({text}){ {SH.zeroOrMorePath: '*', SH.oneOrMorePath: '+', SH.zeroOrOnePath: '?'}[p]}", False
        raise Unsupported("malformed sh:path")

    def value_nodes(self, shape: Shape, focus: Term) -> list[Term]:
        if not shape.is_property:
            return [focus]
        if shape.simple:
            rows = self.select(f"SELECT DISTINCT ?f ?v WHERE {{ ?f {shape.sparql_path} ?v }}", f=focus)
            return [to_rdflib(r["v"]) for r in rows]
        return list(self._walk(shape.path, focus, False, 0))

    def _walk(self, path: Term, focus: Term, inverse: bool, depth: int) -> set[Term]:
        """Value nodes of a path from one node, step by step as pySHACL takes them."""
        g = self.g
        if isinstance(path, URIRef):
            if inverse:
                return {to_rdflib(q.subject) for q in self.store.quads_for_pattern(None, to_ox(path), to_ox(focus), ox.DefaultGraph())}
            return self.objects(focus, path)
        if g.value(path, RDF.first) is not None:
            nodes = {focus}
            for step in rdf_list(g, path):
                nodes = {y for x in nodes for y in self._walk(step, x, inverse, depth + 1)}
            return nodes
        if (inner := g.value(path, SH.inversePath)) is not None:
            return self._walk(inner, focus, not inverse, depth + 1)
        if (inner := g.value(path, SH.alternativePath)) is not None:
            return {y for step in rdf_list(g, inner) for y in self._walk(step, focus, inverse, depth + 1)}
        for p, with_focus, repeat in ((SH.zeroOrMorePath, True, True), (SH.oneOrMorePath, False, True),
                                      (SH.zeroOrOnePath, True, False)):
            if (inner := g.value(path, p)) is not None:
                found = self._walk(inner, focus, inverse, depth + 1)
                seen = {focus} if with_focus else set()
                todo = list(found)
                while todo:
                    x = todo.pop()
                    if x in seen:
                        continue
                    seen.add(x)
                    if repeat:
                        todo.extend(self._walk(inner, x, inverse, depth + 1))
                return seen | (set() if repeat else found)
        raise Unsupported("malformed sh:path")
