"""Whether a font draws a board's characters is read from each glyph's record (fonts.check_outlines): it must agree
with drawing the glyph through fontTools' pen (ink or none) on real fonts and on built ones, and call a damaged
record damaged where fontTools and FreeType (the PNG renderer) cannot read it either."""

from __future__ import annotations

import contextlib
import struct
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphComponent
from hypothesis import given
from hypothesis import strategies as st
from PIL import ImageFont

import comicboard as cb
from comicboard import fonts
from comicboard.errors import FontError

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [ROOT / "fonts" / "LXGWWenKai-Regular.ttf", ROOT / "fonts" / "LXGWWenKai-Bold.ttf"]


def pen_ink(path: Path, ch: str) -> bool:
    """The rule, from fontTools alone: the glyph drawn through a bounds pen leaves a box of some area."""
    tt = TTFont(path, lazy=True)
    gs = tt.getGlyphSet()
    pen = BoundsPen(gs)
    gs[tt.getBestCmap()[ord(ch)]].draw(pen)
    return pen.bounds is not None and pen.bounds[2] > pen.bounds[0] and pen.bounds[3] > pen.bounds[1]


def verdict(path: Path, ch: str) -> str | None:
    return fonts._outline_problems(fonts.load_face(str(path)), [ch])[0]


_CMAP = sorted(TTFont(BUNDLED[0], lazy=True).getBestCmap())


@given(index=st.integers(0, len(_CMAP) - 1), bold=st.booleans())
def test_the_record_says_what_the_pen_draws_in_the_bundled_fonts(index, bold):
    ch = chr(_CMAP[index])
    path = BUNDLED[bold]
    assert (verdict(path, ch) is None) == pen_ink(path, ch)
    assert verdict(path, ch) in (None, "blank")


@pytest.mark.parametrize("ch", [" ", "\u3000", "社", "。", "A", "0", "—"])
def test_blanks_and_marks_of_the_bundled_font(ch):
    assert (verdict(BUNDLED[0], ch) is None) == pen_ink(BUNDLED[0], ch)


def build_font(path: Path) -> Path:
    """A tiny TrueType font: a square, an empty glyph, a zero-area line, and composites of the square and of the
    empty glyph."""
    def square() -> object:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 700))
        pen.lineTo((600, 700))
        pen.lineTo((600, 0))
        pen.closePath()
        return pen.glyph()

    def flat() -> object:  # three points on one horizontal line: an outline with no area
        pen = TTGlyphPen(None)
        pen.moveTo((100, 300))
        pen.lineTo((400, 300))
        pen.lineTo((600, 300))
        pen.closePath()
        return pen.glyph()

    def composite(of: str) -> object:
        glyph = TTGlyphPen(None).glyph()
        comp = GlyphComponent()
        comp.glyphName, comp.x, comp.y, comp.flags = of, 50, 0, 0
        glyph.numberOfContours, glyph.components = -1, [comp]
        return glyph

    order = [".notdef", "sq", "empty", "flat", "csq", "cempty"]
    glyphs = {".notdef": square(), "sq": square(), "empty": TTGlyphPen(None).glyph(), "flat": flat(),
              "csq": composite("sq"), "cempty": composite("empty")}
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({ord("A"): "sq", ord("B"): "empty", ord("C"): "flat", ord("D"): "csq", ord("E"): "cempty"})
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({g: (700, 50) for g in order})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200)
    fb.setupPost()
    fb.save(str(path))
    return path


@pytest.mark.parametrize(("ch", "draws"), [("A", True), ("B", False), ("C", False), ("D", True), ("E", False)])
def test_built_glyphs_empty_flat_and_composite(tmp_path, ch, draws):
    path = build_font(tmp_path / "tiny.ttf")
    assert pen_ink(path, ch) is draws  # the font was built as meant
    assert verdict(path, ch) == (None if draws else "blank")


def damaged(tmp_path: Path, ch: str, how: str) -> Path:
    """The bundled font with the glyph record of `ch` damaged `how`, the rest untouched."""
    tt = TTFont(BUNDLED[0], lazy=True)
    gid = tt.getGlyphID(tt.getBestCmap()[ord(ch)])
    start, end = tt["loca"][gid], tt["loca"][gid + 1]
    glyf, loca = tt.reader.tables["glyf"], tt.reader.tables["loca"]
    data = bytearray(BUNDLED[0].read_bytes())
    record = data[glyf.offset + start: glyf.offset + end]
    contours = struct.unpack(">h", record[:2])[0]
    (instructions,) = struct.unpack(">H", record[10 + 2 * contours: 12 + 2 * contours])
    points_at = glyf.offset + start + 12 + 2 * contours + instructions
    if how == "flags":  # every flag repeats itself 255 times: more points than the contours end with
        data[points_at: glyf.offset + end] = b"\xff" * (glyf.offset + end - points_at)
    elif how == "cut":  # the record ends inside its flags (the next glyph's loca entry moved down; long loca)
        assert tt["head"].indexToLocFormat == 1
        struct.pack_into(">I", data, loca.offset + 4 * (gid + 1), points_at + 2 - glyf.offset)
    elif how == "outside":  # the record's end points past the glyph table
        struct.pack_into(">I", data, loca.offset + 4 * (gid + 1), glyf.length + 1000)
    elif how == "contours":  # contour ends that go backwards
        struct.pack_into(">HH", data, glyf.offset + start + 10, 50, 10) if contours > 1 else None
    elif how == "zeroed":
        data[glyf.offset + start: glyf.offset + end] = bytes(end - start)
    path = tmp_path / f"{how}.ttf"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["flags", "cut", "outside", "contours"])
def test_a_damaged_record_is_damaged_for_every_reader(tmp_path, how):
    path = damaged(tmp_path, "社", how)
    assert verdict(path, "社") not in (None, "blank")
    assert verdict(path, "区") is None  # only that glyph
    with pytest.raises(Exception):  # noqa: B017, PT011 - fontTools fails in its own ways
        pen_ink(path, "社")
    font = ImageFont.truetype(str(path), 32, layout_engine=ImageFont.Layout.BASIC)
    with contextlib.suppress(OSError):  # FreeType refuses it, or draws nothing
        assert font.getmask("社").getbbox() is None


@pytest.mark.parametrize(("how", "words"), [("flags", "is damaged: the outline of '社'"), ("zeroed", "draws nothing")])
def test_a_board_in_a_damaged_font_is_refused_before_drawing(tmp_path, how, words):
    path = damaged(tmp_path, "社", how)
    board = cb.Board("社区", categories=(cb.Category("类", (cb.Procedure("办事", ("一步",)),)),),
                     fonts=cb.FontChoice(regular=path, bold=path))
    with pytest.raises(FontError, match=words) as info:
        cb.layout(board)
    assert str(path) in str(info.value) and "undamaged" in (info.value.hint or "")


def test_a_replaced_font_file_is_checked_again(tmp_path):
    path = tmp_path / "f.ttf"
    path.write_bytes(BUNDLED[0].read_bytes())
    assert verdict(path, "社") is None
    broken = damaged(tmp_path, "社", "flags").read_bytes()
    path.write_bytes(broken + b"\0")  # another size: another version of the file
    assert verdict(path, "社") not in (None, "blank")
