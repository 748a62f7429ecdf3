"""Measuring is a pure function of its inputs: it returns every decision, the runs it had to cut included, and the
same answer from the memo as computed afresh; the text blocks built from it carry those cuts to the warnings."""

import comicboard as cb
from comicboard.pagelayout.memo import clear_memos
from comicboard.pagelayout.typeset import Setter
from comicboard.text.wrap import default_fontset

FS = default_fontset()
WORD = "Verwaltungsgerichtsbarkeit"


def test_measuring_returns_the_runs_it_cut_with_the_size_at_which_each_fits_whole():
    setter = Setter(FS, "zh-Hans")
    size, max_w = 10.0, 60.0
    clear_memos()
    cold = setter.measure("请看" + WORD + "。", max_w, size)
    assert [run for run, _, _ in cold.split] and all(WORD.startswith(run) or run in WORD + "。"
                                                     for run, _, _ in cold.split)
    for run, set_at, fits in cold.split:
        assert set_at == size and fits < size
        assert setter.tight_width(run, fits) <= max_w + 0.01  # whole at the size named
        assert setter.tight_width(run, size) > max_w  # and too wide at the size it was set at
    assert all(setter.tight_width(ln, size) <= max_w + 0.01 for ln in cold.lines)  # every piece fits
    assert "".join(cold.lines) == "请看" + WORD + "。"
    warm = setter.measure("请看" + WORD + "。", max_w, size)
    assert warm == cold  # the memo answers with the same decisions
    assert setter.measure("请看" + WORD, max_w, size, split=False).split == ()  # not cut: nothing to say
    assert not hasattr(setter, "split_words")  # nothing is logged on the side


def test_the_split_word_warning_comes_from_the_text_block_that_holds_the_cut_lines():
    board = cb.Board(title="社区", size="A5", categories=(cb.Category("社区", (cb.Procedure("办理", (
        cb.Step("说明", say=(cb.Speech("worker", "请看" + WORD * 3),)),)),)),))
    lay = cb.layout(board)
    cut_blocks = [b for p in lay.pages for b in p.text_blocks() if b.split]
    warned = [p for p in lay.problems if p.code == "split-word"]
    assert cut_blocks and len(warned) == len({run for b in cut_blocks for run, _, _ in b.split})
    for block in cut_blocks:
        assert block.kind == "bubble_text"
        for run, _, _ in block.split:
            assert any(run in p.message for p in warned)
            assert any(ln.text in run for ln in block.lines)  # the block holds the pieces of what it names
