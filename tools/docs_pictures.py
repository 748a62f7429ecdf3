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


def _card(lay: cb.Layout, number: int) -> tuple[float, float, float, float]:
    return next(it.bbox for it in lay.pages[0].items
                if getattr(it, "kind", "") == "card" and it.extra.get("procedure_number") == number)


def _crop(spec: str, number: int, out: str, dpi: int = 150) -> None:
    board = cb.load(ROOT / "examples" / spec)
    lay = cb.layout(board)
    x, y, w, h = _card(lay, number)
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "board.png"
        cb.render(board, png, dpi=dpi)
        scale = dpi / 72
        with Image.open(png) as im:
            bleed = (im.width - lay.pages[0].width * scale) / 2  # the PNG shows the trim box only, or trim + bleed
            box = tuple(round(v * scale + bleed) for v in (x - 4, y - 4, x + w + 4, y + h + 4))
            im.crop(box).save(DOCS / out, optimize=True)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    board = cb.load(ROOT / "examples" / "gongrenjie.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "board.png"
        cb.render(board, png, dpi=40)
        Image.open(png).save(DOCS / "gongrenjie.png", optimize=True)
    _crop("gongrenjie.yaml", 1, "gongrenjie-detail.png")
    _crop("ja-tategaki.yaml", 2, "tategaki-detail.png")
    for name in ("gongrenjie.png", "gongrenjie-detail.png", "tategaki-detail.png"):
        print(DOCS / name, Image.open(DOCS / name).size)


if __name__ == "__main__":
    main()
