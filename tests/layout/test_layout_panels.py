"""Panels planned alone: the scene and a vertical caption share the panel's width."""

from __future__ import annotations

import pytest

import comicboard as cb
from comicboard.pagelayout.panel import PanelContext, plan_panel
from comicboard.pagelayout.typeset import Setter
from comicboard.text.wrap import default_fontset

FS = default_fontset()
CAPTION = "過後領記資料審核通人“人員5核通處辦理登記《本到里辦公請攜帶身分證正本到里辦公處辦理登記資料審核通過後"


def _ctx(board: cb.Board) -> PanelContext:
    return PanelContext(board, Setter(FS, board.lang), "社区", "办理", 1, board.min_font_size)


def _vertical_panel(width: float, n: int, s: float):
    board = cb.Board(title="社区", lang="zh-Hant", writing="vertical", categories=(cb.Category("社区", (
        cb.Procedure("办理", (cb.Step(CAPTION[:n], say=(cb.Speech("worker", "0311-86012345", "shout"),)),)),)),))
    return plan_panel(_ctx(board), board.categories[0].procedures[0].steps[0], width, s)


@pytest.mark.parametrize("width", range(150, 205, 5))
@pytest.mark.parametrize("n", [14, 22, len(CAPTION)])
def test_a_vertical_caption_and_the_scene_share_the_panel_width(width, n):
    # A long caption in a narrow panel asks for more columns each time the scene beside it is re-planned;
    # the scene must be planned for the width the caption box finally takes (170 pt, 14 characters: it was
    # planned for four columns' room beside a box of six, and the bubble stuck out of the panel).
    plan = _vertical_panel(width, n, 9.4)
    if plan.side is not None:
        assert plan.side.width + plan.side.scene.width == pytest.approx(width, abs=0.01)
        for b in plan.bubbles:
            assert b["x"] >= -0.01 and b["x"] + b["w"] <= plan.side.scene.width + 0.01
