"""Colour management: sRGB ↔ the bundled CMYK output profile through ICC (Pillow's ImageCms, i.e. LittleCMS).

Rendering intent: relative colorimetric with black-point compensation, both ways. In-gamut colours (a
community's brand red) keep their measured appearance, out-of-gamut ones clip to the nearest printable colour,
and the darkest RGB maps to the press's darkest black rather than crushing shadows. Neutral RGB greys separate
to black ink only (a K tint), so grey text and lines never need four plates in register. Every separation
stays at or below MAX_INK total ink. Conversions are cached and deterministic (same LittleCMS, same numbers).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .color import MAX_INK  # total area coverage, as a fraction (300 %)

CMYK_PROFILE = "comicboard-fogra39.icc"
SRGB_PROFILE = "sRGB.icc"
# What the OutputIntent declares: the characterisation the CMYK profile was computed from.
OUTPUT_CONDITION_ID = "FOGRA39"
OUTPUT_CONDITION = "Offset printing, ISO 12647-2:2004/Amd 1, coated paper (FOGRA39), 300% total ink"
REGISTRY = "http://www.color.org"

if TYPE_CHECKING:
    from PIL import Image, ImageCms
# Pillow loads with the first conversion: writing the PDF's output intent needs only the profile's bytes.


def profile_bytes(name: str) -> bytes:
    """The bytes of a shipped profile (CMYK_PROFILE or SRGB_PROFILE)."""
    return resources.files("comicboard").joinpath("data", "icc", name).read_bytes()


@cache
def _profile(name: str) -> ImageCms.ImageCmsProfile:
    import io

    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(io.BytesIO(profile_bytes(name)))


@cache
def _transform(src: str, dst: str) -> ImageCms.ImageCmsTransform:
    from PIL import ImageCms

    modes = {CMYK_PROFILE: "CMYK", SRGB_PROFILE: "RGB"}
    return ImageCms.buildTransform(_profile(src), _profile(dst), modes[src], modes[dst],
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
                                   flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)


def srgb_to_cmyk_image(image: Image.Image) -> Image.Image:
    """An RGB image separated for the output profile (CMYK, 8 bits per ink)."""
    return _apply(image.convert("RGB"), _transform(SRGB_PROFILE, CMYK_PROFILE))


def cmyk_to_srgb_image(image: Image.Image) -> Image.Image:
    """A CMYK image as it will look printed, in sRGB (a soft proof)."""
    return _apply(image, _transform(CMYK_PROFILE, SRGB_PROFILE))


def _apply(image: Image.Image, transform: ImageCms.ImageCmsTransform) -> Image.Image:
    """The transform's pixels only. Pillow's applyTransform also serialises the whole output profile into the
    result's info (milliseconds per call for the CMYK profile): a board converts a few hundred colours one by one."""
    from PIL import Image, ImageCms

    out = Image.new(transform.output_mode, image.size)
    if not hasattr(out, "getim"):  # Pillow before 11 has no getim: its own call, profile and all
        return ImageCms.applyTransform(image, transform)
    transform.transform.apply(image.getim(), out.getim())
    return out


@lru_cache(maxsize=65536)
def cmyk_to_rgb(c: float, m: float, y: float, k: float) -> tuple[int, int, int]:
    """One CMYK colour (0..1 each) as sRGB 0..255, through the output profile."""
    from PIL import Image

    px = Image.new("CMYK", (1, 1), tuple(round(255 * min(1.0, max(0.0, v))) for v in (c, m, y, k)))
    return cmyk_to_srgb_image(px).getpixel((0, 0))  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def rgb_to_cmyk(r: int, g: int, b: int) -> tuple[float, float, float, float]:
    """One sRGB colour (0..255) as CMYK fractions rounded to 1/10 000, ink-limited; neutrals become K only."""
    if r == g == b:
        return 0.0, 0.0, 0.0, _k_for_gray(r)
    from PIL import Image

    c, m, y, k = (v / 255 for v in srgb_to_cmyk_image(Image.new("RGB", (1, 1), (r, g, b))).getpixel((0, 0)))
    over = c + m + y + k - MAX_INK
    if over > 0:  # the profile limits ink already; 8-bit rounding can leave a hair over, taken from CMY
        cmy = c + m + y
        c, m, y = (v * (cmy - over) / cmy for v in (c, m, y))
    return tuple(_floor4(v) for v in (c, m, y, k))  # type: ignore[return-value]


def _floor4(v: float) -> float:
    return int(v * 10000) / 10000  # floor, so rounding never pushes a separation over the ink limit


@cache
def _k_ramp() -> tuple[int, ...]:
    """sRGB grey value printed by each of 256 black-ink tints."""
    from PIL import Image

    ramp = Image.new("CMYK", (256, 1))
    ramp.putdata([(0, 0, 0, k) for k in range(256)])
    rgb = cmyk_to_srgb_image(ramp).tobytes()
    return tuple(rgb[1::3])


def _k_for_gray(v: int) -> float:
    """The black tint whose printed grey is closest to sRGB grey `v` (black and anything darker → 100 % K)."""
    ramp = _k_ramp()
    best = min(range(256), key=lambda k: (abs(ramp[k] - v), -k))
    return round(best / 255, 4)
