"""Which drafting rules `kg suggest` trusts: each rule's record on the evaluation documents, and the rules withheld
because that record says a curator would mostly be reading their mistakes.

The record (kg/rule_record.yaml) holds, for each rule (module.function) and each kind of fact it proposes (one between
register entries only, or one that involves an entry the draft proposes as new), its facts matched of proposed in
the evaluations of documents the rules were written reading ("seen": the leave-one-out on the project's documents, the
held-out dev set as drafted now) and of documents drafted before any rule was written reading them ("new": the dev
documents' blind drafts, tests/data/held-out/blind.yaml). `python bench/suggest_eval.py --rules --write-record`
rewrites it; the held-out test set is never part of it, so the test set still measures what the withholding does on
text nobody tuned against.

A rule's precision is estimated as the share right of its dev facts plus its leave-one-out facts counted at
`seen_weight` each (right on the text it was written against says less than right on new text), starting from a
prior of one right and one wrong fact, so that a rule nobody has measured starts at one half. Each kind of fact is then
estimated from its own counts with the rule's estimate as its prior (worth PRIOR_FACTS facts), so a kind measured
little follows its rule and one measured much follows its own record; and each property of a kind likewise, with the
kind's estimate as its prior (a rule's places may be right where its dates are not). A property estimated below
`threshold` is withheld, and so is every property of a kind estimated below it that the record has not measured.
The threshold and the seen weight are the record's too: --write-record chooses them by cross-validation on the blind
drafts (kg.suggest_eval.choose_trust).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError
from .yamlio import parse

RECORD = Path(__file__).with_name("rule_record.yaml")
KINDS = ("registered", "new entry")  # a fact between register entries only; a fact involving an entry drafted as new
BY_PROPERTY = "by property"  # in the record, under a kind: its facts' counts for each property
SEEN_WEIGHT = 0.2  # what a fact of the documents the rules were written against counts for, beside a new document's
THRESHOLD = 0.5  # a kind of fact estimated below this is withheld: wrong more often than right
PRIOR_FACTS = 2  # how many facts a rule's estimate is worth as the prior of each of its kinds
# Rules that guess nothing: they carry over facts a curator reviewed, and are never withheld. repeats.facts gives a
# sentence that repeats another document's reviewed statement word for word that statement's facts.
COPIES = frozenset({"repeats.facts"})


def key(rule: str, kind: str) -> str:
    """The name of one kind of a rule's facts, as the evaluation counts it and a withheld set holds it."""
    return f"{rule} [{kind}]"


def split_key(name: str) -> tuple[str, str]:
    """(rule, kind) of a key; a bare rule name stands for every kind."""
    rule, _, kind = name.partition(" [")
    return rule, kind.rstrip("]")


def property_key(rule: str, kind: str, prop: str) -> str:
    """The name of one property of one kind of a rule's facts, as a withheld set holds it."""
    return f"{key(rule, kind)} {prop}"


def kind_of(subject: str, obj: object, new_ids) -> str:
    """The kind of a fact: whether its subject or its object is an entry the draft proposes."""
    return KINDS[1] if subject in new_ids or (isinstance(obj, str) and obj in new_ids) else KINDS[0]


def is_withheld(rule: str, kind: str, withhold: frozenset[str] | Trust, prop: str = "") -> bool:
    """Whether a fact of this rule, kind and property is left out: by a record, when it estimates the property below
    its threshold (a rule it has never measured included); by a set, when it names the rule, its kind of the rule or
    that property of the kind."""
    if isinstance(withhold, Trust):
        return withhold.withholds(rule, kind, prop)
    return rule in withhold or key(rule, kind) in withhold or property_key(rule, kind, prop) in withhold


@dataclass(frozen=True)
class Record:
    """Facts matched of proposed, on the documents the rules were written against and on new ones."""

    seen_matched: int = 0
    seen_proposed: int = 0
    new_matched: int = 0
    new_proposed: int = 0

    def __add__(self, other: Record) -> Record:
        return Record(self.seen_matched + other.seen_matched, self.seen_proposed + other.seen_proposed,
                      self.new_matched + other.new_matched, self.new_proposed + other.new_proposed)

    def estimate(self, prior: float = 0.5, prior_facts: float = 2, seen_weight: float = SEEN_WEIGHT) -> float:
        right = prior * prior_facts + self.new_matched + seen_weight * self.seen_matched
        return right / (prior_facts + self.new_proposed + seen_weight * self.seen_proposed)



@dataclass(frozen=True)
class Trust:
    """The record of every rule, by kind and by property within a kind, and the parameters that turn it into the
    facts withheld."""

    rules: dict[str, dict[str, Record]] = field(default_factory=dict)
    threshold: float = THRESHOLD
    seen_weight: float = SEEN_WEIGHT
    properties: dict[str, dict[str, dict[str, Record]]] = field(default_factory=dict)  # rule -> kind -> property -> record

    def estimates(self, rule: str) -> dict[str, float]:
        """The rule's estimated precision for each kind of fact, and (under "") for all its facts."""
        cells = self.rules.get(rule, {})
        whole = sum(cells.values(), Record()).estimate(seen_weight=self.seen_weight)
        out = {"": whole}
        for kind in KINDS:
            out[kind] = cells.get(kind, Record()).estimate(whole, PRIOR_FACTS, self.seen_weight)
        return out

    def estimate(self, rule: str, kind: str, prop: str = "") -> float:
        """The estimated precision of the rule's facts of this kind and property (no property: of the kind)."""
        of_kind = self.estimates(rule)[kind]
        cell = self.properties.get(rule, {}).get(kind, {}).get(prop) if prop else None
        return of_kind if cell is None else cell.estimate(of_kind, PRIOR_FACTS, self.seen_weight)

    def withholds(self, rule: str, kind: str, prop: str = "") -> bool:
        """Whether a draft leaves out this rule's facts of this kind and property: estimated below the threshold
        (never a rule that copies reviewed facts)."""
        return rule not in COPIES and self.estimate(rule, kind, prop) < self.threshold

    @property
    def unmeasured_withheld(self) -> bool:
        """Whether a rule the record has never measured is withheld (its estimate is the prior, one half)."""
        return Record().estimate(seen_weight=self.seen_weight) < self.threshold

    def withheld(self) -> frozenset[str]:
        """What of the record's rules' facts a draft leaves out: each kind (key) whose properties the record has not
        measured are withheld, and each measured property (property_key) withheld (and, if unmeasured_withheld, every
        rule's the record lacks)."""
        kinds = {key(rule, kind) for rule in self.rules for kind in KINDS if self.withholds(rule, kind)}
        props = {property_key(rule, kind, prop) for rule, by_kind in self.properties.items()
                 for kind, cells in by_kind.items() for prop in cells if self.withholds(rule, kind, prop)}
        return frozenset(kinds | props)


def load_record(path: Path | None = None) -> Trust:
    """The rules' record (kg/rule_record.yaml unless another path is given; an empty one if the file is absent: every
    rule is then trusted)."""
    path = path or RECORD
    if not path.is_file():
        return Trust()
    data = parse(path.read_text(encoding="utf-8")) or {}
    rules: dict[str, dict[str, Record]] = {}
    properties: dict[str, dict[str, dict[str, Record]]] = {}
    for rule, kinds in (data.get("rules") or {}).items():
        try:
            unknown = set(kinds) - set(KINDS)
            if unknown:
                raise ValueError(f"unknown kind {sorted(unknown)[0]!r}; the kinds are {', '.join(KINDS)}")
            rules[rule] = {kind: _cell(counts) for kind, counts in kinds.items()}
            by_kind = {kind: {str(prop): _cell(cell) for prop, cell in (counts.get(BY_PROPERTY) or {}).items()}
                       for kind, counts in kinds.items()}
            if any(by_kind.values()):
                properties[rule] = {kind: cells for kind, cells in by_kind.items() if cells}
        except (AttributeError, IndexError, TypeError, ValueError) as exc:
            raise InputError(path, None, f"rule {rule!r}: give, for each kind ({', '.join(KINDS)}), "
                                         f"seen: [matched, proposed] and new: [matched, proposed], and under "
                                         f"{BY_PROPERTY!r} the same for each property ({exc})") from exc
    try:
        return Trust(rules, float(data.get("threshold", THRESHOLD)), float(data.get("seen_weight", SEEN_WEIGHT)),
                     properties)
    except (TypeError, ValueError) as exc:
        raise InputError(path, None, f"threshold and seen_weight must be numbers ({exc})") from exc


def _cell(counts: dict) -> Record:
    seen, new = counts.get("seen", [0, 0]), counts.get("new", [0, 0])
    return Record(int(seen[0]), int(seen[1]), int(new[0]), int(new[1]))


def counts_by_rule(seen: tuple, new: tuple) -> dict[str, dict[str, Record]]:
    """A record's rules from two evaluations' counts, each (proposed, matched) Counters by key (rule and kind)."""
    rules: dict[str, dict[str, Record]] = {}
    for name in sorted(set(seen[0]) | set(new[0])):
        rule, kind = split_key(name)
        rules.setdefault(rule, {})[kind] = Record(seen[1][name], seen[0][name], new[1][name], new[0][name])
    return rules


def counts_by_property(seen: tuple, new: tuple) -> dict[str, dict[str, dict[str, Record]]]:
    """A record's properties from two evaluations' counts, each (proposed, matched) Counters by (key, property)."""
    out: dict[str, dict[str, dict[str, Record]]] = {}
    for name, prop in sorted(set(seen[0]) | set(new[0])):
        rule, kind = split_key(name)
        cell = Record(seen[1][name, prop], seen[0][name, prop], new[1][name, prop], new[0][name, prop])
        out.setdefault(rule, {}).setdefault(kind, {})[prop] = cell
    return out


def write_record(trust: Trust, path: Path | None = None) -> None:
    """Write a record (to kg/rule_record.yaml unless another path is given)."""
    path = path or RECORD

    def cell(c: Record) -> dict:
        return {"seen": [c.seen_matched, c.seen_proposed], "new": [c.new_matched, c.new_proposed]}

    body = {rule: {kind: cell(c) | ({BY_PROPERTY: {prop: cell(p) for prop, p in sorted(props.items())}}
                                    if (props := trust.properties.get(rule, {}).get(kind)) else {})
                   for kind, c in sorted(kinds.items())} for rule, kinds in sorted(trust.rules.items())}
    header = ("# Each drafting rule's facts [matched, proposed], by kind (between register entries only, or involving an\n"
              "# entry the draft proposes) and, within a kind, by property: seen = the leave-one-out on the project's\n"
              "# documents and the held-out dev set as drafted now (the rules were written reading both), new = the dev\n"
              "# documents' drafts from before any rule was written reading them; threshold and seen_weight chosen by\n"
              "# cross-validation on those blind drafts. Written by `python bench/suggest_eval.py --rules --write-record`;\n"
              "# read by kg/rule_trust.py.\n")
    data = {"threshold": trust.threshold, "seen_weight": trust.seen_weight, "rules": body}
    path.write_text(header + yaml.safe_dump(data, sort_keys=False, default_flow_style=None), encoding="utf-8")
