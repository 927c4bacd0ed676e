"""ontology.html: the ontology's documentation, generated with pyLODE, made reproducible and addressable by local name.

pyLODE's OntPub profile documents classes and properties. Three things are adjusted around it:
- it takes every skos:ConceptScheme for a second ontology header (merging their titles into the
  page title), so it is given the ontology without that typing, and the schemes, their concepts
  and any other term it leaves out are documented in a section added after its own;
- its fragment ids come from labels (#Armedgroup); they are set to local names (#ArmedGroup);
- its embedded schema.org JSON-LD lists nodes in hash order; it is rewritten in a fixed order.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from .errors import InputError
from .namespaces import LB

log = logging.getLogger(__name__)
_SCHEMA_ORG = re.compile(r'(<script id="schema.org" type="application/ld\+json">)(.*?)(</script>)', re.S)
# Where the added section and its table-of-contents entry go: before pyLODE's namespaces.
_SECTION_AT = '<div id="namespaces">'
_TOC_AT = re.compile(r'<li>\s*<h4>\s*<a href="#namespaces">')
_TOC_ENTRY = '<li><h4><a href="#conceptschemes">Concept schemes and other terms</a></h4></li>\n        '


@contextlib.contextmanager
def _root_logging_kept() -> Iterator[None]:
    """Undo what pyLODE does to the root logger while it runs."""
    # Importing pylode runs logging.basicConfig(level=DEBUG) (pylode/profiles/supermodel/loader.py) and
    # its module-level logging.info() calls add a handler when there is none: a library must not
    # reconfigure the host program's logging.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    # With a handler in place basicConfig() does nothing; pyLODE's records then go where the host sends them.
    root.addHandler(logging.NullHandler())
    try:
        yield
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)


def _sorted_json(value: Any) -> Any:
    """Arrays sorted by content, recursively, except ordered @list values."""
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sorted_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _stable_schema_org(page: str) -> str:
    """Rewrite pyLODE's embedded schema.org JSON-LD in a canonical order."""

    def canonical(match: re.Match) -> str:
        data = _sorted_json(json.loads(match.group(2)))
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False).replace("</", "<\\/")
        return match.group(1) + "\n" + text + "\n" + match.group(3)

    return _SCHEMA_ORG.sub(canonical, page)


def _for_pylode(full: rdflib.Graph) -> rdflib.Graph:
    """The ontology as pyLODE should see it: one header, the owl:Ontology."""
    graph = rdflib.Graph(bind_namespaces="core")
    for prefix, namespace in full.namespaces():
        graph.bind(prefix, namespace, override=True)
    for triple in full:
        if triple[1:] != (RDF.type, SKOS.ConceptScheme):
            graph.add(triple)
    return graph


def _text(graph: rdflib.Graph, node: rdflib.URIRef, *predicates: rdflib.URIRef) -> str:
    values = sorted(str(v) for p in predicates for v in graph.objects(node, p))
    return html.escape(" ".join(values))


def _term_block(graph: rdflib.Graph, term: rdflib.URIRef) -> str:
    """One term in pyLODE's own markup (so its stylesheet applies): label, IRI, definition, links."""
    local = str(term)[len(LB):]
    rows = [("IRI", f"<code>{html.escape(str(term))}</code>"),
            ("Definition", _text(graph, term, SKOS.definition, RDFS.comment))]
    for name, predicate in (("In scheme", SKOS.inScheme), ("Broader", SKOS.broader), ("Type", RDF.type)):
        links = [f'<a href="#{html.escape(str(o)[len(LB):])}">{_text(graph, o, RDFS.label) or html.escape(str(o)[len(LB):])}</a>'
                 for o in sorted(graph.objects(term, predicate)) if str(o).startswith(LB)]
        rows.append((name, ", ".join(links)))
    rows.append(("Notation", _text(graph, term, SKOS.notation)))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows if v)
    label = _text(graph, term, RDFS.label) or html.escape(local)
    return f'<div class="property entity" id="{html.escape(local)}"><h3>{label}</h3><table>{body}</table></div>'


def _missing_terms_section(graph: rdflib.Graph, page: str) -> str:
    """Concept schemes, their concepts and any other lb term pyLODE did not document."""
    terms = sorted({s for s in graph.subjects(RDFS.label, None) if isinstance(s, rdflib.URIRef) and str(s).startswith(LB)})
    missing = [t for t in terms if f'id="{str(t)[len(LB):]}"' not in page]
    if not missing:
        return ""
    schemes = [t for t in missing if (t, RDF.type, SKOS.ConceptScheme) in graph]
    parts = ['<div class="section" id="conceptschemes"><h2>Concept schemes and other terms</h2>']
    shown: set[rdflib.URIRef] = set()
    for scheme in schemes:
        members = [t for t in missing if (t, SKOS.inScheme, scheme) in graph]
        parts.extend(_term_block(graph, t) for t in [scheme, *members])
        shown.update([scheme, *members])
    parts.extend(_term_block(graph, t) for t in missing if t not in shown)
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _insert(page: str, section: str) -> str:
    """Put the section before pyLODE's namespaces, with a table-of-contents entry."""
    if not section or _SECTION_AT not in page:
        return page
    page = page.replace(_SECTION_AT, section + _SECTION_AT, 1)
    match = _TOC_AT.search(page)
    return page[:match.start()] + _TOC_ENTRY + page[match.start():] if match else page


def ontology_html(ontology: Path) -> str:
    """The documentation page of the ontology, every term of the lb namespace at #<local name>."""
    # Parsed here, not by pyLODE: on a parse error pyLODE prints and calls exit(). The build has
    # parsed this file already, so a failure here would be a bug, not bad input.
    full = rdflib.Graph(bind_namespaces="core").parse(ontology, format="turtle")
    with _root_logging_kept():
        from pylode import OntPub, PylodeError

        try:
            doc = OntPub(ontology=_for_pylode(full), sort_subjects=True)
        except PylodeError as exc:
            raise InputError(ontology, None, f"pyLODE cannot document the ontology: {exc}") from exc
        # pyLODE keeps fragment ids it is given: ontology#ArmedGroup is then #ArmedGroup of the page.
        for term in sorted({str(s) for s in doc.ont.subjects() if str(s).startswith(LB)}):
            doc.fids[term] = term[len(LB):]
        page = doc.make_html()
    log.info("documented %s with pyLODE", ontology.name)
    page = _stable_schema_org(page)
    return _insert(page, _missing_terms_section(full, page))
