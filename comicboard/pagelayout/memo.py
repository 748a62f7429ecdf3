"""Bounded memos for the planner: a plan is computed once per set of inputs and reused, within a layout and
across layouts in one process (an edited board re-plans only what changed).

A memoised call also remembers the words it had to split (`Setter.split_words`) and reports them again when it
is answered from the memo, so the overflow warnings of a board do not depend on what was planned before it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """A least-recently-used map of bounded size (memory stays flat over a batch of boards)."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        self._data.clear()
        self.hits = self.misses = 0

    def call(self, key: Hashable, log: list, fn: Callable[[], T]) -> T:
        """`fn()` for `key`, computed once; what `fn` appended to `log` is appended again on every reuse."""
        found = self._data.get(key)
        if found is not None:
            self._data.move_to_end(key)
            self.hits += 1
            value, logged = found
            if logged:
                log.extend(logged)
            return value
        self.misses += 1
        start = len(log)
        value = fn()
        self._data[key] = (value, tuple(log[start:]))
        if len(self._data) > self.maxsize:
            self._data.popitem(last=False)
        return value


MEMOS: dict[str, Memo] = {}


def memo(name: str, maxsize: int) -> Memo:
    """The process-wide memo called `name` (made on first use)."""
    if name not in MEMOS:
        MEMOS[name] = Memo(maxsize)
    return MEMOS[name]


def clear_memos() -> None:
    """Forget every plan (for benchmarks that time a cold layout)."""
    for m in MEMOS.values():
        m.clear()
    from .typeset import _em_widths

    _em_widths.cache_clear()
