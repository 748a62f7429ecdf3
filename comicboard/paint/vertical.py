"""Paint a vertical line (a column): upright glyphs as glyph runs, vertical forms and sideways Latin as outlines.

Layout fixed every cell (`pagelayout.geometry.Line.cells`); this only turns cells into display items. Glyphs
with no code point of their own (a `vert` form such as the vertical ー) and rotated Latin runs are drawn from
the font's outlines, so the PDF and the PNG show the same shapes.
"""

from __future__ import annotations

from fontTools.pens.basePen import BasePen

from ..color import BLACK, Color
from ..display import GlyphRun, Path, PathPen
from ..fonts import Face, FontSet
from ..pagelayout.geometry import Line, TextBlock

_FLAT_FIT = 1.0  # em: a tate-chū-yoko number wider than this is set smaller to fit the column


class _Outline(BasePen):
    """Glyph outline (font units, y up) → display path ops through a transform; quadratics become cubics."""

    def __init__(self, glyphset: object, transform) -> None:  # noqa: ANN001 - (x, y) → (x, y)
        super().__init__(glyphset)
        self.pen = PathPen()
        self.t = transform

    def _moveTo(self, p):  # noqa: ANN001, N802 - fontTools pen protocol
        self.pen.move(*self.t(p))

    def _lineTo(self, p):  # noqa: ANN001, N802
        self.pen.line(*self.t(p))

    def _curveToOne(self, p1, p2, p3):  # noqa: ANN001, N802
        self.pen.curve(*self.t(p1), *self.t(p2), *self.t(p3))

    def _closePath(self):  # noqa: N802
        self.pen.close()

    def _endPath(self):  # noqa: N802
        self.pen.close()


def _outline(face: Face, glyph: str, transform) -> tuple:  # noqa: ANN001
    pen = _Outline(None, transform)
    face.draw_glyph(glyph, pen)
    return tuple(pen.pen.ops)


def _real_text(ch: str, x0: float, top: float, size: float, fonts: FontSet, block: TextBlock) -> GlyphRun | None:
    """The character an outline shows, as an upright glyph in its one-em cell of the column (the PDF sets it
    invisibly, so a column reads top to bottom in copy and search); None if no font has the character."""
    face = fonts.face_for(ch, block.role)
    if face is None:
        return None
    w = face.advance(ch) * size
    asc = face.ascender / max(face.ascender - face.descender, 1e-6)
    return GlyphRun(ch, (x0 + (size - w) / 2,), top + asc * size, face.path, size, BLACK)


def column_items(line: Line, block: TextBlock, fonts: FontSet, color: Color) -> list[GlyphRun | Path]:
    size = block.font_size
    x0, y0 = line.bbox[0], line.bbox[1]
    out: list[GlyphRun | Path] = []
    pos = 0
    for mode, draw, y, shift in line.cells:
        top = y0 + y + shift
        if mode == "space":
            pos += 1
            continue
        src = line.text[pos] if pos < len(line.text) else draw[:1]
        face = fonts.face_for(src, block.role) or fonts.main(block.role)
        asc = face.ascender / max(face.ascender - face.descender, 1e-6)
        upem = face.units_per_em
        if mode == "glyph":
            gface = fonts.face_for(draw, block.role) or face
            w = gface.advance(draw) * size
            out.append(GlyphRun(draw, (x0 + (size - w) / 2,), top + asc * size, gface.path, size, color))
            pos += 1
        elif mode == "outline":
            def t(p, x0=x0, top=top, upem=upem, asc=asc):  # noqa: ANN001, ANN202
                return x0 + p[0] / upem * size, top + (asc - p[1] / upem) * size
            out.append(Path(_outline(face, draw, t), fill=color, text=src,
                            glyphs=_real_text(src, x0, top, size, fonts, block)))
            pos += 1
        elif mode == "tcy":
            width = sum(face.advance(c) for c in draw)
            sz = size * min(1.0, _FLAT_FIT / max(width, 1e-6))
            left = x0 + (size - width * sz) / 2
            xs, pen = [], left
            for c in draw:
                xs.append(pen)
                pen += face.advance(c) * sz
            # Centred in its one-em cell: the smaller size sits in the middle of the em, not on its baseline.
            base = top + (size - sz) / 2 + asc * sz
            out.append(GlyphRun(draw, tuple(xs), base, face.path, sz, color))
            pos += len(draw)
        else:  # sideways: rotated 90° clockwise, each glyph's top towards the right of the column
            mid = (face.ascender + face.descender) / 2
            pen = 0.0
            for c in draw:
                cface = fonts.face_for(c, block.role) or face
                glyph = cface.cmap.get(ord(c))
                if glyph is not None and not c.isspace():
                    def t(p, pen=pen, cu=cface.units_per_em, mid=mid, top=top):  # noqa: ANN001, ANN202
                        return x0 + size / 2 + (p[1] / cu - mid) * size, top + (pen + p[0] / cu) * size
                    out.append(Path(_outline(cface, glyph, t), fill=color, text=c,
                                    glyphs=_real_text(c, x0, top + pen * size, size, fonts, block)))
                pen += cface.advance(c)
            pos += len(draw)
    return out
