"""PDF/X markers: OutputIntent with the embedded CMYK profile, version keys, /Trapped, ID, determinism."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import ImageCms

import comicboard as cb


def _intent(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1
    return intents[0]


@pytest.mark.parametrize("flavour", ["4", "1a"])
def test_output_intent_embeds_a_cmyk_printer_profile(pdfs, flavour):
    with pikepdf.open(pdfs[flavour]) as pdf:
        oi = _intent(pdf)
        assert oi.S == pikepdf.Name.GTS_PDFX
        assert str(oi.OutputConditionIdentifier) == "FOGRA39"
        data = oi.DestOutputProfile.read_bytes()
        assert int(oi.DestOutputProfile.N) == 4
        assert data[12:16] == b"prtr" and data[16:20] == b"CMYK"
        ImageCms.ImageCmsProfile(io.BytesIO(data))  # a profile LittleCMS can load


def test_x4_declares_itself_in_xmp(pdfs):
    with pikepdf.open(pdfs["4"]) as pdf:
        assert pdf.pdf_version <= "1.6"
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
        assert "<pdf:Trapped>False</pdf:Trapped>" in xmp
        assert pdf.docinfo.Trapped == pikepdf.Name("/False")
        # In Info too: intake tools that read only the Info dictionary recognise the file as PDF/X-4.
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"


def test_x1a_declares_itself_in_info(pdfs):
    with pikepdf.open(pdfs["1a"]) as pdf:
        assert pdf.pdf_version == "1.4"
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-1:2003"
        assert str(pdf.docinfo.GTS_PDFXConformance) == "PDF/X-1a:2003"
        assert pdf.docinfo.Trapped == pikepdf.Name("/False")


@pytest.mark.parametrize("flavour", ["4", "1a"])
def test_id_no_encryption_title(pdfs, flavour, board):
    with pikepdf.open(pdfs[flavour]) as pdf:
        assert not pdf.is_encrypted
        assert "/ID" in pdf.trailer and len(bytes(pdf.trailer.ID[0])) == 16
        assert str(pdf.docinfo.Title) == board.title


def test_same_board_same_bytes(board, pdfs, tmp_path):
    for flavour in ("4", "1a"):
        again = tmp_path / f"again-{flavour}.pdf"
        cb.render(board, again, pdfx=flavour)
        assert again.read_bytes() == pdfs[flavour].read_bytes()


def test_plain_pdf_on_request_and_bad_version_refused(board, tmp_path):
    cb.render(board, tmp_path / "plain.pdf", pdfx=None)
    with pikepdf.open(tmp_path / "plain.pdf") as pdf:
        assert "/OutputIntents" not in pdf.Root
    with pytest.raises(cb.RenderError, match="PDF/X"):
        cb.render(board, tmp_path / "bad.pdf", pdfx="3")
    assert not (tmp_path / "bad.pdf").exists()
