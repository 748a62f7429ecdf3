"""Small hand-built display lists shared by the renderer tests."""

from __future__ import annotations

from pathlib import Path as FilePath

import pytest

from comicboard.color import BLACK, Color
from comicboard.display import DisplayList, GlyphRun, Page, Path, PathPen

FONT = str(FilePath(__file__).resolve().parents[2] / "fonts" / "LXGWWenKai-Regular.ttf")
TEXT = "请携带身份证原件。"
RED = Color.cmyk(0, 100, 90, 10)


def sample_page(bleed: float = 9.0) -> Page:
    """A rect, an ellipse built from curves, a dashed stroke and a CJK glyph run, on a 220×200 pt page."""
    return Page(
        220, 200,
        [
            Path(tuple(PathPen().rect(10, 10, 100, 60).ops), fill=Color.cmyk(20, 0, 0, 0), stroke=BLACK,
                 stroke_width=2),
            Path(tuple(PathPen().ellipse(160, 50, 40, 25).ops), fill=RED),
            Path((("M", 10, 100), ("L", 200, 140)), stroke=BLACK, stroke_width=1.5, dash=(6, 3)),
            GlyphRun(TEXT, tuple(20 + i * 14 for i in range(len(TEXT))), 180, FONT, 14, BLACK),
        ],
        bleed=bleed,
    )


@pytest.fixture
def sample() -> DisplayList:
    return DisplayList([sample_page()], title="工人街社区办事一图通", lang="zh-Hans")


@pytest.fixture
def two_pages() -> DisplayList:
    return DisplayList([sample_page(), sample_page(bleed=0)], title="two")


@pytest.fixture
def font() -> str:
    return FONT
