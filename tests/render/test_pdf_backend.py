"""PDF backend: embedded subset fonts, extractable CJK text, CMYK, page boxes, deterministic bytes."""

from __future__ import annotations

import re
import subprocess
import zlib

from comicboard.color import BLACK
from comicboard.display import DisplayList, GlyphRun, Page, Path, PathPen
from comicboard.render import render
from comicboard.render.pdf import render_pdf
from tests.needs import tool
from tests.render.agree import pdf_png_ink


def _streams(data: bytes) -> bytes:
    """All content streams, inflated (reportlab compresses them with Flate)."""
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompressobj().decompress(m.group(1)))
        except zlib.error:
            out.append(m.group(1))
    return b"\n".join(out)


def test_fonts_embedded_and_no_standard_font(sample, tmp_path):
    out = tmp_path / "b.pdf"
    render_pdf(sample, out)
    data = out.read_bytes()
    assert b"/FontFile2" in data  # TrueType program embedded
    assert re.search(rb"/BaseFont /[A-Z]{6}\+LXGWWenKai", data)  # subset tag prefix
    for std in (b"Helvetica", b"Times-Roman", b"Courier", b"ZapfDingbats", b"/Symbol"):
        assert std not in data, std


def test_page_without_text_has_no_font_at_all(tmp_path):
    dl = DisplayList([Page(100, 100, [Path(tuple(PathPen().rect(10, 10, 20, 20).ops), fill=BLACK)])])
    out = tmp_path / "shapes.pdf"
    render_pdf(dl, out)
    data = out.read_bytes()
    assert b"/BaseFont" not in data and b"/FontFile" not in data and b"Helvetica" not in data


def test_pdffonts_reports_embedded_subset(sample, tmp_path):
    out = tmp_path / "b.pdf"
    render_pdf(sample, out)
    listing = subprocess.run([tool("pdffonts"), str(out)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        cols = row.split()
        assert "TrueType" in row
        emb, sub, uni = cols[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_cjk_text_extracts_in_order(sample, tmp_path, font):
    from itertools import accumulate

    from comicboard.fonts import load_face

    mixed = "社区 电话0311"  # proportional digits and a space between ideographs, placed as layout would
    face = load_face(font)
    xs = tuple(accumulate((face.advance(ch) * 10 for ch in mixed[:-1]), initial=20.0))
    sample.pages[0].items.append(GlyphRun(mixed, xs, 195, font, 10, BLACK))
    out = tmp_path / "b.pdf"
    render_pdf(sample, out)
    text = subprocess.run([tool("pdftotext"), str(out), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == ["请携带身份证原件。", "社区 电话0311"]


def test_boxes_title_lang(sample, tmp_path):
    out = tmp_path / "b.pdf"
    render_pdf(sample, out)
    data = out.read_bytes()
    # 220×200 trim with 9 pt bleed → 238×218 media, trim inset by the bleed.
    assert re.search(rb"/MediaBox \[\s*0 0 238 218\s*\]", data)
    assert re.search(rb"/BleedBox \[\s*0 0 238 218\s*\]", data)
    assert re.search(rb"/TrimBox \[\s*9 9 229 209\s*\]", data)
    assert b"/Lang (zh-CN)" in data
    assert b"/Title" in data


def test_colours_are_cmyk_and_y_is_flipped(tmp_path):
    rect = Path(tuple(PathPen().rect(10, 20, 30, 40).ops), fill=BLACK.lighter(0.5), stroke=BLACK)
    dl = DisplayList([Page(100, 100, [rect], bleed=5)])
    out = tmp_path / "r.pdf"
    render_pdf(dl, out)
    ops = _streams(out.read_bytes())
    assert b" k" in ops and b" K" in ops  # setcmykcolor for fill and stroke
    assert b" rg" not in ops and b" RG" not in ops
    # Top-left (10, 20) y-down in a 110 pt tall media box with 5 pt bleed → PDF (15, 110 − 5 − 20 = 85),
    # wherever the writer puts the flip (in the numbers or in a matrix).
    assert _path_starts(out) == [(15.0, 85.0)]


def _path_starts(pdf_file) -> list[tuple[float, float]]:
    """Where each path of page 1 starts in PDF page space: every `m` through the matrices in force (q, Q, cm)."""
    import pikepdf

    starts, stack, chain = [], [], []  # chain: the cm matrices in force, outermost first
    with pikepdf.open(pdf_file) as pdf:
        for ins in pikepdf.parse_content_stream(pdf.pages[0]):
            op = str(ins.operator)
            if op == "q":
                stack.append(list(chain))
            elif op == "Q":
                chain = stack.pop()
            elif op == "cm":
                chain.append([float(v) for v in ins.operands])
            elif op == "m":
                x, y = (float(v) for v in ins.operands)
                for a, b, c, d, e, f in reversed(chain):
                    x, y = a * x + c * y + e, b * x + d * y + f
                starts.append((round(x, 3), round(y, 3)))
    return starts


def test_dash_and_round_joins(tmp_path):
    line = Path((("M", 0, 0), ("L", 50, 50)), stroke=BLACK, dash=(6, 3), round_joins=True)
    out = tmp_path / "d.pdf"
    render_pdf(DisplayList([Page(60, 60, [line])]), out)
    ops = _streams(out.read_bytes())
    assert b"[6 3] 0 d" in ops and b"1 j" in ops


def test_deterministic_bytes(sample, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(sample, a)
    render(sample, b)
    assert a.read_bytes() == b.read_bytes()


def test_pdf_and_png_agree(tmp_path, font):
    """Black-on-white marks land on the same pixels in both backends (catches flips and offsets)."""
    items = [
        Path(tuple(PathPen().rect(10, 10, 60, 20).ops), fill=BLACK),
        Path(tuple(PathPen().ellipse(120, 40, 25, 15).ops), stroke=BLACK, stroke_width=3),
        GlyphRun("证件", (20, 50), 90, font, 30, BLACK),
    ]
    inked, differ, ours, ref = pdf_png_ink(DisplayList([Page(160, 100, items, bleed=6)]), tmp_path, 128)
    assert ours == ref
    assert inked > 1000
    assert differ / inked < 0.08, (differ, inked)
