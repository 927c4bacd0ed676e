"""Shape-based constraints (SHACL 4.7): sh:node, sh:property, sh:qualifiedValueShape with its counts and
sh:qualifiedValueShapesDisjoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal

from .component import Component, Screen, Shape, Unsupported
from .terms import SH, Term, all_of, any_of, negation, to_rdflib
from .value_type import ClassC

if TYPE_CHECKING:
    from .validator import Validator

_QUALIFIED = {SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint}


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's sh:node, sh:property and qualified value shape constraints, their shapes compiled too."""
    g, node, out = v.g, shape.node, []
    if SH.node in params:
        nodes = list(g.objects(node, SH.node))
        inner = [v.shape(n, stack) for n in nodes]
        if any(s.is_property for s in inner):
            raise Unsupported("sh:node names a property shape")
        out += [NodeC(s, nodes) for s in inner]
    if SH.property in params:
        for n in list(g.objects(node, SH.property)):
            s = v.shape(n, stack)
            if not s.is_property:
                raise Unsupported("sh:property names a node shape")
            out.append(PropertyC(s))
    if _QUALIFIED & params and shape.is_property:
        out += _qualified(v, shape, stack)
    return out


def _qualified(v: Validator, shape: Shape, stack: tuple) -> list[Component]:
    g, node = v.g, shape.node
    inner = set(g.objects(node, SH.qualifiedValueShape))
    counts = []
    for p in (SH.qualifiedMinCount, SH.qualifiedMaxCount):
        found = set(g.objects(node, p))
        if len(found) > 1 or (found and not (isinstance(c := next(iter(found)), Literal) and isinstance(c.value, int))):
            raise Unsupported(f"malformed {p}")
        counts.append(next(iter(found)).value if found else None)
    if not inner or counts == [None, None]:
        raise Unsupported("malformed qualified value shape")
    disjoint = any(isinstance(d, Literal) and d.value is True for d in g.objects(node, SH.qualifiedValueShapesDisjoint))
    out = []
    for q in inner:
        siblings = []
        if disjoint:
            found = {sib for parent in g.subjects(SH.property, node) for s in g.objects(parent, SH.property)
                     for sib in g.objects(s, SH.qualifiedValueShape) if sib != q}
            siblings = [v.shape(s, stack) for s in found]
        out.append(QualifiedC(v.shape(q, stack), siblings, counts[0], counts[1], list(inner)))
    return out


class NodeC(Component):
    iri = SH.NodeConstraintComponent

    def __init__(self, inner: Shape, all_nodes: list[Term]):
        self.inner, self.all = inner, all_nodes

    def sc(self, v, var):
        return v.cond(self.inner, var)[0]

    def sf(self, v, var):
        return "false"  # a failing value is reported with the results of its check: always judged

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            details = v.validate_node(self.inner, x)
            if details:
                r = v.result(self, shape, focus, x)
                r.details = list(details)
                out.append(r)
        return out

    def messages(self, v, shape, focus, value):
        if len(self.all) < 2:
            text = f"Value does not conform to Shape {v.s_sg(self.all[0])}."
        else:
            text = "Value must conform to every Shape in ('{}').".format("', '".join(v.s_sg(n) for n in self.all))
        return [text + " See details for more information."]


class PropertyC(Component):
    iri = SH.PropertyConstraintComponent
    value_level = False

    def __init__(self, inner: Shape):
        self.inner = inner

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            out.extend(v.validate_node(self.inner, x))
        return out


class QualifiedC(Component):
    value_level = False

    def __init__(self, inner: Shape, siblings: list[Shape], low: int | None, high: int | None, all_inner: list[Term]):
        self.inner, self.siblings, self.low, self.high, self.all = inner, siblings, low, high, all_inner

    def _counted(self, v, var) -> tuple[str, str]:
        """(surely counted, possibly counted) for the value in var."""
        sc, sf = v.cond(self.inner, var)
        sib = [v.cond(s, var) for s in self.siblings]
        return all_of([sc, *(s[1] for s in sib)]), negation(any_of([sf, *(s[0] for s in sib)]))

    def top(self, v, shape, frag):
        if not shape.simple:
            yield from v.focus_candidates(self, shape, frag)
            return
        surely, possibly = self._counted(v, "?value")
        path, tests = shape.sparql_path, []
        parts = [frag("?this")]
        counts = ((self.low, "?lo", f"COALESCE({surely}, false)", "<"), (self.high, "?hi", f"COALESCE({possibly}, true)", ">"))
        for bound, name, test, op in counts:
            if bound is not None:
                parts.append(f"OPTIONAL {{ SELECT ?this (COUNT(DISTINCT ?value) AS {name}) "
                             f"WHERE {{ ?this {path} ?value FILTER({test}) }} GROUP BY ?this }}")
                tests.append(f"COALESCE({name}, 0) {op} {bound}")
        for row in v.select(f"SELECT ?this WHERE {{ {' '.join(parts)} FILTER({' || '.join(tests)}) }}"):
            focus = to_rdflib(row["this"])
            yield focus, self.judge(v, shape, focus, v.value_nodes(shape, focus))

    def _counted_values(self, v, shape) -> str | None:
        """When exactly the instances of some classes count: a pattern of (?this, ?value) counted, as a join of scans."""
        inner = self.inner
        if self.siblings or inner.is_property or inner.deactivated or not inner.components \
                or not all(isinstance(c, ClassC) for c in inner.components):
            return None
        classes = " ".join(f"{{ SELECT DISTINCT ?value WHERE {{ {c.instances(v, '?value')} }} }}" for c in inner.components)
        return f"{{ SELECT ?this ?value WHERE {{ ?this {shape.sparql_path} ?value }} }} {classes}"

    def screens(self, v, shape):
        path, counted, found = shape.sparql_path, self._counted_values(v, shape), []
        v.joins = ("?value", joins := [])
        surely, possibly = self._counted(v, "?value")
        v.joins = None
        if counted is None:
            surely_counted = f"?this {path} ?value {' '.join(joins)} FILTER(COALESCE({surely}, false))"
            possibly_counted = f"?this {path} ?value {' '.join(joins)} FILTER(COALESCE({possibly}, true))"
        else:
            surely_counted = possibly_counted = counted
        if self.low == 1:
            found.append(Screen("required", f"{{ SELECT ?this WHERE {{ {surely_counted} }} }}"))
        elif self.low:
            lo, never = v.fresh(), v.fresh()
            found.append(Screen("flag", test=f"COALESCE({lo}, 0) < {self.low}", parts=[
                f"OPTIONAL {{ SELECT ?this (COUNT(DISTINCT IF(COALESCE({surely}, false), ?value, {never})) AS {lo}) "
                f"WHERE {{ ?this {path} ?value {' '.join(joins)} }} GROUP BY ?this }}"]))
        if self.high is not None:
            found.append(Screen("bad", f"{{ SELECT ?this WHERE {{ {possibly_counted} }} GROUP BY ?this "
                                       f"HAVING (COUNT(DISTINCT ?value) > {self.high}) }}"))
        return found

    def judge(self, v, shape, focus, values):
        n = sum(1 for x in values if v.conforms(self.inner, x) and not any(v.conforms(s, x) for s in self.siblings))
        out = []
        if self.high is not None and n > self.high:
            out.append(v.result(self, shape, focus, None, component=SH.QualifiedMaxCountConstraintComponent))
        if self.low is not None and n < self.low:
            out.append(v.result(self, shape, focus, None, component=SH.QualifiedMinCountConstraintComponent))
        return out

    def messages(self, v, shape, focus, value):
        shapes = ",".join(v.s_sg(s) for s in self.all)
        counts = (f" MinCount {self.low}" if self.low is not None else "") + (f" MaxCount {self.high}" if self.high is not None else "")
        if len(self.all) > 1:
            return [f"Focus node does not conform to shapes{counts}: ({shapes})"]
        return [f"Focus node does not conform to shape{counts}: {shapes}"]
