"""Lint a board without drawing it: missing glyphs, text that does not fit, text too small, covered faces."""

from __future__ import annotations

import math
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import ComicboardError, Problem
from .fonts import coverage_problems, describe_char, fontset_for
from .model import Board, iter_texts

LEGIBLE_PT = 8.0  # the spine's floor for any text on a printed board
# Text too small for the viewing distance is the layout's finding ("below-legible", legibility.py): with the
# default fit it never happens, the board continues on more sheets instead ("continued").
MM = 72 / 25.4
SHOP_BLEED_MM = 3.0  # the bleed a print shop's preflight expects at least
PRINT_PPI = 300  # a placed picture below this looks soft or blocky at reading distance
_PLACEHOLDER = re.compile(r"\{\{\s*[^{}]*?\s*\}\}")  # a batch template's {{column}} (see batch.template)


def _overlap(a: tuple[float, ...], b: tuple[float, ...], tol: float = 0.5) -> bool:
    return (a[0] + tol < b[0] + b[2] and b[0] + tol < a[0] + a[2]
            and a[1] + tol < b[1] + b[3] and b[1] + tol < a[1] + a[3])


def _panel_box(item, page) -> tuple[float, float, float, float]:  # noqa: ANN001
    """The panel containing the item's centre (or the item's own box if none)."""
    cx, cy = item.bbox[0] + item.bbox[2] / 2, item.bbox[1] + item.bbox[3] / 2
    for p in page.of_kind("panel"):
        x, y, w, h = p.bbox
        if x <= cx <= x + w and y <= cy <= y + h:
            return p.bbox
    return item.bbox


def picture_ppi(path: str, box_w_pt: float, box_h_pt: float) -> float | None:
    """Effective resolution of a picture printed into a box of the given size (points), from its header only."""
    placed = picture_placement(path, box_w_pt, box_h_pt)
    return None if placed is None else placed[0]


def picture_placement(path: str, box_w_pt: float, box_h_pt: float) -> tuple[float, float, float] | None:
    """(ppi, width, height in points) of a picture as the painter places it in a box: kept in proportion and as
    large as the box allows (paint._fit_picture), so the axis that fills the box sets the resolution."""
    from .pictures import picture_size

    size = picture_size(path)
    if size is None:
        return None  # the loader names unreadable pictures already
    w_px, h_px = size
    if box_w_pt <= 0 or box_h_pt <= 0 or w_px <= 0 or h_px <= 0:
        return None
    scale = min(box_w_pt / w_px, box_h_pt / h_px)  # points per pixel
    return 72 / scale, w_px * scale, h_px * scale


def _picture_resolution(board: Board, lay) -> list[Problem]:  # noqa: ANN001 - a layout result
    """One warning per cast picture printed below PRINT_PPI, at its largest size on the board."""
    largest: dict[str, tuple[float, float, str]] = {}  # picture → (w, h, where) of its biggest figure box
    for page in lay.pages:
        for fig in page.of_kind("figure"):
            if not fig.picture:
                continue
            w, h, _ = largest.get(fig.picture, (0.0, 0.0, ""))
            if fig.bbox[2] * fig.bbox[3] > w * h:
                largest[fig.picture] = (fig.bbox[2], fig.bbox[3], f"page {page.number}")
    names = {str(m.picture): (key, m.name) for key, m in board.cast.items() if m.picture}
    problems = []
    for picture, (box_w, box_h, where) in largest.items():
        placed = picture_placement(picture, box_w, box_h)
        if placed is None or placed[0] >= PRINT_PPI:
            continue
        ppi, w, h = placed
        key, name = names.get(picture, ("?", "?"))
        need_w, need_h = (math.ceil(v / 72 * PRINT_PPI) for v in (w, h))
        problems.append(Problem(
            "warning", "picture-low-resolution",
            f"the picture of {name} ({key}), {Path(picture).name}, prints at {ppi:.0f} ppi, below {PRINT_PPI} ppi "
            f"(it is {w / MM:.0f}×{h / MM:.0f} mm on the board)",
            where=f"cast.{key}.picture ({where})",
            hint=f"use a picture of at least {need_w}×{need_h} px",
            details={"picture": picture, "ppi": round(ppi, 1), "who": key}))
    return problems


def _comma_in_materials(board: Board) -> list[Problem]:
    """A warning per material holding a full-width comma: `[身份证，户口本]` is one item in YAML, though its writer
    most likely meant two. Only a warning: a material may hold a comma on purpose (复印件，需签字)."""
    problems = []
    for ci, cat in enumerate(board.categories):
        for pi, proc in enumerate(cat.procedures):
            for mi, material in enumerate(proc.materials):
                if "，" not in material:
                    continue
                parts = [p.strip() for p in material.split("，") if p.strip()]
                problems.append(Problem(
                    "warning", "comma-in-material",
                    f"holds a full-width comma: did you mean {len(parts)} items? ({material})",
                    where=f"categories[{ci}].procedures[{pi}].materials[{mi}] ({proc.title})",
                    hint=f"write [{', '.join(parts)}], with ASCII ', ' between items (or one '- item' per line); "
                         "keep it as it is if it is one material",
                    details={"material": material, "items": parts}))
    return problems


def check(board: Board, lay=None) -> list[Problem]:  # noqa: ANN001 - a Layout of this board, when made already
    """Every problem found, errors first. An empty list means the board is ready to render.

    `lay`: the board's layout when the caller has one (the preview draws it too), so it is not made twice.
    """
    from .pagelayout import layout

    problems: list[Problem] = []
    fonts = fontset_for(board.fonts)
    texts = iter_texts(board)
    for role in ("regular", "bold"):
        for ch, places in coverage_problems(texts, fonts, role).items():
            if any(p.code == "missing-glyph" and p.details.get("char") == ch for p in problems):
                continue
            problems.append(Problem("error", "missing-glyph", f"{describe_char(ch)} is in no font of the board",
                                    where="; ".join(places[:3]) + (" …" if len(places) > 3 else ""),
                                    hint="replace the character, or add a font that has it under fonts: fallback",
                                    details={"char": ch}))
    unfilled = [(where, m.group(0)) for where, text in texts for m in _PLACEHOLDER.finditer(text)]
    if unfilled:
        names = ", ".join(dict.fromkeys(p for _, p in unfilled))
        problems.append(Problem("warning", "unfilled-placeholder",
                                f"the board still shows template placeholders: {names}",
                                where="; ".join(w for w, _ in unfilled[:3]) + (" …" if len(unfilled) > 3 else ""),
                                hint="this looks like a template: fill it from a table with "
                                     "`comicboard batch TEMPLATE TABLE -o DIR`, or replace the {{…}} texts"))
    problems.extend(_comma_in_materials(board))
    lay = lay if lay is not None else layout(board, check_fonts=False)
    problems.extend(lay.problems)
    if board.bleed_mm < SHOP_BLEED_MM:
        problems.append(Problem("warning", "bleed-too-small",
                                f"the bleed is {board.bleed_mm:g} mm; print shops usually need {SHOP_BLEED_MM:g} mm",
                                where=board.source or board.title,
                                hint=f"set bleed_mm: {SHOP_BLEED_MM:g} (or more) under board:, unless the shop "
                                     "asked for less"))
    problems.extend(_picture_resolution(board, lay))
    floor = max(LEGIBLE_PT, 0.0)
    for page in lay.pages:
        for block in page.text_blocks():
            if block.font_size < board.min_font_size - 0.01 or block.font_size < floor - 0.01:
                problems.append(Problem("error" if block.font_size < board.min_font_size - 0.01 else "warning",
                                        "text-too-small",
                                        f"{block.kind} text is set at {block.font_size:.1f} pt, below "
                                        f"{max(board.min_font_size, floor):.0f} pt",
                                        where=block.where or f"page {page.number}",
                                        hint="shorten the text or use a larger page size"))
        bubbles, figures = page.of_kind("bubble"), page.of_kind("figure")
        heads = [(f.head, f.who) for f in figures]
        for i, b in enumerate(bubbles):
            for b2 in bubbles[i + 1:]:
                if _overlap(b.bbox, b2.bbox):
                    problems.append(Problem("error", "bubble-overlap", "two bubbles overlap", where=b.where))
            panel = _panel_box(b, page)  # once per bubble: each look scans the page's items
            if not any(f.who == b.speaker and _overlap(f.bbox, panel) for f in figures):
                problems.append(Problem("error", "speaker-not-in-panel", f"{b.speaker} speaks but is not drawn",
                                        where=b.where))
            for head, who in heads:
                if _overlap(b.bbox, head):
                    problems.append(Problem("error", "covered-face", f"a bubble covers the face of {who}",
                                            where=b.where))
    problems.sort(key=lambda p: p.severity != "error")
    return problems


# -- findings with a place in the file (`comicboard check --json`) ---------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One problem of one spec file, placed: what `comicboard check --json` lists."""

    file: str
    line: int | None
    column: int | None
    path: str | None  # field path, e.g. "categories[0].procedures[2].steps[1]"; None for the whole file
    severity: str  # "error" | "warning"
    code: str  # the Problem's code, or "invalid-spec" / "font" when the file cannot be checked at all
    message: str
    hint: str
    where: str = ""  # the human label (category / procedure / step / speaker)

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        at = ":".join(str(v) for v in (self.file, self.line, self.column) if v is not None)
        label = self.where or self.path or ""
        return (f"{at}: {self.severity}: {label + ': ' if label else ''}{self.message}"
                + (f" — {self.hint}" if self.hint else ""))


def _where_index(board: Board) -> dict[str, tuple]:
    """Human labels (as layout and `iter_texts` write them) → field paths; the first of equal labels wins."""
    out: dict[str, tuple] = {}
    add = out.setdefault
    for key in ("title", "subtitle", "organization", "footer"):
        add(f"board {key}", ("board", key))
    add("board index", ("board",))
    add(board.title, ("board",))
    if board.source:
        add(board.source, ("board",))
    for key in board.cast:
        add(f"cast {key}", ("cast", key))
    for ci, cat in enumerate(board.categories):
        at_c = ("categories", ci)
        add(f"category {cat.name}", at_c + ("name",))
        add(cat.name, at_c)
        for pi, proc in enumerate(cat.procedures):
            at_p = at_c + ("procedures", pi)
            w = f"{cat.name} / {proc.title}"
            add(w, at_p)
            for key in ("title", "summary", "time_limit", "location", "phone", "basis", "materials"):
                add(f"{w} ({key})", at_p + (key,))
            for si, step in enumerate(proc.steps, 1):
                add(f"{w} / step {si}", at_p + ("steps", si - 1))
                for k, sp in enumerate(step.say):
                    add(f"{w} / step {si} / {sp.who}", at_p + ("steps", si - 1, "say", k))
    return out


_PATHLIKE = re.compile(r"^(?:board|cast|categories|fonts)(?:[.\[][^ ]*)?(?= |$)")


def field_path(board: Board, where: str) -> tuple | None:
    """The field path a Problem's `where` label points at, or None when it names no field (e.g. 'page 2')."""
    from .spec.paths import parse_path

    index = _where_index(board)
    for label in where.removesuffix(" …").split("; "):  # a missing glyph lists up to three places
        if label in index:
            return index[label]
        if m := _PATHLIKE.match(label):  # some problems already name the field ("cast.zhao.picture (page 1)")
            return parse_path(m.group(0))
    return None


# Codes of a file that could not be checked at all (`comicboard check` exits 2), by the error that stopped it.
UNCHECKED = {"SpecError": "invalid-spec", "FontError": "font-error", "LayoutError": "layout-error"}


def check_file(path: str | os.PathLike, *, allow_outside: bool = False, raise_errors: bool = False) -> list[Finding]:
    """Load and lint one spec file; a spec that cannot be loaded is one error finding, located, not an exception
    (unless `raise_errors`: then the ComicboardError itself, for --debug)."""
    from .spec import build
    from .spec.paths import format_path
    from .spec.readers import read

    file = str(path)
    try:
        doc = read(path)
        board = build(doc, Path(path).parent, allow_outside=allow_outside)
        problems = check(board)
    except ComicboardError as e:
        if raise_errors:
            raise
        code = UNCHECKED.get(type(e).__name__, "cannot-check")
        return [Finding(e.file or file, e.line, e.column, e.path, "error", code, e.message
                        + (f" (expected {e.expected}, found {e.found})" if e.expected and e.found else ""),
                        e.hint or "")]
    out = []
    for p in problems:
        at = field_path(board, p.where) if p.where else None
        line, column = doc.where(at) if at is not None else (None, None)
        out.append(Finding(file, line, column, format_path(at) if at else None, p.severity, p.code, p.message,
                           p.hint, p.where))
    return out
