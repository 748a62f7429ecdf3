"""Write display-list pages as SVG: text stays text (searchable, selectable) in a subset of its font, embedded.

Split like the other backends: shape (paths), text (glyph runs), image (pictures), page (paint in order). The
page is the trim box in points (viewBox), on paper white, like the PNG. Each glyph run is one <text> with one x
per character, in the font subsets (WOFF, data: URLs) the page embeds, so the browser places exactly what layout
decided. Outlines drawn for text (vertical forms, sideways Latin) carry their characters as invisible text over
the shape. Numbers are rounded to 1/100 pt and fonts are numbered in order of use: same input, same bytes.
"""

from __future__ import annotations

import base64
import io
import math
import re
from functools import lru_cache
from pathlib import Path as FilePath
from xml.sax.saxutils import escape, quoteattr

from ..color import Color
from ..display import DisplayList, GlyphRun, Image, Page, Path
from ..errors import RenderError


def write(dl: DisplayList, paths: list[FilePath], *, dpi: float = 150, **_: object) -> None:
    """Backend entry point: page i of `dl` goes to paths[i] (dpi does not apply to SVG)."""
    for page, path in zip(dl.pages, paths, strict=True):
        data = page_svg(page, title=dl.title, lang=dl.lang).encode("utf-8")
        try:
            FilePath(path).write_bytes(data)
        except OSError as exc:
            raise RenderError(f"cannot write {path}: {exc.strerror or exc}") from exc


def page_svg(page: Page, *, title: str = "", lang: str = "") -> str:
    """One page as a standalone SVG document."""
    parts = page_parts(page, title=title, lang=lang)
    style = f"<defs><style>{''.join(parts['faces'])}</style></defs>" if parts["faces"] else None
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', parts["open"], *parts["items"][:1],
                      *([style] if style else []), *parts["items"][1:], "</svg>", ""])


def page_parts(page: Page, *, title: str = "", lang: str = "") -> dict[str, object]:
    """The page's SVG in pieces: `open` (the <svg> tag), `faces` (@font-face rules) and `items` (one element each:
    the title, paper white, then the display items in painting order). The preview patches only changed pieces."""
    fonts = _FontTable(page)
    w, h = num(page.width), num(page.height)
    items = [f"<title>{escape(title)}</title>"] if title else ["<title></title>"]
    items.append(f'<rect width="{w}" height="{h}" fill="#FFFFFF"/>')  # paper white, as the PNG
    for item in page.items:
        if isinstance(item, Path):
            items.append(_shape(item))
            if item.text:
                items.append(_outline_text(item))
        elif isinstance(item, GlyphRun):
            items.append(_text(item, fonts.family(item.font)))
        elif isinstance(item, Image):
            items.append(_image(item))
        else:
            raise RenderError(f"cannot draw display item of type {type(item).__name__}")
    opening = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
               f'width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" xml:space="preserve"'
               + (f" xml:lang={quoteattr(lang)}" if lang else "") + ">")
    return {"open": opening, "faces": fonts.rules(), "items": [i for i in items if i]}


def num(v: float) -> str:
    """A coordinate rounded to 1/100 pt (0.04 px at 300 dpi), without trailing zeros or a negative zero.

    Called for every coordinate of every path (a hundred thousand on a large board): kept to one formatting."""
    text = f"{v:.2f}"
    if text.endswith("0"):
        text = text[:-3] if text.endswith(".00") else text[:-1]
    return "0" if text == "-0" else text


@lru_cache(maxsize=1024)
def _hex(color: Color) -> str:
    return "#{:02X}{:02X}{:02X}".format(*color.to_rgb())


# --- shape --------------------------------------------------------------------------------------------


_OP_FORMAT = {"M": "M%.2f %.2f", "L": "L%.2f %.2f", "C": "C%.2f %.2f %.2f %.2f %.2f %.2f", "Z": "Z"}
_TRAILING = re.compile(r"\.00(?![0-9])|(\.[0-9])0(?![0-9])")
_MINUS_ZERO = re.compile(r"(?<![0-9.])-0(?![0-9.])")


def path_data(ops: tuple) -> str:
    """SVG path data, numbers as `num` writes them (one format per operation, then zeros trimmed at once)."""
    try:
        text = "".join(_OP_FORMAT[op[0]] % op[1:] for op in ops)  # noqa: UP031 - one C call per operation
    except (KeyError, TypeError) as exc:
        raise RenderError(f"bad path operation in display list: {exc}") from exc
    return _MINUS_ZERO.sub("0", _TRAILING.sub(r"\1", text))


# Items are frozen values and an edited board repeats almost all of them (layout memoises its plans), so their
# markup is memoised too: the preview redraws a board after a one-word change from this cache but for that word.
ITEM_CACHE = 16_384


@lru_cache(maxsize=ITEM_CACHE)
def _shape(item: Path) -> str:
    fill = item.fill is not None
    stroke = item.stroke is not None and item.stroke_width > 0
    if not (fill or stroke) or not item.ops:
        return ""
    attrs = [f'd="{path_data(item.ops)}"', f'fill="{_hex(item.fill)}"' if fill else 'fill="none"']
    if fill:
        attrs.append('fill-rule="evenodd"')  # as the PDF (f*) and the PNG fill
    if stroke:
        assert item.stroke is not None
        attrs.append(f'stroke="{_hex(item.stroke)}" stroke-width="{num(item.stroke_width)}"')
        # round_joins: a soft, hand-drawn line with round joins and caps, as in the PDF and the PNG.
        attrs.append('stroke-linejoin="round" stroke-linecap="round"' if item.round_joins
                     else 'stroke-linejoin="miter" stroke-miterlimit="10"')
        if item.dash is not None:
            attrs.append(f'stroke-dasharray="{num(item.dash[0])} {num(item.dash[1])}"')
    return f"<path {' '.join(attrs)}/>"


def _bounds(ops: tuple) -> tuple[float, float, float, float] | None:
    xs = [v for op in ops for v in op[1::2]]
    ys = [v for op in ops for v in op[2::2]]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


@lru_cache(maxsize=ITEM_CACHE)
def _outline_text(item: Path) -> str:
    """The characters an outline stands for, invisible over it: found by search, copied with a selection."""
    box = _bounds(item.ops)
    if box is None:
        return ""
    x0, y0, x1, y1 = box
    h = max(y1 - y0, 0.1)  # the text spans the shape's box, so a selection highlights the shape
    return (f'<text x="{num(x0)}" y="{num(y0 + 0.88 * h)}" font-size="{num(h)}" textLength="{num(max(x1 - x0, 0.1))}" '
            f'lengthAdjust="spacingAndGlyphs" font-family="sans-serif" fill-opacity="0">{escape(item.text)}</text>')


# --- text ---------------------------------------------------------------------------------------------


CHUNK = 1024  # code points per embedded font slice: CJK ideographs fall in about 21 of them


class _FontTable:
    """Fonts in order of first use on the page, each embedded as subsets of the characters it sets, one per slice
    of CHUNK code points (with its unicode-range): a word added to a board re-subsets one small slice, not all."""

    def __init__(self, page: Page) -> None:
        self.chars: dict[str, set[str]] = {}
        for item in page.items:
            if isinstance(item, GlyphRun):
                self.chars.setdefault(item.font, set()).update(item.text)
        self.names = {font: f"cb{i}" for i, font in enumerate(self.chars)}

    def family(self, font: str) -> str:
        return self.names[font]

    def rules(self) -> list[str]:
        rules = []
        for font, chars in self.chars.items():
            slices: dict[int, list[str]] = {}
            for ch in sorted(chars):
                slices.setdefault(ord(ch) // CHUNK, []).append(ch)
            for first, part in slices.items():
                rules.append(_face(self.names[font], font, "".join(part), first * CHUNK))
        return rules


def _face(family: str, font: str, chars: str, start: int) -> str:
    from .webfont import woff_subset

    data = base64.b64encode(woff_subset(font, chars)).decode("ascii")
    return (f'@font-face{{font-family:"{family}";unicode-range:U+{start:X}-{start + CHUNK - 1:X};'
            f'src:url(data:font/woff;base64,{data}) format("woff");}}')


@lru_cache(maxsize=ITEM_CACHE)
def _text(run: GlyphRun, family: str) -> str:
    """One <text> per run, one x per character: the browser draws cmap glyphs where layout put them."""
    if len(run.xs) != len(run.text):
        raise RenderError(f"glyph run {run.text!r} has {len(run.xs)} positions for {len(run.text)} characters",
                          hint="a display-list bug: layout must give one x per character")
    if not run.text.strip():
        return ""
    attrs = (f'font-family="{family}" font-size="{num(run.size)}" fill="{_hex(run.color)}" '
             f'y="{num(run.baseline)}"')
    if all(ord(ch) <= 0xFFFF for ch in run.text):
        xs = " ".join(num(x) for x in run.xs)
        return f'<text {attrs} x="{xs}">{escape(run.text)}</text>'
    # Outside the BMP, browsers count an x per UTF-16 unit (SVG 1.1) or per character (SVG 2): one tspan each.
    spans = "".join(f'<tspan x="{num(x)}">{escape(ch)}</tspan>' for ch, x in zip(run.text, run.xs, strict=True))
    return f"<text {attrs}>{spans}</text>"


# --- image --------------------------------------------------------------------------------------------

PICTURE_PPI = 300  # a picture is embedded at no more than this resolution at its drawn size


def _image(item: Image) -> str:
    """A cast picture as a PNG data: URL, through the print profile and back like the PNG shows it."""
    from PIL import Image as PILImage

    from ..icc import cmyk_to_srgb_image, srgb_to_cmyk_image
    from ..pictures import load_rgba

    if item.w <= 0 or item.h <= 0:
        return ""
    pic = load_rgba(item.path)
    most = (max(1, math.ceil(item.w / 72 * PICTURE_PPI)), max(1, math.ceil(item.h / 72 * PICTURE_PPI)))
    if pic.width > most[0] or pic.height > most[1]:
        pic = pic.copy()
        pic.thumbnail(most, PILImage.Resampling.LANCZOS)
    shown = cmyk_to_srgb_image(srgb_to_cmyk_image(pic)).convert("RGBA")
    shown.putalpha(pic.getchannel("A"))
    buf = io.BytesIO()
    shown.save(buf, format="PNG", compress_level=6)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f'<image x="{num(item.x)}" y="{num(item.y)}" width="{num(item.w)}" height="{num(item.h)}" '
            f'preserveAspectRatio="none" xlink:href="data:image/png;base64,{data}"/>')
