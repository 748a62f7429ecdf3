"""Lay a board out for phones: an index page, then one tall narrow page per procedure, panels stacked.

Each procedure page reads top to bottom in large type: category, numbered title, summary, one comic panel
per step at full width (reusing `plan_panel`/`place_panel`), then materials, time limit, place and phone.
"""

from __future__ import annotations

from ..errors import Problem
from ..fonts import check_coverage, fontset_for
from ..model import Board, Category, Procedure, iter_texts
from . import Layout
from .acting import cue_procedure
from .board import cuts_in, split_problems
from .geometry import Item, PageGeometry, Shape
from .labels import labels
from .panel import TAILS_CROWDED, TAILS_HINT, PanelContext, place_panel, plan_panel
from .scenes import add_scenes
from .strip import icon_row, material_icons
from .typeset import LEADING, Setter, number_size

PHONE_WIDTH_PT = 360.0  # 5 in: 1080 px at 216 dpi
PHONE_WIDTH_PX = 1080
MIN_ASPECT = 4 / 3  # height / width at least: portrait even for a short procedure or a short index
BASE_PT = 15.0  # bubble text: 45 px of 1080, about 17 CSS px on a typical phone (large for elderly readers)
INDEX_LABELS = {"zh-Hans": "目录", "zh-Hant": "目錄", "ja": "目次", "ko": "목차"}


def layout_phone(board: Board, *, width: float = PHONE_WIDTH_PT, s: float = BASE_PT) -> Layout:
    """Pages: the index, then one per procedure in board order (numbered as on the board)."""
    fonts = fontset_for(board.fonts)
    check_coverage(iter_texts(board), fonts, board.source)
    setter = Setter(fonts, board.lang, frozenset(board.terms))
    s = max(s, board.min_font_size)
    problems: list[Problem] = []
    pages = [_index_page(board, setter, width, s)]
    for n, (cat, proc) in enumerate(board.procedures(), 1):
        pages.append(_procedure_page(board, setter, cat, proc, n, width, s, problems))
    problems.extend(split_problems(board, cuts_in(pages), board.source or board.title))
    for i, page in enumerate(pages, 1):
        page.number = i
    return Layout(board, fonts, add_scenes(board, pages), s, problems)


def _page(width: float, height: float, m: float, items: list[Item]) -> PageGeometry:
    height = max(height, MIN_ASPECT * width)
    return PageGeometry(0, width, height, 0.0, (m, m, width - 2 * m, height - 2 * m), items)


def _text(setter: Setter, items: list[Item], kind: str, text: str, x: float, y: float, w: float, size: float,
          *, role: str = "regular", align: str = "left", color: str = "ink", where: str = "") -> float:
    """Break and place `text`; returns the y below it."""
    # Justified details fill their lines; other texts (summary, footer) keep words whole, as bubbles do.
    lines, _, _, cut = setter.measure(text, w, size, role, fill=align == "justify", whole_words=align != "justify")
    h = len(lines) * size * LEADING
    items.append(setter.block(kind, lines, (x, y, w, h), size, role=role, align=align, color=color, where=where,
                              source=text, split=cut))
    return y + h


def _procedure_page(board: Board, setter: Setter, cat: Category, proc: Procedure, n: int, width: float, s: float,
                    problems: list[Problem], margin: float | None = None) -> PageGeometry:
    m = margin if margin is not None else 0.8 * s
    inner = width - 2 * m
    proc = cue_procedure(proc)  # each person's pose in the panel before: an input to the next panel's plan
    where = f"{cat.name} / {proc.title}"
    items: list[Item] = []
    colour = cat.color.spec()
    # Category band.
    y = m
    cat_lines, _, _, cut = setter.measure(cat.name, inner - 1.2 * s, s, "bold")
    band_h = len(cat_lines) * s * LEADING + 0.5 * s
    items.append(Shape("category_band", (m, y, inner, band_h), colour, extra={"category": cat.name}))
    items.append(setter.block("category", cat_lines, (m + 0.6 * s, y, inner - 1.2 * s, band_h), s, role="bold",
                              valign="middle", color="paper", where=cat.name, split=cut))
    y += band_h + 0.5 * s
    # Title bar with the board's procedure number.
    tsize = 1.6 * s
    badge = 2.2 * s
    title_lines, _, _, title_cut = setter.measure(proc.title, inner - badge - 0.9 * s, tsize, "bold")
    title_h = max(len(title_lines) * tsize * LEADING, badge) + 0.6 * s
    items.append(Shape("title_bar", (m, y, inner, title_h), colour))
    items.append(Shape("number_badge", (m + 0.3 * s, y + (title_h - badge) / 2, badge, badge), colour,
                       extra={"number": n}))
    items.append(setter.block("procedure_number", [str(n)], (m + 0.3 * s, y + (title_h - badge) / 2, badge, badge),
                              number_size(n, 1.3 * s, board.min_font_size), role="bold", align="center",
                              valign="middle", color="paper", where=where))
    tx = m + 0.6 * s + badge
    items.append(setter.block("procedure_title", title_lines, (tx, y, m + inner - tx - 0.3 * s, title_h), tsize,
                              role="bold", valign="middle", where=where, split=title_cut))
    y += title_h + 0.5 * s
    if proc.summary:
        y = _text(setter, items, "summary", proc.summary, m + 0.2 * s, y, inner - 0.4 * s, s, role="bold",
                  where=where) + 0.5 * s
    # The steps: one full-width panel each.
    ctx = PanelContext(board, setter, cat.name, proc.title, n, board.min_font_size)
    for i, step in enumerate(proc.steps, 1):
        plan = plan_panel(ctx, step, inner, s)
        if plan.tails_crowded:
            problems.append(Problem("warning", "tails-crowded", TAILS_CROWDED, where=f"{where} / step {i}",
                                    hint=TAILS_HINT))
        for msg in plan.problems:
            problems.append(Problem("error", "overflow", msg, where=where,
                                    hint="shorten the text or add spaces/punctuation where it may break"))
        # A short, wide panel puts the figure's head beside the corner badge: give it room below the badge.
        h = plan.height + (1.5 * s if not step.say else 0.0)
        items.extend(place_panel(ctx, step, i, plan, m, y, h, False))
        y += h + 0.6 * s
    # Details: materials one per line, then time limit, place, phone, basis.
    lab = labels(board.lang)
    rows: list[tuple[str, str, str]] = []
    if proc.materials:
        rows.append(("materials", lab["materials"] + lab["colon"], "bold"))
        rows.extend(("materials", f"· {mat}", "regular") for mat in proc.materials)
    for key in ("time_limit", "location", "phone", "basis"):
        if getattr(proc, key):
            rows.append((key, lab[key] + lab["colon"] + getattr(proc, key), "regular"))
    if rows:
        box_y = y
        y += 0.5 * s
        for kind, text, role in rows:
            y = _text(setter, items, kind, text, m + 0.6 * s, y, inner - 1.2 * s, s, role=role, where=where,
                      align="justify")
            y += 0.2 * s
            if kind == "materials" and role == "bold":  # pictures of what to bring, under the heading
                icons = material_icons(proc, board.lang)
                size = 2.2 * s
                items.extend(icon_row(icons, m + 0.6 * s, y, inner - 1.2 * s, size))
                if icons:
                    y += size + 0.3 * s
        if proc.url:  # big enough to scan from another phone's screen
            qr = min(inner * 0.45, 9 * s)
            items.append(Shape("qr", (m + (inner - qr) / 2, y, qr, qr), extra={"url": proc.url}))
            y += qr + 0.3 * s
        y += 0.3 * s
        items.insert(0, Shape("details_box", (m, box_y, inner, y - box_y), colour))
        y += 0.5 * s
    y = _footer(board, setter, items, m, y, inner, s)
    return _page(width, y + m, m, items)


def _footer(board: Board, setter: Setter, items: list[Item], m: float, y: float, inner: float, s: float) -> float:
    for kind, text in (("organization", board.organization), ("footer", board.footer)):
        if text:
            y = _text(setter, items, kind, text, m, y, inner, max(board.min_font_size, 0.8 * s), align="center",
                      role="bold" if kind == "organization" else "regular", where=f"board {kind}")
    return y


def _index_page(board: Board, setter: Setter, width: float, s: float) -> PageGeometry:
    m = 0.8 * s
    inner = width - 2 * m
    items: list[Item] = []
    # Banner with the board's title and subtitle.
    y = m
    title = _text(setter, [], "title", board.title, m, y, inner, 2.0 * s, role="bold")
    sub_h = len(setter.lines_for(board.subtitle, inner, 1.1 * s, "bold")) * 1.1 * s * LEADING if board.subtitle else 0
    banner_h = title + sub_h + 0.6 * s
    items.append(Shape("banner", (0, 0, width, banner_h)))
    y = _text(setter, items, "title", board.title, m, y, inner, 2.0 * s, role="bold", align="center",
              color="paper", where="board title")
    if board.subtitle:
        _text(setter, items, "subtitle", board.subtitle, m, y, inner, 1.1 * s, role="bold", align="center",
              color="paper", where="board subtitle")
    y = banner_h + 0.6 * s
    y = _text(setter, items, "index_heading", INDEX_LABELS.get(board.lang, "目录"), m, y, inner, 1.3 * s,
              role="bold") + 0.3 * s
    n = 0
    for cat in board.categories:
        cat_lines, _, _, cut = setter.measure(cat.name, inner - 1.2 * s, s, "bold")
        band_h = len(cat_lines) * s * LEADING + 0.5 * s
        items.append(Shape("category_band", (m, y, inner, band_h), cat.color.spec(), extra={"category": cat.name}))
        items.append(setter.block("category", cat_lines, (m + 0.6 * s, y, inner - 1.2 * s, band_h), s, role="bold",
                                  valign="middle", color="paper", where=cat.name, split=cut))
        y += band_h + 0.3 * s
        for proc in cat.procedures:
            n += 1
            badge = 1.6 * s
            x = m + 0.4 * s + badge + 0.5 * s
            lines, _, _, cut = setter.measure(proc.title, m + inner - x, 1.2 * s, "bold")
            h = max(badge, len(lines) * 1.2 * s * LEADING)
            items.append(Shape("number_badge", (m + 0.4 * s, y + (h - badge) / 2, badge, badge), cat.color.spec(),
                               extra={"number": n}))
            items.append(setter.block("procedure_number", [str(n)], (m + 0.4 * s, y + (h - badge) / 2, badge, badge),
                                      number_size(n, s, board.min_font_size), role="bold", align="center",
                                      valign="middle", color="paper",
                                      where=f"{cat.name} / {proc.title}"))
            items.append(setter.block("procedure_title", lines, (x, y, m + inner - x, h), 1.2 * s, role="bold",
                                      valign="middle", where=f"{cat.name} / {proc.title}", split=cut))
            y += h + 0.4 * s
        y += 0.3 * s
    y = _footer(board, setter, items, m, y + 0.3 * s, inner, s)
    return _page(width, y + m, m, items)


def layout_handout(board: Board, *, size_mm: tuple[float, float] = (210.0, 297.0), s: float = 16.0) -> Layout:
    """A counter handout: one procedure per A4 page, the phone page's reading order at print size.

    A procedure too tall for the page is set smaller, down to the board's minimum text size.
    """
    fonts = fontset_for(board.fonts)
    check_coverage(iter_texts(board), fonts, board.source)
    setter = Setter(fonts, board.lang, frozenset(board.terms))
    mm = 72 / 25.4
    width, height = size_mm[0] * mm, size_mm[1] * mm
    m = 12 * mm  # print: keep clear of the trim and of printers' unprintable edge
    pages: list[PageGeometry] = []
    problems: list[Problem] = []
    for n, (cat, proc) in enumerate(board.procedures(), 1):
        size = s
        while True:
            found: list[Problem] = []
            page = _procedure_page(board, setter, cat, proc, n, width, size, found, margin=m)
            if page.height <= height or size <= board.min_font_size:
                break
            size = max(board.min_font_size, size * 0.92)
        problems.extend(found)
        if page.height > height + 0.01:
            problems.append(Problem("error", "handout-too-tall",
                                    f"procedure {proc.title!r} does not fit one handout page", where=proc.title,
                                    hint="shorten its texts or split it into two procedures"))
        page.number, page.height, page.bleed = n, height, 3 * mm
        page.safe = (m, m, width - 2 * m, height - 2 * m)
        pages.append(page)
    return Layout(board, fonts, add_scenes(board, pages), s, problems)
