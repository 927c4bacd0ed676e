"""Value type constraints (SHACL 4.1): sh:class, sh:datatype, sh:nodeKind."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from .component import Component, Screen, Shape
from .terms import FOLDED, INTEGER_TYPES, SH, STRICT, UNCHECKED, Term, any_of, n_triples_term, negation, string_literal, to_rdflib

if TYPE_CHECKING:
    from .validator import Validator


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's sh:class, sh:datatype and sh:nodeKind constraints, in that order."""
    g, node, out = v.g, shape.node, []
    if SH["class"] in params:
        classes = list(g.objects(node, SH["class"]))
        out += [ClassC(c, classes) for c in classes]
    if SH.datatype in params:
        out.append(DatatypeC(v.one(node, SH.datatype)))
    if SH.nodeKind in params:
        out.append(NodeKindC(v.one(node, SH.nodeKind)))
    return out


class ClassC(Component):
    iri = SH.ClassConstraintComponent

    def __init__(self, cls: Term, all_classes: list[Term]):
        self.cls, self.all = cls, all_classes

    def sc(self, v, var):
        values = " ".join(n_triples_term(c) for c in v.closure(self.cls))
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
        return negation(self.sc(v, var))

    def instances(self, v, var: str) -> str:
        closure = v.closure(self.cls)
        if len(closure) == 1:
            return f"{var} <{RDF.type}> {n_triples_term(closure[0])}"
        t = v.fresh()
        return f"VALUES {t} {{ {' '.join(n_triples_term(c) for c in closure)} }} {var} <{RDF.type}> {t}"

    def screens(self, v, shape):
        if not v.closure(self.cls):
            return [Screen("bad", f"?this {shape.sparql_path} ?value")]
        return [Screen("bad", f"?this {shape.sparql_path} ?value MINUS {{ {self.instances(v, '?value')} }}")]

    def top(self, v, shape, frag):
        values = " ".join(n_triples_term(c) for c in v.closure(self.cls))
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
    """sh:datatype.

    The store keeps a literal's value, not always its datatype IRI: it stores the integer types derived from
    xsd:integer as xsd:integer and xsd:dateTimeStamp as xsd:dateTime (and writes every literal of a datatype it
    knows in canonical form). A sh:datatype of such a derived type is therefore checked on the value: an
    xsd:integer in the derived type's range matches it, as does an xsd:dateTime with a time zone for
    xsd:dateTimeStamp. A source that wrote "5"^^xsd:integer where the shape asks for xsd:nonNegativeInteger
    passes here and fails in pySHACL run on that source. Results name typed literal values as the data writes
    them when validate_store is given the data (data_graph), read only when a result holds such a value.
    """

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
        if dt in UNCHECKED - {XSD.dateTimeStamp}:
            return f"sameTerm(STRDT({text}, {n_triples_term(dt)}), {var})"
        if dt == XSD.dateTimeStamp:
            stamp = f"<{XSD.dateTime}>({text})"
            return (f"(datatype({var}) = <{XSD.dateTimeStamp}> "
                    f'|| (COALESCE(sameTerm({stamp}, {var}), false) && TZ({stamp}) != ""))')
        if dt in INTEGER_TYPES:
            low, high = INTEGER_TYPES[dt]
            number = f"<{XSD.integer}>({text})"
            checks = [f"REGEX({text}, {string_literal(STRICT[XSD.integer])})", f"COALESCE(sameTerm({number}, {var}), false)"]
            checks += [f"{number} >= {low}"] if low is not None else []
            checks += [f"{number} <= {high}"] if high is not None else []
            return "(" + " && ".join(checks) + ")"
        strict = STRICT.get(dt)
        if strict is None:
            return "false"
        return f"(REGEX({text}, {string_literal(strict)}) && COALESCE(sameTerm({n_triples_term(dt)}({text}), {var}), false))"

    def sf(self, v, var):
        dt = self.dt
        if dt == RDF.langString:
            return f'(!isLiteral({var}) || lang({var}) = "")'
        if dt == XSD.string:
            return f"(!isLiteral({var}) || datatype({var}) != <{XSD.string}>)"
        if dt in (RDFS.Literal, RDFS.Datatype) or dt in UNCHECKED:
            return f"(!isLiteral({var}) || !({self.sc(v, var)}))"
        if dt in FOLDED:
            return f"(!isLiteral({var}) || (datatype({var}) != {n_triples_term(dt)} && datatype({var}) != {n_triples_term(FOLDED[dt])}))"
        return f"(!isLiteral({var}) || datatype({var}) != {n_triples_term(dt)})"

    def judge(self, v, shape, focus, values):
        return [v.result(self, shape, focus, x) for x in values if not datatype_matches(x, self.dt)]

    def messages(self, v, shape, focus, value):
        return [f"Value is not Literal with datatype {v.s_sg(self.dt)}"]


def datatype_matches(value: Term, rule: Term) -> bool:
    """pySHACL's sh:datatype test, reading a value the store folded as a value of the derived datatype."""
    if not isinstance(value, Literal):
        return False
    if rule in FOLDED and value.datatype == FOLDED[rule]:
        if value.ill_typed:
            return False
        if rule == XSD.dateTimeStamp:
            return value.value.tzinfo is not None
        low, high = INTEGER_TYPES[rule]
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
        return any_of(f"{f}({var})" for f in self._KINDS.get(self.kind, ()))

    def sf(self, v, var):
        return negation(self.sc(v, var))

    def judge(self, v, shape, focus, values):
        allowed = self._KINDS.get(self.kind, ())
        kinds = {BNode: "isBlank", Literal: "isLiteral", URIRef: "isIRI"}
        return [v.result(self, shape, focus, x) for x in values if kinds[type(x)] not in allowed]

    def messages(self, v, shape, focus, value):
        return [f"Value is not of Node Kind {v.s_sg(self.kind)}"]
