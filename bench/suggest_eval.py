"""Evaluation of `kg suggest`. Prints Markdown tables:

- leave-one-out (kg.suggest_eval): for each of the project's documents, its statements and the register entries only
  it uses removed, a draft made and compared with the curated statements;
- held out (kg.suggest_heldout): the documents under tests/data/held-out/, which no drafting rule was written
  against, each added to a copy of the inputs, drafted and compared with the statements a curator wrote for it; one
  table per set of tests/data/held-out/sets.yaml (dev: read to find where drafts fail; test: only measured).

    python bench/suggest_eval.py [--document ID ...] [--held-out-only] [--rules]
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
from kg.suggest_eval import evaluate, rule_table, table, total  # noqa: E402
from kg.suggest_heldout import evaluate_held_out, held_out_sets  # noqa: E402

HELD_OUT = ROOT / "tests" / "data" / "held-out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", action="append", help="leave out only this document (repeatable; default: all)")
    parser.add_argument("--held-out-only", action="store_true", help="only the held-out documents")
    parser.add_argument("--rules", action="store_true",
                        help="also each drafting rule's facts matched of proposed (leave-one-out and the dev set, not the test set)")
    args = parser.parse_args()
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
            print(f"\nHeld out, {name}: {title}\n")
            scores = [evaluate_held_out(layout, folder) for folder in members]
            print(table(scores))
            if name != "test":  # a test set's figures by rule would be a guide to changing rules: it is only measured
                columns[f"held out, {name}"] = total(scores)
    if args.rules:
        print("\nBy drafting rule (the module and function that proposed each fact)\n")
        print(rule_table(columns))


if __name__ == "__main__":
    try:
        main()
    except InputError as err:  # a held-out folder or an input the evaluation cannot read: say which, no traceback
        sys.exit(f"bench/suggest_eval.py: {err}")
