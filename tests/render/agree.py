"""Whether the PDF and the PNG of a display list put ink on the same pixels (shared by the renderer tests)."""

from __future__ import annotations

from pathlib import Path

from comicboard.display import DisplayList


def pdf_png_ink(dl: DisplayList, tmp_path: Path, threshold: int) -> tuple[int, int, tuple, tuple]:
    """Render a one-page display list to PDF (rasterised by poppler at 72 dpi, bleed cropped off) and to PNG at
    72 dpi; returns (inked PNG pixels, pixels whose ink differs, PNG size, PDF raster size), ink being darker
    than `threshold`."""
    import subprocess

    from PIL import Image, ImageChops

    from comicboard.render import render
    from tests.needs import tool

    page = dl.pages[0]
    render(dl, tmp_path / "x.pdf")
    render(dl, tmp_path / "x.png", dpi=72)
    b = round(page.bleed)
    crop = ["-x", str(b), "-y", str(b), "-W", str(round(page.width)), "-H", str(round(page.height))]
    subprocess.run([tool("pdftoppm"), "-r", "72", *crop, "-png", "-singlefile", str(tmp_path / "x.pdf"),
                    str(tmp_path / "ref")], check=True)
    ours = Image.open(tmp_path / "x.png").convert("L").point(lambda v: 255 if v < threshold else 0)
    ref = Image.open(tmp_path / "ref.png").convert("L").point(lambda v: 255 if v < threshold else 0)
    inked = sum(1 for v in ours.get_flattened_data() if v)
    differ = sum(1 for v in ImageChops.difference(ours, ref).get_flattened_data() if v) if ours.size == ref.size \
        else inked
    return inked, differ, ours.size, ref.size
