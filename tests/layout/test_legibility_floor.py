"""Every example's text meets the legibility floor at its viewing distance, read from its layout JSON: the floor is
computed here from the rule (a character subtends 5.18' x 2 x 2 = 20.7', its height is the median ink height of the
language's frequent characters in the bundled font), not taken from the code. A board that asks for one sheet gets
one, with a warning when its text goes below the floor."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

import comicboard as cb
from tests.layout.test_legibility_model import ARCMIN, ink_height_em

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def distance_from_the_rule(board: cb.Board) -> float:
    """The spec's viewing distance, else the sheet's diagonal within 0.3 m (hand-held) and 1 m (a notice board)."""
    if board.viewing_distance_m is not None:
        return board.viewing_distance_m
    w, h = board.page_size_mm
    return min(1.0, max(0.3, math.hypot(w, h) / 1000))


def floor_from_the_rule(distance_m: float, lang: str) -> float:
    """Points at which a character of `lang` subtends the floor angle at `distance_m`."""
    height_mm = 2 * distance_m * 1000 * math.tan(math.radians(ARCMIN / 60) / 2)
    return height_mm / ink_height_em(lang) * 72 / 25.4


@pytest.fixture(scope="module", params=[p.name for p in EXAMPLES])
def example(request):
    board = cb.load(ROOT / "examples" / request.param)
    return board, json.loads(cb.layout(board).dumps())


def test_every_text_on_every_sheet_meets_the_floor(example):
    board, data = example
    floor = floor_from_the_rule(distance_from_the_rule(board), board.lang)
    assert floor > 18 * distance_from_the_rule(board)  # about 6 mm characters at a metre, not the 3 mm of 8 pt
    sizes = [(item["font_size"], item["kind"], item.get("where", ""))
             for page in data["pages"] for item in page["items"] if "font_size" in item]
    assert sizes
    too_small = [s for s in sizes if s[0] < floor - 0.01]
    assert too_small == [], f"floor {floor:.2f} pt"
    if len(data["pages"]) > 1:  # more sheets only when needed: the smallest text is then at the floor, not above
        assert min(s[0] for s in sizes) == pytest.approx(floor, abs=0.06)


def test_one_sheet_when_asked_with_a_warning_that_text_is_below_the_floor():
    board = cb.load(ROOT / "examples" / "ja.yaml")
    assert len(cb.layout(board).pages) > 1
    lay = cb.layout(dataclasses.replace(board, fit="one-sheet"))
    assert len(lay.pages) == 1
    floor = floor_from_the_rule(distance_from_the_rule(board), board.lang)
    smallest = min(b.font_size for b in lay.pages[0].text_blocks())
    assert board.min_font_size - 0.01 <= smallest < floor
    found = [p for p in lay.problems if p.code == "below-legible"]
    assert len(found) == 1 and "continued" not in {p.code for p in lay.problems}
    reads_from = float(found[0].message.split("about ")[1].split(" m")[0])
    assert reads_from == pytest.approx(distance_from_the_rule(board) * smallest / floor, abs=0.01)


def test_a_nearer_reader_needs_fewer_sheets():
    board = cb.load(ROOT / "examples" / "gongrenjie.yaml")
    far, near = (cb.layout(dataclasses.replace(board, viewing_distance_m=d)) for d in (1.0, 0.6))
    assert len(near.pages) < len(far.pages)
    assert min(b.font_size for p in near.pages for b in p.text_blocks()) >= floor_from_the_rule(0.6, "zh-Hans") - 0.01
