"""Lay out the whole board: header, footer, category sections partitioned into columns, sheets if needed.

No body text is set below the legibility floor for the board's viewing distance (legibility.py). When the
content fits one sheet at that floor, the base size and the number of columns are chosen by a bounded search
above it: the largest size at which every procedure fits one page (levelled columns), favouring panels of
comfortable proportions. When it does not, the board continues on more sheets at the floor (one plan per column
count, no size search), each a whole board; `fit: one-sheet` shrinks it below the floor instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import Problem
from ..legibility import floor_pt, legible_distance_m
from ..model import PAGE_SIZES_MM, VIEWING_DISTANCE_M, Board, Category, Procedure, iter_texts
from .columns import Unit, _column_height, _fits_one_page, _fullness, arrange, least_capacity, pages_needed
from .geometry import Box, Item, PageGeometry, Shape
from .labels import labels
from .panel import TAILS_CROWDED, TAILS_HINT, PanelContext
from .strip import place_strip, plan_strip
from .typeset import LEADING, REVERSED_MIN_PT, Measured, Setter, Split

MM = 72 / 25.4
DETAIL_RATIO = 0.85  # smallest text on a strip relative to the base size (details, captions)
MAX_GROWTH = 0.35  # a strip may grow this much beyond its natural height to fill a column


@dataclass
class Frame:
    width: float
    height: float
    bleed: float
    margin: float
    header_h: float
    footer_h: float
    body: Box
    min_size: float  # nothing on the board is set smaller: the legibility floor, or min_font_size below it
    floor: float  # the legibility floor at the board's viewing distance (points)


def _header_sizes(board: Board, setter: Setter, width: float, height: float,
                  margin: float, least: float) -> tuple[float, float, float]:
    avail = width - 2 * margin
    # The title scales with the sheet's shorter side: a landscape sheet gets the banner of the same paper upright,
    # not one scaled by its long side that takes a quarter of the height from the procedures.
    t = min(0.05 * min(width, height), 0.85 * avail / max(setter.fonts.width(board.title, "bold"), 1.0))
    # A very long title wraps rather than shrinking below readable; title and subtitle are white on the banner's
    # colour, so never under REVERSED_MIN_PT either.
    t = max(t, 1.5 * least, REVERSED_MIN_PT)
    sub = min(max(least, 0.42 * t), 0.9 * avail / max(setter.fonts.width(board.subtitle, "bold"), 1))
    org = max(least, 0.3 * t)
    return t, max(sub, least, REVERSED_MIN_PT), org


def _footer_size(least: float, width: float, height: float) -> float:
    # White on the footer band's colour: never under REVERSED_MIN_PT.
    return max(least, REVERSED_MIN_PT, 0.011 * min(width, height))


def min_size(board: Board, setter: Setter) -> tuple[float, float]:
    """(the smallest size any text is set at, the legibility floor): the floor for the board's viewing distance,
    or with `fit: one-sheet` the board's min_font_size (text may then go below the floor, with a warning)."""
    floor = floor_pt(board.reading_distance_m, setter.fonts, board.lang)
    return (board.min_font_size if board.fit == "one-sheet" else max(board.min_font_size, floor)), floor


def make_frame(board: Board, setter: Setter, size_mm: tuple[float, float] | None = None) -> Frame:
    w_mm, h_mm = size_mm or board.page_size_mm
    width, height = w_mm * MM, h_mm * MM
    least, floor = min_size(board, setter)
    margin = max(board.margin_mm, board.safe_mm) * MM  # nothing inside the safe margin, however small margin_mm
    t, sub, org = _header_sizes(board, setter, width, height, margin, least)
    avail = width - 2 * margin
    # As many lines as _header_items will set: long texts wrap at their minimum size instead of overflowing.
    n_lines = [len(setter.lines_for(text, avail, size, role)) if text else 0
               for text, size, role in ((board.title, t, "bold"), (board.subtitle, sub, "bold"),
                                        (board.organization, org, "regular"))]
    header_h = margin + (n_lines[0] * t + n_lines[1] * sub + n_lines[2] * org) * LEADING + 0.6 * t
    footer_size = _footer_size(least, width, height)
    footer_h = footer_size * LEADING * 2 + margin
    gap = 0.012 * width
    body = (margin, header_h + gap, width - 2 * margin, height - header_h - footer_h - 2 * gap)
    return Frame(width, height, board.bleed_mm * MM, margin, header_h, footer_h, body, least, floor)


def _header_size(s: float) -> float:
    """A category name is white on the category's colour (often three inks): never under REVERSED_MIN_PT."""
    return max(1.45 * s, REVERSED_MIN_PT)


def _header_lines(setter: Setter, name: str, col_w: float, s: float) -> Measured:
    return setter.measure(name, col_w - 1.6 * s - 1.7 * s, _header_size(s), "bold")  # beside the band's icon


def _category_header_h(n_lines: int, s: float) -> float:
    return n_lines * _header_size(s) * LEADING + 0.5 * s


def _units(ctx_for, board: Board, col_w: float, s: float) -> list[Unit]:
    units: list[Unit] = []
    n = 0
    setter = ctx_for(board.categories[0], board.categories[0].procedures[0], 1).setter
    cont = labels(board.lang)["continued"]
    for cat in board.categories:
        h = _category_header_h(len(_header_lines(setter, cat.name, col_w, s).lines), s)
        hc = _category_header_h(len(_header_lines(setter, cat.name + cont, col_w, s).lines), s)
        units.append(Unit("header", cat, None, 0, h, cont_height=hc))
        for proc in cat.procedures:
            n += 1
            plan = plan_strip(ctx_for(cat, proc, n), cat, proc, col_w, s)
            units.append(Unit("strip", cat, proc, n, plan.height, plan))
    return units


def _proportion_score(units: list[Unit]) -> float:
    """1 for panels near 1.2:1 (w:h), lower for very flat or very tall panels."""
    ratios = []
    for u in units:
        if u.plan:
            for row in u.plan.body.rows:
                for p in row:
                    ratios.append(p.width / max(p.height, 1e-6))
    if not ratios:
        return 1.0
    dev = sum(abs(math.log(r / 1.2)) for r in ratios) / len(ratios)
    return 1.0 / (1.0 + 0.35 * dev)


SIZE_STEP = 0.05  # base sizes the search tries lie on this ladder (points): plans of one size are reused
FILL_PROBES = 3  # sizes tried above the floor to fill a board's last sheet, keeping the count of sheets
FILL_AIM = 0.97  # how full the sheets the probes aim at are (columns rarely pack tighter)
FILL_MARGIN = 0.005  # sheets are filled by sizes at least this much under where proportional growth would end
PACKING = 0.85  # columns of a one-sheet board are rarely fuller than this (to suggest a paper size)


def _rung(k: int) -> float:
    return round(k * SIZE_STEP, 4)


def choose_layout(board: Board, setter: Setter, frame: Frame, ctx_for) -> tuple[float, int, list[Unit], float | None]:
    """(base size, columns, units, column capacity or None when the board needs several pages).

    For each column count, the largest base size (to 0.1 pt) at which everything fits one page; the board's
    score is that size weighed by the panels' proportions and how full the columns are. The score never
    exceeds the size, so a column count whose size cannot beat the best score is not searched further, and
    the column counts most likely to win are searched first. Sizes are probed by interpolating how full the
    page is (the safeguard bisects), and every plan is memoised, so nothing is planned twice.
    """
    body_w, body_h = frame.body[2], frame.body[3]
    s_min = frame.min_size / DETAIL_RATIO
    s_max = max(s_min, min(frame.width / 32, body_h / 18))
    gutter = 0.012 * frame.width
    k_min = math.ceil(s_min / SIZE_STEP - 1e-9)
    k_max = max(k_min, math.floor(s_max / SIZE_STEP + 1e-9))

    def _size(k: int) -> float:  # the ends of the range are the sizes themselves
        return s_min if k == k_min else s_max if k == k_max else _rung(k)

    def trial(col_w: float, ncols: int, k: int, steer: bool = True) -> tuple[list[Unit], float | None, float]:
        """The board planned at rung `k`: its units, the capacity that holds them on one page (None: they do not
        fit) and how full the page is, which steers the search. Without `steer` the fullness of a board that
        does not fit is not worked out (nan): the least capacity of an unbounded page costs most of a
        many-sheet board's layout, and only a size search needs it."""
        s = _size(k)
        units = _units(ctx_for, board, col_w, s)
        cap = _fits_one_page(units, body_h, s, ncols)
        if cap is None and not steer:
            return units, cap, math.nan
        return units, cap, _fullness(units, body_h, s, ncols, cap)

    # Every column count at the minimum size: which can hold the board at all, and a first guess of how
    # far each can grow (text area grows with the square of the size).
    candidates = []
    at_min: list[tuple[int, list[Unit]]] = []  # every column count's plan at the smallest size
    for ncols in range(1, 6):
        col_w = (body_w - (ncols - 1) * gutter) / ncols
        if ncols > 1 and col_w < 24 * s_min:
            break
        units, cap, full = trial(col_w, ncols, k_min, steer=False)
        at_min.append((ncols, units))
        if cap is not None:
            guess = s_min / math.sqrt(max(full, 1e-6))
            candidates.append((guess, ncols, col_w, units, cap, full))
    best: tuple[float, float, int, list[Unit], float] | None = None
    for _guess, ncols, col_w, units, cap, full in sorted(candidates, key=lambda c: (-c[0], c[1])):
        lo = (k_min, units, cap, full)
        hi: tuple[int, float] | None = None  # the smallest rung known not to fit, and its fullness
        if best is not None:
            # Only a size above the best score can win: probe there first.
            k = math.ceil(best[0] / SIZE_STEP - 1e-9)
            if k > k_max:
                continue
            if k > k_min:
                u, c, f = trial(col_w, ncols, k, steer=False)
                if c is None:
                    continue
                lo = (k, u, c, f)
        bisect, step = False, 0
        while hi is None or hi[0] - lo[0] > 2:  # to 0.1 pt
            if hi is None:  # nothing known not to fit: grow, taking fullness as the square of the size
                if lo[0] >= k_max:
                    break
                k = math.floor(_size(lo[0]) / math.sqrt(max(lo[3], 1e-6)) / SIZE_STEP)
                step = max(k - lo[0], 2, 2 * step)
                k = min(lo[0] + step, k_max)
            elif bisect:
                k = (lo[0] + hi[0]) // 2
            else:  # where fullness reaches 1, taking it as a power of the size
                ls_lo, ls_hi = math.log(_size(lo[0])), math.log(_size(hi[0]))
                lf_lo, lf_hi = math.log(max(lo[3], 1e-6)), math.log(max(hi[1], 1e-6))
                t = (0.0 - lf_lo) / (lf_hi - lf_lo) if lf_hi > lf_lo else 0.5
                k = round(math.exp(ls_lo + t * (ls_hi - ls_lo)) / SIZE_STEP)
                k = min(max(k, lo[0] + 1), hi[0] - 1)
            width = hi[0] - lo[0] if hi is not None else None
            u, c, f = trial(col_w, ncols, k)
            if c is not None:
                lo = (k, u, c, f)
            else:
                hi = (k, f)
            # Bisect next when interpolation did not halve the bracket.
            bisect = width is not None and not bisect and (hi[0] - lo[0]) * 2 > width
        k, best_units, best_cap, _ = lo
        s = _size(k)
        fill = min(1.0, (sum(u.height for u in best_units) + 0.5 * s * len(best_units)) / (ncols * body_h))
        score = s * _proportion_score(best_units) * (0.6 + 0.4 * fill)
        if best is None or score > best[0] or (score == best[0] and ncols < best[2]):
            best = (score, s, ncols, best_units, best_cap)
    if best is not None:
        return best[1], best[2], best[3], best[4]
    # Several sheets at the smallest size: no size search (a larger size only needs more sheets), one plan per
    # column count, already made; take the column count that needs the fewest sheets.
    counted = []
    for ncols, units in at_min:
        too_tall = _too_tall(units, body_h, s_min)
        counted.append((too_tall, pages_needed(units, body_h, s_min, ncols), ncols, units))
    # A strip taller than the page cannot be printed whole: fewer columns (wider strips, with their panels in
    # fewer rows) win over fewer pages. Among as many sheets, the one whose columns end most nearly level (only
    # those are arranged: arranging a board of hundreds of procedures costs).
    fewest = min(c[:2] for c in counted)
    arranged = {ncols: arrange(units, body_h, s_min, ncols) for too_tall, npages, ncols, units in counted
                if (too_tall, npages) == fewest}
    options = [(too_tall, npages, round(_ragged(arranged[ncols], s_min) / body_h, 2), -ncols, ncols, units)
               for too_tall, npages, ncols, units in counted if ncols in arranged]
    options.sort(key=lambda o: o[:4])
    too_tall, npages, _, _, ncols, units = options[0]
    pages_lo = arranged[ncols]  # the sheets at the size the probes start from
    # The last sheet is rarely full: grow the text while the sheets stay as many (at most FILL_PROBES plans,
    # aimed by the area the columns take, which grows with the square of the size). Nor is a size probed where the
    # columns could not hold the strips if every height on them grew in proportion to the size: the least column
    # height that holds them in all the sheets' columns, over the body's height, bounds that growth. Strips rarely
    # grow slower than the size (a bubble or caption takes a line more here and there), so a size within
    # FILL_MARGIN of that bound is not probed either.
    col_w = (body_w - (ncols - 1) * gutter) / ncols
    k_lo, k_hi = k_min, k_max + 1
    for _ in range(FILL_PROBES if body_h > 0 else 0):
        if k_hi > k_max:
            s_lo = _size(k_lo)
            if pages_lo is None:
                pages_lo = arrange(units, body_h, s_lo, ncols)
            used = sum(_column_height(c, s_lo) for page in pages_lo for c in page)
            k = math.floor(s_lo * math.sqrt(npages * ncols * body_h * FILL_AIM / max(used, 1e-6)) / SIZE_STEP)
            if not too_tall:
                # Within the body's height, where the sheets' columns already hold them (and the programme is quick).
                least = least_capacity(units, s_lo, npages * ncols, body_h) or body_h
                k = min(k, math.floor(s_lo * body_h / max(least, 1e-6) / (1 + FILL_MARGIN) / SIZE_STEP + 1e-9))
            k = min(k, k_hi - 1)
        else:
            k = (k_lo + k_hi) // 2
        if k <= k_lo:
            break
        u = _units(ctx_for, board, col_w, _size(k))
        if (_too_tall(u, body_h, _size(k)) > too_tall
                or pages_needed(u, body_h, _size(k), ncols) > npages):
            k_hi = k
            continue
        k_lo, units, pages_lo = k, u, None
    return _size(k_lo), ncols, units, None


def _too_tall(units: list[Unit], body_h: float, s: float) -> int:
    """How many strips cannot stand in a column of `body_h` under their category's band (every column starts with
    one: the category's, or the band repeated as continued)."""
    band: dict[str, float] = {}
    n = 0
    for u in units:
        if u.kind == "header":
            band[u.cat.name] = max(u.height, u.cont_height)
        elif u.height + band.get(u.cat.name, 0.0) + 0.5 * s > body_h + 0.01:
            n += 1
    return n


def _ragged(pages: list, s: float) -> float:
    """How far the columns of a sheet end apart, averaged over the sheets (points): 0 when every sheet's columns
    end level."""
    spans = []
    for page in pages:
        heights = [_column_height(col, s) for col in page]
        spans.append(max(heights) - min(heights))
    return sum(spans) / len(spans)


def layout_pages(board: Board, setter: Setter) -> tuple[list[PageGeometry], list[Problem], float]:
    frame = make_frame(board, setter)
    numbers: dict[int, PanelContext] = {}

    def ctx_for(cat: Category, proc: Procedure, n: int) -> PanelContext:
        if n not in numbers:
            numbers[n] = PanelContext(board, setter, cat.name, proc.title, n, frame.min_size)
        return numbers[n]

    s, ncols, units, cap = choose_layout(board, setter, frame, ctx_for)
    bx, by, bw, bh = frame.body
    gutter = 0.012 * frame.width
    col_w = (bw - (ncols - 1) * gutter) / ncols
    units = _units(ctx_for, board, col_w, s)
    flowed = arrange(units, bh, s, ncols)
    problems: list[Problem] = []
    lab = labels(board.lang)
    pages: list[PageGeometry] = []
    for pi, columns in enumerate(flowed):
        page = PageGeometry(pi + 1, frame.width, frame.height, frame.bleed,
                            (frame.margin, frame.margin, frame.width - 2 * frame.margin,
                             frame.height - 2 * frame.margin))
        header = _header_items(board, setter, frame)
        page.items.extend(header)
        index, fitted = _index_items(board, setter, frame, header)
        page.items.extend(index)
        if not fitted and pi == 0 and len(board.procedures()) > 1:
            problems.append(Problem("warning", "no-index", "the banner has no room for the index of procedures",
                                    where=board.source or board.title,
                                    hint="a shorter title or a wider page leaves room beside the title"))
        for ci, col in enumerate(columns):
            # Right-to-left boards read their columns from the right too, as their strips read their panels.
            slot = ncols - 1 - ci if board.direction == "rtl" else ci
            x = bx + slot * (col_w + gutter)
            page.items.extend(_column_items(board, setter, col, x, by, col_w, bh, s, ctx_for, lab))
        page.items.extend(_footer_items(board, setter, frame, pi + 1, len(flowed)))
        pages.append(page)
    if len(pages) > 1:
        problems.append(_continued(board, setter, frame, flowed, s, col_w))
    smallest = min((b.font_size for p in pages for b in p.text_blocks()), default=frame.floor)
    if smallest < frame.floor - 0.01:
        problems.append(Problem(
            "warning", "below-legible",
            f"text is set down to {smallest:.1f} pt to fit one sheet, below the {frame.floor:.1f} pt that older "
            f"readers need at {board.reading_distance_m:g} m: it reads from about "
            f"{legible_distance_m(smallest, setter.fonts, board.lang):.2f} m",
            where=board.source or board.title,
            hint="remove fit: one-sheet to continue on more sheets at a readable size, or use a larger paper size"
                 if board.fit == "one-sheet" else "raise min_font_size, or use a larger paper size"))
    for u in units:
        if u.kind == "strip" and u.height > bh + 0.01:
            problems.append(Problem(
                "error", "strip-too-tall",
                f"procedure {u.proc.title!r} needs {u.height:.0f} pt of height even at the minimum text size, "
                + (f"more than the {bh:.0f} pt a page has" if bh > 0 else
                   "but the title banner and footer leave no room for it on the page"),
                where=f"{u.cat.name} / {u.proc.title}",
                hint="use a larger page size, split the procedure into two, or shorten its texts" if bh > 0 else
                     "use a larger page size, a smaller min_font_size, or a shorter title and footer"))
    problems.extend(split_problems(board, cuts_in(pages), board.source or board.title))
    for u in units:
        if u.plan:
            steps = [pp for row in u.plan.body.rows for pp in row]
            for i, pp in enumerate(steps, 1):
                if pp.tails_crowded:
                    problems.append(Problem("warning", "tails-crowded", TAILS_CROWDED,
                                            where=f"{u.cat.name} / {u.proc.title} / step {i}", hint=TAILS_HINT))
            for msg in u.plan.problems:
                problems.append(Problem("error", "overflow", msg, where=f"{u.cat.name} / {u.proc.title}",
                                        hint="shorten the text or add spaces/punctuation where it may break"))
    return pages, problems, s


def _continued(board: Board, setter: Setter, frame: Frame, flowed: list, s: float, col_w: float) -> Problem:
    """The board continues on several sheets: say so, with the paper size and the viewing distance that would
    likely hold it on one (estimated from the area its columns take: text area grows with the square of size)."""
    used = sum(_column_height(col, s) for page in flowed for col in page if col) * col_w
    w_mm, h_mm = board.page_size_mm
    landscape = w_mm > h_mm
    sizes = []
    for name, (a, b) in PAGE_SIZES_MM.items():
        size_mm = (max(a, b), min(a, b)) if landscape else (min(a, b), max(a, b))
        if size_mm[0] * size_mm[1] > w_mm * h_mm + 1:
            body = make_frame(board, setter, size_mm).body
            sizes.append((size_mm[0] * size_mm[1], name, body[2] * body[3]))
    paper = next((name for _, name, area in sorted(sizes) if area * PACKING >= used), None)
    body_area = frame.body[2] * frame.body[3]
    ratio = math.sqrt(min(1.0, body_area * PACKING / max(used, 1e-6)))
    near = math.floor(board.reading_distance_m * ratio * 20) / 20
    closer = near >= VIEWING_DISTANCE_M[0] and frame.min_size <= frame.floor + 0.01  # min_font_size does not govern
    n = len(flowed)
    d = board.reading_distance_m
    where = f"at {d:g} m" + ("" if board.viewing_distance_m is not None else f" (the default for {_paper(board)})")
    return Problem(
        "warning", "continued",
        f"the board continues on {n} sheets: on one {_paper(board)}, its text would be smaller than "
        + (f"readers {where} can read ({frame.floor:.1f} pt)" if frame.min_size <= frame.floor + 0.01 else
           f"min_font_size ({frame.min_size:g} pt)"),
        where=board.source or board.title,
        hint="print every sheet (each is a whole board, marked 1/" + str(n) + "…), or "
             + (f"use size: {paper}, which likely holds it on one sheet, or " if paper else "")
             + (f"set viewing_distance_m: {near:g} (readers about that close), or " if closer else "")
             + "fit: one-sheet (smaller text, with a warning), or fewer procedures per board",
        details={"sheets": n, "paper": paper, "viewing_distance_m": near if closer else None})


def _paper(board: Board) -> str:
    return board.size.upper() if isinstance(board.size, str) else "sheet of {:g} × {:g} mm".format(*board.size)


def _column_items(board: Board, setter: Setter, col: list, x: float, y: float, w: float, h: float, s: float,
                  ctx_for, lab: dict[str, str]) -> list[Item]:
    gap = 0.5 * s
    natural = _column_height(col, s)
    leftover = max(0.0, h - natural)
    strips = [u for u in col if u.kind == "strip"]
    grow_total = sum(u.height for u in strips) * MAX_GROWTH
    grow = min(leftover, grow_total)
    ratio = grow / grow_total if grow_total else 0.0
    rest = leftover - grow
    # Spare room widens the gaps between strips and before a category band, never the one under a band: a band
    # stays with the strip it heads.
    spread = sum(1 for a in col[:-1] if a.kind != "header")
    extra_gap = min(rest / spread, 1.5 * s) if spread else 0.0
    # What is still left goes to the strips too: the column ends level with its neighbours, not above a blank.
    rest -= extra_gap * spread
    if rest > 0.01 and grow_total:
        ratio = (grow + rest) / grow_total
    items: list[Item] = []
    cy = y  # every column starts at the top, so the category bands of neighbouring columns line up
    mirror = board.direction == "rtl"
    for u in col:
        if u.kind == "header":
            items.extend(_category_header(setter, u, x, cy, w, s, lab))
            cy += u.height + gap
        else:
            hh = u.height * (1 + ratio * MAX_GROWTH)
            items.extend(place_strip(ctx_for(u.cat, u.proc, u.number), u.cat, u.proc, u.plan, x, cy, hh, mirror))
            cy += hh + gap + extra_gap
    return items


def _category_header(setter: Setter, u: Unit, x: float, y: float, w: float, s: float,
                     lab: dict[str, str]) -> list[Item]:
    size = _header_size(s)
    name = u.cat.name + (lab["continued"] if u.continued else "")
    band = Shape("category_band", (x, y, w, u.height), u.cat.color.spec(),
                 extra={"category": u.cat.name, "continued": u.continued})
    icon = category_icon(u.cat, setter.lang)
    isz = 1.7 * s
    lines, _, _, cut = _header_lines(setter, name, w, s)
    text = setter.block("category", lines, (x + 0.6 * s + isz + 0.4 * s, y, w - 1.6 * s - isz, u.height), size,
                        role="bold", valign="middle", color="paper", where=u.cat.name, split=cut)
    mark = Shape("icon", (x + 0.6 * s, y + (u.height - isz) / 2, isz, isz), extra={"name": icon, "for": "category"})
    return [band, mark, text]


def category_icon(cat: Category, lang: str) -> str:
    """The icon of a category band: as the spec says, else one matching its name, else an office."""
    from ..art import icon_for_text

    return cat.icon or icon_for_text(cat.name, lang) or "building"


def _header_items(board: Board, setter: Setter, frame: Frame) -> list[Item]:
    t, sub, org = _header_sizes(board, setter, frame.width, frame.height, frame.margin, frame.min_size)
    w = frame.width - 2 * frame.margin
    items: list[Item] = [Shape("banner", (-frame.bleed, -frame.bleed, frame.width + 2 * frame.bleed,
                                          frame.header_h + frame.bleed))]
    y = frame.margin + 0.15 * t
    for kind, text, size, role in (("title", board.title, t, "bold"), ("subtitle", board.subtitle, sub, "bold"),
                                   ("organization", board.organization, org, "regular")):
        if not text:
            continue
        lines, _, _, cut = setter.measure(text, w, size, role)
        hgt = len(lines) * size * LEADING
        items.append(setter.block(kind, lines, (frame.margin, y, w, hgt), size, role=role, align="center",
                                  color="paper" if kind != "organization" else "accent", where=f"board {kind}",
                                  split=cut))
        y += hgt
    return items


def _footer_items(board: Board, setter: Setter, frame: Frame, number: int, total: int) -> list[Item]:
    size = _footer_size(frame.min_size, frame.width, frame.height)
    w = frame.width - 2 * frame.margin
    top = frame.height - frame.footer_h
    items: list[Item] = [Shape("footer_band", (-frame.bleed, top, frame.width + 2 * frame.bleed,
                                               frame.footer_h + frame.bleed))]
    text = board.footer
    if total > 1:
        page = labels(board.lang)["page"].format(n=number, total=total)
        text = f"{text}  {page}" if text else page
    if text:
        lines, _, _, cut = setter.measure(text, w, size)
        # Half a size below the band's top, or higher when a second line would reach into the margin.
        pitch = size * LEADING
        y0 = min(top + 0.5 * size, frame.height - frame.margin - (len(lines) - 1) * pitch - (pitch + size) / 2)
        items.append(setter.block("footer", lines, (frame.margin, y0, w, frame.footer_h - frame.margin), size,
                                  align="center", valign="top", color="paper", where="board footer", split=cut))
    return items


def _index_items(board: Board, setter: Setter, frame: Frame, header: list[Item]) -> tuple[list[Item], bool]:
    """A numbered index of all procedures in the banner, beside the centred title (no body space used).

    Entries fill columns left of the title, then right of it. Returns (items, fitted); when the banner
    has no room for every entry the index is left out and the caller reports it.
    """
    from .geometry import TextBlock

    procs = [p for _, p in board.procedures()]
    texts = [b for b in header if isinstance(b, TextBlock)]
    if not texts:
        return [], False
    block_w = max(ln.bbox[2] for b in texts for ln in b.lines)
    top = frame.margin
    bottom = frame.header_h - 0.35 * frame.margin
    # As large as two columns of entries allow, between the board's minimum and the subtitle's size; white on
    # the banner's colour, so never under REVERSED_MIN_PT (no index when that does not fit).
    fit = (bottom - top) / (-(-len(procs) // 2) * LEADING)
    size = max(frame.min_size, REVERSED_MIN_PT, min(0.012 * frame.width, fit))
    pitch = size * LEADING
    rows = int((bottom - top) // pitch)
    gap = 1.5 * size
    side_w = (frame.width - 2 * frame.margin - block_w) / 2 - gap
    # Numbers padded with figure spaces (the width of a digit) so the titles line up: 9 and 10 alike.
    digits = len(str(len(procs)))
    entries = [f"{str(i).rjust(digits, chr(0x2007))}\u00a0{p.title}" for i, p in enumerate(procs, 1)]
    col_w = max(setter.width(e, size) for e in entries) + size
    per_side = int(side_w // col_w)
    if rows < 1 or per_side < 1 or 2 * per_side * rows < len(entries):
        return [], False
    n_cols = max(2, -(-len(entries) // rows))
    n_cols += n_cols % 2  # as many columns left of the title as right of it
    per_col = -(-len(entries) // n_cols)
    items: list[Item] = []
    half = n_cols // 2
    for c in range(n_cols):
        chunk = entries[c * per_col:(c + 1) * per_col]
        if not chunk:
            continue
        # Left of the title, then right of it.
        x = frame.margin + c * col_w if c < half else frame.width - frame.margin - (n_cols - c) * col_w
        box = (x, top, col_w, len(chunk) * pitch)
        items.append(setter.block("index", chunk, box, size, color="paper", where="board index"))
    return items, True


def cuts_in(pages: list[PageGeometry]) -> list[Split]:
    """The runs cut between characters in the text blocks of `pages` (`TextBlock.split`), in page order."""
    return [cut for page in pages for block in page.text_blocks() for cut in block.split]


def split_problems(board: Board, split: list[Split], fallback: str) -> list[Problem]:
    """An overflow warning per word that had to be cut: where it is (procedure, step, speaker), the size it
    was set at, and the size at which it would fit whole."""
    texts = iter_texts(board)
    worst: dict[str, tuple[float, float]] = {}
    for word, size, fits in split:
        if word not in worst or fits < worst[word][1]:
            worst[word] = (size, fits)
    out = []
    for word, (size, fits) in worst.items():
        where = next((w for w, text in texts if word in text), fallback)
        out.append(Problem(
            "warning", "split-word",
            f"overflow: {word!r} is wider than its box at {size:.1f} pt and was broken inside; it would fit whole "
            f"at {fits:.1f} pt", where=where,
            hint="shorten it, add a space or punctuation where it may break, or give it more room "
                 "(a larger page, or fewer steps per strip)"))
    return out
