"""Who stands where in a panel and how: speakers in order, figure boxes and facing, heads and tail ends read
from the figure's anatomy, poses, expressions, and the props held or set on a counter."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..art import figure_anatomy
from ..model import Speech, Step
from .geometry import Box
from .tails import DRAWN_MARGIN, Pt, _tail_tip, tails_clear
from .typeset import REVERSED_MIN_PT

if TYPE_CHECKING:
    from .panel import CounterPlan, PanelContext, PanelPlan


FIG_ASPECT = 0.5  # figure box width / height


@lru_cache(maxsize=8192)  # every plan key asks; a Speech is checked when made
def speeches_of(step: Step) -> tuple[Speech, ...]:
    """A shorthand step (no `say`) is its caption said by the default staff figure."""
    return step.say or (Speech("worker", step.caption),)


def _pad(s: float) -> float:
    return 0.4 * s


def _badge_r(s: float) -> float:
    # Room for a white numeral of at least REVERSED_MIN_PT: the badge is a three-ink red (or a category colour).
    return 0.7 * max(s, REVERSED_MIN_PT)


@lru_cache(maxsize=512)
def _head_frac(look: str, facing: str, who: str) -> Box:
    """The head box of this person as fractions of the figure box (the art scales uniformly)."""
    hx, hy, hw, hh = figure_anatomy(0.0, 0.0, FIG_ASPECT, 1.0, look=look, facing=facing, seed_key=who).head
    return (hx / FIG_ASPECT, hy, hw / FIG_ASPECT, hh)


def _head_box(look: str, facing: str, who: str, fig: Box) -> Box:
    fx, fy, fw, fh = fig
    ux, uy, uw, uh = _head_frac(look, facing, who)
    return (fx + ux * fw, fy + uy * fh, uw * fw, uh * fh)


COUNTER_TOP = 0.36  # the counter's top above the floor, as a share of the figures' height (about hip height)


COUNTER_ICON = 0.34  # a prop on the counter, as a share of the figures' height


HELD = {"document": "holding_document", "form": "holding_document", "certificate": "holding_document",
        "phone": "holding_phone"}


@lru_cache(maxsize=4096)  # every plan of a step at another width or size asks again: reading poses costs
def held_props(step: Step, speeches: tuple[Speech, ...]) -> Mapping[int, str]:
    """Which of the step's props (by index) a figure holds in its hand, by speaker; the rest go on the counter."""
    last = {sp.who: sp for sp in speeches}
    held: dict[int, str] = {}
    for who, sp in last.items():
        pose = _pose(sp, step)
        k = next((i for i, name in enumerate(step.props[:3]) if HELD.get(name) == pose and i not in held), None)
        if k is not None:
            held[k] = who
    return MappingProxyType(held)  # memoised: read-only


def _counter_width(n: int, icon: float) -> float:
    return max(n * icon + (n - 1) * 0.15 * icon + 0.6 * icon, 1.6 * icon)


def _counter_gap(n_fig: int) -> int:
    """The counter stands before figure number `gap`: between the two facing groups, or in front of one person."""
    return 1 if n_fig == 1 else n_fig // 2


def _pose(sp: Speech | None, step: Step) -> str:
    """The speaker's pose: as the spec says, else what the speech says they do (on the phone, writing, handing
    over, holding the papers, pointing, nodding: art.acting), else holding what the step is about (staff), else
    talking; never the pose they had in the procedure's panel before (`Step.previous`)."""
    from ..art.acting import pose_for

    if sp is not None and sp.pose:
        return sp.pose
    if sp is None:
        return "talking"
    previous = next((p for who, p in step.previous if who == sp.who), None)
    return pose_for(sp.text, step.props, previous, staff=sp.who == "worker")


def _expression(sp: Speech | None, who: str) -> str:
    """As the spec says, else read from the text (thanks, worry, a question, relief: art.acting)."""
    from ..art.acting import expression_for

    if sp is not None and sp.expression:
        return sp.expression
    if sp is None:
        return "happy" if who == "worker" else "neutral"
    return expression_for(sp.text, sp.kind, staff=who == "worker")


def _speaker_centres(n: int, inner: float, pad: float, counter: CounterPlan | None = None) -> list[float]:
    """Figures in equal slots across the panel; a counter takes its own slot between them."""
    if counter is None:
        return [pad + (i + 0.5) * inner / n for i in range(n)]
    room = counter.room
    slot = (inner - room) / n
    g = _counter_gap(n)
    return [pad + (i + 0.5) * slot + (room if i >= g else 0.0) for i in range(n)]


def _counter_x(plan: PanelPlan, beside: bool, fig_w: float) -> float:
    """The counter's left edge (local): in the column between the figures, or in its own slot."""
    assert plan.counter is not None
    s = plan.s
    pad = _pad(s)
    cw = plan.counter.w
    n = len(plan.speakers)
    if beside:
        left = pad + plan.fig_shift + fig_w + 0.3 * s
        right = plan.width - pad - (fig_w + 0.3 * s if n == 2 else 0.0)
        return left if n == 1 else (left + right - cw) / 2
    room = plan.counter.room
    slot = (plan.width - 2 * pad - room) / n
    return pad + _counter_gap(n) * slot + 0.15 * s


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


def tails_apart(ctx: PanelContext, plan: PanelPlan, boxes: list[Box], tips: list[Pt],
                links: list[int | None] | None = None) -> bool:
    """`tails.tails_clear` for the plan's speeches as drawn (each bubble's kind); two tails of one speaker may
    meet within half a head of the mouth they both end at."""
    reach = 0.5 * plan.fig_h * min(_head_frac(ctx.board.cast[who].look, "right", who)[3] for who in plan.speakers)
    return tails_clear(boxes, tips, DRAWN_MARGIN * plan.s, links, [sp.kind for sp in plan.speeches],
                       [sp.who for sp in plan.speeches], reach)
