"""Show a board or a layout in Jupyter: its first page as a PNG about 800 pixels wide, problems and all."""

from __future__ import annotations

import io

NOTEBOOK_WIDTH_PX = 800  # fits a notebook column; a whole A1 board at this width shows its layout, not its text


def first_page_png(board_or_layout: object, width_px: int = NOTEBOOK_WIDTH_PX) -> bytes:
    """PNG bytes of page 1. Unlike `render`, a board with layout problems is drawn too: the notebook is where
    one looks at them (`cb.check(board)` lists them)."""
    from ..icc import SRGB_PROFILE, profile_bytes
    from ..model import Board
    from .png import render_page

    lay = board_or_layout
    if isinstance(lay, Board):
        from ..pagelayout import layout

        lay = layout(lay)
    page = lay.display.pages[0]  # type: ignore[attr-defined]
    image = render_page(page, dpi=width_px / (page.width / 72))
    out = io.BytesIO()
    image.save(out, format="PNG", icc_profile=profile_bytes(SRGB_PROFILE))
    return out.getvalue()
