"""Board in, files out: fonts embedded and subset, text extractable, sizes right, bytes deterministic."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

import comicboard as cb
from tests.needs import tool

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def board() -> cb.Board:
    return cb.load(ROOT / "examples" / "minimal.yaml")


@pytest.fixture(scope="module")
def pdf(board, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "board.pdf"
    cb.render(board, out)
    return out


def test_pdf_embeds_subset_fonts_and_no_standard_font(pdf):
    data = pdf.read_bytes()
    assert b"/FontFile2" in data
    names = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-_]+)", data))
    assert names, "no fonts in the PDF"
    assert all(re.match(rb"[A-Z]{6}\+", n) for n in names), names  # subset prefix on every font
    for std in (b"Helvetica", b"Times", b"Courier", b"Symbol", b"ZapfDingbats"):
        assert std not in data


def test_pdf_page_is_the_board_size_plus_bleed(board, pdf):
    data = pdf.read_bytes()
    w_mm, h_mm = board.page_size_mm
    trim = re.search(rb"/TrimBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", data)
    assert trim
    x0, y0, x1, y1 = (float(v) for v in trim.groups())
    assert abs((x1 - x0) - w_mm * 72 / 25.4) < 0.5 and abs((y1 - y0) - h_mm * 72 / 25.4) < 0.5


def test_pdf_text_is_extractable(board, pdf):
    text = subprocess.run([tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert board.title in flat
    for step in board.categories[0].procedures[0].steps:
        # Captions are broken over lines in a bubble; each line's text must be there in order.
        assert step.caption.replace(" ", "")[:3] in flat


def test_same_board_same_bytes(board, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    cb.render(board, a)
    cb.render(board, b)
    assert a.read_bytes() == b.read_bytes()
    pa, pb = tmp_path / "a.png", tmp_path / "b.png"
    cb.render(board, pa, dpi=20)
    cb.render(board, pb, dpi=20)
    assert pa.read_bytes() == pb.read_bytes()


def test_png_size_matches_page_and_dpi(board, tmp_path):
    out = cb.render(board, tmp_path / "board.png", dpi=24)
    assert len(out) == 1
    im = Image.open(out[0])
    w_mm, h_mm = board.page_size_mm
    assert abs(im.width - w_mm / 25.4 * 24) <= 1 and abs(im.height - h_mm / 25.4 * 24) <= 1
    assert round(im.info["dpi"][0]) == 24


def test_board_built_in_python_renders(tmp_path):
    board = cb.Board(
        title="居住证明",
        categories=(cb.Category("社区事务", (cb.Procedure("开具居住证明", (
            cb.Step("携带身份证到社区居委会"),
            cb.Step("工作人员核实居住情况", say=(cb.Speech("resident", "需要带什么材料？"),
                                                cb.Speech("worker", "带上身份证就行。"))),
        )),)),),
        size="A4",
    )
    out = cb.render(board, tmp_path / "b.pdf")
    assert out[0].stat().st_size > 1000


def test_board_with_a_missing_glyph_is_refused_naming_it(tmp_path):
    board = cb.Board(title="居住证明😀", categories=(cb.Category("社区事务", (cb.Procedure(
        "开具证明", (cb.Step("携带身份证"),)),)),))
    with pytest.raises(cb.FontError) as err:
        cb.render(board, tmp_path / "b.pdf")
    assert "U+1F600" in str(err.value) and "board title" in str(err.value)
    assert not (tmp_path / "b.pdf").exists()
