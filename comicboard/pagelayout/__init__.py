"""Transform a validated Board into laid-out pages: panels, figures, bubbles and set text (points, y down).

Text is broken and positioned here, once; `Layout.display` paints the geometry into a display list
that every renderer draws as is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..display import DisplayList
from ..errors import Problem
from ..fonts import FontSet, check_coverage, fontset_for
from ..model import Board, iter_texts
from .geometry import Bubble, Figure, Line, PageGeometry, Panel, Shape, TextBlock
from .typeset import Setter

__all__ = ["Layout", "layout", "Bubble", "Figure", "Line", "PageGeometry", "Panel", "Shape", "TextBlock"]


@dataclass
class Layout:
    """The laid-out board: pages of geometry, the problems found, and the base text size chosen."""

    board: Board
    fonts: FontSet
    pages: list[PageGeometry]
    base_size: float
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def display(self) -> DisplayList:
        from ..paint import paint

        return paint(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "units": "pt",
            "origin": "top-left of the trim box, y down",
            "title": self.board.title,
            "lang": self.board.lang,
            "base_font_size": round(self.base_size, 2),
            "pages": [p.to_json() for p in self.pages],
            "problems": [{"severity": p.severity, "code": p.code, "message": p.message, "where": p.where,
                          "hint": p.hint} for p in self.problems],
        }

    def _repr_png_(self) -> bytes:
        """Jupyter shows a layout as its first page, about 800 px wide."""
        from ..render.notebook import first_page_png

        return first_page_png(self)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1)


def layout(board: Board, *, check_fonts: bool = True) -> Layout:
    """Lay the board out. Raises FontError first if any character is in no font of the board."""
    fonts = fontset_for(board.fonts)
    if check_fonts:
        check_coverage(iter_texts(board), fonts, board.source)
    from .acting import cue_board
    from .board import layout_pages
    from .scenes import add_scenes

    setter = Setter(fonts, board.lang, frozenset(board.terms))
    pages, problems, s = layout_pages(cue_board(board), setter)
    return Layout(board, fonts, add_scenes(board, pages), s, problems)
