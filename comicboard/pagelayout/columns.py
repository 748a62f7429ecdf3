"""Partition a board's units (category bands and strips, in order) into columns and pages by a linear-partition
dynamic programme: the fewest columns that hold everything, with the tallest column as short as it can be and
the others as level with it as they can be; a band stays with its first strip and repeats when a category
continues in the next column."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Category, Procedure
from .strip import StripPlan


@dataclass
class Unit:
    kind: str  # "header" | "strip"
    cat: Category
    proc: Procedure | None
    number: int
    height: float
    plan: StripPlan | None = None
    continued: bool = False
    cont_height: float = 0.0  # height of this category's header when repeated as "continued"


class _Costs:
    """Column heights of unit ranges in O(1): units[i:j] in one column, a continued band first when the range
    starts inside a category. A column may start at unit i unless unit i-1 is a band (a band never stays alone
    at a column's foot, nor apart from its first strip)."""

    def __init__(self, units: list[Unit], s: float) -> None:
        self.units, self.gap = units, 0.5 * s
        self.prefix = [0.0]
        for u in units:
            self.prefix.append(self.prefix[-1] + u.height)
        self.n = len(units)
        self.starts = [i for i in range(self.n + 1) if i == 0 or i == self.n or units[i - 1].kind != "header"]
        heads = {u.cat.name: u.cont_height for u in units if u.kind == "header"}
        self.lead = [heads.get(u.cat.name, 0.0) if u.kind == "strip" else 0.0 for u in units] + [0.0]

    def height(self, i: int, j: int) -> float:
        """Height of a column holding units[i:j] (j > i)."""
        lead = self.lead[i]
        count = j - i + (1 if lead else 0)
        return lead + self.prefix[j] - self.prefix[i] + self.gap * (count - 1)



def _min_columns(c: _Costs, cap: float) -> list[int]:
    """For each start index, the fewest columns that hold units[:index] none over `cap` (inf: cannot)."""
    best = {0: 0}
    for idx, j in enumerate(c.starts[1:], 1):
        b = math.inf
        for k in range(idx - 1, -1, -1):
            i = c.starts[k]
            alone = k == idx - 1  # one band and strip: it gets a column even when taller than `cap`
            if not alone and c.prefix[j] - c.prefix[i] > cap + 0.01:
                break  # taller still with any earlier start
            if alone or c.height(i, j) <= cap + 0.01:
                b = min(b, best[i] + 1)
        best[j] = b
    return [best.get(i, math.inf) for i in range(c.n + 1)]


def _partition(c: _Costs, ncols: int, cap: float, square: bool) -> tuple[float, list[int]] | None:
    """Split into at most `ncols` columns, none over `cap`: least (tallest column) or least (sum of squared
    heights, which levels the columns' ends). Returns (cost, column start indices) or None."""
    starts, n = c.starts, c.n
    inf = math.inf
    prev: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    best: tuple[float, list[int]] | None = None
    pos = {j: idx for idx, j in enumerate(starts)}
    for _ in range(ncols):
        if not prev:
            break
        cur: dict[int, tuple[float, list[int]]] = {}
        # A column ends after the earliest start reached so far; beyond a column's height past the last, none can.
        first = min(pos[i] for i in prev) + 1
        last = len(starts) - 1
        latest = max(prev)  # (once per layer: taken inside the scan below, it made the scan quadratic)
        for idx in range(first, len(starts)):
            if c.prefix[starts[idx]] - c.prefix[latest] > cap + 0.01 and idx > pos[latest] + 1:
                last = idx - 1
                break
        for idx in range(first, last + 1):
            j = starts[idx]
            b, arg = inf, None
            for k in range(idx - 1, -1, -1):
                i = starts[k]
                alone = k == idx - 1  # one band and strip: it gets a column even when taller than `cap`
                if not alone and c.prefix[j] - c.prefix[i] > cap + 0.01:
                    break  # taller still with any earlier start
                h = c.height(i, j)
                if (alone or h <= cap + 0.01) and i in prev:
                    v = prev[i][0] + h * h if square else max(prev[i][0], h)
                    if v < b - 1e-9:
                        b, arg = v, i
            if arg is not None:
                cur[j] = (b, prev[arg][1] + [arg])
        if n in cur and (best is None or cur[n][0] < best[0] - 1e-9):
            best = cur[n]
        prev = cur
    return best


def _least_tallest(c: _Costs, ncols: int, cap: float) -> float | None:
    """What _partition(c, ncols, cap, square=False) finds as its cost, the least tallest column, found by bisecting
    over the column heights that can occur, the fewest columns under each the test: a few passes over the board
    instead of one per column (a board over a hundred sheets has hundreds of columns)."""
    starts = c.starts
    heights = set()
    for idx in range(1, len(starts)):
        j = starts[idx]
        for k in range(idx - 1, -1, -1):
            i = starts[k]
            alone = k == idx - 1  # one band and strip: it gets a column even when taller than `cap`
            if not alone and c.prefix[j] - c.prefix[i] > cap + 0.01:
                break
            h = c.height(i, j)
            if alone or h <= cap + 0.01:
                heights.add(h)
    ordered = sorted(heights)
    lo, hi = 0, len(ordered)  # the answer is ordered[lo] once lo == hi (none when hi is past the end)
    while lo < hi:
        mid = (lo + hi) // 2
        if _fewest_columns(c, ordered[mid], cap) <= ncols:
            hi = mid
        else:
            lo = mid + 1
    return ordered[lo] if lo < len(ordered) else None


def _fewest_columns(c: _Costs, tallest: float, cap: float) -> float:
    """The fewest columns that hold every unit, none taller than `tallest` nor over `cap` (but a lone band and
    strip, which may pass `cap`); inf when there are none."""
    starts = c.starts
    best = {0: 0}
    for idx in range(1, len(starts)):
        j = starts[idx]
        b = math.inf
        for k in range(idx - 1, -1, -1):
            i = starts[k]
            alone = k == idx - 1
            if c.prefix[j] - c.prefix[i] > tallest or (not alone and c.prefix[j] - c.prefix[i] > cap + 0.01):
                break  # taller still with any earlier start
            h = c.height(i, j)
            if h <= tallest and (alone or h <= cap + 0.01) and i in best:
                b = min(b, best[i] + 1)
        if b < math.inf:
            best[j] = b
    return best.get(c.n, math.inf)


def _columns(units: list[Unit], c: _Costs, cuts: list[int]) -> list[list[Unit]]:
    cols = []
    for k, i in enumerate(cuts):
        j = cuts[k + 1] if k + 1 < len(cuts) else c.n
        col = list(units[i:j])
        if col and col[0].kind == "strip":
            u = col[0]
            col.insert(0, Unit("header", u.cat, None, 0, c.lead[i], continued=True))
        cols.append(col)
    return cols


def least_capacity(units: list[Unit], s: float, ncols: int, cap: float = math.inf) -> float | None:
    """The least column height that holds every unit in `ncols` columns of one page (None: not within `cap`)."""
    if not units:
        return 0.0
    c = _Costs(units, s)
    # The columns hold every unit and every gap between two of a column: when that alone is taller than `ncols`
    # columns of `cap`, one of them is over it (a board of many sheets asked whether it fits one page).
    if c.prefix[c.n] + c.gap * (c.n - ncols) > ncols * (cap + 0.01):
        return None
    found = _least_tallest(c, ncols, min(cap, _upper_bound(c, ncols)))
    return None if found is None or found > cap + 0.01 else found


def _upper_bound(c: _Costs, ncols: int) -> float:
    """A column height the least capacity in `ncols` columns cannot exceed: one at which the fewest columns are at
    most `ncols`, or the tallest band and strip that must stand alone. Planned under it, the programme finds the
    same partition (every column of the best one is under it) while looking back over a column's worth of units
    instead of the whole board: without it, a board of 500 procedures over a hundred sheets took O(columns · n²)."""
    chunks = max(c.height(i, j) for i, j in zip(c.starts, c.starts[1:], strict=False))
    bound = max(chunks, (c.prefix[c.n] + c.gap * c.n) / ncols)
    for _ in range(64):
        if _min_columns(c, bound)[c.n] <= ncols:
            return max(bound, chunks)
        bound *= 1.25
    return math.inf


def _fits_one_page(units: list[Unit], body_h: float, s: float, ncols: int) -> float | None:
    """Smallest column capacity that holds everything in `ncols` columns of one page, or None."""
    return least_capacity(units, s, ncols, body_h)


def _fullness(units: list[Unit], body_h: float, s: float, ncols: int, cap: float | None) -> float:
    """How full one page of `ncols` columns is: the least capacity that holds the units over the body's height
    (over 1 when they do not fit). The search steers its next size by it."""
    if cap is None:
        cap = least_capacity(units, s, ncols)
    return (cap or 0.0) / body_h


def pages_needed(units: list[Unit], body_h: float, s: float, ncols: int) -> int:
    """How many pages of `ncols` columns of `body_h` the units need (a unit taller than a page gets one alone)."""
    if not units:
        return 1
    c = _Costs(units, s)
    return max(1, math.ceil(_min_columns(c, body_h)[c.n] / ncols))


def arrange(units: list[Unit], body_h: float, s: float, ncols: int) -> list[list[list[Unit]]]:
    """Pages of columns: the fewest pages, the tallest column as short as possible, the others level with it.

    Content is spread over every column of every page, so each sheet is as full as the others and no sheet ends
    with a short column beside full ones.
    """
    if not units:
        return [[[] for _ in range(ncols)]]
    c = _Costs(units, s)
    # A strip taller than a page is reported by the caller; it still gets a column of its own.
    npages = max(1, math.ceil(_min_columns(c, body_h)[c.n] / ncols))
    total = npages * ncols
    tallest = _least_tallest(c, total, body_h)
    assert tallest is not None  # _min_columns found a way
    level = _partition(c, total, min(tallest, body_h) + 0.01, square=True)
    cuts = (level or _partition(c, total, body_h, square=False))[1]
    cols = _columns(units, c, cuts)
    cols += [[] for _ in range(total - len(cols))]
    return [cols[p * ncols:(p + 1) * ncols] for p in range(npages)]


def _column_height(col: list[Unit], s: float) -> float:
    return sum(u.height for u in col) + 0.5 * s * max(0, len(col) - 1)
