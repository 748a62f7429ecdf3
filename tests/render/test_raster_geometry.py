"""Polyline helpers of the raster backend: transform, Bézier flattening, dashes, rectangle detection."""

from __future__ import annotations

import math

import pytest

from comicboard.display import PathPen
from comicboard.render.geometry import Subpath, axis_rect, dash, flatten


def test_flatten_scales_and_closes():
    (sp,) = flatten(PathPen().rect(1, 2, 3, 4).ops, scale=2, dx=10)
    assert sp.closed
    assert sp.points[:4] == [(12, 4), (18, 4), (18, 12), (12, 12)]


def test_flattened_circle_stays_within_tolerance():
    for r in (5, 50, 500):
        (sp,) = flatten(PathPen().ellipse(0, 0, r, r).ops, scale=1)
        radii = [math.hypot(x, y) for x, y in sp.points]
        # 0.5523 control points deviate ~0.03% from a true circle; flattening adds at most 0.1 px.
        assert max(abs(d - r) for d in radii) <= 0.0003 * r + 0.1
        assert len(sp.points) < 200


def test_several_subpaths():
    sps = flatten(PathPen().ellipse(0, 0, 10, 10).ellipse(0, 0, 4, 4).ops, scale=1)
    assert len(sps) == 2 and all(s.closed for s in sps)


def test_dash_lengths():
    pieces = dash([Subpath([(0, 0), (25, 0)], False)], 4, 2)
    starts_ends = [(p.points[0][0], p.points[-1][0]) for p in pieces]
    assert starts_ends == [(0, 4), (6, 10), (12, 16), (18, 22), (24, 25)]


def test_dash_follows_corners():
    pieces = dash([Subpath([(0, 0), (3, 0), (3, 3)], False)], 4, 10)
    assert pieces[0].points == [(0, 0), (3, 0), (3, 1)]


@pytest.mark.parametrize(
    ("ops", "expected"),
    [
        (PathPen().rect(1, 2, 3, 4).ops, (1, 2, 4, 6)),
        ([("M", 0, 0), ("L", 5, 0), ("L", 5, 5), ("L", 0, 5)], (0, 0, 5, 5)),
        ([("M", 0, 0), ("L", 5, 5), ("L", 5, 0), ("L", 0, 5), ("Z",)], None),  # bow-tie
        (PathPen().round_rect(0, 0, 10, 10, 2).ops, None),
        (PathPen().rect(0, 0, 1, 1).rect(2, 2, 1, 1).ops, None),
    ],
)
def test_axis_rect(ops, expected):
    assert axis_rect(flatten(ops, scale=1)) == expected
