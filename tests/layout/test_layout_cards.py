"""A grid without holes, measured from the layout JSON of every example, of boards written in each language (A2
and narrow A4), and of boards hypothesis draws: a procedure's card (its title bar, details card and panels) leaves
at most 15% of its area empty; the columns of a sheet end level; no sheet of several ends half empty.

A card's area in use is the union of its title bar, details card and panels, over the card's area: its padding and
the gutters between panels count as empty, so the bar holds only when the details card and the panels share the
card's height (a details card beside taller panels takes their height, and the other way round).
"""

from __future__ import annotations

import statistics

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from shapely.geometry import box as sbox

import comicboard as cb
from tests.layout.test_layout_generated import boards
from tests.layout.written import LANGS, written_board
from tests.needs import examples

TOL = 0.6  # pt: rounding in the JSON
CARD_USE = 0.85  # the bar: at most 15% of a card's area empty
LEVEL = 0.03  # columns of a sheet end within this share of the sheet's body height of each other
# A sheet of several is at least this full (the mean of its columns' heights over the body's). The board's sheets
# are as many as its content needs at the legibility floor, so all but the last could be full; a sheet with less on
# it fills by its strips growing, not by leaving its foot blank. 0.9, not 1: a column may keep a little air (up to
# the gaps of `_column_items`) above its foot.
SHEET_FILL = 0.9


def _rect(b):  # noqa: ANN001, ANN202 - [x, y, w, h]
    return sbox(b[0], b[1], b[0] + b[2], b[1] + b[3])


def _inside(b, c) -> bool:  # noqa: ANN001
    return (b[0] >= c[0] - TOL and b[1] >= c[1] - TOL and b[0] + b[2] <= c[0] + c[2] + TOL
            and b[1] + b[3] <= c[1] + c[3] + TOL)


def card_use(doc: dict) -> list[tuple[str, float]]:
    """(procedure, share of its card's area covered by its title bar, details card and panels) for every card."""
    out = []
    for page in doc["pages"]:
        items = page["items"]
        for card in (it for it in items if it["kind"] == "card"):
            cbox = card["bbox"]
            parts = [_rect(it["bbox"]) for it in items
                     if it["kind"] in ("title_bar", "details_box", "panel") and _inside(it["bbox"], cbox)]
            used = shapely.union_all(parts).area if parts else 0.0
            out.append((card.get("procedure", "?"), used / (cbox[2] * cbox[3])))
    return out


def column_ends(page: dict) -> tuple[list[float], float, float]:
    """(where each column's last band or card ends, the columns' top, the body's foot: the footer band's top)."""
    ends: dict[int, float] = {}
    tops = []
    for it in page["items"]:
        if it["kind"] in ("card", "category_band"):
            x, y, _, h = it["bbox"]
            key = next((k for k in ends if abs(k - x) <= 1.0), round(x))
            ends[key] = max(ends.get(key, 0.0), y + h)
            tops.append(y)
    foot = next(it["bbox"][1] for it in page["items"] if it["kind"] == "footer_band")
    return list(ends.values()), min(tops, default=foot), foot


def spreads(doc: dict) -> list[float]:
    """Per sheet, how far its columns end apart, over its body's height."""
    out = []
    for page in doc["pages"]:
        ends, top, foot = column_ends(page)
        if ends:
            out.append((max(ends) - min(ends)) / (foot - top))
    return out


def fills(doc: dict, ncols: int) -> list[float]:
    """Per sheet, the mean height of its `ncols` columns over the body's height (a column with nothing: 0)."""
    out = []
    for page in doc["pages"]:
        ends, top, foot = column_ends(page)
        out.append(sum(e - top for e in ends) / (max(ncols, len(ends)) * (foot - top)))
    return out


def _columns_of(doc: dict) -> int:
    """How many columns the board's sheets have (the most any sheet shows)."""
    return max(len(column_ends(p)[0]) for p in doc["pages"])


def _boards(examples_dir):  # noqa: ANN001, ANN202
    out = [(p.name, cb.load(p)) for p in sorted(examples_dir.glob("*.yaml")) if "template" not in p.name]
    out += [(f"written-{lang}-{size}", written_board(lang, size)) for lang in LANGS for size in ("A2", "A4")]
    return out


@pytest.fixture(scope="module")
def laid(examples_dir) -> dict[str, dict]:  # noqa: ANN001
    return {name: cb.layout(board).to_json() for name, board in _boards(examples_dir)}


def test_every_card_is_at_least_85_percent_in_use(laid):
    seen = []
    for name, doc in laid.items():
        uses = card_use(doc)
        assert uses, name
        seen += [u for _, u in uses]
        low = [(proc, round(u, 3)) for proc, u in uses if u < CARD_USE]
        assert not low, (name, low)
    assert statistics.median(seen) >= CARD_USE


def test_the_columns_of_every_sheet_end_level(laid):
    for name, doc in laid.items():
        assert all(s <= LEVEL for s in spreads(doc)), (name, [round(s, 3) for s in spreads(doc)])


def test_no_column_runs_past_the_body_into_the_footer(laid):
    for name, doc in laid.items():
        for page in doc["pages"]:
            ends, _, foot = column_ends(page)
            assert max(ends) <= foot + TOL, (name, page.get("number"), max(ends), foot)


def test_no_sheet_of_several_ends_half_empty(laid):
    several = [name for name, doc in laid.items() if len(doc["pages"]) > 1]
    assert several  # the check runs: some example continues on more sheets
    for name in several:
        doc = laid[name]
        got = fills(doc, _columns_of(doc))
        assert min(got) >= SHEET_FILL, (name, [round(f, 3) for f in got])


def test_a_details_card_beside_taller_panels_sets_its_text_larger(laid):
    """The card takes the panels' height by type, not only by air: some details card of the examples is set larger
    than the smallest details text of its board, and none smaller."""
    grown = False
    for doc in laid.values():
        sizes = [it["font_size"] for page in doc["pages"] for it in page["items"] if it["kind"] == "time_limit"]
        grown = grown or (sizes and max(sizes) > 1.05 * min(sizes))
    assert grown


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(board=boards())
def test_unseen_boards_end_their_columns_level_and_fill_their_sheets(board):
    lay = cb.layout(board)
    if any(p.severity == "error" for p in lay.problems):
        return  # refused by name (test_layout_generated), never drawn
    doc = lay.to_json()
    assert all(s <= LEVEL for s in spreads(doc)), [round(s, 3) for s in spreads(doc)]
    if len(doc["pages"]) > 1:
        assert min(fills(doc, _columns_of(doc))) >= SHEET_FILL
