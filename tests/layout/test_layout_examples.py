"""Every example board lays out with no broken invariant and shows every string it was given."""

from __future__ import annotations

from pathlib import Path

import pytest

import comicboard as cb
from tests.layout.invariants import (
    check_composition,
    check_decorations,
    check_layout,
    check_props,
    missing_strings,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="module", params=[p.name for p in EXAMPLES])
def laid_out(request):
    return cb.layout(cb.load(ROOT / "examples" / request.param))


def test_examples_exist():
    names = {p.name for p in EXAMPLES}
    assert {"gongrenjie.yaml", "minimal.yaml", "zh-hant.yaml", "ja.yaml", "ko.yaml"} <= names


def test_invariants(laid_out):
    assert check_layout(laid_out) == []
    assert check_decorations(laid_out) == []
    assert check_composition(laid_out) == []
    assert check_props(laid_out) == []


def test_urls_and_props_are_drawn():
    lay = cb.layout(cb.load(ROOT / "examples" / "gongrenjie.yaml"))
    urls = {p.url for _, p in lay.board.procedures() if p.url}
    drawn = {q.extra["url"] for page in lay.pages for q in page.of_kind("qr")}
    assert urls and drawn == urls
    n_props = sum(min(len(s.props), 3) for _, p in lay.board.procedures() for s in p.steps)
    panel_icons = [i for page in lay.pages for i in page.of_kind("icon") if i.extra.get("for") is None]
    assert n_props and len(panel_icons) == n_props
    material_icons = [i for page in lay.pages for i in page.of_kind("icon") if i.extra.get("for") == "materials"]
    assert any(i.extra["name"] == "id_card" for i in material_icons)


def test_every_example_is_clean_but_for_continuing_on_more_sheets(laid_out):
    """No warning but "continued", and that one exactly when the board needs more than one sheet at the
    legible size; it counts the sheets and offers a way to one sheet."""
    assert [p.message for p in laid_out.problems if p.code != "continued"] == []
    continued = [p for p in laid_out.problems if p.code == "continued"]
    assert len(continued) == (len(laid_out.pages) > 1)
    for p in continued:
        assert p.details["sheets"] == len(laid_out.pages) and f"{len(laid_out.pages)} sheets" in p.message
        assert 0.3 <= p.details["viewing_distance_m"] < laid_out.board.reading_distance_m
        assert "viewing_distance_m:" in p.hint and "fit: one-sheet" in p.hint


def test_every_sheet_is_a_whole_board(laid_out):
    """Each sheet of a board over several: its banner and title, category bands heading every column, and the
    footer marked with the sheet's number of the count."""
    pages = laid_out.pages
    for page in pages:
        assert [b.kind for b in page.text_blocks()].count("title") == 1
        assert page.of_kind("banner") and page.of_kind("footer_band")
        bands = {round(b.bbox[0], 1) for b in page.of_kind("category_band")}
        cards = {round(c.bbox[0], 1) for c in page.of_kind("card")}
        assert cards <= bands  # no column without its category's band
        if len(pages) > 1:
            footer = " ".join(ln.text for b in page.text_blocks() if b.kind == "footer" for ln in b.lines)
            assert str(page.number) in footer and str(len(pages)) in footer


def test_speech_reads_as_sentences_not_columns_of_letters(laid_out):
    """A bubble of three lines or more holds lines about four letters wide, and no line but the last holds a
    single letter: the strip gives such panels more room (fewer to a row, or the details card below)."""
    cramped = []
    for page in laid_out.pages:
        for bubble in page.of_kind("bubble"):
            lines = bubble.lines
            size = bubble.text.font_size
            widest = max(ln.bbox[2] for ln in lines)
            lone = [ln.text for ln in lines[:-1] if sum(ch.isalnum() for ch in ln.text) <= 1]
            if len(lines) > 2 and (widest < 3.9 * size or lone):
                cramped.append("|".join(ln.text for ln in lines))
    assert cramped == []


def test_columns_start_at_the_same_height(laid_out):
    """Each column's first block (a category band, or a procedure card under a band repeated above it) starts at the
    top of the body, so the bands of neighbouring columns line up as one row."""
    for page in laid_out.pages:
        tops: dict[float, float] = {}
        for item in page.items:
            if item.kind in ("category_band", "card"):
                x = round(item.bbox[0], 1)
                tops[x] = min(tops.get(x, item.bbox[1]), item.bbox[1])
        assert tops and max(tops.values()) - min(tops.values()) < 0.5, tops


def test_a_category_band_stays_with_the_strip_it_heads(laid_out):
    """Spare room in a column widens the gaps between strips, not the one under a band."""
    for page in laid_out.pages:
        cards = [c.bbox for c in page.items if c.kind == "card"]
        for band in (b.bbox for b in page.items if b.kind == "category_band"):
            bottom = band[1] + band[3]
            below = [c[1] - bottom for c in cards if abs(c[0] - band[0]) < 0.5 and c[1] >= bottom - 0.01]
            assert below and min(below) < 0.4 * band[3], (band, sorted(below)[:1])


def test_every_string_is_shown(laid_out):
    assert missing_strings(laid_out) == []


def test_no_errors_reported(laid_out):
    assert [p for p in laid_out.problems if p.severity == "error"] == []


def test_gongrenjie_continues_on_seven_a1_sheets_at_a_metre():
    """26 procedures with text readable from a metre: seven A1 sheets, every panel on one of them once."""
    lay = cb.layout(cb.load(ROOT / "examples" / "gongrenjie.yaml"))
    assert len(lay.pages) == 7
    for page in lay.pages:
        assert (round(page.width), round(page.height)) == (1684, 2384)  # A1 portrait in points
    panels = [p for page in lay.pages for p in page.of_kind("panel")]
    assert len(panels) == sum(len(p.steps) for _, p in lay.board.procedures())
    # Reading order: procedure numbers never go back from one sheet to the next.
    firsts = [min(int(b.lines[0].text) for b in page.text_blocks() if b.kind == "procedure_number")
              for page in lay.pages]
    assert firsts == sorted(firsts) and firsts[0] == 1


def test_layout_json_contract():
    lay = cb.layout(cb.load(ROOT / "examples" / "minimal.yaml"))
    data = lay.to_json()
    assert data["units"] == "pt"
    page = data["pages"][0]
    assert {"width", "height", "trim_box", "bleed", "safe_box", "items"} <= set(page)
    kinds = {it["kind"] for it in page["items"]}
    assert {"panel", "figure", "bubble", "title"} <= kinds
    for it in page["items"]:
        assert len(it["bbox"]) == 4
        if it["kind"] == "figure":
            assert {"who", "look", "head"} <= set(it)
        if it["kind"] == "bubble":
            assert {"speaker", "style", "tail_tip", "lines"} <= set(it)
        if "lines" in it:
            assert all({"text", "bbox"} <= set(ln) for ln in it["lines"])


def test_banner_holds_a_numbered_index_of_every_procedure():
    lay = cb.layout(cb.load(ROOT / "examples" / "gongrenjie.yaml"))
    page = lay.pages[0]
    entries = [ln.text for b in page.text_blocks() if b.kind == "index" for ln in b.lines]
    titles = [p.title for _, p in lay.board.procedures()]
    assert [e.lstrip("\u2007") for e in entries] == [f"{i}\u00a0{t}" for i, t in enumerate(titles, 1)]
    # Titles line up: every entry's number takes the width of the largest number (figure spaces before).
    for b in page.text_blocks():
        if b.kind == "index":
            lefts = {ln.xs[ln.text.index("\u00a0") + 1] for ln in b.lines}
            assert max(lefts) - min(lefts) < 0.01, lefts
    banner = page.of_kind("banner")[0]
    title = next(b for b in page.text_blocks() if b.kind == "title")
    for b in page.text_blocks():
        if b.kind == "index":
            assert b.bbox[1] + b.bbox[3] <= banner.bbox[1] + banner.bbox[3]
            for ln in b.lines:  # beside the title, never over it
                t = title.lines[0].bbox
                assert ln.bbox[0] + ln.bbox[2] <= t[0] or ln.bbox[0] >= t[0] + t[2]


def test_every_category_band_has_an_icon():
    lay = cb.layout(cb.load(ROOT / "examples" / "gongrenjie.yaml"))
    for page in lay.pages:
        bands = page.of_kind("category_band")
        icons = [i for i in page.of_kind("icon") if i.extra.get("for") == "category"]
        assert bands and len(icons) == len(bands)


def test_tategaki_board_sets_titles_and_captions_in_columns_inside_their_boxes():
    lay = cb.layout(cb.load(ROOT / "examples" / "ja-tategaki.yaml"))
    page = lay.pages[0]
    titles = [b for b in page.text_blocks() if b.kind == "procedure_title"]
    captions = [b for b in page.text_blocks() if b.kind == "caption"]
    assert titles and captions
    assert all(b.writing == "vertical" for b in titles + captions)
    assert all(b.writing == "horizontal" for b in page.text_blocks() if b.kind == "bubble_text")
    boxes = [it.bbox for it in page.of_kind("caption_box")]
    bars = [it.bbox for it in page.of_kind("title_bar")]
    for block in captions:
        assert any(_inside(block.bbox, f) for f in boxes), block.where
    for block in titles:
        assert any(_inside(block.bbox, f) for f in bars), block.where
        xs = [ln.bbox[0] for ln in block.lines]
        assert xs == sorted(xs, reverse=True)  # columns read right to left
        for ln in block.lines:
            assert ln.bbox[3] <= block.bbox[3] + 0.01  # each column within the bar's height


def _inside(a, b, tol=0.01):
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[0] + a[2] <= b[0] + b[2] + tol \
        and a[1] + a[3] <= b[1] + b[3] + tol
