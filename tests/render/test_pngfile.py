"""The PNG writer: bands deflated apart and joined decode to the image's pixels, with its dpi and ICC profile."""

from __future__ import annotations

import io
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from comicboard.render import png
from comicboard.render.pngfile import adler32_combine, deflate_segment, write_png


@given(st.binary(max_size=3000), st.binary(max_size=70000))
def test_adler32_of_two_parts_combines_to_that_of_the_whole(a, b):
    assert adler32_combine(zlib.adler32(a), zlib.adler32(b), len(b)) == zlib.adler32(a + b)


def _picture(w: int, h: int, seed: int) -> Image.Image:
    """Flat colour with noise: runs for deflate's matches and bytes it cannot shorten."""
    noise = Image.frombytes("RGB", (w, h), bytes((i * 2654435761 + seed) >> 7 & 255 for i in range(3 * w * h)))
    im = Image.new("RGB", (w, h), (250, 240, 230))
    im.paste(noise.crop((0, 0, w // 2 + 1, h)), (0, 0))
    return im


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 40), st.integers(1, 30), st.lists(st.integers(1, 9), min_size=1, max_size=8),
       st.integers(0, 1000), st.sampled_from([72, 150, 300.5]))
def test_bands_of_any_height_decode_to_the_image(w, h, cuts, seed, dpi):
    im = _picture(w, h, seed)
    tops = sorted({0, *(min(h, sum(cuts[:k + 1])) for k in range(len(cuts)))} - {h})
    segments = [deflate_segment(png.padded_rows(im.crop((0, top, w, bottom))))
                for top, bottom in zip(tops, [*tops[1:], h], strict=True)]
    out = io.BytesIO()
    write_png(out, w, h, dpi, b"profile bytes", segments)
    with Image.open(io.BytesIO(out.getvalue())) as back:
        assert back.mode == "RGB" and back.size == (w, h)
        assert back.tobytes() == im.tobytes()
        assert abs(back.info["dpi"][0] - dpi) < 0.02
        assert back.info["icc_profile"] == b"profile bytes"
    one = io.BytesIO()
    write_png(one, w, h, dpi, b"profile bytes", [deflate_segment(png.padded_rows(im))])
    with Image.open(io.BytesIO(one.getvalue())) as back:
        assert back.tobytes() == im.tobytes()
