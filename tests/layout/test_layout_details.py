"""Details cards read as set text, not typed with spaces: measured from the geometry of every example and of
boards written in each language (narrow A4 cards among them). Two neighbouring letters (ideographs, kana,
hangul) of a card's line stand no further apart than the font sets them side by side, plus MAX_EXTRA_EM; labels
are bold blocks of their own, read before their values; a card narrower than RAGGED_EM is ragged."""

from __future__ import annotations

import pytest

import comicboard as cb
from comicboard.pagelayout.details import RAGGED_EM
from comicboard.pagelayout.labels import labels
from comicboard.text.spacing import set_line
from tests.layout.written import LANGS, written_board

DETAIL_KINDS = ("summary", "materials", "time_limit", "location", "phone", "basis", "detail_label")
MAX_EXTRA_EM = 0.08  # justification may open gaps this small (0.06 em asked, some slack for rounding)
TOL = 0.6


def _letter(c: str) -> bool:
    o = ord(c)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7A3 or 0xF900 <= o <= 0xFAFF


def _boards(examples_dir) -> list[tuple[str, cb.Board]]:  # noqa: ANN001
    found = [(p.name, cb.load(p)) for p in sorted(examples_dir.glob("*.yaml")) if "template" not in p.name]
    for lang in LANGS:
        found += [(f"written-{lang}-{size}", written_board(lang, size)) for size in ("A2", "A4")]
    return found


@pytest.fixture(scope="module")
def laid(examples_dir):  # noqa: ANN001
    return [(name, cb.layout(board)) for name, board in _boards(examples_dir)]


def _spacing(lay: cb.Layout, block) -> list[tuple[float, str]]:  # noqa: ANN001 - a TextBlock
    """(extra space in em, line) between each pair of neighbouring letters of the block's lines."""
    out = []
    for ln in block.lines:
        for i in range(len(ln.text) - 1):
            a, b = ln.text[i], ln.text[i + 1]
            if _letter(a) and _letter(b):
                pair = set_line(a + b, lang=lay.board.lang, fontset=lay.fonts, role=block.role, size=block.font_size)
                out.append(((ln.xs[i + 1] - ln.xs[i] - (pair.xs[1] - pair.xs[0])) / block.font_size, ln.text))
    return out


def test_no_card_line_is_letter_spaced(laid):
    pairs = 0
    for name, lay in laid:
        for page in lay.pages:
            for it in page.items:
                if getattr(it, "kind", "") in DETAIL_KINDS and hasattr(it, "lines"):
                    for extra, text in _spacing(lay, it):
                        assert extra <= MAX_EXTRA_EM, (name, it.kind, text, round(extra, 3))
                        pairs += 1
    assert pairs > 500


def test_narrow_cards_are_ragged_and_exist(laid):
    """Some written board has a narrow card (the check runs), and in it no line is stretched to the edge:
    every line but those a term or a hung mark fills ends short of the measure or exactly at it, unstretched."""
    narrow = 0
    for name, lay in laid:
        for page in lay.pages:
            for card in page.of_kind("details_box"):
                blocks = [it for it in page.items if getattr(it, "kind", "") in DETAIL_KINDS
                          and hasattr(it, "lines") and _inside(it.bbox, card.bbox)]
                if not blocks or card.bbox[2] >= RAGGED_EM * blocks[0].font_size:
                    continue
                narrow += 1
                for b in blocks:
                    assert all(e <= 1e-6 for e, _ in _spacing(lay, b)), (name, b.kind)
    assert narrow >= 2


def _inside(inner, outer) -> bool:  # noqa: ANN001
    return (outer[0] - TOL <= inner[0] and inner[0] + inner[2] <= outer[0] + outer[2] + TOL
            and outer[1] - TOL <= inner[1] and inner[1] + inner[3] <= outer[1] + outer[3] + TOL)


def test_labels_are_bold_and_come_first(laid):
    seen = 0
    for name, lay in laid:
        lab = labels(lay.board.lang)
        names = {lab[k] + lab["colon"] for k in ("materials", "time_limit", "location", "phone", "basis")}
        for page in lay.pages:
            items = page.items
            for i, it in enumerate(items):
                if getattr(it, "kind", "") != "detail_label":
                    continue
                assert it.role == "bold" and it.lines[0].text in names, (name, it.lines[0].text)
                value = items[i + 1]
                assert getattr(value, "kind", "") in DETAIL_KINDS[1:-1], name  # its value follows it
                first, head = value.lines[0], it.lines[0]
                if first.baseline == pytest.approx(head.baseline):  # after it on its line
                    assert first.bbox[0] >= head.bbox[0] + head.bbox[2] - TOL, name
                else:  # or from the next line on, when the label filled its line
                    assert first.baseline > head.baseline, name
                seen += 1
    assert seen >= 50


def test_hung_marks_stay_inside_the_card(laid):
    for name, lay in laid:
        for page in lay.pages:
            for card in page.of_kind("details_box"):
                for it in page.items:
                    if getattr(it, "kind", "") in DETAIL_KINDS and hasattr(it, "lines") and _inside(
                            (it.bbox[0], it.bbox[1], 0, 0), card.bbox):
                        for ln in it.lines:
                            assert ln.bbox[0] + ln.bbox[2] <= card.bbox[0] + card.bbox[2] + TOL, (name, ln.text)
                            assert _inside(ln.bbox, it.bbox), (name, ln.text)


def test_material_icons_are_large_beside_the_text(laid):
    """A picture of what to bring is at least 2.5 em of its card's text wide (recognisable from a step back)."""
    seen = 0
    for name, lay in laid:
        for page in lay.pages:
            for card in page.of_kind("details_box"):
                texts = [it for it in page.items if getattr(it, "kind", "") == "materials"
                         and _inside(it.bbox, card.bbox)]
                icons = [it for it in page.of_kind("icon") if it.extra.get("for") == "materials"
                         and _inside(it.bbox, card.bbox)]
                for icon in icons:
                    assert icon.bbox[2] >= 2.5 * texts[0].font_size - 0.01, (name, icon.extra["name"])
                    seen += 1
    assert seen >= 20


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "ja"])
def test_a_narrow_card_hangs_a_mark_rather_than_break_before_it(lang):
    """A comma that would start a line (which no CJK rule allows) hangs past the measure at the end of the line
    before, into the card's padding (burasagari), instead of pushing the word before it down."""
    from comicboard.fonts import fontset_for
    from comicboard.pagelayout.details import HANG_ROOM, measure_entry
    from comicboard.pagelayout.typeset import Setter

    setter = Setter(fontset_for(cb.FontChoice()), lang, frozenset())
    size, s = 10.0, 10.0 / 0.85
    first = "身份证复印件" if lang == "zh-Hans" else "身分證影本" if lang == "zh-Hant" else "本人確認書類"
    width = setter.width(first, size) + 0.1 * s  # the measure holds the word, not the comma after it
    entry = measure_entry(setter, first + "、户口本、银行卡", width, size, s)
    # Every line as set stays inside the entry's box, the hung mark included.
    assert all(setter.tight_width(ln, size) <= entry.box_w + 0.01 for ln in entry.lines), entry.lines
    if lang == "zh-Hant":
        # Traditional Chinese centres its marks in the em: at a line's end 、 keeps a full em, more than the
        # card's padding can take, so it is not hung (the word goes down with it instead).
        assert entry.lines[0].rstrip(" ") != first + "、", entry.lines
        return
    assert entry.lines[0].rstrip(" ") == first + "、", entry.lines
    assert entry.align == "left" and entry.box_w <= width + HANG_ROOM * s + 0.01
    plain = setter.measure(first + "、户口本、银行卡", width, size).lines
    assert plain[0] != first + "、"  # without hanging, the comma could not end this line
