"""Evaluation of `kg suggest`. Prints Markdown tables:

- leave-one-out (kg.suggest_eval): for each of the project's documents, its statements and the register entries only
  it uses removed, a draft made and compared with the curated statements;
- held out (kg.suggest_heldout): the documents under tests/data/held-out/, which no drafting rule was written
  against, each added to a copy of the inputs, drafted and compared with the statements a curator wrote for it; one
  table per set of tests/data/held-out/sets.yaml (dev: read to find where drafts fail; test: only measured).

    python bench/suggest_eval.py [--document ID ...] [--held-out-only] [--set NAME ...] [--rules [--write-record]]

--rules also prints each rule's record by kind of fact, including the dev documents' drafts from before any rule was
written reading them (tests/data/held-out/blind.yaml, bench/blind_drafts.py), and those blind drafts' fact precision
and recall cross-validated (each drafted with the rules withheld by a record made without it) for each threshold and
seen weight tried. --write-record rewrites kg/rule_record.yaml: each rule's record, seen (the leave-one-out and the
dev set now, which the rules were written reading) and new (the blind drafts), and the threshold and seen weight
whose cross-validated F-score is highest; kg.rule_trust decides from it the rules a draft withholds. The test set is
never part of it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import load_inputs  # noqa: E402
from kg.errors import InputError  # noqa: E402
from kg.paths import Layout  # noqa: E402
from kg.rule_trust import RECORD, load_record, write_record  # noqa: E402
from kg.suggest_eval import (  # noqa: E402
    blind_scores,
    choose_trust,
    evaluate,
    f_beta,
    grid_table,
    print_notes,
    rule_table,
    table,
    total,
    trust_grid,
)
from kg.suggest_heldout import evaluate_held_out, held_out_sets  # noqa: E402

HELD_OUT = ROOT / "tests" / "data" / "held-out"
BLIND = HELD_OUT / "blind.yaml"  # bench/blind_drafts.py: dev documents' drafts when they were unseen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", action="append", help="leave out only this document (repeatable; default: all)")
    parser.add_argument("--held-out-only", action="store_true", help="only the held-out documents")
    parser.add_argument("--set", action="append", dest="sets", metavar="NAME",
                        help="only this held-out set of tests/data/held-out/sets.yaml (repeatable; default: every set)")
    parser.add_argument("--rules", action="store_true",
                        help="also each drafting rule's facts matched of proposed (leave-one-out and the dev set, not the test set)")
    parser.add_argument("--write-record", action="store_true",
                        help="with --rules: write each rule's record on the leave-one-out and the dev set to kg/rule_record.yaml")
    args = parser.parse_args()
    if args.write_record and (args.document or args.held_out_only or not args.rules or (args.sets and "dev" not in args.sets)):
        parser.error("--write-record needs --rules, the leave-one-out and the dev set (no --document, no --held-out-only)")
    layout = Layout.from_settings()
    columns, seen = {}, []
    if not args.held_out_only:
        documents = args.document or sorted(load_inputs(layout).documents)
        print("Leave-one-out (in-sample: the rules were written reading these documents)\n")
        scores = [evaluate(layout, doc_id) for doc_id in documents]
        print(table(scores))
        print_notes(scores)
        columns["leave-one-out"], seen = total(scores), scores
    dev = False
    if not args.document:
        for name, title, members in held_out_sets(HELD_OUT):
            if args.sets and name not in args.sets:
                continue
            print(f"\nHeld out, {name}: {title}\n")
            scores = [evaluate_held_out(layout, folder) for folder in members]
            print(table(scores))
            print_notes(scores)
            if name != "test":  # a test set's figures by rule would be a guide to changing rules: it is only measured
                columns[f"held out, {name}"] = total(scores)
                seen, dev = seen + scores, dev or name == "dev"
    blind = blind_scores(BLIND)
    if args.rules:
        columns["dev, blind"] = total(blind)
        print("\nBy drafting rule and kind of fact (the module and function that proposed it; [registered]: between "
              "register entries only, [new entry]: involving an entry the draft proposes); dev, blind: the dev documents "
              f"of {BLIND.name}, drafted before any rule was written reading them\n")
        print(rule_table(columns))
    if args.rules and dev and "leave-one-out" in columns and blind:
        record = load_record()
        print("\nThe blind dev documents cross-validated: fact precision / recall (F-score, precision weighted), each "
              "drafted with the rules withheld by a record made without it\n")
        grid = trust_grid(seen, blind)
        print(grid_table(grid))
        now = grid.get((record.threshold, record.seen_weight))
        if now:
            print(f"\nthe record's threshold {record.threshold} and seen weight {record.seen_weight}: F {f_beta(*now):.2f} "
                  f"({now[0]} facts right of {now[1]} proposed; {now[2]} curated)")
    if args.write_record:
        trust = choose_trust(seen, blind)
        write_record(trust)
        print(f"\nwrote {RECORD}: threshold {trust.threshold}, seen weight {trust.seen_weight}")
        for rule in sorted(trust.withheld()):
            print(f"withheld: {rule}")

if __name__ == "__main__":
    try:
        main()
    except InputError as err:  # a held-out folder or an input the evaluation cannot read: say which, no traceback
        sys.exit(f"bench/suggest_eval.py: {err}")
