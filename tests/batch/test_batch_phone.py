"""Phone images: an index and one 1080-px-wide portrait PNG per procedure, panels stacked at full width."""

from __future__ import annotations

from PIL import Image

import comicboard as cb
from comicboard.batch import fill, load_template
from comicboard.pagelayout.phone import PHONE_WIDTH_PT, layout_phone
from comicboard.render.phone import phone_paths


def _board(template_file, rows):
    return fill(load_template(template_file), rows[0])


def test_one_image_per_procedure_plus_index(tmp_path, template_file, rows):
    board = _board(template_file, rows)
    files = cb.render(board, tmp_path / "phone.png", phone=True)
    assert [f.name for f in files] == ["phone-index.png", "phone-01.png", "phone-02.png"]
    for f in files:
        with Image.open(f) as im:
            assert im.width == 1080 and im.height > im.width  # portrait


def test_phone_layout_stacks_full_width_panels_inside_the_page(template_file, rows):
    board = _board(template_file, rows)
    lay = layout_phone(board)
    assert not [p for p in lay.problems if p.severity == "error"]
    index, *pages = lay.pages
    assert len(pages) == 2
    titles = [b.lines[0].text for b in index.text_blocks() if b.kind == "procedure_title"]
    assert titles == ["开具居住证明", "矛盾调解"]
    for page, proc in zip(pages, board.categories[0].procedures, strict=True):
        assert page.width == PHONE_WIDTH_PT
        panels = page.of_kind("panel")
        assert len(panels) == len(proc.steps)
        widths = {round(p.bbox[2], 2) for p in panels}
        assert len(widths) == 1 and widths.pop() > 0.9 * page.width  # one panel per row, full width
        ys = [p.bbox[1] for p in panels]
        assert ys == sorted(ys) and all(a[1] + a[3] <= b[1] for a, b in zip(
            [p.bbox for p in panels], [p.bbox for p in panels[1:]], strict=False))  # stacked, no overlap
        for block in page.text_blocks():
            for line in block.lines:
                x, y, w, h = line.bbox
                assert x >= 0 and x + w <= page.width + 0.01 and y >= 0 and y + h <= page.height + 0.01
        texts = " ".join(ln.text for b in page.text_blocks() for ln in b.lines)
        assert proc.title in texts
        if proc.phone:
            assert proc.phone in texts
        assert min(b.font_size for b in page.text_blocks() if b.kind == "procedure_title") >= 20  # large type


def test_phone_paths():
    from pathlib import Path

    assert [p.name for p in phone_paths(Path("o/b.png"), 2)] == ["b-index.png", "b-01.png", "b-02.png"]
    assert [str(p) for p in phone_paths(Path("o/dir"), 1)] == ["o/dir/index.png", "o/dir/01.png"]


def test_cli_render_phone(tmp_path, template_file):
    from comicboard.cli import main

    assert main(["render", str(template_file), "-o", str(tmp_path / "p.png"), "--phone", "-q"]) == 0
    assert (tmp_path / "p-02.png").is_file()


def test_handout_is_an_a4_pdf_with_one_procedure_per_page(tmp_path, template_file, rows):
    from comicboard.pagelayout.phone import layout_handout

    board = _board(template_file, rows)
    lay = layout_handout(board)
    assert len(lay.pages) == 2 and not [p for p in lay.problems if p.severity == "error"]
    for page in lay.pages:
        assert (round(page.width), round(page.height)) == (595, 842) and page.bleed > 0
        sx, sy, sw, sh = page.safe
        for block in page.text_blocks():
            for line in block.lines:
                x, y, w, h = line.bbox
                assert sx - 0.01 <= x and x + w <= sx + sw + 0.01 and sy - 0.01 <= y and y + h <= sy + sh + 0.01
    pdf = cb.render(board, tmp_path / "h.pdf", handout=True)[0]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_phone_pages_carry_the_qr_code_and_material_icons():
    from pathlib import Path

    board = cb.load(Path(__file__).resolve().parents[2] / "examples" / "gongrenjie.yaml")
    lay = layout_phone(board)
    _, *pages = lay.pages
    procs = [p for _, p in board.procedures()]
    for proc, page in zip(procs, pages, strict=True):
        qrs = page.of_kind("qr")
        assert [q.extra["url"] for q in qrs] == ([proc.url] if proc.url else [])
        for q in qrs:
            assert q.bbox[2] >= 42  # at least 15 mm at print scale: big on a phone screen
            assert q.bbox[0] >= 0 and q.bbox[0] + q.bbox[2] <= page.width
    assert any(i.extra.get("for") == "materials" for page in pages for i in page.of_kind("icon"))
