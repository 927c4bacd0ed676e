"""kg.loader: a dump loaded on several cores gives the same store as one loader, and a bad dump stops the load."""

from __future__ import annotations

import gzip
import random
import threading

import pyoxigraph as ox
import pytest

from kg import loader
from kg.synthetic import generate


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    """A synthetic dump as kg.synthetic writes it: the default graph first, then the named graphs."""
    path = tmp_path_factory.mktemp("dump") / "data.nq.gz"
    generate(10_000).write(path)
    return path


@pytest.fixture(scope="module")
def lines(dump) -> list[str]:
    return gzip.open(dump, "rt", encoding="utf-8").read().splitlines(keepends=True)


def write_gz(path, lines: list[str]):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(lines)
    return path


def quads_of(folder) -> set[str]:
    store = ox.Store.read_only(str(folder))
    try:
        return {str(q) for q in store}
    finally:
        del store


def in_default_graph(line: str) -> bool:
    return isinstance(next(ox.parse(line.encode(), ox.RdfFormat.N_QUADS)).graph_name, ox.DefaultGraph)


def test_the_default_graph_goes_to_one_loader_and_the_named_graphs_are_shared(dump, lines, tmp_path, monkeypatch):
    assert loader.load_dump(dump, tmp_path / "one", loaders=1) == [1]
    monkeypatch.setattr(loader, "BLOCK_BYTES", 4096)  # hundreds of blocks
    dealt = loader.load_dump(dump, tmp_path / "three", loaders=3)
    default_bytes = sum(len(line.encode()) for line in lines if in_default_graph(line))
    named_bytes = sum(len(line.encode()) for line in lines) - default_bytes
    assert default_bytes > 100 * 4096 and named_bytes > 200 * 4096
    # Blocks are cut at the first line boundary past 4096 bytes: one block more at most, for the block the
    # default graph ends in, which each side gets a part of.
    assert default_bytes // 4200 <= dealt[0] <= default_bytes // 4096 + 1
    assert abs(dealt[1] - dealt[2]) <= 1 and dealt[1] + dealt[2] >= named_bytes // 4200
    one, three = quads_of(tmp_path / "one"), quads_of(tmp_path / "three")
    assert three == one
    assert len(one) == len(set(lines)) > 9_000  # every quad of the dump, once


def test_a_dump_in_any_order_loads_the_same_quads(dump, lines, tmp_path, monkeypatch):
    loader.load_dump(dump, tmp_path / "one", loaders=1)
    shuffled = random.Random(5).sample(lines, len(lines))
    path = write_gz(tmp_path / "shuffled.nq.gz", shuffled)
    monkeypatch.setattr(loader, "BLOCK_BYTES", 4096)
    dealt = loader.load_dump(path, tmp_path / "two", loaders=2)
    assert min(dealt) > 20  # blocks starting with a default-graph line go to loader 0, the others to loader 1
    assert quads_of(tmp_path / "two") == quads_of(tmp_path / "one")


def test_a_block_is_split_exactly_where_the_default_graph_ends(lines):
    default = [line.encode() for line in lines if in_default_graph(line)][:40]
    named = [line.encode() for line in lines if not in_default_graph(line)][:40]
    for k in range(41):
        for m in (0, 1, 17, 40):
            if k + m:
                assert loader._split_default_graph(b"".join(default[:k] + named[:m])) == (
                    b"".join(default[:k]), b"".join(named[:m])), (k, m)


def test_a_blank_node_used_in_many_later_blocks_stays_one_node(lines, tmp_path, monkeypatch):
    """Blank node labels defined in one block and used across the 40 blocks after it, which one loader
    would split between two parsers: every block from the first label on goes to one loader."""
    blank = [f'_:n{i} <https://example.org/p> "{i}" <https://example.org/g> .\n' for i in range(40)]
    middle = len(lines) * 3 // 4  # among the named graphs
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
