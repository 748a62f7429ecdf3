"""CMYK TIFF for raster print: ink values as the PDF has them, output profile and dpi in the file, compressed,
deterministic; it looks like the PNG once proofed back to sRGB."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops, ImageCms, ImageStat

import comicboard as cb
from comicboard import icc

DPI = 24  # small: a few hundred pixels a side


@pytest.fixture(scope="module")
def tif(board, tmp_path_factory):
    return cb.render(board, tmp_path_factory.mktemp("tif") / "b.tif", dpi=DPI)[0]


def test_cmyk_with_profile_dpi_and_lzw(tif):
    with Image.open(tif) as im:
        assert im.format == "TIFF" and im.mode == "CMYK"
        assert im.info["compression"] == "tiff_lzw"
        assert im.info["dpi"] == pytest.approx((DPI, DPI))
        data = im.info["icc_profile"]
        assert data == icc.profile_bytes(icc.CMYK_PROFILE)
        assert data[12:16] == b"prtr" and data[16:20] == b"CMYK"
        ImageCms.ImageCmsProfile(io.BytesIO(data))
        assert im.size == (round(594 / 25.4 * DPI), round(841 / 25.4 * DPI))  # the trim box, as the PNG


def test_black_stays_black_ink_and_ink_within_limit(tif):
    with Image.open(tif) as im:
        c, m, y, k = (ch.tobytes() for ch in im.split())
    full_k = [i for i, v in enumerate(k) if v == 255]
    assert full_k, "the board has black text"
    # Text is 100 % K, never rich black (a rich black is tens of per cent of C, M, Y). A pixel where a 100 % K
    # outline meets a dark rich fill (a figure's navy clothes) mixes a sliver of that fill into its K = 255: at
    # most about 1 % of ink, which is anti-aliasing, not rich black.
    assert all(max(c[i], m[i], y[i]) <= 3 for i in full_k)
    assert max(a + b + d + e for a, b, d, e in zip(c, m, y, k, strict=True)) <= 255 * icc.MAX_INK + 4


def test_same_bytes_and_deflate_on_request(board, tif, tmp_path):
    again = cb.render(board, tmp_path / "again.tif", dpi=DPI)[0]
    assert again.read_bytes() == tif.read_bytes()
    flate = cb.render(board, tmp_path / "flate.tiff", dpi=DPI, compression="deflate")[0]
    with Image.open(flate) as a, Image.open(tif) as b:
        assert a.info["compression"] == "tiff_adobe_deflate"
        assert a.tobytes() == b.tobytes()  # lossless both ways
    with pytest.raises(cb.RenderError, match="compression"):
        cb.render(board, tmp_path / "bad.tif", dpi=DPI, compression="jpeg")
    with pytest.raises(cb.RenderError, match="marks"):
        cb.render(board, tmp_path / "bad.tif", dpi=DPI, marks=True)


def test_proofed_tiff_looks_like_the_png(board, tif, tmp_path):
    png = cb.render(board, tmp_path / "b.png", dpi=DPI)[0]
    with Image.open(tif) as t, Image.open(png) as p:
        proof = icc.cmyk_to_srgb_image(t)
        diff = ImageStat.Stat(ImageChops.difference(proof, p.convert("RGB"))).mean
    assert max(diff) < 1.0, diff  # the PNG is the same ink values proofed per colour: nearly identical
