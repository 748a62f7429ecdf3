"""What the README promises of `check`: covered faces, text too small at the viewing distance, no room for the
index. Each is provoked on purpose and must be reported; the sound board must not report it."""

from __future__ import annotations

import dataclasses

import pytest

import comicboard as cb
from comicboard.lint import check as check_with_layout


@pytest.fixture(scope="module")
def board(examples_dir):
    return cb.load(examples_dir / "minimal.yaml")


def codes(problems) -> set[str]:  # noqa: ANN001
    return {p.code for p in problems}


def test_a_bubble_over_a_face_is_reported(board):
    lay = cb.layout(board)
    assert "covered-face" not in codes(check_with_layout(board, lay))
    page = lay.pages[0]
    bubble, figure = page.of_kind("bubble")[0], page.of_kind("figure")[0]
    hx, hy, hw, hh = figure.head
    bubble.bbox = (hx + hw * 0.25, hy + hh * 0.25, bubble.bbox[2], bubble.bbox[3])  # moved onto the face
    found = [p for p in check_with_layout(board, lay) if p.code == "covered-face"]
    assert found and found[0].severity == "error" and figure.who in found[0].message


def test_text_too_small_for_the_viewing_distance_is_reported(board):
    """Only where the user asked for one sheet: by default the board continues on more sheets instead."""
    assert "below-legible" not in codes(cb.check(board))
    far = dataclasses.replace(board, viewing_distance_m=6.0)
    assert "below-legible" not in codes(cb.check(far))
    one = dataclasses.replace(far, fit="one-sheet")
    found = [p for p in cb.check(one) if p.code == "below-legible"]
    assert found and "6 m" in found[0].message and "fit: one-sheet" in found[0].hint


def test_no_room_for_the_index_is_reported(board):
    assert "no-index" not in codes(cb.check(board))
    cat = board.categories[0]
    procs = tuple(dataclasses.replace(cat.procedures[0], title=f"{cat.procedures[0].title}{i}") for i in range(4))
    crowded = dataclasses.replace(board, title="社区居民办事一图通" * 3, size="A5",
                                  categories=(dataclasses.replace(cat, procedures=procs),))
    found = [p for p in cb.check(crowded) if p.code == "no-index"]
    assert found and found[0].hint
