"""Evaluation of `kg suggest`. Prints Markdown tables:

- leave-one-out (kg.suggest_eval): for each of the project's documents, its statements and the register entries only
  it uses removed, a draft made and compared with the curated statements;
- held out (kg.suggest_heldout): each document under tests/data/held-out/, which no drafting rule was written
  against, added to a copy of the inputs, drafted and compared with the statements a curator wrote for it.

    python bench/suggest_eval.py [--document ID ...] [--held-out-only]
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
from kg.suggest_eval import evaluate, table  # noqa: E402
from kg.suggest_heldout import evaluate_held_out, folders  # noqa: E402

HELD_OUT = ROOT / "tests" / "data" / "held-out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", action="append", help="leave out only this document (repeatable; default: all)")
    parser.add_argument("--held-out-only", action="store_true", help="only the held-out documents")
    args = parser.parse_args()
    layout = Layout.from_settings()
    if not args.held_out_only:
        documents = args.document or sorted(load_inputs(layout).documents)
        print("Leave-one-out (in-sample: the rules were written reading these documents)\n")
        print(table([evaluate(layout, doc_id) for doc_id in documents]))
    held_out = folders(HELD_OUT)
    if held_out and not args.document:
        print("\nHeld out (documents no rule was written against)\n")
        print(table([evaluate_held_out(layout, folder) for folder in held_out]))


if __name__ == "__main__":
    try:
        main()
    except InputError as err:  # a held-out folder or an input the evaluation cannot read: say which, no traceback
        sys.exit(f"bench/suggest_eval.py: {err}")
