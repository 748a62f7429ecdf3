"""Print-production fixtures: the minimal example rendered once per PDF flavour."""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import pytest

import comicboard as cb

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def board():
    return cb.load(EXAMPLES / "minimal.yaml")


@pytest.fixture(scope="session")
def pdfs(board, tmp_path_factory):
    """{"4": path, "1a": path, "marks": path}: X-4, X-1a and X-4 with crop marks."""
    out = tmp_path_factory.mktemp("print")
    paths = {"4": out / "x4.pdf", "1a": out / "x1a.pdf", "marks": out / "marks.pdf"}
    cb.render(board, paths["4"])
    cb.render(board, paths["1a"], pdfx="1a")
    cb.render(board, paths["marks"], marks=True)
    return paths


@pytest.fixture(scope="session")
def dense_board():
    """The example's first category on A4: small figures, so thin lines and small type, the hard case for print."""
    import dataclasses

    board = cb.load(EXAMPLES / "gongrenjie.yaml")
    return dataclasses.replace(board, size="A4", categories=board.categories[:1])


@pytest.fixture(scope="session")
def smallest_type_pdf(tmp_path_factory):
    """Two categories on A5 at the smallest text a spec may ask for: every band and badge at its floor."""
    import dataclasses

    board = cb.load(EXAMPLES / "gongrenjie.yaml")
    board = dataclasses.replace(board, size="A5", min_font_size=4.0, categories=board.categories[:2])
    path = tmp_path_factory.mktemp("smallest") / "smallest.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it continues on several pages, as it says
        cb.render(board, path)
    return path


@pytest.fixture(scope="session")
def dense_pdf(dense_board, tmp_path_factory):
    path = tmp_path_factory.mktemp("dense") / "dense.pdf"
    cb.render(dense_board, path)
    return path


@pytest.fixture(scope="session")
def tategaki_board():
    """examples/ja-tategaki.yaml on one A3 sheet read close: its text and hairlines as small as a board gets (the
    thin figure details are what the ink tests need)."""
    return dataclasses.replace(cb.load(EXAMPLES / "ja-tategaki.yaml"), size="A3", viewing_distance_m=0.3)


@pytest.fixture(scope="session")
def tategaki_pdf(tategaki_board, tmp_path_factory):
    """`tategaki_board` as PDF/X-4: vertical titles and captions, justified details."""
    path = tmp_path_factory.mktemp("tategaki") / "tategaki.pdf"
    cb.render(tategaki_board, path)
    return path
