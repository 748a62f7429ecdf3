"""Plan one comic panel: the search for its arrangement (bubbles beside the people or above them, at full or
narrower width, tails kept clear), memoised on what it reads. A plan is never changed after it is made.

`plan_panel` measures a panel at a given width and base size (its natural height); `place.place_panel`
positions it. The other rooms: `staging` (who stands where), `tails`, `bubblefit` (a speech set for its
bubble), `place` and `frames` (moving and mirroring a group of items).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..art.bubbles import SHADOW_SHARE, bubble_size_for_text, shadow_offset
from ..model import Board, Speech, Step
from .bubblefit import (
    MAX_BUBBLE_AREA,
    MAX_BUBBLE_SHARE,
    BubblePlan,
    _bubble_for,
    _dist,
    _drop_below,
    _free_intervals,
    _skinny,
)
from .geometry import Box
from .memo import memo
from .staging import (
    COUNTER_ICON,
    COUNTER_TOP,
    FIG_ASPECT,
    _badge_r,
    _counter_width,
    _head_frac,
    _pad,
    _speaker_centres,
    _tips,
    held_props,
    speeches_of,
    tails_apart,
)
from .tails import Pt, _tail_block, _tail_root, bubble_tips
from .typeset import LEADING, Setter, Split, columns_for


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
        each speaker's look (their head's place) and whether they have their own picture (a picture is never
        cut by a shot's frame), not the procedure's name or number."""
        cast = self.board.cast
        return (self.setter.fonts, self.setter.lang, self.board.writing, self.min_size,
                tuple((who, cast[who].look, cast[who].picture is not None) if who in cast else (who, None, False)
                      for who in whos))


@dataclass(frozen=True, slots=True)
class CounterPlan:
    """Props set on a counter between or beside the people."""

    names: tuple[str, ...]
    icon: float  # an icon's side
    w: float  # the counter's width
    room: float  # the width its slot takes from the panel (the counter and some air)


@dataclass(frozen=True, slots=True)
class PanelPlan:
    """A panel measured at a width and base size: a value, never changed after the search made it."""

    width: float
    height: float
    s: float
    speeches: tuple[Speech, ...]
    speakers: tuple[str, ...]
    caption_lines: tuple[str, ...]
    caption_size: float
    caption_h: float
    fig_h: float
    beside: bool
    bubbles: tuple[BubblePlan, ...] = ()  # per speech, placed in the panel's own coordinates
    counter: CounterPlan | None = None  # props on a counter
    share: float = 1.0  # widest bubble as a share of the panel width
    problems: tuple[str, ...] = ()
    tails_crowded: bool = False  # no plan kept every tail clear of the other bubbles (reported as a warning)
    side: SideCaption | None = None  # a vertical caption beside the scene (writing: vertical)
    fig_shift: float = 0.0  # beside: how far the left speaker stands right of the panel's edge (clear of the badge)
    corner_badge: bool = False  # the step badge sits in the panel's top-left corner (no caption box holds it)
    caption_split: tuple[Split, ...] = ()  # runs the caption had to cut (`Measured.split`)


@dataclass(frozen=True, slots=True)
class Arrangement:
    """One way to stage a panel's speeches, as the search tried it: the bubbles placed, and the panel's height."""

    bubbles: tuple[BubblePlan, ...]
    height: float
    clear: bool = True  # every tail keeps clear of the other bubbles
    scene: float = 0.0  # beside: the scene's height (figures and bubbles)
    shift: float = 0.0  # beside: how far the left speaker stands right of the panel's edge

    @property
    def text_size(self) -> float:
        """The smallest bubble text size (the base size when no speech had to shrink)."""
        return min((b.size for b in self.bubbles), default=float("inf"))


TAILS_CROWDED = "the bubbles' tails cannot all keep clear of the other bubbles in this narrow panel"
TAILS_HINT = "give the step fewer or shorter speeches, or the board more room (a larger size or fewer procedures)"


def plan_panel(ctx: PanelContext, step: Step, width: float, s: float) -> PanelPlan:
    """Measure a panel `width` points wide at base size `s` (bubble text size)."""
    if step.say and ctx.board.writing == "vertical":
        return _plan_side_caption(ctx, step, width, s)
    return _plan(ctx, step, width, s, caption=True)


@dataclass(frozen=True, slots=True)
class SideCaption:
    """A vertical caption: a column box down the panel's reading-start side, the step badge on top of it."""

    cols: tuple[str, ...]
    size: float
    width: float
    scene: PanelPlan  # the rest of the panel (figures and bubbles), planned without a caption box
    split: tuple[Split, ...] = ()  # runs the columns had to cut


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
        cols, cut = columns_for(ctx.setter, step.caption, max(room, 4 * size), size)
        if len(cols) <= ncols:
            break
        ncols = len(cols)
    else:  # the columns never settled: a box planned for fewer would push the scene out of the panel
        return _plan(ctx, step, width, s, caption=True)
    longest = max(ctx.setter.column_length(c, size) for c in cols)
    height = max(scene.height, 2 * _pad(s) + 2 * _badge_r(s) + _SIDE_CHROME * s + longest)
    return replace(scene, width=width, height=height, caption_lines=(), caption_size=size, caption_h=0.0,
                   side=SideCaption(tuple(cols), size, side_w, scene, cut))


_PANELS = memo("panel", 20_000)


def _plan(ctx: PanelContext, step: Step, width: float, s: float, caption: bool, beside_ok: bool = True) -> PanelPlan:
    """The panel planned once per set of inputs (memoised; plans are never changed after they are made)."""
    key = (ctx.plan_key(tuple(sp.who for sp in speeches_of(step))), step, width, s, caption, beside_ok)
    return _PANELS.call(key, lambda: _plan_fresh(ctx, step, width, s, caption, beside_ok))


def height_floor(ctx: PanelContext, step: Step, width: float, s: float) -> float:
    """A height `plan_panel(ctx, step, width, s)` never goes under, known before any bubble is set: the people
    and the caption box, between the panel's paddings (a search may skip an arrangement that cannot win)."""
    if step.say and ctx.board.writing == "vertical":
        return 0.0  # the caption may go beside narrower people: no floor worth its reasoning
    draft = _draft(ctx, step, width, s, caption=True)
    return 2 * _pad(s) + draft.fig_h + (draft.caption_h + 0.3 * s if draft.caption_h else 0.0)


_DRAFTS = memo("draft", 20_000)


def _draft(ctx: PanelContext, step: Step, width: float, s: float, caption: bool) -> PanelPlan:
    """The panel before its speeches are staged: the caption set, the people's height, the counter."""
    key = (ctx.plan_key(tuple(sp.who for sp in speeches_of(step))), step, width, s, caption)
    return _DRAFTS.call(key, lambda: _draft_fresh(ctx, step, width, s, caption))


def _draft_fresh(ctx: PanelContext, step: Step, width: float, s: float, caption: bool) -> PanelPlan:
    setter = ctx.setter
    pad = _pad(s)
    inner = width - 2 * pad
    speeches = speeches_of(step)
    speakers = tuple(dict.fromkeys(sp.who for sp in speeches))
    caption_lines: list[str] = []
    caption_size = max(ctx.min_size, 0.9 * s)
    caption_h = 0.0
    caption_split: tuple[Split, ...] = ()
    if step.say and caption:
        badge_w = 2 * _badge_r(s) + 0.3 * s
        # The text keeps clear of the box's right edge and of its drop shadow, which grows with the box.
        text_w = inner - badge_w - 0.8 * s
        for _ in range(3):
            caption_lines, _, th, caption_split = setter.measure(step.caption, text_w, caption_size, fill=True)
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
    counter = None
    if on_counter:
        icon = COUNTER_ICON * fig_h
        cw = _counter_width(len(on_counter), icon)
        counter = CounterPlan(tuple(on_counter), icon, cw, cw + 0.3 * s)
    # The search stages this draft (its share and the left speaker's shift vary); the plan is made at the end.
    return PanelPlan(width, 0.0, s, speeches, speakers, tuple(caption_lines), caption_size, caption_h, fig_h,
                     False, counter=counter, corner_badge=caption and not caption_lines,
                     caption_split=caption_split)


def _plan_fresh(ctx: PanelContext, step: Step, width: float, s: float, caption: bool,
                beside_ok: bool = True) -> PanelPlan:
    draft = _draft(ctx, step, width, s, caption)
    inner = width - 2 * _pad(s)
    speeches = draft.speeches
    key = (ctx.plan_key(draft.speakers), step, width, s, caption)

    # Narrower bubbles only when one would fill over half the panel, or when the tails would not stay clear.
    tried = []
    for share in (1.0, MAX_BUBBLE_SHARE):
        staged = draft if share == draft.share else replace(draft, share=share)
        beside = _plan_beside(ctx, staged, inner, s) if beside_ok else None
        if beside is not None and beside.text_size >= s and beside.height < _above_floor(staged, ctx.min_size) * 1.05:
            chosen = beside  # bubbles above the people could not make the panel low enough to win: not planned
        else:
            # Kept apart: a panel placed in a taller row asks for it again (`place._restaged`).
            above = _ABOVES.call((key, share), lambda staged=staged: _plan_above(ctx, staged, inner, s))
            if beside is not None and beside.text_size >= above.text_size and (
                    beside.height < above.height * 1.05 or not above.clear):
                chosen = beside
            else:
                chosen = above
        fits = max(b.w * b.h for b in chosen.bubbles) <= MAX_BUBBLE_AREA * width * chosen.height
        # Never trade the text's size for a tidier shape: a shrunk speech is what a reader notices first.
        tried.append(((chosen.clear, chosen.text_size, fits, share < 1.0), chosen is beside, share, chosen))
        if fits and chosen.clear:
            break
    (clear, _, _, _), is_beside, share, chosen = max(tried, key=lambda t: t[0])
    problems = tuple(f"the speech of {sp.who!r} does not fit its bubble"
                     for sp, b in zip(speeches, chosen.bubbles, strict=True) if b.overflow)
    return replace(draft, height=chosen.height, beside=is_beside, bubbles=chosen.bubbles, share=share,
                   problems=problems, tails_crowded=not clear, fig_shift=chosen.shift if is_beside else 0.0)


_ABOVES = memo("above", 20_000)


def _plan_beside(ctx: PanelContext, plan: PanelPlan, inner: float, s: float) -> Arrangement | None:
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
    head_left, head_top = pad + ux * fig_w, pad + first.scene - plan.fig_h + uy * plan.fig_h
    if head_left >= edge or head_top >= edge:
        return first
    shifted = _beside_attempt(ctx, plan, s, edge - head_left, plan.fig_h)
    least = plan.fig_h + edge - pad - uy * plan.fig_h
    # Standing lower makes the scene at least `least` tall: not tried when stepping aside is no taller than that.
    if shifted is not None and shifted.height <= 2 * pad + least + plan.caption_h + (0.3 * s if plan.caption_h
                                                                                     else 0):
        return shifted
    options = [shifted, _beside_attempt(ctx, plan, s, 0.0, least)]
    return min((o for o in options if o is not None), key=lambda o: o.height, default=None)


def _beside_attempt(ctx: PanelContext, plan: PanelPlan, s: float, shift: float, least: float) -> Arrangement | None:
    """The beside arrangement with the left speaker `shift` points right of the panel's edge and a scene at
    least `least` points tall."""
    n_fig = len(plan.speakers)
    pad = _pad(s)
    fig_w = plan.fig_h * FIG_ASPECT
    left = pad + shift + fig_w + 0.3 * s
    right = plan.width - pad - (fig_w + 0.3 * s if n_fig == 2 else 0.0)
    if right - left < 5.5 * s or (plan.counter is not None and right - left < plan.counter.w):
        return None
    if shift != plan.fig_shift:  # (a copy costs: most attempts stand the speaker where the draft has them)
        plan = replace(plan, fig_shift=shift)
    # A counter stands at the bottom of the column: the bubbles end above the props on it.
    counter_h = COUNTER_TOP * plan.fig_h + plan.counter.icon + 0.35 * s if plan.counter else 0.0
    scene = least
    bubbles: list[BubblePlan] = []
    for _ in range(4):
        tips = _tips(ctx, plan, True, plan.fig_h, pad + scene)
        found = _beside_pass(ctx, plan, s, left, right, tips)
        if found is None:
            return None
        bubbles = found
        stack = max(b.y + b.h for b in bubbles) - pad
        new_scene = max(least, stack + 0.35 * plan.fig_h, stack + counter_h)
        if abs(new_scene - scene) < 0.01:
            break
        scene = new_scene
        if len(plan.speeches) == 1:
            break  # a lone bubble keeps to its speaker's side wherever the tail ends: planned again, it is the same
    tips = _tips(ctx, plan, True, plan.fig_h, pad + scene)
    boxes = [b.box for b in bubbles]
    if not tails_apart(ctx, plan, boxes, [tips[sp.who] for sp in plan.speeches]):
        return None
    height = pad + scene + plan.caption_h + (0.3 * s if plan.caption_h else 0) + pad
    return Arrangement(tuple(bubbles), height, scene=scene, shift=shift)


def _beside_pass(ctx: PanelContext, plan: PanelPlan, s: float, left: float, right: float,
                 tips: dict[str, Pt]) -> list[BubblePlan] | None:
    n_fig = len(plan.speakers)
    pad = _pad(s)
    gap = 0.35 * s
    placed: list[Box] = []
    if not plan.caption_lines:  # the badge sits in the top-left corner
        placed.append((0.0, 0.0, pad + 2 * _badge_r(s) + 0.2 * s, pad + 2 * _badge_r(s) + 0.2 * s))
    bubbles: list[BubblePlan] = []
    lo, hi = left, right  # later bubbles keep between the tails of earlier ones
    prev_top = pad
    for sp in plan.speeches:
        side = plan.speakers.index(sp.who)
        # At most ~0.6 of the panel's width, so no bubble takes over half the panel.
        avail = min(hi - lo - (0.8 * s if n_fig == 2 else 0.0), plan.share * plan.width)
        if avail < 4.5 * s:
            return None
        fit = _bubble_for(ctx.setter, sp, avail, s, ctx.min_size)
        bx = lo if side == 0 else hi - fit.w
        by = _drop_below(bx, prev_top, fit.w, fit.h, placed, gap)
        bub = fit.at(bx, by, side)
        placed.append(bub.box)
        bubbles.append(bub)
        prev_top = by + 0.6 * s
        tip = tips[sp.who]
        root = _tail_root(bub.box, tip)
        if tip[0] < root[0]:
            lo = max(lo, root[0] + _tail_block(s))
        else:
            hi = min(hi, root[0] - _tail_block(s))
    return bubbles


def _above_floor(plan: PanelPlan, min_size: float) -> float:
    """A height `_plan_above` never goes under: a bubble of one line at the least size over the tail's room, the
    people and the caption box, between the paddings."""
    s = plan.s
    least = min(s, min_size)  # the least size a speech shrinks to (never more than the base size)
    bubble = max(bubble_size_for_text(sp.kind, 0.0, LEADING * least, 0.45 * least)[1] for sp in plan.speeches)
    return 2 * _pad(s) + bubble + 1.0 * s + plan.fig_h + plan.caption_h + (0.3 * s if plan.caption_h else 0)


def _plan_above(ctx: PanelContext, plan: PanelPlan, inner: float, s: float) -> Arrangement:
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
        stack_bottom = max((b.y + b.h for b in bubbles), default=pad)
        new_top = max(stack_bottom + tail_room, pad)
        heads = _tips(ctx, plan, False, plan.fig_h, new_top + plan.fig_h)
        boxes = [b.box for b in bubbles]
        links = [b.link for b in bubbles]
        tips = bubble_tips(boxes, links, [heads[sp.who] for sp in plan.speeches])
        clear = tails_apart(ctx, plan, boxes, tips, links)
        if clear or (fig_top is not None and abs(new_top - fig_top) < 0.01):
            break
        fig_top = new_top
    height = new_top + plan.fig_h + plan.caption_h + (0.3 * s if plan.caption_h else 0) + pad
    return Arrangement(tuple(bubbles), height, clear=clear)


def _above_pass(ctx: PanelContext, plan: PanelPlan, inner: float, s: float,
                fig_top: float | None) -> list[BubblePlan]:
    """One planning pass; `fig_top` is where the figures' tops are assumed (None: just under each bubble)."""
    pad = _pad(s)
    width = plan.width
    n_fig = len(plan.speakers)
    centres = _speaker_centres(n_fig, inner, pad)
    badge = (0.0, 0.0, pad + 2 * _badge_r(s) + 0.2 * s, pad + 2 * _badge_r(s) + 0.2 * s)
    gap = 0.35 * s
    blocked: list[tuple[float, float]] = []  # x intervals crossed by the tails of earlier bubbles
    placed: list[Box] = [] if plan.caption_lines else [badge]
    bubbles: list[BubblePlan] = []
    max_w = min(inner * (0.86 if n_fig == 1 else 0.74), plan.share * width)
    prev_top = pad
    last_of: dict[str, int] = {}  # speaker → index of their latest bubble
    heads: dict[str, Pt] = {}  # where the tails end, when the figures' tops are given

    def room(blocks: list[tuple[float, float]], cx: float) -> tuple[float, float] | None:
        intervals = _free_intervals(pad, width - pad, blocks)
        intervals.sort(key=lambda iv: (_dist(cx, iv) > 0, _dist(cx, iv), -(iv[1] - iv[0])))
        return next((iv for iv in intervals if iv[1] - iv[0] >= 4.5 * s), None)

    for k, sp in enumerate(plan.speeches):
        cx = centres[plan.speakers.index(sp.who)]
        found = room(blocked, cx)
        j = last_of.get(sp.who)
        if found is None and j is not None and bubbles[j].link is None:
            # No room beside the speaker's earlier tail: that bubble's tail links into this one instead
            # (comic "linked balloons"), so only this bubble's tail goes down to the speaker.
            found = room([iv for i, iv in enumerate(blocked) if i != j], cx)
            if found is not None:
                bubbles[j] = bubbles[j].linked_to(k)
                blocked[j] = (0.0, 0.0)
        best = _above_fit(ctx, sp, found if found is not None else (pad, width - pad), cx, max_w, prev_top, placed,
                          gap, s)
        if _skinny(best[1]) and j is not None and bubbles[j].link is None:
            # Squeezed between earlier tails into a column of a few characters a line: the speaker's earlier
            # bubble links into this one instead, which frees the room its tail took.
            linked = room([iv for i, iv in enumerate(blocked) if i != j], cx)
            if linked is not None:
                alt = _above_fit(ctx, sp, linked, cx, max_w, prev_top, placed, gap, s)
                if alt[0] < best[0]:
                    best = alt
                    bubbles[j] = bubbles[j].linked_to(k)
                    blocked[j] = (0.0, 0.0)
        _, fit, bx, by = best
        bub = fit.at(bx, by)
        bubbles.append(bub)
        placed.append(bub.box)
        prev_top = by + 0.6 * s  # the next bubble reads after this one: not higher
        last_of[sp.who] = k
        if k == len(plan.speeches) - 1:
            break  # no later bubble keeps clear of this one's tail
        # The tail runs from where it leaves this bubble down to the speaker's head at cx.
        if fig_top is None:
            tip = _tips(ctx, plan, False, plan.fig_h, by + bub.h + 1.0 * s + plan.fig_h)[sp.who]
        else:
            heads = heads or _tips(ctx, plan, False, plan.fig_h, fig_top + plan.fig_h)
            tip = heads[sp.who]
        root = _tail_root(bub.box, tip)
        m = _tail_block(s)
        blocked.append((min(root[0], tip[0]) - m, max(root[0], tip[0]) + m))
    return bubbles


def _above_fit(ctx: PanelContext, sp: Speech, free: tuple[float, float], cx: float, max_w: float, prev_top: float,
               placed: list[Box], gap: float, s: float) -> tuple[tuple, BubblePlan, float, float]:
    """The best bubble for `sp` in the free x interval `free`: (key, bubble, x, y); lower keys are better."""
    a, b = free
    best = None
    # A word that does not fit the usual widest bubble may take the whole free width before it shrinks.
    for avail in (min(max_w, b - a), min(max_w, b - a) * 0.62, min(max_w, b - a) * 0.48, b - a):
        if avail < 4.5 * s and best is not None:
            continue
        if best is not None and not _may_beat(best, avail > max_w, prev_top, s):
            continue
        bub = _bubble_for(ctx.setter, sp, avail, s, ctx.min_size)
        if avail > max_w and best is not None and bub.size <= best[1].size:
            continue  # widening past the usual share is only for keeping the text at its size
        bx = min(max(cx - bub.w / 2, a), b - bub.w)
        by = _drop_below(bx, prev_top, bub.w, bub.h, placed, gap)
        # Text at its full size first (a narrow bubble must not win by shrinking its text); then a
        # narrower bubble may tuck in higher, but not as a column of one or two characters a line.
        key = (-bub.size, _skinny(bub), by + bub.h, -bub.w)
        if best is None or key < best[0]:
            best = (key, bub, bx, by)
    assert best is not None
    return best


def _may_beat(best: tuple[tuple, BubblePlan, float, float], wider: bool, prev_top: float, s: float) -> bool:
    """Whether a bubble of another width could beat `best` in `_above_fit`, judged without setting its text.

    A bubble wider than the usual share is only for keeping the text at its size: useless when it already is. A
    narrower one never sets the text larger nor in fewer lines, so it only wins by tucking in higher than `best`
    or by reading better than a skinny `best`: not when `best` already sits as high as it may and reads well.
    """
    _, bub, _, by = best
    if wider:
        return bub.size < s - 1e-9
    return by > prev_top + 1e-9 or _skinny(bub)


# The panel's other rooms, re-exported for callers that know the panel by this module.
from .bubblefit import cramped  # noqa: E402
from .place import place_panel  # noqa: E402

__all__ = ["Arrangement", "BubblePlan", "CounterPlan", "PanelContext", "PanelPlan", "SideCaption", "TAILS_CROWDED",
           "TAILS_HINT", "cramped", "height_floor", "place_panel", "plan_panel", "speeches_of"]
