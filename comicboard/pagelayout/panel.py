"""Lay out one comic panel: who stands where, which bubble says what, the caption and the step badge.

`plan_panel` measures a panel at a given width and base size (its natural height); `place_panel`
positions everything in a box at least that tall, spending any extra height on bigger figures.
Bubbles stack in speaking order from the top; each keeps clear of the tails of the bubbles above it,
of every head, and of the step badge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..art import bubble_size_for_text, bubble_text_box, caption_text_box, draw_figure
from ..art.bubbles import SHADOW_SHARE, shadow_offset
from ..model import Board, Speech, Step
from .geometry import Box, Bubble, Figure, Item, Panel, Shape
from .memo import memo
from .typeset import LEADING, Setter, columns_for, vertical_block

FIG_ASPECT = 0.5  # figure box width / height
TAIL_MARGIN = 0.35  # clearance around a tail, in em of the base size


@dataclass
class PanelContext:
    board: Board
    setter: Setter
    category: str
    procedure: str
    procedure_number: int
    min_size: float

    def plan_key(self, whos: tuple[str, ...]) -> tuple:
        """What a plan for these speakers reads from the context: fonts, language, writing, the minimum size and
        each speaker's look (their head's place), not the procedure's name or number."""
        cast = self.board.cast
        return (self.setter.fonts, self.setter.lang, self.board.writing, self.min_size,
                tuple((who, cast[who].look if who in cast else None) for who in whos))


@dataclass
class PanelPlan:
    width: float
    height: float
    s: float
    speeches: tuple[Speech, ...]
    speakers: list[str]
    caption_lines: list[str]
    caption_size: float
    caption_h: float
    fig_h: float
    beside: bool
    bubbles: list[dict] = field(default_factory=list)  # per speech: lines, size, w, h, x (local), y (local)
    counter: dict | None = None  # props on a counter: names, icon size, width, local x (set by the planner)
    share: float = 1.0  # widest bubble as a share of the panel width
    problems: list[str] = field(default_factory=list)
    tails_crowded: bool = False  # no plan kept every tail clear of the other bubbles (reported as a warning)
    side: SideCaption | None = None  # a vertical caption beside the scene (writing: vertical)
    fig_shift: float = 0.0  # beside: how far the left speaker stands right of the panel's edge (clear of the badge)
    corner_badge: bool = False  # the step badge sits in the panel's top-left corner (no caption box holds it)


def speeches_of(step: Step) -> tuple[Speech, ...]:
    """A shorthand step (no `say`) is its caption said by the default staff figure."""
    return step.say or (Speech("worker", step.caption),)


def _pad(s: float) -> float:
    return 0.4 * s


def _badge_r(s: float) -> float:
    return 0.7 * s


Pt = tuple[float, float]


@lru_cache(maxsize=512)
def _head_frac(look: str, facing: str, who: str) -> Box:
    """The head box of this person as fractions of the figure box (the art scales uniformly)."""
    hx, hy, hw, hh = draw_figure(0.0, 0.0, FIG_ASPECT, 1.0, look=look, facing=facing, seed_key=who).head
    return (hx / FIG_ASPECT, hy, hw / FIG_ASPECT, hh)


def _head_box(look: str, facing: str, who: str, fig: Box) -> Box:
    fx, fy, fw, fh = fig
    ux, uy, uw, uh = _head_frac(look, facing, who)
    return (fx + ux * fw, fy + uy * fh, uw * fw, uh * fh)


def _tail_tip(head: Box, facing: str, beside: bool, s: float) -> Pt:
    """Where a bubble's tail ends: beside the face (bubbles beside the figures) or just above the head."""
    hx, hy, hw, hh = head
    if beside:
        return (hx + hw + 0.25 * s if facing == "right" else hx - 0.25 * s, hy + hh * 0.6)
    return (hx + hw / 2, hy - 0.25 * s)


def _tail_root(box: Box, tip: Pt) -> Pt:
    """Where the tail leaves the bubble: the ray from its centre to the tip crosses its (inscribed) ellipse."""
    x, y, w, h = box
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    d = math.hypot((tip[0] - cx) / rx, (tip[1] - cy) / ry)
    if d <= 1.0:
        return tip
    return (cx + (tip[0] - cx) / d, cy + (tip[1] - cy) / d)


def _segment_hits(p: Pt, q: Pt, box: Box, margin: float) -> bool:
    """Whether segment p–q comes within `margin` of the box (Liang–Barsky clipping on the grown box)."""
    x0, y0 = box[0] - margin, box[1] - margin
    x1, y1 = box[0] + box[2] + margin, box[1] + box[3] + margin
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


def _segments_cross(p1: Pt, p2: Pt, q1: Pt, q2: Pt) -> bool:
    def orient(a: Pt, b: Pt, c: Pt) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return orient(p1, p2, q1) * orient(p1, p2, q2) < 0 and orient(q1, q2, p1) * orient(q1, q2, p2) < 0


def link_tip(box: Box) -> Pt:
    """Where a linked bubble's tail ends: the middle of the next bubble of the same speaker (drawn over it)."""
    return (box[0] + box[2] / 2, box[1] + box[3] / 2)


def bubble_tips(boxes: list[Box], links: list[int | None], head_tips: list[Pt]) -> list[Pt]:
    return [link_tip(boxes[k]) if k is not None else t for k, t in zip(links, head_tips, strict=True)]


def tails_clear(boxes: list[Box], tips: list[Pt], margin: float, links: list[int | None] | None = None) -> bool:
    """No tail (root → tip) passes within `margin` of another bubble, and no two tails cross.

    A linked tail (`links[i]` = k) runs into bubble k by design; only bubble k is exempt for it.
    """
    links = links or [None] * len(boxes)
    tails = [(_tail_root(b, t), t) for b, t in zip(boxes, tips, strict=True)]
    for i, (p, q) in enumerate(tails):
        for j, box in enumerate(boxes):
            if j != i and j != links[i] and _segment_hits(p, q, box, margin):
                return False
        for p2, q2 in tails[i + 1:]:
            if _segments_cross(p, q, p2, q2):
                return False
    return True


MAX_BUBBLE_SHARE = 0.62  # widest bubble as a share of the panel width, when a bubble would fill over half
MAX_BUBBLE_AREA = 0.5  # a bubble takes at most about half its panel


COUNTER_TOP = 0.36  # the counter's top above the floor, as a share of the figures' height (about hip height)
COUNTER_ICON = 0.34  # a prop on the counter, as a share of the figures' height
HELD = {"document": "holding_document", "form": "holding_document", "certificate": "holding_document",
        "phone": "holding_phone"}


def held_props(step: Step, speeches: tuple[Speech, ...]) -> dict[int, str]:
    """Which of the step's props (by index) a figure holds in its hand, by speaker; the rest go on the counter."""
    last = {sp.who: sp for sp in speeches}
    held: dict[int, str] = {}
    for who, sp in last.items():
        pose = _pose(sp, step)
        k = next((i for i, name in enumerate(step.props[:3]) if HELD.get(name) == pose and i not in held), None)
        if k is not None:
            held[k] = who
    return held


def _counter_width(n: int, icon: float) -> float:
    return max(n * icon + (n - 1) * 0.15 * icon + 0.6 * icon, 1.6 * icon)


def _counter_gap(n_fig: int) -> int:
    """The counter stands before figure number `gap`: between the two facing groups, or in front of one person."""
    return 1 if n_fig == 1 else n_fig // 2


def _pose(sp: Speech | None, step: Step) -> str:
    """The speaker's pose: as the spec says, else holding what the step is about, else talking."""
    from ..art import POSES

    if sp is not None and sp.pose:
        return sp.pose
    held = {"document": "holding_document", "form": "holding_document", "certificate": "holding_document",
            "phone": "holding_phone"}
    for prop in step.props:
        if held.get(prop) in POSES and sp is not None and sp.who == "worker":
            return held[prop]
    return "talking"


# Words of trouble a resident brings to the counter (illness, lost job or papers, hardship, worry), in the four
# languages: whoever says them looks worried, not cheerful. Extend the table, not the code.
TROUBLE = ("困难", "困難", "失业", "失業", "住院", "入院", "生病", "病了", "丢了", "丟了", "没钱", "沒錢",
           "麻烦", "麻煩", "担心", "擔心", "着急", "著急", "急用", "去世", "过世", "過世",
           "困って", "心配", "なくし", "無くし", "苦手", "失くし", "亡くな",
           "잃", "걱정", "어려", "아파", "입원", "실직", "돌아가")


def _expression(sp: Speech | None, who: str) -> str:
    if sp is not None and sp.expression:
        return sp.expression
    if sp is None:
        return "happy" if who == "worker" else "neutral"
    troubled = who != "worker" and any(word in sp.text for word in TROUBLE)
    if sp.kind == "shout" or "！" in sp.text or "!" in sp.text:
        return "worried" if troubled else "surprised" if who != "worker" else "happy"
    if troubled or "？" in sp.text or "?" in sp.text:
        return "worried"
    return "neutral" if sp.kind == "thought" else "happy"  # a thought without a question is calm


def _bubble_for(setter: Setter, sp: Speech, max_outer_w: float, s: float, min_size: float) -> dict:
    """Break a speech for a bubble no wider than `max_outer_w`; shrink towards `min_size` if a word won't fit.

    Memoised on its inputs (a fresh dict each time: the caller places it)."""
    key = (setter.fonts, setter.lang, sp.text, sp.kind, max_outer_w, s, min_size)
    return dict(_BUBBLES.call(key, setter.split_words, lambda: _bubble_fit(setter, sp, max_outer_w, s, min_size)))


_BUBBLES = memo("bubble", 100_000)


def _bubble_fit(setter: Setter, sp: Speech, max_outer_w: float, s: float, min_size: float) -> dict:
    # A bubble's outer width is linear in its text's width (`bubble_size_for_text`): the widest text that fits
    # follows in closed form.
    per_w = bubble_size_for_text(sp.kind, 1.0, 1.0, 0.0)[0]
    size = s
    while True:
        pad = 0.45 * size
        text_w = min(max(size, max_outer_w / per_w - 2 * pad), max(size, max_outer_w))
        lines, widest, th = setter.measure(sp.text, text_w, size, split=size <= min_size, whole_words=True)
        if widest <= text_w + 0.01 or size <= min_size:
            ow, oh = bubble_size_for_text(sp.kind, widest, th, pad)
            return {"lines": lines, "size": size, "w": ow, "h": oh, "text_w": widest, "text_h": th, "pad": pad,
                    "overflow": widest > text_w + 0.01}
        size = max(min_size, size - 0.5)


TAILS_CROWDED = "the bubbles' tails cannot all keep clear of the other bubbles in this narrow panel"
TAILS_HINT = "give the step fewer or shorter speeches, or the board more room (a larger size or fewer procedures)"


def plan_panel(ctx: PanelContext, step: Step, width: float, s: float) -> PanelPlan:
    """Measure a panel `width` points wide at base size `s` (bubble text size)."""
    if step.say and ctx.board.writing == "vertical":
        return _plan_side_caption(ctx, step, width, s)
    return _plan(ctx, step, width, s, caption=True)


@dataclass
class SideCaption:
    """A vertical caption: a column box down the panel's reading-start side, the step badge on top of it."""

    cols: list[str]
    size: float
    width: float
    scene: PanelPlan  # the rest of the panel (figures and bubbles), planned without a caption box


_MIN_SCENE_EM = 6.5  # narrowest scene (figures and bubbles) beside a vertical caption, in base-size em


def _side_width(ncols: int, size: float, s: float) -> float:
    """Room for a vertical caption box of `ncols` columns: the columns, their padding and the box's drop
    shadow (art.bubbles.SHADOW_SHARE of its width), and the gap to the scene."""
    return max(2 * _badge_r(s) + 0.5 * s, (ncols * size * LEADING + 0.3 * s) / (1 - SHADOW_SHARE) + 0.3 * s)


_SIDE_CHROME = 1.2  # em of a vertical caption box's height that is not column: padding, gaps, shadow


def _plan_side_caption(ctx: PanelContext, step: Step, width: float, s: float) -> PanelPlan:
    """Plan a panel whose caption is set vertically beside the scene. Its columns fit the scene's height; a
    second column widens the box, so the scene is planned again (a few times at most; when the count does not
    settle, the caption goes across the top instead)."""
    size = max(ctx.min_size, 0.9 * s)
    ncols = 1
    for _ in range(4):
        side_w = _side_width(ncols, size, s)
        if width - side_w < _MIN_SCENE_EM * s:  # no room beside the people: the caption goes across the top
            return _plan(ctx, step, width, s, caption=True)
        scene = _plan(ctx, step, width - side_w, s, caption=False)
        room = scene.height - 2 * _pad(s) - 2 * _badge_r(s) - _SIDE_CHROME * s
        cols = columns_for(ctx.setter, step.caption, max(room, 4 * size), size)
        if len(cols) <= ncols:
            break
        ncols = len(cols)
    else:  # the columns never settled: a box planned for fewer would push the scene out of the panel
        return _plan(ctx, step, width, s, caption=True)
    longest = max(ctx.setter.column_length(c, size) for c in cols)
    height = max(scene.height, 2 * _pad(s) + 2 * _badge_r(s) + _SIDE_CHROME * s + longest)
    return replace(scene, width=width, height=height, caption_lines=[], caption_size=size, caption_h=0.0,
                   side=SideCaption(cols, size, side_w, scene))


_PANELS = memo("panel", 20_000)


def _plan(ctx: PanelContext, step: Step, width: float, s: float, caption: bool, beside_ok: bool = True) -> PanelPlan:
    """The panel planned once per set of inputs (memoised; plans are never changed after they are made)."""
    key = (ctx.plan_key(tuple(sp.who for sp in speeches_of(step))), step, width, s, caption, beside_ok)
    return _PANELS.call(key, ctx.setter.split_words, lambda: _plan_fresh(ctx, step, width, s, caption, beside_ok))


def _plan_fresh(ctx: PanelContext, step: Step, width: float, s: float, caption: bool,
                beside_ok: bool = True) -> PanelPlan:
    setter = ctx.setter
    pad = _pad(s)
    inner = width - 2 * pad
    speeches = speeches_of(step)
    speakers: list[str] = []
    for sp in speeches:
        if sp.who not in speakers:
            speakers.append(sp.who)
    caption_lines: list[str] = []
    caption_size = max(ctx.min_size, 0.9 * s)
    caption_h = 0.0
    if step.say and caption:
        badge_w = 2 * _badge_r(s) + 0.3 * s
        # The text keeps clear of the box's right edge and of its drop shadow, which grows with the box.
        text_w = inner - badge_w - 0.8 * s
        for _ in range(3):
            caption_lines, _, th = setter.measure(step.caption, text_w, caption_size, fill=True)
            caption_h = (th + 0.5 * s) / (1 - SHADOW_SHARE) + 0.05 * s
            room = inner - 2 * _badge_r(s) - 0.7 * s - shadow_offset(inner, caption_h)
            if room >= text_w - 1e-6:
                break
            text_w = room
    n_fig = len(speakers)
    # People are 3.9 em tall; in a wide panel they grow (up to 5.5 em) so the panel is not a flat sliver.
    flat_limit = width / 2.6 - caption_h - 2 * pad
    fig_h = min(max(3.9 * s, min(flat_limit, 5.5 * s)), (inner - (n_fig - 1) * 0.3 * s) / (n_fig * FIG_ASPECT))
    held = held_props(step, speeches)
    on_counter = [name for i, name in enumerate(step.props[:3]) if i not in held]
    if on_counter:  # the figures leave room for a counter beside or between them
        k = _counter_width(len(on_counter), COUNTER_ICON)
        fig_h = min(fig_h, (inner - (n_fig + 1) * 0.3 * s) / (n_fig * FIG_ASPECT + k))
    beside = False
    plan = PanelPlan(width, 0.0, s, speeches, speakers, caption_lines, caption_size, caption_h, fig_h, beside)
    plan.corner_badge = caption and not caption_lines
    if on_counter:
        icon = COUNTER_ICON * fig_h
        cw = _counter_width(len(on_counter), icon)
        plan.counter = {"names": on_counter, "icon": icon, "w": cw, "room": cw + 0.3 * s}

    # Narrower bubbles only when one would fill over half the panel, or when the tails would not stay clear.
    tried = []
    for share in (1.0, MAX_BUBBLE_SHARE):
        plan.share = share
        beside = _plan_beside(ctx, plan, inner, s) if beside_ok else None
        above = _plan_above(ctx, plan, inner, s)
        if beside is not None and _text_size(beside) >= _text_size(above) and (
                beside["height"] < above["height"] * 1.05 or not above["clear"]):
            chosen = beside
        else:
            chosen = above
        fits = max(b["w"] * b["h"] for b in chosen["bubbles"]) <= MAX_BUBBLE_AREA * width * chosen["height"]
        clear = chosen.get("clear", True)
        # Never trade the text's size for a tidier shape: a shrunk speech is what a reader notices first.
        tried.append(((clear, _text_size(chosen), fits, share < 1.0), chosen is beside, share, chosen))
        if fits and clear:
            break
    (clear, _, _, _), plan.beside, plan.share, chosen = max(tried, key=lambda t: t[0])
    plan.tails_crowded = not clear
    plan.fig_shift = chosen.get("shift", 0.0) if plan.beside else 0.0
    plan.bubbles, plan.height = chosen["bubbles"], chosen["height"]
    plan.problems = [f"the speech of {sp.who!r} does not fit its bubble"
                     for sp, b in zip(speeches, plan.bubbles, strict=True) if b["overflow"]]
    return plan


def _text_size(arrangement: dict) -> float:
    """The smallest bubble text size of an arrangement (the base size when no speech had to shrink)."""
    return min((b["size"] for b in arrangement["bubbles"]), default=float("inf"))


def _figure_boxes(ctx: PanelContext, plan: PanelPlan, beside: bool, fig_h: float,
                  fig_bottom: float) -> list[tuple[str, Box, str]]:
    """Each speaker's figure box and facing (local coordinates): the same for planning and placing."""
    s = plan.s
    pad = _pad(s)
    n_fig = len(plan.speakers)
    fig_w = fig_h * FIG_ASPECT
    if beside:
        centres = [pad + plan.fig_shift + fig_w / 2, plan.width - pad - fig_w / 2][:n_fig]
    else:
        centres = _speaker_centres(n_fig, plan.width - 2 * pad, pad, plan.counter)
    out = []
    for i, who in enumerate(plan.speakers):
        cx = centres[i]
        if beside:
            facing = "right" if i == 0 else "left"
        elif n_fig == 1:
            facing = "right" if cx < plan.width / 2 else "left"
        else:
            facing = "right" if i < n_fig / 2 else "left"
        out.append((who, (cx - fig_w / 2, fig_bottom - fig_h, fig_w, fig_h), facing))
    return out


def _tips(ctx: PanelContext, plan: PanelPlan, beside: bool, fig_h: float, fig_bottom: float) -> dict[str, Pt]:
    """Where each speaker's tails end, for figures of height `fig_h` standing on `fig_bottom`."""
    tips = {}
    for who, box, facing in _figure_boxes(ctx, plan, beside, fig_h, fig_bottom):
        head = _head_box(ctx.board.cast[who].look, facing, who, box)
        tips[who] = _tail_tip(head, facing, beside, plan.s)
    return tips


def _tail_block(s: float) -> float:
    """How far later bubbles keep from an earlier tail's centre line: its half width and some air."""
    return (TAIL_MARGIN + 0.4) * s


def _plan_beside(ctx: PanelContext, plan: PanelPlan, inner: float, s: float) -> dict | None:
    """One or two speakers standing at the panel's sides, their bubbles in the column between them.

    A bubble sits flush against its speaker's side, so its tail leaves sideways towards the mouth;
    later bubbles keep to the far side of the tails above them (each tail runs from where it leaves its
    bubble to the speaker's face). The tails' ends depend on the stack's height, so the stack is planned
    again with the tails of the previous attempt until they are where they were assumed to be.

    Without a caption the step badge sits in the panel's top-left corner, where the left speaker stands: when
    their head would be under it, the speaker steps right of it or stands lower, whichever keeps the panel lower.
    """
    if len(plan.speakers) > 2:
        return None
    first = _beside_attempt(ctx, plan, s, 0.0, plan.fig_h)
    if not plan.corner_badge or first is None:
        return first
    pad = _pad(s)
    edge = pad + 2 * _badge_r(s) + 0.15 * s  # the badge's right and bottom edges, with some air
    who = plan.speakers[0]
    ux, uy, _, _ = _head_frac(ctx.board.cast[who].look, "right", who)
    fig_w = plan.fig_h * FIG_ASPECT
    head_left, head_top = pad + ux * fig_w, pad + first["scene"] - plan.fig_h + uy * plan.fig_h
    if head_left >= edge or head_top >= edge:
        return first
    options = [_beside_attempt(ctx, plan, s, edge - head_left, plan.fig_h),
               _beside_attempt(ctx, plan, s, 0.0, plan.fig_h + edge - pad - uy * plan.fig_h)]
    return min((o for o in options if o is not None), key=lambda o: o["height"], default=None)


def _beside_attempt(ctx: PanelContext, plan: PanelPlan, s: float, shift: float, least: float) -> dict | None:
    """The beside arrangement with the left speaker `shift` points right of the panel's edge and a scene at
    least `least` points tall."""
    n_fig = len(plan.speakers)
    pad = _pad(s)
    fig_w = plan.fig_h * FIG_ASPECT
    left = pad + shift + fig_w + 0.3 * s
    right = plan.width - pad - (fig_w + 0.3 * s if n_fig == 2 else 0.0)
    if right - left < 5.5 * s or (plan.counter is not None and right - left < plan.counter["w"]):
        return None
    plan.fig_shift = shift
    # A counter stands at the bottom of the column: the bubbles end above the props on it.
    counter_h = COUNTER_TOP * plan.fig_h + plan.counter["icon"] + 0.35 * s if plan.counter else 0.0
    scene = least
    for _ in range(4):
        tips = _tips(ctx, plan, True, plan.fig_h, pad + scene)
        bubbles = _beside_pass(ctx, plan, s, left, right, tips)
        if bubbles is None:
            return None
        stack = max(b["y"] + b["h"] for b in bubbles) - pad
        new_scene = max(least, stack + 0.35 * plan.fig_h, stack + counter_h)
        if abs(new_scene - scene) < 0.01:
            break
        scene = new_scene
    tips = _tips(ctx, plan, True, plan.fig_h, pad + scene)
    boxes = [(b["x"], b["y"], b["w"], b["h"]) for b in bubbles]
    if not tails_clear(boxes, [tips[sp.who] for sp in plan.speeches], TAIL_MARGIN * s):
        return None
    height = pad + scene + plan.caption_h + (0.3 * s if plan.caption_h else 0) + pad
    return {"bubbles": bubbles, "height": height, "scene": scene, "shift": shift}


def _beside_pass(ctx: PanelContext, plan: PanelPlan, s: float, left: float, right: float,
                 tips: dict[str, Pt]) -> list[dict] | None:
    n_fig = len(plan.speakers)
    pad = _pad(s)
    gap = 0.35 * s
    placed: list[Box] = []
    if not plan.caption_lines:  # the badge sits in the top-left corner
        placed.append((0.0, 0.0, pad + 2 * _badge_r(s) + 0.2 * s, pad + 2 * _badge_r(s) + 0.2 * s))
    bubbles: list[dict] = []
    lo, hi = left, right  # later bubbles keep between the tails of earlier ones
    prev_top = pad
    for sp in plan.speeches:
        side = plan.speakers.index(sp.who)
        # At most ~0.6 of the panel's width, so no bubble takes over half the panel.
        avail = min(hi - lo - (0.8 * s if n_fig == 2 else 0.0), plan.share * plan.width)
        if avail < 4.5 * s:
            return None
        bub = _bubble_for(ctx.setter, sp, avail, s, ctx.min_size)
        bx = lo if side == 0 else hi - bub["w"]
        by = _drop_below(bx, prev_top, bub["w"], bub["h"], placed, gap)
        bub["x"], bub["y"], bub["side"] = bx, by, side
        placed.append((bx, by, bub["w"], bub["h"]))
        bubbles.append(bub)
        prev_top = by + 0.6 * s
        tip = tips[sp.who]
        root = _tail_root((bx, by, bub["w"], bub["h"]), tip)
        if tip[0] < root[0]:
            lo = max(lo, root[0] + _tail_block(s))
        else:
            hi = min(hi, root[0] - _tail_block(s))
    return bubbles


def _speaker_centres(n: int, inner: float, pad: float, counter: dict | None = None) -> list[float]:
    """Figures in equal slots across the panel; a counter takes its own slot between them."""
    if counter is None:
        return [pad + (i + 0.5) * inner / n for i in range(n)]
    room = counter["room"]
    slot = (inner - room) / n
    g = _counter_gap(n)
    return [pad + (i + 0.5) * slot + (room if i >= g else 0.0) for i in range(n)]


def _counter_x(plan: PanelPlan, beside: bool, fig_w: float) -> float:
    """The counter's left edge (local): in the column between the figures, or in its own slot."""
    s = plan.s
    pad = _pad(s)
    cw = plan.counter["w"]
    n = len(plan.speakers)
    if beside:
        left = pad + plan.fig_shift + fig_w + 0.3 * s
        right = plan.width - pad - (fig_w + 0.3 * s if n == 2 else 0.0)
        return left if n == 1 else (left + right - cw) / 2
    room = plan.counter["room"]
    slot = (plan.width - 2 * pad - room) / n
    return pad + _counter_gap(n) * slot + 0.15 * s


def _plan_above(ctx: PanelContext, plan: PanelPlan, inner: float, s: float) -> dict:
    """Bubbles above the figures, read top-left to bottom-right: each placed as high as it can go
    without overlapping an earlier bubble, the badge, or the path of an earlier bubble's tail.

    The tails end above the heads, whose height depends on the stack; the stack is planned again with
    the heads where the previous attempt put them until the tails are clear (or it stops changing).
    """
    pad = _pad(s)
    tail_room = 1.0 * s
    fig_top: float | None = None
    for _ in range(4):
        bubbles = _above_pass(ctx, plan, inner, s, fig_top)
        stack_bottom = max((b["y"] + b["h"] for b in bubbles), default=pad)
        new_top = max(stack_bottom + tail_room, pad)
        heads = _tips(ctx, plan, False, plan.fig_h, new_top + plan.fig_h)
        boxes = [(b["x"], b["y"], b["w"], b["h"]) for b in bubbles]
        links = [b.get("link") for b in bubbles]
        tips = bubble_tips(boxes, links, [heads[sp.who] for sp in plan.speeches])
        clear = tails_clear(boxes, tips, TAIL_MARGIN * s, links)
        if clear or (fig_top is not None and abs(new_top - fig_top) < 0.01):
            break
        fig_top = new_top
    height = new_top + plan.fig_h + plan.caption_h + (0.3 * s if plan.caption_h else 0) + pad
    return {"bubbles": bubbles, "height": height, "clear": clear}


def _above_pass(ctx: PanelContext, plan: PanelPlan, inner: float, s: float, fig_top: float | None) -> list[dict]:
    """One planning pass; `fig_top` is where the figures' tops are assumed (None: just under each bubble)."""
    pad = _pad(s)
    width = plan.width
    n_fig = len(plan.speakers)
    centres = _speaker_centres(n_fig, inner, pad)
    badge = (0.0, 0.0, pad + 2 * _badge_r(s) + 0.2 * s, pad + 2 * _badge_r(s) + 0.2 * s)
    gap = 0.35 * s
    blocked: list[tuple[float, float]] = []  # x intervals crossed by the tails of earlier bubbles
    placed: list[Box] = [] if plan.caption_lines else [badge]
    bubbles: list[dict] = []
    max_w = min(inner * (0.86 if n_fig == 1 else 0.74), plan.share * width)
    prev_top = pad
    last_of: dict[str, int] = {}  # speaker → index of their latest bubble

    def room(blocks: list[tuple[float, float]], cx: float) -> tuple[float, float] | None:
        intervals = _free_intervals(pad, width - pad, blocks)
        intervals.sort(key=lambda iv: (_dist(cx, iv) > 0, _dist(cx, iv), -(iv[1] - iv[0])))
        return next((iv for iv in intervals if iv[1] - iv[0] >= 4.5 * s), None)

    for k, sp in enumerate(plan.speeches):
        cx = centres[plan.speakers.index(sp.who)]
        found = room(blocked, cx)
        j = last_of.get(sp.who)
        if found is None and j is not None and bubbles[j].get("link") is None:
            # No room beside the speaker's earlier tail: that bubble's tail links into this one instead
            # (comic "linked balloons"), so only this bubble's tail goes down to the speaker.
            found = room([iv for i, iv in enumerate(blocked) if i != j], cx)
            if found is not None:
                bubbles[j]["link"] = k
                blocked[j] = (0.0, 0.0)
        best = _above_fit(ctx, sp, found if found is not None else (pad, width - pad), cx, max_w, prev_top, placed,
                          gap, s)
        if _skinny(best[1]) and j is not None and bubbles[j].get("link") is None:
            # Squeezed between earlier tails into a column of a few characters a line: the speaker's earlier
            # bubble links into this one instead, which frees the room its tail took.
            linked = room([iv for i, iv in enumerate(blocked) if i != j], cx)
            if linked is not None:
                alt = _above_fit(ctx, sp, linked, cx, max_w, prev_top, placed, gap, s)
                if alt[0] < best[0]:
                    best = alt
                    bubbles[j]["link"] = k
                    blocked[j] = (0.0, 0.0)
        _, bub, bx, by = best
        bub["x"], bub["y"] = bx, by
        bubbles.append(bub)
        placed.append((bx, by, bub["w"], bub["h"]))
        prev_top = by + 0.6 * s  # the next bubble reads after this one: not higher
        # The tail runs from where it leaves this bubble down to the speaker's head at cx.
        top = fig_top if fig_top is not None else by + bub["h"] + 1.0 * s
        tip = _tips(ctx, plan, False, plan.fig_h, top + plan.fig_h)[sp.who]
        root = _tail_root((bx, by, bub["w"], bub["h"]), tip)
        m = _tail_block(s)
        blocked.append((min(root[0], tip[0]) - m, max(root[0], tip[0]) + m))
        last_of[sp.who] = k
    return bubbles


def _above_fit(ctx: PanelContext, sp: Speech, free: tuple[float, float], cx: float, max_w: float, prev_top: float,
               placed: list[Box], gap: float, s: float) -> tuple[tuple, dict, float, float]:
    """The best bubble for `sp` in the free x interval `free`: (key, bubble, x, y); lower keys are better."""
    a, b = free
    best = None
    # A word that does not fit the usual widest bubble may take the whole free width before it shrinks.
    for avail in (min(max_w, b - a), min(max_w, b - a) * 0.62, min(max_w, b - a) * 0.48, b - a):
        if avail < 4.5 * s and best is not None:
            continue
        bub = _bubble_for(ctx.setter, sp, avail, s, ctx.min_size)
        if avail > max_w and best is not None and bub["size"] <= best[1]["size"]:
            continue  # widening past the usual share is only for keeping the text at its size
        bx = min(max(cx - bub["w"] / 2, a), b - bub["w"])
        by = _drop_below(bx, prev_top, bub["w"], bub["h"], placed, gap)
        # Text at its full size first (a narrow bubble must not win by shrinking its text); then a
        # narrower bubble may tuck in higher, but not as a column of one or two characters a line.
        key = (-bub["size"], _skinny(bub), by + bub["h"], -bub["w"])
        if best is None or key < best[0]:
            best = (key, bub, bx, by)
    assert best is not None
    return best


def cramped(plan: PanelPlan) -> int:
    """How many of a planned panel's bubbles are set in lines too short to read as a sentence."""
    return sum(map(_skinny, plan.bubbles))


_SKINNY_EM = 4.0  # a bubble of three lines or more reads as a sentence when its lines hold about four letters


def _skinny(bub: dict) -> bool:
    """Three lines or more of three characters or fewer, a tower of lines over twice as tall as wide, or a line
    of one letter between others: hard to read as a sentence."""
    lines = bub["lines"]
    return len(lines) > 2 and (bub["text_w"] < _SKINNY_EM * bub["size"] - 0.01 or bub["text_h"] > 2 * bub["text_w"]
                               or any(sum(ch.isalnum() for ch in ln) <= 1 for ln in lines[:-1]))


def _drop_below(x: float, y: float, w: float, h: float, placed: list[tuple[float, float, float, float]],
                gap: float) -> float:
    """The highest y ≥ `y` at which a w×h box at `x` clears every placed box by `gap`."""
    moved = True
    while moved:
        moved = False
        for px, py, pw, ph in placed:
            if x < px + pw + gap and px < x + w + gap and y < py + ph + gap and py < y + h:
                y, moved = py + ph + gap, True
    return y


def _dist(x: float, iv: tuple[float, float]) -> float:
    return 0.0 if iv[0] <= x <= iv[1] else min(abs(x - iv[0]), abs(x - iv[1]))


def _free_intervals(lo: float, hi: float, blocked: list[tuple[float, float]]) -> list[tuple[float, float]]:
    free = [(lo, hi)]
    for b0, b1 in blocked:
        nxt = []
        for a, b in free:
            if b1 <= a or b0 >= b:
                nxt.append((a, b))
                continue
            if b0 > a:
                nxt.append((a, b0))
            if b1 < b:
                nxt.append((b1, b))
        free = nxt
    return [iv for iv in free if iv[1] > iv[0]]


def place_panel(ctx: PanelContext, step: Step, number: int, plan: PanelPlan, x: float, y: float,
                height: float, mirror: bool, badge: bool = True) -> list[Item]:
    """Position the planned panel at (x, y), `height` ≥ plan.height tall. Returns its items."""
    if plan.side is not None:
        return _place_side_caption(ctx, step, number, plan, x, y, height, mirror)
    plan = _restaged(ctx, step, plan, height)
    s = plan.s
    pad = _pad(s)
    w = plan.width
    inner = w - 2 * pad
    extra = max(0.0, height - plan.height)
    n_fig = len(plan.speakers)
    # Spend extra height on bigger figures first (bounded by the panel width), then on air above them.
    room = plan.counter["room"] if plan.counter else 0.0  # the counter's slot keeps its planned width
    fig_h = min(plan.fig_h + extra, plan.fig_h * 1.3,
                (inner - room - (n_fig - 1) * 0.3 * s) / (n_fig * FIG_ASPECT) if not room else
                ((inner - room) / n_fig - 0.3 * s) / FIG_ASPECT)
    fig_h = max(fig_h, plan.fig_h)
    if plan.beside:  # bubbles were fitted beside figures of the planned width
        fig_h = plan.fig_h
    extra_left = extra - (fig_h - plan.fig_h)
    where = f"{ctx.category} / {ctx.procedure} / step {number}"
    items: list[Item] = [Panel((x, y, w, height), ctx.category, ctx.procedure, number, ctx.procedure_number)]
    cap_top = height - pad - plan.caption_h
    fig_bottom = cap_top - (0.3 * s if plan.caption_h else 0)

    # Figures.
    figures: dict[str, Figure] = {}
    last_speech = {sp.who: sp for sp in plan.speeches}
    for who, box, facing in _figure_boxes(ctx, plan, plan.beside, fig_h, fig_bottom):
        member = ctx.board.cast[who]
        art = draw_figure(*box, look=member.look, facing=facing, seed_key=who)
        figures[who] = Figure(box, who, member.look, member.name, art.head, facing,
                              _expression(last_speech.get(who), who), _pose(last_speech.get(who), step), art.mouth,
                              picture=str(member.picture) if member.picture else None)

    # Bubbles: the planned stack moves down with the figures, so every tail is as long as planned
    # (the plan kept the tails clear of other bubbles); the extra height is air above the bubbles.
    for sp, bub in zip(plan.speeches, plan.bubbles, strict=True):
        fig = figures[sp.who]
        tip = _tail_tip(fig.head, fig.facing, plan.beside, s)
        if bub.get("link") is not None:
            nxt = plan.bubbles[bub["link"]]
            tip = link_tip((nxt["x"], nxt["y"] + extra_left, nxt["w"], nxt["h"]))
        bub_box = (bub["x"], bub["y"] + extra_left, bub["w"], bub["h"])
        tb = bubble_text_box(sp.kind, *bub_box, pad=bub["pad"])
        tw, th = bub["text_w"], bub["text_h"]
        text_box = (tb[0] + (tb[2] - tw) / 2, tb[1] + (tb[3] - th) / 2, tw, th)
        block = ctx.setter.block("bubble_text", bub["lines"], text_box, bub["size"], align="center",
                                 where=f"{where} / {sp.who}")
        items.append(Bubble(bub_box, sp.who, sp.kind, tip, block, where=f"{where} / {sp.who}",
                            linked=bub.get("link") is not None))
    items.extend(figures.values())

    # Props: in a hand (the figure's art draws them; the icon item says where), or on a counter.
    held = held_props(step, plan.speeches)
    for k, who in held.items():
        art = draw_figure(*figures[who].bbox, look=figures[who].look, facing=figures[who].facing, seed_key=who,
                          pose=figures[who].pose)
        box = art.held if art.held is not None else figures[who].bbox
        items.append(Shape("icon", box, extra={"name": step.props[k], "held_by": who}))
    if plan.counter is not None:
        c = plan.counter
        top = fig_bottom - COUNTER_TOP * fig_h
        cx0 = _counter_x(plan, plan.beside, fig_h * FIG_ASPECT)
        items.append(Shape("counter", (cx0, top, c["w"], fig_bottom - top), extra={"props": list(c["names"])}))
        ic = c["icon"]
        row_w = len(c["names"]) * ic + (len(c["names"]) - 1) * 0.15 * ic
        ix = cx0 + (c["w"] - row_w) / 2
        for k, name in enumerate(c["names"]):
            items.append(Shape("icon", (ix + k * 1.15 * ic, top - ic, ic, ic), extra={"name": name, "on": "counter"}))
    # Caption and badge.
    r = _badge_r(s)
    if plan.caption_lines:
        cap_box = (pad, cap_top, inner, plan.caption_h)
        items.append(Shape("caption_box", cap_box))
        text_x = pad + 2 * r + 0.45 * s
        tb = caption_text_box(*cap_box, pad=0.25 * s)  # inside the border, clear of the shadow
        block = ctx.setter.block("caption", plan.caption_lines,
                                 (text_x, tb[1], min(tb[0] + tb[2], pad + inner - 0.55 * s) - text_x, tb[3]),
                                 plan.caption_size, valign="middle", where=where, align="justify",
                                 source=step.caption)
        items.append(block)
        badge_c = (pad + 0.2 * s + r, cap_top + plan.caption_h / 2)
    else:
        badge_c = (pad + r, pad + r)
    if badge:
        items.extend(_badge(ctx, number, badge_c, s))
    # Local → page coordinates (mirrored for right-to-left reading).
    for it in items[1:]:
        if mirror:
            _mirror(it, w)
        _move(it, x, y)
    return items


def _restaged(ctx: PanelContext, step: Step, plan: PanelPlan, height: float) -> PanelPlan:
    """A panel planned with its bubbles squeezed beside the people but given more height by its row: the
    bubbles go above the people instead when that fits the height and sets the speech in fewer lines (wider
    bubbles, no column of short lines beside a tiny figure under empty air)."""
    if not plan.beside or height <= plan.height + 0.01:
        return plan
    alt = _plan(ctx, step, plan.width, plan.s, caption=bool(plan.caption_lines), beside_ok=False)
    lines = sum(len(b["lines"]) for b in plan.bubbles)
    if (alt.height <= height + 0.01 and not alt.tails_crowded and not alt.problems
            and min(b["size"] for b in alt.bubbles) >= min(b["size"] for b in plan.bubbles) - 0.01
            and sum(len(b["lines"]) for b in alt.bubbles) < lines):
        return alt
    return plan


def _badge(ctx: PanelContext, number: int, centre: tuple[float, float], s: float) -> list[Item]:
    r = _badge_r(s)
    return [Shape("badge", (centre[0] - r, centre[1] - r, 2 * r, 2 * r), extra={"number": number}),
            ctx.setter.block("badge_number", [str(number)], (centre[0] - r, centre[1] - 0.65 * s, 2 * r, 1.3 * s),
                             round(1.0 * s, 2), role="bold", align="center", color="paper")]


def _place_side_caption(ctx: PanelContext, step: Step, number: int, plan: PanelPlan, x: float, y: float,
                        height: float, mirror: bool) -> list[Item]:
    """The scene placed beside a vertical caption box that starts the panel's reading order (left, or right
    when mirrored), the badge on top of the box and the caption in columns under it."""
    side = plan.side
    assert side is not None
    s = plan.s
    pad = _pad(s)
    r = _badge_r(s)
    where = f"{ctx.category} / {ctx.procedure} / step {number}"
    scene = place_panel(ctx, step, number, side.scene, side.width, 0.0, height, False, badge=False)
    items: list[Item] = [Panel((x, y, plan.width, height), ctx.category, ctx.procedure, number,
                               ctx.procedure_number)]
    box = (pad, pad, side.width - 0.3 * s, height - 2 * pad)
    items.append(Shape("caption_box", box))
    items.extend(_badge(ctx, number, (box[0] + box[2] / 2, pad + 0.2 * s + r), s))
    top = pad + 2 * r + 0.6 * s
    tb = caption_text_box(*box, pad=0.15 * s)  # inside the border, clear of the shadow
    items.append(vertical_block(ctx.setter, "caption", side.cols, (tb[0], top, tb[2], tb[1] + tb[3] - top),
                                side.size, where=where))
    for it in items[1:]:
        if mirror:
            _mirror(it, plan.width)
        _move(it, x, y)
    for it in scene[1:]:  # already in panel coordinates
        if mirror:
            _mirror(it, plan.width)
        _move(it, x, y)
    return items + scene[1:]


def _move(it: Item, dx: float, dy: float) -> None:
    def mv(b: Box) -> Box:
        return (b[0] + dx, b[1] + dy, b[2], b[3])

    it.bbox = mv(it.bbox)
    if isinstance(it, Bubble):
        it.tail_tip = (it.tail_tip[0] + dx, it.tail_tip[1] + dy)
        _move(it.text, dx, dy)
    elif isinstance(it, Figure):
        it.head = mv(it.head)
        it.mouth = (it.mouth[0] + dx, it.mouth[1] + dy)
    elif hasattr(it, "lines"):
        for ln in it.lines:
            ln.bbox = mv(ln.bbox)
            ln.baseline += dy
            ln.xs = tuple(v + dx for v in ln.xs)


def _mirror(it: Item, w: float) -> None:
    def mb(b: Box) -> Box:
        return (w - b[0] - b[2], b[1], b[2], b[3])

    if isinstance(it, Bubble):
        it.bbox = mb(it.bbox)
        it.tail_tip = (w - it.tail_tip[0], it.tail_tip[1])
        # Text stays left-to-right: move the whole block, keep glyph order.
        old = it.text.bbox
        new = mb(old)
        _move(it.text, new[0] - old[0], 0.0)
    elif isinstance(it, Figure):
        it.bbox = mb(it.bbox)
        it.head = mb(it.head)
        it.mouth = (w - it.mouth[0], it.mouth[1])
        it.facing = "left" if it.facing == "right" else "right"
    elif hasattr(it, "lines"):
        old = it.bbox
        new = mb(old)
        _move(it, new[0] - old[0], 0.0)
    else:
        it.bbox = mb(it.bbox)
