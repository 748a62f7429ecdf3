"""SVG backend: glyph runs stay text at their positions in an embedded subset font, shapes keep their outlines
and colours, outlines drawn for text keep that text, pictures are embedded, bytes are deterministic."""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET

import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont
from PIL import Image as PILImage

from comicboard.color import BLACK, Color
from comicboard.display import DisplayList, GlyphRun, Image, Page, Path, PathPen
from comicboard.render import render, svg, webfont
from tests.render.conftest import FONT, TEXT
from tests.render.test_render_vertical import _column_items

NS = {"s": "http://www.w3.org/2000/svg"}
XLINK = "{http://www.w3.org/1999/xlink}href"


def _tree(dl: DisplayList, page: int = 0) -> ET.Element:
    return ET.fromstring(svg.page_svg(dl.pages[page], title=dl.title, lang=dl.lang).encode())


def _fonts(root: ET.Element) -> dict[str, list[tuple[range, TTFont]]]:
    """Each font family's embedded slices: (the unicode-range it declares, the font)."""
    css = "".join(s.text or "" for s in root.iter("{http://www.w3.org/2000/svg}style"))
    found = re.findall(r'font-family:"([^"]+)";unicode-range:U\+([0-9A-F]+)-([0-9A-F]+);'
                       r'src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)', css)
    out: dict[str, list[tuple[range, TTFont]]] = {}
    for name, lo, hi, data in found:
        out.setdefault(name, []).append((range(int(lo, 16), int(hi, 16) + 1),
                                         TTFont(io.BytesIO(base64.b64decode(data)))))
    return out


def _numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def test_page_size_is_the_trim_box_in_points(sample):
    root = _tree(sample)
    assert root.get("viewBox") == "0 0 220 200"
    assert (root.get("width"), root.get("height")) == ("220pt", "200pt")
    assert root.find("s:title", NS).text == "工人街社区办事一图通"


def test_glyph_runs_are_text_at_the_layout_positions(sample):
    runs = [it for it in sample.pages[0].items if isinstance(it, GlyphRun)]
    texts = _tree(sample).findall("s:text", NS)
    assert [t.text for t in texts] == [r.text for r in runs] == [TEXT]
    for t, run in zip(texts, runs, strict=True):
        assert _numbers(t.get("x")) == pytest.approx(run.xs, abs=5e-3)
        assert float(t.get("y")) == pytest.approx(run.baseline, abs=5e-3)
        assert float(t.get("font-size")) == pytest.approx(run.size)
        assert t.get("fill") == "#{:02X}{:02X}{:02X}".format(*run.color.to_rgb())


def test_embedded_font_has_the_same_glyphs_and_nothing_that_reshapes(sample):
    root = _tree(sample)
    family = root.find("s:text", NS).get("font-family")
    slices, full = _fonts(root)[family], TTFont(FONT)
    assert {cp for _, sub in slices for cp in sub.getBestCmap()} == {ord(c) for c in TEXT}
    for declared, sub in slices:
        assert set(sub.getBestCmap()) <= set(declared)  # each slice is used only for what it holds
        for tag in ("GSUB", "GPOS", "kern", "fpgm", "prep"):
            assert tag not in sub  # no substitution or kerning: the browser draws the cmap glyph layout placed
    for ch in TEXT:
        sub = next(sub for declared, sub in slices if ord(ch) in declared)
        a, b = RecordingPen(), RecordingPen()
        sub.getGlyphSet()[sub.getBestCmap()[ord(ch)]].draw(a)
        full.getGlyphSet()[full.getBestCmap()[ord(ch)]].draw(b)
        assert a.value == b.value, ch
        assert sub["hmtx"][sub.getBestCmap()[ord(ch)]][0] == full["hmtx"][full.getBestCmap()[ord(ch)]][0]


def test_shapes_keep_outline_colour_dash_and_even_odd(sample):
    paths = [it for it in sample.pages[0].items if isinstance(it, Path)]
    drawn = _tree(sample).findall("s:path", NS)
    assert len(drawn) == len(paths)
    for el, item in zip(drawn, paths, strict=True):
        ops = re.findall(r"[MLCZ][^MLCZ]*", el.get("d"))
        assert [op[0] for op in ops] == [op[0] for op in item.ops]
        assert [v for op in ops for v in _numbers(op[1:])] == pytest.approx(
            [v for op in item.ops for v in op[1:]], abs=5e-3)
        if item.fill is None:
            assert el.get("fill") == "none"
        else:
            assert el.get("fill") == "#{:02X}{:02X}{:02X}".format(*item.fill.to_rgb())
            assert el.get("fill-rule") == "evenodd"
    dashed = [el for el in drawn if el.get("stroke-dasharray")]
    assert [_numbers(el.get("stroke-dasharray")) for el in dashed] == [[6, 3]]


def test_same_input_same_bytes(sample, tmp_path):
    render(sample, tmp_path / "a.svg")
    webfont._subset.cache_clear()  # the second file subsets the font again
    render(sample, tmp_path / "b.svg")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_several_pages_give_several_files(two_pages, tmp_path):
    paths = render(two_pages, tmp_path / "board.svg")
    assert [p.name for p in paths] == ["board-1.svg", "board-2.svg"]
    for p in paths:
        ET.fromstring(p.read_bytes())


def test_text_is_escaped_and_characters_beyond_the_bmp_get_one_position_each():
    text = "<&>𠀋甲"  # an ideograph from CJK Extension B takes two UTF-16 units
    run = GlyphRun(text, (10, 20, 30, 40, 50), 50, FONT, 10, BLACK)
    root = _tree(DisplayList([Page(100, 100, [run])]))
    el = root.find("s:text", NS)
    assert "".join(el.itertext()) == text
    spans = el.findall("s:tspan", NS)
    assert [s.text for s in spans] == list(text)
    assert [float(s.get("x")) for s in spans] == [10, 20, 30, 40, 50]


def test_outlines_drawn_for_text_carry_it_as_invisible_text():
    items = _column_items()  # a vertical ー drawn from its outline, sideways Latin "ID"
    outlined = [it for it in items if isinstance(it, Path) and it.text]
    assert {it.text for it in outlined} >= {"ー", "I", "D"}
    root = _tree(DisplayList([Page(80, 440, items)]))
    hidden = [t for t in root.findall("s:text", NS) if t.get("fill-opacity") == "0"]
    assert [t.text for t in hidden] == [it.text for it in outlined]
    for t, item in zip(hidden, outlined, strict=True):  # over the shape it stands for
        xs, ys = [v for op in item.ops for v in op[1::2]], [v for op in item.ops for v in op[2::2]]
        assert min(xs) - 0.01 <= float(t.get("x")) <= max(xs)
        assert min(ys) <= float(t.get("y")) <= max(ys) + 0.01


def test_picture_is_embedded_in_its_box(tmp_path):
    pic = tmp_path / "p.png"
    PILImage.new("RGBA", (40, 20), (200, 30, 30, 255)).save(pic)
    root = _tree(DisplayList([Page(100, 100, [Image(str(pic), 10, 20, 40, 20)])]))
    el = root.find("s:image", NS)
    assert [float(el.get(k)) for k in ("x", "y", "width", "height")] == [10, 20, 40, 20]
    data = el.get(XLINK).removeprefix("data:image/png;base64,")
    shown = PILImage.open(io.BytesIO(base64.b64decode(data)))
    assert shown.size == (40, 20) and shown.mode == "RGBA"
    r, g, b, a = shown.getpixel((5, 5))
    assert r > 150 and g < 90 and b < 90 and a == 255


def test_paper_is_white_under_everything():
    root = _tree(DisplayList([Page(50, 40, [Path(tuple(PathPen().rect(0, 0, 5, 5).ops), fill=Color.gray(50))])]))
    first = list(root)[0] if root[0].tag.endswith("rect") else root.find("s:rect", NS)
    assert (first.get("width"), first.get("height"), first.get("fill")) == ("50", "40", "#FFFFFF")
