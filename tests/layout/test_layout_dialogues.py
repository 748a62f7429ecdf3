"""Dialogues of three: a speaker's second bubble and a three-person talk stay readable sentences."""

from __future__ import annotations

import pytest

import comicboard as cb
from comicboard.pagelayout.panel import PanelContext, cramped, plan_panel
from comicboard.pagelayout.strip import plan_strip
from comicboard.pagelayout.typeset import Setter
from comicboard.text.wrap import default_fontset
from tests.layout.invariants import check_composition, check_layout

FS = default_fontset()
CAST = {"mei": cb.CastMember("mei", "小美", look="adult_woman"),
        "ama": cb.CastMember("ama", "黃阿嬤", look="elder_woman")}


def _board(*steps: cb.Step) -> cb.Board:
    return cb.Board(title="和平里", lang="zh-Hant", size="A3", cast=CAST, categories=(cb.Category("里民服務", (
        cb.Procedure("路燈報修", steps, materials=("身分證",), time_limit="3天內修復"),)),))


def _ctx(board: cb.Board) -> PanelContext:
    return PanelContext(board, Setter(FS, board.lang), "里民服務", "路燈報修", 1, board.min_font_size)


ASK_AGAIN = cb.Step("打電話或到里辦公處報修", say=(
    cb.Speech("mei", "巷口路燈壞了，晚上好暗。"), cb.Speech("worker", "請問是幾巷幾號前面？"),
    cb.Speech("mei", "三巷十二號前面。")))


@pytest.mark.parametrize("width", [200, 220, 236, 260])
def test_a_speakers_second_bubble_links_rather_than_squeezing_between_tails(width):
    # The resident speaks again after the worker: her second bubble had only the strip between her first tail
    # and the worker's, and was set three characters a line (三巷|十二號|前面。) in a panel 25 em wide.
    board = _board(ASK_AGAIN)
    plan = plan_panel(_ctx(board), ASK_AGAIN, width, 9.5)
    assert cramped(plan) == 0, [b.lines for b in plan.bubbles]
    assert not plan.tails_crowded


def test_a_three_person_talk_takes_a_panel_the_column_wide_when_narrower_ones_are_cramped():
    # Three speakers in one panel: two panels to a row beside the details card set every bubble in columns of
    # two or three characters; the details under one panel the column's width set them as sentences (that
    # arrangement was never tried: only the two widest counts of panels to a row under the details were).
    talk = cb.Step("長輩和家人一起來詢問", say=(
        cb.Speech("ama", "我今年六十六，能領津貼嗎？"), cb.Speech("mei", "阿嬤，我陪您來問清楚。"),
        cb.Speech("worker", "可以，先看看家庭收入。")))
    board = _board(talk, cb.Step("填寫申請表並附上存摺影本"), cb.Step("區公所審核後按月撥款"))
    cat = board.categories[0]
    plan = plan_strip(_ctx(board), cat, cat.procedures[0], 246, 9.5)
    assert sum(cramped(p) for row in plan.body.rows for p in row) == 0
    assert plan.body.per_row == 1 and plan.body.details_below


def test_when_no_arrangement_is_roomy_the_least_cramped_one_is_taken():
    # Three speakers and a counter: no arrangement keeps every bubble a sentence, but one wide panel keeps
    # all but one; the strip used to fall back to its first arrangement, with every bubble a tower of lines.
    talk = cb.Step("里長查核後蓋章", props=("stamp",), say=(
        cb.Speech("resident", "孫子要清寒證明，拜託一下。"), cb.Speech("mei", "好，我查一下資料就蓋章。"),
        cb.Speech("ama", "里長真是熱心啊！", "thought")))
    board = _board(cb.Step("到里辦公處提出申請"), talk)
    cat = board.categories[0]
    plan = plan_strip(_ctx(board), cat, cat.procedures[0], 246, 9.5)
    assert sum(cramped(p) for row in plan.body.rows for p in row) <= 1


def test_a_board_of_three_person_talks_lays_out_soundly():
    talk = cb.Step("長輩和家人一起來詢問", say=(
        cb.Speech("ama", "我今年六十六，能領津貼嗎？"), cb.Speech("mei", "阿嬤，我陪您來問清楚。"),
        cb.Speech("worker", "可以，先看看家庭收入。")))
    lay = cb.layout(_board(talk, ASK_AGAIN, cb.Step("區公所審核後按月撥款")))
    assert check_layout(lay) == [] and check_composition(lay) == []
    for page in lay.pages:
        for b in page.of_kind("bubble"):  # the examples' bar: no bubble a column of a few letters a line
            widest = max(ln.bbox[2] for ln in b.lines)
            assert len(b.lines) <= 2 or widest >= 3.9 * b.text.font_size, [ln.text for ln in b.lines]
