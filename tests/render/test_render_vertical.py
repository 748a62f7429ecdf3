"""A vertical column (upright glyphs, vertical forms drawn from outlines, sideways Latin) lands on the same
pixels in the PDF and the PNG."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from comicboard.display import DisplayList, GlyphRun, Page, Path
from comicboard.pagelayout.typeset import Setter, columns_for, vertical_block
from comicboard.paint import text_runs
from comicboard.paint.theme import load_theme
from comicboard.render import render
from comicboard.text.wrap import default_fontset


def _column_items():
    fs = default_fontset()
    setter = Setter(fs, "ja")
    cols = columns_for(setter, "コーヒーはID「12」杯。", 400, 30)
    block = vertical_block(setter, "caption", cols, (20, 10, 40, 420), 30)
    return text_runs(block, fs, load_theme("community"))


def test_column_paints_glyphs_and_outlines():
    items = _column_items()
    assert any(isinstance(it, Path) for it in items)  # ー's vertical form and the sideways ID
    assert any(isinstance(it, GlyphRun) and it.text == "﹁" for it in items)
    ys = [it.baseline for it in items if isinstance(it, GlyphRun)]
    assert ys == sorted(ys)  # top to bottom


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_and_png_agree_on_a_vertical_column(tmp_path):
    from PIL import Image, ImageChops

    dl = DisplayList([Page(80, 440, _column_items(), bleed=6)])
    render(dl, tmp_path / "v.pdf")
    render(dl, tmp_path / "v.png", dpi=72)
    crop = ["-x", "6", "-y", "6", "-W", "80", "-H", "440"]
    subprocess.run(["pdftoppm", "-r", "72", *crop, "-png", "-singlefile", str(tmp_path / "v.pdf"),
                    str(tmp_path / "ref")], check=True)
    ours = Image.open(tmp_path / "v.png").convert("L").point(lambda v: 255 if v < 160 else 0)
    ref = Image.open(tmp_path / "ref.png").convert("L").point(lambda v: 255 if v < 160 else 0)
    assert ours.size == ref.size
    inked = sum(1 for v in ours.get_flattened_data() if v)
    differ = sum(1 for v in ImageChops.difference(ours, ref).get_flattened_data() if v)
    assert inked > 800
    assert differ / inked < 0.12, (differ, inked)
