"""Vertical writing: columns keep every character, use the font's vertical forms, and fit their measure."""

import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.pagelayout.typeset import Setter, columns_for, vertical_block
from comicboard.text.vertical import set_column
from comicboard.text.wrap import default_fontset

FS = default_fontset()
POOL = ("住民票の写しを窓口で申請してくださいマイナンバーカードっゃぁー々请携带身份证가나다"
        "。、，！？「」『』（）《》——……～・" "ID0123456789abcXYZ-/.:" " ")
LANGS = st.sampled_from(["zh-Hans", "zh-Hant", "ja", "ko"])


def drawn(glyph: str) -> list:
    pen = RecordingPen()
    FS.main().draw_glyph(glyph, pen)
    return pen.value


def font_outline(name: str) -> list:
    """A glyph's outline by its name in the font's own `post` table (comicboard names glyphs by index)."""
    pen = RecordingPen()
    TTFont(FS.main().path).getGlyphSet()[name].draw(pen)
    return pen.value


def test_vertical_forms_tate_chu_yoko_and_sideways_latin():
    cells = set_column("コーヒー12杯「ID」。", lang="ja", fontset=FS).cells
    by_text = {c.text: c for c in cells}
    assert by_text["ー"].mode == "outline" and drawn(by_text["ー"].draw) == font_outline("u30FC.vert")  # vertical bar
    assert by_text["12"].mode == "tcy" and by_text["12"].height == pytest.approx(1.0)  # upright, one em
    assert by_text["ID"].mode == "sideways"
    # Rotated: its width runs down the column, with ¼ em to the CJK text on either side.
    assert by_text["ID"].height == pytest.approx(FS.width("ID") + 0.5) and by_text["ID"].shift == 0.25
    assert by_text["「"].draw == "﹁" and by_text["」"].draw == "﹂"  # vertical presentation forms
    assert by_text["。"].draw == "︒" and by_text["。"].height == pytest.approx(0.5)  # column end: ½ em


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from(list(POOL)), min_size=1, max_size=40), LANGS)
def test_cells_cover_the_line_in_order_and_every_glyph_exists(text, lang):
    col = set_column(text, lang=lang, fontset=FS, size=10)
    assert "".join(c.text for c in col.cells) == text
    assert [c.start for c in col.cells] == sorted(c.start for c in col.cells)
    y = 0.0
    for c in col.cells:
        assert c.y == pytest.approx(y) and c.height >= 0
        y += c.height
        face = FS.face_for(c.text[0])
        if c.mode == "glyph":
            assert FS.face_for(c.draw) is not None, c  # never tofu: the form drawn is in the font
        elif c.mode == "outline":
            assert face.glyph_ink(c.draw) is not None, c
    assert col.length == pytest.approx(y)


@settings(max_examples=80, deadline=None)
@given(st.text(st.sampled_from(list(POOL.replace(" ", ""))), min_size=1, max_size=60), LANGS,
       st.floats(min_value=3, max_value=12))
def test_columns_fit_their_measure_and_rejoin(text, lang, measure_em):
    setter = Setter(FS, lang)
    size = 10.0
    cols = columns_for(setter, text, measure_em * size, size).cols
    assert "".join(cols) == text
    for c in cols:
        assert setter.column_length(c, size) <= measure_em * size + 0.01 or len(c) == 1


def test_vertical_block_reads_right_to_left_inside_its_box():
    setter = Setter(FS, "ja")
    cols = columns_for(setter, "マイナンバーカードの申請", 60, 10).cols
    block = vertical_block(setter, "procedure_title", cols, (0, 0, 40, 60), 10)
    assert block.writing == "vertical" and len(block.lines) >= 2
    xs = [ln.bbox[0] for ln in block.lines]
    assert xs == sorted(xs, reverse=True)  # the first column is the rightmost
    for ln in block.lines:
        x, y, w, h = ln.bbox
        assert x >= 0 and x + w <= 40 and y >= 0 and y + h <= 60 + 0.01
    assert block.to_json()["writing"] == "vertical"
