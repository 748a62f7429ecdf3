"""Colour, modelled once and CMYK-first for print, with one documented conversion to sRGB for screens.

Conversion goes through ICC profiles (comicboard.icc: sRGB ↔ the bundled FOGRA39-based CMYK output profile,
relative colorimetric with black-point compensation; neutral greys become black ink only). A spec's RGB colour
is separated once, when parsed; screens get the CMYK back through the same profile, so a PNG looks like the print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
MAX_INK = 3.0  # total area coverage a print shop accepts, as a fraction (300 %)


class InkLimitError(ValueError):
    """A CMYK colour with more total ink than MAX_INK: a shop's preflight rejects it (the ink does not dry)."""


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
        from .icc import rgb_to_cmyk  # lazy: Pillow's colour engine loads only when RGB is actually given

        return cls(*rgb_to_cmyk(r, g, b), (r, g, b))

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
                if sum(vals) > 100 * MAX_INK + 1e-6:
                    raise InkLimitError(f"{s} is {sum(vals):g} % total ink, more than the {100 * MAX_INK:g} % "
                                        "print shops accept")
                return cls.cmyk(*vals)
        raise ValueError(f"not a colour: {text!r}; write '#RRGGBB' or 'cmyk(C,M,Y,K)' with 0–100 values")

    def to_rgb(self) -> tuple[int, int, int]:
        """sRGB as the CMYK will print (through the output profile; the spec's RGB is not reused)."""
        from .icc import cmyk_to_rgb

        return cmyk_to_rgb(self.c, self.m, self.y, self.k)

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
        k = min(1.0, self.k + (1 - self.k) * amount)
        c, m, y = self.c, self.m, self.y
        cmy = c + m + y
        if cmy + k > MAX_INK and cmy > 0:  # more black takes colour ink away, so the total stays printable
            f = max(0.0, MAX_INK - k) / cmy
            c, m, y = c * f, m * f, y * f
        return Color(c, m, y, k, rgb)  # type: ignore[arg-type]

    def hex(self) -> str:
        """sRGB as the colour will print (for screens and reports; parsing it back separates it again)."""
        return "#{:02X}{:02X}{:02X}".format(*self.to_rgb())

    def spec(self) -> str:
        """'cmyk(…)' that Color.parse reads back to these very ink values: how layout hands a colour to paint, so
        a shop's cmyk() stays as given and an RGB colour is separated once, not again through its soft proof."""
        return "cmyk({})".format(",".join(f"{100 * v:.10g}" for v in (self.c, self.m, self.y, self.k)))


BLACK = Color(0, 0, 0, 1)
WHITE = Color(0, 0, 0, 0)
