"""Cardinality constraints (SHACL 4.2): sh:minCount, sh:maxCount."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from .component import Component, Screen, Shape, Unsupported
from .terms import SH, is_predicate, negation, to_rdflib

if TYPE_CHECKING:
    from .validator import Validator


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's sh:minCount and sh:maxCount constraints, in that order (property shapes only)."""
    out = []
    for p, iri in ((SH.minCount, SH.MinCountConstraintComponent), (SH.maxCount, SH.MaxCountConstraintComponent)):
        if p in params:
            n = v.one(shape.node, p)
            if not shape.is_property or not (isinstance(n, Literal) and n.datatype == XSD.integer and int(n.value) >= 0):
                raise Unsupported(f"malformed {p}")
            out.append(CountC(iri, n))
    return out


class CountC(Component):
    """sh:minCount or sh:maxCount."""

    value_level = False

    def __init__(self, iri: URIRef, count: Literal):
        self.iri, self.count = iri, count
        self.n = int(count.value)
        self.is_min = iri == SH.MinCountConstraintComponent

    def cond_focus(self, v, shape, var):
        if not shape.simple:
            return "false", "false"
        path = shape.sparql_path
        if self.is_min and self.n == 0:
            return "true", "false"
        if self.n > 2 or (not self.is_min and self.n > 1):
            return "false", "false"
        a, b = v.fresh(), v.fresh()
        if self.is_min:
            sc = f"EXISTS {{ {var} {path} {a} }}" if self.n == 1 else \
                f"EXISTS {{ {var} {path} {a} . {var} {path} {b} . FILTER(!sameTerm({a}, {b})) }}"
        else:
            sc = f"NOT EXISTS {{ {var} {path} {a} }}" if self.n == 0 else \
                f"NOT EXISTS {{ {var} {path} {a} . {var} {path} {b} . FILTER(!sameTerm({a}, {b})) }}"
        return sc, negation(sc)

    def top(self, v, shape, frag):
        if not shape.simple:
            yield from v.focus_candidates(self, shape, frag)
            return
        if self.is_min and self.n == 0:
            return
        path = shape.sparql_path
        if self.is_min and self.n == 1:
            query = f"SELECT ?this WHERE {{ {frag('?this')} MINUS {{ ?this {path} ?value }} }}"
        elif self.is_min:
            query = (f"SELECT ?this WHERE {{ {frag('?this')} OPTIONAL {{ SELECT ?this (COUNT(DISTINCT ?value) AS ?n) "
                     f"WHERE {{ ?this {path} ?value }} GROUP BY ?this }} FILTER(COALESCE(?n, 0) < {self.n}) }}")
        else:
            query = (f"SELECT ?this WHERE {{ {frag('?this')} {{ SELECT ?this WHERE {{ ?this {path} ?value }} "
                     f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {self.n}) }} }}")
        for row in v.select(query):
            focus = to_rdflib(row["this"])
            yield focus, [v.result(self, shape, focus, None)]

    def screens(self, v, shape):
        path = shape.sparql_path
        if not self.is_min:
            # The values of one predicate at one subject are distinct already: counting needs no hashing then.
            count = "COUNT(?value)" if is_predicate(path) else "COUNT(DISTINCT ?value)"
            return [Screen("bad", f"{{ SELECT ?this WHERE {{ ?this {path} ?value }} GROUP BY ?this HAVING ({count} > {self.n}) }}")]
        if self.n == 0:
            return []
        if self.n == 1:
            return [Screen("required", f"?this {path} ?value")]
        n = v.fresh()
        return [Screen("flag", test=f"COALESCE({n}, 0) < {self.n}", parts=[
            f"OPTIONAL {{ SELECT ?this (COUNT(DISTINCT ?value) AS {n}) WHERE {{ ?this {path} ?value }} GROUP BY ?this }}"])]

    def judge(self, v, shape, focus, values):
        failed = len(values) < self.n if self.is_min else len(values) > self.n
        return [v.result(self, shape, focus, None)] if failed else []

    def messages(self, v, shape, focus, value):
        word = "Less" if self.is_min else "More"
        return [f"{word} than {self.count.value} values on {v.s_data(focus)}->{v.s_sg(shape.path)}"]
