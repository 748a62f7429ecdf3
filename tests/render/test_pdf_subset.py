"""The PDF embeds a subset of each font: the glyphs the board uses, far fewer than the bundled font holds."""

from __future__ import annotations

import io

import pikepdf
from fontTools.ttLib import TTFont

import comicboard as cb
from comicboard.fonts import BUNDLED_BOLD, BUNDLED_REGULAR, font_dir


def test_embedded_fonts_are_small_subsets(examples_dir, tmp_path):
    board = cb.load(examples_dir / "minimal.yaml")
    out = tmp_path / "b.pdf"
    cb.render(board, out)
    full = min(len(TTFont(font_dir() / name, lazy=True).getGlyphOrder()) for name in (BUNDLED_REGULAR, BUNDLED_BOLD))
    used = len(set(board.title))  # the title's characters, at least, are drawn
    counts = []
    with pikepdf.open(out) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor" and "/FontFile2" in obj:
                face = TTFont(io.BytesIO(obj.FontFile2.read_bytes()))
                counts.append(len(face.getGlyphOrder()))
    assert counts, "no embedded TrueType font"
    for n in counts:
        assert n < full / 20, f"an embedded font keeps {n} of the font's {full} glyphs: not subset"
    assert max(counts) >= used  # ...and the subset still holds what the board shows
