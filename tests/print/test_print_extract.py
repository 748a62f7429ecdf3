"""Text reads back right: what poppler, PDFium and MuPDF extract from each set line is the line's text.

Every line's box comes from `cb.layout` (the geometry), its text from the same place; the PDF is read by three
independent extraction engines, each asked for the text inside that box only. A missing engine fails the test.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess

import pytest

import comicboard as cb

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples"
_WS = re.compile(r"\s+")
# A space at a boundary between a Latin letter or digit and CJK: the ¼ em gap clreq/jlreq set there is a gap, not
# a space, but MuPDF reads any gap over 0.15 em after a Latin letter or digit as one ("5 个工作日"); both sides
# of the comparison drop such a space, and every other space must match.
_LATIN_CJK = re.compile(r"(?<=[0-9A-Za-z]) (?=[^\x00-\u06ff])|(?<=[^\x00-\u06ff]) (?=[0-9A-Za-z])")


def _words(text):
    return _LATIN_CJK.sub("", " ".join(text.split()))


def _poppler(pdf, page, box):
    """Text inside `box` (x0, y0, x1, y1: points, from the page's top-left) by poppler's pdftotext, which keeps
    only glyphs wholly inside the crop: the box given is the line's, grown back by the inset and to whole points."""
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: tools/install-test-system-deps.sh"
    x0, y0, x1, y1 = (math.floor(box[0] - 0.5), math.floor(box[1] - 0.5), math.ceil(box[2] + 0.5),
                      math.ceil(box[3] + 0.5))
    args = ["-f", str(page + 1), "-l", str(page + 1), "-r", "72", "-x", str(x0), "-y", str(y0),
            "-W", str(x1 - x0), "-H", str(y1 - y0), "-enc", "UTF-8"]
    out = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out


class _Pdfium:
    def __init__(self, pdf):
        import pypdfium2 as pdfium

        self.doc = pdfium.PdfDocument(str(pdf))
        self.pages = {}

    def __call__(self, page, box):
        if page not in self.pages:
            p = self.doc[page]
            self.pages[page] = (p, p.get_textpage(), p.get_height())
        _, text, h = self.pages[page]
        x0, y0, x1, y1 = box
        return text.get_text_bounded(left=x0, bottom=h - y1, right=x1, top=h - y0)


class _Mupdf:
    def __init__(self, pdf):
        import pymupdf

        self.doc = pymupdf.open(str(pdf))
        self.rect = pymupdf.Rect

    def __call__(self, page, box):
        return self.doc[page].get_text("text", clip=self.rect(*box))


def _engines(pdf):
    return {"poppler": lambda page, box: _poppler(pdf, page, box), "pdfium": _Pdfium(pdf), "mupdf": _Mupdf(pdf)}


def _lines(board, kinds=None, writing=None):
    """(page, block kind, line text, line box in points from the media box's top-left) for every set line."""
    for n, page in enumerate(cb.layout(board).pages):
        b = page.bleed
        for block in page.text_blocks():
            if kinds and block.kind not in kinds:
                continue
            if writing and getattr(block, "writing", "horizontal") != writing:
                continue
            for line in block.lines:
                x, y, w, h = line.bbox
                yield n, block.kind, line.text, (x + b, y + b, x + b + w, y + b + h)


SEAM = "\0"  # where a bold label meets its value: an engine may read the change of font as a space


def _with_labels(lines):
    """A details entry's bold label and the rest of its line are one set line in two weights (two blocks): read
    them together, as a reader does (a compressed colon's glyph box reaches past its set advance, so a crop at
    the seam would read it on both sides). The seam is marked SEAM."""
    lines = list(lines)
    out = []
    i = 0
    while i < len(lines):
        page, kind, text, box = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if kind == "detail_label" and nxt and nxt[0] == page and abs(nxt[3][1] - box[1]) < 0.01 and abs(
                nxt[3][0] - box[2]) < 0.5:
            out.append((page, nxt[1], text + SEAM + nxt[2], (box[0], box[1], nxt[3][2], nxt[3][3])))
            i += 2
            continue
        if kind != "detail_label":
            out.append(lines[i])
        i += 1
    return out


def _squeeze(box, inset):
    x0, y0, x1, y1 = box
    return x0 + inset, y0 + inset, x1 - inset, y1 - inset


@pytest.fixture(scope="module")
def tategaki(tategaki_board):
    return tategaki_board  # the board the PDF was made from: its lines are looked for where that layout set them


@pytest.mark.parametrize("engine", ["poppler", "pdfium", "mupdf"])
def test_every_vertical_title_and_caption_extracts_exactly(tategaki, tategaki_pdf, engine):
    read = _engines(tategaki_pdf)[engine]
    lines = list(_lines(tategaki, writing="vertical"))
    assert len({k for _, k, _, _ in lines}) >= 2 and len(lines) >= 13, lines  # titles and captions, in columns
    wrong = []
    for page, kind, text, box in lines:
        got = _WS.sub("", read(page, _squeeze(box, 0.5)))
        if got != _WS.sub("", text):
            wrong.append((kind, text, got))
    assert not wrong, f"{engine}: {len(wrong)} of {len(lines)} columns read back wrong: {wrong[:6]}"


@pytest.mark.parametrize("engine", ["poppler", "pdfium", "mupdf"])
def test_justified_lines_extract_with_their_words_whole(dense_board, dense_pdf, engine):
    # Details and captions are justified; a line reads back as its text, with a space only where the text has one.
    read = _engines(dense_pdf)[engine]
    kinds = {"summary", "materials", "caption", "location", "time_limit", "basis", "detail_label"}
    lines = [line for line in _with_labels(_lines(dense_board, kinds=kinds)) if len(line[2]) >= 6]
    assert len(lines) >= 10
    wrong = []
    for page, kind, text, box in lines:
        got = _words(read(page, _squeeze(box, 0.5)))
        if got not in (_words(text.replace(SEAM, "")), _words(text.replace(SEAM, " "))):
            wrong.append((kind, text.replace(SEAM, ""), got))
    assert not wrong, f"{engine}: {len(wrong)} of {len(lines)} lines read back wrong: {wrong[:6]}"
