"""A vertical column (upright glyphs, vertical forms drawn from outlines, sideways Latin) lands on the same
pixels in the PDF and the PNG."""

from __future__ import annotations

from comicboard.display import DisplayList, GlyphRun, Page, Path
from comicboard.pagelayout.typeset import Setter, columns_for, vertical_block
from comicboard.paint import text_runs
from comicboard.paint.theme import load_theme
from comicboard.text.wrap import default_fontset
from tests.render.agree import pdf_png_ink


def _column_items():
    fs = default_fontset()
    setter = Setter(fs, "ja")
    cols = columns_for(setter, "コーヒーはID「12」杯。", 400, 30).cols
    block = vertical_block(setter, "caption", cols, (20, 10, 40, 420), 30)
    return text_runs(block, fs, load_theme("community"))


def test_column_paints_glyphs_and_outlines():
    items = _column_items()
    assert any(isinstance(it, Path) for it in items)  # ー's vertical form and the sideways ID
    assert any(isinstance(it, GlyphRun) and it.text == "﹁" for it in items)
    ys = [it.baseline for it in items if isinstance(it, GlyphRun)]
    assert ys == sorted(ys)  # top to bottom


def test_pdf_and_png_agree_on_a_vertical_column(tmp_path):
    inked, differ, ours, ref = pdf_png_ink(DisplayList([Page(80, 440, _column_items(), bleed=6)]), tmp_path, 160)
    assert ours == ref
    assert inked > 800
    assert differ / inked < 0.12, (differ, inked)
