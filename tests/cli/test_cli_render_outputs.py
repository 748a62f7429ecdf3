"""`comicboard render` writes what the README says for --handout, a .tif name and --marks (outside batch too)."""

from __future__ import annotations

import pikepdf
from PIL import Image

import comicboard as cb
from comicboard.cli import main


def test_handout_is_an_a4_pdf_with_a_page_per_procedure(examples_dir, tmp_path):
    out = tmp_path / "handout.pdf"
    assert main(["render", str(examples_dir / "zh-hant.yaml"), "-o", str(out), "--handout"]) == 0
    board = cb.load(examples_dir / "zh-hant.yaml")
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == len(board.procedures())
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.TrimBox)
            assert abs((x1 - x0) - 595.3) < 1 and abs((y1 - y0) - 841.9) < 1  # A4 in points


def test_tif_is_a_cmyk_tiff_at_the_asked_dpi(examples_dir, tmp_path):
    out = tmp_path / "board.tif"
    assert main(["render", str(examples_dir / "minimal.yaml"), "-o", str(out), "--dpi", "20"]) == 0
    with Image.open(out) as im:
        assert im.format == "TIFF" and im.mode == "CMYK"
        assert round(im.info["dpi"][0]) == 20 and "icc_profile" in im.info
        w_mm, h_mm = cb.load(examples_dir / "minimal.yaml").page_size_mm
        assert abs(im.width - w_mm / 25.4 * 20) <= 1 and abs(im.height - h_mm / 25.4 * 20) <= 1  # trim, no bleed


def test_marks_grow_the_page_around_the_bleed(examples_dir, tmp_path):
    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    spec = str(examples_dir / "minimal.yaml")
    assert main(["render", spec, "-o", str(plain)]) == 0
    assert main(["render", spec, "-o", str(marked), "--marks"]) == 0
    with pikepdf.open(plain) as a, pikepdf.open(marked) as b:
        pa, pb = a.pages[0], b.pages[0]
        media = [float(v) for v in pb.MediaBox]
        bleed = [float(v) for v in pb.BleedBox]
        assert media[2] - media[0] > float(pa.MediaBox[2]) - float(pa.MediaBox[0]) + 10  # room for the marks
        assert media[0] < bleed[0] and media[2] > bleed[2]  # the marks sit outside the bleed
        trim_a = [float(v) for v in pa.TrimBox]
        trim_b = [float(v) for v in pb.TrimBox]
        assert abs((trim_a[2] - trim_a[0]) - (trim_b[2] - trim_b[0])) < 0.01  # the board keeps its size
