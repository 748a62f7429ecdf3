"""Lines and type as a plate sees them: black is solid black ink, thin lines are one solid ink, no hairlines.

Read back from the PDF's content streams (tests/print/pdfpaint.py), not from the display list that made them.
"""

from __future__ import annotations

import pytest
from pdfpaint import REGISTRATION, inks, paints

SOLID = 0.996


def _solid_one_ink(c):
    on = [v for v in c if v > 1 - SOLID]
    return not on or (len(on) == 1 and on[0] >= SOLID)


@pytest.fixture(scope="module")
def painted(dense_pdf, tategaki_pdf, smallest_type_pdf):
    return {"dense": paints(dense_pdf), "tategaki": paints(tategaki_pdf), "smallest": paints(smallest_type_pdf)}


@pytest.mark.parametrize("which", ["dense", "tategaki"])
def test_nothing_is_thinner_than_a_quarter_point(painted, which):
    strokes = [p for p in painted[which] if p.kind == "stroke"]
    assert len(strokes) > 100
    thin = sorted(round(p.width, 3) for p in strokes if p.width < 0.25 - 1e-6)
    assert not thin, f"{len(thin)} strokes under 0.25 pt: {thin[:10]}"


@pytest.mark.parametrize("which", ["dense", "tategaki"])
def test_a_line_under_half_a_point_is_one_solid_ink(painted, which):
    thin = [p for p in painted[which] if p.kind == "stroke" and p.width < 0.5 and p.color != REGISTRATION]
    assert thin, "the board has thin lines (figure details)"
    bad = [(round(p.width, 2), tuple(round(v, 3) for v in p.color)) for p in thin if not _solid_one_ink(p.color)]
    assert not bad, f"{len(bad)} thin lines in a tint or several inks, e.g. {bad[:8]}"


@pytest.mark.parametrize("which", ["dense", "tategaki"])
def test_what_is_meant_as_black_is_solid_black_ink(painted, which):
    # A grey of 70 % K or more is meant as black (outlines, type): a RIP's black overprint catches only 100 % K,
    # and a screened dark grey prints ragged at line widths. Text may be coloured or white, never a dark grey.
    dark = [p for p in painted[which] if p.kind in ("stroke", "text") and max(p.color[:3]) <= 0.004
            and p.color[3] >= 0.7]
    assert len(dark) > 100
    tinted = sorted({round(p.color[3], 3) for p in dark if p.color[3] < SOLID})
    assert not tinted, f"black lines or type in a tint of K: {tinted}"
    assert all(inks(p.color) == 1 for p in dark)


@pytest.mark.parametrize("which", ["dense", "tategaki", "smallest"])
def test_small_reversed_type_sits_on_at_most_two_inks(painted, which):
    # White type under 10 pt knocked out of three or four inks fills in when the plates misregister: such type is
    # set larger, or sits on a colour of one or two inks. What is under a glyph: the last fill painted before it
    # that contains a point inside the glyph's em box.
    from pdfpaint import contains

    ps = painted[which]
    bad = []
    for i, p in enumerate(ps):
        if p.kind != "text" or p.mode == 3 or max(p.color) > 0.004:
            continue
        assert p.size > 0
        if p.size >= 10 - 1e-6:
            continue
        x, y = p.origin[0] + 0.3 * p.size, p.origin[1] + 0.3 * p.size
        under = next((q for q in reversed(ps[:i]) if q.kind == "fill" and contains(q, x, y)), None)
        assert under is not None, f"white text at {p.origin} on nothing"
        if inks(under.color) > 2:
            bad.append((round(p.size, 2), tuple(round(v, 3) for v in under.color)))
    assert not bad, f"{len(bad)} white glyph runs under 10 pt on three or four inks: {sorted(set(bad))[:6]}"
    white = [p for p in ps if p.kind == "text" and p.mode != 3 and max(p.color) <= 0.004]
    assert white, "the board has reversed type (badges, bands, banner)"
