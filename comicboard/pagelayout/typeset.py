"""Set text into lines once: break with the text engine, then fix every character's pen position.

Everything that draws text later (both renderers) uses these positions unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..fonts import FontSet
from ..text import break_lines
from .geometry import Box, Line, TextBlock

LEADING = 1.3  # line pitch as a multiple of the font size


@dataclass(frozen=True)
class Setter:
    """What every text block of one board shares: fonts and language."""

    fonts: FontSet
    lang: str

    def lines_for(self, text: str, max_w: float, size: float, role: str = "regular") -> list[str]:
        """Break `text` to fit `max_w` points at `size` (a unit wider than the line stays whole)."""
        return break_lines(text, max(max_w / size, 1.0), lang=self.lang, fontset=self.fonts, role=role)

    def width(self, text: str, size: float, role: str = "regular") -> float:
        return self.fonts.width(text.rstrip(" "), role) * size

    def widest(self, lines: list[str], size: float, role: str = "regular") -> float:
        return max((self.width(ln, size, role) for ln in lines), default=0.0)

    def measure(self, text: str, max_w: float, size: float, role: str = "regular") -> tuple[list[str], float, float]:
        """Lines, their widest width, and the block height, for `text` in a column `max_w` wide."""
        lines = self.lines_for(text, max_w, size, role)
        return lines, self.widest(lines, size, role), len(lines) * size * LEADING

    def block(self, kind: str, lines: list[str], box: Box, size: float, *, role: str = "regular",
              align: str = "left", valign: str = "top", color: str = "ink", where: str = "") -> TextBlock:
        """Place already-broken `lines` in `box`; returns a TextBlock whose lines lie inside the box."""
        x0, y0, w, h = box
        pitch = size * LEADING
        total = len(lines) * pitch
        top = y0 + {"top": 0.0, "middle": (h - total) / 2, "bottom": h - total}[valign]
        top = max(top, y0)
        face = self.fonts.main(role)
        # Centre the em box (ascender − descender = 1 em for CJK faces) in the line pitch.
        asc = face.ascender / max(face.ascender - face.descender, 1e-6)
        out: list[Line] = []
        for i, text in enumerate(lines):
            text = text.rstrip(" ")
            lw = self.width(text, size, role)
            if align == "center":
                lx = x0 + (w - lw) / 2
            elif align == "right":
                lx = x0 + w - lw
            else:
                lx = x0
            lx = max(lx, x0)
            ly = top + i * pitch
            xs: list[float] = []
            pen = lx
            for ch in text:
                xs.append(pen)
                pen += self.fonts.advance(ch, role) * size
            baseline = ly + (pitch - size) / 2 + asc * size
            out.append(Line(text, (lx, ly, lw, pitch), baseline, tuple(xs)))
        return TextBlock(kind, box, size, out, role=role, color=color, where=where)
