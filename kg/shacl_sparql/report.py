"""The report: validation results as pySHACL gives them, their messages' terms written as pySHACL writes them, and
results read back from a pySHACL report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from .terms import SH, Term, n_triples_term, to_rdflib

if TYPE_CHECKING:
    from .component import Component, Shape


@dataclass
class Result:
    """One sh:ValidationResult, with the results of sh:node checks under it as pySHACL nests them (sh:detail)."""

    focus: Term
    path: Term | None
    value: Term | None
    source_shape: Term
    component: URIRef
    severity: Term
    messages: list[Literal]
    details: list[Result] = field(default_factory=list)

    def flat(self) -> Iterator[Result]:
        """This result and every nested one: all the sh:ValidationResult nodes pySHACL's report holds."""
        yield self
        for d in self.details:
            yield from d.flat()

    def message(self) -> str:
        return min((str(m) for m in self.messages), default=str(self.component))


class ReportingPart:
    """Of the validator: the results it reports, with their messages and values."""

    # -- terms in messages

    def s_sg(self, node: Term) -> str:
        from pyshacl.rdfutil import stringify_node

        return stringify_node(self.g, node)

    def s_data(self, node: Term) -> str:
        from pyshacl.rdfutil import stringify_node

        if isinstance(node, BNode):
            self._describe(node)
        return stringify_node(self.msg_graph, node)

    def _describe(self, node: BNode) -> None:
        todo = [node]
        while todo:
            b = todo.pop()
            if b in self._described:
                continue
            self._described.add(b)
            for p, o in self.predicate_objects(b):
                self.msg_graph.add((b, p, o))
                if isinstance(o, BNode):
                    todo.append(o)

    # -- results

    def result(self, comp: Component, shape: Shape, focus: Term, value: Term | None, path: Term | None = None,
               component: URIRef | None = None) -> Result:
        path = path if path is not None else shape.path
        value = self.written(focus, path, value)
        messages = list(shape.messages) or [Literal(m) for m in comp.messages(self, shape, focus, value)]
        return Result(focus, path, comp.result_value(value), shape.node, component or comp.iri, shape.severity, messages)

    def written(self, focus: Term, path: Term | None, value: Term | None) -> Term | None:
        """A value as the data writes it: the store holds typed literals in canonical form ("99.0" as "99", an
        xsd:nonNegativeInteger as xsd:integer), pySHACL names them as written. Read from data_graph, when given."""
        if not (isinstance(value, Literal) and value.datatype is not None and isinstance(path, URIRef)):
            return value
        if self.written_values is not None:
            written = self.written_values(focus, path)
        elif self.data_graph is not None:
            if self._data is None:
                self._data = self.data_graph()
            written = self._data.objects(focus, path)
        else:
            return value
        for o in written:
            if isinstance(o, Literal) and o.datatype is not None and self.held(o) == value:
                return o
        return value

    def held(self, term: Term) -> Term:
        """The term as the store holds it."""
        return to_rdflib(self.select(f"SELECT ?x WHERE {{ VALUES ?x {{ {n_triples_term(term)} }} }}")[0]["x"])

    def _as_targeted(self, results: list[Result]) -> list[Result]:
        """Literal sh:targetNode values as the shapes graph writes them: the store holds literals in canonical form."""
        given = {n for n in self.g.objects(None, SH.targetNode) if isinstance(n, Literal)}
        if not given:
            return results
        held = {self.held(n): n for n in given}
        for r in (r for top in results for r in top.flat()):
            if r.focus in held:
                if r.value == r.focus and r.path is None:
                    r.value = held[r.focus]
                r.focus = held[r.focus]
        return results


def results_from_report(report: rdflib.Graph) -> list[Result]:
    """Every sh:ValidationResult of a pySHACL report, nested ones included, as flat results."""
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append(Result(report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.value),
                          report.value(r, SH.sourceShape), report.value(r, SH.sourceConstraintComponent),
                          report.value(r, SH.resultSeverity), list(report.objects(r, SH.resultMessage))))
    return out


def flat_results(results: Iterable[Result]) -> list[Result]:
    """Every result with every nested one: the sh:ValidationResult nodes a pySHACL report holds."""
    return [r for top in results for r in top.flat()]
