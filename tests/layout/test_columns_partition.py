"""The column partition (columns.arrange) against its rule, on random boards of bands and strips: the fewest
sheets, every column within the page (but a strip taller than any page, alone), bands never alone at a column's
foot, a continued band atop a column that starts inside a category, and the tallest column as short as any
partition into as many columns can make it (checked by trying every partition)."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.model import Category, Procedure, Step
from comicboard.pagelayout.columns import Unit, _column_height, arrange

S = 10.0  # base size: gaps are 0.5 * S
GAP = 0.5 * S


def units_of(cats: list[list[float]], band: float = 20.0, cont: float = 26.0) -> list[Unit]:
    out = []
    n = 0
    for ci, heights in enumerate(cats):
        cat = Category(f"c{ci}", tuple(Procedure(f"p{ci}-{k}", (Step("s"),)) for k in range(len(heights))))
        out.append(Unit("header", cat, None, 0, band, cont_height=cont))
        for k, h in enumerate(heights):
            n += 1
            out.append(Unit("strip", cat, cat.procedures[k], n, h))
    return out


def allowed_starts(units: list[Unit]) -> list[int]:
    return [i for i in range(1, len(units)) if units[i - 1].kind != "header"]


def height(units: list[Unit], i: int, j: int) -> float:
    lead = [26.0] if units[i].kind == "strip" else []
    hs = lead + [u.height for u in units[i:j]]
    return sum(hs) + GAP * (len(hs) - 1)


def partitions(units: list[Unit], ncols: int, body_h: float):
    """Every partition into at most `ncols` columns in which each column fits the page or is one band and strip."""
    starts = allowed_starts(units)
    for k in range(ncols):
        for cuts in itertools.combinations(starts, k):
            cols = list(itertools.pairwise([0, *cuts, len(units)]))
            if all(height(units, a, b) <= body_h + 0.01 or _alone(units, a, b) for a, b in cols):
                yield [height(units, a, b) for a, b in cols]


def _alone(units: list[Unit], a: int, b: int) -> bool:
    return [u.kind for u in units[a:b]] in (["header", "strip"], ["strip"])


def best_tallest(units: list[Unit], ncols: int, body_h: float) -> float:
    return min((max(hs) for hs in partitions(units, ncols, body_h)), default=math.inf)


boards = st.lists(st.lists(st.floats(30, 400), min_size=1, max_size=3), min_size=1, max_size=3)


@settings(max_examples=150, deadline=None)
@given(boards, st.integers(1, 3), st.floats(300, 900))
def test_partition_follows_its_rule(cats, ncols, body_h):
    units = units_of(cats)
    pages = arrange(units, body_h, S, ncols)
    cols = [c for page in pages for c in page]
    assert all(len(page) == ncols for page in pages)
    # Order kept: the strips read in order, each once.
    strips = [u for c in cols for u in c if u.kind == "strip"]
    assert [u.number for u in strips] == list(range(1, len(strips) + 1)) == [u.number for u in units if u.number]
    for col in cols:
        if not col:
            continue
        assert col[0].kind == "header" and col[-1].kind == "strip"  # a band heads it, none alone at its foot
        for a, b in itertools.pairwise(col):
            if a.kind == "header":
                assert b.kind == "strip" and b.cat is a.cat
        if _column_height(col, S) > body_h + 0.01:  # only a band and one strip too tall for any page
            assert len(col) == 2
    # Fewest sheets: no partition into fewer columns fits.
    needed = next(k for k in range(1, len(units) + 1) if best_tallest(units, k, body_h) < math.inf)
    assert len(pages) == math.ceil(needed / ncols)
    # The tallest column is as short as the best partition into that many columns.
    tallest = max(_column_height(c, S) for c in cols if c)
    assert tallest <= best_tallest(units, len(cols), body_h) + 0.02


def test_columns_end_level_when_they_can():
    """Six equal strips in three columns (a continued band as tall as the band): two each, ending level."""
    units = units_of([[200.0] * 6], cont=20.0)
    (page,) = arrange(units, 2000.0, S, 3)
    heights = [_column_height(c, S) for c in page]
    assert max(heights) - min(heights) < 0.01


@settings(max_examples=150, deadline=None)
@given(cats=st.lists(st.lists(st.floats(5, 400), min_size=1, max_size=6), min_size=1, max_size=6),
       ncols=st.integers(1, 12))
def test_least_capacity_is_the_tallest_column_of_the_best_partition(cats, ncols):
    """least_capacity plans under an upper bound (columns._upper_bound) to look back over a column's worth of units
    only: the answer must be the tallest column of the best partition into as many columns, by trying them all."""
    from comicboard.pagelayout.columns import least_capacity

    units = units_of(cats)
    if len(allowed_starts(units)) > 14:  # every partition is tried: keep the boards small
        return
    assert least_capacity(units, S, ncols) == pytest.approx(best_tallest(units, ncols, math.inf), abs=1e-6)


@settings(max_examples=200, deadline=None)
@given(cats=st.lists(st.lists(st.one_of(st.floats(5, 400), st.sampled_from([50.0, 33.3])), min_size=1, max_size=8),
                     min_size=1, max_size=8),
       ncols=st.integers(1, 40), cap=st.one_of(st.just(math.inf), st.floats(50, 1500)))
def test_the_bisected_tallest_column_is_the_programmes(cats, ncols, cap):
    """columns._least_tallest bisects over column heights instead of planning a layer per column: it must give
    what the programme (_partition, least tallest column) gives, on boards too large to try every partition. Equal
    strips make columns whose heights differ in the last bits (sums in another order); the programme keeps the
    first of those within 1e-9, the bisection the least: they agree to that."""
    from comicboard.pagelayout.columns import _Costs, _least_tallest, _partition

    c = _Costs(units_of(cats), S)
    found = _partition(c, ncols, cap, square=False)
    bisected = _least_tallest(c, ncols, cap)
    assert (bisected is None) == (found is None)
    if found is not None:
        assert bisected == pytest.approx(found[0], abs=1e-9)
