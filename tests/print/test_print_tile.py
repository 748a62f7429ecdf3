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
            meta = pdf.open_metadata()
            assert meta.get("pdfxid:GTS_PDFXVersion") is None  # never claims PDF/X-4
            if pdfx == "1a":
                assert pdf.docinfo.GTS_PDFXVersion == "PDF/X-1:2003" and pdf.pdf_version == "1.4"
                assert meta.get("pdfx:GTS_PDFXVersion") == "PDF/X-1:2003"  # the XMP says what Info says
                assert pdf.Root.OutputIntents[0].S == "/GTS_PDFX"
            else:
                assert "/GTS_PDFXVersion" not in pdf.docinfo and "/OutputIntents" not in pdf.Root
                assert meta.get("pdfx:GTS_PDFXVersion") is None


def _furniture(path):
    """The sheets' own painting (not the board form they show), per page: (page size, paints)."""
    from pdfpaint import paints

    with pikepdf.open(path) as pdf:
        sizes = [tuple(float(v) for v in p.MediaBox[2:]) for p in pdf.pages]
    out = {}
    for p in paints(path):
        if ">" not in p.where:
            out.setdefault(int(p.where.split()[0][1:]), []).append(p)
    return [(sizes[n - 1], out.get(n, [])) for n in range(1, len(sizes) + 1)]


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    """A board whose smallest type is 10 pt, tiled over A4."""
    import dataclasses

    from tests.print.conftest import EXAMPLES

    board = dataclasses.replace(cb.load(EXAMPLES / "minimal.yaml"), min_font_size=10.0)
    return cb.render(board, tmp_path_factory.mktemp("sheets") / "s.pdf", tile="A4")[0]


def test_sheet_labels_are_no_smaller_than_the_boards_smallest_type(sheets):
    sizes = [round(p.size, 2) for _, ps in _furniture(sheets) for p in ps if p.kind == "text"]
    assert sizes and min(sizes) >= 10.0 - 0.01, sorted(set(sizes))


def test_sheet_furniture_keeps_clear_of_the_edge_printers_clip_and_off_the_poster(sheets):
    # Office printers clip up to 9 mm of a sheet's edge; everything inside the board area (the printable area
    # minus nothing: the margin around it is cut off or covered on assembly) shows on the poster.
    edge = 9 * MM
    plan = plan_tiles(*A1, sheet="A4")
    m = plan.margin
    for (w, h), ps in _furniture(sheets):
        assert ps
        for p in ps:
            if p.kind == "text":
                pts = [p.origin, (p.origin[0], p.origin[1] + 0.8 * p.size)]
            else:
                pts = [pt for sp in p.points for pt in sp]
            for x, y in pts:
                assert edge <= x <= w - edge and edge <= y <= h - edge, (p.kind, p.where, x / MM, y / MM)
                inside = m + 0.01 < x < w - m - 0.01 and m + 0.01 < y < h - m - 0.01
                assert not inside, f"{p.kind} at ({x / MM:.1f}, {y / MM:.1f}) mm is on the assembled poster"


def test_alignment_crosses_of_neighbours_meet_at_the_same_board_points(sheets):
    # Each cross (a circle and two lines) is drawn on both sheets sharing an overlap, at the same board point.
    plan = plan_tiles(*A1, sheet="A4")
    furniture = _furniture(sheets)
    centres = []
    for tile, ((_, h), ps) in zip(plan.tiles, furniture, strict=True):
        pts = set()
        for p in ps:
            if p.kind == "stroke" and len(p.points) == 1 and len(p.points[0]) > 8:  # circles: curve points
                xs, ys = [x for x, _ in p.points[0]], [y for _, y in p.points[0]]
                cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
                # back to board coordinates (y down from the board's top): x = cx − m + tile.x
                pts.add((round(cx - plan.margin + tile.x, 1), round(h - plan.margin - cy + tile.y, 1)))
        centres.append(pts)
    by_tile = dict(zip([(t.row, t.col) for t in plan.tiles], centres, strict=True))
    assert any(by_tile.values())
    for (r, c), pts in by_tile.items():
        right, below = by_tile.get((r, c + 1)), by_tile.get((r + 1, c))
        if right is not None:
            assert pts & right, f"R{r}-C{c} and its right neighbour share no cross"
        if below is not None:
            assert pts & below, f"R{r}-C{c} and the sheet below share no cross"


def test_sheets_ask_viewers_to_print_at_actual_size(sheets):
    with pikepdf.open(sheets) as pdf:
        assert pdf.Root.ViewerPreferences.PrintScaling == pikepdf.Name.None_
