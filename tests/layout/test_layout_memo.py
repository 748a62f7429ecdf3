"""The planner's memos change nothing but the time: a board laid out with every plan remembered is the board laid
out from nothing, and the words it had to split are still reported."""

import dataclasses

import comicboard as cb
from comicboard.pagelayout import Layout
from comicboard.pagelayout.memo import MEMOS, clear_memos
from comicboard.pagelayout.phone import layout_phone

WORD = "Verwaltungsgerichtsbarkeitsverfahrensordnung" * 2


def _board(second: str = "领取") -> cb.Board:
    return cb.Board(title="社区", size="A5", categories=(cb.Category("社区", (cb.Procedure("办理", (
        cb.Step("说明", say=(cb.Speech("worker", "请看" + WORD),)), cb.Step(second))),)),))


def _cold(board: cb.Board) -> Layout:
    clear_memos()
    return cb.layout(board)


def test_a_board_laid_out_again_is_the_board_laid_out_cold_with_the_same_warnings():
    cold = _cold(_board())
    misses = sum(m.misses for m in MEMOS.values())
    warm = cb.layout(_board())
    assert sum(m.misses for m in MEMOS.values()) == misses  # planned from the memo alone
    assert warm.dumps() == cold.dumps()
    assert [p.code for p in warm.problems].count("split-word") == 1
    phone = layout_phone(_board())  # the phone layout measures the same texts from the memo
    assert any(p.code == "split-word" for p in phone.problems)


def test_an_edited_step_lays_out_as_if_nothing_were_remembered():
    cb.layout(_board())
    edited = _board("领取证明并签字")
    warm = cb.layout(edited)
    assert warm.dumps() == _cold(edited).dumps()


def test_an_example_laid_out_twice_in_one_process_is_the_same_board():
    board = cb.load("examples/ko.yaml")
    first = _cold(board).dumps()
    # The same board as another object (another procedure order would be another board).
    again = dataclasses.replace(board, title=board.title)
    assert cb.layout(again).dumps() == first
