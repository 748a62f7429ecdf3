"""The SVG as Chromium draws it matches the PNG of the same page, tile by tile, within a tolerance; a glyph run
moved by a few points does not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

import comicboard as cb
from comicboard.display import DisplayList, GlyphRun, Page

ROOT = Path(__file__).resolve().parents[2]
DPI = 50
TILE = 24  # px: a glyph at this dpi is about this size
# The largest mean grey difference of a tile, after a 2-px blur: the PNG puts each glyph on a whole pixel and the
# browser does not, so edges differ by up to a pixel (about 10 grey levels here); text set 4 pt off gives ~30.
TOLERANCE = 16.0


def _shot(browser, svg: Path, size: tuple[int, int], out: Path) -> Image.Image:
    html = svg.with_suffix(".html")
    html.write_text(f'<html><body style="margin:0"><img src="{svg.name}" '
                    f'style="display:block;width:{size[0]}px;height:{size[1]}px"></body></html>', encoding="utf-8")
    page = browser.new_page()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(html.as_uri())
    page.wait_for_function("() => document.images[0].complete && document.images[0].naturalWidth > 0")
    page.screenshot(path=str(out))
    page.close()
    return Image.open(out).convert("L")


def _worst_tile(a: Image.Image, b: Image.Image) -> tuple[float, tuple[int, int]]:
    diff = ImageChops.difference(a.filter(ImageFilter.GaussianBlur(2)), b.filter(ImageFilter.GaussianBlur(2)))
    worst, where = 0.0, (0, 0)
    for y in range(0, diff.height, TILE):
        for x in range(0, diff.width, TILE):
            tile = diff.crop((x, y, min(x + TILE, diff.width), min(y + TILE, diff.height)))
            values = tile.get_flattened_data()
            mean = sum(values) / len(values)
            if mean > worst:
                worst, where = mean, (x, y)
    return worst, where


def test_svg_in_the_browser_matches_the_png(browser, tmp_path):
    lay = cb.layout(cb.load(ROOT / "examples" / "minimal.yaml"))
    page = lay.display.pages[0]
    cb.render(lay, tmp_path / "board.png", dpi=DPI)
    expected = Image.open(tmp_path / "board.png").convert("L")
    cb.render(lay, tmp_path / "board.svg")
    actual = _shot(browser, tmp_path / "board.svg", expected.size, tmp_path / "board-svg.png")
    assert actual.size == expected.size
    worst, where = _worst_tile(actual, expected)
    if worst > TOLERANCE:
        ImageChops.difference(actual, expected).point(lambda v: 255 - v).save(tmp_path / "diff.png")
    assert worst <= TOLERANCE, (f"tile at {where} px differs by {worst:.1f} grey levels; see "
                                f"{tmp_path}/board.png (PNG), board-svg.png (SVG in Chromium), diff.png")

    # The same comparison catches one line of text set 4 pt off.
    run = max((it for it in page.items if isinstance(it, GlyphRun)), key=lambda r: r.size)
    moved = dataclasses.replace(run, xs=tuple(x + 4 for x in run.xs))
    shifted = Page(page.width, page.height, [moved if it is run else it for it in page.items], page.bleed)
    cb.render(DisplayList([shifted]), tmp_path / "shifted.svg")
    off = _shot(browser, tmp_path / "shifted.svg", expected.size, tmp_path / "shifted-svg.png")
    assert _worst_tile(off, expected)[0] > TOLERANCE
