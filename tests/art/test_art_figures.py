"""Figures: stay in their box, keep the head on top, mirror exactly, and stay the same person everywhere."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

import pytest

from comicboard.art import EXPRESSIONS, LOOKS, POSES, draw_figure
from comicboard.art.figures import HELD_COLORS, ops_bounds

BOXES = [(10.0, 20.0, 90.0, 180.0), (0.0, 0.0, 300.0, 120.0), (5.0, 7.0, 30.0, 200.0),
         (100.0, 50.0, 41.0, 73.0)]


def _xy(op):
    return [(op[i], op[i + 1]) for i in range(1, len(op), 2)]


def _extent(path):
    """Bounds of every point (control points too) grown by half the stroke."""
    x, y, w, h = ops_bounds(path.ops)
    half = path.stroke_width / 2 if path.stroke is not None else 0.0
    return x - half, y - half, x + w + half, y + h + half


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("look", LOOKS)
def test_every_path_stays_inside_the_box(look, box):
    x, y, w, h = box
    combos = itertools.product(EXPRESSIONS, POSES, ("left", "right"), ("", "a", "b", "c"))
    for expr, pose, facing, seed in combos:
        art = draw_figure(x, y, w, h, look=look, facing=facing, seed_key=seed, expression=expr, pose=pose)
        for p in art.paths:
            x0, y0, x1, y1 = _extent(p)
            assert x0 >= x - 1e-9 and y0 >= y - 1e-9, (look, expr, pose, facing, seed, p)
            assert x1 <= x + w + 1e-9 and y1 <= y + h + 1e-9, (look, expr, pose, facing, seed, p)


@pytest.mark.parametrize("look", LOOKS)
def test_feet_on_the_bottom_and_centred(look):
    x, y, w, h = 0.0, 0.0, 200.0, 200.0
    art = draw_figure(x, y, w, h, look=look, seed_key="z")
    lo = min(_extent(p)[0] for p in art.paths)
    hi = max(_extent(p)[2] for p in art.paths)
    bottom = max(_extent(p)[3] for p in art.paths)
    assert bottom == pytest.approx(h, abs=0.03 * h)
    assert (lo + hi) / 2 == pytest.approx(w / 2, abs=0.08 * w)


@pytest.mark.parametrize("look", LOOKS)
def test_head_box_is_inside_and_on_top(look):
    x, y, w, h = 10.0, 20.0, 90.0, 180.0
    for pose in POSES:
        art = draw_figure(x, y, w, h, look=look, pose=pose, seed_key="k")
        hx, hy, hw, hh = art.head
        assert x <= hx and hx + hw <= x + w and y <= hy and hy + hh <= y + h
        top = min(_extent(p)[1] for p in art.paths)
        figure_h = y + h - top
        assert hy - top < 0.05 * figure_h  # nothing of the body rises above the head
        assert hy + hh / 2 < y + 0.6 * h  # the head sits in the upper part
        assert 0.25 <= hh / figure_h <= 0.45  # chibi proportions: head about a third of the height
        mx, my = art.mouth
        assert hx < mx < hx + hw and hy + hh / 2 < my < hy + hh  # mouth in the lower half of the head


def test_child_is_smaller_than_adult():
    def height(look):
        art = draw_figure(0, 0, 100, 200, look=look)
        return 200 - min(_extent(p)[1] for p in art.paths)

    assert height("child") < 0.85 * height("adult")


@pytest.mark.parametrize("pose", POSES)
@pytest.mark.parametrize("look", LOOKS)
def test_facing_left_is_the_mirror_image(look, pose):
    x, w = 30.0, 80.0
    kw = dict(look=look, seed_key="m", pose=pose, expression="happy")
    right = draw_figure(x, 0, w, 170, facing="right", **kw)
    left = draw_figure(x, 0, w, 170, facing="left", **kw)
    assert len(right.paths) == len(left.paths)
    axis = 2 * x + w
    for a, b in zip(right.paths, left.paths, strict=True):
        assert (a.fill, a.stroke, a.stroke_width) == (b.fill, b.stroke, b.stroke_width)
        for oa, ob in zip(a.ops, b.ops, strict=True):
            assert oa[0] == ob[0]
            for (xa, ya), (xb, yb) in zip(_xy(oa), _xy(ob), strict=True):
                assert xb == pytest.approx(axis - xa) and yb == pytest.approx(ya)
    assert left.head[0] == pytest.approx(axis - right.head[0] - right.head[2])
    assert left.mouth[0] == pytest.approx(axis - right.mouth[0])


def test_same_call_same_drawing():
    kw = dict(look="staff", seed_key="worker", expression="worried", pose="talking")
    assert draw_figure(1, 2, 60, 120, **kw) == draw_figure(1, 2, 60, 120, **kw)


_SNIPPET = (
    "import hashlib\n"
    "from comicboard.art import draw_figure\n"
    "a = draw_figure(0, 0, 50, 100, look='adult', seed_key='赵姐')\n"
    "print(hashlib.sha256(repr(a).encode()).hexdigest())\n"
)


def test_same_drawing_across_processes():
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-c", _SNIPPET], capture_output=True, text=True, env=env,
                             check=True)
        outs.add(res.stdout.strip())
    assert len(outs) == 1


def _fills(art):
    return {p.fill for p in art.paths if p.fill is not None}


@pytest.mark.parametrize("look", LOOKS)
def test_seed_keys_tell_people_apart(look):
    palettes = {frozenset(_fills(draw_figure(0, 0, 50, 100, look=look, seed_key=k))) for k in "abcdefgh"}
    assert len(palettes) >= 4


def _body_fills(art, below=None):
    """Fills of the paths centred below the head: clothes, shoes, hands (not a held document or phone).
    `below`: where the body starts (default: under this drawing's head; a nodding head dips over the collar)."""
    below = art.head[1] + art.head[3] if below is None else below
    return {p.fill for p in art.paths if p.fill is not None and p.fill not in HELD_COLORS
            and (_extent(p)[1] + _extent(p)[3]) / 2 > below}


def test_a_cast_member_keeps_their_clothes_across_poses_and_faces():
    for look in LOOKS:
        base = _body_fills(draw_figure(0, 0, 50, 100, look=look, seed_key="zhao"))
        assert len(base) >= 3
        for expr, pose in itertools.product(EXPRESSIONS, POSES):
            other = draw_figure(300, 40, 80, 160, look=look, seed_key="zhao", expression=expr, pose=pose)
            upright = draw_figure(300, 40, 80, 160, look=look, seed_key="zhao").head
            assert _body_fills(other, upright[1] + upright[3]) == base, (look, expr, pose)


def test_talking_raises_the_near_arm():
    def raised(pose, facing):
        art = draw_figure(0, 0, 100, 200, look="adult", pose=pose, facing=facing)
        hx, _, hw, _ = art.head
        centres = [((e[0] + e[2]) / 2, (e[1] + e[3]) / 2) for e in map(_extent, art.paths)]
        # a hand out beyond the head's side, above the waist, on the side the person faces
        side = (lambda cx: cx > hx + hw - 5) if facing == "right" else (lambda cx: cx < hx + 5)
        return any(side(cx) and cy < 100 for cx, cy in centres)

    for facing in ("right", "left"):
        assert raised("talking", facing) and not raised("standing", facing)


def test_path_count_is_moderate():
    for look, pose in itertools.product(LOOKS, POSES):
        art = draw_figure(0, 0, 50, 100, look=look, pose=pose, expression="worried", seed_key="q")
        n = len(art.paths)
        assert 15 <= n <= 45, (look, pose, n)


@pytest.mark.parametrize("bad", [dict(look="robot"), dict(look="adult", facing="up"),
                                 dict(look="adult", expression="angry"), dict(look="adult", pose="sitting")])
def test_unknown_options_are_named(bad):
    with pytest.raises(ValueError, match="use one of"):
        draw_figure(0, 0, 50, 100, **bad)
