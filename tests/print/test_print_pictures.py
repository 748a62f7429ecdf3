"""`check` warns when a cast picture prints below 300 ppi, naming the cast member, the file and its ppi."""

from __future__ import annotations

import dataclasses
import math

from PIL import Image

import comicboard as cb


def _with_picture(board, path):
    cast = {**board.cast, "worker": dataclasses.replace(board.cast["worker"], picture=path)}
    return dataclasses.replace(board, cast=cast)


def _figure_box(board):
    return max((f.bbox for p in cb.layout(board).pages for f in p.of_kind("figure") if f.who == "worker"),
               key=lambda b: b[2] * b[3])


def test_small_picture_warned_with_its_effective_ppi(board, tmp_path):
    pic = tmp_path / "staff.png"
    Image.new("RGB", (40, 60), (200, 100, 50)).save(pic)
    board = _with_picture(board, pic)
    w, h = _figure_box(board)[2:]
    expected = min(40 / (w / 72), 60 / (h / 72))
    found = [p for p in cb.check(board) if p.code == "picture-low-resolution"]
    assert len(found) == 1  # one warning per picture, however many panels show it
    p = found[0]
    assert p.severity == "warning"
    assert "staff.png" in p.message and board.cast["worker"].name in p.message and "worker" in p.where
    assert f"{expected:.0f} ppi" in p.message
    assert p.details["ppi"] == round(expected, 1)


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
