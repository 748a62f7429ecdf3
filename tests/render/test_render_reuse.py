"""Repeated drawings (figures, scenes) are drawn once: a form in the PDF, placed again; the page looks the same."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pikepdf
from PIL import Image, ImageChops

from comicboard.color import BLACK, Color
from comicboard.display import DisplayList, Page, Path, PathPen, Use
from comicboard.render.pdf import render_pdf
from tests.needs import tool

SKIN = Color(0.0, 0.2, 0.3, 0.0)


def _person(x: float, y: float, key: str = "person") -> list[Path]:
    """A head and a body, black outlines; marked as one placement of the drawing `key`."""
    use = Use(key, x, y)
    head = Path(tuple(PathPen().ellipse(x + 10, y + 8, 7, 7).ops), fill=SKIN, stroke=BLACK, stroke_width=1.2, use=use)
    body = Path(tuple(PathPen().round_rect(x + 2, y + 16, 16, 24, 4).ops), fill=Color(0.6, 0.1, 0, 0),
                stroke=BLACK, stroke_width=1.2, use=use)
    return [head, body]


def _board() -> DisplayList:
    items = [*_person(10, 10), *_person(60.5, 30.25), *_person(110, 50), *_person(160, 10, key="once")]
    return DisplayList([Page(200, 100, items, bleed=3)])


def _raster(pdf_file, tmp_path, name: str) -> Image.Image:
    subprocess.run([tool("pdftoppm"), "-r", "144", "-png", "-singlefile", str(pdf_file), str(tmp_path / name)],
                   check=True)
    return Image.open(tmp_path / f"{name}.png").convert("RGB")


def _forms(pdf_file) -> dict[str, bytes]:
    with pikepdf.open(pdf_file) as pdf:
        xobjects = pdf.pages[0].obj.Resources.get("/XObject") or {}
        return {str(k): v.read_bytes() for k, v in xobjects.items() if v.get("/Subtype") == "/Form"}


def test_a_repeated_drawing_is_one_form_and_looks_the_same(tmp_path):
    dl = _board()
    plain = DisplayList([replace(dl.pages[0], items=[replace(p, use=None) for p in dl.pages[0].items])])
    render_pdf(dl, tmp_path / "reuse.pdf")
    render_pdf(plain, tmp_path / "plain.pdf")
    forms = _forms(tmp_path / "reuse.pdf")
    # One form for the drawing placed three times; the one drawn once stays in the page.
    assert len(forms) == 1
    assert _forms(tmp_path / "plain.pdf") == {}
    with pikepdf.open(tmp_path / "reuse.pdf") as pdf:
        page = pdf.pages[0].obj.Contents.read_bytes()
    assert page.count(b" Do") == 3
    # Overprinting black outlines inside the form has its graphics state in the form's resources.
    with pikepdf.open(tmp_path / "reuse.pdf") as pdf:
        form = next(iter(pdf.pages[0].obj.Resources.XObject.values()))
        assert b"/OPstroke gs" in form.read_bytes() and "/OPstroke" in form.Resources.ExtGState
    a, b = _raster(tmp_path / "reuse.pdf", tmp_path, "a"), _raster(tmp_path / "plain.pdf", tmp_path, "b")
    assert a.size == b.size
    assert ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0).getbbox() is None


def test_a_placement_that_differs_is_drawn_as_it_is(tmp_path):
    """A key that promises the same drawing but carries another number of paths is not trusted to the form."""
    dl = _board()
    items = dl.pages[0].items
    odd = _person(60.5, 30.25)[:1]  # the second placement with its head only
    dl = DisplayList([Page(200, 100, items[:2] + odd + items[4:], bleed=3)])
    render_pdf(dl, tmp_path / "odd.pdf")
    with pikepdf.open(tmp_path / "odd.pdf") as pdf:
        page = pdf.pages[0].obj.Contents.read_bytes()
    assert page.count(b" Do") == 2


def test_png_rasterises_a_repeated_drawing_once_and_pastes_it(monkeypatch):
    from PIL import ImageStat

    from comicboard.render import png

    made = []
    real = png._make_sprite
    monkeypatch.setattr(png, "_make_sprite", lambda run, *a: made.append(run[0].use.key) or real(run, *a))
    dl = _board()
    plain = [replace(p, use=None) for p in dl.pages[0].items]
    for mode in ("RGB", "CMYK"):
        made.clear()
        reused = png.render_page(dl.pages[0], 144, mode=mode)
        assert made == ["person"]  # once, for the drawing placed three times; the one placed once is painted
        drawn = png.render_page(replace(dl.pages[0], items=plain), 144, mode=mode)
        diff = ImageChops.difference(reused, drawn)
        # Placements land on whole pixels: edges may move by up to half a pixel, nothing else changes.
        assert max(ImageStat.Stat(diff).mean) < 1.0
        grey = diff.convert("L") if mode == "RGB" else Image.merge("RGB", diff.split()[:3]).convert("L")
        changed = sum(1 for v in grey.get_flattened_data() if v > 48) / (grey.width * grey.height)
        assert changed < 0.01
        inked = ImageChops.difference(reused, Image.new(mode, reused.size, png.PAPER[mode])).getbbox()
        assert inked is not None and inked[0] < 25 and inked[2] > 300  # all three people are there
