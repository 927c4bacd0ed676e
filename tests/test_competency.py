"""Competency questions: every ontology/queries/*.rq runs on the built graph and gives its expected answers.

Each query states its question in a leading comment; `NN-name.expected.json` beside it lists
the answer rows, with IRIs written compactly (`id:kataib-hezbollah`, `lb:stated`,
`doc:000`). Adding a query and its answers adds a test.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.paths import PROJECT_ROOT

from .conftest import BASE

QUERIES = sorted((PROJECT_ROOT / "ontology" / "queries").glob("*.rq"))
COMPACT = (
    (BASE + "id/document/", "doc:"),
    (BASE + "id/claim/", "claim:"),
    (BASE + "id/", "id:"),
    ("https://landbridge-kg.org/ontology#", "lb:"),
)


def compact(value: str) -> str:
    for prefix, short in COMPACT:
        if value.startswith(prefix):
            return short + value[len(prefix):]
    return value


def answer(store, query: str) -> list[dict[str, str]]:
    results = store.query(query)
    names = [v.value for v in results.variables]
    return [{n: compact(row[n].value) for n in names if row[n] is not None} for row in results]


def test_there_are_at_least_25_competency_questions():
    assert len(QUERIES) >= 25


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_question_is_stated_in_a_comment(path: Path):
    first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
    assert first.startswith("#") and first.rstrip().endswith("?"), f"{path.name}: begin with '# <question>?'"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_competency_question(path: Path, store):
    expected_file = path.with_suffix(".expected.json")
    assert expected_file.is_file(), f"{path.name} needs {expected_file.name}"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    rows = answer(store, path.read_text(encoding="utf-8"))
    assert rows, f"{path.name} returned nothing"
    if expected.get("ordered"):
        assert rows == expected["rows"]
    else:
        key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
        assert Counter(map(key, rows)) == Counter(map(key, expected["rows"]))
