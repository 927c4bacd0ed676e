"""Held-out evaluation of `kg suggest`: documents its rules were not written against.

The leave-one-out (kg.suggest_eval) drafts the five seeds, whose wording the drafting rules were written while
reading. A held-out document is a text no rule was written against, with the statements a curator wrote for it from
the text, the ontology and the curation guide alone. Each is a folder (tests/data/held-out/<name>/) with

- article.txt: the text, added as a new document;
- meta.yaml: its catalogue metadata (title, date, outlet, authors, genre), as `kg add` options, and `in_scope`: the
  first words of each off-topic span `kg add` proposes that the curator keeps in scope (the others are confirmed);
- statements.yaml: its curated statements, written for the id the document gets (the next free one, "005" while
  the seeds are five; another id is substituted);
- register.yaml: the register entries it introduces;
- aliases.yaml (optional): the spellings of register entries the text uses that the register lacks (id: [spelling,
  ...]), the aliases a curator adds on review. They go to the curated side only: the draft must recognise them.

root/sets.yaml sorts the folders into two sets: dev, read after its first measurement to find where drafts fail on new
text (so no longer unseen), and test, measured once the rules stand and never read to change one.

The document is added to two copies of the inputs: one gets the curated statements and entries (the truth), the
other is drafted (so the entries it introduces are the ones the draft must find or propose). The draft is scored as
a leave-one-out document is (kg.suggest_eval.score_draft).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .adding import add_document
from .build import Inputs, load_inputs
from .errors import InputError
from .paths import Layout
from .review import Review
from .rule_trust import load_record
from .suggest_eval import INPUT_FOLDERS, Score, drafted_statements, edit_register, score_draft
from .yamlio import load_yaml

FILES = ("article.txt", "meta.yaml", "statements.yaml", "register.yaml")
OPTIONS = ("title", "date", "outlet", "authors", "genre", "url")


SETS = {"dev": "read after their first measurement to find where drafts fail on new text",
        "test": "measured only, never read to change a rule"}


def folders(root: Path) -> list[Path]:
    """The held-out documents under root, by name."""
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def held_out_sets(root: Path) -> list[tuple[str, str, list[Path]]]:
    """The sets of root/sets.yaml (dev, test), each with what it is for and its folders; every folder in one set."""
    path = root / "sets.yaml"
    sets = load_yaml(path) if path.is_file() else {}
    found = {p.name for p in folders(root)}
    named = [n for members in sets.values() for n in members]
    unknown = sorted(set(sets) - set(SETS))
    if unknown or sorted(named) != sorted(found):
        raise InputError(path, None, f"sets {', '.join(SETS)} must name each folder of {root.name} once "
                                     f"(folders: {', '.join(sorted(found))}; named: {', '.join(named)}"
                                     + (f"; unknown sets: {', '.join(unknown)}" if unknown else "") + ")")
    return [(name, SETS[name], [root / n for n in sets[name]]) for name in SETS if sets.get(name)]


def _copy(source: Layout, root: Path, folder: Path) -> tuple[Layout, str]:
    """A copy of the inputs at root with the folder's article added and its proposed off-topic spans reviewed as its
    curator did: dropped (kept in scope) where meta.yaml's `in_scope` names their first words, else confirmed."""
    for name in INPUT_FOLDERS:
        shutil.copytree(source.root / name, root / name)
    layout = Layout(root=root)
    path = folder / "meta.yaml"
    meta = load_yaml(path) or {}
    unknown = sorted(set(meta) - set(OPTIONS) - {"in_scope"})
    if unknown:
        raise InputError(path, None, f"unknown key(s) {', '.join(unknown)}: give only {', '.join(OPTIONS)}, in_scope")
    added = add_document(layout, folder / "article.txt", **{k: meta[k] for k in OPTIONS if k in meta})
    keep = [str(words) for words in meta.get("in_scope") or []]
    review = Review.open(layout, added.id)
    spans = [item for item in review.items if item.kind == "span"]
    for item in spans:
        (review.drop if str(item.node.get("from")) in keep else review.accept)(item)
    unmatched = sorted(set(keep) - {str(item.node.get("from")) for item in spans})
    if unmatched:
        raise InputError(path, None, f"in_scope: kg add proposes no off-topic span from {', '.join(map(repr, unmatched))}")
    review.save()
    return layout, added.id


def _add_aliases(layout: Layout, folder: Path) -> None:
    """The curator's aliases of register entries (aliases.yaml), added to the entries in the copy's register."""
    path = folder / "aliases.yaml"
    wanted = load_yaml(path) or {}
    text = (folder / "article.txt").read_text(encoding="utf-8")
    for ent_id, names in wanted.items():
        absent = [n for n in names if n not in text]
        if absent:
            raise InputError(path, None, f"{ent_id}: {', '.join(map(repr, absent))} not in the article")
    found: set[str] = set()

    def with_aliases(item: dict) -> dict:
        if item["id"] not in wanted:
            return item
        found.add(item["id"])
        return {**item, "aliases": list(dict.fromkeys([*(item.get("aliases") or []), *wanted[item["id"]]]))}
    edit_register(layout, with_aliases)
    unknown = sorted(set(wanted) - found)
    if unknown:
        raise InputError(path, None, f"no register entry {', '.join(unknown)}")


def curated_copy(source: Layout, folder: Path, root: Path) -> tuple[Layout, str]:
    """A copy of the inputs under root with the held-out document added and its curated statements, register entries
    and aliases; its layout and the document's id."""
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise InputError(folder, None, f"a held-out document needs {', '.join(FILES)}; missing: {', '.join(missing)}")
    truth, doc_id = _copy(source, root / "curated", folder)
    statements = (folder / "statements.yaml").read_text(encoding="utf-8")
    if doc_id != "005":
        statements = re.sub(r'(?m)^document: "005"', f'document: "{doc_id}"', statements)
        statements = re.sub(r"\b005-(\d{3})\b", rf"{doc_id}-\1", statements)
    (truth.statements / f"{doc_id}.yaml").write_text(statements, encoding="utf-8")
    shutil.copyfile(folder / "register.yaml", truth.register / f"{doc_id}.yaml")
    if (folder / "aliases.yaml").is_file():
        _add_aliases(truth, folder)
    return truth, doc_id


@contextmanager
def _both_sides(source: Layout, folder: Path) -> Iterator[tuple[Inputs, str, Layout]]:
    """The held-out document added to two copies of the inputs: the curated side's inputs as loaded, the document's id,
    and the copy to draft (the same inputs: the same id)."""
    with tempfile.TemporaryDirectory(prefix="suggest-held-out-") as tmp:
        truth, doc_id = curated_copy(source, folder, Path(tmp))
        drafted, _ = _copy(source, Path(tmp) / "draft", folder)
        yield load_inputs(truth), doc_id, drafted


def evaluate_held_out(source: Layout, folder: Path) -> Score:
    """Add the held-out document to two copies of the inputs, give one its curated statements, draft the other,
    and score the draft against the curated statements."""
    with _both_sides(source, folder) as (inputs, doc_id, drafted):
        removed = {e.id: e for e in inputs.entities.values() if e.path.name == f"{doc_id}.yaml"}
        return score_draft(inputs, doc_id, drafted, removed, folder.name)


def draft_held_out(source: Layout, folder: Path) -> tuple[int, int, list[str]]:
    """Load the held-out document's curated side (its statements, entries and aliases on the inputs) and draft its
    text as `kg suggest` does, without scoring: the numbers of curated and of drafted statements, and the sentences
    drafting stopped on."""
    with _both_sides(source, folder) as (inputs, doc_id, drafted):
        info, draft, _ = drafted_statements(inputs, doc_id, drafted, load_record())
        return sum(1 for s in inputs.statements if s.document.id == doc_id), len(draft), info.failed
