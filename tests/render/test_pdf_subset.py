"""The PDF embeds a subset of each font: the glyphs the board uses, far fewer than the bundled font holds."""

from __future__ import annotations

import io

import pikepdf
import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

import comicboard as cb
from comicboard import fonts
from comicboard.color import BLACK
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


# -- the font reportlab reads is only the glyphs drawn (fonts.embedding_subset): what it embeds must not change --------

def _whole_file(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("comicboard.fonts.embedding_subset", lambda path, chars: None)


@pytest.mark.parametrize("example", ["minimal.yaml", "ko.yaml"])
def test_pdf_bytes_are_those_of_embedding_from_the_whole_file(examples_dir, tmp_path, monkeypatch, example):
    """The rule: reportlab reading the whole font file. The same board must come out byte for byte."""
    lay = cb.layout(cb.load(examples_dir / example))
    cb.render(lay, tmp_path / "subset.pdf")
    with monkeypatch.context() as m:
        _whole_file(m)
        cb.render(lay, tmp_path / "whole.pdf")
    assert (tmp_path / "subset.pdf").read_bytes() == (tmp_path / "whole.pdf").read_bytes()


def test_a_subset_font_holds_the_glyphs_drawn_with_their_components(tmp_path, monkeypatch):
    """A built font with a composite glyph: drawn from the subset, its embedded program has the same glyphs, widths
    and outlines as drawn from the whole file."""
    from comicboard.display import DisplayList, GlyphRun, Page
    from comicboard.render.pdf import render_pdf
    from tests.fonts.test_outline_check import build_font

    path = str(build_font(tmp_path / "tiny.ttf"))  # A: a square, D: a composite of that square, moved
    data = fonts.embedding_subset(path, "AD")
    assert data is not None
    sub, whole = TTFont(io.BytesIO(data)), TTFont(path)
    assert sorted(sub.getBestCmap()) == [ord(c) for c in "ABCDE"]  # what was asked, and the ASCII the font has
    for ch in "ABCDE":  # each character draws the same outline (D: its component, renumbered, moved by 50)
        bounds = []
        for tt in (sub, whole):
            pen = BoundsPen(tt.getGlyphSet())
            tt.getGlyphSet()[tt.getBestCmap()[ord(ch)]].draw(pen)
            bounds.append((pen.bounds, tt["hmtx"][tt.getBestCmap()[ord(ch)]]))
        assert bounds[0] == bounds[1], ch
    page = Page(200, 100, [GlyphRun("ADA", (10.0, 40.0, 70.0), 50, path, 20, BLACK)], bleed=0)
    render_pdf(DisplayList([page], title="t"), tmp_path / "subset.pdf", pdfx=None)
    _whole_file(monkeypatch)
    render_pdf(DisplayList([page], title="t"), tmp_path / "whole.pdf", pdfx=None)
    assert (tmp_path / "subset.pdf").read_bytes() == (tmp_path / "whole.pdf").read_bytes()


def test_a_font_that_forbids_subsetting_is_left_whole(tmp_path):
    from tests.fonts.test_outline_check import build_font

    tt = TTFont(build_font(tmp_path / "tiny.ttf"))
    tt["OS/2"].fsType = 0x0100  # no subsetting
    tt.save(tmp_path / "nosub.ttf")
    assert fonts.embedding_subset(str(tmp_path / "nosub.ttf"), "A") is None
