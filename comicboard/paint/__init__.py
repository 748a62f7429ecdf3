"""Transform laid-out geometry into a display list: backgrounds, frames, figures, bubbles and glyph runs.

Painting never measures or breaks text: it turns each set line into glyph runs at the positions layout chose.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING

from ..art import badge_paths, bubble_paths, caption_box_paths, draw_figure
from ..display import DisplayList, GlyphRun, Image, Item, Page, Path, PathPen, Use
from ..fonts import FontSet
from ..pagelayout.geometry import Bubble, Figure, Panel, Shape, TextBlock
from .inklines import printable
from .theme import Theme, load_theme
from .vertical import column_items

if TYPE_CHECKING:
    from ..pagelayout import Layout

# Paint order by kind; items of equal rank keep layout order.
Z = {"banner": 0, "footer_band": 0, "category_band": 1, "card": 1, "title_bar": 2, "details_box": 2,
     "number_badge": 3, "panel": 3, "arrow": 3, "qr": 3, "scene": 3.5, "counter": 4, "figure": 4, "icon": 4,
     "bubble": 5, "caption_box": 5, "badge": 6}


def paint(lay: Layout) -> DisplayList:
    theme = load_theme(lay.board.theme)
    pages = []
    for pg in lay.pages:
        page = Page(pg.width, pg.height, bleed=pg.bleed)
        b = pg.bleed
        page.items.append(Path(tuple(PathPen().rect(-b, -b, pg.width + 2 * b, pg.height + 2 * b).ops),
                               fill=theme.color("page")))
        ordered = sorted(pg.items, key=lambda it: Z.get(it.kind, 7))
        for it in ordered:
            page.items.extend(_paint_item(it, lay.fonts, theme))
        page.items = printable(page.items)
        pages.append(page)
    b = lay.board
    return DisplayList(pages, title=b.title, lang=b.lang, author=b.organization, subject=b.subtitle,
                       date=getattr(b, "date", None), min_font_size=b.min_font_size)


def text_runs(block: TextBlock, fonts: FontSet, theme: Theme) -> list[GlyphRun | Path]:
    col = theme.color(block.color)
    runs: list[GlyphRun | Path] = []
    for line in block.lines:
        if line.cells:
            runs.extend(column_items(line, block, fonts, col))
            continue
        i = 0
        dys = line.dys or (0.0,) * len(line.text)
        words, last = 0, None  # spaces seen so far in the line; the word the previous run ended in
        for face, chunk in fonts.runs(line.text, block.role):
            xs, ds = line.xs[i:i + len(chunk)], dys[i:i + len(chunk)]
            i += len(chunk)
            # Spaces carry no ink; dropping them keeps runs short and the PDF text clean. A glyph moved off the
            # baseline (a centred 。) starts a run of its own on its own baseline. A space ends a run too: inside
            # a run the glyphs are set touching (it reads back as one word), and a run that goes on the word of
            # the one before (a change of font or baseline, no space) says so, so the two read back as one.
            keep = []
            for c, x, d in zip(chunk, xs, ds, strict=True):
                if c.isspace():
                    words += 1
                else:
                    keep.append((c, x, d, words))
            for (_, word), group in groupby(keep, key=lambda k: (k[2], k[3])):
                part = list(group)
                runs.append(GlyphRun("".join(c for c, _, _, _ in part), tuple(x for _, x, _, _ in part),
                                     line.baseline + part[0][2], face.path, block.font_size, col,
                                     joined=word == last))
                last = word
    return runs


def _fit_picture(path: str, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
    """A cast picture kept in proportion inside the figure box, standing on its bottom edge, centred."""
    from ..pictures import picture_size

    size = picture_size(path)
    if size is None:  # the loader refuses unreadable pictures; fill the box rather than fail here
        return x, y, w, h
    iw, ih = size
    scale = min(w / iw, h / ih)
    pw, ph = iw * scale, ih * scale
    return x + (w - pw) / 2, y + h - ph, pw, ph


def placed(paths: list[Path], key: tuple, x: float, y: float) -> list[Item]:
    """`paths`, drawn at (x, y), marked as one placement of the drawing `key` (which must name everything the
    outlines depend on besides the position), so that renderers can draw it once and place it again."""
    use = Use(key, x, y)
    return [replace(p, use=use) for p in paths]


def _stroke_w(box: tuple[float, float, float, float], k: float = 0.012) -> float:
    return max(0.6, k * min(box[2], box[3]))


def _paint_item(it: object, fonts: FontSet, theme: Theme) -> list[Item]:
    color = theme.color
    if isinstance(it, TextBlock):
        return list(text_runs(it, fonts, theme))
    if isinstance(it, Figure):
        x, y, w, h = it.bbox
        if it.picture:
            return [Image(it.picture, *_fit_picture(it.picture, x, y, w, h))]
        uniform, badge = color("banner"), color("accent")
        clip, cut = None, ()
        if it.frame is not None:  # a medium shot or a close-up: the whole person, cut where the frame cuts them
            clip, (x, y, w, h) = it.bbox, it.frame
            cut = tuple(round(v, 2) for v in (clip[0] - x, clip[1] - y, clip[2], clip[3]))
        art = draw_figure(x, y, w, h, look=it.look, facing=it.facing, seed_key=it.who,
                          expression=it.expression, pose=it.pose, uniform=uniform, badge=badge, clip=clip)
        # The same person, pose and expression at the same size (and cut alike) is the same drawing wherever it
        # stands.
        return placed(art.paths, ("figure", it.look, it.facing, it.who, it.expression, it.pose, uniform, badge,
                                  w, h, cut), x, y)
    if isinstance(it, Bubble):
        x, y, w, h = it.bbox
        lw = max(0.7, it.text.font_size * theme.lines["bubble"])
        out: list[Item] = list(bubble_paths(it.style, x, y, w, h, it.tail_tip, line_width=lw,
                                            fill=color("bubble"), stroke=color("ink")))
        return out + list(text_runs(it.text, fonts, theme))
    if isinstance(it, Panel):
        x, y, w, h = it.bbox
        return [Path(tuple(PathPen().round_rect(x, y, w, h, min(w, h) * 0.04).ops), fill=color("paper"),
                     stroke=color("ink"), stroke_width=_stroke_w(it.bbox, theme.lines["panel"]))]
    if isinstance(it, Shape):
        return _paint_shape(it, theme)
    return []


def _paint_shape(sh: Shape, theme: Theme) -> list[Item]:
    color = theme.color
    x, y, w, h = sh.bbox
    pen = PathPen()
    cat = color(sh.color) if sh.color else color("banner")
    k = sh.kind
    if k == "banner":
        return [Path(tuple(pen.rect(x, y, w, h).ops), fill=color("banner"))]
    if k == "footer_band":
        return [Path(tuple(pen.rect(x, y, w, h).ops), fill=color("footer"))]
    if k == "category_band":
        return [Path(tuple(pen.round_rect(x, y, w, h, h * 0.25).ops), fill=cat)]
    if k == "card":
        return [Path(tuple(pen.round_rect(x, y, w, h, min(w, h) * 0.03).ops), fill=color("card"),
                     stroke=cat.lighter(0.35), stroke_width=max(0.8, theme.lines["card"] * w))]
    if k == "title_bar":
        return [Path(tuple(pen.round_rect(x, y, w, h, h * 0.3).ops), fill=cat.lighter(0.82))]
    if k == "details_box":
        return [Path(tuple(pen.round_rect(x, y, w, h, min(w, h) * 0.06).ops), fill=cat.lighter(0.9))]
    if k in ("number_badge", "badge"):
        fill = cat if k == "number_badge" else color("banner")
        return list(badge_paths(x + w / 2, y + h / 2, w / 2, fill, color("paper")))
    if k == "caption_box":
        return list(caption_box_paths(x, y, w, h, color("caption"), color("ink")))
    if k == "qr":
        from .qr import qr_paths

        return qr_paths(sh.extra["url"], x, y, w)
    if k == "scene":  # inside the panel's frame line, its corners rounded as the panel's
        from ..art.scenes import scene_paths

        inset = _stroke_w(sh.bbox, theme.lines["panel"])
        box = (w - 2 * inset, h - 2 * inset, max(0.0, min(w, h) * 0.04 - inset))
        paths = scene_paths(sh.extra["scene"], x + inset, y + inset, box[0], box[1], radius=box[2], accent=cat)
        return placed(paths, ("scene", sh.extra["scene"], *box, cat), x + inset, y + inset)
    if k == "counter":
        from ..art import counter_paths

        return list(counter_paths(x, y, w, h, top=color("accent"), front=color("caption"), stripe=color("banner")))
    if k == "icon":
        from ..art import PROP_NAMES, prop_paths

        if sh.extra.get("held_by"):  # drawn in the hand by the figure's art
            return []
        name = sh.extra.get("name", "")
        return list(prop_paths(name if name in PROP_NAMES else "document", x, y, w, h))
    if k == "arrow":
        left = sh.extra.get("direction") == "left"
        cy = y + h / 2
        if left:
            pen.move(x + w, y).line(x, cy).line(x + w, y + h).close()
        else:
            pen.move(x, y).line(x + w, cy).line(x, y + h).close()
        return [Path(tuple(pen.ops), fill=cat)]
    return []
