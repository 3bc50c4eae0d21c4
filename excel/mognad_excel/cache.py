"""A small content-keyed LRU cache for the worksheet functions.

Excel calls a worksheet function again whenever it recalculates, and passes the whole range
each time. Scoring 10,000 rows takes a few tenths of a second, hashing them a few milliseconds,
so the functions key their work on a hash of the range *values* (plus the model name and
version and the other arguments): an unchanged range is scored once, whatever cell asks.

The cache is bounded (least recently used entries go first) and counts hits, misses and
computations, which the tests use instead of timing.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

#: Default number of entries kept (a result per function and range, so a few hundred is plenty).
DEFAULT_SIZE = 256


def content_key(value: Any) -> str:
    """A short, stable digest of a value as Excel passes it (nested lists of cells).

    Two ranges with the same cells in the same places get the same key; any changed cell, row
    or column gives another. ``1.0`` and ``1`` are different keys (a harmless cache miss).
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: a repeated row object pickles like an equal copy
    try:
        pickler.dump(value)
        data = buffer.getvalue()
    except Exception:  # something pickle cannot handle: fall back to its text form
        data = repr(value).encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    computed: int = 0
    size: int = 0
    maxsize: int = DEFAULT_SIZE


class LRUCache:
    """A thread-safe bounded mapping with hit/miss counters.

    Classic xlwings may call functions from several threads (``async_mode``); a lock keeps the
    bookkeeping consistent. A computation that raises is not cached.
    """

    def __init__(self, maxsize: int = DEFAULT_SIZE) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.RLock()
        self.hits = 0
        self.misses = 0
        self.computed = 0

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._data

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key``, or ``compute()`` stored under it."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
        value = compute()
        with self._lock:
            self.computed += 1
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = self.computed = 0

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(self.hits, self.misses, self.computed, len(self._data), self.maxsize)
