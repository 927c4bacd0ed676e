"""Leave-one-out evaluation of `kg suggest` against the curated statements.

For each document: a temporary copy of the inputs without its statements file, without the register entries only it
uses (its statements, attributions, waypoints or `unlinked` notes; no other document's) and without the aliases that
only its text spells (the register's other entries keep the names the other documents give them, so the
transliterations of this one must be recognised, not looked up); `kg suggest` on it; the draft compared with the
curated statements:

- quote recall: the share of the sentences curated statements quote that a draft statement quotes (sentence level);
- entity links: the mentions the suggester links against the register's alias table (the curators' links) over the
  document's in-scope text, for entities the copy's register still has: precision, recall, F1;
- dates and numbers: the share of curated date facts and quantities that a draft statement of the same sentence
  gives exactly (the value, precision, qualifier, unit and per), as a fact's object or among the normalised values
  its proposal lists for the curator's facts;
- certainty and modality: agreement of the draft statement with each curated statement of the same sentence;
- facts: exact subject–property–object matches of the draft's facts with the curated facts, precision and recall;
  a new register entry the draft proposes counts as the curated entry the copy lacks when it names it (by the
  entry's names, folded or by skeleton) or, for an event, when it has its kind and its date: the id a curator would
  give it on review;
- facts within reach: the curated facts whose entries a draft could give at all under that rule, each one kept in the
  copy's register, named in the document's text (one of the entry's names, folded), or an event the curators date (a
  `date` fact): the most any drafter could match without guessing the ids the curators coined for the things they
  described (the smuggling, the pressure on Baghdad). Fact recall is also given against them.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .build import Inputs, load_inputs
from .compare import object_key
from .coverage import Sentence, entities_used, sentences
from .dates import dates as find_dates
from .errors import InputError
from .event_index import ROLES
from .mentions import Matcher
from .names import fold, skeleton
from .namespaces import LB
from .ontology import DATE_PROPERTIES, load_ontology
from .paths import Layout
from .quantities import quantities as find_quantities
from .register import Entity, load_register, mention_spans
from .rule_trust import SEEN_WEIGHT, THRESHOLD, Trust, counts_by_property, counts_by_rule, kind_of, load_record, split_key
from .rule_trust import key as trust_key
from .statements import EntityRef, QuantityValue, Statement, TypedValue, first_day, last_day, load_statement_file
from .suggest import suggest
from .yamlio import load_yaml, parse

INPUT_FOLDERS = ("seeds", "statements", "register", "ontology")


@dataclass
class Score:
    """Counts behind one document's figures (added up for the total)."""

    document: str
    sentences: int = 0
    curated_statements: int = 0
    proposed_statements: int = 0
    curated_sentences: int = 0
    recalled_sentences: int = 0
    drafted_sentences: int = 0  # sentences a draft statement quotes ...
    drafted_quoted: int = 0  # ... that a curated statement quotes too
    link_tp: int = 0
    link_pred: int = 0
    link_gold: int = 0
    link_gold_found: int = 0
    dates: int = 0
    dates_exact: int = 0
    dates_read: int = 0  # curated `date` facts (bounds are inferences, not words) ...
    dates_read_exact: int = 0  # ... that the date reader finds in the statement's quote
    numbers: int = 0
    numbers_exact: int = 0
    numbers_read_exact: int = 0  # curated quantities the number reader finds in the statement's quote
    compared: int = 0
    certainty_agree: int = 0
    modality_agree: int = 0
    curated_facts: int = 0
    proposed_facts: int = 0
    facts_matched: int = 0
    facts_reachable: int = 0
    every_proposed: int = 0  # facts the draft of every rule proposes ...
    every_matched: int = 0  # ... and how many of them are curated facts
    withheld_facts: int = 0  # facts the draft of every rule has and the draft written lacks (its rules withheld) ...
    withheld_matched: int = 0  # ... and how many of them are curated facts
    new_entries: int = 0
    removed_entries: int = 0
    corroborates: int = 0
    disagrees: int = 0
    dated: int = 0
    notes: list[str] = field(default_factory=list)
    rule_proposed: Counter = field(default_factory=Counter)  # drafting rule -> distinct facts it proposed ...
    rule_matched: Counter = field(default_factory=Counter)  # ... and how many of them are curated facts
    candidates: dict = field(default_factory=dict)  # the draft of every rule: fact -> the rules and kinds proposing it
    gold: set = field(default_factory=set)  # the curated facts (both per document only: not added up)

    def __add__(self, other: Score) -> Score:
        out = Score("all")
        for name in self.__dataclass_fields__:
            if name not in ("document", "notes", "candidates", "gold"):
                setattr(out, name, getattr(self, name) + getattr(other, name))
        return out


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None or precision + recall == 0:
        return None
    return 2 * precision * recall / (precision + recall)


def _quoted(sent: Sentence, spans: list[tuple[int, int]]) -> bool:
    return any(s < sent.end and sent.start < e for s, e in spans)


def sentence_recall(all_sentences: list[Sentence], curated: list[tuple[int, int]], proposed: list[tuple[int, int]]) -> tuple[int, int]:
    """(sentences curated statements quote, of those the ones a proposed statement quotes too)."""
    gold = [s for s in all_sentences if _quoted(s, curated)]
    return len(gold), sum(1 for s in gold if _quoted(s, proposed))


def sentence_precision(all_sentences: list[Sentence], curated: list[tuple[int, int]], proposed: list[tuple[int, int]]
                       ) -> tuple[int, int]:
    """(sentences proposed statements quote, of those the ones a curated statement quotes too): the cost of the recall."""
    drafted = [s for s in all_sentences if _quoted(s, proposed)]
    return len(drafted), sum(1 for s in drafted if _quoted(s, curated))


def link_scores(predicted: list[tuple[int, int, str]], gold: list[tuple[int, int, str]]) -> tuple[int, int, int]:
    """(predicted links that overlap a gold link to the same entity, gold links some predicted link of the same entity
    overlaps); a predicted link overlapping no gold link counts against precision."""
    def same(a, b) -> bool:
        return a[0] < b[1] and b[0] < a[1] and a[2] == b[2]
    tp = sum(1 for p in predicted if any(same(p, g) for g in gold))
    found = sum(1 for g in gold if any(same(p, g) for p in predicted))
    return tp, found


def date_key(prop: str, lexical: str) -> str:
    """A date as a fact of prop compares: a bound by the day it bounds (dateNotAfter "2021" and "2021-12" are both "not
    after 31 December 2021", which curators write either way), a date as written (a year and its December differ)."""
    if prop not in ("dateNotBefore", "dateNotAfter") or not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", lexical):
        return lexical
    value = TypedValue(lexical, "")
    return (first_day(value) if prop == "dateNotBefore" else last_day(value)).isoformat()


def fact_key(fact, rename: dict[str, str]) -> tuple[str, str, str]:
    """A fact as a (subject, property, object) key, new ids renamed to the curated ones; a date bound by its day."""
    obj = object_key(fact.object)
    if isinstance(fact.object, EntityRef):
        obj = rename.get(obj, obj)
    elif isinstance(fact.object, TypedValue):
        obj = date_key(fact.property.name, obj)
    return rename.get(fact.subject, fact.subject), fact.property.name, obj


def fact_keys(statements: list[Statement], rename: dict[str, str] | None = None) -> set[tuple[str, str, str]]:
    """The facts of statements as (subject, property, object) keys, new ids renamed to the curated ones."""
    return {fact_key(fact, rename or {}) for stmt in statements for fact in stmt.facts}


def by_rule(draft: list[Statement], rules: dict[str, list[str]], rename: dict[str, str],
            gold: set[tuple[str, str, str]], new_ids=frozenset()) -> tuple[Counter, Counter]:
    """For each drafting rule and kind of fact (kg.rule_trust.key: between register entries, or involving one of
    new_ids), the distinct facts it proposed and how many of them are curated facts."""
    return rule_counts(rule_candidates(draft, rules, rename, new_ids), gold)


def rule_counts(candidates: dict[tuple[str, str, str], set[str]], gold: set) -> tuple[Counter, Counter]:
    """For each rule and kind of fact of the candidates (rule_candidates), the facts it proposed and the curated ones."""
    proposed = Counter(name for names in candidates.values() for name in names)
    matched = Counter(name for fact, names in candidates.items() if fact in gold for name in names)
    return proposed, matched


def rule_candidates(draft: list[Statement], rules: dict[str, list[str]], rename: dict[str, str], new_ids=frozenset()
                    ) -> dict[tuple[str, str, str], set[str]]:
    """Each distinct fact of a draft (as a key, new ids renamed to the curated ones) and the rules and kinds
    (kg.rule_trust.key) that proposed it."""
    out: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for stmt in draft:
        for fact, rule in zip(stmt.facts, rules.get(stmt.id, []), strict=False):
            obj = fact.object.id if isinstance(fact.object, EntityRef) else None
            out[fact_key(fact, rename)].add(trust_key(rule, kind_of(fact.subject, obj, new_ids)))
    return dict(out)


_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # a curator's note after a label: "(planned)", "(struck 25 February 2021)"


def align(new: dict[str, Entity], removed: dict[str, Entity], curated: list[Statement], draft: list[Statement]) -> dict[str, str]:
    """New entries of the draft that are curated entries the copy lacked: by name; an event by class (any, for an event
    the draft gives no kind) and date, where two curated events share both the one with which it shares the most other
    facts (a strike's kind, a place), and failing a date, by a bound the curator gave it ("said it had seized": not
    after that day); failing both, by a name one of whose words' ends is the other's ("Treasury Department", "U.S.
    Treasury Department"), the only such entry of its class; an undated activity by two roles or more (agent, cargo,
    places) it shares with the one curated entry of its class that shares the most."""
    out: dict[str, str] = {}
    names = {}
    for ent in removed.values():
        for name in {ent.label, _NOTE.sub("", ent.label), *ent.aliases}:  # "Checkpoint near X (claimed)": its name is before the note
            names.setdefault(fold(name), ent.id)
            names.setdefault("~" + skeleton(name), ent.id)
    curated_dates, curated_bounds, curated_facts = defaultdict(set), defaultdict(set), defaultdict(set)
    for stmt in curated:
        for fact in stmt.facts:
            if fact.subject not in removed:
                continue
            if fact.property.name == "date":
                curated_dates[fact.object.lexical].add(fact.subject)
            else:
                curated_facts[fact.subject].add((fact.property.name, object_key(fact.object)))
                if fact.property.name in DATE_PROPERTIES:
                    curated_bounds[fact.object.lexical].add(fact.subject)
    draft_dates, draft_facts = defaultdict(set), defaultdict(set)
    for stmt in draft:
        for fact in stmt.facts:
            if fact.property.name in DATE_PROPERTIES and fact.subject in new:
                draft_dates[fact.subject].add(fact.object.lexical)
            elif fact.subject in new:
                draft_facts[fact.subject].add((fact.property.name, object_key(fact.object)))

    def dated(ent: Entity, by: dict[str, set[str]]) -> str | None:
        for value in sorted(draft_dates.get(ent.id, ())):
            same = [e for e in by.get(value, ()) if e not in out.values()
                    and (removed[e].type == ent.type or ent.type == LB + "Event")]  # an event of no kind yet: any dated
            if len(same) > 1:  # two strikes of one day: the one whose other facts (its kind, its place) agree
                shared = {e: len(curated_facts[e] & draft_facts[ent.id]) for e in same}
                same = [e for e in same if shared[e] and shared[e] == max(shared.values())]
            if len(same) == 1:
                return same[0]
        return None

    def named(ent: Entity) -> str | None:
        own = [fold(n).split() for n in {ent.label, *ent.aliases}]
        same = {e.id for e in removed.values() if e.type == ent.type and e.id not in out.values()
                for other in {e.label, *e.aliases} for a in own if _ends_alike(a, fold(other).split())}
        return same.pop() if len(same) == 1 else None

    def acted(ent: Entity) -> str | None:  # an undated activity: the curated one of its class it shares most roles with
        if draft_dates.get(ent.id):
            return None
        own = {f for f in draft_facts[ent.id] if f[0] in ROLES}
        shared = {e: len(own & curated_facts[e]) for e in removed if removed[e].type == ent.type and e not in out.values()}
        most = max(shared.values(), default=0)
        best = [e for e, n in shared.items() if n >= 2 and n == most]
        return best[0] if len(best) == 1 else None

    for ent in new.values():
        for name in {ent.label, *ent.aliases}:
            match = names.get(fold(name)) or names.get("~" + skeleton(name))
            if match:
                out[ent.id] = match
                break
        else:
            match = dated(ent, curated_dates) or dated(ent, curated_bounds) or named(ent) or acted(ent)
            if match:
                out[ent.id] = match
    return out


def _ends_alike(a: list[str], b: list[str]) -> bool:
    """Two names of two words or more, one of which ends with the other's words."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long[-len(short):] == short


def reachable(gold: set[tuple[str, str, str]], removed: dict[str, Entity], curated: list[Statement], text: str) -> int:
    """How many curated facts a draft could match at all: each entry of the fact kept, named in the text or dated."""
    folded = f" {fold(text)} "
    dated = {f.subject for stmt in curated for f in stmt.facts if f.property.name == "date"}

    def within(ent_id: str) -> bool:
        ent = removed.get(ent_id)
        return ent is None or ent_id in dated or any(f" {fold(name)} " in folded for name in {ent.label, *ent.aliases})
    return sum(1 for subject, _, obj in gold if within(subject) and within(obj.split("#", 1)[0]))


def _used_elsewhere(inputs: Inputs, doc_id: str) -> set[str]:
    used: set[str] = set()
    for stmt in inputs.statements:
        if stmt.document.id == doc_id:
            continue
        used.update(entities_used(stmt))
    for other, unlinked in inputs.curation.unlinked.items():
        if other != doc_id:
            used.update(unlinked)
    return used


def leave_out(inputs: Inputs, source: Layout, doc_id: str, root: Path) -> tuple[Layout, dict[str, Entity]]:
    """A copy of the inputs at root without the document's statements, its own register entries and the aliases only
    its text spells; returns the copy's layout and the entries removed."""
    for name in INPUT_FOLDERS:
        shutil.copytree(source.root / name, root / name)
    layout = Layout(root=root)
    (layout.statements / f"{doc_id}.yaml").unlink()
    used = _used_elsewhere(inputs, doc_id)
    own = layout.register / f"{doc_id}.yaml"
    removed = {e.id: e for e in inputs.entities.values() if e.path.name == own.name and e.id not in used}
    others = [d.in_scope_text() for k, d in inputs.documents.items() if k != doc_id]

    def kept(item: dict) -> dict | None:
        return None if item["id"] in removed else \
            {**item, "aliases": [a for a in item.get("aliases") or [] if any(a in text for text in others)]}
    edit_register(layout, kept)
    return layout, removed


def edit_register(layout: Layout, edit) -> None:
    """Rewrite the register files of a copy of the inputs entry by entry: edit(entry) gives the entry to keep (a new
    mapping where it changes one), or None to leave it out; a file left with no entry goes, one left as it was is not
    written again. The register's data files (places, coordinates) stay as they are."""
    for path in sorted(layout.register.glob("*.yaml")):
        if path in layout.register_data:
            continue
        entries = parse(path.read_text(encoding="utf-8")) or []
        items = [item for item in map(edit, entries) if item is not None]
        if not items:
            path.unlink()
        elif items != entries:
            path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")


def evaluate(layout: Layout, doc_id: str) -> Score:
    """Leave one document out, draft it, and score the draft against its curated statements."""
    inputs = load_inputs(layout)
    with tempfile.TemporaryDirectory(prefix="suggest-eval-") as tmp:
        copy, removed = leave_out(inputs, layout, doc_id, Path(tmp))
        return score_draft(inputs, doc_id, copy, removed, doc_id)


def drafted_statements(inputs: Inputs, doc_id: str, copy: Layout, withhold: frozenset[str] | Trust | None):
    """Draft the document in the copy: the draft's information, its statements as loaded, and the copy's entries."""
    info = suggest(copy, doc_id, withhold)
    ontology = load_ontology(copy.ontology)
    entities = load_register(copy.register, ontology, inputs.documents, skip=copy.register_data, proposals=True)
    return info, load_statement_file(info.statements_path, inputs.documents, ontology, entities, proposals=True), entities


def score_draft(inputs: Inputs, doc_id: str, copy: Layout, removed: dict[str, Entity], name: str) -> Score:
    """Draft the document in the copy (whose register lacks the removed entries) and score the draft against the
    document's curated statements in inputs: the draft `kg suggest` writes, and (for each rule's record and what the
    withheld rules would have added) the draft of every rule."""
    doc = inputs.documents[doc_id]
    score = Score(name)
    curated = [s for s in inputs.statements if s.document.id == doc_id]
    gold_facts = fact_keys(curated)
    every_info, every_draft, entities = drafted_statements(inputs, doc_id, copy, frozenset())
    score.notes += [f"drafting stopped on the sentence at {where}" for where in every_info.failed]
    drafted_new = {k: e for k, e in entities.items() if e.proposal is not None}
    rename = align(drafted_new, removed, curated, every_draft)
    score.candidates, score.gold = rule_candidates(every_draft, every_info.rules, rename, drafted_new), gold_facts
    score.rule_proposed, score.rule_matched = rule_counts(score.candidates, gold_facts)
    every_facts = fact_keys(every_draft, rename)
    trust = load_record()
    draft, entities = drafted_statements(inputs, doc_id, copy, trust)[1:] if trust.rules else (every_draft, entities)
    kept = {k: e for k, e in entities.items() if e.proposal is None}
    new = {k: e for k, e in entities.items() if e.proposal is not None}
    score.removed_entries, score.new_entries = len(removed), len(new)
    all_sentences = sentences(doc)
    score.sentences = len(all_sentences)
    score.curated_statements, score.proposed_statements = len(curated), len(draft)
    curated_spans, draft_spans = [(s.start, s.end) for s in curated], [(s.start, s.end) for s in draft]
    score.curated_sentences, score.recalled_sentences = sentence_recall(all_sentences, curated_spans, draft_spans)
    score.drafted_sentences, score.drafted_quoted = sentence_precision(all_sentences, curated_spans, draft_spans)
    text = doc.in_scope_text()
    gold = [g for g in mention_spans(inputs.entities, text) if g[2] in kept]
    predicted = [(m.start, m.end, m.entity) for m in Matcher(kept).find(text) if m.entity is not None]
    score.link_pred, score.link_gold = len(predicted), len(gold)
    score.link_tp, score.link_gold_found = link_scores(predicted, gold)
    _values(score, curated, draft)
    rename = align(new, removed, curated, draft)
    draft_facts = fact_keys(draft, rename)
    score.curated_facts, score.proposed_facts = len(gold_facts), len(draft_facts)
    score.facts_matched = len(gold_facts & draft_facts)
    score.every_proposed, score.every_matched = len(every_facts), len(every_facts & gold_facts)
    score.withheld_facts = len(every_facts - draft_facts)
    score.withheld_matched = len((every_facts - draft_facts) & gold_facts)
    score.facts_reachable = reachable(gold_facts, removed, curated, text)
    for stmt in draft:
        proposal = stmt.proposal or {}
        score.corroborates += bool(proposal.get("corroborates"))
        score.disagrees += bool(proposal.get("disagrees"))
        score.dated += bool(proposal.get("dates"))
    return score


def _values(score: Score, curated: list[Statement], draft: list[Statement]) -> None:
    """Dates, numbers, certainty and modality of curated statements against the draft's of the same sentence."""
    def overlapping(stmt: Statement) -> list[Statement]:
        return [d for d in draft if d.start < stmt.end and stmt.start < d.end]
    for stmt in curated:
        near = overlapping(stmt)
        listed = [object_key(v) for d in near for v in (d.proposal or {}).get("values") or []]
        drafted_dates = {f.object.lexical for d in near for f in d.facts if f.property.name in DATE_PROPERTIES} | set(listed)
        drafted_numbers = {object_key(f.object) for d in near for f in d.facts if isinstance(f.object, QuantityValue)} \
            | set(listed)
        read = find_dates(stmt.quote, stmt.document.date)
        read_dates = {d.value for d in read}
        read_numbers = {object_key(q.as_yaml()) for q in find_quantities(stmt.quote, [(d.start, d.end) for d in read])}
        for fact in stmt.facts:
            if fact.property.name in DATE_PROPERTIES and isinstance(fact.object, TypedValue):
                score.dates += 1
                key = date_key(fact.property.name, fact.object.lexical)
                score.dates_exact += key in {date_key(fact.property.name, d) for d in drafted_dates}
                if fact.property.name == "date":
                    score.dates_read += 1
                    score.dates_read_exact += fact.object.lexical in read_dates
            elif isinstance(fact.object, QuantityValue):
                score.numbers += 1
                score.numbers_exact += object_key(fact.object) in drafted_numbers
                score.numbers_read_exact += object_key(fact.object) in read_numbers
        if near:
            score.compared += 1
            score.certainty_agree += any(d.certainty == stmt.certainty for d in near)
            score.modality_agree += any(d.modality == stmt.modality for d in near)


COLUMNS = ("document", "sentences", "statements curated / proposed", "quote recall", "sentence precision", "link P / R / F1",
           "dates in draft / read", "numbers in draft / read", "certainty / modality agree", "facts curated / proposed",
           "fact P / R", "every rule: fact P / R", "withheld facts (curated)", "facts within reach (R of them)", "new entries (removed)",
           "corroborates / disagrees / dates")


def _pct(part: int, whole: int) -> str:
    value = ratio(part, whole)
    return "–" if value is None else f"{100 * value:.0f} %"


def row(s: Score) -> list[str]:
    p, r = ratio(s.link_tp, s.link_pred), ratio(s.link_gold_found, s.link_gold)
    link_f1 = f1(p, r)
    return [
        s.document, str(s.sentences), f"{s.curated_statements} / {s.proposed_statements}",
        f"{_pct(s.recalled_sentences, s.curated_sentences)} ({s.recalled_sentences}/{s.curated_sentences})",
        f"{_pct(s.drafted_quoted, s.drafted_sentences)} ({s.drafted_quoted}/{s.drafted_sentences})",
        f"{_pct(s.link_tp, s.link_pred)} / {_pct(s.link_gold_found, s.link_gold)} / "
        f"{'–' if link_f1 is None else f'{link_f1:.2f}'}",
        f"{_pct(s.dates_exact, s.dates)} ({s.dates_exact}/{s.dates}) / {_pct(s.dates_read_exact, s.dates_read)} "
        f"({s.dates_read_exact}/{s.dates_read})",
        f"{_pct(s.numbers_exact, s.numbers)} / {_pct(s.numbers_read_exact, s.numbers)} (of {s.numbers})",
        f"{_pct(s.certainty_agree, s.compared)} / {_pct(s.modality_agree, s.compared)} (of {s.compared})",
        f"{s.curated_facts} / {s.proposed_facts}",
        f"{_pct(s.facts_matched, s.proposed_facts)} / {_pct(s.facts_matched, s.curated_facts)} ({s.facts_matched})",
        f"{_pct(s.every_matched, s.every_proposed)} / {_pct(s.every_matched, s.curated_facts)} ({s.every_matched}/{s.every_proposed})",
        f"{s.withheld_facts} ({s.withheld_matched})",
        f"{s.facts_reachable} ({_pct(s.facts_matched, s.facts_reachable)})",
        f"{s.new_entries} ({s.removed_entries})",
        f"{s.corroborates} / {s.disagrees} / {s.dated}",
    ]


def rule_table(columns: dict[str, Score]) -> str:
    """Each drafting rule's facts matched of proposed, and its precision, in each column's evaluation (a Markdown
    table, the rules that proposed most first). A fact two rules propose counts for both."""
    rules = Counter()
    for score in columns.values():
        rules.update(score.rule_proposed)
    lines = ["| rule | " + " | ".join(f"{name}: matched / proposed (precision)" for name in columns) + " |",
             "|" + "---|" * (len(columns) + 1)]
    for rule, _ in rules.most_common():
        cells = [f"{s.rule_matched[rule]} / {s.rule_proposed[rule]} ({_pct(s.rule_matched[rule], s.rule_proposed[rule])})"
                 if s.rule_proposed[rule] else "–" for s in columns.values()]
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def total(scores: list[Score]) -> Score:
    """The scores' counts added."""
    out = Score("all")
    for s in scores:
        out = out + s
    return out


def print_notes(scores: list[Score]) -> None:
    """What the table's figures do not show: the sentences drafting stopped on (each is drafted without facts)."""
    for s in scores:
        for note in s.notes:
            print(f"- {s.document}: {note}")


def table(scores: list[Score]) -> str:
    """The scores as a Markdown table, one row per document and the total (counts added, then divided)."""
    rows = [row(s) for s in scores] + [row(total(scores))]
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)



PRECISION_FLOOR = 0.7  # the share of a draft's facts that must be right for a curator not to wade through noise
F_BETA = 0.5  # the F-score printed beside each setting: precision weighs twice recall
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
SEEN_WEIGHTS = (0.0, 0.1, 0.2, 0.5, 1.0)


def blind_scores(path: Path) -> list[Score]:
    """The drafts of documents measured blind (bench/blind_drafts.py writes them): for each, its facts by rule and
    kind, as a Score's rule counts, candidates and gold (the curated facts among them) and its curated facts' count."""
    data = load_yaml(path) if path.is_file() else None
    out = []
    for name, doc in ((data or {}).get("documents") or {}).items():
        try:
            score = Score(str(name), curated_facts=int(doc["curated"]))
            candidates: dict[tuple, set[str]] = defaultdict(set)
            for rule, kind, curated, *fact in doc["facts"]:
                candidates[tuple(map(str, fact))].add(trust_key(str(rule), str(kind)))
                if curated:
                    score.gold.add(tuple(map(str, fact)))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(path, getattr(doc, "line", None),
                             f"document {name}: give curated: N and facts: [[rule, kind, curated?, s, p, o], ...] ({exc})") from exc
        score.candidates = dict(candidates)
        score.rule_proposed, score.rule_matched = rule_counts(score.candidates, score.gold)
        score.proposed_facts, score.facts_matched = len(candidates), len(score.gold)
        out.append(score)
    return out


def _counts(scores: list[Score]) -> tuple[Counter, Counter]:
    return sum((s.rule_proposed for s in scores), Counter()), sum((s.rule_matched for s in scores), Counter())


def _property_counts(scores: list[Score]) -> tuple[Counter, Counter]:
    """The facts proposed and matched, by rule and kind (kg.rule_trust.key) and property."""
    proposed, matched = Counter(), Counter()
    for score in scores:
        for fact, names in score.candidates.items():
            for name in names:
                proposed[name, fact[1]] += 1
                matched[name, fact[1]] += fact in score.gold
    return proposed, matched


def trust_of(seen: list[Score], new: list[Score], threshold: float = THRESHOLD, seen_weight: float = SEEN_WEIGHT) -> Trust:
    """The record of each rule and kind: seen, the evaluations of documents the rules were written reading; new, of
    documents measured before any rule was written from them."""
    return Trust(counts_by_rule(_counts(seen), _counts(new)), threshold, seen_weight,
                 counts_by_property(_property_counts(seen), _property_counts(new)))


def cross_validated(seen: list[Score], blind: list[Score], threshold: float, seen_weight: float) -> tuple[int, int, int]:
    """(facts matched, proposed, curated) over the blind documents, each drafted with the rules withheld by a record
    made without it (neither its blind draft nor its draft now): what the withholding does on a document that was not
    part of the record. The draft of every rule less the withheld rules' facts stands for the draft written."""
    matched = proposed = curated = 0
    for doc in blind:
        trust = trust_of([s for s in seen if s.document != doc.document], [d for d in blind if d is not doc],
                         threshold, seen_weight)
        kept = {fact for fact, names in doc.candidates.items()
                if not all(trust.withholds(*split_key(n), fact[1]) for n in names)}
        matched, proposed, curated = matched + len(kept & doc.gold), proposed + len(kept), curated + doc.curated_facts
    return matched, proposed, curated


def f_beta(matched: int, proposed: int, curated: int, beta: float = F_BETA) -> float:
    p, r = ratio(matched, proposed), ratio(matched, curated)
    if not p or not r:
        return 0.0
    return (1 + beta * beta) * p * r / (beta * beta * p + r)


def trust_grid(seen: list[Score], blind: list[Score]) -> dict[tuple[float, float], tuple[int, int, int]]:
    """The cross-validated counts of every threshold and seen weight tried."""
    return {(t, w): cross_validated(seen, blind, t, w) for t in THRESHOLDS for w in SEEN_WEIGHTS}


def choose_trust(seen: list[Score], blind: list[Score]) -> Trust:
    """The record of every seen and blind evaluation, with the threshold and seen weight that keep the most right
    facts among those whose cross-validated precision on the blind documents reaches PRECISION_FLOOR (if none does,
    the most precise); on a tie the more precise, then the lower threshold, then the seen weight nearest the default."""
    grid = trust_grid(seen, blind)

    def rank(tw: tuple[float, float]) -> tuple:
        matched, proposed, _ = grid[tw]
        precision = ratio(matched, proposed) or 0.0
        return precision >= PRECISION_FLOOR, matched if precision >= PRECISION_FLOOR else 0, precision, -tw[0], \
            -abs(tw[1] - SEEN_WEIGHT)
    return trust_of(seen, blind, *max(grid, key=rank))


def grid_table(grid: dict[tuple[float, float], tuple[int, int, int]]) -> str:
    """The cross-validated fact precision / recall (F-score, F_BETA) of each threshold (rows) and seen weight (columns)."""
    lines = ["| threshold | " + " | ".join(f"seen weight {w}" for w in SEEN_WEIGHTS) + " |",
             "|" + "---|" * (len(SEEN_WEIGHTS) + 1)]
    for t in THRESHOLDS:
        cells = []
        for w in SEEN_WEIGHTS:
            m, p, c = grid[(t, w)]
            cells.append(f"{_pct(m, p)} / {_pct(m, c)} ({f_beta(m, p, c):.2f})")
        lines.append(f"| {t} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
