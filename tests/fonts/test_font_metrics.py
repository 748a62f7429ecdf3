"""A face's metrics are read straight from its tables (fonts._metrics): which characters it has, how wide they are,
its ascender and descender and each glyph's exact ink box must be what fontTools reads from the same file (cmap,
hmtx, OS/2, a bounds pen over the drawn outline), on the bundled faces and on built ones with other cmap formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard import fonts

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [ROOT / "fonts" / "LXGWWenKai-Regular.ttf", ROOT / "fonts" / "LXGWWenKai-Bold.ttf"]
_TT = [TTFont(p, lazy=True) for p in BUNDLED]
_CMAPS = [tt.getBestCmap() for tt in _TT]
_CODES = sorted(_CMAPS[0])


def expected(tt: TTFont, cmap: dict[int, str], ch: str) -> tuple[float, tuple[float, ...] | None]:
    """The rule, from fontTools alone: the advance in em and the drawn outline's bounds in em."""
    upem = tt["head"].unitsPerEm
    name = cmap[ord(ch)]
    gs = tt.getGlyphSet()
    pen = BoundsPen(gs)
    gs[name].draw(pen)
    return tt["hmtx"][name][0] / upem, None if pen.bounds is None else tuple(v / upem for v in pen.bounds)


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, len(_CODES) - 1), bold=st.booleans())
def test_bundled_faces_read_as_fonttools_reads_them(index, bold):
    ch = chr(_CODES[index])
    face = fonts.load_face(str(BUNDLED[bold]))
    advance, ink = expected(_TT[bold], _CMAPS[bold], ch)
    assert face.has(ch)
    assert face.advance(ch) == advance
    assert face.ink(ch) == ink


@pytest.mark.parametrize("bold", [False, True])
def test_bundled_faces_cover_what_the_cmap_covers_and_no_more(bold):
    fonts._metrics(fonts.font_key(BUNDLED[bold]))  # read directly, not left to fontTools
    face = fonts.load_face(str(BUNDLED[bold]))
    order = _TT[bold].getGlyphOrder()
    assert {cp: order[g] for cp, g in face.gids.items()} == _CMAPS[bold]
    os2, upem = _TT[bold]["OS/2"], _TT[bold]["head"].unitsPerEm
    assert (face.ascender, face.descender) == (os2.sTypoAscender / upem, os2.sTypoDescender / upem)
    assert not face.has("\U000f0000")  # a private-use plane character no CJK face maps


def build_font(path: Path, chars: dict[int, str], lsb_shift: int = 0) -> Path:
    """A small TrueType font mapping `chars` to squares of different widths; with `lsb_shift`, hmtx's left side
    bearings disagree with the glyphs' xMin (fontTools then draws each glyph moved by the difference)."""
    def square(x0: int, x1: int, top: int) -> object:
        pen = TTGlyphPen(None)
        pen.moveTo((x0, 0))
        pen.qCurveTo((x0 - 80, top // 2), (x0, top))  # bulges left of its points: the control box is wider
        pen.lineTo((x1, top))
        pen.lineTo((x1, 0))
        pen.closePath()
        return pen.glyph()

    names = sorted(set(chars.values()))
    order = [".notdef", *names]
    glyphs = {".notdef": square(100, 500, 700)}
    glyphs.update({n: square(100 + 10 * i, 300 + 40 * i, 500 + 20 * i) for i, n in enumerate(names)})
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(chars)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({g: (400 + 30 * i, glyphs[g].xMin + lsb_shift) for i, g in enumerate(order)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120)
    fb.setupPost()
    fb.save(str(path))
    return path


# Scattered BMP characters (format 4 with glyph index arrays), a run (format 4 deltas), and beyond the BMP
# (format 12 beside format 4).
CHARSETS = {
    "bmp-scattered": {0x41: "b", 0x43: "a", 0x44: "c", 0x4E00: "a", 0x4E01: "d", 0x4E03: "b", 0xFF0C: "e"},
    "bmp-run": {0x3000 + i: f"g{i:02d}" for i in range(20)},
    "supplementary": {0x41: "a", 0x20000: "b", 0x20001: "c", 0x2A6D6: "d", 0x1F600: "a"},
}


@pytest.mark.parametrize("lsb_shift", [0, 25])
@pytest.mark.parametrize("charset", CHARSETS)
def test_built_faces_read_as_fonttools_reads_them(tmp_path, charset, lsb_shift):
    path = build_font(tmp_path / f"{charset}.ttf", CHARSETS[charset], lsb_shift)
    tt = TTFont(path)
    cmap = tt.getBestCmap()
    fonts._metrics(fonts.font_key(path))  # read directly, not left to fontTools
    face = fonts.load_face(str(path))
    assert {cp: tt.getGlyphOrder()[g] for cp, g in face.gids.items()} == cmap
    assert (face.ascender, face.descender, face.units_per_em) == (0.88, -0.12, 1000)
    for cp in cmap:
        advance, ink = expected(tt, cmap, chr(cp))
        assert (face.advance(chr(cp)), face.ink(chr(cp))) == (advance, ink)
    assert face.advance("Z") == 0.0 and face.ink("Z") is None and not face.has("Z")
