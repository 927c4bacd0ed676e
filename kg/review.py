"""kg review: the curator's pass over what `kg add` and `kg suggest` proposed for one document.

The proposals are the document's excluded spans marked `proposal` (seeds/catalogue.yaml), its register entries
marked `proposal` (register/NNN.yaml) and its statements marked `proposal` (statements/NNN.yaml). Each is shown
with its words in context and is accepted (the `proposal` key goes; for a statement, what the draft says of other
statements becomes its fields: `disagrees` -> `disputes`, `dates` -> `resolves_date_of`), edited (the curator
changes its YAML) or dropped (removed from its file). The files are changed in place, their comments and layout
kept (kg.yamledit). `check` then runs the build's checks on the document and reports what is left."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import yamledit
from .build import Inputs
from .coordinates import load_coordinates
from .corpus import Document, load_corpus
from .coverage import DocumentCoverage, coverage
from .errors import InputError, KGError
from .ontology import load_ontology
from .paths import Layout
from .register import load_register
from .statements import Curation, load_statement_file, load_statements
from .yamlio import load_yaml

# What a statement's draft says of other statements, and the statement field each becomes when it is accepted.
LINKS = (("disagrees", "disputes"), ("dates", "resolves_date_of"))
CONTEXT = 160


@dataclass
class Item:
    """One proposal: what it is, its key (a statement or entity id, or span-N), its file and its YAML node."""

    kind: str  # span | entity | statement
    key: str
    path: Path
    node: CommentedMap
    siblings: CommentedSeq
    decision: str | None = None  # accepted | dropped (None: still a proposal)
    edited: bool = False


@dataclass
class Review:
    """The proposals of one document, read from its files, and the edits made to them until save()."""

    layout: Layout
    document: str
    items: list[Item] = field(default_factory=list)
    files: dict[Path, object] = field(default_factory=dict)
    quotes: dict[str, str] | None = None  # every statement's quote by id, read when first needed

    @classmethod
    def open(cls, layout: Layout, document: str) -> Review:
        review = cls(layout, document)
        catalogue = review._load(layout.catalogue)
        entry = next((e for e in catalogue if str(e.get("id")) == document), None)
        if entry is None:
            raise InputError(layout.catalogue, None, f"no document {document!r} in the catalogue")
        spans = entry.get("excluded") or CommentedSeq()
        for number, span in enumerate(spans, 1):
            if "proposal" in span:
                review.items.append(Item("span", f"span-{number}", layout.catalogue, span, spans))
        register = layout.register / f"{document}.yaml"
        if register.exists():
            entries = review._load(register) or CommentedSeq()
            review.items += [Item("entity", str(e.get("id")), register, e, entries) for e in entries if "proposal" in e]
        statements = layout.statements / f"{document}.yaml"
        if statements.exists():
            data = review._load(statements)
            stmts = data.get("statements") or CommentedSeq()
            review.items += [Item("statement", str(s.get("id")), statements, s, stmts) for s in stmts if "proposal" in s]
        return review

    def _load(self, path: Path):
        self.files[path] = yamledit.load(path)
        return self.files[path]

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KGError(f"document {self.document} has no proposal {key!r} "
                      f"(proposals: {', '.join(i.key for i in self.items) or 'none'})")

    @staticmethod
    def unfinished(item: Item) -> str | None:
        """Why a proposal cannot stand as it is: a draft statement whose facts are left to the curator."""
        if item.kind == "statement" and not item.node.get("facts"):
            return (f"{item.key} has no fact yet: write its facts (edit) or drop it; "
                    f"{item.path.name} keeps it as a proposal until then")
        return None

    def accept(self, item: Item) -> None:
        """The proposal stands: its `proposal` key goes, and a statement's links to others become its fields. A statement
        with no fact is refused (KGError): the build would refuse it."""
        reason = self.unfinished(item)
        if reason is not None:
            raise KGError(reason)
        proposal = item.node.pop("proposal", None)  # an edit may have removed it already
        if item.kind == "statement" and isinstance(proposal, dict):
            for draft_key, key in LINKS:
                ids = [str(i) for i in proposal.get(draft_key) or []]
                if not ids:
                    continue
                have = [str(i) for i in item.node.get(key) or []]
                merged = CommentedSeq(have + [i for i in ids if i not in have])
                merged.fa.set_flow_style()
                if key in item.node:
                    item.node[key] = merged
                else:
                    item.node.insert(list(item.node).index("facts") if "facts" in item.node else len(item.node), key, merged)
        item.decision = "accepted"

    def drop(self, item: Item) -> None:
        item.siblings.remove(item.node)
        item.decision = "dropped"

    def replace(self, item: Item, text: str) -> None:
        """The curator's edit of the proposal's YAML (the proposal stays one until it is accepted)."""
        node = yamledit.loads(text, item.path)
        if not isinstance(node, CommentedMap):
            raise InputError(item.path, None, f"{item.key}: an edit must leave one mapping")
        item.siblings[item.siblings.index(item.node)] = node
        item.node = node
        item.edited = True

    def quote_of(self, statement: str) -> str:
        """Another statement's quote, as its file gives it, for the curator to compare."""
        if self.quotes is None:
            self.quotes = {}
            for path in sorted(self.layout.statements.glob("*.yaml")):
                data = load_yaml(path)
                for stmt in (data.get("statements") or []) if isinstance(data, dict) else []:
                    if isinstance(stmt, dict):
                        self.quotes[str(stmt.get("id"))] = f"“{stmt.get('quote')}” ({path.name})"
        return self.quotes.get(statement, "no such statement")

    def yaml_of(self, item: Item) -> str:
        return yamledit.dumps(item.node)

    def save(self) -> None:
        for path, data in self.files.items():
            yamledit.save(data, path)

    def show(self, item: Item, document: Document | None) -> str:
        """The proposal as the curator reads it: its words in context, and why it was proposed."""
        node, lines = item.node, []
        if item.kind == "span":
            lines.append(f"{item.key}: exclude as {node['reason']!r}: from {node['from']!r} until {node['until']!r}")
            if document is not None:
                start = document.text.find(str(node["from"]))
                end = len(document.text) if node["until"] == "end" else \
                    document.text.find(str(node["until"]), start) + len(str(node["until"]))
                lines.append(_indent(_in_context(document.text, start, end)))
        elif item.kind == "entity":
            lines.append(f"{item.key}: new {node.get('type')} {node.get('label')!r} — {node.get('description')}")
            if node.get("aliases"):
                lines.append(f"  also named: {', '.join(node['aliases'])}")
        else:
            quote = str(node.get("quote", ""))
            lines.append(f"{item.key}: {node.get('certainty')}, {node.get('modality')}")
            if document is not None and quote in document.text:
                start = document.text.find(quote)
                lines.append(_indent(_in_context(document.text, start, start + len(quote))))
            for fact in node.get("facts") or []:
                lines.append(f"  fact: {_flow(fact)}")
            if not node.get("facts"):
                lines.append("  facts: none yet: write them (edit) before accepting")
        proposal = node.get("proposal")
        if isinstance(proposal, dict):
            for key, value in proposal.items():
                lines.append(f"  {key}: {_flow(value)}")
                if key in ("corroborates", "disagrees", "dates") and isinstance(value, list):
                    lines += [f"    {other}: {self.quote_of(str(other))}" for other in value]
        elif proposal is not None:
            lines.append(f"  why: {proposal}")
        return "\n".join(lines)


def _flow(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    return str(value)


def _in_context(text: str, start: int, end: int) -> str:
    """The words around [start, end), the span itself between » and «."""
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    inner = text[start:end] if end - start <= 600 else text[start:start + 300] + " … " + text[end - 200:end]
    shown = ("…" if lo else "") + text[lo:start] + "»" + inner + "«" + text[end:hi] + ("…" if hi < len(text) else "")
    return re.sub(r"\s*\n\s*", " ¶ ", shown)


def _indent(text: str) -> str:
    return textwrap.fill(text, 110, initial_indent="  | ", subsequent_indent="  | ")


@dataclass
class Check:
    """What is left of one document's curation: proposals not yet reviewed, the first input the build refuses,
    and the coverage report."""

    document: str
    proposals: list[str]
    problem: str | None
    coverage: DocumentCoverage | None

    @property
    def done(self) -> bool:
        return not self.proposals and self.problem is None and self.coverage is not None and self.coverage.empty


def check(layout: Layout, document: str) -> Check:
    """The build's checks on one document: every input read as the build reads it, the other documents' drafts
    aside (they may still hold proposals), then this document's catalogue entry, register entries and statements
    with none; and its coverage."""
    left = [item.key for item in Review.open(layout, document).items]
    try:
        documents = load_corpus(layout.catalogue, layout.seeds, proposals=True)
        if document not in documents:
            raise InputError(layout.catalogue, None, f"no document {document!r} in the catalogue")
        ontology = load_ontology(layout.ontology)
        entities = load_register(layout.register, ontology, documents, skip=layout.register_data, proposals=True)
        curation = Curation()
        statements = load_statements(layout.statements, documents, ontology, entities, curation, proposals=True)
        if not left:
            _strict(layout, document, documents, ontology, entities)
        # The coverage of this document alone (sentence splitting is the slow part of it).
        inputs = Inputs({document: documents[document]}, ontology, entities, statements,
                        load_coordinates(layout.coordinates, entities, ontology), curation)
    except KGError as exc:
        return Check(document, left, str(exc), None)
    report = next(r for r in coverage(inputs) if r.document == document)
    return Check(document, left, None, report)


def _strict(layout: Layout, document: str, documents, ontology, entities) -> None:
    """This document's inputs as the build reads them: nothing of it may still be a proposal."""
    doc = documents[document]
    if any(span.proposal is not None for span in doc.excluded):
        raise InputError(layout.catalogue, None, f"document {document}: an excluded span is still a proposal")
    register = layout.register / f"{document}.yaml"
    for ent in entities.values():
        if ent.proposal is not None and ent.path == register:
            raise InputError(register, ent.line, f"{ent.id}: a proposed register entry, not reviewed")
    path = layout.statements / f"{document}.yaml"
    if path.exists():
        load_statement_file(path, documents, ontology, entities)

