"""Open users' pictures safely: header checked before decoding, size bounded, Pillow's bomb guard left on."""

from __future__ import annotations

import warnings
from pathlib import Path

from .errors import RenderError
from .limits import MAX_PICTURE_PIXELS

FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")


def picture_problem(path: str | Path) -> str | None:
    """Why `path` cannot serve as a picture, or None; reads the header only (nothing is decoded)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                fmt, (w, h) = im.format, im.size
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "not a picture Pillow can read safely (PNG or JPEG of a sensible size)"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if fmt not in FORMATS:
        return f"is a {fmt} image; use PNG or JPEG"
    if w * h > MAX_PICTURE_PIXELS:
        return f"is {w}×{h} px, more than the {MAX_PICTURE_PIXELS / 1e6:g}-megapixel limit for a picture"
    return None


def picture_size(path: str | Path) -> tuple[int, int] | None:
    """(width, height) in pixels from the file's header (nothing is decoded), or None if unreadable."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            return im.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def load_rgba(path: str | Path):  # noqa: ANN201 - a PIL.Image.Image; PIL is imported lazily
    """The picture decoded as RGBA, or RenderError naming the file (checked first: no bomb is decoded)."""
    from PIL import Image

    problem = picture_problem(path)
    if problem:
        raise RenderError(f"picture {path} {problem}", hint="use a PNG or JPEG picture of a few megapixels")
    try:
        with Image.open(path) as src:
            return src.convert("RGBA")
    except (OSError, Image.DecompressionBombError, ValueError) as exc:
        raise RenderError(f"cannot read picture {path}: {exc}", hint="save it again as PNG") from exc
