"""`check` warns when a cast picture prints below 300 ppi, naming the cast member, the file and its ppi."""

from __future__ import annotations

import dataclasses
import math

import pytest
from PIL import Image

import comicboard as cb


def _with_picture(board, path):
    cast = {**board.cast, "worker": dataclasses.replace(board.cast["worker"], picture=path)}
    return dataclasses.replace(board, cast=cast)


def _figure_box(board):
    return max((f.bbox for p in cb.layout(board).pages for f in p.of_kind("figure") if f.who == "worker"),
               key=lambda b: b[2] * b[3])


def _placed(board, path):
    """Sizes (points) at which the display list places the picture: what the PDF prints."""
    from comicboard.display import Image as Placed

    return [(it.w, it.h) for page in cb.layout(board).display.pages for it in page.items
            if isinstance(it, Placed) and str(it.path) == str(path)]


@pytest.mark.parametrize("size", [(40, 60), (60, 40), (30, 90)])
def test_small_picture_warned_with_its_effective_ppi(board, tmp_path, size):
    """The ppi is the one it prints at: the picture keeps its proportions in the figure box, so the axis that
    fills the box sets the scale (a box-shaped estimate would take the other axis and understate it)."""
    pic = tmp_path / "staff.png"
    Image.new("RGB", size, (200, 100, 50)).save(pic)
    board = _with_picture(board, pic)
    placed = _placed(board, pic)
    assert placed
    w, h = max(placed, key=lambda s: s[0] * s[1])
    expected = size[0] / (w / 72)
    assert expected == pytest.approx(size[1] / (h / 72), rel=1e-6)  # one scale for both axes
    found = [p for p in cb.check(board) if p.code == "picture-low-resolution"]
    assert len(found) == 1  # one warning per picture, however many panels show it
    p = found[0]
    assert p.severity == "warning"
    assert "staff.png" in p.message and board.cast["worker"].name in p.message and "worker" in p.where
    assert f"{expected:.0f} ppi" in p.message
    assert f"{w / 72 * 25.4:.0f}×{h / 72 * 25.4:.0f} mm" in p.message
    assert p.details["ppi"] == round(expected, 1)
    need_w, need_h = (int(v) for v in p.hint.split("at least ")[1].split(" px")[0].split("×"))
    assert need_w / (w / 72) >= 300 and need_h / (h / 72) >= 300


def test_picture_at_300_ppi_is_not_warned(board, tmp_path):
    small = tmp_path / "small.png"
    Image.new("RGB", (8, 8)).save(small)
    w, h = _figure_box(_with_picture(board, small))[2:]  # the figure box does not depend on the picture
    pic = tmp_path / "sharp.png"
    Image.new("RGB", (math.ceil(w / 72 * 300) + 1, math.ceil(h / 72 * 300) + 1), (200, 100, 50)).save(pic)
    assert not [p for p in cb.check(_with_picture(board, pic)) if p.code == "picture-low-resolution"]


def test_a_huge_picture_is_embedded_at_no_more_than_600_ppi(board, tmp_path):
    import re

    from comicboard.render.pdf import PICTURE_PPI

    pic = tmp_path / "staff.png"
    Image.new("RGB", (3000, 4500), (200, 100, 50)).save(pic)
    board = _with_picture(board, pic)
    w, h = _figure_box(board)[2:]
    (out,) = cb.render(board, tmp_path / "b.pdf")
    widths = [int(v) for v in re.findall(rb"/Width (\d+)", out.read_bytes())]
    assert widths and max(widths) <= math.ceil(w / 72 * PICTURE_PPI) < 3000
