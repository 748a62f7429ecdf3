"""Page boxes: TrimBox is the board, 3 mm bleed in the BleedBox, no ArtBox, crop marks outside the bleed."""

from __future__ import annotations

import pikepdf
import pytest

MM = 72 / 25.4


def _boxes(path):
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0].obj
        return {k: [float(v) for v in page[k]] for k in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox")
                if k in page}, "/ArtBox" in page


@pytest.mark.parametrize("flavour", ["4", "1a"])
def test_trim_is_the_board_and_bleed_is_3mm(pdfs, flavour):
    boxes, has_art = _boxes(pdfs[flavour])
    trim, bleed, media = boxes["/TrimBox"], boxes["/BleedBox"], boxes["/MediaBox"]
    assert not has_art  # PDF/X: TrimBox or ArtBox, not both
    assert trim[2] - trim[0] == pytest.approx(594 * MM, abs=0.01)  # the minimal board is A1 portrait
    assert trim[3] - trim[1] == pytest.approx(841 * MM, abs=0.01)
    for i, sign in ((0, -1), (1, -1), (2, 1), (3, 1)):
        assert (bleed[i] - trim[i]) * sign == pytest.approx(3 * MM, abs=0.01)
    assert bleed == media  # without marks nothing lies outside the bleed


def test_marks_widen_the_media_box_and_sit_outside_the_bleed(pdfs):
    boxes, _ = _boxes(pdfs["marks"])
    trim, bleed, media = boxes["/TrimBox"], boxes["/BleedBox"], boxes["/MediaBox"]
    assert trim[2] - trim[0] == pytest.approx(594 * MM, abs=0.01)
    assert bleed[0] - media[0] > 5 * MM and media[2] - bleed[2] > 5 * MM
    assert boxes["/CropBox"] == media  # the shop sees the marks
    with pikepdf.open(pdfs["marks"]) as pdf:
        page = pdf.pages[0]
        spaces = [cs for cs in page.Resources.get("/ColorSpace", {}).values()]
        assert any(str(cs[0]) == "/Separation" and str(cs[1]) == "/All" for cs in spaces)
        # Every stroke in registration colour lies outside the bleed box.
        ops = pikepdf.parse_content_stream(page)
        registration, points = False, []
        for operands, op in ((i.operands, str(i.operator)) for i in ops):
            if op == "CS":
                registration = str(operands[0]) in page.Resources.ColorSpace and \
                    str(page.Resources.ColorSpace[str(operands[0])][1]) == "/All"
            elif op in ("K", "G", "RG") :
                registration = False
            elif op in ("m", "l") and registration:
                points.append((float(operands[0]), float(operands[1])))
    assert len(points) == 16  # 4 corners × 2 marks × 2 ends
    for x, y in points:
        assert not (bleed[0] < x < bleed[2] and bleed[1] < y < bleed[3])
