"""Props: every icon stays inside its box and unknown names are refused by name."""

from __future__ import annotations

import pytest

from comicboard.art.bubbles import path_bounds
from comicboard.art.props import PROPS, prop_paths


@pytest.mark.parametrize("name", PROPS)
@pytest.mark.parametrize("box", [(10.0, 20.0, 40.0, 40.0), (0.0, 0.0, 100.0, 30.0), (5.0, 5.0, 12.0, 50.0)])
def test_prop_stays_inside_its_box(name, box):
    x, y, w, h = box
    paths = prop_paths(name, *box)
    assert paths
    for p in paths:
        bx, by, bw, bh = path_bounds([p])
        half = p.stroke_width / 2 if p.stroke is not None else 0.0
        assert bx - half >= x - 1e-9 and by - half >= y - 1e-9
        assert bx + bw + half <= x + w + 1e-9 and by + bh + half <= y + h + 1e-9


def test_unknown_prop_is_named():
    with pytest.raises(ValueError, match="document"):
        prop_paths("teapot", 0, 0, 10, 10)
