"""Other constraints (SHACL 4.8): sh:closed with sh:ignoredProperties, sh:hasValue, sh:in."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rdflib import BNode, Literal
from rdflib.namespace import RDF, RDFS

from .component import Component, Screen, Shape, Unsupported
from .terms import SH, Term, any_of, n_triples_term, negation, rdf_list, to_rdflib

if TYPE_CHECKING:
    from .validator import Validator


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's sh:closed, sh:hasValue and sh:in constraints, in that order."""
    g, node, out = v.g, shape.node, []
    if SH.closed in params or SH.ignoredProperties in params:
        closed = list(g.objects(node, SH.closed))
        if len(closed) != 1 or not isinstance(closed[0], Literal):
            raise Unsupported("malformed sh:closed")
        if closed[0].value:
            allowed = {i for lst in g.objects(node, SH.ignoredProperties) for i in rdf_list(g, lst)}
            for n in list(g.objects(node, SH.property)):
                allowed.add(v.shape(n, stack).path)
            out.append(ClosedC(allowed))
    if SH.hasValue in params:
        has = set(g.objects(node, SH.hasValue))
        out += [HasValueC(h, has, shape.is_property) for h in has]
    if SH["in"] in params:
        out.append(InC(set(rdf_list(g, v.one(node, SH["in"])))))
    return out


class InC(Component):
    iri = SH.InConstraintComponent

    def __init__(self, members: set[Term]):
        self.members = members

    def sc(self, v, var):
        return any_of(f"sameTerm({var}, {n_triples_term(m)})" for m in self.members if not isinstance(m, BNode))

    def sf(self, v, var):
        return negation(self.sc(v, var))

    def judge(self, v, shape, focus, values):
        return [v.result(self, shape, focus, x) for x in values if x not in self.members]

    def messages(self, v, shape, focus, value):
        members = [v.s_sg(m) for m in self.members]
        return [f"Value {v.s_data(value)} not in list {members}"]


class HasValueC(Component):
    iri = SH.HasValueConstraintComponent

    def __init__(self, value: Term, all_values: set[Term], on_property: bool):
        self.value, self.all = value, all_values
        self.value_level = not on_property

    def sc(self, v, var):
        return "false" if isinstance(self.value, BNode) else f"sameTerm({var}, {n_triples_term(self.value)})"

    def sf(self, v, var):
        return negation(self.sc(v, var))

    def cond_focus(self, v, shape, var):
        if isinstance(self.value, BNode):
            return "false", "true"
        if not shape.simple:
            return "false", "false"
        sc = f"EXISTS {{ {var} {shape.sparql_path} {n_triples_term(self.value)} }}"
        return sc, negation(sc)

    def top(self, v, shape, frag):
        if self.value_level:
            yield from v.value_candidates(self, shape, frag)
            return
        if not shape.simple or isinstance(self.value, BNode):
            yield from v.focus_candidates(self, shape, frag)
            return
        query = f"SELECT ?this WHERE {{ {frag('?this')} MINUS {{ ?this {shape.sparql_path} {n_triples_term(self.value)} }} }}"
        for row in v.select(query):
            focus = to_rdflib(row["this"])
            yield focus, [v.result(self, shape, focus, None)]

    def screens(self, v, shape):
        if self.value_level or isinstance(self.value, BNode):
            return None
        return [Screen("required", f"?this {shape.sparql_path} {n_triples_term(self.value)}")]

    def result_value(self, value):
        return None  # pySHACL names no value for sh:hasValue, on node shapes too

    def judge(self, v, shape, focus, values):
        if self.value_level:
            return [v.result(self, shape, focus, x) for x in values if x != self.value]
        return [] if self.value in values else [v.result(self, shape, focus, None)]

    def messages(self, v, shape, focus, value):
        the_set = [v.s_sg(s) for s in self.all]
        if shape.is_property:
            return [f"Node {v.s_data(focus)}->{v.s_sg(shape.path)} does not contain a value in the set: {the_set}"]
        return [f"Node {v.s_data(focus)} value is not a in the set of values: {the_set}"]


class ClosedC(Component):
    iri = SH.ClosedConstraintComponent

    def __init__(self, allowed: set[Term]):
        self.allowed = allowed

    def _open(self, v, var, p, o):
        allowed = ", ".join(n_triples_term(a) for a in self.allowed if not isinstance(a, BNode))
        keep = f"!({p} IN ({allowed})) && " if allowed else ""
        return f"{var} {p} {o} . FILTER({keep}!(sameTerm({p}, <{RDF.type}>) && sameTerm({o}, <{RDFS.Resource}>)))"

    def sc(self, v, var):
        return f"NOT EXISTS {{ {self._open(v, var, v.fresh(), v.fresh())} }}"

    def sf(self, v, var):
        return negation(self.sc(v, var))

    def top(self, v, shape, frag):
        if shape.is_property and not shape.simple:
            yield from v.focus_candidates(self, shape, frag)
            return
        values = v.values_pattern(shape, "?this", "?value") if shape.is_property else "BIND(?this AS ?value)"
        found = defaultdict(list)
        for row in v.select(f"SELECT ?this ?p ?o WHERE {{ {frag('?this')} {values} {self._open(v, '?value', '?p', '?o')} }}"):
            focus = to_rdflib(row["this"])
            found[focus].append(v.result(self, shape, focus, to_rdflib(row["o"]), path=to_rdflib(row["p"])))
        yield from found.items()

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            for p, o in v.predicate_objects(x):
                if (p, o) != (RDF.type, RDFS.Resource) and p not in self.allowed:
                    out.append(v.result(self, shape, focus, o, path=p))
        return out

    def messages(self, v, shape, focus, value):
        return [f"Node {v.s_data(focus)} is closed. It cannot have value: {v.s_data(value)}"]
