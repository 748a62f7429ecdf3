"""board.safe_mm (default 5): text and art never come closer to the trim than this, however small margin_mm is;
only backgrounds (the banner and the footer band) run past it, into the bleed."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import comicboard as cb
from tests.needs import examples

MM = 72 / 25.4
BACKGROUNDS = {"banner", "footer_band"}  # full-bleed by design
TEXT_ONLY = {"title", "subtitle", "organization", "index", "footer"}  # boxes with room to spare below the text
LONG_FOOTER = "咨询电话 0311-86012345 · 周一至周五 8:30–17:30 · 地址：长安区阜康街道工人街社区居委会一楼大厅，" * 3


def _closest_to_trim(board) -> tuple[float, str]:
    """Smallest distance (points) from the trim edge to any text line's em box or any non-background item."""
    best = (float("inf"), "")
    for page in cb.layout(board).pages:
        W, H = page.width, page.height

        def edge(x, y, w, h, what, W=W, H=H):  # noqa: ANN001, ANN202, N803
            nonlocal best
            d = min(x, y, W - x - w, H - y - h)
            if d < best[0]:
                best = (d, what)

        for item in page.items:
            if item.kind not in BACKGROUNDS | TEXT_ONLY:  # text blocks are measured by their lines below
                edge(*item.bbox, item.kind)
        for block in page.text_blocks():
            for line in block.lines:
                x, y, w, pitch = line.bbox  # the em box is centred in the line's pitch
                edge(x, y + (pitch - block.font_size) / 2, w, block.font_size, f"{block.kind} {line.text[:8]!r}")
    return best


def test_default_safe_margin_is_5mm(board):
    assert board.safe_mm == 5
    lay = cb.layout(dataclasses.replace(board, margin_mm=1))
    assert lay.pages[0].safe[0] == pytest.approx(5 * MM)


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(margin=st.floats(0, 20), safe=st.floats(0, 20), long_footer=st.booleans())
def test_text_and_art_stay_inside_the_safe_margin(board, margin, safe, long_footer):
    b = dataclasses.replace(board, margin_mm=margin, safe_mm=safe, footer=LONG_FOOTER if long_footer else "")
    distance, what = _closest_to_trim(b)
    assert distance >= max(margin, safe) * MM - 0.01, what


def test_a_two_line_footer_stays_out_of_the_margin(board):
    b = dataclasses.replace(board, footer=LONG_FOOTER)
    footer = next(t for t in cb.layout(b).pages[0].text_blocks() if t.kind == "footer")
    assert len(footer.lines) == 2
    page_h = cb.layout(b).pages[0].height
    _, y, _, pitch = footer.lines[-1].bbox
    assert y + (pitch + footer.font_size) / 2 <= page_h - b.margin_mm * MM + 1e-6  # the em box's bottom


def test_safe_mm_from_the_spec_and_out_of_range_refused(board, tmp_path):
    spec = tmp_path / "b.yaml"
    body = "categories:\n  - name: 事务\n    procedures:\n      - title: 证明\n        steps: [携带身份证]\n"
    spec.write_text(f"board:\n  title: 居住证明\n  margin_mm: 0\n  safe_mm: 8\n{body}", encoding="utf-8")
    loaded = cb.load(spec)
    assert loaded.safe_mm == 8
    assert cb.layout(loaded).pages[0].safe[0] == pytest.approx(8 * MM)
    for bad in (51, -1, ".nan"):
        spec.write_text(f"board:\n  title: 居住证明\n  safe_mm: {bad}\n{body}", encoding="utf-8")
        with pytest.raises(cb.SpecError, match="safe_mm"):
            cb.load(spec)
    with pytest.raises(cb.SpecError, match="safe_mm"):
        cb.Board("T", board.categories, safe_mm=60)
