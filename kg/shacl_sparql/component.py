"""What every constraint module builds on: a compiled shape, the constraint component base class with its SPARQL
and Python hooks, screening tests, and the two ways compiling or validating stops."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from .terms import SH, Term

if TYPE_CHECKING:
    from .report import Result
    from .validator import Validator


class Unsupported(Exception):
    """A shape the compiler leaves to pySHACL."""


class ShaclError(RuntimeError):
    """Validation cannot run on this data, as pySHACL cannot (same reason)."""


@dataclass
class Screen:
    """One screening test of a constraint. kind "bad": pattern binds ?this, on its own, to every subject where the
    constraint may fail (a scan returning the few bad rows). "required": pattern binds ?this to subjects where it
    surely holds, and a focus node it misses is flagged (the store anti-joins two scans, cheaper than a lookup per
    focus node). "flag": test, on ?this over the focus nodes, with the patterns it needs in parts."""

    kind: str
    pattern: str = ""
    test: str = ""
    parts: list[str] = field(default_factory=list)


@dataclass(eq=False)
class Shape:
    """A node or property shape of the shapes graph, compiled: its path in SPARQL and its constraints."""

    node: Term
    path: Term | None = None
    sparql_path: str | None = None
    simple: bool = True  # the path has no */+/? step, so SPARQL can scan it on its own
    deactivated: bool = False
    severity: Term = SH.Violation
    messages: list[Literal] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)

    @property
    def is_property(self) -> bool:
        return self.path is not None


class Component:
    """One constraint of a shape: pySHACL's component for one of its parameter values."""

    iri: URIRef
    value_level = True  # judged value node by value node (else on the focus node's whole value set)

    def sc(self, v: Validator, var: str) -> str:
        """SPARQL: true only when the value in var surely passes."""
        return "false"

    def sf(self, v: Validator, var: str) -> str:
        """SPARQL: true only when the value in var surely fails."""
        return "false"

    def cond_focus(self, v: Validator, shape: Shape, var: str) -> tuple[str, str]:
        """(surely passes, surely fails) at focus node var, for focus-level constraints."""
        return "false", "false"

    def judge(self, v: Validator, shape: Shape, focus: Term, values: list[Term]) -> list[Result]:
        raise NotImplementedError

    def top(self, v: Validator, shape: Shape, frag: Callable[[str], str]) -> Iterator[tuple[Term, list[Result]]]:
        """Results at the focus nodes of frag: SPARQL finds the candidates, exact rows report, the rest is judged."""
        if self.value_level:
            yield from v.value_candidates(self, shape, frag)
        else:
            yield from v.focus_candidates(self, shape, frag)

    def messages(self, v: Validator, shape: Shape, focus: Term, value: Term | None) -> list[str]:
        return []

    def result_value(self, value: Term | None) -> Term | None:
        """The sh:value of a result about this value node."""
        return value

    def screens(self, v: Validator, shape: Shape) -> list[Screen] | None:
        """How screening finds the focus nodes where this constraint of a property shape may fail ([]: nothing can
        fail; None: value-level constraints are screened from sc, others run their own query over all focus nodes)."""
        return None
