"""cb.render into binary file objects, `-o -` to standard output, and a board showing itself in Jupyter."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

import comicboard as cb
from comicboard.errors import RenderError

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "examples" / "minimal.yaml"


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_a_file_object_gets_the_same_bytes_as_a_path(sample, tmp_path, fmt):
    stream = io.BytesIO()
    assert cb.render(sample, stream, format=fmt, dpi=30) == []
    cb.render(sample, tmp_path / f"b.{fmt}", dpi=30)
    assert stream.getvalue() == (tmp_path / f"b.{fmt}").read_bytes()


def test_an_open_file_names_its_format(sample, tmp_path):
    with open(tmp_path / "board.svg", "wb") as f:
        cb.render(sample, f)
    assert (tmp_path / "board.svg").read_bytes().startswith(b"<?xml")


def test_several_pages_are_refused_and_nothing_is_written(two_pages):
    stream = io.BytesIO()
    with pytest.raises(RenderError, match="2 pages"):
        cb.render(two_pages, stream, format="png", dpi=20)
    assert stream.getvalue() == b""


def test_a_failed_render_writes_nothing(sample):
    stream = io.BytesIO()
    with pytest.raises(RenderError):
        cb.render(sample, stream, format="png", dpi=20, marks=True)  # marks are for PDF only
    assert stream.getvalue() == b""


def test_without_a_format_or_with_a_text_stream_the_error_says_what_to_do(sample):
    with pytest.raises(RenderError, match="format"):
        cb.render(sample, io.BytesIO())
    with pytest.raises(RenderError, match="binary mode"):
        cb.render(sample, io.StringIO(), format="svg")
    with pytest.raises(RenderError, match="suffix"):
        cb.render(sample, "b.png", format="pdf")


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "comicboard", *args], capture_output=True, cwd=ROOT, timeout=600)


def test_dash_writes_the_file_to_standard_output(tmp_path):
    r = _cli("render", str(MINIMAL), "-o", "-", "--format", "pdf", "-q")
    assert r.returncode == 0, r.stderr
    assert _cli("render", str(MINIMAL), "-o", str(tmp_path / "b.pdf"), "-q").returncode == 0
    assert r.stdout == (tmp_path / "b.pdf").read_bytes()  # the PDF alone: no path or message on stdout


def test_dash_without_format_is_refused_with_a_hint():
    r = _cli("render", str(MINIMAL), "-o", "-")
    assert r.returncode == 2 and r.stdout == b""
    assert b"hint: add --format" in r.stderr and b"Traceback" not in r.stderr


def test_board_and_layout_show_themselves_in_jupyter():
    board = cb.load(MINIMAL)
    for obj in (board, cb.layout(board)):
        png = obj._repr_png_()
        with Image.open(io.BytesIO(png)) as im:
            assert im.format == "PNG" and im.width == 800
            w_mm, h_mm = board.page_size_mm
            assert im.height == pytest.approx(800 * h_mm / w_mm, abs=1)
            assert len(set(im.convert("L").resize((100, 140)).get_flattened_data())) > 10  # something is drawn
