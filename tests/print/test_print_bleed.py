"""board.bleed_mm: 0–10 mm (default 3), read from the spec, used by the layout frame and the PDF boxes."""

from __future__ import annotations

import dataclasses

import pikepdf
import pytest

import comicboard as cb

MM = 72 / 25.4


def _boxes(path):
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0].obj
        return [float(v) for v in page.TrimBox], [float(v) for v in page.BleedBox], [float(v) for v in page.MediaBox]


def test_default_bleed_is_3mm(board):
    assert board.bleed_mm == 3
    assert cb.layout(board).pages[0].bleed == pytest.approx(3 * MM)


@pytest.mark.parametrize("bleed_mm", [0, 5, 10])
def test_bleed_reaches_layout_and_pdf_boxes(board, tmp_path, bleed_mm):
    wide = dataclasses.replace(board, bleed_mm=bleed_mm)
    page = cb.layout(wide).pages[0]
    assert page.bleed == pytest.approx(bleed_mm * MM)
    banner = page.of_kind("banner")[0]  # backgrounds run into the bleed, whatever its width
    assert banner.bbox[0] == pytest.approx(-bleed_mm * MM)
    out = cb.render(wide, tmp_path / "b.pdf")[0]
    trim, bleed, media = _boxes(out)
    assert trim[2] - trim[0] == pytest.approx(594 * MM, abs=0.01)
    for i, sign in ((0, -1), (1, -1), (2, 1), (3, 1)):
        assert (bleed[i] - trim[i]) * sign == pytest.approx(bleed_mm * MM, abs=0.01)
    assert bleed == media


def test_bleed_from_the_spec_and_out_of_range_refused(board, tmp_path):
    spec = tmp_path / "b.yaml"
    body = "categories:\n  - name: 事务\n    procedures:\n      - title: 证明\n        steps: [携带身份证]\n"
    spec.write_text(f"board:\n  title: 居住证明\n  bleed_mm: 5\n{body}", encoding="utf-8")
    assert cb.load(spec).bleed_mm == 5
    for bad in (11, -1, ".nan"):
        spec.write_text(f"board:\n  title: 居住证明\n  bleed_mm: {bad}\n{body}", encoding="utf-8")
        with pytest.raises(cb.SpecError, match="bleed_mm"):
            cb.load(spec)
    with pytest.raises(cb.SpecError, match="bleed_mm"):
        cb.Board("T", board.categories, bleed_mm=12)


def test_check_warns_below_the_shops_3mm(board):
    codes = {p.code for p in cb.check(dataclasses.replace(board, bleed_mm=1))}
    assert "bleed-too-small" in codes
    assert "bleed-too-small" not in {p.code for p in cb.check(board)}
