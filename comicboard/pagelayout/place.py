"""Place a planned panel in its box: figures grown into any extra height, bubbles and tails, props, caption and
step badge, all in the panel's own coordinates, then moved (and mirrored) into the page as a group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..art import bubble_text_box, caption_text_box, figure_anatomy
from ..model import Speech, Step
from .frames import _mirror, _move
from .geometry import Box, Bubble, Figure, Item, Panel, Shape
from .staging import COUNTER_TOP, FIG_ASPECT, _badge_r, _counter_x, _expression, _figure_boxes, _pad, _pose, held_props
from .tails import _tail_tip, link_tip
from .typeset import REVERSED_MIN_PT, number_size, vertical_block

if TYPE_CHECKING:
    from .bubblefit import BubblePlan
    from .panel import PanelContext, PanelPlan


def place_panel(ctx: PanelContext, step: Step, number: int, plan: PanelPlan, x: float, y: float,
                height: float, mirror: bool, badge: bool = True) -> list[Item]:
    """Position the planned panel at (x, y), `height` ≥ plan.height tall. Returns its items."""
    if plan.side is not None:
        return _place_side_caption(ctx, step, number, plan, x, y, height, mirror)
    from .shots import place_shot, shot_at

    shot = shot_at(ctx, step, plan, height)
    if shot is not None:
        return place_shot(ctx, step, number, plan, shot, x, y, height, mirror, badge)
    return place_staged(ctx, step, number, plan, x, y, height, mirror, badge)


def place_staged(ctx: PanelContext, step: Step, number: int, plan: PanelPlan, x: float, y: float,
                 height: float, mirror: bool, badge: bool = True) -> list[Item]:
    """The panel as the planner staged it (no shot): figures grown into any extra height, bubbles over them."""
    plan = _restaged(ctx, step, plan, height)
    s = plan.s
    pad = _pad(s)
    w = plan.width
    inner = w - 2 * pad
    extra = max(0.0, height - plan.height)
    n_fig = len(plan.speakers)
    # Spend extra height on bigger figures first (bounded by the panel width), then on air above them.
    room = plan.counter.room if plan.counter else 0.0  # the counter's slot keeps its planned width
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
        art = figure_anatomy(*box, look=member.look, facing=facing, seed_key=who)  # where its parts are, undrawn
        figures[who] = Figure(box, who, member.look, member.name, art.head, facing,
                              _expression(last_speech.get(who), who), _pose(last_speech.get(who), step), art.mouth,
                              picture=str(member.picture) if member.picture else None)

    # Bubbles: the planned stack moves down with the figures, so every tail is as long as planned
    # (the plan kept the tails clear of other bubbles); the extra height is air above the bubbles.
    for sp, bub in zip(plan.speeches, plan.bubbles, strict=True):
        fig = figures[sp.who]
        tip = _tail_tip(fig.head, fig.facing, plan.beside, s)
        if bub.link is not None:
            nxt = plan.bubbles[bub.link]
            tip = link_tip((nxt.x, nxt.y + extra_left, nxt.w, nxt.h))
        items.append(bubble_item(ctx, sp, bub, (bub.x, bub.y + extra_left, bub.w, bub.h), tip, where,
                                 linked=bub.link is not None))
    items.extend(figures.values())

    # Props: in a hand (the figure's art draws them; the icon item says where), or on a counter.
    held = held_props(step, plan.speeches)
    for k, who in held.items():
        art = figure_anatomy(*figures[who].bbox, look=figures[who].look, facing=figures[who].facing, seed_key=who,
                             pose=figures[who].pose)
        box = art.held if art.held is not None else figures[who].bbox
        items.append(Shape("icon", box, extra={"name": step.props[k], "held_by": who}))
    if plan.counter is not None:
        c = plan.counter
        top = fig_bottom - COUNTER_TOP * fig_h
        cx0 = _counter_x(plan, plan.beside, fig_h * FIG_ASPECT)
        items.extend(counter_items((cx0, top, c.w, fig_bottom - top), c.names, c.icon))
    return finish_panel(ctx, step, number, plan, items, cap_top, (x, y), w, mirror, badge, where)


def bubble_item(ctx: PanelContext, sp: Speech, bub: BubblePlan, box: Box, tip: tuple[float, float], where: str,
                linked: bool = False) -> Bubble:
    """A planned bubble at `box`, its lines centred in the text box of its style, its tail to `tip`."""
    tb = bubble_text_box(sp.kind, *box, pad=bub.pad)
    tw, th = bub.text_w, bub.text_h
    text_box = (tb[0] + (tb[2] - tw) / 2, tb[1] + (tb[3] - th) / 2, tw, th)
    block = ctx.setter.block("bubble_text", list(bub.lines), text_box, bub.size, align="center",
                             where=f"{where} / {sp.who}", split=bub.split)
    return Bubble(box, sp.who, sp.kind, tip, block, where=f"{where} / {sp.who}", linked=linked)


def counter_items(box: Box, names: tuple[str, ...], ic: float) -> list[Item]:
    """A counter at `box` and the icons of what lies on it, in a row centred on its top."""
    cx0, top, cw, _ = box
    items: list[Item] = [Shape("counter", box, extra={"props": list(names)})]
    row_w = len(names) * ic + (len(names) - 1) * 0.15 * ic
    ix = cx0 + (cw - row_w) / 2
    for k, name in enumerate(names):
        items.append(Shape("icon", (ix + k * 1.15 * ic, top - ic, ic, ic), extra={"name": name, "on": "counter"}))
    return items


def finish_panel(ctx: PanelContext, step: Step, number: int, plan: PanelPlan, items: list[Item], cap_top: float,
                 at: tuple[float, float], w: float, mirror: bool, badge: bool, where: str) -> list[Item]:
    """The caption (from `cap_top`) and number badge added to a panel's items in its own coordinates, then
    every item but the panel itself moved to `at` (mirrored for right-to-left reading)."""
    s = plan.s
    pad = _pad(s)
    inner = w - 2 * pad
    r = _badge_r(s)
    if plan.caption_lines:
        cap_box = (pad, cap_top, inner, plan.caption_h)
        items.append(Shape("caption_box", cap_box))
        text_x = pad + 2 * r + 0.45 * s
        tb = caption_text_box(*cap_box, pad=0.25 * s)  # inside the border, clear of the shadow
        items.append(ctx.setter.block("caption", list(plan.caption_lines),
                                      (text_x, tb[1], min(tb[0] + tb[2], pad + inner - 0.55 * s) - text_x, tb[3]),
                                      plan.caption_size, valign="middle", where=where, align="justify",
                                      source=step.caption, split=plan.caption_split))
        badge_c = (pad + 0.2 * s + r, cap_top + plan.caption_h / 2)
    else:
        badge_c = (pad + r, pad + r)
    if badge:
        items.extend(_badge(ctx, number, badge_c, s))
    for it in items[1:]:
        if mirror:
            _mirror(it, w)
        _move(it, *at)
    return items


def _restaged(ctx: PanelContext, step: Step, plan: PanelPlan, height: float) -> PanelPlan:
    """A panel planned with its bubbles squeezed beside the people but given more height by its row: the
    bubbles go above the people instead when that fits the height and sets the speech in fewer lines (wider
    bubbles, no column of short lines beside a tiny figure under empty air)."""
    if not plan.beside or height <= plan.height + 0.01:
        return plan
    lines = sum(len(b.lines) for b in plan.bubbles)
    if lines <= len(plan.bubbles):  # every speech on one line already: none can take fewer
        return plan
    from .panel import _above_floor, _plan  # the search lives there; it re-exports this module's place_panel
    if _above_floor(plan, ctx.min_size) > height + 0.01:  # bubbles above the people cannot fit the height
        return plan
    alt = _plan(ctx, step, plan.width, plan.s, caption=bool(plan.caption_lines), beside_ok=False)
    if (alt.height <= height + 0.01 and not alt.tails_crowded and not alt.problems
            and min(b.size for b in alt.bubbles) >= min(b.size for b in plan.bubbles) - 0.01
            and sum(len(b.lines) for b in alt.bubbles) < lines):
        return alt
    return plan


def _badge(ctx: PanelContext, number: int, centre: tuple[float, float], s: float) -> list[Item]:
    r, big = _badge_r(s), max(s, REVERSED_MIN_PT)  # a white numeral of at least REVERSED_MIN_PT
    return [Shape("badge", (centre[0] - r, centre[1] - r, 2 * r, 2 * r), extra={"number": number}),
            ctx.setter.block("badge_number", [str(number)], (centre[0] - r, centre[1] - 0.65 * big, 2 * r, 1.3 * big),
                             number_size(number, big, REVERSED_MIN_PT), role="bold", align="center", color="paper")]


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
    items.append(vertical_block(ctx.setter, "caption", list(side.cols), (tb[0], top, tb[2], tb[1] + tb[3] - top),
                                side.size, where=where, split=side.split))
    for it in items[1:]:
        if mirror:
            _mirror(it, plan.width)
        _move(it, x, y)
    for it in scene[1:]:  # already in panel coordinates
        if mirror:
            _mirror(it, plan.width)
        _move(it, x, y)
    return items + scene[1:]
