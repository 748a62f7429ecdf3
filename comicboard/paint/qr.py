"""QR codes as vector paths: one path of module squares, black on a white quiet zone (segno encodes)."""

from __future__ import annotations

from ..color import Color
from ..display import Path, PathPen


def qr_paths(url: str, x: float, y: float, size: float) -> list[Path]:
    """A QR code for `url` filling the square (x, y, size); the quiet zone (2 modules) is inside the box.

    segno is a pure-Python, well-kept encoder with no image dependency; we draw its matrix ourselves so
    the code is vector in the PDF and identical in the PNG. Error correction M survives print and glare.
    """
    import segno

    matrix = segno.make(url, error="m", micro=False).matrix
    n = len(matrix)
    quiet = 2
    m = size / (n + 2 * quiet)
    ink = Color(0, 0, 0, 1)  # 100% K only: one plate, no registration trouble on small modules
    pen = PathPen()
    for row, bits in enumerate(matrix):
        col = 0
        while col < n:
            if bits[col]:
                start = col
                while col < n and bits[col]:
                    col += 1
                # One rectangle per horizontal run keeps the path small; runs never overlap.
                pen.rect(x + (quiet + start) * m, y + (quiet + row) * m, (col - start) * m, m)
            else:
                col += 1
    back = Path(tuple(PathPen().rect(x, y, size, size).ops), fill=Color(0, 0, 0, 0))
    return [back, Path(tuple(pen.ops), fill=ink)]
