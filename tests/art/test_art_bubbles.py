"""Bubbles: one seamless outline, tails that end on the tip, text boxes inside, sizes that round-trip."""

from __future__ import annotations

import math

import pytest

from comicboard.art import (
    KINDS,
    badge_paths,
    bubble_paths,
    bubble_size_for_text,
    bubble_text_box,
    caption_box_paths,
    caption_text_box,
)
from comicboard.art.bubbles import path_bounds
from comicboard.color import Color

INK, PAPER = Color.gray(85), Color(0, 0, 0, 0)
BOXES = [(10.0, 20.0, 140.0, 80.0), (0.0, 0.0, 60.0, 60.0), (50.0, 5.0, 300.0, 50.0), (3.0, 4.0, 70.0, 130.0)]


def _draw(kind, box, tip):
    return bubble_paths(kind, *box, tip, line_width=2.0, fill=PAPER, stroke=INK)


def _tips(box):
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    for ang in range(0, 360, 30):
        a = math.radians(ang)
        yield (cx + math.cos(a) * w * 0.9, cy + math.sin(a) * h * 0.95)


def _polygon(ops, steps=24):
    """Flatten one closed outline (the first subpath) into points."""
    pts, cur = [], None
    for op in ops:
        if op[0] == "M":
            if pts:
                break
            cur = (op[1], op[2])
            pts.append(cur)
        elif op[0] == "L":
            cur = (op[1], op[2])
            pts.append(cur)
        elif op[0] == "C":
            p0 = cur
            for i in range(1, steps + 1):
                t = i / steps
                mt = 1 - t
                pts.append(tuple(mt**3 * p0[k] + 3 * mt * mt * t * op[1 + k] + 3 * mt * t * t * op[3 + k]
                                 + t**3 * op[5 + k] for k in (0, 1)))
            cur = (op[5], op[6])
    return pts


def _inside(pt, poly):
    x, y = pt
    inside = False
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("kind", ["speech", "whisper", "shout"])
def test_tail_ends_exactly_at_the_tip_in_one_outline(kind, box):
    for tip in _tips(box):
        paths = _draw(kind, box, tip)
        assert len(paths) == 1
        ops = paths[0].ops
        assert [op[0] for op in ops].count("M") == 1 and ops[-1] == ("Z",)  # one outline: no seam
        ends = [(op[-2], op[-1]) for op in ops if op[0] != "Z"]
        assert tip in ends


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("kind", ["speech", "whisper"])
def test_speech_tail_leaves_from_the_side_facing_the_tip(kind, box):
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    for tip in _tips(box):
        body = _polygon(_draw(kind, box, None)[0].ops)
        with_tail = _polygon(_draw(kind, box, tip)[0].ops)
        # points that left the body outline are the tail; they all sit on the tip's side of the centre
        tail = [p for p in with_tail if not any(math.dist(p, q) < 0.5 for q in body)]
        assert tail
        for px, py in tail:
            assert (px - cx) * (tip[0] - cx) / w**2 + (py - cy) * (tip[1] - cy) / h**2 > 0


@pytest.mark.parametrize("box", BOXES)
def test_thought_trail_touches_the_tip(box):
    for tip in _tips(box):
        paths = _draw("thought", box, tip)
        assert 3 <= len(paths) <= 4  # the cloud and its trailing circles
        circles = [path_bounds([p]) for p in paths[1:]]
        radii = [c[2] / 2 for c in circles]
        assert radii == sorted(radii, reverse=True)  # shrinking toward the tip
        cx, cy = circles[-1][0] + radii[-1], circles[-1][1] + radii[-1]
        assert math.dist((cx, cy), tip) == pytest.approx(radii[-1], rel=1e-6)


@pytest.mark.parametrize("kind", KINDS)
def test_no_tail_when_no_tip_or_tip_inside(kind):
    box = (0.0, 0.0, 100.0, 60.0)
    plain = _draw(kind, box, None)
    assert plain == _draw(kind, box, (50.0, 30.0))
    assert len(plain) == 1
    x, y, w, h = path_bounds(plain)
    assert x >= -0.5 and y >= -0.5 and x + w <= 100.5 and y + h <= 60.5


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("kind", KINDS)
def test_text_box_lies_inside_the_body(kind, box):
    poly = _polygon(_draw(kind, box, None)[0].ops)
    tx, ty, tw, th = bubble_text_box(kind, *box)
    assert tw > 0 and th > 0
    for i in range(11):
        for j in range(11):
            assert _inside((tx + tw * i / 10, ty + th * j / 10), poly), (kind, box, i, j)


@pytest.mark.parametrize("kind", KINDS)
def test_text_box_is_roomy(kind):
    _, _, tw, th = bubble_text_box(kind, 0, 0, 200, 100, pad=0)
    assert tw * th > 0.25 * 200 * 100  # most of a speech balloon is for words


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("tw", "th", "pad"), [(120, 40, 4), (30, 90, 6), (0.5, 0.5, 0), (400, 20, 3)])
def test_size_for_text_round_trips(kind, tw, th, pad):
    w, h = bubble_size_for_text(kind, tw, th, pad)
    x, y, got_w, got_h = bubble_text_box(kind, 7.0, 11.0, w, h, pad)
    assert (got_w, got_h) == (pytest.approx(tw), pytest.approx(th))
    assert (x + got_w / 2, y + got_h / 2) == (pytest.approx(7 + w / 2), pytest.approx(11 + h / 2))
    # and it is the smallest: 1% less in either direction no longer holds the text
    assert bubble_text_box(kind, 0, 0, w * 0.99, h, pad)[2] < tw
    assert bubble_text_box(kind, 0, 0, w, h * 0.99, pad)[3] < th


def test_whisper_is_dashed_and_speech_is_not():
    box = (0.0, 0.0, 100.0, 60.0)
    assert _draw("whisper", box, (120, 90))[0].dash is not None
    assert _draw("speech", box, (120, 90))[0].dash is None


def test_bubbles_are_deterministic():
    for kind in KINDS:
        assert _draw(kind, BOXES[0], (0, 150)) == _draw(kind, BOXES[0], (0, 150))


def test_unknown_kind_is_named():
    with pytest.raises(ValueError, match="speech"):
        _draw("sing", BOXES[0], None)
    with pytest.raises(ValueError, match="use one of"):
        bubble_text_box("sing", 0, 0, 10, 10)


def test_caption_box_stays_in_its_box_and_holds_its_text():
    paths = caption_box_paths(10, 20, 300, 60, PAPER, INK)
    assert len(paths) == 2 and paths[1].fill == PAPER and paths[1].stroke == INK
    for p in paths:
        x, y, w, h = path_bounds([p])
        half = p.stroke_width / 2 if p.stroke else 0
        assert x - half >= 10 - 1e-9 and y - half >= 20 - 1e-9
        assert x + w + half <= 310 + 1e-9 and y + h + half <= 80 + 1e-9
    tx, ty, tw, th = caption_text_box(10, 20, 300, 60)
    bx, by, bw, bh = path_bounds([paths[1]])
    assert bx < tx and by < ty and tx + tw < bx + bw and ty + th < by + bh


def test_badge_fits_its_radius():
    paths = badge_paths(50, 40, 12, Color.parse("#C8102E"), INK)
    x, y, w, h = path_bounds(paths[:1])
    lw = paths[0].stroke_width
    assert x - lw / 2 == pytest.approx(38) and w + lw == pytest.approx(24)
    assert paths[0].fill == Color.parse("#C8102E")
