"""A placed picture looks in the PNG as it will print: separated through the output profile and back, as every
other colour is, not pasted in its screen colours (a vivid green prints duller than the screen shows)."""

from __future__ import annotations

import dataclasses

from PIL import Image

import comicboard as cb
from comicboard import icc
from comicboard.display import Image as Placed


def test_png_picture_is_soft_proofed_like_the_print(board, tmp_path):
    pic = tmp_path / "green.png"
    Image.new("RGBA", (300, 450), (0, 255, 0, 255)).save(pic)
    cast = {**board.cast, "worker": dataclasses.replace(board.cast["worker"], picture=pic)}
    lay = cb.layout(dataclasses.replace(board, cast=cast))
    item = next(it for it in lay.display.pages[0].items if isinstance(it, Placed))
    dpi = 30
    out = cb.render(lay, tmp_path / "b.png", dpi=dpi)[0]
    with Image.open(out) as png:
        x, y = (item.x + item.w / 2) * dpi / 72, (item.y + item.h / 2) * dpi / 72
        got = png.convert("RGB").getpixel((int(x), int(y)))
    proof = icc.cmyk_to_srgb_image(icc.srgb_to_cmyk_image(Image.new("RGB", (1, 1), (0, 255, 0)))).getpixel((0, 0))
    assert max(abs(a - b) for a, b in zip(got, proof, strict=True)) <= 2, (got, proof)
    assert max(abs(a - b) for a, b in zip(proof, (0, 255, 0), strict=True)) > 20  # the test tells them apart
