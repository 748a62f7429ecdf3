"""Props: every icon stays centred inside its box with its strokes, keeps its aspect, is deterministic, and
unknown names are refused by name."""

from __future__ import annotations

import pytest

from comicboard.art.bubbles import path_bounds
from comicboard.art.props import OUTLINE, PROP_NAMES, PROPS, prop_paths
from comicboard.color import Color

REQUIRED = {
    "id_card", "household_register", "form", "document", "stamp", "phone", "computer", "certificate",
    "medical_card", "money", "calendar", "clock", "building", "qr", "bank_card", "photo", "pen",
}
BOXES = [
    (10.0, 20.0, 40.0, 40.0),  # square
    (0.0, 0.0, 100.0, 30.0),  # wide
    (5.0, 5.0, 12.0, 50.0),  # tall and narrow
    (-30.0, 7.5, 28.35, 28.35),  # 10 mm, at a negative offset
    (3.0, 4.0, 6.0, 6.0),  # tiny: the minimum outline width kicks in
    (0.0, 0.0, 600.0, 450.0),  # poster size
]


def _ink_bounds(paths):
    """Bounds of everything painted, strokes included (control points make it conservative)."""
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for p in paths:
        bx, by, bw, bh = path_bounds([p])
        half = p.stroke_width / 2 if p.stroke is not None else 0.0
        x0, y0 = min(x0, bx - half), min(y0, by - half)
        x1, y1 = max(x1, bx + bw + half), max(y1, by + bh + half)
    return x0, y0, x1, y1


def test_the_icon_set_is_complete():
    assert set(PROP_NAMES) == REQUIRED and len(PROP_NAMES) == len(REQUIRED)
    assert PROPS == PROP_NAMES


@pytest.mark.parametrize("name", PROP_NAMES)
@pytest.mark.parametrize("box", BOXES)
def test_icon_stays_in_the_centred_square_of_its_box(name, box):
    x, y, w, h = box
    s = min(w, h)
    sx, sy = x + (w - s) / 2, y + (h - s) / 2
    paths = prop_paths(name, *box)
    assert paths
    x0, y0, x1, y1 = _ink_bounds(paths)
    eps = 1e-9 * max(1.0, s)
    assert x0 >= sx - eps and y0 >= sy - eps, (x0, y0, sx, sy)
    assert x1 <= sx + s + eps and y1 <= sy + s + eps, (x1, y1, sx + s, sy + s)
    # centred and not lost in its square: it spans most of it one way and is balanced both ways
    assert max(x1 - x0, y1 - y0) >= 0.85 * s
    assert abs((x0 + x1) / 2 - (sx + s / 2)) <= 0.12 * s
    assert abs((y0 + y1) / 2 - (sy + s / 2)) <= 0.12 * s


@pytest.mark.parametrize("name", PROP_NAMES)
def test_icon_keeps_its_aspect_and_only_scales_and_moves(name):
    square = prop_paths(name, 0, 0, 40, 40)
    wide = prop_paths(name, 0, 0, 100, 40)  # same 40-square, moved right by 30
    big = prop_paths(name, 0, 0, 80, 80)  # twice the size
    assert len(square) == len(wide) == len(big)
    for a, b, c in zip(square, wide, big, strict=True):
        assert [op[0] for op in a.ops] == [op[0] for op in b.ops] == [op[0] for op in c.ops]
        for oa, ob, oc in zip(a.ops, b.ops, c.ops, strict=True):
            for i in range(1, len(oa), 2):
                assert ob[i] == pytest.approx(oa[i] + 30) and ob[i + 1] == pytest.approx(oa[i + 1])
                assert oc[i] == pytest.approx(2 * oa[i]) and oc[i + 1] == pytest.approx(2 * oa[i + 1])
        assert b.stroke_width == pytest.approx(a.stroke_width)
        assert c.stroke_width == pytest.approx(2 * a.stroke_width)


@pytest.mark.parametrize("name", PROP_NAMES)
def test_icon_is_deterministic_and_flat_coloured(name):
    a, b = prop_paths(name, 1, 2, 30, 20), prop_paths(name, 1, 2, 30, 20)
    assert a == b
    fills = {p.fill.hex() for p in a if p.fill is not None}
    assert len(fills) >= 2, "an icon is more than one flat colour"
    assert any(p.stroke == OUTLINE for p in a), "outlined in the house dark grey like the figures"


def test_icons_are_told_apart():
    drawn = {tuple(p.ops for p in prop_paths(n, 0, 0, 50, 50)) for n in PROP_NAMES}
    assert len(drawn) == len(PROP_NAMES)


def test_outline_width_scales_with_the_icon_but_not_below_half_a_point():
    big = max(p.stroke_width for p in prop_paths("document", 0, 0, 200, 200))
    small = max(p.stroke_width for p in prop_paths("document", 0, 0, 20, 20))
    assert big == pytest.approx(10 * small) and small == pytest.approx(1.0)
    tiny = prop_paths("document", 0, 0, 4, 4)
    assert max(p.stroke_width for p in tiny) == pytest.approx(0.5)


def test_stroke_recolours_the_outlines():
    white = Color.cmyk(0, 0, 0, 0)
    paths = prop_paths("clock", 0, 0, 30, 30, stroke=white)
    assert all(p.stroke != OUTLINE for p in paths) and any(p.stroke == white for p in paths)


def test_unknown_prop_is_named():
    with pytest.raises(ValueError, match="teapot") as err:
        prop_paths("teapot", 0, 0, 10, 10)
    for name in PROP_NAMES:
        assert name in str(err.value)


@pytest.mark.parametrize("w, h", [(0, 10), (10, 0), (-5, 10)])
def test_box_without_area_is_refused(w, h):
    with pytest.raises(ValueError, match="positive"):
        prop_paths("stamp", 0, 0, w, h)


def test_counter_stays_in_its_box_in_theme_colours():
    from comicboard.art import counter_paths
    from comicboard.art.bubbles import path_bounds
    from comicboard.color import Color

    top, front, stripe = Color.cmyk(0, 15, 75, 0), Color.cmyk(0, 4, 28, 0), Color.cmyk(0, 95, 85, 10)
    paths = counter_paths(10, 20, 60, 25, top=top, front=front, stripe=stripe)
    x, y, w, h = path_bounds(paths)
    assert x >= 10 - 1e-6 and y >= 20 - 1e-6 and x + w <= 70 + 1e-6 and y + h <= 45 + 1e-6
    assert {p.fill for p in paths} >= {top, front, stripe}
    with pytest.raises(ValueError):
        counter_paths(0, 0, 0, 10, top=top, front=front, stripe=stripe)
