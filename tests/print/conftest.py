"""Print-production fixtures: the minimal example rendered once per PDF flavour."""

from __future__ import annotations

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
