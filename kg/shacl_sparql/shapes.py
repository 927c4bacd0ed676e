"""Shapes: the shapes graph read into compiled shapes, each constraint family reading its own parameters, and the
shapes left to pySHACL."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from . import cardinality, logical, other, property_pair, shape_based, string_based, value_range, value_type
from .component import Component, Shape, Unsupported
from .targets import TARGETS
from .terms import SH, Term, rdf_list

_SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape)
_UNSUPPORTED = {SH.sparql: "SPARQL-based constraint", SH.expression: "node expression", SH.target: "SPARQL-based target",
                SH.js: "JavaScript constraint"}

# The constraint families in the order of the SHACL specification (and of pySHACL), each giving a shape's
# constraints of its kind in that order: a shape's results come in this order.
_FAMILIES = (value_type, cardinality, value_range, string_based, property_pair, logical, shape_based, other)


class LoaderPart:
    """Of the validator: shapes compiled from the shapes graph.

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
    """

    def shape(self, node: Term, stack: tuple = ()) -> Shape:
        if node in stack:
            raise Unsupported(f"recursive shape {node}")
        known = self._shapes.get(node)
        if isinstance(known, Shape):
            return known
        if isinstance(known, Unsupported):
            raise known
        try:
            shape = self._load(node, (*stack, node))
        except Unsupported as exc:
            self._shapes[node] = exc
            raise
        self._shapes[node] = shape
        return shape

    def _load(self, node: Term, stack: tuple) -> Shape:
        g = self.g
        params = {p for p, _ in g.predicate_objects(node)}
        for p, what in _UNSUPPORTED.items():
            if p in params:
                raise Unsupported(what)
        if params & self.custom_parameters:
            raise Unsupported("custom constraint component")
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise Unsupported("several sh:path values")
        shape = Shape(node)
        if paths:
            shape.path = paths[0]
            shape.sparql_path, shape.simple = self._path(paths[0])
        deactivated = list(g.objects(node, SH.deactivated))
        if len(deactivated) > 1 or (deactivated and not isinstance(deactivated[0], Literal)):
            raise Unsupported("malformed sh:deactivated")
        shape.deactivated = bool(deactivated[0].value) if deactivated else False
        severities = set(g.objects(node, SH.severity))
        shape.severity = next(iter(severities)) if severities else SH.Violation
        shape.messages = list(set(g.objects(node, SH.message)))
        for target in g.objects(node, SH.targetNode):
            if isinstance(target, BNode):
                raise Unsupported("blank node sh:targetNode")
        shape.components = self._components(shape, params, stack)
        return shape

    def one(self, node: Term, param: URIRef) -> Term:
        values = list(self.g.objects(node, param))
        if len(values) != 1:
            raise Unsupported(f"{param} needs exactly one value")
        return values[0]

    def _components(self, shape: Shape, params: set, stack: tuple) -> list[Component]:
        return [c for family in _FAMILIES for c in family.load(self, shape, params, stack)]

    @property
    def custom_parameters(self) -> set:
        if not hasattr(self, "_custom"):
            comps = set(self.g.subjects(RDF.type, SH.ConstraintComponent))
            self._custom = {p for c in comps for param in self.g.objects(c, SH.parameter) for p in self.g.objects(param, SH.path)}
        return self._custom

    def all_shapes(self) -> set[Term]:
        """Every shape of the shapes graph, found as pySHACL finds them; raises Unsupported where pySHACL stops."""
        g = self.g
        nodes = {s for t in _SHAPE_TYPES for s in g.subjects(RDF.type, t)}
        for p in (*TARGETS, SH.property, SH.node):
            nodes |= set(g.subjects(p, None))
        for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
            nodes |= set(g.objects(None, p))
        for p in (SH["and"], SH["or"], SH.xone):
            for lst in g.objects(None, p):
                items = rdf_list(g, lst)
                if not items:
                    raise Unsupported(f"empty {p} list")
                nodes |= set(items)
        for s in nodes:
            paths = list(g.objects(s, SH.path))
            typed = set(g.objects(s, RDF.type))
            if (SH.NodeShape in typed and paths) or (SH.PropertyShape in typed and (SH.NodeShape in typed or len(paths) != 1)):
                raise Unsupported(f"malformed shape {s}")
            if len(paths) > 1:
                raise Unsupported(f"malformed shape {s}")
        return nodes

    def _deactivated(self, node: Term) -> bool:
        return any(isinstance(d, Literal) and bool(d.value) for d in self.g.objects(node, SH.deactivated))
