"""The planner's search skips only what cannot win: a panel is never lower than the floor the search reads before
planning it, and rows given up for being too tall would have been at least that tall."""

import pytest

import comicboard as cb
from comicboard.pagelayout.panel import PanelContext, height_floor, plan_panel
from comicboard.pagelayout.strip import _panel_rows
from comicboard.pagelayout.typeset import Setter
from comicboard.text.wrap import default_fontset

FS = default_fontset()
EXAMPLES = ["examples/gongrenjie.yaml", "examples/ja.yaml", "examples/ko.yaml", "examples/zh-hant.yaml",
            "examples/ja-tategaki.yaml"]


def _ctx(board: cb.Board) -> PanelContext:
    return PanelContext(board, Setter(FS, board.lang, frozenset(board.terms)), "c", "p", 1, board.min_font_size)


@pytest.mark.parametrize("spec", EXAMPLES)
def test_no_panel_is_lower_than_its_floor(spec):
    board = cb.load(spec)
    ctx = _ctx(board)
    steps = [step for _, proc in board.procedures() for step in proc.steps][:24]
    checked = 0
    for s in (8.0, 9.41, 12.3):
        for width in (7.5 * s, 11 * s, 16 * s, 30 * s):
            for step in steps:
                plan = plan_panel(ctx, step, width, s)
                floor = height_floor(ctx, step, width, s)
                assert plan.height >= floor - 1e-9, (step.caption, width, s, plan.height, floor)
                checked += floor > 0
    assert checked  # the floor is not a bare zero everywhere


@pytest.mark.parametrize("spec", EXAMPLES[:3])
def test_rows_given_up_for_a_bound_are_at_least_that_tall(spec):
    board = cb.load(spec)
    ctx = _ctx(board)
    s = 9.41
    gave_up = 0
    for _, proc in board.procedures():
        for per_row in range(1, len(proc.steps) + 1):
            full = _panel_rows(ctx, proc, 280.0, per_row, s)
            assert full is not None
            rows, _, _ = full
            panels_h = sum(max(p.height for p in row) for row in rows) + (len(rows) - 1) * 0.9 * s
            for details_h, below in ((0.0, True), (60.0, False), (200.0, False)):
                body_h = details_h + 0.4 * s + panels_h if below else max(details_h, panels_h)
                # Any guess of which panels are tallest (planned first) gives up the same rows, or none.
                n = len(proc.steps)
                for prior in (None, [float(i) for i in range(n)], [float(i % 3) for i in range(n)]):
                    for least in (0.8 * body_h, body_h + 0.5, 1.3 * body_h):
                        bounded = _panel_rows(ctx, proc, 280.0, per_row, s, bound=(least, details_h, below),
                                              prior=prior)
                        if bounded is None:
                            gave_up += 1
                            assert body_h >= least - 1e-9
                        else:
                            assert bounded == full
    assert gave_up


@pytest.mark.parametrize("spec", EXAMPLES[:4])
def test_bubbles_above_the_people_never_make_a_panel_lower_than_their_floor(spec):
    # The search keeps bubbles beside the people without planning them above when that floor says above cannot win.
    from comicboard.pagelayout.panel import _above_floor, _draft, _pad, _plan_above

    board = cb.load(spec)
    ctx = _ctx(board)
    steps = [step for _, proc in board.procedures() for step in proc.steps][:24]
    for s in (8.0, 9.41, 12.3):
        for width in (7.5 * s, 11 * s, 20 * s):
            for step in steps:
                draft = _draft(ctx, step, width, s, caption=True)
                above = _plan_above(ctx, draft, width - 2 * _pad(s), s)
                floor = _above_floor(draft, ctx.min_size)
                assert above.height >= floor - 1e-9, (step.caption, width, s, above.height, floor)
