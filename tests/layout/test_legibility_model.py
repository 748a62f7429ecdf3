"""The legibility model from its rule (docs/legibility.md): a body-text character subtends 5.18' x 2 x 2 at the
viewing distance, and its height is the median ink height of the language's frequent characters in the board's
font, measured here with fontTools straight from the font file."""

from __future__ import annotations

import math
import statistics

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from comicboard.fonts import font_dir, fontset_for
from comicboard.legibility import SAMPLES, char_height_mm, floor_pt, legible_distance_m

ARCMIN = 5.18 * 2 * 2  # threshold (Zhang et al. 2020) x older eyes (0.3 logMAR) x acuity reserve (0.3 log unit)


def ink_height_em(lang: str) -> float:
    font = TTFont(font_dir() / "LXGWWenKai-Regular.ttf")
    cmap, glyphs, upem = font.getBestCmap(), font.getGlyphSet(), font["head"].unitsPerEm
    heights = []
    for ch in SAMPLES[lang]:
        pen = BoundsPen(glyphs)
        glyphs[cmap[ord(ch)]].draw(pen)
        heights.append((pen.bounds[3] - pen.bounds[1]) / upem)
    return statistics.median(heights)


@pytest.mark.parametrize("d", [0.3, 0.5, 1.0, 2.5, 10.0])
def test_character_height_subtends_the_floor_angle(d):
    angle = 2 * math.atan(char_height_mm(d) / 2 / (d * 1000))
    assert math.degrees(angle) * 60 == pytest.approx(ARCMIN, rel=1e-6)
    assert char_height_mm(1.0) == pytest.approx(6.03, abs=0.01)  # about 6 mm per metre


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "ja", "ko"])
@pytest.mark.parametrize("d", [0.5, 1.0, 1.5])
def test_floor_in_points_gives_that_height_of_ink_in_the_bundled_font(lang, d):
    fonts = fontset_for(None)
    pt = floor_pt(d, fonts, lang)
    ink_mm = pt * ink_height_em(lang) * 25.4 / 72
    assert char_height_mm(d) <= ink_mm < char_height_mm(d) + 0.05 * 25.4 / 72  # rounded up, to 0.05 pt
    assert legible_distance_m(pt, fonts, lang) == pytest.approx(d, rel=0.01)


def test_kana_are_smaller_so_japanese_needs_more_points():
    fonts = fontset_for(None)
    assert floor_pt(1.0, fonts, "ja") > floor_pt(1.0, fonts, "zh-Hans")
    assert ink_height_em("ja") < ink_height_em("zh-Hans") < 0.95
