"""Leave-one-out evaluation of `kg suggest` (kg.suggest_eval): for each document, its statements and the register
entries only it uses removed, a draft made and compared with the curated statements. Prints a Markdown table.

    python bench/suggest_eval.py [--document ID ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.build import load_inputs  # noqa: E402
from kg.paths import Layout  # noqa: E402
from kg.suggest_eval import evaluate, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", action="append", help="only this document (repeatable; default: all)")
    args = parser.parse_args()
    layout = Layout.from_settings()
    documents = args.document or sorted(load_inputs(layout).documents)
    print(table([evaluate(layout, doc_id) for doc_id in documents]))


if __name__ == "__main__":
    main()
