"""Answers kept in memory per worker: the data cannot change within a release, so neither can they.

Keyed by the answer's ETag (release, query text, dataset, base IRI and format), bounded in
bytes, least recently used out first. An answer is kept only when it was sent whole (not
streamed) and is small next to the bound.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    content_type: str
    body: bytes
    rows: int | None
    headers: tuple[tuple[str, str], ...]  # the row-cap headers it was sent with


class ResultCache:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, Answer] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # some WSGI servers answer on several threads

    def get(self, key: str) -> Answer | None:
        if self.max_bytes <= 0:
            return None
        with self._lock:
            answer = self._items.get(key)
            if answer is not None:
                self._items.move_to_end(key)
            return answer

    def put(self, key: str, answer: Answer) -> None:
        size = len(answer.body)
        if self.max_bytes <= 0 or size > self.max_bytes // 16:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._items[key] = answer
            self._size += size
            while self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped.body)

    @property
    def size(self) -> int:
        return self._size

    def __len__(self) -> int:
        return len(self._items)
