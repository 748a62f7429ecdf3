"""Text that cannot fit is reported by name, with the size it would need; it is never clipped."""

import re

import comicboard as cb
from comicboard.pagelayout.phone import layout_phone
from tests.layout.invariants import check_layout

WORD = "Verwaltungsgerichtsbarkeitsverfahrensordnung" * 2


def _board() -> cb.Board:
    return cb.Board(title="社区", size="A5", viewing_distance_m=0.3,  # a handout, read close
                    categories=(cb.Category("社区", (cb.Procedure("办理", (
        cb.Step("说明", say=(cb.Speech("worker", "请看" + WORD),)), cb.Step("领取"))),)),))


def test_a_word_too_wide_even_at_the_minimum_size_is_reported_where_it_is_with_the_size_it_needs():
    board_lay = cb.layout(_board())
    assert check_layout(board_lay) == []  # cut, so every line stays inside its bubble
    for lay in (board_lay, layout_phone(_board())):
        found = [p for p in lay.problems if p.code == "split-word"]
        assert found, lay.problems
        p = found[0]
        assert p.where == "社区 / 办理 / step 1 / worker"
        set_at, fits = (float(v) for v in re.findall(r"at (\d+\.\d) pt", p.message))
        assert fits < set_at
        # The size named is right: the word set at that size is no wider than the line it was cut for.
        lines = [ln for it in lay.pages[-1].text_blocks() if it.kind == "bubble_text" for ln in it.lines]
        widest_line = max(ln.bbox[2] for ln in lines)
        word_w = lay.fonts.width(WORD) * fits
        assert word_w <= widest_line * 1.02 + 1


def test_a_banner_that_fills_the_page_is_named_not_given_a_negative_height():
    board = cb.Board(title="居住证明", size="A5", min_font_size=72,
                     categories=(cb.Category("社区事务", (cb.Procedure("开具居住证明", (cb.Step("核实"),)),)),))
    tall = [p for p in cb.layout(board).problems if p.code == "strip-too-tall"]
    assert tall and all("no room" in p.message and " -" not in p.message for p in tall)
    assert "min_font_size" in tall[0].hint
