"""render(): format by suffix, lazy backends, page naming, atomic replacement, input kinds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path as FilePath

import pytest

import comicboard
from comicboard.display import DisplayList, Image, Page
from comicboard.errors import RenderError
from comicboard.render import render

REPO = FilePath(comicboard.__file__).resolve().parents[1]


def test_unknown_suffix_lists_supported_formats(sample, tmp_path):
    with pytest.raises(RenderError) as err:
        render(sample, tmp_path / "board.jpg")
    assert ".pdf" in str(err.value) and ".png" in str(err.value) and ".jpg" in str(err.value)
    with pytest.raises(RenderError):
        render(sample, tmp_path / "board")


def test_suffix_is_case_insensitive(sample, tmp_path):
    assert render(sample, tmp_path / "B.PNG", dpi=36) == [tmp_path / "B.PNG"]


def test_unknown_option_is_refused(sample, tmp_path):
    with pytest.raises(RenderError, match="colour_profile"):
        render(sample, tmp_path / "b.pdf", colour_profile="x")


def test_single_page_png_keeps_the_name(sample, tmp_path):
    assert render(sample, tmp_path / "board.png", dpi=36) == [tmp_path / "board.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.png"]


def test_multi_page_png_numbers_the_pages(two_pages, tmp_path):
    written = render(two_pages, tmp_path / "board.png", dpi=36)
    assert [p.name for p in written] == ["board-1.png", "board-2.png"]
    assert all(p.is_file() for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board-1.png", "board-2.png"]


def test_multi_page_pdf_is_one_file(two_pages, tmp_path):
    written = render(two_pages, tmp_path / "board.pdf")
    assert written == [tmp_path / "board.pdf"]
    assert len(re.findall(rb"/Type /Page\b", written[0].read_bytes())) == 2


def test_parent_folder_is_created(sample, tmp_path):
    out = tmp_path / "a" / "b" / "board.pdf"
    render(sample, out)
    assert out.is_file()


def test_accepts_a_layout_result(sample, tmp_path):
    class Layout:  # stands in for comicboard.layout's result, which carries `.display`
        display = sample

    assert render(Layout(), tmp_path / "b.png", dpi=36)[0].is_file()


def test_rejects_other_objects(tmp_path):
    with pytest.raises(RenderError, match="Board"):
        render("not a board", tmp_path / "b.pdf")


def test_output_files_get_ordinary_permissions(sample, tmp_path):
    out = render(sample, tmp_path / "b.png", dpi=36)[0]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_failed_render_leaves_existing_output_untouched(sample, tmp_path, suffix):
    out = tmp_path / f"board{suffix}"
    out.write_bytes(b"earlier output")
    # The picture is missing: the backend fails after it has started writing the page.
    sample.pages[0].items.append(Image(str(tmp_path / "missing.jpg"), 10, 10, 50, 50))
    with pytest.raises(RenderError, match="missing.jpg"):
        render(sample, out, dpi=36)
    assert out.read_bytes() == b"earlier output"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporaries left behind


def test_failure_on_a_later_page_replaces_no_page(two_pages, tmp_path):
    first = tmp_path / "board-1.png"
    first.write_bytes(b"earlier page 1")
    two_pages.pages[1].items.append(Image(str(tmp_path / "missing.jpg"), 10, 10, 50, 50))
    with pytest.raises(RenderError):
        render(two_pages, tmp_path / "board.png", dpi=36)
    assert first.read_bytes() == b"earlier page 1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board-1.png"]


def test_png_never_imports_reportlab(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from comicboard.color import BLACK
        from comicboard.display import DisplayList, Page, Path, PathPen
        from comicboard.render import render
        dl = DisplayList([Page(50, 50, [Path(tuple(PathPen().rect(5, 5, 20, 20).ops), fill=BLACK)])])
        render(dl, {str(tmp_path / "x.png")!r}, dpi=36)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] == "reportlab")
        assert not loaded, loaded
        render(dl, {str(tmp_path / "x.pdf")!r})
        assert "reportlab" in sys.modules  # the check above can fail
        print("ok")
    """)
    proc = _run(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_images_are_placed(tmp_path):
    from PIL import Image as PILImage

    pic = tmp_path / "red.png"
    PILImage.new("RGB", (10, 10), (255, 0, 0)).save(pic)
    dl = DisplayList([Page(60, 60, [Image(str(pic), 20, 10, 30, 20)], bleed=3)])
    out = render(dl, tmp_path / "i.png", dpi=72)[0]
    with PILImage.open(out) as im:
        from comicboard import icc  # the picture is shown as it prints: separated and soft-proofed

        red = PILImage.new("RGB", (1, 1), (255, 0, 0))
        assert im.getpixel((35, 20)) == icc.cmyk_to_srgb_image(icc.srgb_to_cmyk_image(red)).getpixel((0, 0))
        assert im.getpixel((10, 20)) == (255, 255, 255) and im.getpixel((35, 40)) == (255, 255, 255)
    pdf = render(dl, tmp_path / "i.pdf")[0].read_bytes()
    assert b"/Subtype /Image" in pdf


def test_public_facade_render_works_twice(tmp_path):
    code = textwrap.dedent(f"""
        import comicboard
        from comicboard.color import BLACK
        from comicboard.display import DisplayList, Page
        dl = DisplayList([Page(50, 50)])
        comicboard.render(dl, {str(tmp_path / "a.png")!r}, dpi=36)
        comicboard.render(dl, {str(tmp_path / "b.png")!r}, dpi=36)
    """)
    proc = _run(code, tmp_path)
    assert proc.returncode == 0, proc.stderr


def _run(code: str, cwd: FilePath) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter that imports this checkout's comicboard (installed or not)."""
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd)


def test_renders_a_board_through_layout(tmp_path):
    """End to end from the model: render() lays a Board out itself (a small A5 board at low dpi)."""
    from comicboard.model import Board, Category, Procedure, Step

    captions = ("携带身份证到社区居委会", "工作人员核实居住情况", "当场开具居住证明并盖章")
    steps = tuple(Step(c) for c in captions)
    board = Board("居住证明", (Category("社区事务", (Procedure("开具居住证明", steps),)),), size="A5")
    (pdf,) = render(board, tmp_path / "b.pdf")
    assert b"/FontFile2" in pdf.read_bytes()
    pngs = render(board, tmp_path / "b.png", dpi=30)
    assert all(p.stat().st_size > 0 for p in pngs)


def test_a_replaced_font_file_is_read_again(tmp_path):
    """A long-running process (a thread-pool batch, a Dask worker) renders with the font file as it is now: caches
    are keyed by the file's identity (path, mtime, size), not its path alone."""
    import pikepdf

    from comicboard.fonts import BUNDLED_BOLD, BUNDLED_REGULAR, font_dir
    from comicboard.model import Board, Category, FontChoice, Procedure, Step

    def board(font: FilePath) -> Board:
        proc = Procedure("开具居住证明", (Step("携带身份证到社区居委会"),))
        return Board("居住证明", (Category("社区事务", (proc,)),), size="A5", fonts=FontChoice(font, font))

    def outputs(font: FilePath, name: str) -> tuple[bytes, bytes, set[str]]:
        pdf, png = render(board(font), tmp_path / f"{name}.pdf")[0], render(board(font), tmp_path / f"{name}.png",
                                                                            dpi=20)[0]
        with pikepdf.open(pdf) as doc:
            names = {str(f.BaseFont).split("+")[-1] for p in doc.pages for f in p.Resources.Font.values()}
        return pdf.read_bytes(), png.read_bytes(), names

    font, bold = tmp_path / "f.ttf", tmp_path / "bold.ttf"
    font.write_bytes((font_dir() / BUNDLED_REGULAR).read_bytes())
    bold.write_bytes((font_dir() / BUNDLED_BOLD).read_bytes())
    before = outputs(font, "before")
    assert before[2] == {"LXGWWenKai-Regular"}
    stamp = font.stat().st_mtime_ns
    font.write_bytes(bold.read_bytes())  # replaced in place, as `cp` does
    os.utime(font, ns=(stamp + 10**9, stamp + 10**9))  # a later mtime even on a coarse-grained file system
    after = outputs(font, "after")
    assert after[2] == {"LXGWWenKai-Bold"}
    assert after[:2] == outputs(bold, "fresh")[:2] != before[:2]  # as if the process had only known the new file
