"""Evaluation of `kg suggest`. Prints Markdown tables:

- leave-one-out (kg.suggest_eval): for each of the project's documents, its statements and the register entries only
  it uses removed, a draft made and compared with the curated statements;
- held out (kg.suggest_heldout): the documents under tests/data/held-out/, which no drafting rule was written
  against, each added to a copy of the inputs, drafted and compared with the statements a curator wrote for it; one
  table per set of tests/data/held-out/sets.yaml (dev: read to find where drafts fail; test: only measured).

    python bench/suggest_eval.py [--document ID ...] [--held-out-only] [--set NAME ...] [--rules [--write-record]]

--write-record rewrites kg/rule_record.yaml, each rule's record on the leave-one-out and the dev set, from which
kg.rule_trust decides the rules a draft withholds. The test set is never part of it.
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
from kg.rule_trust import RECORD, load_record, withheld, write_record  # noqa: E402
from kg.suggest_eval import evaluate, rule_table, table, total  # noqa: E402
from kg.suggest_heldout import evaluate_held_out, held_out_sets  # noqa: E402

HELD_OUT = ROOT / "tests" / "data" / "held-out"


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
    columns = {}
    if not args.held_out_only:
        documents = args.document or sorted(load_inputs(layout).documents)
        print("Leave-one-out (in-sample: the rules were written reading these documents)\n")
        scores = [evaluate(layout, doc_id) for doc_id in documents]
        print(table(scores))
        columns["leave-one-out"] = total(scores)
    if not args.document:
        for name, title, members in held_out_sets(HELD_OUT):
            if args.sets and name not in args.sets:
                continue
            print(f"\nHeld out, {name}: {title}\n")
            scores = [evaluate_held_out(layout, folder) for folder in members]
            print(table(scores))
            if name != "test":  # a test set's figures by rule would be a guide to changing rules: it is only measured
                columns[f"held out, {name}"] = total(scores)
    if args.rules:
        print("\nBy drafting rule (the module and function that proposed each fact)\n")
        print(rule_table(columns))
    if args.write_record:
        seen, new = columns["leave-one-out"], columns["held out, dev"]
        write_record((seen.rule_proposed, seen.rule_matched), (new.rule_proposed, new.rule_matched))
        print(f"\nwrote {RECORD}")
        record = load_record()
        for rule in sorted(withheld(record)):
            print(f"withheld: {rule} ({record[rule].describe()}; estimated precision {100 * record[rule].precision:.0f} %)")


if __name__ == "__main__":
    try:
        main()
    except InputError as err:  # a held-out folder or an input the evaluation cannot read: say which, no traceback
        sys.exit(f"bench/suggest_eval.py: {err}")
