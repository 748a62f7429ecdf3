"""comicboard: a list of procedures in, a print-ready comic display board out (PDF and PNG).

Pipeline: spec/objects → model → layout (geometry, text broken once) → display list → renderers.
"""

from __future__ import annotations

import logging

from .color import Color
from .errors import ComicboardError, FontError, LayoutError, Problem, RenderError, SpecError
from .model import Board, CastMember, Category, FontChoice, Procedure, Speech, Step

# Bound eagerly so the name stays the function once the subpackage is imported (it imports no backend).
from .render import render

__version__ = "0.1.0"

# A library logs, the application decides where it goes: without this, warnings would reach stderr on their own.
logging.getLogger("comicboard").addHandler(logging.NullHandler())

__all__ = [
    "Board", "CastMember", "Category", "Color", "ComicboardError", "FontChoice", "FontError", "LayoutError",
    "Problem", "Procedure", "RenderError", "SpecError", "Speech", "Step",
    "load", "render", "render_many", "layout", "wrap", "check", "__version__",
]


def load(path, *, allow_outside: bool = False):  # noqa: ANN001, ANN201 - thin facade, documented in spec.load
    """Read a board spec (YAML, TOML or JSON) into a `Board`; its file paths stay in its folder unless allowed."""
    from .spec import load as _load

    return _load(path, allow_outside=allow_outside)


def layout(board):  # noqa: ANN001, ANN201
    """Lay the board out: pages → panels, figures, bubbles, text blocks and lines (points, y down)."""
    from .pagelayout import layout as _layout

    return _layout(board)


def wrap(text: str, width: float, *, lang: str = "zh-Hans", size: float = 1.0, font=None,  # noqa: ANN001
         strict: bool = False, keep=()) -> list[str]:  # noqa: ANN001
    """Break `text` into lines no wider than `width` (in the units of `size`; an ideograph is 1 em); the terms in
    `keep` are not broken inside unless one alone is wider than the line."""
    from .text import wrap as _wrap

    return _wrap(text, width, lang=lang, size=size, font=font, strict=strict, keep=keep)


def check(board):  # noqa: ANN001, ANN201
    """Lint a board: missing glyphs, text that does not fit, text below the minimum size. → list[Problem]."""
    from .lint import check as _check

    return _check(board)


def render_many(template, rows, outdir, executor=None, **options):  # noqa: ANN001, ANN003, ANN201
    """One board per table row from a `{{column}}` template, on any concurrent.futures.Executor → BatchResult.

    See comicboard.batch.render_many for the options (formats, name, dpi, force, progress).
    """
    from .batch import render_many as _render_many

    return _render_many(template, rows, outdir, executor, **options)
