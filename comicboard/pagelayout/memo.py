"""Bounded memos for the planner: a plan is computed once per set of inputs and reused, within a layout and
across layouts in one process (an edited board re-plans only what changed).

What a call decided is all in what it returns (the words a text had to split travel with its lines), so an
answer from the memo is the answer computed afresh, whatever was planned before it.
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

    def call(self, key: Hashable, fn: Callable[[], T]) -> T:
        """`fn()` for `key`, computed once (`fn` must be a pure function of what `key` names)."""
        data = self._data
        if key in data:
            data.move_to_end(key)
            self.hits += 1
            return data[key]
        self.misses += 1
        value = fn()
        data[key] = value
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
