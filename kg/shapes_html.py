"""shapes.html: a readable, self-contained page of the SHACL shapes (targets, property constraints, messages)."""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError
from .namespaces import DCTERMS, OWL, PREFIXES, RDF, RDFS, SH, SHAPES_IRI, XSD

SHAPES_NS = SHAPES_IRI + "#"
_NAMES = sorted({**PREFIXES, "sh": SH, "lbsh": SHAPES_NS}.items(), key=lambda kv: -len(kv[1]))
_TARGETS = {"targetClass": "instances of", "targetNode": "the node", "targetSubjectsOf": "subjects of",
            "targetObjectsOf": "objects of"}
# Words for the constraint components a reader meets most; any other is shown by its SHACL name.
_WORDS = {"or": "any of", "xone": "exactly one of", "and": "all of", "not": "not", "in": "one of",
          "hasValue": "has value", "minCount": "min", "maxCount": "max", "lessThan": "less than",
          "minLength": "min length", "qualifiedValueShape": "qualified value shape", "qualifiedMinCount": "qualified min",
          "qualifiedMaxCount": "qualified max"}
_SHOWN_APART = {"path", "class", "datatype", "minCount", "maxCount", "message", "name", "description"}
_STYLE = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}code{font-size:.92em}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;
vertical-align:top}th{background:#f4f4f4}a{color:#0645ad;text-decoration:none}a:hover{text-decoration:underline}
.muted{color:#666}.kind{color:#666;font-size:.85em}ul.toc{columns:2}"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class _Graph:
    """The shapes graph indexed by subject and predicate, with RDF lists and blank nodes walked."""

    def __init__(self, triples: list[ox.Triple]):
        self.index: dict[ox.NamedNode | ox.BlankNode, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
            self.index[t.subject][t.predicate.value].append(t.object)

    def values(self, node, predicate: str) -> list:
        return self.index.get(node, {}).get(predicate, [])

    def one(self, node, predicate: str):
        found = self.values(node, predicate)
        return found[0] if found else None

    def subjects_of_type(self, cls: str) -> list[ox.NamedNode]:
        found = [s for s, p in self.index.items() if ox.NamedNode(cls) in p.get(RDF + "type", [])]
        return sorted((s for s in found if isinstance(s, ox.NamedNode)), key=lambda s: s.value)

    def items(self, node) -> list:
        """The members of the RDF list starting at node."""
        out, seen = [], set()
        while node is not None and node != ox.NamedNode(RDF + "nil") and node not in seen:  # a cycle ends it
            seen.add(node)
            first = self.one(node, RDF + "first")
            if first is None:
                break
            out.append(first)
            node = self.one(node, RDF + "rest")
        return out


class _Renderer:
    """Turns shape nodes into escaped HTML fragments."""

    def __init__(self, graph: _Graph):
        self.g = graph

    def iri(self, node: ox.NamedNode) -> str:
        iri = node.value
        short = next((f"{p}:{iri[len(ns):]}" for p, ns in _NAMES if iri.startswith(ns) and len(iri) > len(ns)), iri)
        href = f"#{_local(iri)}" if iri.startswith(SHAPES_NS) else iri
        return f'<a href="{html.escape(href)}" title="{html.escape(iri)}"><code>{html.escape(short)}</code></a>'

    def value(self, node) -> str:
        if isinstance(node, ox.NamedNode):
            return self.iri(node)
        if isinstance(node, ox.Literal):
            if node.datatype.value in (RDF + "langString", XSD + "string"):
                return "<code>" + html.escape('"' + node.value + '"') + "</code>"
            return f"<code>{html.escape(node.value)}</code>"
        if self.g.one(node, RDF + "first") is not None:
            return "( " + " ".join(self.value(v) for v in self.g.items(node)) + " )"
        return "[ " + "; ".join(self.constraints(node, skip=set())) + " ]"

    def path(self, node) -> str:
        if isinstance(node, ox.NamedNode):
            return self.iri(node)
        if self.g.one(node, RDF + "first") is not None:
            return " / ".join(self.path(p) for p in self.g.items(node))
        alternatives = self.g.one(node, SH + "alternativePath")
        if alternatives is not None:
            return "(" + " | ".join(self.path(p) for p in self.g.items(alternatives)) + ")"
        for key, mark in (("inversePath", "^"), ("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
            inner = self.g.one(node, SH + key)
            if inner is not None:
                return f"^{self.path(inner)}" if mark == "^" else f"{self.path(inner)}{mark}"
        return self.value(node)

    def constraints(self, node, skip: set[str]) -> list[str]:
        """Every SHACL constraint of the node but those in skip, as 'word value' fragments, path first."""
        found = []
        for predicate, objects in self.g.index.get(node, {}).items():
            name = predicate[len(SH):]
            if not predicate.startswith(SH) or name in skip:
                continue
            if name == "path":
                shown = [self.path(o) for o in objects]
            elif name in ("or", "xone", "and"):
                shown = [" | ".join(self.value(v) for v in self.g.items(o)) for o in objects]
            else:
                shown = [self.value(o) for o in objects]
            word = html.escape(_WORDS.get(name, name))
            found.extend((name != "path", name, f'<span class="kind">{word}</span> {v}') for v in shown)
        return [text for *_, text in sorted(found)]

    def text(self, node, predicate: str) -> str:
        return " ".join(html.escape(v.value) for v in sorted(self.g.values(node, predicate), key=lambda v: v.value))

    def property_row(self, prop) -> tuple[tuple[str, ...], str]:
        path = self.g.one(prop, SH + "path")
        named = f' <span class="kind">({self.iri(prop)})</span>' if isinstance(prop, ox.NamedNode) else ""
        types = [f'<span class="kind">class</span> {self.value(c)}' for c in self.g.values(prop, SH + "class")]
        types += [f'<span class="kind">datatype</span> {self.value(d)}' for d in self.g.values(prop, SH + "datatype")]
        counts = [self.text(prop, SH + "minCount"), self.text(prop, SH + "maxCount")]
        others = self.constraints(prop, skip=_SHOWN_APART)
        cells = [(self.path(path) if path is not None else "") + named, "<br>".join(sorted(types)), *counts,
                 "<br>".join(others), self.text(prop, SH + "message")]
        return tuple(cells), "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    def node_shape(self, shape: ox.NamedNode) -> str:
        label = self.text(shape, RDFS + "label") or html.escape(_local(shape.value))
        parts = [f'<section id="{html.escape(_local(shape.value))}"><h2>{label} <span class="kind">{self.iri(shape)}</span></h2>']
        comment = self.text(shape, RDFS + "comment")
        if comment:
            parts.append(f"<p>{comment}</p>")
        targets = [f"{_TARGETS[k]} {self.value(v)}" for k in _TARGETS for v in self.g.values(shape, SH + k)]
        parts.append("<p><strong>Target:</strong> " + ("; ".join(sorted(targets)) or "none (used from other shapes)") + "</p>")
        node_level = self.constraints(shape, skip={"property", "message", *_TARGETS})
        if node_level:
            parts.append("<p><strong>Node constraints:</strong></p><ul>" + "".join(f"<li>{c}</li>" for c in node_level) + "</ul>")
        message = self.text(shape, SH + "message")
        if message:
            parts.append(f"<p><strong>Message:</strong> {message}</p>")
        rows = sorted(self.property_row(p) for p in self.g.values(shape, SH + "property"))
        if rows:
            parts.append("<table><tr><th>Path</th><th>Class / datatype</th><th>Min</th><th>Max</th>"
                         "<th>Other constraints</th><th>Message</th></tr>" + "".join(r for _, r in rows) + "</table>")
        parts.append("</section>")
        return "\n".join(parts)

    def property_shape(self, shape: ox.NamedNode) -> str:
        _, row = self.property_row(shape)
        return (f'<section id="{html.escape(_local(shape.value))}"><h2>{self.iri(shape)}</h2>'
                "<table><tr><th>Path</th><th>Class / datatype</th><th>Min</th><th>Max</th><th>Other constraints</th>"
                f"<th>Message</th></tr>{row}</table></section>")


def _load(path: Path) -> _Graph:
    try:
        return _Graph(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
    except SyntaxError as exc:
        raise InputError(path, getattr(exc, "lineno", None), f"invalid Turtle: {exc}") from exc
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc}") from exc


def shapes_html(path: Path) -> str:
    """The whole page: every node shape with its targets and constraints, then the named property shapes."""
    g = _load(path)
    r = _Renderer(g)
    headers = g.subjects_of_type(OWL + "Ontology")
    title = (r.text(headers[0], RDFS + "label") if headers else "") or "SHACL shapes"
    intro = r.text(headers[0], DCTERMS + "description") if headers else ""
    node_shapes = g.subjects_of_type(SH + "NodeShape")
    property_shapes = g.subjects_of_type(SH + "PropertyShape")
    toc = "".join(f'<li><a href="#{html.escape(_local(s.value))}">{r.text(s, RDFS + "label") or html.escape(_local(s.value))}</a></li>'
                  for s in node_shapes)
    body = [f"<h1>{title}</h1>", f"<p>{intro}</p>" if intro else "",
            f'<p class="muted">{len(node_shapes)} node shapes, {len(property_shapes)} named property shapes. '
            "Generated from the shapes graph by <code>kg build</code>.</p>",
            f'<ul class="toc">{toc}</ul>',
            *(r.node_shape(s) for s in node_shapes),
            *(r.property_shape(s) for s in property_shapes)]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>{_STYLE}</style></head><body>\n" + "\n".join(b for b in body if b) + "\n</body></html>\n")
