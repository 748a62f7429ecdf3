"""Write phone images: `name-index.png`, then `name-01.png`, `name-02.png`, … one per procedure, 1080 px wide."""

from __future__ import annotations

from pathlib import Path

from ..errors import RenderError
from .atomic import atomic_outputs, numbered_leftovers


def phone_paths(target: Path, procedures: int) -> list[Path]:
    """`out/board.png` → out/board-index.png, out/board-01.png, …; a folder (no suffix) → index.png, 01.png, …"""
    digits = max(2, len(str(procedures)))
    if target.suffix:
        stem = target.with_suffix("")
        names = [f"{stem.name}-index"] + [f"{stem.name}-{i:0{digits}d}" for i in range(1, procedures + 1)]
        return [target.with_name(n + ".png") for n in names]
    return [target / "index.png"] + [target / f"{i:0{digits}d}.png" for i in range(1, procedures + 1)]


def _stale_phone_pages(targets: list[Path]) -> list[Path]:
    """Procedure images of an earlier render with more procedures (same numbering width), up to the first gap."""
    last = targets[-1]
    head, _, number = last.stem.rpartition("-")
    if not number.isdigit():
        return []
    digits = len(number)
    name = (lambda i: last.with_name(f"{head}-{i:0{digits}d}.png")) if head else (
        lambda i: last.with_name(f"{i:0{digits}d}.png"))
    return numbered_leftovers(name, int(number) + 1)


def render_phone(board: object, target: Path, *, width_px: int | None = None) -> list[Path]:
    """Lay `board` out for phones and write its images; refuses boards with layout errors, by name."""
    from ..model import Board
    from ..pagelayout.phone import PHONE_WIDTH_PX, layout_phone
    from . import _refuse_errors
    from .png import write

    if not isinstance(board, Board):
        raise RenderError("phone images are made from a Board", expected="a Board", found=type(board).__name__)
    if target.suffix and target.suffix.lower() != ".png":
        raise RenderError(f"phone images are PNG: cannot write {str(target)!r}",
                          expected="a path ending in .png, or a folder", found=repr(target.suffix))
    lay = layout_phone(board)
    _refuse_errors(lay)
    dl = lay.display
    dpi = (width_px or PHONE_WIDTH_PX) / (dl.pages[0].width / 72)
    targets = phone_paths(target, len(dl.pages) - 1)
    with atomic_outputs(targets, stale=lambda: _stale_phone_pages(targets)) as temps:
        write(dl, temps, dpi=dpi)
    return targets


def render_handout(board: object, target: Path) -> list[Path]:
    """An A4 PDF with one procedure per page, print-ready like the board (bleed, embedded subset fonts)."""
    from ..model import Board
    from ..pagelayout.phone import layout_handout
    from . import _refuse_errors
    from .pdf import write

    if not isinstance(board, Board):
        raise RenderError("a handout is made from a Board", expected="a Board", found=type(board).__name__)
    if target.suffix.lower() != ".pdf":
        raise RenderError(f"a handout is a PDF: cannot write {str(target)!r}", expected="a path ending in .pdf",
                          found=repr(target.suffix))
    lay = layout_handout(board)
    _refuse_errors(lay)
    with atomic_outputs([target]) as temps:
        write(lay.display, temps, dpi=150)
    return [target]
