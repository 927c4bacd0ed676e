"""Terms: conversions between rdflib's terms and the store's, the XSD datatypes the store folds or writes in
canonical form, and helpers writing SPARQL text."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

Term = URIRef | BNode | Literal

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_INTEGER_RANGES = {
    "integer": (None, None), "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1),
    "byte": (-128, 127), "nonNegativeInteger": (0, None), "positiveInteger": (1, None), "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1), "unsignedByte": (0, 255),
}
INTEGER_TYPES = {XSD[name]: bounds for name, bounds in _INTEGER_RANGES.items()}
# Datatypes the store folds into another: a value of the key is held with the value's datatype.
FOLDED = {**{dt: XSD.integer for dt in INTEGER_TYPES if dt != XSD.integer}, XSD.dateTimeStamp: XSD.dateTime}
_YEAR = "([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_TZ = "(Z|[+-][0-9]{2}:[0-9]{2})?"
_CLOCK = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?"
# Canonical lexical forms the store writes that rdflib also reads as well-typed values of the datatype.
STRICT = {
    XSD.integer: "^-?[0-9]+$",
    XSD.decimal: "^-?[0-9]+(\\.[0-9]+)?$",
    XSD.boolean: "^(true|false)$",
    XSD.double: "^(-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?|NaN|INF|-INF)$",
    XSD.float: "^(-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?|NaN|INF|-INF)$",
    XSD.date: f"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}{_TZ}$",
    XSD.dateTime: f"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}T{_CLOCK}{_TZ}$",
    XSD.time: f"^{_CLOCK}{_TZ}$",
}
# Datatypes whose lexical forms rdflib does not check: pySHACL accepts any literal that carries them.
UNCHECKED = {XSD.gYear, XSD.gYearMonth, XSD.gMonthDay, XSD.gDay, XSD.gMonth, XSD.dateTimeStamp}
NUMERIC = (XSD.integer, XSD.decimal)


def to_ox(t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if t.language:
        return ox.Literal(str(t), language=t.language)
    if t.datatype is not None:
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
    return ox.Literal(str(t))


def to_rdflib(t) -> Term:
    """The rdflib term for a store term; an xsd:string literal becomes a plain one, as rdflib reads it from Turtle."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    if t.datatype.value == str(XSD.string):
        return Literal(t.value)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def n_triples_term(t: Term) -> str:
    return str(to_ox(t))


def string_literal(text: str) -> str:
    """A SPARQL string literal."""
    return str(ox.Literal(text))


def is_predicate(path: str) -> bool:
    """Whether a SPARQL path is one predicate or its inverse (each (subject, object) pair then comes once)."""
    return path.lstrip("^").startswith("<") and path.endswith(">") and " " not in path


def all_of(parts: Iterable[str]) -> str:
    parts = [p for p in parts if p != "true"]
    if "false" in parts:
        return "false"
    return "true" if not parts else parts[0] if len(parts) == 1 else "(" + " && ".join(parts) + ")"


def any_of(parts: Iterable[str]) -> str:
    parts = [p for p in parts if p != "false"]
    if "true" in parts:
        return "true"
    return "false" if not parts else parts[0] if len(parts) == 1 else "(" + " || ".join(parts) + ")"


def negation(expr: str) -> str:
    return {"true": "false", "false": "true"}.get(expr, f"!({expr})")


def rdf_list(g: rdflib.Graph, lst: Term) -> list[Term]:
    return list(g.items(lst))
