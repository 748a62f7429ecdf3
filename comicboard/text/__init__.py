"""Break CJK text into lines: language rules (rules), break opportunities (breaking), line choice (wrap)."""

from __future__ import annotations

from .breaking import Break, break_levels, paragraphs
from .rules import LineRules, rules_for
from .wrap import Line, break_lines, fits_lines, layout_lines, line_width, widest_unit, wrap

__all__ = [
    "Break", "Line", "LineRules", "break_levels", "break_lines", "fits_lines", "layout_lines", "line_width",
    "paragraphs", "rules_for", "widest_unit", "wrap",
]
