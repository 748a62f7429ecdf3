"""Board colours and line weights, defined in CMYK for print (sRGB for screens follows from comicboard.color)."""

from __future__ import annotations

from ..color import Color

THEME: dict[str, Color] = {
    "ink": Color.cmyk(0, 0, 0, 100),  # text and outlines: solid black ink only (no screen, no rich black)
    "paper": Color.cmyk(0, 0, 0, 0),
    "page": Color.cmyk(0, 3, 10, 0),  # warm cream background
    "banner": Color.cmyk(0, 95, 85, 10),  # community red
    "accent": Color.cmyk(0, 15, 75, 0),  # gold
    "card": Color.cmyk(0, 0, 0, 0),
    "caption": Color.cmyk(0, 4, 28, 0),  # narration boxes: pale yellow
    "bubble": Color.cmyk(0, 0, 0, 0),
    "footer": Color.cmyk(0, 95, 85, 35),
}


def color(name: str) -> Color:
    """A theme colour by name, or a '#hex' / 'cmyk()' string as given."""
    if name in THEME:
        return THEME[name]
    return Color.parse(name)
