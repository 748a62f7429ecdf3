"""Tiling: a board over A4/A3 sheets as one PDF, the board page placed (not redrawn) under each sheet's marks."""

from __future__ import annotations

import math

import pikepdf
import pytest

import comicboard as cb
from comicboard.cli import main
from comicboard.render.tile import MARGIN_MM, plan_tiles

MM = 72 / 25.4
A1 = (594 * MM, 841 * MM)


def _labels(pdf):
    nums = pdf.Root.PageLabels.Nums
    return [str(nums[i + 1].P) for i in range(0, len(nums), 2)]


@pytest.mark.parametrize("sheet, portrait", [("A4", (210, 297)), ("A3", (297, 420))])
def test_plan_covers_the_board_with_overlap_in_the_fewest_sheets(sheet, portrait):
    plan = plan_tiles(*A1, sheet=sheet, overlap_mm=10)
    expected = []
    for pw, ph in (portrait, portrait[::-1]):
        cw, ch = pw - 2 * MARGIN_MM, ph - 2 * MARGIN_MM
        expected.append(math.ceil((594 - 10) / (cw - 10)) * math.ceil((841 - 10) / (ch - 10)))
    assert len(plan.tiles) == min(expected)
    tiles = {(t.row, t.col): t for t in plan.tiles}
    rows, cols = plan.tiles[0].rows, plan.tiles[0].cols
    assert set(tiles) == {(r, c) for r in range(1, rows + 1) for c in range(1, cols + 1)}
    assert tiles[(1, 1)].x <= 0 and tiles[(1, 1)].y <= 0
    last = tiles[(rows, cols)]
    assert last.x + last.w >= A1[0] and last.y + last.h >= A1[1]  # the whole board is on some sheet
    for (r, c), t in tiles.items():
        if c < cols:
            assert t.x + t.w - tiles[(r, c + 1)].x == pytest.approx(10 * MM)  # neighbours share 10 mm
        if r < rows:
            assert t.y + t.h - tiles[(r + 1, c)].y == pytest.approx(10 * MM)


def test_a3_needs_fewer_sheets_than_a4():
    assert len(plan_tiles(*A1, sheet="A3").tiles) < len(plan_tiles(*A1, sheet="A4").tiles)


def test_tiled_pdf_places_one_shared_board_form_on_numbered_sheets(board, tmp_path):
    out = cb.render(board, tmp_path / "tiles.pdf", tile="A4")[0]
    plan = plan_tiles(*A1, sheet="A4")
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == len(plan.tiles)
        assert _labels(pdf) == [f"R{t.row}-C{t.col}" for t in plan.tiles]
        forms = set()
        for page in pdf.pages:
            box = [float(v) for v in page.MediaBox]
            assert (box[2], box[3]) == pytest.approx((plan.sheet_w, plan.sheet_h), abs=0.01)
            xobjects = page.Resources.XObject
            forms |= {v.objgen for v in xobjects.values()}
            assert any(str(i.operator) == "Do" for i in pikepdf.parse_content_stream(page))
        assert len(forms) == 1  # the board is drawn once and shown through every sheet
        fonts = [f for page in pdf.pages for f in page.Resources.Font.values()]
        assert fonts and all("/FontFile2" in f.FontDescriptor for f in fonts)  # the labels' font is embedded
    again = cb.render(board, tmp_path / "again.pdf", tile="A4")[0]
    assert again.read_bytes() == out.read_bytes()


def test_tile_options_checked(board, tmp_path):
    with pytest.raises(cb.RenderError, match="sheet size"):
        cb.render(board, tmp_path / "t.pdf", tile="A9")
    with pytest.raises(cb.RenderError, match="overlap"):
        cb.render(board, tmp_path / "t.pdf", tile="A4", tile_overlap_mm=80)
    with pytest.raises(cb.RenderError, match="tiling"):
        cb.render(board, tmp_path / "t.pdf", tile_overlap_mm=5)
    with pytest.raises(cb.RenderError, match="marks"):
        cb.render(board, tmp_path / "t.pdf", tile="A4", marks=True)
    with pytest.raises(cb.RenderError, match="tile"):
        cb.render(board, tmp_path / "t.png", tile="A4")


def test_cli_tile(tmp_path, capsys):
    from tests.print.conftest import EXAMPLES

    out = tmp_path / "tiles.pdf"
    assert main(["render", str(EXAMPLES / "minimal.yaml"), "-o", str(out), "--tile", "a3", "--tile-overlap", "15",
                 "-q"]) == 0
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == len(plan_tiles(*A1, sheet="A3", overlap_mm=15).tiles)
        assert _labels(pdf)[0] == "R1-C1"


def test_sheets_are_pdfx4_with_the_sheet_as_trim_box(board, tmp_path):
    """The sheets carry the board's OutputIntent and PDF/X-4 marker, and each sheet is its own finished size,
    so a copy shop's RIP reads the colours as the board's and a preflight finds every box it looks for."""
    a, b = (cb.render(board, tmp_path / f"s{i}.pdf", tile="A4")[0] for i in (1, 2))
    assert a.read_bytes() == b.read_bytes()
    with pikepdf.open(a) as pdf:
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFX"
        assert pdf.open_metadata().get("pdfxid:GTS_PDFXVersion") == "PDF/X-4"
        assert len(pdf.pages) > 1
        for page in pdf.pages:
            assert [float(v) for v in page.obj.TrimBox] == [float(v) for v in page.obj.MediaBox]


@pytest.mark.parametrize("pdfx", ["1a", "none"])
def test_tiled_sheets_honour_the_pdfx_choice(board, tmp_path, pdfx):
    """--pdfx applies to the sheets as to the board: PDF/X-1a:2003 for an older RIP, or a plain PDF."""
    from tests.print.conftest import EXAMPLES

    api = cb.render(board, tmp_path / "api.pdf", tile="A4", pdfx=None if pdfx == "none" else pdfx)[0]
    cli = tmp_path / "cli.pdf"
    assert main(["render", str(EXAMPLES / "minimal.yaml"), "-o", str(cli), "--tile", "A4", "--pdfx", pdfx,
                 "-q"]) == 0
    for out in (api, cli):
        with pikepdf.open(out) as pdf:
            assert len(pdf.pages) > 1 and _labels(pdf)[0] == "R1-C1"
            assert "/Metadata" not in pdf.Root  # no PDF/X-4 XMP either way
            if pdfx == "1a":
                assert pdf.docinfo.GTS_PDFXVersion == "PDF/X-1:2003" and pdf.pdf_version == "1.4"
                assert pdf.Root.OutputIntents[0].S == "/GTS_PDFX"
            else:
                assert "/GTS_PDFXVersion" not in pdf.docinfo and "/OutputIntents" not in pdf.Root
