"""Lay out one procedure as a strip: a title bar, a details card, and one panel per step in reading order.

`plan_strip` measures (natural height at a column width and base size); `place_strip` positions,
giving any extra height to the panels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Category, Procedure
from .details import Entry, entry_blocks, grown_size, measure_entry
from .geometry import Item, Shape
from .labels import labels
from .memo import memo
from .panel import PanelContext, PanelPlan, cramped, height_floor, place_panel, plan_panel, speeches_of
from .shots import rows_for_height
from .typeset import LEADING, REVERSED_MIN_PT, Setter, Split, columns_for, number_size, vertical_block

PANEL_MIN_EM = 7.5  # narrowest panel, in base-size em
FLAT = 2.5  # a panel wider than this times its height reads as a flat strip, not a picture
LONE_GROWTH = 1.2  # a strip may grow this much (in height) to keep a last row from holding one flat panel


@dataclass
class StripBody:
    """The part of a strip beside or under its title: the details card and the rows of panels."""

    details: list[tuple[str, Entry, str]]  # (kind, the entry as measured, its text)
    detail_size: float
    details_w: float
    details_h: float
    details_below: bool
    per_row: int
    panel_w: float
    rows: list[list[PanelPlan]]
    problems: list[str]
    height: float


@dataclass
class StripPlan:
    width: float
    s: float
    height: float
    title_lines: list[str]  # lines, or columns when the title is vertical
    title_size: float
    title_h: float
    body: StripBody
    bar_w: float = 0.0  # width of a vertical title bar down the strip's side (0: the title is a bar on top)
    title_split: tuple[Split, ...] = ()  # runs the title had to cut

    @property
    def problems(self) -> list[str]:
        return self.body.problems


def detail_texts(proc: Procedure, lang: str) -> list[tuple[str, str]]:
    lab = labels(lang)
    c = lab["colon"]
    out: list[tuple[str, str]] = []
    if proc.summary:
        out.append(("summary", proc.summary))
    if proc.materials:
        out.append(("materials", lab["materials"] + c + lab["sep"].join(proc.materials)))
    for key in ("time_limit", "location", "phone", "basis"):
        val = getattr(proc, key)
        if val:
            out.append((key, lab[key] + c + val))
    return out


@lru_cache(maxsize=1024)  # asked at every width and size a strip is planned at; matching icons costs
def material_icons(proc: Procedure, lang: str) -> tuple[str, ...]:
    """Icon names for a procedure's materials, in order, without repeats (materials with no icon skipped)."""
    from ..art import icon_for_text

    names: list[str] = []
    for m in proc.materials:
        name = icon_for_text(m, lang)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def icon_row(names: Sequence[str], x: float, y: float, width: float, size: float) -> list[Shape]:
    """Material icons side by side from (x, y), as many as fit `width` (each `size` square, 0.3·size apart)."""
    fit = max(1, int((width + 0.3 * size) // (1.3 * size)))
    return [Shape("icon", (x + k * 1.3 * size, y, size, size), extra={"name": name, "for": "materials"})
            for k, name in enumerate(names[:fit])]


def _icon_size(detail_size: float) -> float:
    return 3.0 * detail_size  # what to bring, recognisable from a step back


def _qr_size(proc: Procedure, details_w: float, s: float) -> float:
    """Side of the QR code for the procedure's link (0 without one): big enough for a phone to read."""
    if not proc.url:
        return 0.0
    return min(details_w - 0.8 * s, max(5.5 * s, 42.0))  # ≥ 15 mm so an old phone camera still reads it


def _gap(s: float) -> float:
    return 0.9 * s  # between panels; holds the sequence arrow


def _row_gap(s: float) -> float:
    return 0.6 * s  # between rows of panels: a gutter, no arrow to hold


def _panel_widths(steps: tuple, total: float, s: float) -> list[float]:
    """Share a row's width between its panels: panels with a dialogue get more room than a single line,
    so the row's heights even out instead of one tall panel setting the height of all."""
    weights = []
    for step in steps:
        speeches = step.say or ()
        chars = sum(len(sp.text) for sp in speeches) + (len(step.caption) * 0.5 if speeches else len(step.caption))
        # A dialogue (its people, their bubbles and a caption box) always weighs more than a one-line step.
        weights.append(1.0 + (0.4 + 0.3 * (len(speeches) - 1) if speeches else 0.0) + min(0.6, chars / 80))
    floor = min(PANEL_MIN_EM * s, total / len(steps))
    widths = [total * w / sum(weights) for w in weights]
    # Keep every panel at least `floor` wide, taking the difference from the widest.
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < floor]
        if not short:
            break
        need = sum(floor - widths[i] for i in short)
        for i in short:
            widths[i] = floor
        wide = [i for i, w in enumerate(widths) if w > floor]
        spare = sum(widths[i] - floor for i in wide)
        for i in wide:
            widths[i] -= need * (widths[i] - floor) / spare if spare else 0
    return widths


_STRIPS = memo("strip", 5_000)


def plan_strip(ctx: PanelContext, cat: Category, proc: Procedure, width: float, s: float) -> StripPlan:
    """The strip planned once per procedure, width and size (memoised; never changed after it is made)."""
    whos = tuple(dict.fromkeys(sp.who for step in proc.steps for sp in speeches_of(step)))
    key = (ctx.plan_key(whos), proc, width, s)
    return _STRIPS.call(key, lambda: _plan_strip(ctx, proc, width, s))


def _plan_strip(ctx: PanelContext, proc: Procedure, width: float, s: float) -> StripPlan:
    setter: Setter = ctx.setter
    pad = 0.5 * s
    inner = width - 2 * pad
    title_size = 1.3 * s
    if ctx.board.writing != "vertical":
        title_lines, _, th, cut = setter.measure(proc.title, inner - 2.2 * s, title_size, role="bold")
        title_h = max(th, 1.8 * s) + 0.4 * s
        body = _plan_body(ctx, proc, inner, s)
        height = pad + title_h + 0.4 * s + body.height + pad
        return StripPlan(width, s, height, title_lines, title_size, title_h, body, title_split=cut)
    # Vertical title: a bar down the strip's side, the number badge on top, the title in columns under it.
    # Its columns fit the body's height; a second column widens the bar, so the body is planned again.
    ncols = 1
    for _ in range(3):
        bar_w = _bar_width(ncols, title_size, s)
        body = _plan_body(ctx, proc, inner - bar_w - 0.4 * s, s)
        room = max(body.height - _BADGE_EM * s - 0.6 * s, 4 * title_size)
        title_lines, cut = columns_for(setter, proc.title, room, title_size, role="bold")
        if len(title_lines) <= ncols:
            break
        ncols = len(title_lines)
    title_len = max(setter.column_length(c, title_size, "bold") for c in title_lines)
    title_h = _BADGE_EM * s + title_len + 0.6 * s  # the bar's natural height
    height = pad + max(body.height, title_h) + pad
    return StripPlan(width, s, height, title_lines, title_size, title_h, body, bar_w=_bar_width(ncols, title_size, s),
                     title_split=cut)


_BADGE_EM = 2.2  # room for the number badge at the top of a vertical title bar


def _bar_width(ncols: int, title_size: float, s: float) -> float:
    return max(_BADGE_EM * s, ncols * title_size * LEADING + 0.6 * s)


def _plan_body(ctx: PanelContext, proc: Procedure, inner: float, s: float) -> StripBody:
    """The details card and the panels, in a body `inner` points wide."""
    detail_size = max(ctx.min_size, 0.85 * s)
    n = len(proc.steps)
    gap = _gap(s)
    # Details beside the panels when the column is wide enough for them and two panels; else below.
    details_w = max(0.26 * inner, 9 * detail_size)
    beside_room = inner - details_w - 0.6 * s
    # A procedure with no details and no link has no card: its panels take the whole width.
    has_card = bool(detail_texts(proc, ctx.board.lang)) or bool(proc.url)
    details_below = not has_card or beside_room < min(n, 2) * PANEL_MIN_EM * s + gap
    if details_below:
        details_w = inner  # under the panels the card takes the strip's width, not a narrow block beside a hole
    per_row = _fit(inner if details_below else beside_room, n, s)
    details, details_h = _details(ctx, proc, details_w, detail_size, s)
    # Panels as many to a row as fit; fewer, wider ones (or the details moved under them) when a bubble would
    # otherwise be set a word or two to a line: of the arrangements without such bubbles, the lowest.
    def width_for(below: bool) -> float:
        return inner if below else beside_room

    first = _panel_rows(ctx, proc, width_for(details_below), per_row, s)
    assert first is not None
    rows, panel_w, per_row = first
    prior = [p.height for row in rows for p in row]  # the panels' heights at first: the tallest is planned first
    if _cramped(rows):
        # One panel fewer to a row; or the details under the panels, with any number of panels to a row.
        tries = [(details_below, per_row - 1)] if per_row > 1 else []
        if not details_below:
            tries += [(True, k) for k in range(_fit(inner, n, s), 0, -1)]
            under = _details(ctx, proc, inner, detail_size, s)
        best = None
        for below, k in tries:
            dh = under[1] if below and not details_below else details_h
            # Rows stop being planned as soon as they make the body as tall as the lowest found so far.
            bound = None if best is None else (best[0] - 0.01, dh, below)
            alt = _panel_rows(ctx, proc, width_for(below), k, s, roomy=True, bound=bound, prior=prior)
            if alt is not None:
                h = _body_height(alt[0], dh, below, s)
                if best is None or h < best[0] - 0.01:
                    best = (h, below, alt)
        if best is None:
            # No arrangement keeps every bubble readable: the one with the fewest cramped bubbles, if it has
            # fewer than the first (a 3-person dialogue still reads better in one wide panel than in a narrow one).
            least = _cramped(rows)
            for below, k in tries:
                alt = _panel_rows(ctx, proc, width_for(below), k, s)
                assert alt is not None
                if _cramped(alt[0]) < least:
                    least, best = _cramped(alt[0]), (0.0, below, alt)
        if best is not None:
            _, below, (rows, panel_w, per_row) = best
            if below and not details_below:  # the details card goes under the panels, the full width
                details_below, details_w, (details, details_h) = True, inner, under
    elif per_row > 1 and _tall_bubbles(rows):
        # Readable but set in towers of short lines: one panel fewer to a row, when that makes the strip no taller
        # (wider bubbles in fewer lines, the same room).
        now = _body_height(rows, details_h, details_below, s)
        alt = _panel_rows(ctx, proc, width_for(details_below), per_row - 1, s, roomy=True,
                          bound=(now + 0.01 + 1e-6, details_h, details_below), prior=prior)
        if alt is not None and _body_height(alt[0], details_h, details_below, s) <= now + 0.01:
            rows, panel_w, per_row = alt
    if len(rows) > 1 and len(rows[-1]) == 1 < len(rows[0]):
        # A last row of one panel under fuller rows is a flat strip of a panel: fewer to a row, or the details
        # card under the panels and all of them side by side, when that makes the strip at most LONE_GROWTH taller
        # and no panel flat.
        now = _body_height(rows, details_h, details_below, s)
        under = _details(ctx, proc, inner, detail_size, s) if not details_below else (details, details_h)
        best = None
        for below in (details_below, True) if not details_below else (True,):
            dh = under[1] if below else details_h
            for k in range(_fit(width_for(below), n, s), 0, -1):
                if _lone_last(n, k):
                    continue
                least = now * LONE_GROWTH if best is None else min(now * LONE_GROWTH, best[0])
                alt = _panel_rows(ctx, proc, width_for(below), k, s, roomy=True, bound=(least + 0.01, dh, below),
                                  prior=prior)
                if alt is not None and _flattest(alt[0]) <= FLAT:
                    h = _body_height(alt[0], dh, below, s)
                    if best is None or h < best[0] - 0.01:
                        best = (h, below, alt)
        if best is not None:
            _, below, (rows, panel_w, per_row) = best
            if below and not details_below:
                details_below, details_w, (details, details_h) = True, inner, under
    problems = [msg for row in rows for p in row for msg in p.problems]
    height = _body_height(rows, details_h, details_below, s)
    return StripBody(details, detail_size, details_w, details_h, details_below, per_row, panel_w, rows, problems,
                     height)


def _flattest(rows: list[list[PanelPlan]]) -> float:
    """The largest width-to-height ratio of the rows' panels (each as tall as its row)."""
    return max(p.width / max(max(q.height for q in row), 1e-6) for row in rows for p in row)


def _lone_last(n: int, per_row: int) -> bool:
    """Whether `n` panels at most `per_row` to a row (balanced, as `_panel_rows` sets them) leave one panel alone
    in the last row under fuller rows."""
    rows_n = math.ceil(n / per_row)
    per = math.ceil(n / rows_n)
    return rows_n > 1 and per > 1 and n - (rows_n - 1) * per == 1


def _fit(width: float, n: int, s: float) -> int:
    """How many of `n` panels fit side by side in `width`, each at least PANEL_MIN_EM wide (at least one)."""
    return max(1, min(n, int((width + _gap(s)) // (PANEL_MIN_EM * s + _gap(s)))))


def _details(ctx: PanelContext, proc: Procedure, details_w: float, detail_size: float, s: float
             ) -> tuple[list[tuple[str, Entry, str]], float]:
    """The details card's entries, by kind (as `details.measure_entry` set them), and its height."""
    details = []
    dh = 0.0
    for kind, text in detail_texts(proc, ctx.board.lang):
        entry = measure_entry(ctx.setter, text, details_w - 0.8 * s, detail_size, s)
        details.append((kind, entry, text))
        h = len(entry.lines) * detail_size * LEADING
        dh += h + 0.25 * s
        if kind == "materials" and material_icons(proc, ctx.board.lang):
            dh += _icon_size(detail_size) + 0.25 * s
    qr = _qr_size(proc, details_w, s)
    if qr:
        dh += qr + 0.25 * s
    return details, (dh + 0.5 * s if (details or qr) else 0.0)


def _panel_rows(ctx: PanelContext, proc: Procedure, panels_w: float, per_row: int, s: float, roomy: bool = False,
                bound: tuple[float, float, bool] | None = None, prior: Sequence[float] | None = None
                ) -> tuple[list[list[PanelPlan]], float, int] | None:
    """The steps' panels planned at most `per_row` to a row, the rows balanced (5 steps → 3 + 2, not 4 + 1):
    (rows, panel width, panels per row). With `roomy`, None as soon as a panel's bubbles are cramped; with
    `bound` (a height, the details card's height, whether the card goes under the panels), None as soon as the
    panels planned so far make the body at least that tall (the rest are not planned); `prior`: each step's
    panel height in another arrangement, to plan the likely tallest first."""
    n = len(proc.steps)
    gap = _gap(s)
    rows_n = math.ceil(n / per_row)
    per_row = math.ceil(n / rows_n)
    panel_w = (panels_w - (per_row - 1) * gap) / per_row
    row_steps = [proc.steps[r * per_row:(r + 1) * per_row] for r in range(rows_n)]
    # A short last row takes the strip's width too: a narrow panel beside half a row of paper is a hole.
    row_widths = [_panel_widths(steps, panels_w - (len(steps) - 1) * gap, s) for steps in row_steps]
    floors = [0.0] * rows_n  # the least height of each row (`height_floor`), when a bound asks for it

    def beaten(panels_h: float) -> bool:
        assert bound is not None
        least, details_h, below = bound
        return (details_h + 0.4 * s + panels_h if below else max(details_h, panels_h)) >= least

    if bound is not None:
        floors = [max(height_floor(ctx, step, w, s) for step, w in zip(steps, widths, strict=True))
                  for steps, widths in zip(row_steps, row_widths, strict=True)]
        if beaten(sum(floors) + (rows_n - 1) * _row_gap(s)):
            return None
    # Panels are planned tallest first (as `prior` guesses, from an arrangement planned before): a bound or a
    # cramped bubble gives the rows up after fewer panels. The rows are the same in any order.
    cells = [(r, i) for r, steps in enumerate(row_steps) for i in range(len(steps))]
    if prior is not None and (bound is not None or roomy):
        cells.sort(key=lambda c: -prior[c[0] * per_row + c[1]])
    planned: list[list[PanelPlan | None]] = [[None] * len(steps) for steps in row_steps]
    tallest = list(floors)  # each row's height as far as its panels are planned (at least its floor)
    for r, i in cells:
        plan = plan_panel(ctx, row_steps[r][i], row_widths[r][i], s)
        planned[r][i] = plan
        if roomy and cramped(plan):
            return None
        tallest[r] = max(tallest[r], plan.height)
        if bound is not None and beaten(sum(tallest) + (rows_n - 1) * _row_gap(s)):
            return None
    rows = [[p for p in row if p is not None] for row in planned]
    return rows, panel_w, per_row


def _tall_bubbles(rows: list[list[PanelPlan]]) -> bool:
    """Whether some bubble of the rows is set in more than two lines."""
    return any(len(b.lines) > 2 for row in rows for p in row for b in p.bubbles)


def _cramped(rows: list[list[PanelPlan]]) -> int:
    return sum(cramped(p) for row in rows for p in row)


def _body_height(rows: list[list[PanelPlan]], details_h: float, details_below: bool, s: float) -> float:
    panels_h = sum(max(p.height for p in row) for row in rows) + (len(rows) - 1) * _row_gap(s)
    return details_h + 0.4 * s + panels_h if details_below else max(details_h, panels_h)


def place_strip(ctx: PanelContext, cat: Category, proc: Procedure, plan: StripPlan, x: float, y: float,
                height: float, mirror: bool) -> list[Item]:
    s = plan.s
    setter = ctx.setter
    pad = 0.5 * s
    inner = plan.width - 2 * pad
    extra = max(0.0, height - plan.height)
    where = f"{cat.name} / {proc.title}"
    items: list[Item] = [Shape("card", (x, y, plan.width, height), cat.color.spec(),
                               extra={"procedure": proc.title, "procedure_number": ctx.procedure_number})]
    r = 0.8 * s
    reversed_floor = max(ctx.min_size, REVERSED_MIN_PT)  # white numerals on the category colour
    ty = y + pad
    if plan.bar_w:
        # Vertical title bar down the side: badge on top, columns under it, the body beside it.
        bar_h = height - 2 * pad
        items.append(Shape("title_bar", (x + pad, ty, plan.bar_w, bar_h), cat.color.spec()))
        bx = x + pad + (plan.bar_w - 2 * r) / 2
        items.append(Shape("number_badge", (bx, ty + 0.3 * s, 2 * r, 2 * r), cat.color.spec(),
                           extra={"number": ctx.procedure_number}))
        items.append(setter.block("procedure_number", [str(ctx.procedure_number)], (bx, ty + 0.3 * s + r - 0.7 * s,
                                  2 * r, 1.4 * s), number_size(ctx.procedure_number, 1.05 * s, reversed_floor),
                                  role="bold", align="center", valign="middle", color="paper", where=where))
        top = ty + _BADGE_EM * s
        items.append(vertical_block(setter, "procedure_title", plan.title_lines,
                                    (x + pad + 0.3 * s, top, plan.bar_w - 0.6 * s, bar_h - _BADGE_EM * s - 0.3 * s),
                                    plan.title_size, role="bold", where=where, split=plan.title_split))
        body_x, body_y = x + pad + plan.bar_w + 0.4 * s, ty
        extra = max(0.0, height - 2 * pad - plan.body.height)
    else:
        # Title bar: number badge and title.
        items.append(Shape("title_bar", (x + pad, ty, inner, plan.title_h), cat.color.spec()))
        items.append(Shape("number_badge", (x + pad + 0.3 * s, ty + plan.title_h / 2 - r, 2 * r, 2 * r),
                           cat.color.spec(), extra={"number": ctx.procedure_number}))
        items.append(setter.block("procedure_number", [str(ctx.procedure_number)],
                                  (x + pad + 0.3 * s, ty + plan.title_h / 2 - 0.7 * s, 2 * r, 1.4 * s),
                                  number_size(ctx.procedure_number, 1.05 * s, reversed_floor), role="bold",
                                  align="center", valign="middle", color="paper", where=where))
        tx = x + pad + 2.2 * s
        items.append(setter.block("procedure_title", plan.title_lines,
                                  (tx, ty, x + pad + inner - tx, plan.title_h), plan.title_size,
                                  role="bold", valign="middle", color="ink", where=where, split=plan.title_split))
        body_x, body_y = x + pad, ty + plan.title_h + 0.4 * s
    body = plan.body
    # Details card.
    if body.details or proc.url:
        dx = body_x
        dy = body_y
        details, dsize, box_h = body.details, body.detail_size, body.details_h
        spare = top = 0.0
        if not body.details_below:
            # Beside the panels the card takes their height (as placed): its text set at the speech size when that
            # fits, and what is still left spaced between its entries.
            box_h = body.height + extra
            cuts = sum(len(e.split) for _, e, _ in details)  # larger text cuts no word that was set whole

            def height_at(z: float) -> float:
                entries, h = _details(ctx, proc, body.details_w, z, s)
                return h if sum(len(e.split) for _, e, _ in entries) <= cuts else math.inf

            dsize = grown_size(height_at, (body.detail_size, s), box_h)
            details, dh = _details(ctx, proc, body.details_w, dsize, s) if dsize != body.detail_size else (
                details, body.details_h)
            icons = material_icons(proc, ctx.board.lang)
            slots = len(details) + (1 if icons and any(k == "materials" for k, _, _ in details) else 0)
            spare = min(max(0.0, box_h - dh) / max(slots, 1), 1.5 * dsize * LEADING)
            # Beyond that the entries stand in the card's middle, not above a blank foot.
            top = max(0.0, box_h - dh - spare * slots) / 2
        items.append(Shape("details_box", (dx, dy, body.details_w, box_h), cat.color.spec()))
        cy = dy + 0.25 * s + top
        for kind, entry, text in details:
            items.extend(entry_blocks(setter, kind, entry, dx + 0.4 * s, cy, dsize, where=where, text=text))
            cy += len(entry.lines) * dsize * LEADING + 0.25 * s + spare
            icons = material_icons(proc, ctx.board.lang) if kind == "materials" else ()
            if icons:  # a row of pictures under the materials: what to bring, at a glance
                size = _icon_size(dsize)
                items.extend(icon_row(icons, dx + 0.4 * s, cy, body.details_w - 0.8 * s, size))
                cy += size + 0.25 * s + spare
        qr = _qr_size(proc, body.details_w, s)
        if qr:
            items.append(Shape("qr", (dx + (body.details_w - qr) / 2, cy, qr, qr), extra={"url": proc.url}))
    # Panels.
    if body.details_below:
        px0, py = body_x, body_y + body.details_h + 0.4 * s
    else:
        px0, py = body_x + body.details_w + 0.6 * s, body_y
    gap = _gap(s)
    panels_h = sum(max(p.height for p in row) for row in body.rows) + (len(body.rows) - 1) * _row_gap(s)
    # Beside a taller details card, the panels grow to its height rather than leave a gap under them.
    slack = 0.0 if body.details_below else max(0.0, body.details_h - panels_h)
    # A strip grown taller than planned may take more rows of fewer panels, where its people could not fill
    # panels stretched that tall (shots.rows_for_height).
    panels_w = body.per_row * body.panel_w + (body.per_row - 1) * gap
    more = (alt[0] for k in range(body.per_row - 1, 0, -1)
            if (alt := _panel_rows(ctx, proc, panels_w, k, s)) is not None and len(alt[0]) > len(body.rows))
    rows, heights = rows_for_height(ctx, proc.steps, body.rows, more, panels_h + extra + slack, _row_gap(s))
    number = 0
    for row, h in zip(rows, heights, strict=True):
        for i, pplan in enumerate(row):
            number += 1
            px = px0 + sum(p.width for p in row[:i]) + i * gap
            items.extend(place_panel(ctx, proc.steps[number - 1], number, pplan, px, py, h, False))
            if i < len(row) - 1:
                ax = px + pplan.width + 0.15 * s
                items.append(Shape("arrow", (ax, py + h / 2 - 0.35 * s, gap - 0.3 * s, 0.7 * s),
                                   cat.color.spec(), extra={"direction": "left" if mirror else "right"}))
        py += h + _row_gap(s)
    if mirror:
        _mirror_panels(items, x, plan.width, keep_title=not plan.bar_w)
    return items


def _mirror_panels(items: list[Item], x: float, width: float, keep_title: bool = True) -> None:
    """Right-to-left reading: mirror the strip body (details, panels, figures, arrows) about its centre; a
    vertical title bar goes to the right side with them, a title bar on top stays as it is.

    Glyph order inside each text block is kept; only the blocks move.
    """
    from .frames import _mirror, _move
    from .geometry import TextBlock

    keep_shapes = ("card", "title_bar", "number_badge") if keep_title else ("card",)
    keep_text = ("procedure_number", "procedure_title") if keep_title else ()
    for it in items:
        if isinstance(it, Shape) and it.kind in keep_shapes:
            continue
        if isinstance(it, TextBlock) and it.kind in keep_text:
            continue
        _move(it, -x, 0.0)
        _mirror(it, width)
        _move(it, x, 0.0)
