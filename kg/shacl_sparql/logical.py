"""Logical constraints (SHACL 4.6): sh:not, sh:and, sh:or, sh:xone."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from rdflib import URIRef

from .component import Component, Shape, Unsupported
from .terms import SH, Term, all_of, any_of, rdf_list

if TYPE_CHECKING:
    from .validator import Validator


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's sh:not, then sh:and, sh:or and sh:xone constraints, their shapes compiled too."""
    g, node, out = v.g, shape.node, []
    if SH["not"] in params:
        nots = list(g.objects(node, SH["not"]))
        out += [NotC(v.shape(n, stack), nots) for n in nots]
    for p in ListC._KINDS:
        if p in params:
            lists = [rdf_list(g, lst) for lst in g.objects(node, p)]
            if not all(lists):
                raise Unsupported(f"empty {p} list")
            out += [ListC(p, [v.shape(m, stack) for m in lst], lists) for lst in lists]
    return out


class NotC(Component):
    iri = SH.NotConstraintComponent

    def __init__(self, inner: Shape, all_nodes: list[Term]):
        self.inner, self.all = inner, all_nodes

    def sc(self, v, var):
        return v.cond(self.inner, var)[1]

    def sf(self, v, var):
        return v.cond(self.inner, var)[0]

    def judge(self, v, shape, focus, values):
        return [v.result(self, shape, focus, x) for x in values if v.conforms(self.inner, x)]

    def messages(self, v, shape, focus, value):
        if len(self.all) == 1:
            return [f"Node {v.s_data(value)} must not conform to shape {v.s_sg(self.all[0])}"]
        return [f"Node {v.s_data(value)} must not conform to any shapes in {' , '.join(v.s_sg(n) for n in self.all)}"]


class ListC(Component):
    """sh:and, sh:or or sh:xone over one list of shapes."""

    _KINDS = {SH["and"]: (SH.AndConstraintComponent, "must conform to all shapes in"),
              SH["or"]: (SH.OrConstraintComponent, "must conform to one or more shapes in"),
              SH.xone: (SH.XoneConstraintComponent, "must conform to exactly one shape in")}

    def __init__(self, param: URIRef, members: list[Shape], all_lists: list[list[Term]]):
        self.param, self.members, self.all = param, members, all_lists
        self.iri, self.words = self._KINDS[param]

    def sc(self, v, var):
        conds = [v.cond(m, var) for m in self.members]
        if self.param == SH["and"]:
            return all_of(c[0] for c in conds)
        if self.param == SH["or"]:
            return any_of(c[0] for c in conds)
        return any_of(all_of([c[0], *(d[1] for j, d in enumerate(conds) if j != i)]) for i, c in enumerate(conds))

    def sf(self, v, var):
        conds = [v.cond(m, var) for m in self.members]
        if self.param == SH["and"]:
            return any_of(c[1] for c in conds)
        if self.param == SH["or"]:
            return all_of(c[1] for c in conds)
        two = (all_of([a[0], b[0]]) for a, b in itertools.combinations(conds, 2))
        return any_of([all_of(c[1] for c in conds), *two])

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            passed = sum(1 for m in self.members if v.conforms(m, x))
            ok = {SH["and"]: passed == len(self.members), SH["or"]: passed > 0, SH.xone: passed == 1}[self.param]
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        if len(self.all) < 2:
            text = " , ".join(v.s_sg(n) for n in self.all[0])
        else:
            text = " and ".join("({})".format(" , ".join(v.s_sg(n) for n in lst)) for lst in self.all)
        return [f"Node {v.s_data(value)} {self.words} {text}"]
