"""Lay out one comic panel: who stands where, which bubble says what, the caption and the step badge.

`plan_panel` measures a panel at a given width and base size (its natural height); `place_panel`
positions everything in a box at least that tall, spending any extra height on bigger figures.
Bubbles stack in speaking order from the top; each keeps clear of the tails of the bubbles above it,
of every head, and of the step badge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..art import bubble_size_for_text, bubble_text_box, draw_figure
from ..model import Board, Speech, Step
from .geometry import Box, Bubble, Figure, Item, Panel, Shape
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
    props: tuple[float, float, float, float] | None = None  # local box of the prop icons
    share: float = 1.0  # widest bubble as a share of the panel width
    problems: list[str] = field(default_factory=list)
    side: SideCaption | None = None  # a vertical caption beside the scene (writing: vertical)


def speeches_of(step: Step) -> tuple[Speech, ...]:
    """A shorthand step (no `say`) is its caption said by the default staff figure."""
    return step.say or (Speech("worker", step.caption),)


def _pad(s: float) -> float:
    return 0.4 * s


def _badge_r(s: float) -> float:
    return 0.7 * s


PROP_EM = 1.6  # prop icon size in base-size em
MAX_BUBBLE_SHARE = 0.62  # widest bubble as a share of the panel width, when a bubble would fill over half
MAX_BUBBLE_AREA = 0.5  # a bubble takes at most about half its panel


def props_box(step: Step, width: float, s: float) -> tuple[float, float, float, float] | None:
    """Where a step's props stand: the panel's top-right corner, opposite the step badge."""
    n = min(len(step.props), 3)
    if not n:
        return None
    w = n * PROP_EM * s + (n - 1) * 0.2 * s
    return (width - _pad(s) - w, _pad(s), w, PROP_EM * s)


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


def _expression(sp: Speech | None, who: str) -> str:
    if sp is not None and sp.expression:
        return sp.expression
    if sp is None:
        return "happy" if who == "worker" else "neutral"
    if sp.kind == "shout" or "！" in sp.text or "!" in sp.text:
        return "surprised" if who != "worker" else "happy"
    if "？" in sp.text or "?" in sp.text or sp.kind == "thought":
        return "worried"
    return "happy"


def _bubble_for(setter: Setter, sp: Speech, max_outer_w: float, s: float, min_size: float) -> dict:
    """Break a speech for a bubble no wider than `max_outer_w`; shrink towards `min_size` if a word won't fit."""
    size = s
    while True:
        pad = 0.45 * size
        # Outer width grows at least linearly with text width; search the widest text that still fits.
        lo, hi = size, max(size, max_outer_w)
        for _ in range(14):
            mid = (lo + hi) / 2
            if bubble_size_for_text(sp.kind, mid, size * LEADING, pad)[0] <= max_outer_w:
                lo = mid
            else:
                hi = mid
        text_w = lo
        lines, widest, th = setter.measure(sp.text, text_w, size, split=size <= min_size, whole_words=True)
        if widest <= text_w + 0.01 or size <= min_size:
            ow, oh = bubble_size_for_text(sp.kind, widest, th, pad)
            return {"lines": lines, "size": size, "w": ow, "h": oh, "text_w": widest, "text_h": th, "pad": pad,
                    "overflow": widest > text_w + 0.01}
        size = max(min_size, size - 0.5)


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


def _side_width(ncols: int, size: float, s: float) -> float:
    return max(2 * _badge_r(s) + 0.5 * s, ncols * size * LEADING + 0.5 * s)


def _plan_side_caption(ctx: PanelContext, step: Step, width: float, s: float) -> PanelPlan:
    """Plan a panel whose caption is set vertically beside the scene. Its columns fit the scene's height; a
    second column widens the box, so the scene is planned again (at most twice)."""
    size = max(ctx.min_size, 0.9 * s)
    ncols = 1
    for _ in range(3):
        side_w = _side_width(ncols, size, s)
        scene = _plan(ctx, step, width - side_w, s, caption=False)
        room = scene.height - 2 * _pad(s) - 2 * _badge_r(s) - 0.8 * s
        cols = columns_for(ctx.setter, step.caption, max(room, 4 * size), size)
        if len(cols) <= ncols:
            break
        ncols = len(cols)
    side_w = _side_width(ncols, size, s)
    longest = max(ctx.setter.column_length(c, size) for c in cols)
    height = max(scene.height, 2 * _pad(s) + 2 * _badge_r(s) + 0.8 * s + longest)
    return PanelPlan(width, height, s, scene.speeches, scene.speakers, [], size, 0.0, scene.fig_h, scene.beside,
                     scene.bubbles, scene.props, scene.share, scene.problems,
                     side=SideCaption(cols, size, side_w, scene))


def _plan(ctx: PanelContext, step: Step, width: float, s: float, caption: bool) -> PanelPlan:
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
        caption_lines, _, th = setter.measure(step.caption, inner - badge_w - 0.5 * s, caption_size, fill=True)
        caption_h = th + 0.5 * s
    n_fig = len(speakers)
    # People are 3.9 em tall; in a wide panel they grow (up to 5.5 em) so the panel is not a flat sliver.
    flat_limit = width / 2.6 - caption_h - 2 * pad
    fig_h = min(max(3.9 * s, min(flat_limit, 5.5 * s)), (inner - (n_fig - 1) * 0.3 * s) / (n_fig * FIG_ASPECT))
    beside = False
    plan = PanelPlan(width, 0.0, s, speeches, speakers, caption_lines, caption_size, caption_h, fig_h, beside,
                     props=props_box(step, width, s))

    for share in (1.0, MAX_BUBBLE_SHARE):  # narrower bubbles only when one would fill over half the panel
        plan.share = share
        beside = _plan_beside(ctx, plan, inner, s)
        above = _plan_above(ctx, plan, inner, s)
        chosen = beside if beside is not None and beside["height"] < above["height"] * 1.05 else above
        plan.beside = chosen is beside
        plan.bubbles, plan.height = chosen["bubbles"], chosen["height"]
        if max(b["w"] * b["h"] for b in plan.bubbles) <= MAX_BUBBLE_AREA * width * plan.height:
            break
    plan.problems = [f"the speech of {sp.who!r} does not fit its bubble"
                     for sp, b in zip(speeches, plan.bubbles, strict=True) if b["overflow"]]
    return plan


def _plan_beside(ctx: PanelContext, plan: PanelPlan, inner: float, s: float) -> dict | None:
    """One or two speakers standing at the panel's sides, their bubbles in the column between them.

    A bubble sits flush against its speaker's side, so its tail leaves sideways towards the mouth;
    later bubbles on the same side step inwards to keep clear of the tails above them.
    """
    n_fig = len(plan.speakers)
    if n_fig > 2:
        return None
    pad = _pad(s)
    fig_w = plan.fig_h * FIG_ASPECT
    left = pad + fig_w + 0.3 * s
    right = plan.width - pad - (fig_w + 0.3 * s if n_fig == 2 else 0.0)
    col_w = right - left
    if col_w < 5.5 * s:
        return None
    gap = 0.35 * s
    placed: list[tuple[float, float, float, float]] = []
    if not plan.caption_lines:  # the badge sits in the top-left corner
        placed.append((0.0, 0.0, pad + 2 * _badge_r(s) + 0.2 * s, pad + 2 * _badge_r(s) + 0.2 * s))
    if plan.props is not None:
        placed.append(plan.props)
    bubbles: list[dict] = []
    count = [0, 0]
    prev_top = pad
    for sp in plan.speeches:
        side = plan.speakers.index(sp.who)
        indent = 1.1 * s * count[side]
        count[side] += 1
        # At most ~0.6 of the panel's width, so no bubble takes over half the panel.
        avail = min(col_w - indent - (0.8 * s if n_fig == 2 else 0.0), plan.share * plan.width)
        if avail < 4.5 * s:
            return None
        bub = _bubble_for(ctx.setter, sp, avail, s, ctx.min_size)
        bx = left + indent if side == 0 else right - indent - bub["w"]
        by = _drop_below(bx, prev_top, bub["w"], bub["h"], placed, gap)
        bub["x"], bub["y"], bub["side"] = bx, by, side
        placed.append((bx, by, bub["w"], bub["h"]))
        bubbles.append(bub)
        prev_top = by + 0.6 * s
    stack = max(b["y"] + b["h"] for b in bubbles) - pad
    scene = max(plan.fig_h, stack + 0.35 * plan.fig_h)
    height = pad + scene + plan.caption_h + (0.3 * s if plan.caption_h else 0) + pad
    return {"bubbles": bubbles, "height": height}


def _speaker_centres(n: int, inner: float, pad: float) -> list[float]:
    return [pad + (i + 0.5) * inner / n for i in range(n)]


def _plan_above(ctx: PanelContext, plan: PanelPlan, inner: float, s: float) -> dict:
    """Bubbles above the figures, read top-left to bottom-right: each placed as high as it can go
    without overlapping an earlier bubble, the badge, or the path of an earlier bubble's tail."""
    pad = _pad(s)
    width = plan.width
    n_fig = len(plan.speakers)
    centres = _speaker_centres(n_fig, inner, pad)
    badge = (0.0, 0.0, pad + 2 * _badge_r(s) + 0.2 * s, pad + 2 * _badge_r(s) + 0.2 * s)
    gap = 0.35 * s
    blocked: list[tuple[float, float]] = []  # x intervals crossed by the tails of earlier bubbles
    placed: list[tuple[float, float, float, float]] = [] if plan.caption_lines else [badge]
    if plan.props is not None:
        placed.append(plan.props)
    bubbles: list[dict] = []
    max_w = min(inner * (0.86 if n_fig == 1 else 0.74), plan.share * width)
    prev_top = pad
    for sp in plan.speeches:
        cx = centres[plan.speakers.index(sp.who)]
        intervals = _free_intervals(pad, width - pad, blocked)
        intervals.sort(key=lambda iv: (_dist(cx, iv) > 0, _dist(cx, iv), -(iv[1] - iv[0])))
        a, b = next((iv for iv in intervals if iv[1] - iv[0] >= 4.5 * s), (pad, width - pad))
        best = None
        for frac in (1.0, 0.62, 0.48):
            avail = min(max_w, b - a) * frac
            if avail < 4.5 * s and frac < 1.0:
                continue
            bub = _bubble_for(ctx.setter, sp, avail, s, ctx.min_size)
            bx = min(max(cx - bub["w"] / 2, a), b - bub["w"])
            by = _drop_below(bx, prev_top, bub["w"], bub["h"], placed, gap)
            key = (by + bub["h"], -bub["w"])
            if best is None or key < best[0]:
                best = (key, bub, bx, by)
        assert best is not None
        _, bub, bx, by = best
        bub["x"], bub["y"] = bx, by
        bubbles.append(bub)
        placed.append((bx, by, bub["w"], bub["h"]))
        prev_top = by + 0.6 * s  # the next bubble reads after this one: not higher
        # The tail runs from under this bubble down to the speaker's head at cx.
        base = min(max(cx, bx + 0.25 * bub["w"]), bx + 0.75 * bub["w"])
        m = (TAIL_MARGIN + 0.4) * s
        blocked.append((min(base, cx) - m, max(base, cx) + m))
    stack_bottom = max((by + bub["h"] for bub, by in ((b_, b_["y"]) for b_ in bubbles)), default=pad)
    tail_room = 1.0 * s
    fig_top = max(stack_bottom + tail_room, pad)
    height = fig_top + plan.fig_h + plan.caption_h + (0.3 * s if plan.caption_h else 0) + pad
    return {"bubbles": bubbles, "height": height}


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
    s = plan.s
    pad = _pad(s)
    w = plan.width
    inner = w - 2 * pad
    extra = max(0.0, height - plan.height)
    n_fig = len(plan.speakers)
    # Spend extra height on bigger figures first (bounded by the panel width), then on air above them.
    fig_h = min(plan.fig_h + extra, plan.fig_h * 1.3, (inner - (n_fig - 1) * 0.3 * s) / (n_fig * FIG_ASPECT))
    fig_h = max(fig_h, plan.fig_h)
    if plan.beside:  # bubbles were fitted beside figures of the planned width
        fig_h = plan.fig_h
    extra_left = extra - (fig_h - plan.fig_h)
    where = f"{ctx.category} / {ctx.procedure} / step {number}"
    items: list[Item] = [Panel((x, y, w, height), ctx.category, ctx.procedure, number, ctx.procedure_number)]
    cap_top = height - pad - plan.caption_h
    fig_bottom = cap_top - (0.3 * s if plan.caption_h else 0)
    fig_w = fig_h * FIG_ASPECT

    # Figures.
    figures: dict[str, Figure] = {}
    centres = [pad + fig_w / 2, w - pad - fig_w / 2][:n_fig] if plan.beside else _speaker_centres(n_fig, inner, pad)
    last_speech = {sp.who: sp for sp in plan.speeches}
    for i, who in enumerate(plan.speakers):
        member = ctx.board.cast[who]
        cx = centres[i]
        fx, fy = cx - fig_w / 2, fig_bottom - fig_h
        if plan.beside:
            facing = "right" if i == 0 else "left"
        elif n_fig == 1:
            facing = "right" if cx < w / 2 else "left"
        else:
            facing = "right" if i < n_fig / 2 else "left"
        art = draw_figure(fx, fy, fig_w, fig_h, look=member.look, facing=facing, seed_key=who)
        figures[who] = Figure((fx, fy, fig_w, fig_h), who, member.look, member.name, art.head, facing,
                              _expression(last_speech.get(who), who), _pose(last_speech.get(who), step), art.mouth,
                              picture=str(member.picture) if member.picture else None)

    # Bubbles: keep the planned stack, pushed down by a share of the extra height.
    # Air goes above the bubbles; tails stay short (at most about one line longer than planned).
    shift = max(0.0, extra_left - 0.8 * s)
    for sp, bub in zip(plan.speeches, plan.bubbles, strict=True):
        fig = figures[sp.who]
        hx, hy, hw, hh = fig.head
        if plan.beside:
            bx, by = bub["x"], bub["y"] + shift
            tip = (hx + hw + 0.25 * s if fig.facing == "right" else hx - 0.25 * s, hy + hh * 0.6)
        else:
            bx, by = bub["x"], bub["y"] + shift
            tip = (min(max(hx + hw / 2, hx + 0.3 * hw), hx + 0.7 * hw), hy - 0.25 * s)
        bub_box = (bx, by, bub["w"], bub["h"])
        tb = bubble_text_box(sp.kind, *bub_box, pad=bub["pad"])
        tw, th = bub["text_w"], bub["text_h"]
        text_box = (tb[0] + (tb[2] - tw) / 2, tb[1] + (tb[3] - th) / 2, tw, th)
        block = ctx.setter.block("bubble_text", bub["lines"], text_box, bub["size"], align="center",
                                 where=f"{where} / {sp.who}")
        items.append(Bubble(bub_box, sp.who, sp.kind, tip, block, where=f"{where} / {sp.who}"))
    items.extend(figures.values())

    # Props in the top-right corner.
    if plan.props is not None:
        px, py, _, ph = plan.props
        for k, name in enumerate(step.props[:3]):
            items.append(Shape("icon", (px + k * (ph + 0.2 * s), py, ph, ph), extra={"name": name}))
    # Caption and badge.
    r = _badge_r(s)
    if plan.caption_lines:
        cap_box = (pad, cap_top, inner, plan.caption_h)
        items.append(Shape("caption_box", cap_box))
        text_x = pad + 2 * r + 0.45 * s
        block = ctx.setter.block("caption", plan.caption_lines,
                                 (text_x, cap_top + 0.25 * s, inner - (text_x - pad) - 0.25 * s,
                                  plan.caption_h - 0.5 * s), plan.caption_size, valign="middle", where=where,
                                 align="justify", source=step.caption)
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
    items.append(vertical_block(ctx.setter, "caption", side.cols, (box[0] + 0.1 * s, top, box[2] - 0.2 * s,
                                box[1] + box[3] - top - 0.2 * s), side.size, where=where))
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
