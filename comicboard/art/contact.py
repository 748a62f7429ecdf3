"""Contact sheets: every look, pose and expression, and every scene, as display lists ready for any renderer."""

from __future__ import annotations

from ..color import Color
from ..display import DisplayList, GlyphRun, Item, Page, Path, PathPen
from ..vocab import DRAWN_LOOKS, EXPRESSIONS, POSES, SCENES
from .figures import draw_figure
from .ink import OUTLINE

CELL_W, CELL_H = 92.0, 150.0  # points: one figure with its label
LABEL = 8.0  # label size, points
PAPER = Color.cmyk(0, 0, 0, 0)
RULE = Color.cmyk(0, 0, 0, 30)
SEEDS = ("a", "b", "c")


def _label(text: str, x: float, baseline: float, size: float = LABEL, centre: float | None = None) -> list[Item]:
    from ..fonts import FontSet

    fonts = FontSet()
    items: list[Item] = []
    width = fonts.width(text) * size
    pen = x if centre is None else centre - width / 2
    for face, chunk in fonts.runs(text):
        xs = []
        for ch in chunk:
            xs.append(pen)
            pen += face.advance(ch) * size
        items.append(GlyphRun(chunk, tuple(xs), baseline, face.path, size, OUTLINE))
    return items


def _heading(text: str, y: float, width: float) -> list[Item]:
    rule = Path(tuple(PathPen().rect(18, y + 4, width - 36, 0.8).ops), fill=RULE)
    return [*_label(text, 18, y, 12.0), rule]


def _figure_cell(x: float, y: float, look: str, seed: str, pose: str, expression: str, label: str,
                 facing: str = "right") -> list[Item]:
    art = draw_figure(x + 6, y + 4, CELL_W - 12, CELL_H - 26, look=look, seed_key=seed, pose=pose,
                      expression=expression, facing=facing)
    return [*art.paths, *_label(label, x, y + CELL_H - 8, centre=x + CELL_W / 2)]


def looks_sheet(columns: int = 10) -> DisplayList:
    """Every drawn look (three people each), every pose and every expression, labelled with their names."""
    items: list[Item] = []
    width = 36 + columns * CELL_W
    y = 30.0
    cells: list[tuple[str, str, str, str, str]] = []
    for look in DRAWN_LOOKS:
        for seed in SEEDS:
            cells.append((look, seed, "standing", "neutral", look))
    y = _grid(items, "looks", cells, y, columns, width)
    cells = [(("staff_woman", "adult_man", "elder_woman", "young_man", "doctor")[i % 5], "p", pose, "neutral", pose)
             for i, pose in enumerate(POSES)]
    cells += [(("staff_man", "elder_man", "young_woman", "police", "student")[i % 5], "q", pose, "happy", pose)
              for i, pose in enumerate(POSES)]
    y = _grid(items, "poses", cells, y, columns, width)
    cells = [(("adult_woman", "elder_man")[k], "e", "talking", expr, expr)
             for k in (0, 1) for expr in EXPRESSIONS]
    y = _grid(items, "expressions", cells, y, columns, width)
    page = Page(width, y + 10, [Path(tuple(PathPen().rect(0, 0, width, y + 10).ops), fill=PAPER), *items])
    return DisplayList([page], title="comicboard looks")


def _grid(items: list[Item], title: str, cells: list[tuple[str, str, str, str, str]], y: float, columns: int,
          width: float) -> float:
    items.extend(_heading(title, y, width))
    y += 14
    for i, (look, seed, pose, expr, label) in enumerate(cells):
        row, col = divmod(i, columns)
        items.extend(_figure_cell(18 + col * CELL_W, y + row * CELL_H, look, seed, pose, expr, label))
    return y + -(-len(cells) // columns) * CELL_H + 24


def scenes_sheet(columns: int = 2) -> DisplayList:
    """Every scene in a wide and a tall panel, with two people in front, as a board would show them."""
    from .scenes import scene_paths

    wide, tall = (300.0, 170.0), (150.0, 200.0)
    cell_w = wide[0] + tall[0] + 36
    width = 36 + columns * cell_w
    items: list[Item] = [*_heading("scenes", 30, width)]
    y0 = 44.0
    row_h = tall[1] + 30
    for i, name in enumerate(SCENES):
        row, col = divmod(i, columns)
        x, y = 18 + col * cell_w, y0 + row * row_h
        for (w, h), dx in ((wide, 0.0), (tall, wide[0] + 12)):
            px, py = x + dx, y
            items.extend(scene_paths(name, px, py, w, h))
            frame = PathPen().rect(px, py, w, h)
            items.append(Path(tuple(frame.ops), stroke=OUTLINE, stroke_width=1.2))
            fh = 0.62 * h
            fw = fh / 2
            items.extend(draw_figure(px + 0.12 * w, py + h - fh - 0.04 * h, fw, fh, look="elder", seed_key="r",
                                     pose="talking", expression="question").paths)
            items.extend(draw_figure(px + w - 0.12 * w - fw, py + h - fh - 0.04 * h, fw, fh, look="staff",
                                     seed_key="w", pose="pointing", facing="left", expression="happy").paths)
        items.extend(_label(name, x, y + tall[1] + 14, 10.0))
    height = y0 + -(-len(SCENES) // columns) * row_h + 10
    page = Page(width, height, [Path(tuple(PathPen().rect(0, 0, width, height).ops), fill=PAPER), *items])
    return DisplayList([page], title="comicboard scenes")
