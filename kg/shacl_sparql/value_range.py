"""Value range constraints (SHACL 4.3): sh:minExclusive, sh:minInclusive, sh:maxExclusive, sh:maxInclusive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from .component import Component, Shape, Unsupported
from .terms import NUMERIC, SH, STRICT, n_triples_term, string_literal

if TYPE_CHECKING:
    from .validator import Validator


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's range constraints: each bound of sh:minExclusive, sh:minInclusive, sh:maxExclusive, sh:maxInclusive."""
    out = []
    for p in RangeC._OPS:
        if p in params:
            bounds = list(v.g.objects(shape.node, p))
            if not all(isinstance(b, Literal) for b in bounds):
                raise Unsupported(f"malformed {p}")
            out += [RangeC(p, b, bounds) for b in bounds]
    return out


class RangeC(Component):
    """sh:minExclusive, sh:minInclusive, sh:maxExclusive, sh:maxInclusive."""

    _OPS = {SH.minExclusive: (">", SH.MinExclusiveConstraintComponent), SH.minInclusive: (">=", SH.MinInclusiveConstraintComponent),
            SH.maxExclusive: ("<", SH.MaxExclusiveConstraintComponent), SH.maxInclusive: ("<=", SH.MaxInclusiveConstraintComponent)}

    def __init__(self, param: URIRef, bound: Literal, all_bounds: list[Literal]):
        self.param, self.bound, self.all = param, bound, all_bounds
        self.op, self.iri = self._OPS[param]

    def sc(self, v, var):
        dt = self.bound.datatype
        if dt not in NUMERIC or self.bound.ill_typed:
            return "false"
        strict = STRICT[dt]
        return (f'(isLiteral({var}) && datatype({var}) = {n_triples_term(dt)} && REGEX(STR({var}), {string_literal(strict)}) '
                f"&& COALESCE(sameTerm({n_triples_term(dt)}(STR({var})), {var}), false) && {var} {self.op} {n_triples_term(self.bound)})")

    def sf(self, v, var):
        return f"!isLiteral({var})"

    def judge(self, v, shape, focus, values):
        from pyshacl.rdfutil.compare import compare_literal

        bound_is_string = isinstance(self.bound.value, str)
        out = []
        for x in values:
            ok = False
            if isinstance(x, Literal) and isinstance(x.value, str) == bound_is_string:
                try:
                    cmp = compare_literal(x, self.bound)
                    ok = {">": cmp > 0, ">=": cmp >= 0, "<": cmp < 0, "<=": cmp <= 0}[self.op]
                except (TypeError, NotImplementedError):
                    ok = False
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        if len(self.all) < 2:
            return [f"Value is not {self.op} {v.s_sg(self.all[0])}"]
        return ["Value is not {} in ({})".format(self.op, ", ".join(v.s_sg(b) for b in self.all))]
