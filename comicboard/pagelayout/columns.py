"""Flow a board's units (category bands and strips, in order) into columns and pages: a greedy flow that keeps a
band with its first strip and repeats it when a category continues, and the least column capacity that holds
everything on one page."""

from __future__ import annotations

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


def _flow(units: list[Unit], capacity: float, s: float, ncols: int, max_pages: int | None) -> list[list[list[Unit]]]:
    """Greedy flow into columns of `capacity`; a category split across columns repeats its header."""
    gap = 0.5 * s
    pages: list[list[list[Unit]]] = [[[]]]
    used = 0.0
    heads = {u.cat.name: u.cont_height for u in units if u.kind == "header"}

    def new_column() -> None:
        nonlocal used
        if len(pages[-1]) == ncols:
            pages.append([[]])
        else:
            pages[-1].append([])
        used = 0.0

    i = 0
    while i < len(units):
        u = units[i]
        col = pages[-1][-1]
        if u.kind == "header":
            # Keep a header with the first strip of its category.
            need = u.height + (units[i + 1].height if i + 1 < len(units) else 0) + (gap if col else 0)
            if col and used + need > capacity:
                new_column()
                col = pages[-1][-1]
            used += u.height + (gap if col else 0)
            col.append(u)
            i += 1
            continue
        need = u.height + (gap if col else 0)
        lone_header = len(col) == 1 and col[0].kind == "header"
        if col and used + need > capacity and not (lone_header and used + need > capacity > 0
                                                    and col[0].height + gap + u.height > capacity):
            # A header never stays alone at a column's foot: it moves on with its strip.
            header = col.pop() if lone_header else None
            new_column()
            col = pages[-1][-1]
            head = header if header is not None else Unit("header", u.cat, None, 0, heads[u.cat.name],
                                                          continued=True)
            col.append(head)
            used = head.height
            need = u.height + gap
        col.append(u)
        used += need
        i += 1
        if max_pages is not None and len(pages) > max_pages:
            break
    return pages


def _column_height(col: list[Unit], s: float) -> float:
    return sum(u.height for u in col) + 0.5 * s * max(0, len(col) - 1)


def _overfull(units: list[Unit], capacity: float, s: float, ncols: int) -> bool:
    pages = _flow(units, capacity, s, ncols, None)
    return any(_column_height(col, s) > capacity + 0.01 for page in pages for col in page)


def _fits_one_page(units: list[Unit], body_h: float, s: float, ncols: int) -> float | None:
    """Smallest column capacity that holds everything in `ncols` columns of one page, or None."""
    total = sum(u.height for u in units)
    lo, hi = max(max(u.height for u in units), total / ncols) * 0.98, body_h
    if not _holds(units, hi, s, ncols):
        return None
    return _least_capacity(units, lo, hi, s, ncols)


def _holds(units: list[Unit], capacity: float, s: float, ncols: int) -> bool:
    return len(_flow(units, capacity, s, ncols, 1)) == 1 and not _overfull(units, capacity, s, ncols)


def _least_capacity(units: list[Unit], lo: float, hi: float, s: float, ncols: int) -> float:
    for _ in range(18):
        mid = (lo + hi) / 2
        if _holds(units, mid, s, ncols):
            hi = mid
        else:
            lo = mid
    return hi


def _fullness(units: list[Unit], body_h: float, s: float, ncols: int, cap: float | None) -> float:
    """How full one page of `ncols` columns is: the least capacity that holds the units over the body's height
    (over 1 when they do not fit). The search steers its next size by it."""
    if cap is not None:
        return cap / body_h
    total = sum(u.height for u in units) + 0.5 * s * len(units)
    if _holds(units, total, s, ncols):
        return _least_capacity(units, body_h, total, s, ncols) / body_h
    return total / body_h  # a strip taller than any column: far from fitting
