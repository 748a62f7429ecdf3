"""Re-render the README pictures in docs/ from the examples: `python tools/docs_pictures.py`.

The crops are found from the layout (a procedure's card), not from fixed pixel positions, so they follow
the layout when it changes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PIL import Image

import comicboard as cb

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _card(lay: cb.Layout, number: int) -> tuple[int, tuple[float, float, float, float]]:
    """(index of the sheet, box) of a procedure's card."""
    return next((i, it.bbox) for i, page in enumerate(lay.pages) for it in page.items
                if getattr(it, "kind", "") == "card" and it.extra.get("procedure_number") == number)


def _pngs(board: cb.Board, folder: Path, dpi: int) -> list[Path]:
    """Render the board's sheets: board.png for one, board-1.png, board-2.png, ... for several."""
    cb.render(board, folder / "board.png", dpi=dpi)
    return [folder / "board.png"] if (folder / "board.png").exists() else sorted(
        folder.glob("board-*.png"), key=lambda p: int(p.stem.split("-")[1]))


def _crop(spec: str, number: int, out: str, dpi: int = 150) -> None:
    board = cb.load(ROOT / "examples" / spec)
    lay = cb.layout(board)
    sheet, (x, y, w, h) = _card(lay, number)
    with tempfile.TemporaryDirectory() as tmp:
        png = _pngs(board, Path(tmp), dpi)[sheet]
        scale = dpi / 72
        with Image.open(png) as im:
            bleed = (im.width - lay.pages[0].width * scale) / 2  # the PNG shows the trim box only, or trim + bleed
            box = tuple(round(v * scale + bleed) for v in (x - 4, y - 4, x + w + 4, y + h + 4))
            im.crop(box).save(DOCS / out, optimize=True)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    board = cb.load(ROOT / "examples" / "gongrenjie.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        sheets = [Image.open(p) for p in _pngs(board, Path(tmp), 24)]
        # Every sheet of the board, four to a row, as they would hang side by side.
        w, h, gap = sheets[0].width, sheets[0].height, 8
        per_row = min(4, len(sheets))
        rows = -(-len(sheets) // per_row)
        wall = Image.new("RGB", (per_row * w + (per_row - 1) * gap, rows * h + (rows - 1) * gap), "white")
        for i, im in enumerate(sheets):
            wall.paste(im, ((i % per_row) * (w + gap), (i // per_row) * (h + gap)))
        wall.save(DOCS / "gongrenjie.png", optimize=True)
    _crop("gongrenjie.yaml", 1, "gongrenjie-detail.png")
    _crop("ja-tategaki.yaml", 2, "tategaki-detail.png")
    for name in ("gongrenjie.png", "gongrenjie-detail.png", "tategaki-detail.png"):
        print(DOCS / name, Image.open(DOCS / name).size)


if __name__ == "__main__":
    main()
