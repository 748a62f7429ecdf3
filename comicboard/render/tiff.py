"""Write display-list pages as CMYK TIFFs for shops that print from rasters: ink values, output profile embedded.

The PNG painter works in CMYK here (render_page(mode="CMYK")): the display list's colours are CMYK already, so
they go to the file as they are (black text stays 100 % K, ink limits hold) and only placed pictures are separated
through the output profile, as in the PDF. The file carries the profile, the dpi and lossless compression; no
dates or software tags, so the same board gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path as FilePath

from ..display import DisplayList
from ..errors import RenderError
from ..icc import CMYK_PROFILE, profile_bytes
from ..limits import MAX_PIXELS
from .png import GlyphCache, check_size, render_page, shared_glyphs

COMPRESSIONS = {"lzw": "tiff_lzw", "deflate": "tiff_adobe_deflate"}


def write(dl: DisplayList, paths: list[FilePath], *, dpi: float = 300, max_pixels: int = MAX_PIXELS,
          compression: str = "lzw") -> None:
    """Backend entry point: page i of `dl` goes to paths[i] as a CMYK TIFF (trim box, no bleed)."""
    if compression not in COMPRESSIONS:
        raise RenderError(f"unknown TIFF compression {compression!r}", expected=" or ".join(map(repr, COMPRESSIONS)))
    check_size(dl, dpi, max_pixels, channels=4)
    profile = profile_bytes(CMYK_PROFILE)
    glyphs: GlyphCache = {}  # a board's pages share most of their characters: each rasterised once
    for page, path in zip(dl.pages, paths, strict=True):
        image = render_page(page, dpi, mode="CMYK", glyphs=shared_glyphs(glyphs))
        image.save(path, format="TIFF", dpi=(dpi, dpi), compression=COMPRESSIONS[compression], icc_profile=profile)
        image.close()  # one page image alive at a time
