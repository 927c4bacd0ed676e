"""Which drafting rules `kg suggest` trusts: each rule's record on the evaluation documents, and the rules withheld
because that record says a curator would mostly be reading their mistakes.

The record (kg/rule_record.yaml) holds, for each rule (module.function), its facts matched of proposed in the
leave-one-out evaluation (the project's documents, which the rules were written reading) and on the held-out dev set
(new documents). `python bench/suggest_eval.py --rules --write-record` rewrites it; the held-out test set is never
part of it, so the test set still measures what the withholding does on text nobody tuned against.

A rule's precision is estimated as the share right of its dev facts plus its leave-one-out facts counted at
SEEN_WEIGHT each (right on the text it was written against says less than right on new text), with one right and
one wrong fact as the prior, so that a rule nobody has measured starts at one half and is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError

RECORD = Path(__file__).with_name("rule_record.yaml")
SEEN_WEIGHT = 0.2  # what a fact of the documents the rules were written against counts for, beside a new document's
THRESHOLD = 0.5  # a rule whose estimated precision is below this is withheld: wrong more often than right


@dataclass(frozen=True)
class Record:
    """A rule's facts matched of proposed, on the documents the rules were written against and on new ones."""

    seen_matched: int = 0
    seen_proposed: int = 0
    new_matched: int = 0
    new_proposed: int = 0

    @property
    def precision(self) -> float:
        right = 1 + self.new_matched + SEEN_WEIGHT * self.seen_matched
        return right / (2 + self.new_proposed + SEEN_WEIGHT * self.seen_proposed)

    def describe(self) -> str:
        return (f"right {self.seen_matched} of {self.seen_proposed} on the project's documents, {self.new_matched} of "
                f"{self.new_proposed} on new ones")


def load_record(path: Path | None = None) -> dict[str, Record]:
    """The rules' records (kg/rule_record.yaml unless another path is given; none if the file is absent: every rule
    is then trusted)."""
    path = path or RECORD
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for rule, counts in (data.get("rules") or {}).items():
        try:
            seen, new = counts.get("seen", [0, 0]), counts.get("new", [0, 0])
            out[rule] = Record(int(seen[0]), int(seen[1]), int(new[0]), int(new[1]))
        except (AttributeError, IndexError, TypeError, ValueError) as exc:
            raise InputError(path, None, f"rule {rule!r}: give seen: [matched, proposed] and new: [matched, proposed] ({exc})") from exc
    return out


def withheld(record: dict[str, Record] | None = None) -> frozenset[str]:
    """The rules whose facts a draft leaves out by default."""
    record = load_record() if record is None else record
    return frozenset(rule for rule, rec in record.items() if rec.precision < THRESHOLD)


def write_record(seen: tuple, new: tuple, path: Path | None = None) -> None:
    """Write the record (to kg/rule_record.yaml unless another path is given) from two evaluations' per-rule counts,
    each (proposed, matched) Counters by rule."""
    path = path or RECORD
    rules = sorted(set(seen[0]) | set(new[0]))
    body = {rule: {"seen": [seen[1][rule], seen[0][rule]], "new": [new[1][rule], new[0][rule]]} for rule in rules}
    header = ("# Each drafting rule's facts [matched, proposed]: seen = leave-one-out on the project's documents (the rules\n"
              "# were written reading them), new = the held-out dev set. Written by\n"
              "# `python bench/suggest_eval.py --rules --write-record`; read by kg/rule_trust.py.\n")
    path.write_text(header + yaml.safe_dump({"rules": body}, sort_keys=True, default_flow_style=None), encoding="utf-8")
