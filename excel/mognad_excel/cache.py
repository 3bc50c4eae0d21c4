"""A small content-keyed LRU cache for the worksheet functions, bounded in bytes.

Excel calls a worksheet function again whenever it recalculates, and passes the whole range
each time. Scoring 10,000 rows takes a few tenths of a second, hashing them a few milliseconds,
so the functions key their work on a hash of the range *values* (plus the model name and
version and the other arguments): an unchanged range is scored once, whatever cell asks.

The cache is bounded twice: in bytes (the ``excel_cache_mb`` setting, 256 MB by default, read
again whenever an entry is stored) and in entries (256). Each entry's size is estimated once,
when it is stored (:func:`estimate_size`); the least recently used entries go first until both
bounds hold, and a result larger than the whole budget is returned but not kept. It counts hits,
misses and computations, which the tests use instead of timing.
"""

from __future__ import annotations

import copy
import enum
import hashlib
import pickle
import sys
import threading
import types
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mognad_core.errors import MognadError
from mognad_core.schema import MaturityModel
from mognad_core.settings import excel_cache_bytes

#: Default number of entries kept (a result per function and range, so a few hundred is plenty).
DEFAULT_SIZE = 256
#: The byte budget when the ``excel_cache_mb`` setting cannot be used (its default, 256 MB).
DEFAULT_BYTES = 256 * 1024 * 1024

#: How many items of a large container :func:`estimate_size` measures (the rest are assumed to
#: be like them), and how deep it follows references (deeper objects count their own size only).
SAMPLE = 32
DEPTH = 12
#: Objects that are shared rather than owned by an entry, so not counted: classes, modules,
#: functions, enum members, and models (one object per model, held by the functions' model
#: table whatever the cache keeps).
SHARED = (
    type,
    types.ModuleType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    enum.Enum,
    MaturityModel,
)
#: Objects with no references worth following.
ATOMIC = (str, bytes, bytearray, int, float, complex, np.generic)


def content_key(value: Any) -> str:
    """A short, stable digest of a value as Excel passes it (nested lists of cells).

    Two ranges with the same cells in the same places get the same key; any changed cell, row
    or column gives another, and so does a changed type: ``1.0``, ``1``, ``True`` and ``"1"``,
    or a blank cell (None) and an empty text, are different keys (for ``1.0`` and ``1`` a
    harmless cache miss).

    One pass over the cells at C speed: pickle (protocol 5, no memo) writes the range in frames
    of 64 kB straight into SHA-1, so no copy of the range is made (about 4 ms for 10,000 x 32
    cells, a tenth of scoring them; docs/performance.md). A value pickle refuses is keyed by its
    text form (``repr``) alone.
    """
    digest = _sha1()
    pickler = pickle.Pickler(_Into(digest), protocol=5)
    pickler.fast = True  # no memo: a repeated row object pickles like an equal copy
    try:
        pickler.dump(value)
    except Exception:  # something pickle cannot handle: its text form, in a digest of its own
        digest = _sha1()
        digest.update(repr(value).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _sha1() -> Any:
    """SHA-1 as a checksum, not for security (allowed where such uses of it are restricted)."""
    return hashlib.sha1(usedforsecurity=False)


class _Into:
    """A file for :class:`pickle.Pickler` whose writes go into a digest."""

    __slots__ = ("write",)

    def __init__(self, digest: Any) -> None:
        self.write = digest.update


def estimate_size(value: Any) -> int:
    """About how many bytes ``value`` keeps alive: what evicting it would free.

    pandas objects count their index and the arrays behind their columns (a column cut from a
    wider block keeps the whole block) with the texts in them; numpy arrays their data (a view
    its base); containers, dataclasses, pydantic models and exceptions themselves plus what
    they refer to, once each. A container of more than :data:`SAMPLE` items is measured on that
    many items spread over it and scaled up. Shared objects (:data:`SHARED`) count nothing.
    Within 2x of what tracemalloc sees freed for the functions' results (measured 1.0-1.3x,
    tests/test_excel_cache.py), and fast: 0.1 ms for 10,000 prepared respondents, which take
    some 60 ms to compute and 12 MB to keep.
    """
    return _size(value, {}, 0)


def _size(obj: Any, seen: dict[int, Any], depth: int) -> int:
    if obj is None or id(obj) in seen or isinstance(obj, SHARED):
        return 0
    seen[id(obj)] = obj  # the object too: a temporary (a column's array) must keep its id
    if isinstance(obj, (pd.DataFrame, pd.Series, pd.Index)):
        return _pandas_size(obj, seen, depth + 1)
    size = sys.getsizeof(obj)
    if isinstance(obj, ATOMIC) or depth >= DEPTH:
        return size
    depth += 1
    if isinstance(obj, np.ndarray):
        if obj.base is not None:  # a view keeps its base alive, and the base holds the data
            return size + _size(obj.base, seen, depth)
        if obj.dtype == object:
            size += _many(obj.ravel(order="K"), seen, depth)
        return size
    if isinstance(obj, dict):
        return size + _many([*obj.keys(), *obj.values()], seen, depth)
    if isinstance(obj, (list, tuple, set, frozenset)):
        return size + _many(list(obj), seen, depth)
    # an exception's arguments, cause and context (not its traceback: the cache keeps none)
    error = isinstance(obj, BaseException)
    parts: list[Any] = [obj.args, obj.__cause__, obj.__context__] if error else []
    for cls in type(obj).__mro__:
        slots = getattr(cls, "__slots__", ())
        for name in [slots] if isinstance(slots, str) else slots:
            if name != "__weakref__":  # (a weak reference keeps nothing alive)
                parts.append(getattr(obj, name, None))
    parts.append(getattr(obj, "__dict__", None))  # (once, if a slot named it too)
    return size + sum(_size(part, seen, depth) for part in parts)


def _pandas_size(obj: pd.DataFrame | pd.Series | pd.Index, seen: dict[int, Any], depth: int) -> int:
    """Its index and the arrays behind its columns, each counted as numpy arrays are: a column
    that is a view of a larger block (a frame cut from a wider one) keeps the whole block alive,
    and the objects of text columns are sampled (``memory_usage(deep=True)`` would miss the
    first and measure every one of the second, slower than the rest of the estimate together).
    """
    index = obj if isinstance(obj, pd.Index) else obj.index
    if isinstance(obj, pd.DataFrame):
        parts = [obj.iloc[:, j] for j in range(obj.shape[1])]
    else:
        parts = [] if obj is index else [obj]
    size = 0
    if isinstance(index, (pd.RangeIndex, pd.MultiIndex)):  # no array of its own to follow
        size = int(index.memory_usage(deep=False))
    else:
        parts.append(index)
    for part in parts:
        if isinstance(part.dtype, np.dtype):  # numpy-backed: the array itself, no copy
            size += _size(part.to_numpy(), seen, depth)
            continue
        size += int(part.array.nbytes)  # an extension array: nullable numbers, text, ...
        if isinstance(part.dtype, pd.StringDtype) and part.dtype.storage == "python":
            size += _many(part.to_numpy(), seen, depth)  # pandas 3's text: Python strings
    return size


def _many(items: Any, seen: dict[int, Any], depth: int) -> int:
    """The size of ``items`` (a list or array), from a sample of :data:`SAMPLE` when larger."""
    n = len(items)
    if n <= SAMPLE:
        return sum(_size(item, seen, depth) for item in items)
    picked = [items[i * n // SAMPLE] for i in range(SAMPLE)]
    return sum(_size(item, seen, depth) for item in picked) * n // SAMPLE


def _kept(value: Any) -> Any:
    """``value`` as the cache keeps and hands it out: an exception (alone or in a tuple) as a
    copy without traceback. Raising a stored exception again would chain every caller's frames,
    and with them the ranges they were passed, onto it: memory the estimate cannot see."""
    if isinstance(value, BaseException):
        return _bare(value)
    if type(value) is tuple and any(isinstance(item, BaseException) for item in value):
        return tuple(_bare(item) if isinstance(item, BaseException) else item for item in value)
    return value


def _bare(exc: BaseException) -> BaseException:
    try:
        fresh = copy.copy(exc)  # the type, its arguments and attributes; no traceback
    except Exception:  # an exception that cannot be rebuilt: keep it, without traceback
        fresh = exc
    fresh.__traceback__ = None
    return fresh


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    computed: int = 0
    size: int = 0
    maxsize: int = DEFAULT_SIZE
    #: estimated bytes the entries hold, and the budget in force
    bytes: int = 0
    max_bytes: int = DEFAULT_BYTES
    #: results larger than the whole budget (returned, not kept)
    too_large: int = 0
    #: why the budget setting could not be used (the default is then in force), else None
    budget_error: str | None = None


class LRUCache:
    """A thread-safe mapping bounded in entries and in (estimated) bytes, with counters.

    ``max_bytes`` is a number of bytes, or a function returning it that is called whenever an
    entry is stored (and by :meth:`stats`); None (the default) reads the ``excel_cache_mb``
    setting (:func:`mognad_core.settings.excel_cache_bytes`), so a changed
    ``MOGNAD_EXCEL_CACHE_MB`` or ``mognad.toml`` counts from the next result on. When that
    function raises a :class:`~mognad_core.errors.MognadError` (a setting that is not a positive
    number), :data:`DEFAULT_BYTES` is used and the message is kept in ``stats().budget_error``:
    a bad cache setting must not turn every result into an error; ``mognad settings`` reports it.

    Classic xlwings may call functions from several threads (``async_mode``); a lock keeps the
    bookkeeping consistent. A computation that raises is not cached.
    """

    def __init__(
        self,
        maxsize: int = DEFAULT_SIZE,
        max_bytes: int | Callable[[], int] | None = None,
        sizeof: Callable[[Any], int] = estimate_size,
    ) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._max_bytes = excel_cache_bytes if max_bytes is None else max_bytes
        self._sizeof = sizeof
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._sizes: dict[Hashable, int] = {}
        self._bytes = 0
        self._lock = threading.RLock()
        self.hits = 0
        self.misses = 0
        self.computed = 0
        self.too_large = 0
        self.budget_error: str | None = None

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._data

    def budget(self) -> int:
        """The byte budget in force (read now; see the class)."""
        if not callable(self._max_bytes):
            return self._max_bytes
        try:
            budget = int(self._max_bytes())
        except MognadError as exc:
            self.budget_error = str(exc)
            return DEFAULT_BYTES
        self.budget_error = None
        return budget

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key``, or ``compute()`` stored under it."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return _kept(self._data[key])
            self.misses += 1
        value = compute()
        kept = _kept(value)
        size = self._sizeof(kept)  # outside the lock: other threads need not wait for it
        with self._lock:
            self.computed += 1
            budget = self.budget()
            if key in self._data:  # another thread stored it meanwhile
                self._bytes -= self._sizes.pop(key)
                del self._data[key]
            if size > budget:
                self.too_large += 1
            else:
                self._data[key] = kept
                self._sizes[key] = size
                self._bytes += size
            while len(self._data) > self.maxsize or self._bytes > budget:
                old, _ = self._data.popitem(last=False)
                self._bytes -= self._sizes.pop(old)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._sizes.clear()
            self._bytes = 0
            self.hits = self.misses = self.computed = self.too_large = 0

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(
                self.hits,
                self.misses,
                self.computed,
                len(self._data),
                self.maxsize,
                self._bytes,
                self.budget(),
                self.too_large,
                self.budget_error,
            )
