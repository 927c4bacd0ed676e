"""kg.loader: a dump loaded on several cores gives the same store as one loader, and a bad dump stops the load."""

from __future__ import annotations

import gzip
import threading

import pyoxigraph as ox
import pytest

from kg import loader
from kg.synthetic import generate


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return "".join(generate(10_000).lines()).splitlines(keepends=True)


def write_gz(path, lines: list[str]):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(lines)
    return path


@pytest.fixture(scope="module")
def dump(tmp_path_factory, lines):
    return write_gz(tmp_path_factory.mktemp("dump") / "data.nq.gz", lines)


def quads_of(folder) -> set[str]:
    store = ox.Store.read_only(str(folder))
    try:
        return {str(q) for q in store}
    finally:
        del store


def test_several_loaders_share_the_blocks_and_give_the_same_store_as_one(dump, tmp_path, monkeypatch):
    assert loader.load_dump(dump, tmp_path / "one", loaders=1) == [1]
    monkeypatch.setattr(loader, "BLOCK_BYTES", 4096)  # hundreds of blocks, dealt to three loaders
    dealt = loader.load_dump(dump, tmp_path / "three", loaders=3)
    assert len(dealt) == 3 and min(dealt) >= 100 and max(dealt) - min(dealt) <= 1
    one, three = quads_of(tmp_path / "one"), quads_of(tmp_path / "three")
    assert three == one
    assert len(one) > 10_000


def test_a_blank_node_used_in_many_later_blocks_stays_one_node(lines, tmp_path, monkeypatch):
    """Blank node labels defined in one block and used across the 40 blocks after it, which one loader
    would split between two parsers: every block from the first label on goes to one loader."""
    blank = [f'_:n{i} <https://example.org/p> "{i}" <https://example.org/g> .\n' for i in range(40)]
    middle = len(lines) // 2
    spread: list[str] = []
    for i in range(40):  # one use of a label about every 4 kB, a block apart
        spread += lines[middle + 30 * i:middle + 30 * (i + 1)] + [f"<https://example.org/s> <https://example.org/q> _:n{i} .\n"]
    path = write_gz(tmp_path / "blank.nq.gz", lines[:middle] + blank + spread + lines[middle + 1200:])
    monkeypatch.setattr(loader, "BLOCK_BYTES", 4096)
    dealt = loader.load_dump(path, tmp_path / "store", loaders=2)
    assert dealt[1] > 50  # the blocks before the first label were still shared
    store = ox.Store.read_only(str(tmp_path / "store"))
    rows = list(store.query("SELECT ?v { <https://example.org/s> <https://example.org/q> ?b . "
                            "GRAPH ?g { ?b <https://example.org/p> ?v } }"))
    total = len(store)
    del store
    assert sorted(int(r["v"].value) for r in rows) == list(range(40))
    assert total == len(set(lines)) + 80


def test_a_syntax_error_in_any_block_stops_the_load_and_nothing_hangs(dump, tmp_path, monkeypatch):
    bad = tmp_path / "bad.nq"
    lines = gzip.open(dump, "rt", encoding="utf-8").read().splitlines(keepends=True)
    lines.insert(len(lines) * 3 // 4, "<https://example.org/s> <https://example.org/p> \"unclosed .\n")
    bad.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(loader, "BLOCK_BYTES", 4096)
    outcome: dict = {}

    def run() -> None:
        try:
            loader.load_dump(bad, tmp_path / "store", loaders=2)
        except Exception as error:  # noqa: BLE001 - examined below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "the load hung after a loader failed"
    assert isinstance(outcome.get("error"), SyntaxError)


def test_the_number_of_loaders_follows_the_cores_this_process_may_use():
    assert 1 <= loader.default_loaders() <= 4
