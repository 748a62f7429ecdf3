"""Compose a panel as a comic shot: people sized by the panel's height, not by what the bubbles leave.

A shot is a full figure (head to feet, standing above the caption), a medium shot (waist up: the panel's bottom
edge cuts the body) or a close-up (head and shoulders, for one person's reaction). The people's tops stand at a
set share of the panel's height; the bubbles then take the room above and beside the heads, over the bodies if
need be, never over a face, each with its tail to its speaker's mouth or head. Art is cut by the frame; text
never is. `shot_at` composes the shot of a panel as it is placed (the height its row gives it), when one keeps
every speech at full size; `place_shot` puts it on the page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..art import figure_anatomy
from ..art.bubbles import tail_hulls
from ..art.figures import FRAME_H
from ..model import Step
from .bubblefit import BubblePlan, _bubble_for, _drop_below, _skinny, cramped
from .geometry import Box, Figure, Item, Panel, Shape
from .memo import memo
from .staging import COUNTER_TOP, FIG_ASPECT, _badge_r, _expression, _pad, _pose, held_props
from .tails import DRAWN_MARGIN, DrawnTail, Pt, _hull, _segment_hits, _tail_root, clash, drawn_tail

if TYPE_CHECKING:
    from .panel import PanelContext, PanelPlan

# Where the frame cuts a person, in the figure's frame units (FRAME_H tall, feet at the bottom): a medium shot
# just under the hips, a close-up at the chest. A full shot is not cut.
CUT = {"medium": 152.0, "close": 106.0, "full": FRAME_H}
# The share of the panel's height the people take, tried largest first.
TARGETS = (0.74, 0.66, 0.58, 0.5, 0.46)
# A reaction: a close-up of one person's face when that is all the panel says.
REACTIONS = frozenset({"thankful", "relieved", "worried", "surprised", "question"})


@dataclass(frozen=True)
class ShotFigure:
    who: str
    frame: Box  # the whole person's box (local coordinates), perhaps reaching below the panel
    facing: str
    pose: str
    expression: str
    head: Box
    cut: float  # the y at which the frame cuts the person (the box's bottom for a full shot)
    held: Box | None = None  # what the near hand holds, kept in sight


@dataclass(frozen=True)
class Shot:
    kind: str  # full | medium | close
    height: float
    figures: tuple[ShotFigure, ...]
    bubbles: tuple[BubblePlan, ...]  # placed in the panel's own coordinates
    tips: tuple[Pt, ...]  # where each bubble's tail ends
    counter: Box | None  # the counter's box (local), props standing on its top
    icon: float  # the size of a prop on the counter


def eligible(ctx: PanelContext, plan: PanelPlan) -> bool:
    """A shot is for drawn people: a cast member's own picture cannot be cut by the frame."""
    return all(ctx.board.cast[who].picture is None for who in plan.speakers)


_SHOTS = memo("shot", 20_000)
EDGE = 0.6  # pt: the frame cuts a person this far inside its edge, under the frame's line
MAX_HEAD_SHARE = 0.5  # a face wider than this share of its panel is a poster, not a panel
MIN_HEAD_EM = 1.9  # a face smaller than this (in base-size em) shows no expression from a step away


def face_floor(plan: PanelPlan) -> float:
    """The lowest panel a shot can be composed in: a face big enough to act."""
    return 7.5 * plan.s + plan.caption_h


def shot_floor(plan: PanelPlan) -> float:
    """The lowest panel composed as a shot whatever the planner's staging shows: a face big enough to act, and
    not a flat sliver (a third of its width)."""
    return max(face_floor(plan), plan.width / 3.0)


def compose(ctx: PanelContext, step: Step, plan: PanelPlan, height: float) -> Shot | None:
    """The panel `height` points tall as a shot, or None when its speeches do not all fit at full size."""
    key = (ctx.plan_key(tuple(plan.speakers)), step, plan.width, plan.s, bool(plan.caption_lines), plan.caption_h,
           round(height, 2))
    return _SHOTS.call(key, lambda: _compose(ctx, step, plan, height))


Acting = dict[str, tuple[str, str]]  # who → (pose, expression) of their last speech in the panel


def _acting(step: Step, plan: PanelPlan) -> Acting:
    last = {sp.who: sp for sp in plan.speeches}
    return {who: (_pose(last[who], step), _expression(last[who], who)) for who in plan.speakers}


def _kinds(ctx: PanelContext, step: Step, plan: PanelPlan, height: float, acting: Acting) -> tuple[str, ...]:
    """The shots worth trying, best first: a reaction close up, people cut at the waist, or whole people (first
    in a panel much taller than wide, where a person stands whole)."""
    if height > 1.3 * plan.width:
        return ("full", "medium")
    if (len(plan.speakers) == 1 and plan.counter is None and not held_props(step, plan.speeches)
            and acting[plan.speakers[0]][1] in REACTIONS):
        return ("close", "medium", "full")
    return ("medium", "full")


def _compose(ctx: PanelContext, step: Step, plan: PanelPlan, height: float) -> Shot | None:
    acting = _acting(step, plan)
    held = set(held_props(step, plan.speeches).values())
    for r in TARGETS:
        for kind in _kinds(ctx, step, plan, height, acting):
            staged = _stage(ctx, plan, height, kind, r, acting, held)
            if staged is None:
                continue
            figures, counter, icon = staged
            placed = _bubbles(ctx, plan, height, figures, counter, icon)
            if placed is not None:
                return Shot(kind, height, figures, tuple(b for b, _ in placed), tuple(t for _, t in placed), counter,
                            icon)
    return None


def _floor(plan: PanelPlan, height: float) -> float:
    """Where a full figure's feet stand: on the caption box's top, or the panel's bottom edge."""
    pad = _pad(plan.s)
    return height - pad - plan.caption_h - (0.3 * plan.s if plan.caption_h else 0.0)


def _badge_box(plan: PanelPlan) -> Box | None:
    """The step badge's corner, kept clear of faces and bubbles; None when a caption box holds the badge (across
    the bottom, or down the side beside a vertical caption's scene)."""
    if not plan.corner_badge:
        return None
    s = plan.s
    e = _pad(s) + 2 * _badge_r(s) + 0.2 * s
    return (0.0, 0.0, e, e)


def _stage(ctx: PanelContext, plan: PanelPlan, height: float, kind: str, r: float, acting: Acting,
           held: set[str]) -> tuple[tuple[ShotFigure, ...], Box | None, float] | None:
    """The people of a `kind` shot whose visible part is `r` of the panel's height, side by side and facing
    each other, with the counter between them; None when they do not fit the panel's width."""
    s = plan.s
    pad = _pad(s)
    w = plan.width
    n = len(plan.speakers)
    floor = _floor(plan, height)
    # The frame cuts medium shots and close-ups; behind a caption box, its middle does (the box hides the cut).
    cut_at = height - pad - plan.caption_h / 2 if plan.caption_h else height - EDGE
    bottom = floor if kind == "full" else cut_at
    visible = r * height
    fig_h = visible * FRAME_H / CUT[kind]
    top = bottom - visible
    if kind == "full" and top < pad:
        return None
    fig_w = fig_h * FIG_ASPECT
    room = 0.0
    icon = 0.0
    if plan.counter is not None:
        icon = min(0.3 * visible * FRAME_H / CUT["medium"], 1.8 * s)
        k = len(plan.counter.names)
        room = max(k * icon + (k - 1) * 0.15 * icon + 0.4 * icon, 1.4 * icon) + 0.6 * s
    # Figures stand at the panel's sides (a third in the middle), facing inwards, their faces inside the panel's
    # padding; the frame may cut their outer side (a medium shot or a close-up: the back of a shoulder, never the
    # face), and neighbours' boxes may overlap by the air around the drawing.
    facings = ["left"] if n == 1 else ["right" if i < n / 2 else "left" for i in range(n)]
    hang = 0.0 if kind == "full" else 0.22 * fig_w
    xs = []
    anatomies = []  # each person's anatomy with the box's left edge at 0 (only x moves below)
    for i, (who, facing) in enumerate(zip(plan.speakers, facings, strict=True)):
        pose, expression = acting[who]
        an = figure_anatomy(0.0, top, fig_w, fig_h, look=ctx.board.cast[who].look, facing=facing,
                            seed_key=who, expression=expression, pose=pose)
        anatomies.append(an)
        hx, _, hw, _ = an.head
        lo = max(pad - hx, pad - hang if kind == "full" else -hang)
        hi = min(w - pad - hx - hw, w - fig_w + hang - (pad if kind == "full" else 0.0))
        if hi < lo - 1e-6:
            return None
        xs.append(hi if (n == 1 or i == n - 1) else lo if i == 0 else None)
    if n > 2:  # the middle ones evenly between the outer two, the counter's room after the first group
        g = n // 2
        span = xs[-1] - xs[0] - room
        for i in range(1, n - 1):
            xs[i] = xs[0] + i * span / (n - 1) + (room if i >= g else 0.0)
    overlap = 0.25 * fig_w
    for i in range(n - 1):
        extra = room if (n > 1 and i == n // 2 - 1) else 0.0
        if xs[i + 1] - xs[i] < fig_w - overlap + extra - 1e-6:
            return None
    if n == 1 and room and xs[0] - pad < room - 1e-6:
        return None
    badge = _badge_box(plan)
    figures = []
    for who, x, facing, an in zip(plan.speakers, xs, facings, anatomies, strict=True):
        pose, expression = acting[who]
        frame = (x, top, fig_w, fig_h)
        head = (an.head[0] + x, *an.head[1:])
        an_held = None if an.held is None else (an.held[0] + x, *an.held[1:])
        hx, hy, hw, hh = head
        if (an.top < 0.5 * pad or hy + hh > bottom - 0.2 * s or hh < MIN_HEAD_EM * s
                or hw > (MAX_HEAD_SHARE if n == 1 else MAX_HEAD_SHARE * 0.7) * w):
            return None
        if badge is not None and _hits(head, badge, 0.1 * s):
            return None
        if who in held and (an_held is None or an_held[1] + an_held[3] > bottom - 0.1 * s):
            return None
        figures.append(ShotFigure(who, frame, facing, pose, expression, head, bottom, an_held))
    counter = None
    if plan.counter is not None:
        g = 1 if n == 1 else n // 2
        left = pad if n == 1 else xs[g - 1] + fig_w
        right = xs[0] if n == 1 else xs[g]
        cw = room - 0.6 * s
        if right - left < cw + 0.2 * s:
            return None
        ch = max(COUNTER_TOP * visible * FRAME_H / CUT["medium"] * 0.6, 1.2 * s)
        c_bottom = floor
        counter = ((left + right - cw) / 2, c_bottom - ch, cw, ch)
        if counter[1] - icon < pad:
            return None
    return tuple(figures), counter, icon


def _hits(a: Box, b: Box, gap: float = 0.0) -> bool:
    return (a[0] < b[0] + b[2] + gap and b[0] < a[0] + a[2] + gap and a[1] < b[1] + b[3] + gap
            and b[1] < a[1] + a[3] + gap)


def tip_for(box: Box, head: Box, s: float) -> Pt:
    """Where a bubble's tail ends: over the head for a bubble above it, else beside the face on the bubble's
    side, at the mouth's height."""
    bx, by, bw, bh = box
    hx, hy, hw, hh = head
    if by + bh <= hy + 0.2 * hh:
        return (min(max(bx + bw / 2, hx + 0.3 * hw), hx + 0.7 * hw), hy - 0.25 * s)
    if bx + bw / 2 >= hx + hw / 2:
        return (hx + hw + 0.25 * s, hy + 0.6 * hh)
    return (hx - 0.25 * s, hy + 0.6 * hh)


def _bubbles(ctx: PanelContext, plan: PanelPlan, height: float, figures: tuple[ShotFigure, ...],
             counter: Box | None, icon: float) -> tuple[tuple[BubblePlan, Pt], ...] | None:
    """Every speech's bubble, in reading order, in the room the people leave: each as high as it can go after
    the one before, near its speaker, its tail clear of the other bubbles, tails and faces."""
    s = plan.s
    pad = _pad(s)
    w = plan.width
    gap = 0.35 * s
    inner = w - 2 * pad
    limit = height - pad - (plan.caption_h + 0.3 * s if plan.caption_h else 0.0)
    heads = {f.who: f.head for f in figures}
    blocks: list[Box] = [(h[0] - 0.2 * s, h[1] - 0.2 * s, h[2] + 0.4 * s, h[3] + 0.4 * s) for h in heads.values()]
    badge = _badge_box(plan)
    if badge is not None:
        blocks.append(badge)
    if counter is not None:
        blocks.append((counter[0], counter[1] - icon - 0.2 * s, counter[2], counter[3] + icon + 0.2 * s))
    for f in figures:  # what a hand holds stays in sight
        if f.held is not None:
            blocks.append(f.held)
    margin = DRAWN_MARGIN * s  # around the tails as drawn
    max_w = min(0.86 * inner, plan.share * w)
    # No shot keeps a shrunk speech: the other arrangements keep the text at its size, a shot must not do worse.
    options: list[list[BubblePlan]] = []
    for sp in plan.speeches:
        opts, seen = [], set()
        for f in (1.0, 0.8, 0.64, 0.5, 0.4):
            bub = _bubble_for(ctx.setter, sp, max_w * f, s, ctx.min_size)
            dims = (round(bub.w * 10), round(bub.h * 10))
            if dims in seen or bub.size < s - 0.01 or bub.split or _skinny(bub) or bub.w > inner + 1e-6:
                continue
            seen.add(dims)
            opts.append(bub)
        if not opts:
            return None
        options.append(opts)

    def candidates(k: int, placed: list[Box], tails: list[tuple[DrawnTail, str]], prev_top: float) -> list[tuple]:
        sp = plan.speeches[k]
        head = heads[sp.who]
        hx, hy, hw, hh = head
        others = [h for who, h in heads.items() if who != sp.who]
        found: dict[tuple, tuple] = {}
        for bub in options[k]:
            bw, bh = bub.w, bub.h
            for x in {pad, w - pad - bw, hx + hw / 2 - bw / 2, hx - 0.3 * s - bw, hx + hw + 0.3 * s, (w - bw) / 2}:
                x = min(max(x, pad), w - pad - bw)
                y = _drop_below(x, prev_top, bw, bh, blocks + placed, gap)
                if y + bh > limit + 1e-6:
                    continue
                box = (x, y, bw, bh)
                tip = tip_for(box, head, s)
                root = _tail_root(box, tip)
                tail = drawn_tail(sp.kind, box, tip)  # as drawn: clear of the other bubbles and their tails
                if not tail.pieces:  # the tip inside the bubble: no tail would be drawn to the speaker
                    continue
                if (any(clash(tail, t, margin, reach=0.5 * hh if who == sp.who else 0.0) for t, who in tails)
                        or any(_segment_hits(root, tip, h, 0.1 * s) for h in others)
                        or _tail_covers(sp.kind, box, tip, others, 0.1 * s)):
                    continue
                length = math.hypot(tip[0] - root[0], tip[1] - root[1])
                found[(round(x), round(y), round(bw))] = (y + bh + 0.5 * length, bub, box, tip, tail)
        return sorted(found.values(), key=lambda c: c[0])[:_BRANCH]

    def place(k: int, placed: list[Box], tails: list[tuple[DrawnTail, str]], prev_top: float
              ) -> list[tuple[BubblePlan, Pt]] | None:
        if k == len(plan.speeches):
            return []
        for _, bub, box, tip, tail in candidates(k, placed, tails, prev_top):
            rest = place(k + 1, placed + [box], tails + [(tail, plan.speeches[k].who)], box[1] + 0.6 * s)
            if rest is not None:
                return [(bub.at(box[0], box[1]), tip), *rest]
        return None

    out = place(0, [], [], pad)
    return tuple(out) if out is not None else None


def _tail_covers(kind: str, box: Box, tip: Pt, heads: list[Box], margin: float) -> bool:
    """Whether the tail as the art draws it (a curved wedge, a thought's circles, a stretched spike: bounded by
    art.tail_hulls) comes within `margin` of another person's face. The panel may be mirrored, and a mirrored
    bubble is drawn afresh (a shout's spikes are not symmetric), so both ways are kept clear."""
    x, y, w, h = box
    reach = math.dist((x + w / 2, y + h / 2), tip)
    near = [hd for hd in heads if _hits(hd, (min(x, tip[0]), min(y, tip[1]), max(x + w, tip[0]) - min(x, tip[0]),
                                             max(y + h, tip[1]) - min(y, tip[1])), 0.5 * reach + margin)]
    if not near:
        return False
    axis = 2 * x + w  # mirror about the bubble's own centre line
    hulls = tail_hulls(kind, x, y, w, h, tip)
    hulls += [tuple((axis - px, py) for px, py in hull)
              for hull in tail_hulls(kind, x, y, w, h, (axis - tip[0], tip[1]))]
    return any(hull_hits_box(hull, hd, margin) for hull in hulls for hd in near)


def hull_hits_box(points: tuple[Pt, ...], box: Box, margin: float) -> bool:
    """Whether the convex hull of `points` comes within `margin` of `box` (separating axes: the box's two and
    the hull's edge normals)."""
    x0, y0, x1, y1 = box[0] - margin, box[1] - margin, box[0] + box[2] + margin, box[1] + box[3] + margin
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if max(xs) < x0 or min(xs) > x1 or max(ys) < y0 or min(ys) > y1:
        return False
    hull = _hull(points)
    corners = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    for i, p in enumerate(hull):
        q = hull[(i + 1) % len(hull)]
        nx, ny = q[1] - p[1], p[0] - q[0]  # outward for a counter-clockwise hull (y down: clockwise on screen)
        if all(nx * (c[0] - p[0]) + ny * (c[1] - p[1]) > 0 for c in corners):
            return False
    return True


_BRANCH = 3  # bubble places tried for each speech before giving up on the one before


def shot_at(ctx: PanelContext, step: Step, plan: PanelPlan, height: float) -> Shot | None:
    """The shot for the panel placed `height` tall, or None when no shot holds every speech at full size there
    (the planner's panel is placed instead, at least its planned height tall: `rows_for_height` gives a panel
    less only when it has a shot).

    Shots are composed where panels are placed, never while the strips are searched: the search plans each
    panel at many widths and sizes, and a shot costs a search of its own. A shot keeps the panel's height, so
    the board's geometry (rows, columns, sheets, handout pages) is the planner's.

    A panel lower than a third of its width keeps the planner's staging (people beside their bubbles fill such a
    panel) unless that staging stands its people under FILL of its height: then it too is a shot, if one fits."""
    if not eligible(ctx, plan) or plan.problems or plan.side is not None or height < face_floor(plan) - 1e-6:
        return None
    if plan.height - 0.01 <= height < shot_floor(plan) - 1e-6 and staged_fills(ctx, step, plan, height):
        return None
    return compose(ctx, step, plan, height)


_STAGED = memo("staged-fill", 20_000)


def staged_fills(ctx: PanelContext, step: Step, plan: PanelPlan, height: float) -> bool:
    """Whether the planner's staging of the panel, placed `height` tall, stands its tallest person at least FILL
    of the height (a panel without people fills nothing, and passes)."""
    key = (ctx.plan_key(tuple(plan.speakers)), step, plan.width, plan.s, bool(plan.caption_lines), plan.caption_h,
           plan.beside, round(height, 2))

    def measure() -> bool:
        from .place import place_staged
        return _tallest(place_staged(ctx, step, 0, plan, 0.0, 0.0, height, False, False), height) >= FILL - 1e-6

    return _STAGED.call(key, measure)


def _tallest(items: list[Item], height: float) -> float:
    """The tallest figure's height inside a panel placed at y = 0, `height` tall, as a share of it (1 without
    figures: nothing to fill)."""
    figures = [it for it in items if isinstance(it, Figure)]
    if not figures:
        return 1.0
    return max(min(f.bbox[1] + f.bbox[3], height) - max(f.bbox[1], 0.0) for f in figures) / height


def place_shot(ctx: PanelContext, step: Step, number: int, plan: PanelPlan, shot: Shot, x: float, y: float,
               height: float, mirror: bool, badge: bool = True) -> list[Item]:
    """The shot in a panel at (x, y), `height` tall (as `shot_at` made it for that height)."""
    from .place import bubble_item, counter_items, finish_panel
    s = plan.s
    pad = _pad(s)
    w = plan.width
    where = f"{ctx.category} / {ctx.procedure} / step {number}"
    items: list[Item] = [Panel((x, y, w, height), ctx.category, ctx.procedure, number, ctx.procedure_number)]
    figures: dict[str, Figure] = {}
    for f in shot.figures:
        member = ctx.board.cast[f.who]
        # Where its head and mouth are, undrawn (painting draws the person once).
        art = figure_anatomy(*f.frame, look=member.look, facing=f.facing, seed_key=f.who, expression=f.expression,
                             pose=f.pose)
        fx, fy, fw, fh = f.frame
        left, right = max(fx, EDGE), min(fx + fw, w - EDGE)
        cut = fy + fh > f.cut + 0.01 or left > fx + 0.01 or right < fx + fw - 0.01
        vis = (left, max(fy, 0.0), right - left, min(fy + fh, f.cut) - max(fy, 0.0))
        figures[f.who] = Figure(vis, f.who, member.look, member.name, art.head, f.facing, f.expression, f.pose,
                                art.mouth, shot=shot.kind if cut else "full", frame=f.frame if cut else None)
    for sp, bub, tip in zip(plan.speeches, shot.bubbles, shot.tips, strict=True):
        items.append(bubble_item(ctx, sp, bub, bub.box, tip, where))
    items.extend(figures.values())
    held = held_props(step, plan.speeches)
    for k, who in held.items():
        fg = next(f for f in shot.figures if f.who == who)
        an = figure_anatomy(*fg.frame, look=ctx.board.cast[who].look, facing=fg.facing, seed_key=who,
                            expression=fg.expression, pose=fg.pose)
        items.append(Shape("icon", an.held if an.held is not None else figures[who].bbox,
                           extra={"name": step.props[k], "held_by": who}))
    if shot.counter is not None and plan.counter is not None:
        items.extend(counter_items(shot.counter, plan.counter.names, shot.icon))
    return finish_panel(ctx, step, number, plan, items, height - pad - plan.caption_h, (x, y), w, mirror, badge,
                        where)


FILL = 0.45  # the least share of its panel's height the tallest person of a panel stands (the bar)


def fills(ctx: PanelContext, step: Step, number: int, plan: PanelPlan, height: float) -> bool:
    """Whether the panel placed `height` tall shows its tallest person at least FILL of its height: as a shot, or
    in the planner's staging when no shot holds its speeches (a panel without people fills nothing and is fine)."""
    if plan.side is not None:  # a vertical caption beside the scene: the panel placed, measured
        from .place import place_panel
        return _tallest(place_panel(ctx, step, number, plan, 0.0, 0.0, height, False), height) >= FILL - 1e-6
    return shot_at(ctx, step, plan, height) is not None or staged_fills(ctx, step, plan, height)


Rows = list[list["PanelPlan"]]


def _shot_holds(ctx: PanelContext, step: Step, plan: PanelPlan, height: float) -> bool:
    """Whether the panel, lower than planned, holds as a shot: its scene composed at `height`, and a vertical
    caption's columns (when it has one) still fitting their box beside it."""
    side = plan.side
    if side is None:
        return shot_at(ctx, step, plan, height) is not None
    from .panel import _SIDE_CHROME
    s = plan.s
    longest = max(ctx.setter.column_length(c, side.size) for c in side.cols)
    return (2 * _pad(s) + 2 * _badge_r(s) + _SIDE_CHROME * s + longest <= height + 0.01
            and shot_at(ctx, step, side.scene, height) is not None)


def rows_for_height(ctx: PanelContext, steps: tuple[Step, ...], rows: Rows, more: Iterable[Rows], room: float,
                    gap: float) -> tuple[Rows, list[float]]:
    """The strip's rows of panels for a body `room` points tall, and each row's height: the planner's `rows`, or,
    when a row grown into that room is too tall for its panels' people to fill (a narrow panel stretched to a
    tower: a person as tall as the panel would be wider than it), the first of `more` (more rows of fewer,
    wider panels, each as the planner planned it) that fits the same room with fewer such panels.

    The strip keeps its height, so columns and sheets stay the planner's; each row takes its panels' height and
    an even share of the room left over. Rows whose planned heights overflow the room share it in proportion
    to them when every panel of a row made lower than planned is a shot: people cut by the frame and bubbles
    over their bodies often need less height than the planner's staging (bubbles stacked over whole people)."""
    never = len(steps) + 1  # rows that cannot be placed in the room

    def heights(rs: Rows) -> list[float] | None:
        natural = [max(p.height for p in row) for row in rs]
        spare = room - sum(natural) - (len(rs) - 1) * gap
        if spare >= -1e-6:
            return [h + max(spare, 0.0) / len(rs) for h in natural]
        share = (room - (len(rs) - 1) * gap) / sum(natural)
        return [h * share for h in natural] if share > 0 else None

    def misses(rs: Rows, hs: list[float], least: int) -> int:
        n = 0
        number = 0
        for row, h in zip(rs, hs, strict=True):
            for plan in row:
                number += 1
                if h < plan.height - 0.01:  # lower than planned: only a shot holds it
                    if not _shot_holds(ctx, steps[number - 1], plan, h):
                        return never
                elif not fills(ctx, steps[number - 1], number, plan, h):
                    n += 1
                    if n >= least:
                        return n
        return n

    first = heights(rows)
    if first is None:  # a strip placed lower than planned (never, from the board): the rows as planned
        return rows, [max(p.height for p in row) for row in rows]
    best, best_h = rows, first
    least = misses(rows, first, never)
    for alt in more if least else ():
        hs = heights(alt)
        # Only rows the planner would accept: no speech that does not fit, no crowded tails, no cramped bubble.
        if hs is None or any(p.problems or p.tails_crowded or cramped(p) for row in alt for p in row):
            continue
        n = misses(alt, hs, least)
        if n < least:
            best, best_h, least = alt, hs, n
            if not least:
                break
    return best, best_h
