"""A details card reads back from the PDF as words: poppler and PDFium extract every label and its value as they
are written ("辦理時限：當場"), not one character per word as letter-spaced justification made them read."""

from __future__ import annotations

import re
import subprocess

import pytest

import comicboard as cb
from comicboard.pagelayout.labels import labels
from tests.layout.written import LANGS, written_board
from tests.needs import tool

KEYS = ("materials", "time_limit", "location", "phone")


@pytest.fixture(scope="module", params=LANGS)
def board_pdf(request, tmp_path_factory):  # noqa: ANN001
    board = written_board(request.param, "A4")  # narrow cards: two columns on a handout-sized sheet
    pdf = tmp_path_factory.mktemp(request.param) / "board.pdf"
    cb.render(board, pdf)
    return board, pdf


def _expected(board: cb.Board) -> list[re.Pattern[str]]:
    """Each label as one word, and the time limit's label followed by its value's first characters: at most one
    space between them (the label is bold, its value regular, and a gap before a digit is a CJK–Latin gap)."""
    lab = labels(board.lang)
    out = []
    for _, proc in board.procedures():
        out += [re.compile(re.escape(lab[k] + lab["colon"].strip())) for k in KEYS if getattr(proc, k, None)]
        if proc.time_limit:
            out.append(re.compile(re.escape(lab["time_limit"] + lab["colon"].strip()) + " ?"
                                  + re.escape(proc.time_limit[:2])))
    return out


def _squeeze(text: str) -> str:
    """Line ends joined (a value may start on the label's next line); other spaces kept."""
    return re.sub(r"\s*\n\s*", "", text)


def test_poppler_reads_labels_as_words(board_pdf):
    board, pdf = board_pdf
    text = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = _squeeze(text)
    for want in _expected(board):
        assert want.search(flat), (want.pattern, "letter-spaced in the PDF")


def test_pdfium_reads_labels_as_words(board_pdf):
    import pypdfium2 as pdfium

    board, pdf = board_pdf
    doc = pdfium.PdfDocument(str(pdf))
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    flat = _squeeze(text.replace("\r", ""))
    for want in _expected(board):
        assert want.search(flat), (want.pattern, "letter-spaced in the PDF")
