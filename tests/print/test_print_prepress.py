"""What a prepress operator checks below PDF/X conformance: overprint, subset names, metadata in step, dates.

Read back with pikepdf and the content-stream reader in pdfpaint.py, from the rules (ISO 32000 overprint keys,
the subset-tag convention of ISO 32000 9.6.4, ISO 15930 Info and XMP keys), not from the code that writes them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys
from datetime import UTC, datetime

import pikepdf
import pytest
from pdfpaint import REGISTRATION, is_solid_black, paints

import comicboard as cb


@pytest.fixture(scope="module")
def tiled(board, tmp_path_factory):
    path = tmp_path_factory.mktemp("tiled") / "sheets.pdf"
    cb.render(board, path, tile="A4")
    return path


# --- overprint -------------------------------------------------------------------------------------------------

def _check_overprint(path):
    painted = [p for p in paints(path) if not (p.kind == "text" and p.mode == 3)]  # invisible text paints nothing
    black = [p for p in painted if is_solid_black(p.color)]
    assert {p.kind for p in black} >= {"text", "stroke"}, "the board has black type and lines"
    knocked = [(p.kind, p.where) for p in black if not (p.overprint and p.opm == 1)]
    assert not knocked, f"{len(knocked)} solid-black objects knock out instead of overprinting: {knocked[:5]}"
    # Only 100 % K overprints: a white or coloured object set to overprint would vanish or mix on press.
    wrong = [(p.kind, p.color) for p in painted if p.overprint and not is_solid_black(p.color)
             and p.color != REGISTRATION]
    assert not wrong, f"objects that are not solid black overprint: {wrong[:5]}"


@pytest.mark.parametrize("flavour", ["4", "1a"])
def test_black_overprints_in_pdfx(pdfs, flavour):
    _check_overprint(pdfs[flavour])


def test_black_overprints_on_a_dense_board_and_tiled_sheets(dense_pdf, tiled):
    _check_overprint(dense_pdf)
    _check_overprint(tiled)


def test_a_plain_pdf_does_not_overprint(board, tmp_path):
    cb.render(board, tmp_path / "plain.pdf", pdfx=None)
    assert not [p for p in paints(tmp_path / "plain.pdf") if p.overprint]


# --- font subset tags ------------------------------------------------------------------------------------------

def _subsets(path):
    """{BaseFont: digest of the font program and its ToUnicode map} for every font of the file."""
    out = {}
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/FontDescriptor" in obj:
                h = hashlib.sha256(obj.FontDescriptor.FontFile2.read_bytes())
                h.update(obj.ToUnicode.read_bytes())
                name = str(obj.BaseFont)
                assert name[1:7].isalpha() and name[1:7].isupper() and name[7] == "+", name
                assert str(obj.FontDescriptor.FontName) == name
                out.setdefault(name, set()).add(h.hexdigest())
    return out


@pytest.mark.parametrize("which", ["4", "tiled"])
def test_subset_names_are_distinct_for_distinct_subsets_in_one_file(pdfs, tiled, which):
    subsets = _subsets(pdfs["4"] if which == "4" else tiled)
    assert len(subsets) >= 2
    assert all(len(d) == 1 for d in subsets.values()), f"one name, different glyphs: {subsets}"
    assert not {n[1:7] for n in subsets} & {"AAAAAA", "AAAAAB", "AAAAAC"}


def test_subset_names_differ_between_boards_unless_the_glyphs_are_the_same(pdfs, dense_pdf):
    a, b = _subsets(pdfs["4"]), _subsets(dense_pdf)
    for name in set(a) & set(b):
        assert a[name] == b[name], f"{name} names different glyph sets in two boards"
    digests = {d for ds in a.values() for d in ds} ^ {d for ds in b.values() for d in ds}
    assert digests and len(set(a) ^ set(b)) >= 2


# --- Info and XMP -----------------------------------------------------------------------------------------------

def _pdf_date(s):
    s = str(s).removeprefix("D:")
    d = datetime.strptime(s[:14], "%Y%m%d%H%M%S")
    sign, hh, mm = s[14], int(s[15:17]), int(s[18:20])
    from datetime import timedelta, timezone
    return d.replace(tzinfo=timezone((1 if sign == "+" else -1) * timedelta(hours=hh, minutes=mm)))


def _agree(path, board, version):
    with pikepdf.open(path) as pdf:
        info, xmp = pdf.docinfo, pdf.open_metadata()
        assert str(info.Title) == xmp["dc:title"] == board.title
        assert str(info.get("/Author", "")) == (xmp.get("dc:creator") or [""])[0] == board.organization
        assert str(info.get("/Subject", "")) == (xmp.get("dc:description") or "") == board.subtitle
        assert "anonymous" not in repr(info) and "unspecified" not in repr(info)
        created = _pdf_date(info.CreationDate)
        assert created == datetime.fromisoformat(xmp["xmp:CreateDate"])
        assert _pdf_date(info.ModDate) == datetime.fromisoformat(xmp["xmp:ModifyDate"])
        lang = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}.get(board.lang, board.lang)
        assert str(pdf.Root.Lang) == lang and lang in (xmp.get("dc:language") or [])
        gts = {"4": "PDF/X-4", "1a": "PDF/X-1:2003", None: None}[version]
        assert info.get("/GTS_PDFXVersion") == gts
        assert (xmp.get("pdfxid:GTS_PDFXVersion") or xmp.get("pdfx:GTS_PDFXVersion")) == gts
        return created


@pytest.mark.parametrize("flavour", ["4", "1a"])
def test_info_and_xmp_agree(pdfs, board, flavour):
    _agree(pdfs[flavour], board, flavour)


def test_info_and_xmp_agree_in_tiled_sheets_and_other_languages(tiled, board, tmp_path):
    _agree(tiled, board, "4")
    full = dataclasses.replace(board, subtitle="工人街社区", organization="长安区阜康街道", lang="zh-Hant")
    cb.render(full, tmp_path / "t.pdf", pdfx="1a")
    _agree(tmp_path / "t.pdf", full, "1a")


_RENDER = "import sys, comicboard as cb; cb.render(cb.load(sys.argv[1]), sys.argv[2])"


def _render_with_epoch(spec, out, epoch):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    subprocess.run([sys.executable, "-c", _RENDER, str(spec), str(out)], check=True, env=env)
    return out.read_bytes()


def test_source_date_epoch_sets_the_dates_and_the_same_input_gives_the_same_bytes(tmp_path):
    from tests.print.conftest import EXAMPLES

    spec = EXAMPLES / "minimal.yaml"
    a = _render_with_epoch(spec, tmp_path / "a.pdf", 1700000000)
    assert _render_with_epoch(spec, tmp_path / "b.pdf", 1700000000) == a
    board = cb.load(spec)
    assert _agree(tmp_path / "a.pdf", board, "4") == datetime.fromtimestamp(1700000000, UTC)
    assert _render_with_epoch(spec, tmp_path / "c.pdf", 1800000000) != a
    _render_with_epoch(spec, tmp_path / "d.pdf", None)
    assert _agree(tmp_path / "d.pdf", board, "4").year == 2000  # nothing given: a fixed date, still reproducible


def test_a_spec_gives_the_revision_date(tmp_path):
    # `date:` under board: both dates of Info and XMP, whatever SOURCE_DATE_EPOCH says; the same spec, same bytes.
    from tests.print.conftest import EXAMPLES

    spec = tmp_path / "dated.yaml"
    spec.write_text((EXAMPLES / "minimal.yaml").read_text(encoding="utf-8").replace(
        "  title: 居住证明\n", "  title: 居住证明\n  date: 2026-12-07T09:30:00+08:00\n"), encoding="utf-8")
    board = cb.load(spec)
    assert board.date == "2026-12-07T09:30:00+08:00"
    a = _render_with_epoch(spec, tmp_path / "a.pdf", 1700000000)
    assert _render_with_epoch(spec, tmp_path / "b.pdf", None) == a
    when = _agree(tmp_path / "a.pdf", board, "4")
    assert when == datetime(2026, 12, 7, 1, 30, tzinfo=UTC)
    with pikepdf.open(tmp_path / "a.pdf") as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20261207093000+08'00'"


@pytest.mark.parametrize("value", ["2026-13-07", "yesterday", "[2026, 12, 7]"])
def test_a_bad_date_is_refused_by_line_and_field(tmp_path, value):
    spec = tmp_path / "bad.yaml"
    spec.write_text(f"board:\n  title: 居住证明\n  date: {value}\ncategories:\n  - name: 社区事务\n"
                    "    procedures:\n      - title: 开具居住证明\n        steps: [携带身份证]\n", encoding="utf-8")
    with pytest.raises(cb.SpecError) as e:
        cb.load(spec)
    assert "board.date" in str(e.value) and "bad.yaml:3" in str(e.value)
