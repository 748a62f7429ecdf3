"""Geometry invariants every laid-out board must satisfy; shared by the layout and render tests.

Written from the rules, not from the planner: line breaks are checked against the clreq/jlreq tables of
tests/text/kinsoku.py, and bubbles and their tails against the outlines the art actually draws (painted into the
same display list the renderers use, curves flattened, compared with shapely), not against straight stand-ins.
"""

from __future__ import annotations

from dataclasses import replace

import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry import box as _sbox

from comicboard.model import Board
from comicboard.pagelayout import Layout
from comicboard.pagelayout.geometry import Bubble, Figure, Panel
from comicboard.paint import paint
from tests.text.kinsoku import break_violations

TOL = 0.6  # points: rounding slack
AREA = 1.0  # pt²: drawn shapes sharing less than this only touch (flattening and rounding), they do not overlap


def inside(inner, outer, tol: float = TOL) -> bool:
    x, y, w, h = inner
    X, Y, W, H = outer
    return x >= X - tol and y >= Y - tol and x + w <= X + W + tol and y + h <= Y + H + tol


def overlap(a, b, tol: float = TOL) -> bool:
    return (a[0] + tol < b[0] + b[2] and b[0] + tol < a[0] + a[2]
            and a[1] + tol < b[1] + b[3] and b[1] + tol < a[1] + a[3])


def panel_of(item, panels: list[Panel]) -> Panel | None:
    cx, cy = item.bbox[0] + item.bbox[2] / 2, item.bbox[1] + item.bbox[3] / 2
    for p in panels:
        x, y, w, h = p.bbox
        if x <= cx <= x + w and y <= cy <= y + h:
            return p
    return None


def link_target(b: Bubble, bubbles: list[Bubble], panels: list[Panel]) -> Bubble | None:
    """The bubble a linked bubble's tail runs into: the same speaker's next bubble in the panel."""
    pan = panel_of(b, panels)
    later = bubbles[bubbles.index(b) + 1:]
    return next((o for o in later if o.speaker == b.speaker and panel_of(o, panels) is pan), None)


def scene(page) -> tuple[list[Panel], list[Bubble], list[Figure]]:  # noqa: ANN001 - a PageGeometry
    """The page's panels, bubbles and figures, in layout order."""
    return ([it for it in page.items if isinstance(it, Panel)], [it for it in page.items if isinstance(it, Bubble)],
            [it for it in page.items if isinstance(it, Figure)])


def check_layout(lay: Layout) -> list[str]:
    """All violations found (empty when the board is sound)."""
    errors: list[str] = []
    board: Board = lay.board
    strict = board.lang.startswith("ja")  # Japanese boards promise jlreq's strict level (README)
    # Words too wide for their box are cut as a last resort and reported; the cut may break a rule.
    split = [p.message for p in lay.problems if p.code == "split-word"]
    for page in lay.pages:
        panels, bubbles, figures = scene(page)
        page_box = (0, 0, page.width, page.height)
        for p in panels:
            if not inside(p.bbox, page.safe):
                errors.append(f"panel {p.procedure}/{p.step} leaves the safe area")
        for block in page.text_blocks():
            if block.font_size < min(8.0, board.min_font_size) - 0.01:
                errors.append(f"{block.kind} at {block.font_size:.2f} pt is below the minimum")
            if block.kind not in ("footer",) and not inside(block.bbox, page_box):
                errors.append(f"{block.kind} block leaves the page")
            for li, ln in enumerate(block.lines):
                if not inside(ln.bbox, block.bbox):
                    errors.append(f"line {ln.text!r} of {block.kind} leaves its block ({block.where})")
                if any(ln.text in msg for msg in split) or block.kind == "index":
                    continue  # index lines are whole entries, not breaks
                if li > 0:  # the rules apply at breaks
                    prev = block.lines[li - 1].text.strip()
                    errors += [f"{v} in {block.kind} ({block.where})"
                               for v in break_violations([prev, ln.text.strip()], board.lang, strict)]
        for f in figures:
            if not inside(f.head, f.bbox, 1.0):
                errors.append(f"head of {f.who} outside its figure")
            pan = panel_of(f, panels)
            if pan is None or not inside(f.bbox, pan.bbox):
                errors.append(f"figure {f.who} outside its panel")
        for i, b in enumerate(bubbles):
            pan = panel_of(b, panels)
            if pan is None or not inside(b.bbox, pan.bbox):
                errors.append(f"bubble outside its panel: {b.where}")
                continue
            if not inside(b.text.bbox, b.bbox):
                errors.append(f"bubble text box outside the bubble: {b.where}")
            for b2 in bubbles[i + 1:]:
                if overlap(b.bbox, b2.bbox):
                    errors.append(f"bubbles overlap: {b.where} / {b2.where}")
            for f in figures:
                if overlap(b.bbox, f.head):
                    errors.append(f"bubble covers the face of {f.who}: {b.where}")
            speaker = [f for f in figures if f.who == b.speaker and panel_of(f, panels) is pan]
            if not speaker:
                errors.append(f"speaker {b.speaker} not in the panel: {b.where}")
                continue
            drawn = drawn_bubble(lay, page, b)
            if Point(b.tail_tip).distance(drawn.boundary) > 1.0 and not b.linked:
                errors.append(f"the drawn tail of {b.where} does not reach its tip {b.tail_tip}")
            if not drawn.within(_sbox(*_corners(pan.bbox)).buffer(TOL)):
                errors.append(f"the drawn bubble of {b.where} (tail included) leaves its panel")
            for f in figures:
                if f.who != b.speaker and drawn.intersection(_sbox(*_corners(f.head))).area > AREA:
                    errors.append(f"the drawn bubble of {b.where} covers the face of {f.who}")
            if b.linked:  # linked balloons: the tail runs into the speaker's next bubble
                target = link_target(b, bubbles, panels)
                if target is None or not inside((*b.tail_tip, 0, 0), target.bbox, 0.0):
                    errors.append(f"linked tail of {b.where} does not end in the speaker's next bubble")
                continue
            hx, hy, hw, hh = speaker[0].head
            tx, ty = b.tail_tip
            near = max(hx - tx, 0, tx - (hx + hw)) + max(hy - ty, 0, ty - (hy + hh))
            if near > 0.5 * hh + 1:  # within half a head of the head
                errors.append(f"tail of {b.where} ends {near:.1f} pt from its speaker's head")
    return errors


def visible_text(lay: Layout) -> str:
    parts = []
    for page in lay.pages:
        for block in page.text_blocks():
            parts.append("".join(ln.text for ln in block.lines))
    return "\n".join(parts)


def missing_strings(lay: Layout) -> list[str]:
    """Strings of the board that appear in no block (spaces ignored)."""
    text = visible_text(lay).replace(" ", "")
    board = lay.board
    wanted = [board.title, board.subtitle, board.organization, board.footer]
    for cat in board.categories:
        wanted.append(cat.name)
        for proc in cat.procedures:
            wanted += [proc.title, proc.summary, proc.time_limit, proc.location, proc.phone, proc.basis,
                       *proc.materials]
            for step in proc.steps:
                wanted.append(step.caption)
                wanted += [sp.text for sp in step.say]
    return [w for w in wanted if w and w.replace(" ", "").replace("\n", "") not in text]


def check_decorations(lay: Layout) -> list[str]:
    """Icons and QR codes stay inside their panel / card and clear of bubbles and faces."""
    errors: list[str] = []
    for page in lay.pages:
        panels, bubbles, figures = scene(page)
        cards = page.of_kind("card")
        boxes = page.of_kind("details_box")
        bands = page.of_kind("category_band")
        for icon in page.of_kind("icon"):
            if icon.extra.get("for") == "category":
                if not any(inside(icon.bbox, b.bbox) for b in bands):
                    errors.append(f"category icon {icon.extra.get('name')} outside its band")
                continue
            if icon.extra.get("for") == "materials":
                if not any(inside(icon.bbox, d.bbox) for d in boxes):
                    errors.append(f"materials icon {icon.extra.get('name')} outside its details box")
                continue
            pan = panel_of(icon, panels)
            if pan is None or not inside(icon.bbox, pan.bbox):
                errors.append(f"icon {icon.extra.get('name')} outside its panel")
            if icon.extra.get("held_by"):  # drawn in a hand by the figure's art
                holder = [f for f in figures if f.who == icon.extra["held_by"] and panel_of(f, panels) is pan]
                if not holder or not inside(icon.bbox, holder[0].bbox, 1.0):
                    errors.append(f"held prop {icon.extra.get('name')} is not in its holder's hands")
                continue
            for b in bubbles:
                if overlap(icon.bbox, b.bbox):
                    errors.append(f"icon {icon.extra.get('name')} under a bubble: {b.where}")
            for f in figures:
                if overlap(icon.bbox, f.head):
                    errors.append(f"icon {icon.extra.get('name')} covers a face")
        for bd in page.of_kind("badge"):  # the step number is drawn over the scene: never over a face
            for f in figures:
                if overlap(bd.bbox, f.head):
                    pan = panel_of(bd, panels)
                    errors.append(f"step badge covers the face of {f.who}"
                                  + (f": {pan.procedure} / step {pan.step}" if pan is not None else ""))
        for qr in page.of_kind("qr"):
            if not any(inside(qr.bbox, c.bbox) for c in cards):
                errors.append(f"QR code for {qr.extra.get('url')} outside its procedure card")
            if qr.bbox[2] < 42 - 0.01:
                errors.append("QR code smaller than 15 mm")
    return errors


def check_props(lay: Layout) -> list[str]:
    """A step's props are in a hand or stand on a counter: each counter inside its panel and clear of faces,
    bubbles and the step badge; each prop icon on it rests on its top edge, within its width."""
    errors: list[str] = []
    for page in lay.pages:
        panels, bubbles, figures = scene(page)
        counters = page.of_kind("counter")
        badges = page.of_kind("badge")
        for c in counters:
            pan = panel_of(c, panels)
            if pan is None or not inside(c.bbox, pan.bbox):
                errors.append("counter outside its panel")
            for f in figures:
                if overlap(c.bbox, f.head) or overlap(c.bbox, f.bbox):
                    errors.append(f"counter covers {f.who}")
            for b in bubbles:
                if overlap(c.bbox, b.bbox):
                    errors.append(f"counter under a bubble: {b.where}")
            for bd in badges:
                if overlap(c.bbox, bd.bbox):
                    errors.append("counter covers the step badge")
        for icon in page.of_kind("icon"):
            if icon.extra.get("for") is not None or icon.extra.get("held_by"):
                continue
            x, y, w, h = icon.bbox
            pan = panel_of(icon, panels)
            on = [c for c in counters if panel_of(c, panels) is pan and abs(y + h - c.bbox[1]) <= TOL
                  and c.bbox[0] - TOL <= x and x + w <= c.bbox[0] + c.bbox[2] + TOL]
            if not on:
                errors.append(f"prop {icon.extra.get('name')} neither held nor standing on a counter")
            for bd in badges:
                if overlap(icon.bbox, bd.bbox):
                    errors.append(f"prop {icon.extra.get('name')} covers the step badge")
            for f in figures:
                if overlap(icon.bbox, f.bbox):
                    errors.append(f"prop {icon.extra.get('name')} covers {f.who}")
    return errors


def _corners(b) -> tuple[float, float, float, float]:  # noqa: ANN001 - an [x, y, w, h] box
    return b[0], b[1], b[0] + b[2], b[1] + b[3]


def _flatten(ops, steps: int = 12) -> list[list[tuple[float, float]]]:  # noqa: ANN001
    """The subpaths of a display-list outline as point lists, each cubic Bézier sampled at `steps` points."""
    rings: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    for op in ops:
        if op[0] == "M":
            if len(ring) > 2:
                rings.append(ring)
            ring = [(op[1], op[2])]
        elif op[0] == "L":
            ring.append((op[1], op[2]))
        elif op[0] == "C":
            (x0, y0), (x1, y1, x2, y2, x3, y3) = ring[-1], op[1:]
            for i in range(1, steps + 1):
                t = i / steps
                a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
                ring.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
        elif op[0] == "Z":
            if len(ring) > 2:
                rings.append(ring)
            ring = []
    if len(ring) > 2:
        rings.append(ring)
    return rings


def _drawn(lay: Layout, page, item) -> shapely.Geometry:  # noqa: ANN001
    """The area the art fills for one laid-out item: the item painted alone on its page, through the same
    `paint` the renderers draw from, every outline flattened and united (text runs ignored)."""
    alone = replace(lay, pages=[replace(page, items=[item])])
    shapes = [shapely.make_valid(Polygon(ring))
              for it in paint(alone).pages[0].items[1:]  # items[0] is the page's background
              if hasattr(it, "ops") and (it.fill is not None or it.stroke is not None)
              for ring in _flatten(it.ops)]
    return shapely.union_all(shapes) if shapes else Polygon()


_DRAWN: dict[tuple, shapely.Geometry] = {}


def _memo(lay: Layout, page, item: Bubble) -> shapely.Geometry:  # noqa: ANN001
    """`_drawn`, remembered by what decides the outline (style, box, tip, line width through size and theme)."""
    key = (item.style, tuple(item.bbox), tuple(item.tail_tip), item.text.font_size, lay.board.theme)
    if key not in _DRAWN:
        if len(_DRAWN) > 50_000:
            _DRAWN.clear()
        _DRAWN[key] = _drawn(lay, page, item)
    return _DRAWN[key]


def drawn_bubble(lay: Layout, page, b: Bubble) -> shapely.Geometry:  # noqa: ANN001
    """The bubble as drawn: body and tail (or a thought bubble's trailing circles)."""
    return _memo(lay, page, b)


def drawn_body(lay: Layout, page, b: Bubble) -> shapely.Geometry:  # noqa: ANN001
    """The bubble drawn without a tail: with its tip at its centre (the art draws no tail to a tip inside)."""
    x, y, w, h = b.bbox
    return _memo(lay, page, replace(b, tail_tip=(x + w / 2, y + h / 2)))


def drawn_tail(lay: Layout, page, b: Bubble) -> shapely.Geometry:  # noqa: ANN001
    """What the art draws for the tail alone (a wedge, a stretched spike, a thought bubble's circles)."""
    return drawn_bubble(lay, page, b).difference(drawn_body(lay, page, b))


def check_composition(lay: Layout) -> list[str]:
    """Comic composition: a bubble takes at most about half its panel; the drawn tails never overlap each other
    nor pass under another bubble as drawn, unless the layout reported by name that a panel was too narrow to
    keep them clear."""
    errors: list[str] = []
    crowded = {p.where for p in lay.problems if p.code == "tails-crowded"}
    for page in lay.pages:
        panels, bubbles, figures = scene(page)
        by_panel: dict[int, list[Bubble]] = {}
        for b in bubbles:
            pan = panel_of(b, panels)
            if pan is None:
                continue
            by_panel.setdefault(id(pan), []).append(b)
            if b.bbox[2] * b.bbox[3] > 0.55 * pan.bbox[2] * pan.bbox[3]:
                errors.append(f"bubble takes more than half its panel: {b.where}")
        for group in by_panel.values():
            pan = panel_of(group[0], panels)
            if pan is not None and f"{pan.category} / {pan.procedure} / step {pan.step}" in crowded:
                continue
            tails = {id(b): drawn_tail(lay, page, b) for b in group}
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    meet = tails[id(a)].intersection(tails[id(b)])
                    if a.speaker == b.speaker and not (a.linked or b.linked):
                        # Two tails to one speaker may meet where they end, at the speaker's head (within half
                        # a head of their tips, as a tail may end that far from the head); nowhere else.
                        head = next((f.head for f in figures if f.who == a.speaker and panel_of(f, panels) is pan),
                                    None)
                        reach = 0.5 * head[3] if head else 0.0
                        meet = meet.difference(Point(a.tail_tip).buffer(reach)).difference(
                            Point(b.tail_tip).buffer(reach))
                    if meet.area > AREA:
                        errors.append(f"tails cross: {a.where} / {b.where}")
            for a in group:
                target = link_target(a, bubbles, panels) if a.linked else None
                for b in group:
                    if b is a or b is target:
                        continue
                    if tails[id(a)].intersection(drawn_body(lay, page, b)).area > AREA:
                        errors.append(f"tail of {a.where} passes under the bubble of {b.where}")
    return errors
