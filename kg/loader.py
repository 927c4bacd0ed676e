"""Bulk-load an N-Quads dump into an on-disk store with one engine loader per core.

The engine's bulk loader runs on one thread: it parses, sorts and writes each index as files the
store takes in whole. Two loaders sharing a store write files whose keys interleave, and the final
compaction must then rewrite them (about a third of a load's time, and uncompressed levels after).
Default-graph triples and named-graph quads live in separate indexes (three and six), so loader 0
takes the default graph and the others the named graphs: the triple indexes never overlap, and
only the term dictionary and the named-graph indexes (when there are several named-graph loaders)
are left to merge. The dump is cut into line-aligned blocks; a block is given whole to one loader,
split only where the default graph ends. That is fast when the default graph comes first, as in
the dumps `kg build` and kg.synthetic write; any other order loads the same quads, merging more.

A parser gives each blank node label a new node of its own, so one label read by two loaders would
become two nodes. From the first block that may hold a label (any `_:` in it) to the end, every
block goes to loader 0; the blocks before it hold no blank node. Our dumps have none.
"""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

import pyoxigraph as ox

from .release import open_dump

BLOCK_BYTES = 4 << 20
QUEUED_BLOCKS = 4  # per loader: bounds the memory a load holds beyond the engine's own buffers


def default_loaders() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 4))


class _Feed:
    """A binary stream the engine reads as a file, filled block by block from another thread."""

    def __init__(self) -> None:
        self.blocks: queue.Queue[bytes | None] = queue.Queue(QUEUED_BLOCKS)
        self.pending = memoryview(b"")
        self.ended = False

    def read(self, size: int = -1) -> bytes:
        while not self.pending and not self.ended:
            block = self.blocks.get()
            if block is None:
                self.ended = True
            else:
                self.pending = memoryview(block)
        if size is None or size < 0:
            size = len(self.pending)
        chunk, self.pending = self.pending[:size], self.pending[size:]
        return bytes(chunk)


def load_dump(dump: Path, folder: Path, loaders: int | None = None) -> list[int]:
    """Load the N-Quads `dump` (plain or gzip) into a new store at `folder`, then flush and compact it.

    Lenient parsing: the dump is our own serializer's output, already checked when it was written.
    An error in any loader stops the load and is raised here. Returns the blocks each loader read.
    """
    loaders = loaders or default_loaders()
    store = ox.Store(str(folder))
    if loaders == 1:
        with open_dump(dump) as data:
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        dealt = [1]
    else:
        dealt = _load_parallel(store, dump, loaders)
    store.flush()
    store.optimize()
    del store
    return dealt


def _load_parallel(store: ox.Store, dump: Path, loaders: int) -> list[int]:
    feeds = [_Feed() for _ in range(loaders)]
    failures: list[BaseException] = []

    def run(feed: _Feed) -> None:
        try:
            store.bulk_load(feed, format=ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread, raised there
            failures.append(error)
            while not feed.ended:  # let the dealer finish: nothing waits on a dead loader
                feed.ended = feed.blocks.get() is None

    threads = [threading.Thread(target=run, args=(feed,), name=f"loader-{i}") for i, feed in enumerate(feeds)]
    for thread in threads:
        thread.start()
    dealt = [0] * loaders
    try:
        with open_dump(dump) as data:
            turn, blank = 0, False
            while block := data.read(BLOCK_BYTES):
                if not block.endswith(b"\n"):
                    block += data.readline()
                blank = blank or b"_:" in block
                default, named = (block, b"") if blank else _split_default_graph(block)
                if default:
                    feeds[0].blocks.put(default)
                    dealt[0] += 1
                if named:
                    target = 1 + turn % (loaders - 1)
                    feeds[target].blocks.put(named)
                    dealt[target] += 1
                    turn += 1
    finally:
        for feed in feeds:
            feed.blocks.put(None)
        for thread in threads:
            thread.join()
    if failures:
        raise failures[0]
    return dealt


def _in_default_graph(line: bytes) -> bool:
    """Whether this N-Quads line is a triple of the default graph (False for anything else)."""
    try:
        quads = list(ox.parse(line, ox.RdfFormat.N_QUADS, lenient=True))
    except SyntaxError:
        return False
    return len(quads) == 1 and isinstance(quads[0].graph_name, ox.DefaultGraph)


def _split_default_graph(block: bytes) -> tuple[bytes, bytes]:
    """(the lines of the default graph, the rest), assuming the default graph's lines come first.

    Looks at the first and last line only, and searches for the boundary when they differ. In a dump
    in another order some lines go to the other loader than their graph's: the load is still right,
    only the compaction has more to merge.
    """
    first = block[:block.find(b"\n") + 1]
    if not _in_default_graph(first):
        return b"", block
    last = block[block.rfind(b"\n", 0, len(block) - 1) + 1:]
    if _in_default_graph(last):
        return block, b""
    lines = block.splitlines(keepends=True)
    inside, outside = 0, len(lines) - 1  # lines[inside] is in the default graph, lines[outside] is not
    while outside - inside > 1:
        middle = (inside + outside) // 2
        if _in_default_graph(lines[middle]):
            inside = middle
        else:
            outside = middle
    return b"".join(lines[:outside]), b"".join(lines[outside:])
