"""Split a board over office-printer sheets (A4, A3, …) as one PDF: overlap, alignment marks, numbered sheets.

The board is drawn once (render_pdf into memory) and each board page becomes one form XObject that every sheet
shows through a clip, shifted so its part of the board lands in the sheet's printable area: nothing is drawn
twice and the file stays about the size of the board's own PDF. reportlab draws each sheet's furniture (cut
marks, alignment crosses, its number and a small map of the grid) with the board's own font, embedded; pikepdf
puts the board underneath.

Assembly: neighbouring sheets share `overlap_mm` of the board. Cut the left and top margins off every sheet
that has a neighbour there (the corner marks show the lines), lay it over that neighbour and match the crosses.
Pages are labelled "R1-C2" (row, column; "p2 R1-C2" for further board pages) so viewers show the numbers too.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path as FilePath

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from ..display import DisplayList
from ..errors import RenderError

MM = 72 / 25.4
EDGE_MM = 10.0  # nothing is printed this close to the sheet's edge: office printers clip 3–9 mm of it
MARGIN_MM = 17.0  # the edge, then a band for the labels, cut marks and alignment crosses
LABEL_PT = 11.0  # the sheet's number; its title line is the board's smallest type size, at least 8 pt
MAX_SHEETS = 400  # per board page: an A0 board on A5 sheets needs about 70


@dataclass(frozen=True)
class Tile:
    """One sheet: its place in the grid (1-based) and the part of the board it shows (points, y down)."""

    row: int
    col: int
    rows: int
    cols: int
    x: float  # board area shown: top-left corner in the trim box's coordinates (may start left of the board)
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class TilePlan:
    sheet_w: float  # points, in the orientation chosen
    sheet_h: float
    margin: float
    overlap: float
    tiles: tuple[Tile, ...]


def sheet_size(name: str) -> tuple[float, float]:
    """Portrait sheet size in points for an ISO A/B name (A4, a3, …)."""
    from ..model import PAGE_SIZES_MM

    key = str(name).strip().upper()
    if key not in PAGE_SIZES_MM:
        raise RenderError(f"unknown sheet size {name!r} for tiling", expected="A4 or A3 (or A0–A5, B0–B5)",
                          hint="office printers take A4, some A3")
    w, h = PAGE_SIZES_MM[key]
    return w * MM, h * MM


def _grid(length: float, span: float, overlap: float) -> tuple[int, float]:
    """Sheets needed along one side, and where the first one starts (the grid is centred on the board)."""
    step = span - overlap
    n = max(1, math.ceil((length - overlap) / step - 1e-9))
    covered = (n - 1) * step + span
    return n, -(covered - length) / 2


def margin_for(label_pt: float = LABEL_PT) -> float:
    """The sheet margin in points: the edge printers clip, then a band that holds labels of `label_pt`."""
    return max(MARGIN_MM * MM, EDGE_MM * MM + 1.1 * label_pt + 2 * MM)


def plan_tiles(width: float, height: float, sheet: str = "A4", overlap_mm: float = 10.0,
               label_pt: float = LABEL_PT) -> TilePlan:
    """Sheets for a board of `width` × `height` points: the orientation that needs fewer, rows top to bottom."""
    sw, sh = sheet_size(sheet)
    margin, overlap = margin_for(label_pt), overlap_mm * MM
    if not 0 <= overlap_mm <= 50 or overlap >= min(sw, sh) - 2 * margin:
        raise RenderError("tile overlap out of range", expected="0–50 mm", found=f"{overlap_mm:g} mm",
                          hint="10 mm is plenty to glue or tape the sheets")
    best: TilePlan | None = None
    for pw, ph in ((sw, sh), (sh, sw)):  # portrait first: it wins ties
        cw, ch = pw - 2 * margin, ph - 2 * margin
        cols, x0 = _grid(width, cw, overlap)
        rows, y0 = _grid(height, ch, overlap)
        if best is None or rows * cols < len(best.tiles):
            tiles = tuple(Tile(r + 1, c + 1, rows, cols, x0 + c * (cw - overlap), y0 + r * (ch - overlap), cw, ch)
                          for r in range(rows) for c in range(cols))
            best = TilePlan(pw, ph, margin, overlap, tiles)
    assert best is not None
    if len(best.tiles) > MAX_SHEETS:
        raise RenderError(f"the board would need {len(best.tiles)} {sheet} sheets", expected=f"at most {MAX_SHEETS}",
                          hint="tile on A3, or have the board printed by a print shop")
    return best


def write_tiles(dl: DisplayList, path: FilePath, *, sheet: str = "A4", overlap_mm: float = 10.0,
                pdfx: str | None = "4") -> None:
    """All pages of `dl`, each split over sheets of `sheet` size, into one PDF at `path`, finished as
    PDF/X-`pdfx` ("4" or "1a") like the board itself, or a plain PDF for pdfx=None."""
    from .pdf import RL_LOCK, _fallback_font, _register, pdfx_version, render_pdf

    pdfx = pdfx_version(pdfx)

    if not dl.pages:
        raise RenderError("the display list has no pages", hint="a board needs at least one page")
    small = max(8.0, dl.min_font_size)
    plans = [plan_tiles(page.width, page.height, sheet, overlap_mm, max(LABEL_PT, small)) for page in dl.pages]
    board = io.BytesIO()
    render_pdf(dl, board, pdfx=None, overprint=pdfx is not None)
    # The sheets' own drawing: marks and labels, one page per tile, in the board's font (embedded, subset).
    font = _register(_fallback_font())
    furniture = io.BytesIO()
    canvas = Canvas(furniture, invariant=1, pageCompression=1, initialFontName=font)
    canvas.setTitle(dl.title or "")
    canvas.setCreator("comicboard")
    canvas.setProducer("comicboard")
    for pi, plan in enumerate(plans, 1):
        for tile in plan.tiles:
            _draw_sheet(canvas, plan, tile, font, pi if len(plans) > 1 else 0, dl.title,
                        small, pdfx is not None)
            canvas.showPage()
    with RL_LOCK:  # reportlab's settings are process-wide: see pdf.RL_LOCK
        canvas.save()
    _assemble(board, furniture, plans, dl, path, pdfx)  # an OSError (a full disk) is said by atomic_outputs


def _label(tile: Tile, page: int) -> str:
    return (f"p{page} " if page else "") + f"R{tile.row}-C{tile.col}"


def _draw_sheet(canvas: Canvas, plan: TilePlan, tile: Tile, font: str, page: int, title: str,
                small_pt: float = 8.0, overprint: bool = False) -> None:
    """The sheet's furniture, all in the band between EDGE_MM from the sheet's edge and the board area, which the
    printer reaches and the assembled poster never shows: cut marks at the board area's corners, alignment
    crosses flanking each overlap, the sheet's number and title, and a small map of the grid."""
    W, H, m = plan.sheet_w, plan.sheet_h, plan.margin
    edge = EDGE_MM * MM
    band = m - edge
    canvas.setPageSize((W, H))
    if overprint:
        canvas._code.append("/OPboth gs")  # everything here is 100 % K or white-free: black overprints, as the board's

    # Sheet coordinates of a board point (x, y down from the trim box's top-left).
    def sx(x: float) -> float:
        return m + x - tile.x

    def sy(y: float) -> float:
        return H - m - (y - tile.y)

    canvas.setStrokeColorCMYK(0, 0, 0, 1)
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setLineWidth(0.3)
    # Cut marks: the board area's corner lines, drawn in the band only.
    gap, length = 1 * MM, band - 1 * MM
    for x, y, dx, dy in ((m, m, -1, -1), (W - m, m, 1, -1), (m, H - m, -1, 1), (W - m, H - m, 1, 1)):
        canvas.line(x + dx * gap, y, x + dx * length, y)
        canvas.line(x, y + dy * gap, x, y + dy * length)
    # Alignment crosses: on the middle line of each overlap with a neighbour, in the band on both sides of the
    # board area. The neighbour draws them at the same board points, so they coincide when the sheets are laid
    # right; they sit in margins that are cut off or covered, never on the picture.
    o = plan.overlap
    r = min(2.5 * MM, band / 2 - 0.5 * MM)
    mid = band / 2 + edge  # the band's middle line, from the sheet's edge
    crosses = []
    for x in ([tile.x + o / 2] if tile.col > 1 else []) + ([tile.x + tile.w - o / 2] if tile.col < tile.cols else []):
        crosses += [(sx(x), H - mid), (sx(x), mid)]  # in the top and the bottom band
    for y in ([tile.y + o / 2] if tile.row > 1 else []) + ([tile.y + tile.h - o / 2] if tile.row < tile.rows else []):
        crosses += [(mid, sy(y)), (W - mid, sy(y))]  # in the left and the right band
    canvas.setLineWidth(0.35)
    for cx, cy in crosses:
        canvas.circle(cx, cy, r * 0.6)
        canvas.line(cx - r, cy, cx + r, cy)
        canvas.line(cx, cy - r, cx, cy + r)
    # The sheet's number, big enough to sort a pile of sheets, then the title and the grid map, in the bottom band
    # between the crosses (an overlap's crosses are o/2 from the board area's sides).
    label = _label(tile, page)
    size = max(LABEL_PT, small_pt)
    base = edge + 0.25 * size  # the descenders stay clear of the edge
    left = m + o + r + 1 * MM
    canvas.setFont(font, size)
    canvas.drawString(left, base, label)
    # The map: one cell per sheet, this one filled, as high as the band allows.
    cell_h, cell_w = (band - 2 * MM) / tile.rows, min(3 * MM, 40 * MM / tile.cols)
    gx, gy = W - m - o - r - 1 * MM - tile.cols * cell_w, edge + 1 * MM
    n = (tile.row - 1) * tile.cols + tile.col
    text, tx = f"{n}/{tile.rows * tile.cols} · {title}", left + canvas.stringWidth(label, font, size) + 3 * MM
    while text and tx + canvas.stringWidth(text, font, small_pt) > gx - 2 * MM:
        text = text[:-2] + "…" if len(text) > 1 else ""  # a long title is shortened to end before the map
    canvas.setFont(font, small_pt)
    canvas.drawString(tx, base, text)
    canvas.setLineWidth(0.3)
    for rr in range(tile.rows):
        for cc in range(tile.cols):
            here = (rr + 1, cc + 1) == (tile.row, tile.col)
            canvas.rect(gx + cc * cell_w, gy + (tile.rows - 1 - rr) * cell_h, cell_w, cell_h, stroke=1,
                        fill=int(here))


def _assemble(board: io.BytesIO, furniture: io.BytesIO, plans: list[TilePlan], dl: DisplayList,
              path: FilePath, pdfx: str | None) -> None:
    """Put the board page (one shared form XObject per board page) under each sheet's furniture."""
    board.seek(0)
    furniture.seek(0)
    with pikepdf.open(board) as src, pikepdf.open(furniture) as out:
        sheet = 0
        labels = pikepdf.Array()
        for pi, (plan, page) in enumerate(zip(plans, dl.pages, strict=True)):
            form = out.copy_foreign(src.pages[pi].as_form_xobject())
            b = page.bleed
            for tile in plan.tiles:
                target = out.pages[sheet]
                name = pikepdf.Name(f"/Board{pi + 1}")  # a fixed name (add_resource's are random): same bytes
                if pikepdf.Name.XObject not in target.Resources:
                    target.Resources[pikepdf.Name.XObject] = pikepdf.Dictionary()
                target.Resources[pikepdf.Name.XObject][name] = form
                # Board media point (u, v) → sheet: x = m + (u − b) − tile.x; y = H − m − (b + h − v − tile.y).
                tx = plan.margin - b - tile.x
                ty = plan.sheet_h - plan.margin - b - page.height + tile.y
                # Clip to the printable area, then to the board's trim box (the bleed is for print shops).
                under = (f"q {plan.margin:.3f} {plan.margin:.3f} {tile.w:.3f} {tile.h:.3f} re W n "
                         f"1 0 0 1 {tx:.3f} {ty:.3f} cm {b:.3f} {b:.3f} {page.width:.3f} {page.height:.3f} re W n "
                         f"{name} Do Q\n")
                target.contents_add(out.make_stream(under.encode()), prepend=True)
                target.TrimBox = pikepdf.Array(target.MediaBox)  # the sheet is the finished size: no bleed
                labels.extend([sheet, pikepdf.Dictionary(P=_label(tile, pi + 1 if len(plans) > 1 else 0))])
                sheet += 1
        out.Root.PageLabels = pikepdf.Dictionary(Nums=labels)
        # Printed at 100 %: a viewer's default "fit to page" would shrink the sheets and they would stop lining up.
        out.Root.ViewerPreferences = pikepdf.Dictionary(PrintScaling=pikepdf.Name.None_)
        sheets = io.BytesIO()
        out.save(sheets, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    # PDF/X like the board itself (OutputIntent, markers, ID): a copy shop's RIP reads the sheets' colours right;
    # the board's metadata and language either way.
    from .pdf import doc_info
    from .pdfx import finish

    finish(sheets.getvalue(), path, version=pdfx, info=doc_info(dl))
