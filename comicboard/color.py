"""Colour, modelled once and CMYK-first for print, with one documented conversion to sRGB for screens.

Conversion (v1): the naive device formula R = 255·(1−C)·(1−K) and its inverse, with K taken as
1 − max(R, G, B). It is exact for the pure inks and greys and deterministic; ICC-managed conversion
belongs to print production and replaces this function without changing callers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_CMYK = re.compile(r"^cmyk\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$", re.I)


@dataclass(frozen=True, slots=True)
class Color:
    """A process colour: c, m, y, k in 0..1. `rgb` holds the sRGB a spec gave, if any."""

    c: float
    m: float
    y: float
    k: float
    rgb_source: tuple[int, int, int] | None = None

    @classmethod
    def cmyk(cls, c: float, m: float, y: float, k: float) -> Color:
        """From percentages 0..100, as print people write them."""
        return cls(c / 100, m / 100, y / 100, k / 100)

    @classmethod
    def gray(cls, k_percent: float) -> Color:
        return cls(0, 0, 0, k_percent / 100)

    @classmethod
    def from_rgb(cls, r: int, g: int, b: int) -> Color:
        rf, gf, bf = r / 255, g / 255, b / 255
        k = 1 - max(rf, gf, bf)
        if k >= 1:
            return cls(0, 0, 0, 1, (r, g, b))
        c = (1 - rf - k) / (1 - k)
        m = (1 - gf - k) / (1 - k)
        y = (1 - bf - k) / (1 - k)
        return cls(round(c, 4), round(m, 4), round(y, 4), round(k, 4), (r, g, b))

    @classmethod
    def parse(cls, text: str) -> Color:
        """'#C8102E', '#c12', or 'cmyk(0,100,90,10)'; raises ValueError with the accepted forms."""
        s = str(text).strip()
        if m := _HEX.match(s):
            h = m.group(1)
            if len(h) == 3:
                h = "".join(ch * 2 for ch in h)
            return cls.from_rgb(int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))
        if m := _CMYK.match(s):
            vals = [float(v) for v in m.groups()]
            if all(0 <= v <= 100 for v in vals):
                return cls.cmyk(*vals)
        raise ValueError(f"not a colour: {text!r}; write '#RRGGBB' or 'cmyk(C,M,Y,K)' with 0–100 values")

    def to_rgb(self) -> tuple[int, int, int]:
        if self.rgb_source is not None:
            return self.rgb_source
        return (
            round(255 * (1 - self.c) * (1 - self.k)),
            round(255 * (1 - self.m) * (1 - self.k)),
            round(255 * (1 - self.y) * (1 - self.k)),
        )

    def lighter(self, amount: float) -> Color:
        """Tint towards paper white: amount 0 keeps the colour, 1 gives white."""
        f = 1 - amount
        rgb = None
        if self.rgb_source is not None:
            rgb = tuple(round(v + (255 - v) * amount) for v in self.rgb_source)  # type: ignore[assignment]
        return Color(self.c * f, self.m * f, self.y * f, self.k * f, rgb)  # type: ignore[arg-type]

    def darker(self, amount: float) -> Color:
        rgb = None
        if self.rgb_source is not None:
            rgb = tuple(round(v * (1 - amount)) for v in self.rgb_source)  # type: ignore[assignment]
        return Color(self.c, self.m, self.y, min(1.0, self.k + (1 - self.k) * amount), rgb)  # type: ignore[arg-type]

    def hex(self) -> str:
        return "#{:02X}{:02X}{:02X}".format(*self.to_rgb())


BLACK = Color(0, 0, 0, 1)
WHITE = Color(0, 0, 0, 0)
