"""Bulk-load an N-Quads dump into an on-disk store, parsing on several cores.

The engine's bulk loader parses its input on one thread, and parsing is what a load spends its
time on. N-Quads is line-based, so the dump is cut into line-aligned blocks dealt in turn to one
loader per core, each reading its blocks as one stream; the loaders share the store. The overlapping
files the loaders write are merged by the final compaction, as after `kg build`.

A parser gives each blank node label a new node of its own, so one label read by two loaders would
become two nodes. From the first block that may hold a label (any `_:` in it) to the end, every
block goes to the same loader; the blocks before it hold no blank node. Our dumps have none.
"""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

import pyoxigraph as ox

from .build import open_dump

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
                target = 0 if blank else turn % loaders
                feeds[target].blocks.put(block)
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
