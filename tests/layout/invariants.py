"""Geometry invariants every laid-out board must satisfy; shared by the layout and render tests."""

from __future__ import annotations

import math

from comicboard.model import Board
from comicboard.pagelayout import Layout
from comicboard.pagelayout.geometry import Bubble, Figure, Panel
from comicboard.text.rules import rules_for

TOL = 0.6  # points: rounding slack


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
    rules = rules_for(board.lang)
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
                if li > 0 and ln.text and ln.text[0] in rules.no_start:  # rules apply at breaks
                    errors.append(f"line starts with {ln.text[0]!r}: {ln.text!r} in {block.kind}")
                if li < len(block.lines) - 1 and ln.text and ln.text[-1] in rules.no_end:
                    errors.append(f"line ends with {ln.text[-1]!r}: {ln.text!r} in {block.kind}")
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


def _segments_cross(p1, p2, q1, q2) -> bool:  # noqa: ANN001
    def orient(a, b, c) -> float:  # noqa: ANN001
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return orient(p1, p2, q1) * orient(p1, p2, q2) < 0 and orient(q1, q2, p1) * orient(q1, q2, p2) < 0


def _tail(b: Bubble) -> tuple[tuple[float, float], tuple[float, float]]:
    """A tail as the segment from where it leaves the bubble to its tip.

    The drawn tail leaves the outline where the ray from the bubble's centre towards the tip crosses it;
    the bubble's inscribed ellipse stands in for the outline (it lies inside the bubble's box).
    """
    x, y, w, h = b.bbox
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    tx, ty = b.tail_tip
    u, v = (tx - cx) / rx, (ty - cy) / ry
    d = math.hypot(u, v)
    if d <= 1.0:  # the tip is inside the bubble: no tail
        return (tx, ty), (tx, ty)
    return (cx + (tx - cx) / d, cy + (ty - cy) / d), (tx, ty)


def segment_hits_box(p, q, box, tol: float = TOL) -> bool:  # noqa: ANN001
    """Whether segment p–q passes through the box shrunk by `tol` (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = box[0] + tol, box[1] + tol, box[0] + box[2] - tol, box[1] + box[3] - tol
    if x0 >= x1 or y0 >= y1:
        return False
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for den, num in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if den == 0:
            if num < 0:
                return False
            continue
        t = num / den
        if den < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def check_composition(lay: Layout) -> list[str]:
    """Comic composition: a bubble takes at most about half its panel; tails never cross each other nor pass
    under another bubble, unless the layout reported by name that a panel was too narrow to keep them clear."""
    errors: list[str] = []
    crowded = {p.where for p in lay.problems if p.code == "tails-crowded"}
    for page in lay.pages:
        panels, bubbles, _ = scene(page)
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
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if _segments_cross(*_tail(a), *_tail(b)):
                        errors.append(f"tails cross: {a.where} / {b.where}")
            for a in group:
                target = link_target(a, bubbles, panels) if a.linked else None
                for b in group:
                    if b is not a and b is not target and segment_hits_box(*_tail(a), b.bbox):
                        errors.append(f"tail of {a.where} passes under the bubble of {b.where}")
    return errors
