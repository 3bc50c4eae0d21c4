"""mognad_excel.cache: the content key and the bounded LRU cache behind the worksheet functions.

Written to kill the mutants mutmut left alive in cache.py (docs/quality.md); each test names the
mutation it catches. The cache's use by the functions is tested in tests/test_excel_udfs.py.
"""

from __future__ import annotations

import pytest
from mognad_excel.cache import DEFAULT_SIZE, LRUCache, content_key


class _Unpicklable:
    """A cell value pickle refuses, with a fixed text form (``text``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __reduce__(self):
        raise TypeError("not picklable")

    def __repr__(self) -> str:
        return self.text


def test_a_value_pickle_refuses_is_keyed_by_its_text_form():
    """The fallback key: the same text form gives the same key, another text another key, and
    a text with a lone surrogate (which strict UTF-8 refuses) still gets one. Kills the
    mutations of ``repr(value).encode("utf-8", "surrogatepass")`` (no data, ``repr(None)``,
    another codec or error handler)."""
    same = content_key([[_Unpicklable("a"), 1.0]])
    assert same == content_key([[_Unpicklable("a"), 1.0]])
    assert same != content_key([[_Unpicklable("b"), 1.0]])
    assert same != content_key([[1.0, _Unpicklable("a")]])
    lone = content_key([[_Unpicklable("\ud800")]])
    assert len(lone) == 40 and lone != content_key([[_Unpicklable("\ud801")]])


def test_a_cache_of_one_entry_is_allowed_and_zero_is_refused():
    """Kills ``maxsize <= 1`` and ``maxsize < 2`` (a size of 1 refused) and the mutations of the
    message."""
    one = LRUCache(maxsize=1)
    assert one.get_or_compute("a", lambda: 1) == 1
    assert one.get_or_compute("b", lambda: 2) == 2
    assert "a" not in one and len(one) == 1
    with pytest.raises(ValueError, match=r"^maxsize must be at least 1$"):
        LRUCache(maxsize=0)


def test_hits_are_counted_one_by_one():
    """Kills ``self.hits = 1`` (every hit after the first lost)."""
    cache = LRUCache()
    cache.get_or_compute("a", lambda: 1)
    for _ in range(3):
        assert cache.get_or_compute("a", lambda: 0) == 1
    assert (cache.stats().hits, cache.stats().misses, cache.stats().computed) == (3, 1, 1)


def test_stats_report_the_size_and_the_bound():
    """Kills the mutations of ``CacheStats(..., len(self._data), self.maxsize)``."""
    cache = LRUCache(maxsize=3)
    cache.get_or_compute("a", lambda: 1)
    cache.get_or_compute("b", lambda: 2)
    stats = cache.stats()
    assert (stats.size, stats.maxsize) == (2, 3)
    assert LRUCache().stats().maxsize == DEFAULT_SIZE


def test_clear_empties_the_cache_and_zeroes_the_counters():
    """Kills ``self.hits = self.misses = self.computed = 1``."""
    cache = LRUCache()
    cache.get_or_compute("a", lambda: 1)
    cache.get_or_compute("a", lambda: 1)
    cache.clear()
    stats = cache.stats()
    assert (stats.hits, stats.misses, stats.computed, stats.size) == (0, 0, 0, 0)
    assert "a" not in cache
