"""PNG backend: size and dpi, anti-aliasing, exact rectangles, even-odd fills, dashes, text, limits."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image, ImageChops

from comicboard.color import BLACK
from comicboard.display import DisplayList, GlyphRun, Page, Path, PathPen
from comicboard.errors import RenderError
from comicboard.render import png, render


def _page(items, w=100, h=100, bleed=0.0):
    return Page(w, h, list(items), bleed=bleed)


def _grey(page, dpi=72):
    """The page in grey levels stretched so that printed black ink reads 0 (the PNG soft-proofs 100% K as a
    dark grey through the output profile); coverage arithmetic below then works on 0 = ink, 255 = paper."""
    ink = Image.new("RGB", (1, 1), BLACK.to_rgb()).convert("L").getpixel((0, 0))
    return png.render_page(page, dpi).convert("L").point(lambda v: max(0, round((v - ink) * 255 / (255 - ink))))


def test_size_is_trim_box_times_dpi_and_dpi_is_stored(sample, tmp_path):
    out = tmp_path / "b.png"
    render(sample, out, dpi=100)
    with Image.open(out) as im:
        # 220×200 pt trim (bleed left out) at 100 dpi → 305.6×277.8 → 306×278 px.
        assert im.size == (306, 278)
        assert im.mode == "RGB"
        assert im.info["dpi"] == pytest.approx((100, 100), abs=0.01)


def test_deterministic_bytes(sample, tmp_path):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    render(sample, a, dpi=72)
    render(sample, b, dpi=72)
    assert a.read_bytes() == b.read_bytes()


def test_diagonal_edge_is_anti_aliased():
    tri = Path((("M", 10, 10), ("L", 90, 30), ("L", 30, 90), ("Z",)), fill=BLACK)
    im = _grey(_page([tri]))
    values = set(im.get_flattened_data())
    greys = {v for v in values if 0 < v < 255}
    assert {0, 255} <= values
    assert len(greys) >= 8, sorted(greys)  # 4×4 supersampling gives up to 16 coverage levels


def test_stroke_is_anti_aliased():
    circle = Path(tuple(PathPen().ellipse(50, 50, 30, 30).ops), stroke=BLACK, stroke_width=2)
    im = _grey(_page([circle]))
    assert len({v for v in im.get_flattened_data() if 0 < v < 255}) >= 8
    assert im.getpixel((50, 50)) == 255  # stroke only: the inside stays paper white
    assert im.getpixel((80, 50)) < 128  # on the circle's right edge


def test_axis_rect_has_exact_edge_coverage():
    # x from 10.5 to 20 at 72 dpi (1 px per pt): column 10 is half covered, 11..19 fully, 20 not at all.
    rect = Path(tuple(PathPen().rect(10.5, 10, 9.5, 10).ops), fill=BLACK)
    im = _grey(_page([rect], 40, 40))
    assert im.getpixel((10, 15)) == pytest.approx(128, abs=2)
    assert im.getpixel((11, 15)) == 0 and im.getpixel((19, 15)) == 0
    assert im.getpixel((20, 15)) == 255 and im.getpixel((15, 9)) == 255 and im.getpixel((15, 20)) == 255


def test_big_rect_is_filled_exactly():
    rect = Path(tuple(PathPen().rect(0, 0, 100, 100).ops), fill=BLACK)
    im = _grey(_page([rect]))
    assert im.getextrema() == (0, 0)


def test_even_odd_fill_leaves_a_hole():
    ring = PathPen().ellipse(50, 50, 40, 40).ellipse(50, 50, 15, 15)
    im = _grey(_page([Path(tuple(ring.ops), fill=BLACK)]))
    assert im.getpixel((50, 50)) == 255  # the inner circle is a hole
    assert im.getpixel((50, 25)) == 0  # between the circles is filled
    assert im.getpixel((5, 5)) == 255


def test_dashed_stroke_has_gaps():
    ops = (("M", 0, 50), ("L", 100, 50))
    line = Path(ops, stroke=BLACK, stroke_width=4, dash=(10, 10), round_joins=False)
    row = [_grey(_page([line])).getpixel((x, 50)) for x in range(100)]
    assert row[5] < 64 and row[15] > 192 and row[25] < 64 and row[35] > 192
    solid = Path(ops, stroke=BLACK, stroke_width=4, round_joins=False)
    row = [_grey(_page([solid])).getpixel((x, 50)) for x in range(100)]
    assert max(row[1:99]) < 64


def test_curves_are_smooth():
    # A circle flattened finely enough: its area is within 1% of πr².
    circle = Path(tuple(PathPen().ellipse(50, 50, 40, 40).ops), fill=BLACK)
    im = _grey(_page([circle]))
    ink = sum(255 - v for v in im.get_flattened_data()) / 255
    assert ink == pytest.approx(3.14159 * 40 * 40, rel=0.01)


def test_glyphs_are_drawn_at_their_positions(font):
    run = GlyphRun("证", (50,), 60, font, 30, BLACK)
    im = _grey(_page([run]))
    box = Image.eval(im, lambda v: 255 - v).getbbox()
    assert box is not None
    left, top, right, bottom = box
    assert 48 <= left <= 56 and right <= 82  # starts at x = 50, one em wide at most
    assert top >= 30 and bottom <= 64  # sits on the baseline at y = 60 (CJK descends a little)
    assert len({v for v in im.get_flattened_data() if 0 < v < 255}) >= 8  # FreeType anti-aliasing


def test_too_many_pixels_is_refused_before_allocating(tmp_path):
    huge = DisplayList([Page(100_000, 100_000)])
    with pytest.raises(RenderError) as err:
        render(huge, tmp_path / "huge.png", dpi=300)
    msg = str(err.value)
    assert "megapixels" in msg and "dpi=" in msg and "PDF" in msg
    assert not (tmp_path / "huge.png").exists()


def test_pixel_limit_option(sample, tmp_path):
    with pytest.raises(RenderError):
        render(sample, tmp_path / "x.png", dpi=72, max_pixels=1000)


def test_missing_font_is_a_render_error(tmp_path):
    run = GlyphRun("证", (10,), 20, str(tmp_path / "nope.ttf"), 12, BLACK)
    with pytest.raises(RenderError, match="nope.ttf"):
        png.render_page(_page([run]), 72)


def _one_mask_and_windowed(subpaths, stroke_px, size=(400, 300)):
    """The same shape painted through one supersampled mask and through windows along its outline."""
    from comicboard.render.geometry import Subpath

    subpaths = [Subpath(pts, closed) for pts, closed in subpaths]
    out = []
    for sparse in (10**12, 1):
        im = Image.new("RGB", size, (255, 255, 255))
        old = png.SPARSE_PX
        png.SPARSE_PX = sparse
        try:
            png._paint_mask(im, subpaths, (200, 30, 10), stroke_px=stroke_px, caps=True)
        finally:
            png.SPARSE_PX = old
        out.append(im)
    return out


@pytest.mark.parametrize("budget", [4_000_000, 5_000])  # one page-resolution mask, or bands of 12 rows
@pytest.mark.parametrize("stroke_px", [0.0, 0.5, 3.0])
def test_large_shapes_windowed_match_one_mask(stroke_px, budget, monkeypatch):
    monkeypatch.setattr(png, "MASK_BUDGET", budget)
    # A ring wider than the page (the fill's edges are cut off on both sides) and a wavy blob inside it.
    import math

    outer = [(-60 + 520 * (1 + math.cos(a)) / 2, 20 + 260 * (1 + math.sin(a)) / 2)
             for a in (2 * math.pi * k / 90 for k in range(90))]
    hole = [(330 + 50 * math.cos(a), 150 + 50 * math.sin(a)) for a in (2 * math.pi * k / 40 for k in range(40))]
    blob = [(150 + (70 + 15 * math.sin(5 * a)) * math.cos(a), 140 + (70 + 15 * math.sin(5 * a)) * math.sin(a))
            for a in (2 * math.pi * k / 120 for k in range(120))]
    one, windowed = _one_mask_and_windowed([(outer, True), (hole, True), (blob, stroke_px > 0)], stroke_px)
    diff = [abs(a - b) for a, b in zip(one.convert("L").get_flattened_data(),
                                       windowed.convert("L").get_flattened_data(), strict=True)]
    # Pillow's rounding moves with a window's origin by a subpixel now and then: never more than 2 of 16.
    assert max(diff) <= 2 * 256 // 16
    assert sum(d > 0 for d in diff) < len(diff) / 1000
    if stroke_px == 0:
        assert windowed.getpixel((5, 150)) == (200, 30, 10)  # inside, left of the page's edge cut
        assert windowed.getpixel((330, 150)) == (255, 255, 255)  # the hole
        assert windowed.getpixel((150, 140)) == (255, 255, 255)  # the blob, even-odd inside the ring


@pytest.mark.parametrize("y", [50.0, 50.3, 50.6])
@pytest.mark.parametrize("width", [1.5, 2, 3])
def test_round_cap_is_no_wider_than_its_line(width, y):
    # The disc that rounds an end covers the same rows as the line itself: no bump where a line ends or turns.
    line = Path((("M", 20, y), ("L", 80, y)), stroke=BLACK, stroke_width=width, round_joins=True)
    im = _grey(_page([line]), dpi=144)

    def ink(x):
        return sum(255 - im.getpixel((x, r)) for r in range(im.height))

    middle = ink(100)
    assert ink(40) == middle  # the cap's centre column (x = 20 pt)
    assert max(ink(x) for x in range(30, 50)) <= middle


def test_glyph_too_big_for_its_scratch_is_measured_instead(font, monkeypatch):
    # A glyph reaching past the room left around it is drawn again from its measured box, and lands the same.
    from PIL import ImageFont

    def paint(glyph):
        mask, dx, dy = glyph
        im = Image.new("L", (200, 200), 0)
        im.paste(255, (100 + dx, 150 + dy), mask)
        return im.tobytes()

    big = ImageFont.truetype(font, 90)
    fitted = png._glyph(big, "证")
    monkeypatch.setattr(png, "_metrics", lambda f: (-60, -60))  # a scratch mask too short for the glyph
    measured = png._glyph(big, "证")
    assert measured[0].size != fitted[0].size  # the other path, with its spare pixel
    assert paint(measured) == paint(fitted)


@pytest.mark.parametrize("sparse", [10**12, 1])
def test_even_odd_of_many_subpaths_matches_a_plain_xor(sparse, monkeypatch):
    # Dots clear of everything are drawn straight into the mask; overlapping subpaths still XOR.
    import math

    from PIL import ImageChops, ImageDraw

    from comicboard.render.geometry import Subpath

    def circle(cx, cy, r, n=24):
        return [(cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)) for k in range(n)]

    subpaths = [Subpath(circle(20 + 17 * i, 20 + 13 * (i % 3), 5.3), True) for i in range(12)]
    subpaths += [Subpath(circle(100, 110, 60), True), Subpath(circle(100, 110, 25), True),  # a ring
                 Subpath([(170.2, 150.7), (230.5, 150.7), (230.5, 200.1), (170.2, 200.1)], True),
                 Subpath([(200.4, 170.3), (260.6, 170.3), (260.6, 230.9), (200.4, 230.9)], True)]  # XOR corner
    size = (280, 260)
    xor = Image.new("L", (size[0] * 4, size[1] * 4), 0)
    for sp in subpaths:
        one = Image.new("L", xor.size, 0)
        ImageDraw.Draw(one).polygon([(math.floor(x * 4), math.floor(y * 4)) for x, y in sp.points], fill=255)
        xor = ImageChops.difference(xor, one)
    expected = Image.new("RGB", size, (255, 255, 255))
    expected.paste((200, 30, 10), (0, 0), xor.reduce(4))
    monkeypatch.setattr(png, "SPARSE_PX", sparse)
    got = Image.new("RGB", size, (255, 255, 255))
    png._paint_mask(got, subpaths, (200, 30, 10), stroke_px=0.0, caps=False)
    diff = [abs(a - b) for a, b in zip(expected.convert("L").get_flattened_data(),
                                       got.convert("L").get_flattened_data(), strict=True)]
    if sparse > 1:
        assert max(diff) == 0
    else:  # windows: Pillow's rounding may move a subpixel with a window's origin
        assert max(diff) <= 2 * 256 // 16 and sum(d > 0 for d in diff) < len(diff) / 1000
    assert got.getpixel((215, 185)) == (255, 255, 255)  # where the squares overlap
    assert got.getpixel((100, 110)) == (255, 255, 255)  # the ring's hole


def _three_pages():
    from tests.render.conftest import sample_page

    return DisplayList([sample_page(), sample_page(bleed=0), sample_page(bleed=3)], title="three")


def test_pages_painted_in_bands_or_in_worker_processes_give_the_same_files(tmp_path, monkeypatch):
    """A page painted a few rows at a time is the page painted whole; the files are the same bytes whatever the
    band height and whether the pages are painted here or spread over worker processes."""
    dl = _three_pages()
    whole = [png.render_page(p, 72) for p in dl.pages]
    monkeypatch.setattr(png, "_workers", lambda dl, dpi: 1)
    render(dl, tmp_path / "s.png", dpi=72)
    monkeypatch.setattr(png, "BAND_PX", 7 * png.page_pixels(dl.pages[0], 72)[0])  # 7-row bands
    render(dl, tmp_path / "b.png", dpi=72)
    monkeypatch.setattr(png, "_workers", lambda dl, dpi: 2)
    render(dl, tmp_path / "p.png", dpi=72)
    for n in (1, 2, 3):
        with Image.open(tmp_path / f"s-{n}.png") as im:
            assert im.convert("RGB").tobytes() == whole[n - 1].tobytes()
        with Image.open(tmp_path / f"b-{n}.png") as im:  # a shape cut by a band may move a subpixel at the cut
            diff = ImageChops.difference(im.convert("RGB"), whole[n - 1]).convert("L").histogram()
            assert sum(diff[1:]) <= 50 and max(v for v, c in enumerate(diff) if c) <= 2 * 256 // 16
        assert (tmp_path / f"b-{n}.png").read_bytes() == (tmp_path / f"p-{n}.png").read_bytes()


def test_pages_go_to_worker_processes_only_with_cores_memory_and_pages_to_spare(monkeypatch):
    dl = _three_pages()
    import multiprocessing

    monkeypatch.setattr(png.threading, "active_count", lambda: 1)
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: None)
    monkeypatch.setattr(png.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(png.sys, "platform", "linux")
    monkeypatch.setattr(png, "_room", lambda dl: 10 * png.WORKER_BYTES)
    assert png._workers(dl, 72) == 3  # one a page
    assert png._workers(DisplayList(dl.pages[:1], title="one"), 72) == 1
    monkeypatch.setattr(png, "_room", lambda dl: 2 * png.WORKER_BYTES + 1)
    assert png._workers(dl, 72) == 2
    monkeypatch.setattr(png.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert png._workers(dl, 72) == 1
    monkeypatch.setattr(png.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert png._workers(dl, 72) == 2
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())  # in a batch's worker process
    assert png._workers(dl, 72) == 1
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: None)
    monkeypatch.setattr(png.threading, "active_count", lambda: 2)  # forking a threaded process is unsafe
    assert png._workers(dl, 72) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_that_cannot_be_written_fails_the_render_and_leaves_no_file(tmp_path, monkeypatch, workers):
    """A page that cannot be written (here: its encoder fails, on the deflating thread, in a worker process or
    here) fails the render, and no page file is left."""
    dl = _three_pages()
    monkeypatch.setattr(png, "_workers", lambda dl, dpi: workers)
    real, calls = png.deflate_segment, [0]

    def failing(rows, *args):
        calls[0] += 1
        if calls[0] == 2:  # the second band of each process: the first page of one, the second of the other
            raise OSError(28, "No space left on device")
        return real(rows, *args)

    monkeypatch.setattr(png, "deflate_segment", failing)
    monkeypatch.setattr(png, "BAND_PX", 20 * png.page_pixels(dl.pages[0], 72)[0])
    with pytest.raises((OSError, RenderError)):
        render(dl, tmp_path / "f.png", dpi=72)
    assert not list(tmp_path.glob("*f*.png*"))


def test_glyphs_are_rasterised_once_per_board_and_give_the_same_pages(tmp_path, monkeypatch, font):
    """Pages sharing characters rasterise each (face, size, character) once; each page's pixels are those it
    gets painted alone; past the budget the kept masks are let go."""
    run = GlyphRun("办事流程办事", [10, 30, 50, 70, 90, 110], 40, font, 18, BLACK)
    pages = [_page([run], w=140), _page([replace(run, text="流程办理", xs=[10, 30, 50, 70])], w=140)]
    alone = [png.render_page(p, 144).tobytes() for p in pages]
    monkeypatch.setattr(png, "_workers", lambda dl, dpi: 1)  # one process: one glyph cache for the board
    calls = []
    real_glyph = png._glyph
    monkeypatch.setattr(png, "_glyph", lambda f, ch: calls.append(ch) or real_glyph(f, ch))
    out = tmp_path / "g.png"
    render(DisplayList(pages, title="glyphs"), out, dpi=144)
    assert sorted(calls) == sorted("办事流程理")  # 理 is the only new character on page 2
    for n, expected in enumerate(alone, 1):
        with Image.open(tmp_path / f"g-{n}.png") as im:
            assert im.convert("RGB").tobytes() == expected
    cache: png.GlyphCache = {}
    png.render_page(pages[0], 144, glyphs=cache)
    assert len(cache) == 4
    monkeypatch.setattr(png, "GLYPH_CACHE_PX", 1)
    assert png.shared_glyphs(cache) == {}


def test_a_worker_process_that_dies_fails_the_render_with_a_message(tmp_path, monkeypatch):
    """A worker killed while painting (the kernel's out-of-memory killer) fails the render and says so; no page
    file is left."""
    import os

    dl = _three_pages()
    monkeypatch.setattr(png, "_workers", lambda dl, dpi: 2)
    monkeypatch.setattr(png, "write_page", lambda *args: os._exit(9))  # runs in the forked workers only
    with pytest.raises(RenderError, match="worker process"):
        render(dl, tmp_path / "k.png", dpi=72)
    assert not list(tmp_path.glob("*k*.png*"))
