"""Batch boards for the print shop: --pdfx and --marks reach every row's PDF, and a changed choice remakes them."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pikepdf
import pytest

from comicboard.batch import render_many
from comicboard.cli import main


def _pdfx(path):
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0].obj
        marks = [float(v) for v in page.MediaBox] != [float(v) for v in page.BleedBox]
        return str(pdf.docinfo.get("/GTS_PDFXVersion", "")), "/OutputIntents" in pdf.Root, marks


def test_default_is_pdfx4_without_marks(tmp_path, template_file, rows):
    with ThreadPoolExecutor(1) as ex:
        made = render_many(template_file, rows[:1], tmp_path, ex).made
    version, intent, marks = _pdfx(tmp_path / made[0].files[0])
    assert (version, intent, marks) == ("PDF/X-4", True, False)  # X-4 declares itself in Info as in XMP


def test_pdfx_1a_and_marks_reach_every_row_and_a_change_remakes(tmp_path, template_file, rows):
    with ThreadPoolExecutor(2) as ex:
        first = render_many(template_file, rows, tmp_path, ex, pdfx="1a", marks=True)
        assert len(first.made) == 2
        for o in first.made:
            assert _pdfx(tmp_path / o.files[0]) == ("PDF/X-1:2003", True, True)
        again = render_many(template_file, rows, tmp_path, ex, pdfx="1a", marks=True)
        assert [o.status for o in again.outcomes] == ["skipped", "skipped"]
        plain = render_many(template_file, rows, tmp_path, ex, pdfx=None)
        assert len(plain.made) == 2
        assert _pdfx(tmp_path / plain.made[0].files[0]) == ("", False, False)
    with pytest.raises(ValueError, match="PDF/X"):
        render_many(template_file, rows, tmp_path, pdfx="3")


def test_cli_batch_pdfx_and_marks(tmp_path, template_file, rows, capsys):
    table = tmp_path / "rows.json"
    table.write_text(json.dumps(rows[:1], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(template_file), str(table), "-o", str(out), "-q", "--jobs", "1",
                 "--pdfx", "1a", "--marks"]) == 0
    pdf = next(out.glob("*.pdf"))
    assert _pdfx(pdf) == ("PDF/X-1:2003", True, True)
