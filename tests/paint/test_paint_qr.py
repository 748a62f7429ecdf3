"""QR codes are drawn module for module as segno encodes them, in 100% K on a white quiet zone."""

from __future__ import annotations

import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.paint.qr import qr_paths


def _rects(ops):
    out, pts = [], []
    for op in ops:
        if op[0] in "ML":
            pts.append((op[1], op[2]))
        elif op[0] == "Z":
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            out.append((min(xs), min(ys), max(xs), max(ys)))
            pts = []
    return out


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/-._", min_size=1, max_size=60))
def test_every_module_is_drawn_as_encoded(tail):
    url = "https://example.org/" + tail
    back, ink = qr_paths(url, 10.0, 20.0, 100.0)
    matrix = segno.make(url, error="m", micro=False).matrix
    n = len(matrix)
    m = 100.0 / (n + 4)
    rects = _rects(ink.ops)
    for r, bits in enumerate(matrix):
        for c, bit in enumerate(bits):
            cx, cy = 10.0 + (2 + c + 0.5) * m, 20.0 + (2 + r + 0.5) * m
            dark = any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in rects)
            assert dark == bool(bit), (r, c)
    assert ink.fill is not None and (ink.fill.c, ink.fill.m, ink.fill.y, ink.fill.k) == (0, 0, 0, 1)
    assert back.fill is not None and back.fill.k == 0
