"""SHACL Core validation compiled to SPARQL and run on a pyoxigraph store, giving pySHACL's results.

How it works. The shapes graph (rdflib) is read into shapes; a shape's targets become a SPARQL pattern binding
its focus nodes. Each constraint is then checked in two steps. Screening: a few queries per top-level shape find
the focus nodes where a constraint may fail. They are written for the store's strengths, scans and hash joins
rather than a lookup per node: a property shape's value checks, maximum counts and comparisons scan its values
on their own and return only the bad rows (then matched against the targets); minimum counts anti-join the
targets with a scan; the rest runs over the targets once. Valid data returns no rows. Results: each flagged
constraint runs its own query on the flagged focus nodes; where its SPARQL test is exact a row is a result as
it stands, otherwise (ill-typed literals, regular expressions outside the syntax Python and the store share,
comparisons of mixed types, counts inside logical shapes...) the row is judged in Python with pySHACL's own
rules, reading the node's values from the store. A shape used inside sh:not, sh:and, sh:or, sh:xone, sh:node
and sh:qualifiedValueShape is compiled to two SPARQL expressions, "surely conforms" and "surely fails"; what
neither decides is judged in Python. A result carries what pySHACL reports: focus node, path, value, source
shape, constraint component, severity and message (the shape's sh:message, else pySHACL's wording, made with
pySHACL's own term formatting).

Compiled: targets (sh:targetClass with rdfs:subClassOf* in the data graph, implicit class targets,
sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf); paths (predicate, sh:inversePath, sequence,
sh:alternativePath; sh:zeroOrMorePath, sh:oneOrMorePath and sh:zeroOrOnePath are evaluated per focus node in
Python); sh:class, sh:datatype, sh:nodeKind, sh:minCount, sh:maxCount, sh:minExclusive, sh:minInclusive,
sh:maxExclusive, sh:maxInclusive, sh:minLength, sh:maxLength, sh:pattern with sh:flags, sh:languageIn,
sh:uniqueLang, sh:equals, sh:disjoint, sh:lessThan, sh:lessThanOrEquals, sh:not, sh:and, sh:or, sh:xone,
sh:node, sh:property, sh:qualifiedValueShape with sh:qualifiedMinCount, sh:qualifiedMaxCount and
sh:qualifiedValueShapesDisjoint, sh:closed with sh:ignoredProperties, sh:hasValue, sh:in; sh:deactivated,
sh:severity, sh:message.

Falls back to pySHACL, for just the top-level shapes that need them: SPARQL-based constraints and targets
(sh:sparql, sh:target), node expressions (sh:expression), JavaScript (sh:js), custom constraint components,
recursive shapes, blank-node sh:targetNode, sh:uniqueLang false (pySHACL fails it without a result), and
shapes pySHACL rejects as malformed (so that its error is raised as pySHACL raises it). SHACL rules (sh:rule)
change the data graph before validation, and a malformed shapes graph stops pySHACL before it starts: such a
shapes graph is validated by pySHACL as a whole.

The store keeps a literal's value, not always its datatype IRI: it stores the integer types derived from
xsd:integer as xsd:integer and xsd:dateTimeStamp as xsd:dateTime (and writes every literal of a datatype it
knows in canonical form). A sh:datatype of such a derived type is therefore checked on the value: an
xsd:integer in the derived type's range matches it, as does an xsd:dateTime with a time zone for
xsd:dateTimeStamp. A source that wrote "5"^^xsd:integer where the shape asks for xsd:nonNegativeInteger
passes here and fails in pySHACL run on that source. Results name typed literal values as the data writes
them when validate_store is given the data (data_graph), read only when a result holds such a value.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
Term = URIRef | BNode | Literal

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_INTEGER_RANGES = {
    "integer": (None, None), "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1),
    "byte": (-128, 127), "nonNegativeInteger": (0, None), "positiveInteger": (1, None), "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1), "unsignedByte": (0, 255),
}
_INTEGER_TYPES = {XSD[name]: bounds for name, bounds in _INTEGER_RANGES.items()}
# Datatypes the store folds into another: a value of the key is held with the value's datatype.
_FOLDED = {**{dt: XSD.integer for dt in _INTEGER_TYPES if dt != XSD.integer}, XSD.dateTimeStamp: XSD.dateTime}
_YEAR = "([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_TZ = "(Z|[+-][0-9]{2}:[0-9]{2})?"
_CLOCK = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?"
# Canonical lexical forms the store writes that rdflib also reads as well-typed values of the datatype.
_STRICT = {
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
_UNCHECKED = {XSD.gYear, XSD.gYearMonth, XSD.gMonthDay, XSD.gDay, XSD.gMonth, XSD.dateTimeStamp}
_NUMERIC = (XSD.integer, XSD.decimal)
_SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape)
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
_UNSUPPORTED = {SH.sparql: "SPARQL-based constraint", SH.expression: "node expression", SH.target: "SPARQL-based target",
                SH.js: "JavaScript constraint"}


class _Unsupported(Exception):
    """A shape the compiler leaves to pySHACL."""


class ShaclError(RuntimeError):
    """Validation cannot run on this data, as pySHACL cannot (same reason)."""


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


# --- terms ----------------------------------------------------------------------------------------------------


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


def _nt(t: Term) -> str:
    return str(to_ox(t))


def _str(text: str) -> str:
    """A SPARQL string literal."""
    return str(ox.Literal(text))


def _is_predicate(path: str) -> bool:
    """Whether a SPARQL path is one predicate or its inverse (each (subject, object) pair then comes once)."""
    return path.lstrip("^").startswith("<") and path.endswith(">") and " " not in path


def _and(parts: Iterable[str]) -> str:
    parts = [p for p in parts if p != "true"]
    if "false" in parts:
        return "false"
    return "true" if not parts else parts[0] if len(parts) == 1 else "(" + " && ".join(parts) + ")"


def _or(parts: Iterable[str]) -> str:
    parts = [p for p in parts if p != "false"]
    if "true" in parts:
        return "true"
    return "false" if not parts else parts[0] if len(parts) == 1 else "(" + " || ".join(parts) + ")"


def _not(expr: str) -> str:
    return {"true": "false", "false": "true"}.get(expr, f"!({expr})")


# --- regular expressions shared by Python's re and the store --------------------------------------------------

_PLAIN_ESCAPES = set(".^$*+?()[]{}|\\/-")
_CLASS_ESCAPES = _PLAIN_ESCAPES | {"d", "D", "n", "t", "r"}


def portable_regex(pattern: str, multiline: bool) -> str | None:
    """The pattern in the store's regex syntax with Python's meaning, or None when it uses anything beyond a shared core."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n or pattern[i + 1] not in _CLASS_ESCAPES:
                return None
            out.append(pattern[i:i + 2])
            i += 2
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                return None
            while j < n and pattern[j] != "]":
                if pattern[j] == "[" or pattern[j:j + 2] in ("&&", "--", "~~"):
                    return None
                if pattern[j] == "\\":
                    if j + 1 >= n or pattern[j + 1] not in _CLASS_ESCAPES:
                        return None
                    j += 2
                    continue
                j += 1
            if j >= n:
                return None
            out.append(pattern[i:j + 1])
            i = j + 1
        elif c == "{":
            m = re.match(r"\{[0-9]+(,[0-9]*)?\}", pattern[i:])
            if not m:
                return None
            out.append(m.group(0))
            i += len(m.group(0))
        elif c == "(":
            if pattern.startswith("(?:", i):
                out.append("(?:")
                i += 3
            elif i + 1 < n and pattern[i + 1] == "?":
                return None
            else:
                out.append("(")
                i += 1
        elif c == "$":
            # Without re.M, Python's $ also matches before a final newline.
            out.append("$" if multiline else "(?:\\n?$)")
            i += 1
        elif c in "}])":
            if c == ")":
                out.append(c)
                i += 1
            else:
                return None
        else:
            out.append(c)
            i += 1
    return "".join(out)


# --- the shapes -----------------------------------------------------------------------------------------------


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


@dataclass
class _Job:
    """A screening query: rows bind ?this, and per check a flag variable (None: every row flags it)."""

    query: str
    checks: list[tuple[str | None, Shape, Component]]
    top: Shape
    member: bool  # the rows are any subjects: only those among the targets of top count


@dataclass(eq=False)
class Shape:
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

    def sc(self, v: _Validator, var: str) -> str:
        """SPARQL: true only when the value in var surely passes."""
        return "false"

    def sf(self, v: _Validator, var: str) -> str:
        """SPARQL: true only when the value in var surely fails."""
        return "false"

    def cond_focus(self, v: _Validator, shape: Shape, var: str) -> tuple[str, str]:
        """(surely passes, surely fails) at focus node var, for focus-level constraints."""
        return "false", "false"

    def judge(self, v: _Validator, shape: Shape, focus: Term, values: list[Term]) -> list[Result]:
        raise NotImplementedError

    def top(self, v: _Validator, shape: Shape, frag: Callable[[str], str]) -> Iterator[tuple[Term, list[Result]]]:
        """Results at the focus nodes of frag: SPARQL finds the candidates, exact rows report, the rest is judged."""
        if self.value_level:
            yield from v.value_candidates(self, shape, frag)
        else:
            yield from v.focus_candidates(self, shape, frag)

    def messages(self, v: _Validator, shape: Shape, focus: Term, value: Term | None) -> list[str]:
        return []

    def result_value(self, value: Term | None) -> Term | None:
        """The sh:value of a result about this value node."""
        return value

    def screens(self, v: _Validator, shape: Shape) -> list[Screen] | None:
        """How screening finds the focus nodes where this constraint of a property shape may fail ([]: nothing can
        fail; None: value-level constraints are screened from sc, others run their own query over all focus nodes)."""
        return None

def _items(g: rdflib.Graph, lst: Term) -> list[Term]:
    return list(g.items(lst))


class ClassC(Component):
    iri = SH.ClassConstraintComponent

    def __init__(self, cls: Term, all_classes: list[Term]):
        self.cls, self.all = cls, all_classes

    def sc(self, v, var):
        values = " ".join(_nt(c) for c in v.closure(self.cls))
        if not values:
            return "false"
        t, ok = v.fresh(), v.fresh()
        if v.joins is not None and var == v.joins[0]:
            # Instances of the class, hash-joined once, rather than a lookup per value.
            v.joins[1].append(f"OPTIONAL {{ SELECT DISTINCT {var} (true AS {ok}) "
                              f"WHERE {{ VALUES {t} {{ {values} }} {var} <{RDF.type}> {t} }} }}")
            return f"BOUND({ok})"
        closure = v.closure(self.cls)
        if len(closure) == 1:
            return f"EXISTS {{ {var} <{RDF.type}> {values} }}"
        return f"EXISTS {{ {var} <{RDF.type}> {t} . VALUES {t} {{ {values} }} }}"

    def sf(self, v, var):
        return _not(self.sc(v, var))

    def instances(self, v, var: str) -> str:
        closure = v.closure(self.cls)
        if len(closure) == 1:
            return f"{var} <{RDF.type}> {_nt(closure[0])}"
        t = v.fresh()
        return f"VALUES {t} {{ {' '.join(_nt(c) for c in closure)} }} {var} <{RDF.type}> {t}"

    def screens(self, v, shape):
        if not v.closure(self.cls):
            return [Screen("bad", f"?this {shape.sparql_path} ?value")]
        return [Screen("bad", f"?this {shape.sparql_path} ?value MINUS {{ {self.instances(v, '?value')} }}")]

    def top(self, v, shape, frag):
        values = " ".join(_nt(c) for c in v.closure(self.cls))
        t = v.fresh()
        minus = f"MINUS {{ SELECT DISTINCT ?value WHERE {{ VALUES {t} {{ {values} }} ?value <{RDF.type}> {t} }} }}" if values else ""
        if not shape.is_property:
            minus = minus.replace("?value", "?this")
            query = f"SELECT ?this WHERE {{ {frag('?this')} {minus} }}"
        else:
            query = f"SELECT ?this ?value WHERE {{ {frag('?this')} {v.values_pattern(shape, '?this', '?value')} {minus} }}"
        found = defaultdict(list)
        for row in v.select(query):
            focus = to_rdflib(row["this"])
            value = to_rdflib(row["value"]) if shape.is_property else focus
            found[focus].append(v.result(self, shape, focus, value))
        yield from found.items()

    def judge(self, v, shape, focus, values):
        return [v.result(self, shape, focus, x) for x in values if isinstance(x, Literal) or not v.is_instance(x, self.cls)]

    def messages(self, v, shape, focus, value):
        if len(self.all) < 2:
            return [f"Value does not have class {v.s_sg(self.all[0])}"]
        return ["Value class is not in classes ({})".format(", ".join(v.s_sg(c) for c in self.all))]


class DatatypeC(Component):
    iri = SH.DatatypeConstraintComponent

    def __init__(self, dt: Term):
        self.dt = dt

    def sc(self, v, var):
        # Written so that an error (a blank node, an IRI) means "not sure", and reading STR(var) once where it can.
        dt, text = self.dt, f"STR({var})"
        if dt == RDF.langString:
            return f'lang({var}) != ""'
        if dt == RDFS.Literal:
            return f"isLiteral({var})"
        if dt == RDFS.Datatype:
            return f'(isLiteral({var}) && lang({var}) = "" && datatype({var}) != <{XSD.string}>)'
        if dt == XSD.string:
            return f"sameTerm({var}, {text})"
        if dt in _UNCHECKED - {XSD.dateTimeStamp}:
            return f"sameTerm(STRDT({text}, {_nt(dt)}), {var})"
        if dt == XSD.dateTimeStamp:
            stamp = f"<{XSD.dateTime}>({text})"
            return (f"(datatype({var}) = <{XSD.dateTimeStamp}> "
                    f'|| (COALESCE(sameTerm({stamp}, {var}), false) && TZ({stamp}) != ""))')
        if dt in _INTEGER_TYPES:
            low, high = _INTEGER_TYPES[dt]
            number = f"<{XSD.integer}>({text})"
            checks = [f"REGEX({text}, {_str(_STRICT[XSD.integer])})", f"COALESCE(sameTerm({number}, {var}), false)"]
            checks += [f"{number} >= {low}"] if low is not None else []
            checks += [f"{number} <= {high}"] if high is not None else []
            return "(" + " && ".join(checks) + ")"
        strict = _STRICT.get(dt)
        if strict is None:
            return "false"
        return f"(REGEX({text}, {_str(strict)}) && COALESCE(sameTerm({_nt(dt)}({text}), {var}), false))"

    def sf(self, v, var):
        dt = self.dt
        if dt == RDF.langString:
            return f'(!isLiteral({var}) || lang({var}) = "")'
        if dt == XSD.string:
            return f"(!isLiteral({var}) || datatype({var}) != <{XSD.string}>)"
        if dt in (RDFS.Literal, RDFS.Datatype) or dt in _UNCHECKED:
            return f"(!isLiteral({var}) || !({self.sc(v, var)}))"
        if dt in _FOLDED:
            return f"(!isLiteral({var}) || (datatype({var}) != {_nt(dt)} && datatype({var}) != {_nt(_FOLDED[dt])}))"
        return f"(!isLiteral({var}) || datatype({var}) != {_nt(dt)})"

    def judge(self, v, shape, focus, values):
        return [v.result(self, shape, focus, x) for x in values if not datatype_matches(x, self.dt)]

    def messages(self, v, shape, focus, value):
        return [f"Value is not Literal with datatype {v.s_sg(self.dt)}"]


def datatype_matches(value: Term, rule: Term) -> bool:
    """pySHACL's sh:datatype test, reading a value the store folded as a value of the derived datatype."""
    if not isinstance(value, Literal):
        return False
    if rule in _FOLDED and value.datatype == _FOLDED[rule]:
        if value.ill_typed:
            return False
        if rule == XSD.dateTimeStamp:
            return value.value.tzinfo is not None
        low, high = _INTEGER_TYPES[rule]
        return (low is None or value.value >= low) and (high is None or value.value <= high)
    dt, lang = value.datatype, value.language
    if dt == rule:
        return value.ill_typed is not True and _actual_datatype(value, rule)
    if rule == RDFS.Literal:
        return True
    if rule == RDFS.Datatype and dt:
        return True
    if dt is None and lang is None and rule == XSD.string:
        return _actual_datatype(value, rule)
    if rule == RDF.langString and lang:
        return _actual_datatype(value, rule)
    return False


def _actual_datatype(value: Literal, rule: Term) -> bool:
    import datetime
    from decimal import Decimal

    kinds = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
             XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: datetime.date, XSD.time: datetime.time,
             XSD.dateTime: datetime.datetime}
    kind = kinds.get(rule)
    return kind is None or isinstance(value.value, kind)


class NodeKindC(Component):
    iri = SH.NodeKindConstraintComponent
    _KINDS = {SH.IRI: ("isIRI",), SH.BlankNode: ("isBlank",), SH.Literal: ("isLiteral",),
              SH.BlankNodeOrIRI: ("isBlank", "isIRI"), SH.BlankNodeOrLiteral: ("isBlank", "isLiteral"),
              SH.IRIOrLiteral: ("isIRI", "isLiteral")}

    def __init__(self, kind: Term):
        self.kind = kind

    def sc(self, v, var):
        return _or(f"{f}({var})" for f in self._KINDS.get(self.kind, ()))

    def sf(self, v, var):
        return _not(self.sc(v, var))

    def judge(self, v, shape, focus, values):
        allowed = self._KINDS.get(self.kind, ())
        kinds = {BNode: "isBlank", Literal: "isLiteral", URIRef: "isIRI"}
        return [v.result(self, shape, focus, x) for x in values if kinds[type(x)] not in allowed]

    def messages(self, v, shape, focus, value):
        return [f"Value is not of Node Kind {v.s_sg(self.kind)}"]


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
        return sc, _not(sc)

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
            count = "COUNT(?value)" if _is_predicate(path) else "COUNT(DISTINCT ?value)"
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


class RangeC(Component):
    """sh:minExclusive, sh:minInclusive, sh:maxExclusive, sh:maxInclusive."""

    _OPS = {SH.minExclusive: (">", SH.MinExclusiveConstraintComponent), SH.minInclusive: (">=", SH.MinInclusiveConstraintComponent),
            SH.maxExclusive: ("<", SH.MaxExclusiveConstraintComponent), SH.maxInclusive: ("<=", SH.MaxInclusiveConstraintComponent)}

    def __init__(self, param: URIRef, bound: Literal, all_bounds: list[Literal]):
        self.param, self.bound, self.all = param, bound, all_bounds
        self.op, self.iri = self._OPS[param]

    def sc(self, v, var):
        dt = self.bound.datatype
        if dt not in _NUMERIC or self.bound.ill_typed:
            return "false"
        strict = _STRICT[dt]
        return (f'(isLiteral({var}) && datatype({var}) = {_nt(dt)} && REGEX(STR({var}), {_str(strict)}) '
                f"&& COALESCE(sameTerm({_nt(dt)}(STR({var})), {var}), false) && {var} {self.op} {_nt(self.bound)})")

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


class LengthC(Component):
    """sh:minLength or sh:maxLength."""

    def __init__(self, iri: URIRef, rule: Literal):
        self.iri, self.rule, self.n = iri, rule, int(rule.value)
        self.is_min = iri == SH.MinLengthConstraintComponent

    def sc(self, v, var):
        if self.is_min and self.n == 0:
            return "true"
        return f"STRLEN(STR({var})) {'>=' if self.is_min else '<='} {self.n}"

    def sf(self, v, var):
        if self.is_min and self.n == 0:
            return "false"
        return f"(isBlank({var}) || STRLEN(STR({var})) {'<' if self.is_min else '>'} {self.n})"

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            if self.is_min and self.n == 0:
                ok = True
            elif isinstance(x, BNode):
                ok = False
            else:
                n = len(_string_of(x))
                ok = n >= self.n if self.is_min else n <= self.n
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        return [f"String length not {'>=' if self.is_min else '<='} {v.s_data(self.rule)}"]


def _string_of(x: Term) -> str:
    if isinstance(x, Literal) and x.value is not None and x.datatype in (None, RDF.langString, XSD.string):
        return str(x.value)
    return str(x)


class PatternC(Component):
    iri = SH.PatternConstraintComponent

    def __init__(self, pattern: Literal, all_patterns: list[Literal], flags: Term | None):
        self.pattern, self.all = pattern, all_patterns
        text = str(pattern.value) if pattern.value is not None and len(pattern.value) > 1 else str(pattern)
        flag_text = str(flags.value).lower() if isinstance(flags, Literal) and flags.value else ""
        re_flags = (re.I if "i" in flag_text else 0) | (re.M if "m" in flag_text else 0)
        self.regex = re.compile(text, re_flags)
        self.store_flags = "".join(f for f in "im" if f in flag_text)
        self.portable = portable_regex(text, "m" in flag_text)

    def sc(self, v, var):
        if self.portable is None:
            return "false"
        return f"REGEX(STR({var}), {_nt(Literal(self.portable))}, \"{self.store_flags}\")"

    def sf(self, v, var):
        if self.portable is None:
            return f"isBlank({var})"
        return f"(isBlank({var}) || !REGEX(STR({var}), {_nt(Literal(self.portable))}, \"{self.store_flags}\"))"

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            ok = not isinstance(x, BNode) and bool(self.regex.match(_string_of(x)) or self.regex.search(_string_of(x)))
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        if len(self.all) < 2:
            return [f"Value does not match pattern '{self.all[0].value}'"]
        return ["Value does not match every pattern in ('{}')".format("', '".join(str(p.value) for p in self.all))]


class LanguageInC(Component):
    iri = SH.LanguageInConstraintComponent

    def __init__(self, lst: Term, langs: list[str]):
        self.lst, self.langs = lst, {lang.lower() for lang in langs}

    def sc(self, v, var):
        if "*" in self.langs:
            return f'(isLiteral({var}) && lang({var}) != "")'
        if not self.langs:
            return "false"
        wanted = ", ".join(_nt(Literal(lang)) for lang in sorted(self.langs))
        return (f'(isLiteral({var}) && lang({var}) != "" && (LCASE(lang({var})) IN ({wanted}) '
                f'|| LCASE(STRBEFORE(CONCAT(lang({var}), "-"), "-")) IN ({wanted})))')

    def sf(self, v, var):
        return _not(self.sc(v, var))

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            lang = x.language if isinstance(x, Literal) else None
            ok = bool(lang) and ("*" in self.langs or lang.lower() in self.langs or lang.split("-")[0].lower() in self.langs)
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        return [f"String language is not in {v.s_sg(self.lst)}"]


class UniqueLangC(Component):
    iri = SH.UniqueLangConstraintComponent
    value_level = False

    def top(self, v, shape, frag):
        if not shape.simple:
            yield from v.focus_candidates(self, shape, frag)
            return
        p = shape.sparql_path
        query = (f"SELECT DISTINCT ?this WHERE {{ {frag('?this')} ?this {p} ?a . ?this {p} ?b . "
                 f'FILTER(lang(?a) != "" && !sameTerm(?a, ?b) && LCASE(lang(?a)) = LCASE(lang(?b))) }}')
        for row in v.select(query):
            focus = to_rdflib(row["this"])
            yield focus, self.judge(v, shape, focus, v.value_nodes(shape, focus))

    def judge(self, v, shape, focus, values):
        seen, twice = set(), set()
        for x in values:
            if isinstance(x, Literal) and x.language:
                lang = x.language.lower()
                (twice if lang in seen else seen).add(lang)
        return [v.result(self, shape, focus, None) for _ in twice]

    def messages(self, v, shape, focus, value):
        return ["More than one String shares the same Language"]


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
        p, x, o = _nt(self.prop), v.fresh(), v.fresh()
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
                              f"{{ SELECT ?this {o} WHERE {{ ?this {_nt(self.prop)} {o} }} }} FILTER({bad})")]

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


class InC(Component):
    iri = SH.InConstraintComponent

    def __init__(self, members: set[Term]):
        self.members = members

    def sc(self, v, var):
        return _or(f"sameTerm({var}, {_nt(m)})" for m in self.members if not isinstance(m, BNode))

    def sf(self, v, var):
        return _not(self.sc(v, var))

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
        return "false" if isinstance(self.value, BNode) else f"sameTerm({var}, {_nt(self.value)})"

    def sf(self, v, var):
        return _not(self.sc(v, var))

    def cond_focus(self, v, shape, var):
        if isinstance(self.value, BNode):
            return "false", "true"
        if not shape.simple:
            return "false", "false"
        sc = f"EXISTS {{ {var} {shape.sparql_path} {_nt(self.value)} }}"
        return sc, _not(sc)

    def top(self, v, shape, frag):
        if self.value_level:
            yield from v.value_candidates(self, shape, frag)
            return
        if not shape.simple or isinstance(self.value, BNode):
            yield from v.focus_candidates(self, shape, frag)
            return
        query = f"SELECT ?this WHERE {{ {frag('?this')} MINUS {{ ?this {shape.sparql_path} {_nt(self.value)} }} }}"
        for row in v.select(query):
            focus = to_rdflib(row["this"])
            yield focus, [v.result(self, shape, focus, None)]

    def screens(self, v, shape):
        if self.value_level or isinstance(self.value, BNode):
            return None
        return [Screen("required", f"?this {shape.sparql_path} {_nt(self.value)}")]

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
        allowed = ", ".join(_nt(a) for a in self.allowed if not isinstance(a, BNode))
        keep = f"!({p} IN ({allowed})) && " if allowed else ""
        return f"{var} {p} {o} . FILTER({keep}!(sameTerm({p}, <{RDF.type}>) && sameTerm({o}, <{RDFS.Resource}>)))"

    def sc(self, v, var):
        return f"NOT EXISTS {{ {self._open(v, var, v.fresh(), v.fresh())} }}"

    def sf(self, v, var):
        return _not(self.sc(v, var))

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
            return _and(c[0] for c in conds)
        if self.param == SH["or"]:
            return _or(c[0] for c in conds)
        return _or(_and([c[0], *(d[1] for j, d in enumerate(conds) if j != i)]) for i, c in enumerate(conds))

    def sf(self, v, var):
        conds = [v.cond(m, var) for m in self.members]
        if self.param == SH["and"]:
            return _or(c[1] for c in conds)
        if self.param == SH["or"]:
            return _and(c[1] for c in conds)
        two = (_and([a[0], b[0]]) for a, b in itertools.combinations(conds, 2))
        return _or([_and(c[1] for c in conds), *two])

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
        return _and([sc, *(s[1] for s in sib)]), _not(_or([sf, *(s[0] for s in sib)]))

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


# --- the validator --------------------------------------------------------------------------------------------


class _Validator:
    def __init__(self, store: ox.Store, shapes: rdflib.Graph, namespaces: rdflib.Graph | None = None,
                 data_graph: Callable[[], rdflib.Graph] | None = None, progress: Progress | None = None, threads: int = 2,
                 written_values: Callable[[Term, URIRef], list[Term]] | None = None):
        self.store, self.g = store, shapes
        self.data_graph = data_graph
        self.written_values = written_values
        self.progress = progress or (lambda *a: None)
        # Data terms in messages are written with the data graph's prefixes, as pySHACL's copy of it has them.
        self.msg_graph = rdflib.Graph(bind_namespaces="core")
        for prefix, ns in (namespaces if namespaces is not None else rdflib.Graph()).namespaces():
            self.msg_graph.bind(prefix, ns, override=True, replace=True)
        self._described: set[BNode] = set()
        self._shapes: dict[Term, Shape | _Unsupported] = {}
        self._closures: dict[Term, list[Term]] = {}
        self._memo: dict[tuple[int, Term], list[Result]] = {}
        self._data: rdflib.Graph | None = None
        self._n = 0
        self.joins: tuple[str, list[str]] | None = None  # while screening: the hash-joinable variable and its joins
        self.threads = threads

    # -- SPARQL helpers

    def fresh(self) -> str:
        self._n += 1
        return f"?v{self._n}"

    def select(self, query: str, **subs: Term) -> list:
        substitutions = {ox.Variable(k): to_ox(t) for k, t in subs.items()} or None
        try:
            return list(self.store.query(query, substitutions=substitutions))
        except SyntaxError as exc:  # a compiled query the store cannot read is a bug here, not in the shapes
            raise RuntimeError(f"invalid compiled query ({exc}):\n{query}") from exc

    def closure(self, cls: Term) -> list[Term]:
        """cls and its subclasses by rdfs:subClassOf* in the data graph."""
        if cls not in self._closures:
            found = {cls}
            if not isinstance(cls, (BNode, Literal)):
                rows = self.select(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* {_nt(cls)} }}")
                found |= {to_rdflib(r["c"]) for r in rows}
            self._closures[cls] = sorted((c for c in found if not isinstance(c, (BNode, Literal))), key=str)
        return self._closures[cls]

    def is_instance(self, node: Term, cls: Term) -> bool:
        rows = self.select(f"SELECT ?x WHERE {{ ?x <{RDF.type}>/<{RDFS.subClassOf}>* {_nt(cls)} }} LIMIT 1", x=node) \
            if not isinstance(cls, (BNode, Literal)) else []
        return bool(rows)

    def objects(self, node: Term, prop: URIRef) -> set[Term]:
        if isinstance(node, Literal):
            return set()
        return {to_rdflib(q.object) for q in self.store.quads_for_pattern(to_ox(node), to_ox(prop), None, ox.DefaultGraph())}

    def predicate_objects(self, node: Term) -> list[tuple[Term, Term]]:
        if isinstance(node, Literal):
            return []
        return [(to_rdflib(q.predicate), to_rdflib(q.object))
                for q in self.store.quads_for_pattern(to_ox(node), None, None, ox.DefaultGraph())]

    def values_pattern(self, shape: Shape, this: str, value: str) -> str:
        """A pattern binding (this, value) for every value of a simple path, scanned on its own so the store hash-joins it."""
        path = shape.sparql_path
        distinct = "" if _is_predicate(path) else "DISTINCT "
        return f"{{ SELECT {distinct}{this} {value} WHERE {{ {this} {path} {value} }} }}"

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
        return to_rdflib(self.select(f"SELECT ?x WHERE {{ VALUES ?x {{ {_nt(term)} }} }}")[0]["x"])

    # -- shapes

    def shape(self, node: Term, stack: tuple = ()) -> Shape:
        if node in stack:
            raise _Unsupported(f"recursive shape {node}")
        known = self._shapes.get(node)
        if isinstance(known, Shape):
            return known
        if isinstance(known, _Unsupported):
            raise known
        try:
            shape = self._load(node, (*stack, node))
        except _Unsupported as exc:
            self._shapes[node] = exc
            raise
        self._shapes[node] = shape
        return shape

    def _load(self, node: Term, stack: tuple) -> Shape:
        g = self.g
        params = {p for p, _ in g.predicate_objects(node)}
        for p, what in _UNSUPPORTED.items():
            if p in params:
                raise _Unsupported(what)
        if params & self.custom_parameters:
            raise _Unsupported("custom constraint component")
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise _Unsupported("several sh:path values")
        shape = Shape(node)
        if paths:
            shape.path = paths[0]
            shape.sparql_path, shape.simple = self._path(paths[0])
        deactivated = list(g.objects(node, SH.deactivated))
        if len(deactivated) > 1 or (deactivated and not isinstance(deactivated[0], Literal)):
            raise _Unsupported("malformed sh:deactivated")
        shape.deactivated = bool(deactivated[0].value) if deactivated else False
        severities = set(g.objects(node, SH.severity))
        shape.severity = next(iter(severities)) if severities else SH.Violation
        shape.messages = list(set(g.objects(node, SH.message)))
        for target in g.objects(node, SH.targetNode):
            if isinstance(target, BNode):
                raise _Unsupported("blank node sh:targetNode")
        shape.components = self._components(shape, params, stack)
        return shape

    def _one(self, node: Term, param: URIRef) -> Term:
        values = list(self.g.objects(node, param))
        if len(values) != 1:
            raise _Unsupported(f"{param} needs exactly one value")
        return values[0]

    def _components(self, shape: Shape, params: set, stack: tuple) -> list[Component]:
        g, node, out = self.g, shape.node, []
        prop = shape.is_property

        def values(p):
            return list(g.objects(node, p))

        def sub(n):
            return self.shape(n, stack)

        if SH["class"] in params:
            classes = values(SH["class"])
            out += [ClassC(c, classes) for c in classes]
        if SH.datatype in params:
            out.append(DatatypeC(self._one(node, SH.datatype)))
        if SH.nodeKind in params:
            out.append(NodeKindC(self._one(node, SH.nodeKind)))
        for p, iri in ((SH.minCount, SH.MinCountConstraintComponent), (SH.maxCount, SH.MaxCountConstraintComponent)):
            if p in params:
                n = self._one(node, p)
                if not prop or not (isinstance(n, Literal) and n.datatype == XSD.integer and int(n.value) >= 0):
                    raise _Unsupported(f"malformed {p}")
                out.append(CountC(iri, n))
        for p in RangeC._OPS:
            if p in params:
                bounds = values(p)
                if not all(isinstance(b, Literal) for b in bounds):
                    raise _Unsupported(f"malformed {p}")
                out += [RangeC(p, b, bounds) for b in bounds]
        for p, iri in ((SH.minLength, SH.MinLengthConstraintComponent), (SH.maxLength, SH.MaxLengthConstraintComponent)):
            if p in params:
                n = self._one(node, p)
                if not (isinstance(n, Literal) and not n.ill_typed and n.datatype in _INTEGER_TYPES
                        and n.datatype not in (XSD.negativeInteger, XSD.nonPositiveInteger) and n.value >= 0):
                    raise _Unsupported(f"malformed {p}")
                out.append(LengthC(iri, n))
        if SH.pattern in params:
            patterns = values(SH.pattern)
            if not all(isinstance(p, Literal) for p in patterns):
                raise _Unsupported("malformed sh:pattern")
            flags = next(iter(set(g.objects(node, SH.flags))), None)
            out += [PatternC(p, patterns, flags) for p in patterns]
        if SH.languageIn in params:
            lst = self._one(node, SH.languageIn)
            langs = _items(g, lst)
            if not all(isinstance(x, Literal) and isinstance(x.value, str) for x in langs):
                raise _Unsupported("malformed sh:languageIn")
            out.append(LanguageInC(lst, [str(x.value) for x in langs]))
        if SH.uniqueLang in params:
            flag = self._one(node, SH.uniqueLang)
            if not prop or not (isinstance(flag, Literal) and flag.value is True):
                raise _Unsupported("sh:uniqueLang other than true")
            out.append(UniqueLangC())
        for p in PairC._KINDS:
            if p in params:
                props = list(set(values(p)))
                if not all(isinstance(x, URIRef) for x in props) or (p in (SH.lessThan, SH.lessThanOrEquals) and not prop):
                    raise _Unsupported(f"malformed {p}")
                out += [PairC(p, x, props) for x in props]
        if SH["not"] in params:
            nots = values(SH["not"])
            out += [NotC(sub(n), nots) for n in nots]
        for p in ListC._KINDS:
            if p in params:
                lists = [_items(g, lst) for lst in values(p)]
                if not all(lists):
                    raise _Unsupported(f"empty {p} list")
                out += [ListC(p, [sub(m) for m in lst], lists) for lst in lists]
        if SH.node in params:
            nodes = values(SH.node)
            inner = [sub(n) for n in nodes]
            if any(s.is_property for s in inner):
                raise _Unsupported("sh:node names a property shape")
            out += [NodeC(s, nodes) for s in inner]
        if SH.property in params:
            for n in values(SH.property):
                s = sub(n)
                if not s.is_property:
                    raise _Unsupported("sh:property names a node shape")
                out.append(PropertyC(s))
        qualified = {SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint}
        if qualified & params and prop:
            out += self._qualified(shape, stack)
        if SH.closed in params or SH.ignoredProperties in params:
            closed = values(SH.closed)
            if len(closed) != 1 or not isinstance(closed[0], Literal):
                raise _Unsupported("malformed sh:closed")
            if closed[0].value:
                allowed = {i for lst in values(SH.ignoredProperties) for i in _items(g, lst)}
                for n in values(SH.property):
                    allowed.add(sub(n).path)
                out.append(ClosedC(allowed))
        if SH.hasValue in params:
            has = set(values(SH.hasValue))
            out += [HasValueC(h, has, prop) for h in has]
        if SH["in"] in params:
            out.append(InC(set(_items(g, self._one(node, SH["in"])))))
        return out

    def _qualified(self, shape: Shape, stack: tuple) -> list[Component]:
        g, node = self.g, shape.node
        inner = set(g.objects(node, SH.qualifiedValueShape))
        counts = []
        for p in (SH.qualifiedMinCount, SH.qualifiedMaxCount):
            found = set(g.objects(node, p))
            if len(found) > 1 or (found and not (isinstance(c := next(iter(found)), Literal) and isinstance(c.value, int))):
                raise _Unsupported(f"malformed {p}")
            counts.append(next(iter(found)).value if found else None)
        if not inner or counts == [None, None]:
            raise _Unsupported("malformed qualified value shape")
        disjoint = any(isinstance(d, Literal) and d.value is True for d in g.objects(node, SH.qualifiedValueShapesDisjoint))
        out = []
        for q in inner:
            siblings = []
            if disjoint:
                found = {sib for parent in g.subjects(SH.property, node) for s in g.objects(parent, SH.property)
                         for sib in g.objects(s, SH.qualifiedValueShape) if sib != q}
                siblings = [self.shape(s, stack) for s in found]
            out.append(QualifiedC(self.shape(q, stack), siblings, counts[0], counts[1], list(inner)))
        return out

    def _path(self, node: Term, inverse: bool = False, depth: int = 0) -> tuple[str, bool]:
        """The SPARQL path of a SHACL path, and whether it is simple; an inverse applies to each step, in order."""
        g = self.g
        if isinstance(node, URIRef):
            return ("^" if inverse else "") + _nt(node), True
        if not isinstance(node, BNode) or depth >= 10:
            raise _Unsupported("malformed sh:path")
        if g.value(node, RDF.first) is not None:
            items = _items(g, node)
            if len(items) < 2 and depth == 0:
                raise _Unsupported("a sequence path needs two steps")
            parts = [self._path(i, inverse, depth + 1) for i in items]
            return "(" + "/".join(p for p, _ in parts) + ")", all(s for _, s in parts)
        for p in (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
            inner = g.value(node, p)
            if inner is None:
                continue
            if p == SH.inversePath:
                return self._path(inner, not inverse, depth + 1)
            if p == SH.alternativePath:
                items = _items(g, inner)
                if len(items) < 2:
                    raise _Unsupported("an alternative path needs two paths")
                parts = [self._path(i, inverse, depth + 1) for i in items]
                return "(" + "|".join(p for p, _ in parts) + ")", all(s for _, s in parts)
            text, _ = self._path(inner, inverse, depth + 1)
            return f"({text}){ {SH.zeroOrMorePath: '*', SH.oneOrMorePath: '+', SH.zeroOrOnePath: '?'}[p]}", False
        raise _Unsupported("malformed sh:path")

    # -- value nodes and per-node validation (exact, in Python)

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
            for step in _items(g, path):
                nodes = {y for x in nodes for y in self._walk(step, x, inverse, depth + 1)}
            return nodes
        if (inner := g.value(path, SH.inversePath)) is not None:
            return self._walk(inner, focus, not inverse, depth + 1)
        if (inner := g.value(path, SH.alternativePath)) is not None:
            return {y for step in _items(g, inner) for y in self._walk(step, focus, inverse, depth + 1)}
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
        raise _Unsupported("malformed sh:path")

    def validate_node(self, shape: Shape, focus: Term) -> list[Result]:
        """pySHACL's results of validating one node against one shape."""
        key = (id(shape), focus)
        if key not in self._memo:
            if shape.deactivated:
                self._memo[key] = []
            else:
                values = self.value_nodes(shape, focus)
                self._memo[key] = [r for c in shape.components for r in c.judge(self, shape, focus, values)]
        return self._memo[key]

    def conforms(self, shape: Shape, node: Term) -> bool:
        return not self.validate_node(shape, node)

    def cond(self, shape: Shape, var: str) -> tuple[str, str]:
        """SPARQL (surely conforms, surely fails) for the node in var against shape."""
        if shape.deactivated:
            return "true", "false"
        if shape.is_property and not shape.simple:
            return "false", "false"
        scs, sfs = [], []
        for comp in shape.components:
            if isinstance(comp, PropertyC):
                sc, sf = self._on_values(shape, var, lambda y, c=comp: self.cond(c.inner, y))
            elif comp.value_level:
                sc, sf = self._on_values(shape, var, lambda y, c=comp: (c.sc(self, y), c.sf(self, y)))
            else:
                sc, sf = comp.cond_focus(self, shape, var)
            scs.append(sc)
            sfs.append(sf)
        return _and(scs), _or(sfs)

    def _on_values(self, shape: Shape, var: str, test: Callable[[str], tuple[str, str]]) -> tuple[str, str]:
        if not shape.is_property:
            return test(var)
        y = self.fresh()
        sc, sf = test(y)
        path = shape.sparql_path
        all_pass = "true" if sc == "true" else f"NOT EXISTS {{ {var} {path} {y} FILTER(!COALESCE({sc}, false)) }}"
        any_fail = "false" if sf == "false" else f"EXISTS {{ {var} {path} {y} FILTER(COALESCE({sf}, false)) }}"
        return all_pass, any_fail

    # -- candidates on the store

    def value_candidates(self, comp: Component, shape: Shape, frag: Callable[[str], str]):
        if shape.is_property and not shape.simple:
            yield from self.focus_candidates(comp, shape, frag)
            return
        value = "?value" if shape.is_property else "?this"
        sc, sf = comp.sc(self, value), comp.sf(self, value)
        if sc == "true":
            return
        values = self.values_pattern(shape, "?this", "?value") if shape.is_property else ""
        query = (f"SELECT ?this {value if shape.is_property else ''} ?d "
                 f"WHERE {{ {frag('?this')} {values} FILTER(!COALESCE({sc}, false)) BIND(COALESCE({sf}, false) AS ?d) }}")
        found = defaultdict(list)
        for row in self.select(query):
            focus = to_rdflib(row["this"])
            x = to_rdflib(row["value"]) if shape.is_property else focus
            definite = row["d"] is not None and row["d"].value == "true"
            found[focus].extend([self.result(comp, shape, focus, x)] if definite else comp.judge(self, shape, focus, [x]))
        yield from found.items()

    def focus_candidates(self, comp: Component, shape: Shape, frag: Callable[[str], str]):
        """Every focus node, judged in Python: for what SPARQL cannot narrow down."""
        for row in self.select(f"SELECT ?this WHERE {{ {frag('?this')} }}"):
            focus = to_rdflib(row["this"])
            found = comp.judge(self, shape, focus, self.value_nodes(shape, focus))
            if found:
                yield focus, found

    # -- running shapes

    def target_spec(self, node: Term) -> tuple[set, set, set, set]:
        """(nodes, classes with their subclasses, subjects-of predicates, objects-of predicates) of a shape."""
        g = self.g
        nodes = {n for n in g.objects(node, SH.targetNode) if not isinstance(n, BNode)}
        classes = {c for tc in g.objects(node, SH.targetClass) for c in self.closure(tc)}
        if self.implicit_class(node):
            classes |= set(self.closure(node))
        return nodes, classes, set(g.objects(node, SH.targetSubjectsOf)), set(g.objects(node, SH.targetObjectsOf))

    def _target_parts(self, spec: tuple[set, set, set, set], var: str) -> list[str]:
        nodes, classes, subjects_of, objects_of = spec
        parts = [f"VALUES {var} {{ {' '.join(_nt(n) for n in sorted(nodes, key=str))} }}"] if nodes else []
        if len(classes) == 1:
            parts.append(f"{var} <{RDF.type}> {_nt(next(iter(classes)))} .")
        elif classes:
            t = self.fresh()
            parts.append(f"VALUES {t} {{ {' '.join(_nt(c) for c in sorted(classes, key=str))} }} {var} <{RDF.type}> {t} .")
        parts += [f"{var} {_nt(p)} {self.fresh()} ." for p in sorted(subjects_of, key=str)]
        parts += [f"{self.fresh()} {_nt(p)} {var} ." for p in sorted(objects_of, key=str)]
        return parts

    def targets(self, node: Term) -> Callable[[str], str] | None:
        """A pattern binding var to each focus node of a shape once (None: the shape has no targets)."""
        spec = self.target_spec(node)
        if not any(spec):
            return None
        return lambda var: "{ SELECT DISTINCT " + var + " WHERE { " + self.targets_plain(node)(var) + " } }"

    def targets_plain(self, node: Term) -> Callable[[str], str]:
        """The targets of a shape as a plain pattern: a focus node may come more than once, the store joins it in place."""
        spec = self.target_spec(node)
        return lambda var: " UNION ".join("{ " + p + " }" for p in self._target_parts(spec, var))

    def implicit_class(self, node: Term) -> bool:
        classes = {RDFS.Class, OWL.Class, *self.g.subjects(RDFS.subClassOf, RDFS.Class)}
        return any(t in classes for t in self.g.objects(node, RDF.type))

    def run_shape(self, shape: Shape, frag: Callable[[str], str]) -> dict[Term, list[Result]]:
        """Results per focus node of frag, each focus node validated once against shape."""
        out: dict[Term, list[Result]] = defaultdict(list)
        if shape.deactivated:
            return out
        if shape.is_property and not shape.simple:
            for row in self.select(f"SELECT ?this WHERE {{ {frag('?this')} }}"):
                focus = to_rdflib(row["this"])
                out[focus].extend(self.validate_node(shape, focus))
            return out
        for comp in shape.components:
            if isinstance(comp, PropertyC):
                self._run_property(shape, frag, comp.inner, out)
            else:
                for focus, results in comp.top(self, shape, frag):
                    out[focus].extend(results)
        return out

    def _run_property(self, shape: Shape, frag, inner: Shape, out: dict) -> None:
        if not shape.is_property:
            for focus, results in self.run_shape(inner, frag).items():
                out[focus].extend(results)
            return

        def child(var: str) -> str:
            p = self.fresh()
            return f"{{ SELECT DISTINCT {var} WHERE {{ {frag(p)} {p} {shape.sparql_path} {var} }} }}"

        for value, results in self.run_shape(inner, child).items():
            # pySHACL validates a value once for each focus node that has it.
            rows = self.select(f"SELECT DISTINCT ?this ?value WHERE {{ {frag('?this')} ?this {shape.sparql_path} ?value }}", value=value)
            for row in rows:
                out[to_rdflib(row["this"])].extend(results)

    @property
    def custom_parameters(self) -> set:
        if not hasattr(self, "_custom"):
            comps = set(self.g.subjects(RDF.type, SH.ConstraintComponent))
            self._custom = {p for c in comps for param in self.g.objects(c, SH.parameter) for p in self.g.objects(param, SH.path)}
        return self._custom

    def all_shapes(self) -> set[Term]:
        """Every shape of the shapes graph, found as pySHACL finds them; raises _Unsupported where pySHACL stops."""
        g = self.g
        nodes = {s for t in _SHAPE_TYPES for s in g.subjects(RDF.type, t)}
        for p in (*_TARGETS, SH.property, SH.node):
            nodes |= set(g.subjects(p, None))
        for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
            nodes |= set(g.objects(None, p))
        for p in (SH["and"], SH["or"], SH.xone):
            for lst in g.objects(None, p):
                items = _items(g, lst)
                if not items:
                    raise _Unsupported(f"empty {p} list")
                nodes |= set(items)
        for s in nodes:
            paths = list(g.objects(s, SH.path))
            typed = set(g.objects(s, RDF.type))
            if (SH.NodeShape in typed and paths) or (SH.PropertyShape in typed and (SH.NodeShape in typed or len(paths) != 1)):
                raise _Unsupported(f"malformed shape {s}")
            if len(paths) > 1:
                raise _Unsupported(f"malformed shape {s}")
        return nodes

    def run(self) -> tuple[bool, list[Result], int]:
        try:
            if next(self.g.subjects(SH.rule, None), None) is not None:
                raise _Unsupported("SHACL rules")
            shapes = self.all_shapes()
        except _Unsupported as exc:
            log.info("whole shapes graph left to pySHACL: %s", exc)
            conforms, results = self.pyshacl(None)
            targeted = {s for p in _TARGETS for s in self.g.subjects(p, None)} | {s for s, _ in self.g.subject_objects(RDF.type)
                                                                                  if self.implicit_class(s)}
            return conforms, results, int(self._answer(self._count_query(sorted(targeted, key=str)))[0]["n"].value)
        top = [s for s in sorted(shapes, key=str) if self.targets(s) is not None or set(self.g.objects(s, SH.target))]
        plans, jobs, fallback, counted = [], [], [], []
        for node in top:
            try:
                shape = self.shape(node)
            except _Unsupported as exc:
                log.info("shape %s left to pySHACL: %s", node, exc)
                fallback.append(node)
                continue
            if not shape.deactivated:
                frag = self.targets(node)
                counted.append(node)
                shape_jobs, unscreened = self._plan(shape)
                plans.append((shape, frag, unscreened))
                jobs += shape_jobs
        counted += [n for n in fallback if not self._deactivated(n)]
        with ThreadPoolExecutor(self.threads) as pool:
            count = pool.submit(self._answer, self._count_query(counted))
            answers = list(pool.map(self._answer, [job.query for job in jobs]))
            count = int(count.result()[0]["n"].value)
        results = self._as_targeted(self._results(plans, self._flag(jobs, answers)))
        conforms = not results
        if fallback:
            fb_conforms, fb_results = self.pyshacl(fallback)
            conforms = conforms and fb_conforms
            results.extend(fb_results)
        return conforms, results, count

    def _results(self, plans: list, flagged: dict) -> list[Result]:
        """The results of each top-level shape: its flagged constraints on the flagged focus nodes, the others in full."""
        results: list[Result] = []
        for i, (shape, frag, unscreened) in enumerate(plans):
            self.progress("shacl shapes", i, len(plans))
            for owner, comp, foci in flagged.get(id(shape), {}).values():
                for _, found in comp.top(self, owner, self._only(foci) or frag):
                    results.extend(found)
            for owner, comp in unscreened:
                if comp is None:
                    found = self.run_shape(owner, frag).values()
                elif isinstance(comp, PropertyC):
                    found = defaultdict(list)
                    self._run_property(owner, frag, comp.inner, found)
                    found = found.values()
                else:
                    found = (r for _, r in comp.top(self, owner, frag))
                for r in found:
                    results.extend(r)
        self.progress("shacl shapes", len(plans), len(plans))
        return results

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

    def _answer(self, query: str) -> list:
        return list(self.store.query(query))

    def _flag(self, jobs: list[_Job], answers: list[list]) -> dict:
        """{id(top shape): {(shape, constraint): (shape, constraint, focus nodes flagged)}} from the screening rows."""
        flagged: dict = defaultdict(dict)
        pending: dict = defaultdict(list)  # id(top shape) -> [(job, focus, flags)] whose focus must be among the targets
        for job, rows in zip(jobs, answers, strict=True):
            for row in rows:
                focus = to_rdflib(row["this"])
                hits = [(o, c) for name, o, c in job.checks
                        if name is None or (row[name[1:]] is not None and row[name[1:]].value == "true")]
                if job.member:
                    pending[id(job.top)].append((job.top, focus, hits))
                else:
                    for owner, comp in hits:
                        flagged[id(job.top)].setdefault((id(owner), id(comp)), (owner, comp, set()))[2].add(focus)
        for key, found in pending.items():
            top = found[0][0]
            members = self._members(top, {f for _, f, _ in found})
            for _, focus, hits in found:
                if focus in members:
                    for owner, comp in hits:
                        flagged[key].setdefault((id(owner), id(comp)), (owner, comp, set()))[2].add(focus)
        return flagged

    def _members(self, top: Shape, nodes: set[Term]) -> set[Term]:
        """Which of these nodes are focus nodes of the top-level shape."""
        frag = self.targets(top.node)
        named = [n for n in nodes if not isinstance(n, BNode)]
        found = set()
        if named:
            listed = " ".join(_nt(n) for n in named)
            rows = self.select(f"SELECT DISTINCT ?this WHERE {{ VALUES ?this {{ {listed} }} {frag('?this')} }}")
            found |= {to_rdflib(r["this"]) for r in rows}
        for n in nodes - set(named):
            if self.select(f"SELECT ?this WHERE {{ {frag('?this')} }}", this=n):
                found.add(n)
        return found

    def _only(self, foci: set[Term]) -> Callable[[str], str] | None:
        """A pattern binding just these focus nodes (None when a blank node among them cannot be written down)."""
        if any(isinstance(f, BNode) for f in foci):
            return None
        listed = " ".join(_nt(f) for f in sorted(foci, key=str))
        return lambda var: f"VALUES {var} {{ {listed} }}"

    def _plan(self, shape: Shape) -> tuple[list[_Job], list]:
        """Screening queries for a top-level shape and its property shapes, and the constraints left to their own queries.

        A property shape's value checks, maximum counts and comparisons scan its values on their own, returning
        only the subjects where a check may fail (the few found are then matched against the targets); minimum
        counts and sh:hasValue anti-join the targets with a scan; what else needs the focus nodes themselves (the
        checks of a node shape on its focus nodes, counts from zero) runs over the targets in one query.
        """
        jobs, unscreened, groups, parts, flags = [], [], [], [], []
        plain = self.targets_plain(shape.node)("?this")
        if shape.is_property:
            (groups if shape.simple else unscreened).append(shape if shape.simple else (shape, None))
        else:
            self.joins = ("?this", parts)
            for comp in shape.components:
                if isinstance(comp, PropertyC):
                    inner = comp.inner
                    if not inner.deactivated:
                        (groups if inner.simple else unscreened).append(inner if inner.simple else (inner, None))
                elif comp.value_level:
                    if (sc := comp.sc(self, "?this")) != "true":
                        flags.append((f"!COALESCE({sc}, false)", shape, comp))
                else:
                    unscreened.append((shape, comp))
            self.joins = None
        for group in groups:
            values = []
            for comp in group.components:
                screens = comp.screens(self, group)
                if screens is None and comp.value_level:
                    if (sc := comp.sc(self, "?value")) != "true":
                        values.append((f"!COALESCE({sc}, false)", group, comp))
                elif screens is None:
                    unscreened.append((group, comp))
                for screen in screens or ():
                    check = [(None, group, comp)]
                    if screen.kind == "bad":
                        jobs.append(_Job(f"SELECT DISTINCT ?this WHERE {{ {screen.pattern} }}", check, shape, True))
                    elif screen.kind == "required":
                        jobs.append(_Job(f"SELECT DISTINCT ?this WHERE {{ {plain} MINUS {{ {screen.pattern} }} }}", check, shape, False))
                    else:
                        parts += screen.parts
                        flags.append((screen.test, group, comp))
            if values:
                # The store decodes a term each time an expression reads it: read the value's string once.
                values = [(test.replace("STR(?value)", "?text"), owner, comp) for test, owner, comp in values]
                text = "BIND(STR(?value) AS ?text)" if any("?text" in test for test, _, _ in values) else ""
                jobs.append(self._flagging(f"?this {group.sparql_path} ?value {text}", values, shape, True))
        if flags:
            jobs.append(self._flagging(f"{plain} {' '.join(parts)}", flags, shape, False))
        return jobs, unscreened

    def _flagging(self, where: str, tests: list[tuple[str, Shape, Component]], top: Shape, member: bool) -> _Job:
        """A screening query binding ?this and one flag per test (a test that errs flags)."""
        named = [(self.fresh(), test, owner, comp) for test, owner, comp in tests]
        binds = " ".join(f"BIND(COALESCE({test}, true) AS {name})" for name, test, _, _ in named)
        names = [name for name, _, _, _ in named]
        query = f"SELECT DISTINCT ?this {' '.join(names)} WHERE {{ {where} {binds} FILTER({' || '.join(names)}) }}"
        return _Job(query, [(name, owner, comp) for name, _, owner, comp in named], top, member)

    def _deactivated(self, node: Term) -> bool:
        return any(isinstance(d, Literal) and bool(d.value) for d in self.g.objects(node, SH.deactivated))

    def _count_query(self, nodes: list[Term]) -> str:
        """Counts the focus nodes of all these shapes together, each once."""
        specs = [self.target_spec(n) for n in nodes]
        merged = tuple(set().union(*(spec[i] for spec in specs)) for i in range(4))
        union = " UNION ".join("{ " + p + " }" for p in self._target_parts(merged, "?this")) or "VALUES ?this { }"
        return f"SELECT (COUNT(DISTINCT ?this) AS ?n) WHERE {{ {union} }}"

    def pyshacl(self, only: list[Term] | None) -> tuple[bool, list[Result]]:
        """pySHACL on the data, for the listed top-level shapes (None: all of them)."""
        import pyshacl

        shapes = rdflib.Graph()
        for prefix, ns in self.g.namespaces():
            shapes.bind(prefix, ns, override=True, replace=True)
        for t in self.g:
            shapes.add(t)
        if only is not None:
            keep = set(only)
            implicit = {RDFS.Class, OWL.Class, *self.g.subjects(RDFS.subClassOf, RDFS.Class)}
            for s in {s for p in (*_TARGETS, SH.target) for s in shapes.subjects(p, None)} - keep:
                for p in (*_TARGETS, SH.target):
                    shapes.remove((s, p, None))
            for s in set(shapes.subjects(RDF.type, None)) - keep:
                for t in implicit:
                    shapes.remove((s, RDF.type, t))
        if self._data is None:
            self._data = self.data_graph() if self.data_graph is not None else export_default_graph(self.store)
        data = self._data
        conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
        return bool(conforms), results_from_report(report)


def results_from_report(report: rdflib.Graph) -> list[Result]:
    """Every sh:ValidationResult of a pySHACL report, nested ones included, as flat results."""
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append(Result(report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.value),
                          report.value(r, SH.sourceShape), report.value(r, SH.sourceConstraintComponent),
                          report.value(r, SH.resultSeverity), list(report.objects(r, SH.resultMessage))))
    return out


def export_default_graph(store: ox.Store) -> rdflib.Graph:
    """The store's default graph as an rdflib graph (slow on large stores: only for shapes left to pySHACL)."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return rdflib.Graph().parse(data=data, format="nt")


def validate_store(store: ox.Store, shapes: rdflib.Graph, *, namespaces: rdflib.Graph | None = None,
                   data_graph: Callable[[], rdflib.Graph] | None = None, progress: Progress | None = None,
                   threads: int = 2, written_values: Callable[[Term, URIRef], list[Term]] | None = None,
                   ) -> tuple[bool, list[Result], int]:
    """Validate the default graph of store against shapes: (conforms, results, focus nodes checked).

    The results are pySHACL's, each sh:node result carrying the results under it in details (flat_results
    lists them all, as a pySHACL report holds them). namespaces: a graph with the prefixes pySHACL's data graph
    would have, for data terms in messages. data_graph: the data as rdflib reads it, called only when needed:
    for shapes left to pySHACL (default: exported from the store), and to name a typed literal value as the
    data writes it (without it, results name it as the store holds it, e.g. "99" for "99.0"^^xsd:decimal).
    threads: screening queries run at once (the store evaluates them outside Python's lock).
    written_values(focus, predicate): the objects as the data writes them, looked up without reading all the
    data (e.g. kg.validate's DumpValues); preferred to data_graph for naming values.
    """
    return _Validator(store, shapes, namespaces, data_graph, progress, threads, written_values).run()


def shapes_left_to_pyshacl(store: ox.Store, shapes: rdflib.Graph) -> dict[Term | None, str]:
    """The top-level shapes validate_store leaves to pySHACL, with the reason ({None: reason}: the whole shapes graph)."""
    v = _Validator(store, shapes)
    try:
        if next(shapes.subjects(SH.rule, None), None) is not None:
            raise _Unsupported("SHACL rules")
        nodes = v.all_shapes()
    except _Unsupported as exc:
        return {None: str(exc)}
    left = {}
    for node in sorted(nodes, key=str):
        if v.targets(node) is not None or set(shapes.objects(node, SH.target)):
            try:
                v.shape(node)
            except _Unsupported as exc:
                left[node] = str(exc)
    return left


def flat_results(results: Iterable[Result]) -> list[Result]:
    """Every result with every nested one: the sh:ValidationResult nodes a pySHACL report holds."""
    return [r for top in results for r in top.flat()]
