"""Fonts by family name (fontconfig) and CFF-outline fonts: Debian's Noto Sans CJK (fonts-noto-cjk, CFF outlines in
.ttc collections) by its family name, converted to a TrueType subset once per session, embedded whole in the PDF.

These tests need fontconfig and fonts-noto-cjk (tools/install-test-system-deps.sh installs both); without them
they fail, naming the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pymupdf
import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

import comicboard as cb
from comicboard.errors import SpecError
from comicboard.fontconvert import MAX_ERR_UNITS
from comicboard.fonts import find_family, list_fonts
from comicboard.model import iter_texts

ROOT = Path(__file__).resolve().parents[2]
NEEDS = "install fontconfig and fonts-noto-cjk (sh tools/install-test-system-deps.sh)"
FAMILY = "Noto Sans CJK SC"
SPEC = f"""\
board: {{title: 居住证明, subtitle: 工人街社区「办事一图通」, size: A4}}
fonts: {{regular: {FAMILY}}}
categories:
  - name: 社区事务
    procedures:
      - title: 开具居住证明
        materials: [身份证, 户口本]
        phone: 0311-86012345
        steps:
          - 携带身份证到社区居委会（8:30—17:30）
          - caption: 核实居住情况
            say: [{{who: worker, text: 带上身份证就行。}}, {{who: resident, text: 好的，谢谢！}}]
"""


@pytest.fixture(scope="session")
def noto_cache(tmp_path_factory):
    """One conversion cache for the session: the first test converts, the others find it."""
    assert shutil.which("fc-match"), f"fc-match not found: {NEEDS}"
    assert find_family(FAMILY) is not None, f"no {FAMILY!r} installed: {NEEDS}"
    mp = pytest.MonkeyPatch()
    cache = tmp_path_factory.mktemp("comicboard-cache")
    mp.setenv("COMICBOARD_CACHE_DIR", str(cache))
    yield cache / "fonts"
    mp.undo()


@pytest.fixture(scope="session")
def noto_board(noto_cache, tmp_path_factory):
    spec = tmp_path_factory.mktemp("noto") / "board.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return spec, cb.load(spec)


def test_the_family_name_resolves_to_the_installed_faces(noto_board):
    regular, bold = find_family(FAMILY), find_family(FAMILY, bold=True)
    assert regular.path.endswith(".ttc") and "Bold" in bold.style and bold.path != regular.path
    _, board = noto_board
    for role in ("regular", "bold"):  # both converted: TrueType outlines, the family's own names inside
        tt = TTFont(getattr(board.fonts, role))
        assert "glyf" in tt and "CFF " not in tt
        assert tt["name"].getBestFamilyName().startswith(FAMILY)
        assert ("Bold" in tt["name"].getBestSubFamilyName()) == (role == "bold")


def test_converted_glyphs_keep_the_cff_outlines(noto_board):
    """From the rule of the conversion: every character the board shows has its glyph, and each converted outline
    covers the same box as the CFF original within the conversion's tolerance."""
    _, board = noto_board
    chars = {ch for _, text in iter_texts(board) for ch in text if not ch.isspace()}
    src = find_family(FAMILY)
    cff = TTFont(src.path, fontNumber=src.index, lazy=True)
    ttf = TTFont(board.fonts.regular)
    cff_cmap, ttf_cmap = cff.getBestCmap(), ttf.getBestCmap()
    cff_glyphs, ttf_glyphs = cff.getGlyphSet(), ttf.getGlyphSet()
    for ch in sorted(chars):
        assert ord(ch) in ttf_cmap, f"{ch!r} is missing from the converted font"
        boxes = []
        for glyphs, cmap in ((cff_glyphs, cff_cmap), (ttf_glyphs, ttf_cmap)):
            pen = BoundsPen(glyphs)
            glyphs[cmap[ord(ch)]].draw(pen)
            boxes.append(pen.bounds)
        assert boxes[1] is not None, f"{ch!r} has an empty outline"
        assert all(abs(a - b) <= MAX_ERR_UNITS + 1 for a, b in zip(*boxes, strict=True)), (ch, boxes)
        assert cff["hmtx"][cff_cmap[ord(ch)]][0] == ttf["hmtx"][ttf_cmap[ord(ch)]][0]


def test_pdf_embeds_the_noto_faces_and_shows_every_character(noto_board, tmp_path):
    _, board = noto_board
    out = tmp_path / "b.pdf"
    cb.render(board, out)
    embedded = set()
    with pikepdf.open(out) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                for f in [font, *font.get("/DescendantFonts", [])]:
                    if "/FontDescriptor" in f:
                        assert "/FontFile2" in f.FontDescriptor, f"{f.BaseFont} is not embedded as TrueType"
                        embedded.add(str(f.BaseFont).split("+")[-1])
    assert embedded and all(name.lstrip("/").startswith("NotoSansCJK") for name in embedded)
    text = "".join(page.get_text() for page in pymupdf.open(out))
    assert {"NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold"} <= {n.lstrip("/") for n in embedded}
    flat = "".join(text.split())
    for where, shown in iter_texts(board):
        if where.startswith("cast "):
            continue  # the cast's names are not printed on the board
        for ch in "".join(shown.split()):
            assert ch in flat, f"{ch!r} ({shown}) is not in the PDF's text"


def test_the_conversion_is_cached_by_the_file_and_the_text(noto_board, noto_cache):
    spec, board = noto_board
    files = sorted(noto_cache.iterdir())
    mtimes = [f.stat().st_mtime_ns for f in files]
    again = cb.load(spec)
    assert again.fonts == board.fonts
    assert sorted(noto_cache.iterdir()) == files and [f.stat().st_mtime_ns for f in files] == mtimes
    spec.write_text(SPEC.replace("好的，谢谢！", "好的，谢谢您！"), encoding="utf-8")
    try:
        changed = cb.load(spec)
        assert changed.fonts.regular != board.fonts.regular  # a new character: a new subset
        assert ord("您") in TTFont(changed.fonts.regular).getBestCmap()
    finally:
        spec.write_text(SPEC, encoding="utf-8")


def test_an_unknown_family_is_named_with_suggestions(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text(SPEC.replace(FAMILY, "Noto Sans SC"), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        cb.load(spec)
    err = info.value
    assert err.path == "fonts.regular" and err.line == 2 and "no installed font family 'Noto Sans SC'" in err.message
    assert "Noto Sans CJK SC" in err.hint


def test_fonts_command_lists_families_and_which_cover_a_board(noto_cache, tmp_path):
    rows = {r["family"]: r for r in list_fonts()}
    assert rows[FAMILY]["outlines"] == "CFF" and "Bold" in rows[FAMILY]["styles"]
    spec = tmp_path / "b.yaml"
    spec.write_text(SPEC.replace("社区事务", "社区事务𠀀"), encoding="utf-8")  # U+20000: in no CJK SC font
    r = subprocess.run([sys.executable, "-m", "comicboard", "fonts", str(spec)], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith(FAMILY + "  "))
    assert "lacks 1: 𠀀" in line


@pytest.mark.parametrize("form", ["board", "phone", "handout"])
def test_every_character_layout_sets_is_in_the_converted_faces(noto_board, form):
    """The subset holds the board's text and the words layout adds itself (labels, index, page numbers): every
    character of every set line, in every form of the board, has its glyph in the face of its role."""
    from comicboard.pagelayout import layout
    from comicboard.pagelayout.phone import layout_handout, layout_phone

    _, board = noto_board
    lay = {"board": layout, "phone": layout_phone, "handout": layout_handout}[form](board)
    cmaps = {role: TTFont(getattr(board.fonts, role)).getBestCmap() for role in ("regular", "bold")}
    for page in lay.pages:
        for block in page.text_blocks():
            for line in block.lines:
                missing = {ch for ch in line.text if not ch.isspace() and ord(ch) not in cmaps[block.role]}
                assert not missing, (form, block.kind, line.text, missing)


def test_same_spec_same_bytes_whatever_the_cache(noto_board, tmp_path, monkeypatch):
    """A fresh cache converts again, to the same bytes: the PDF does not depend on where or when it was made."""
    spec, board = noto_board
    cb.render(board, tmp_path / "a.pdf")
    monkeypatch.setenv("COMICBOARD_CACHE_DIR", str(tmp_path / "other-cache"))
    again = cb.load(spec)
    assert again.fonts.regular != board.fonts.regular  # converted anew, elsewhere
    assert Path(again.fonts.regular).read_bytes() == Path(board.fonts.regular).read_bytes()
    cb.render(again, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
