"""Property pair constraints (SHACL 4.5): sh:equals, sh:disjoint, sh:lessThan, sh:lessThanOrEquals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from .component import Component, Screen, ShaclError, Shape, Unsupported
from .terms import SH, Term, n_triples_term, to_rdflib

if TYPE_CHECKING:
    from .validator import Validator


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's sh:equals, sh:disjoint, sh:lessThan and sh:lessThanOrEquals constraints, in that order."""
    out = []
    for p in PairC._KINDS:
        if p in params:
            props = list(set(v.g.objects(shape.node, p)))
            if not all(isinstance(x, URIRef) for x in props) or (p in (SH.lessThan, SH.lessThanOrEquals) and not shape.is_property):
                raise Unsupported(f"malformed {p}")
            out += [PairC(p, x, props) for x in props]
    return out


class PairC(Component):
    """sh:equals, sh:disjoint, sh:lessThan, sh:lessThanOrEquals against the values of one property at the focus node."""

    value_level = False
    _KINDS = {SH.equals: (SH.EqualsConstraintComponent, "!="), SH.disjoint: (SH.DisjointConstraintComponent, "=="),
              SH.lessThan: (SH.LessThanConstraintComponent, "<="), SH.lessThanOrEquals: (SH.LessThanOrEqualsConstraintComponent, "<")}

    def __init__(self, param: URIRef, prop: URIRef, all_props: list[Term]):
        self.param, self.prop, self.all = param, prop, all_props
        self.iri, self.word = self._KINDS[param]

    def top(self, v, shape, frag):
        if shape.is_property and not shape.simple:
            yield from v.focus_candidates(self, shape, frag)
            return
        p, x, o = n_triples_term(self.prop), v.fresh(), v.fresh()
        if not shape.is_property:  # the one value node is the focus node
            test = {SH.equals: f"(NOT EXISTS {{ ?this {p} ?this }} || EXISTS {{ ?this {p} {o} FILTER(!sameTerm({o}, ?this)) }})",
                    SH.disjoint: f"EXISTS {{ ?this {p} ?this }}"}[self.param]
        else:
            path = shape.sparql_path
            if self.param == SH.equals:
                test = (f"(EXISTS {{ ?this {path} {x} FILTER NOT EXISTS {{ ?this {p} {x} }} }} "
                        f"|| EXISTS {{ ?this {p} {x} FILTER NOT EXISTS {{ ?this {path} {x} }} }})")
            elif self.param == SH.disjoint:
                test = f"EXISTS {{ ?this {path} {x} . ?this {p} {x} }}"
            else:
                op = "<" if self.param == SH.lessThan else "<="
                test = (f"EXISTS {{ ?this {path} {x} . ?this {p} {o} . FILTER(!(isLiteral({x}) && isLiteral({o}) "
                        f"&& datatype({x}) = datatype({o}) && datatype({x}) IN (<{XSD.integer}>, <{XSD.decimal}>, <{XSD.string}>) "
                        f"&& {x} {op} {o})) }}")
        for row in v.select(f"SELECT ?this WHERE {{ {frag('?this')} FILTER({test}) }}"):
            focus = to_rdflib(row["this"])
            yield focus, self.judge(v, shape, focus, v.value_nodes(shape, focus))

    def screens(self, v, shape):
        if self.param == SH.equals:
            return None
        o = v.fresh()
        if self.param == SH.disjoint:
            bad = f"sameTerm(?value, {o})"
        else:
            op = "<" if self.param == SH.lessThan else "<="
            bad = (f"!COALESCE(isLiteral(?value) && isLiteral({o}) && datatype(?value) = datatype({o}) "
                   f"&& datatype(?value) IN (<{XSD.integer}>, <{XSD.decimal}>, <{XSD.string}>) && ?value {op} {o}, false)")
        return [Screen("bad", f"{{ SELECT ?this ?value WHERE {{ ?this {shape.sparql_path} ?value }} }} "
                              f"{{ SELECT ?this {o} WHERE {{ ?this {n_triples_term(self.prop)} {o} }} }} FILTER({bad})")]

    def judge(self, v, shape, focus, values):
        others = v.objects(focus, self.prop)
        if self.param == SH.equals:
            mine = set(values)
            return [v.result(self, shape, focus, x) for x in [*(mine - others), *(others - mine)]]
        if self.param == SH.disjoint:
            return [v.result(self, shape, focus, x) for x in set(values) & others]
        out = []
        for x in set(values):
            if isinstance(x, BNode):
                raise ShaclError(f"Cannot use sh:{self.param.split('#')[1]} to compare a BlankNode.")
            a, a_str = _comparable(x)
            for y in others:
                if isinstance(y, BNode):
                    raise ShaclError(f"Cannot use sh:{self.param.split('#')[1]} to compare a BlankNode.")
                b, b_str = _comparable(y)
                if a_str != b_str or not (a < b if self.param == SH.lessThan else a <= b):
                    out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        props = v.s_sg(self.all[0]) if len(self.all) < 2 else ", ".join(v.s_sg(p) for p in self.all)
        return [f"Value of {v.s_data(focus)}->{props} {self.word} {v.s_data(value)}"]


def _comparable(x: Term):
    if isinstance(x, URIRef):
        return str(x), True
    if isinstance(x, Literal) and isinstance(x.value, str):
        return x.value, True
    return x, False
