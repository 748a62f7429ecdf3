"""Small flat icons for step props (document, stamp, ID card, phone, clock), drawn inside a given box."""

from __future__ import annotations

from ..color import Color
from ..display import Path, PathPen

PROPS = ("document", "stamp", "id_card", "phone", "clock")
OUTLINE = Color.cmyk(0, 0, 0, 85)
_C = Color.parse


def prop_paths(name: str, x: float, y: float, w: float, h: float, *, stroke: Color = OUTLINE) -> list[Path]:
    """Icon `name` in the largest square centred in (x, y, w, h); outline width scales with it."""
    if name not in PROPS:
        raise ValueError(f"unknown prop {name!r}; use one of {', '.join(PROPS)}")
    s = min(w, h)
    ox, oy = x + (w - s) / 2, y + (h - s) / 2
    lw = max(0.5, 0.05 * s)
    m = lw / 2  # keep strokes inside the square

    def P(pen: PathPen, fill: Color | None, width: float = lw) -> Path:  # noqa: N802 - reads like a constructor
        return Path(tuple(pen.ops), fill=fill, stroke=stroke, stroke_width=width)

    def u(a: float, b: float) -> tuple[float, float]:  # unit square → box
        return ox + m + a * (s - 2 * m), oy + m + b * (s - 2 * m)

    def line(a: float, b: float, c: float, d: float) -> PathPen:
        return PathPen().move(*u(a, b)).line(*u(c, d))

    k = s - 2 * m
    if name == "document":  # a page with a folded corner and text lines
        page = PathPen().move(*u(0.18, 0)).line(*u(0.62, 0)).line(*u(0.82, 0.2)).line(*u(0.82, 1))
        page.line(*u(0.18, 1)).close()
        fold = PathPen().move(*u(0.62, 0)).line(*u(0.62, 0.2)).line(*u(0.82, 0.2))
        rows = PathPen()
        for i in range(4):
            rows.move(*u(0.3, 0.38 + 0.14 * i)).line(*u(0.7 if i < 3 else 0.55, 0.38 + 0.14 * i))
        return [P(page, _C("#FFFFFF")), P(fold, None), P(rows, None, lw * 0.7)]
    if name == "stamp":  # an official red seal: handle, base, and its round print
        seal = P(PathPen().ellipse(*u(0.5, 0.84), 0.42 * k, 0.14 * k), _C("#F4D4D4"))
        ring = Path(tuple(PathPen().ellipse(*u(0.5, 0.84), 0.3 * k, 0.09 * k).ops), stroke=_C("#D7262E"),
                    stroke_width=lw * 0.8)
        base = P(PathPen().round_rect(*u(0.22, 0.52), 0.56 * k, 0.18 * k, 0.04 * k), _C("#D7262E"))
        handle = P(PathPen().round_rect(*u(0.4, 0.22), 0.2 * k, 0.32 * k, 0.05 * k), _C("#8B5A2B"))
        knob = P(PathPen().ellipse(*u(0.5, 0.16), 0.16 * k, 0.14 * k), _C("#8B5A2B"))
        return [seal, ring, handle, knob, base]
    if name == "id_card":  # a card with a portrait and lines
        card = P(PathPen().round_rect(*u(0, 0.2), k, 0.6 * k, 0.06 * k), _C("#DCEAF7"))
        face = P(PathPen().ellipse(*u(0.26, 0.45), 0.1 * k, 0.11 * k), _C("#FCDDC0"))
        body = P(PathPen().move(*u(0.1, 0.7)).curve(*u(0.12, 0.56), *u(0.4, 0.56), *u(0.42, 0.7)).close(),
                 _C("#3E7CB1"))
        rows = PathPen()
        for i in range(3):
            rows.move(*u(0.52, 0.38 + 0.12 * i)).line(*u(0.88, 0.38 + 0.12 * i))
        return [card, face, body, P(rows, None, lw * 0.7)]
    if name == "phone":  # a handset-shaped mobile phone
        shell = P(PathPen().round_rect(*u(0.25, 0), 0.5 * k, k, 0.08 * k), _C("#3A4A63"))
        screen = P(PathPen().round_rect(*u(0.31, 0.1), 0.38 * k, 0.7 * k, 0.03 * k), _C("#BFE3F7"), lw * 0.6)
        button = P(PathPen().ellipse(*u(0.5, 0.9), 0.05 * k, 0.05 * k), _C("#FFFFFF"), lw * 0.6)
        return [shell, screen, button]
    # clock: office hours
    face = P(PathPen().ellipse(*u(0.5, 0.5), 0.5 * k, 0.5 * k), _C("#FFFFFF"))
    hands = line(0.5, 0.5, 0.5, 0.2)
    hands.move(*u(0.5, 0.5)).line(*u(0.72, 0.6))
    return [face, P(hands, None, lw * 1.2)]
