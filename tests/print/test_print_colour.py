"""Colour for print: CMYK or grey operators only, ink ≤ 300 %, black text in black ink only; ICC conversions."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image, ImageCms

import comicboard as cb
from comicboard import icc


def _colour_ops(path):
    """(operator, operands, fill colour in force) for every colour-setting and text-showing operator."""
    out = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            fill, stack = None, []
            for ins in pikepdf.parse_content_stream(page):
                op = str(ins.operator)
                vals = [_num(v) for v in ins.operands] if op not in ("Tj", "TJ") else []
                if op == "q":
                    stack.append(fill)
                elif op == "Q" and stack:
                    fill = stack.pop()
                elif op in ("k", "g", "rg", "sc", "scn"):
                    fill = (op, vals)
                if op in ("k", "K", "g", "G", "rg", "RG", "cs", "CS", "sc", "scn", "SC", "SCN", "Tj", "TJ"):
                    out.append((op, vals, fill))
    return out


def _num(v):
    return str(v) if isinstance(v, pikepdf.Name) else float(v)


@pytest.mark.parametrize("flavour", ["4", "1a"])
def test_only_cmyk_or_grey_and_ink_within_300(pdfs, flavour):
    ops = _colour_ops(pdfs[flavour])
    assert ops
    assert not [o for o in ops if o[0] in ("rg", "RG", "cs", "CS", "sc", "scn", "SC", "SCN")]  # no RGB, no ICC
    for op, vals, _ in ops:
        if op in ("k", "K"):
            assert sum(vals) <= 3.0 + 1e-6, vals


def test_black_text_is_black_ink_only(pdfs):
    text_fills = [fill for op, _, fill in _colour_ops(pdfs["4"]) if op in ("Tj", "TJ")]
    assert all(f[0] == "k" for f in text_fills)
    dark = [f[1] for f in text_fills if f[1][3] >= 0.7]
    assert dark, "the board has black text"
    assert all(v[:3] == [0, 0, 0] for v in dark), dark


def test_rgb_spec_colours_go_through_the_profile():
    red = cb.Color.parse("#C8102E")
    assert red.rgb_source == (200, 16, 46)
    assert red.c < 0.05 and red.m > 0.9 and red.y > 0.6  # a process red, not the naive 0/92/77/22
    assert sum((red.c, red.m, red.y, red.k)) <= icc.MAX_INK
    black = cb.Color.parse("#000000")
    assert (black.c, black.m, black.y, black.k) == (0, 0, 0, 1)  # neutrals: black ink only, never rich black
    grey = cb.Color.parse("#808080")
    assert grey.c == grey.m == grey.y == 0 and 0.4 < grey.k < 0.8
    for hex_ in ("#0000FF", "#00FF00", "#202020", "#3A1F5D", "#112233"):
        c = cb.Color.parse(hex_)
        assert c.c + c.m + c.y + c.k <= icc.MAX_INK


def test_screen_colours_soft_proof_the_print():
    red = cb.Color.parse("#C8102E")
    assert all(abs(a - b) <= 12 for a, b in zip(red.to_rgb(), (200, 16, 46), strict=True))  # round trip
    assert cb.Color.cmyk(0, 0, 0, 0).to_rgb() == (255, 255, 255)  # paper white stays white
    # Black ink proofs as the darkest colour there is, and every ink darkens the paper.
    black = sum(cb.Color.cmyk(0, 0, 0, 100).to_rgb())
    for ink in ((100, 0, 0, 0), (0, 100, 0, 0), (0, 0, 100, 0), (40, 40, 40, 40)):
        assert black < sum(cb.Color.cmyk(*ink).to_rgb()) < 3 * 255, ink
    assert max(cb.Color.cmyk(0, 0, 0, 100).to_rgb()) < 60


def test_png_embeds_srgb_and_dpi(board, tmp_path):
    out = cb.render(board, tmp_path / "b.png", dpi=20)[0]
    with Image.open(out) as im:
        assert im.mode == "RGB"
        assert im.info["dpi"] == pytest.approx((20, 20), abs=0.05)  # PNG stores pixels per metre
        prof = ImageCms.ImageCmsProfile(io.BytesIO(im.info["icc_profile"]))
        assert "sRGB" in ImageCms.getProfileDescription(prof)


def test_shipped_profile_is_what_the_build_script_makes():
    """The profile's description and copyright tags are the ones tools/build_icc.sh writes, and its licence
    statement agrees with data/icc/LICENSE (zlib, an altered version), so a rebuilt profile is a drop-in."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = (root / "tools" / "build_icc.sh").read_text(encoding="utf-8")
    profile = ImageCms.getOpenProfile(str(root / "comicboard" / "data" / "icc" / icc.CMYK_PROFILE)).profile
    assert profile.profile_description == re.search(r'-D "([^"]+)"', script).group(1)
    assert profile.copyright == re.search(r'-C "([^"]+)"', script).group(1)
    licence = (root / "comicboard" / "data" / "icc" / "LICENSE").read_text(encoding="utf-8")
    assert "zlib" in profile.copyright and "zlib" in licence
    assert "Altered" in profile.copyright and "altered version" in licence  # the licence's clause 2
    assert profile.xcolor_space.strip() == "CMYK" and profile.device_class == "prtr"


def _with_category_colour(board, colour):
    import dataclasses

    cat = dataclasses.replace(board.categories[0], color=cb.Color.parse(colour))
    return dataclasses.replace(board, categories=(cat, *board.categories[1:]))


def _fills(path):
    return {tuple(round(v, 4) for v in vals) for op, vals, _ in _colour_ops(path) if op == "k"}


@pytest.mark.parametrize("colour", ["cmyk(100,40,0,10)", "cmyk(12.5,0,87.5,3)", "#1F6FB2", "#00FF00"])
def test_category_colour_reaches_the_pdf_as_separated_once(board, tmp_path, colour):
    """A shop's cmyk() is printed as given, and an RGB colour as its one separation through the profile, not
    separated again from its soft proof (which drifts: #00FF00 would gain 4 % black)."""
    c = cb.Color.parse(colour)
    out = cb.render(_with_category_colour(board, colour), tmp_path / "b.pdf")[0]
    assert tuple(round(v, 4) for v in (c.c, c.m, c.y, c.k)) in _fills(out)  # the band, the cards' bars
    again = cb.Color.parse(c.hex())
    if (again.c, again.m, again.y, again.k) != (c.c, c.m, c.y, c.k):
        assert tuple(round(v, 4) for v in (again.c, again.m, again.y, again.k)) not in _fills(out)


def test_cmyk_over_300_percent_ink_is_refused_with_the_total(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text("board:\n  title: 证明\ncategories:\n  - name: 事务\n    color: cmyk(100,100,100,100)\n"
                    "    procedures:\n      - title: 证明\n        steps: [携带身份证]\n", encoding="utf-8")
    with pytest.raises(cb.SpecError, match="400 % total ink") as err:
        cb.load(spec)
    assert "categories[0].color" in str(err.value) and "cmyk(" in str(err.value)
    assert cb.Color.parse("cmyk(100,100,100,0)").k == 0  # 300 % exactly is fine


def test_spec_string_reads_back_to_the_same_ink_and_darker_keeps_the_limit():
    from hypothesis import given
    from hypothesis import strategies as st

    ink = st.integers(0, 10000).map(lambda v: v / 10000)

    @given(ink, ink, ink, ink, st.floats(0, 1))
    def run(c, m, y, k, amount):
        if c + m + y + k > icc.MAX_INK:
            return
        colour = cb.Color(c, m, y, k)
        back = cb.Color.parse(colour.spec())
        assert back.rgb_source is None
        assert all(abs(a - b) < 1e-12 for a, b in zip((back.c, back.m, back.y, back.k), (c, m, y, k), strict=True))
        dark = colour.darker(amount)
        assert dark.c + dark.m + dark.y + dark.k <= icc.MAX_INK + 1e-9
        assert dark.k >= k

    run()
