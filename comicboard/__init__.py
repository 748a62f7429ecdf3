"""comicboard: a list of procedures in, a print-ready comic display board out (PDF and PNG).

Pipeline: spec/objects → model → layout (geometry, text broken once) → display list → renderers.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .color import Color
from .errors import ComicboardError, ComicboardWarning, FontError, LayoutError, Problem, RenderError, SpecError
from .model import Board, CastMember, Category, FontChoice, Procedure, Speech, Step

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .batch import BatchResult, Outcome, Template
    from .pagelayout import Layout

# Bound eagerly so the name stays the function once the subpackage is imported (it imports no backend).
from .render import render

__version__ = "0.1.0"

# A library logs, the application decides where it goes: without this, warnings would reach stderr on their own.
logging.getLogger("comicboard").addHandler(logging.NullHandler())

__all__ = [
    "Board", "CastMember", "Category", "Color", "ComicboardError", "ComicboardWarning", "FontChoice", "FontError",
    "LayoutError", "Problem", "Procedure", "RenderError", "SpecError", "Speech", "Step",
    "load", "render", "render_many", "layout", "wrap", "check", "__version__",
]


def load(path: str | os.PathLike[str], *, allow_outside: bool = False) -> Board:
    """Read a board spec (YAML, TOML or JSON) into a `Board`; its file paths stay in its folder unless allowed."""
    from .spec import load as _load

    return _load(path, allow_outside=allow_outside)


def layout(board: Board) -> Layout:
    """Lay the board out: pages → panels, figures, bubbles, text blocks and lines (points, y down)."""
    from .pagelayout import layout as _layout

    return _layout(board)


def wrap(text: str, width: float, *, lang: str = "zh-Hans", size: float = 1.0, font=None,  # noqa: ANN001
         strict: bool = False, keep=()) -> list[str]:  # noqa: ANN001
    """Break `text` into lines no wider than `width` (in the units of `size`; an ideograph is 1 em); the terms in
    `keep` are not broken inside unless one alone is wider than the line."""
    global _text_wrap
    if _text_wrap is None:  # imported on first use (import stays cheap), then called without an import statement
        from .text import wrap as _text_wrap
    return _text_wrap(text, width, lang=lang, size=size, font=font, strict=strict, keep=keep)


_text_wrap: Callable[..., list[str]] | None = None


def check(board: Board) -> list[Problem]:
    """Lint a board: missing glyphs, text that does not fit, text below the minimum size. → list[Problem]."""
    from .lint import check as _check

    return _check(board)


def render_many(template: Template | str | os.PathLike[str] | Mapping[str, Any],
                rows: Iterable[Mapping[str, Any]] | str | os.PathLike[str], outdir: str | os.PathLike[str],
                executor: Executor | None = None, *, jobs: int | None = None,
                formats: Iterable[str] | str = ("pdf",), name: str | None = None, dpi: float = 150,
                include_column: str = "procedures", force: bool = False,
                progress: Callable[[int, int, Outcome], None] | None = None, pdfx: str | None = "4",
                marks: bool = False, allow_outside: bool = False) -> BatchResult:
    """One board per table row from a `{{column}}` template, on any concurrent.futures.Executor → BatchResult.

    The options are the CLI's (`--jobs` is `jobs=`, `--format` is `formats=`): see comicboard.batch.render_many.
    Call it under `if __name__ == "__main__":` in a script (Windows and macOS start workers by importing it).
    """
    from .batch import render_many as _render_many

    return _render_many(template, rows, outdir, executor, jobs=jobs, formats=formats, name=name, dpi=dpi,
                        include_column=include_column, force=force, progress=progress, pdfx=pdfx, marks=marks,
                        allow_outside=allow_outside)
