"""Every documented limit in one place: specs beyond them are refused quickly, with the limit named.

The numbers are far above what a real board needs (the Gongrenjie board has 26 procedures of 3–5 steps
and no text over 60 characters); they exist so a wrong file or a hostile one fails fast instead of eating
time and memory. README's "Limits" section lists them; keep the two in step.
"""

from __future__ import annotations

# Spec files
MAX_SPEC_BYTES = 5_000_000  # a large board is ~50 kB of YAML
MAX_NODES = 100_000  # values after YAML alias expansion ("billion laughs")
MAX_DEPTH = 50  # nesting levels; a board needs about ten
MAX_CELL_CHARS = 5_000  # one cell of a batch table (a procedures column listing ids can be long)

# Board contents
MAX_TEXT_CHARS = 500  # characters in one text field (title, caption, speech, summary, ...)
MAX_BOARD_CHARS = 300_000  # characters in all texts of one board together (500 procedures of real text ≈ 100,000)
MAX_CATEGORIES = 50
MAX_PROCEDURES = 600  # on one board, all categories together; a 500-procedure board lays out over many pages
MAX_STEPS = 20  # per procedure
MAX_SPEECHES = 8  # per step
MAX_MATERIALS = 30  # per procedure
MAX_KEEP_TERMS = 200  # board.keep: terms never broken inside a line (each is looked for in every paragraph)
MAX_PROPS = 8  # per step
MAX_CAST = 50  # cast members, the two defaults included

# Output
PAGE_MM = (50.0, 5000.0)  # each side of a custom page size, in millimetres
MIN_CONTENT_MM = 20.0  # each side of the page inside its margins (a 50 mm page takes margins up to 15 mm)
MIN_DPI = 10  # below this, text rounds to zero-pixel glyphs
MAX_PIXELS = 250_000_000  # one PNG page (~750 MB as RGB); A0 at 400 dpi still fits
MAX_PICTURE_PIXELS = 40_000_000  # one cast picture (a 40-megapixel photo); Pillow's bomb guard stays on too
