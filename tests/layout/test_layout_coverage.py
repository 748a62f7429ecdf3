"""How much of each panel is drawn, measured from the layout JSON of every example and of boards written in each
language: the union of people, bubbles, captions, props (held or on a counter) and the setting's furniture
(`elements` of the `scene` item), over the panel's area. The wall and floor tints behind them do not count."""

from __future__ import annotations

import statistics

import pytest
import shapely
from shapely.geometry import box as sbox

import comicboard as cb
from comicboard.art.scenes import scene_elements
from comicboard.vocab import SCENES
from tests.layout.written import LANGS, written_board

TOL = 0.6
DRAWN = ("figure", "bubble", "caption_box", "counter", "icon")
FLOOR = 0.25  # every panel reaches this today (least seen: 0.27, a tategaki panel beside its vertical caption)
MEDIAN_FLOOR = 0.45  # and half the panels of every board this (least median seen: 0.47)
BAR = 0.70  # the issue's bar for every panel


def _rect(b):  # noqa: ANN001, ANN202 - [x, y, w, h]
    return sbox(b[0], b[1], b[0] + b[2], b[1] + b[3])


def _centre_in(b, p) -> bool:  # noqa: ANN001
    cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
    return p[0] - TOL <= cx <= p[0] + p[2] + TOL and p[1] - TOL <= cy <= p[1] + p[3] + TOL


def coverage(doc: dict) -> list[tuple[str, float]]:
    """(where, share of the panel covered) for every panel of a laid-out board."""
    out = []
    for page in doc["pages"]:
        items = page["items"]
        for p in (it for it in items if it["kind"] == "panel"):
            pb = p["bbox"]
            mine = [it for it in items if it is not p and _centre_in(it["bbox"], pb)]
            shapes = [_rect(it["bbox"]) for it in mine if it["kind"] in DRAWN and it.get("for") != "materials"]
            shapes += [_rect(e) for it in mine if it["kind"] == "scene" for e in it.get("elements", [])]
            area = shapely.union_all(shapes).intersection(_rect(pb)).area if shapes else 0.0
            out.append((f"{p['procedure']} / step {p['step']}", area / (pb[2] * pb[3])))
    return out


@pytest.fixture(scope="module")
def measured(examples_dir) -> dict[str, list[tuple[str, float]]]:  # noqa: ANN001
    boards = [(path.name, cb.load(path)) for path in sorted(examples_dir.glob("*.yaml"))
              if "template" not in path.name]
    boards += [(f"written-{lang}", written_board(lang)) for lang in LANGS]
    return {name: coverage(cb.layout(board).to_json()) for name, board in boards}


def test_every_panel_is_drawn_over_at_least_the_floor(measured):
    for name, panels in measured.items():
        assert panels, name
        low = [(w, round(c, 2)) for w, c in panels if c < FLOOR]
        assert not low, (name, low)
        assert statistics.median(c for _, c in panels) >= MEDIAN_FLOOR, name


@pytest.mark.xfail(strict=True, reason="not yet: panels are 0.27-0.71 covered (median about 0.5); the people "
                   "are small beside their bubbles and the settings leave wall and floor bare")
def test_every_panel_is_drawn_over_at_the_issues_bar(measured):
    for name, panels in measured.items():
        assert all(c >= BAR for _, c in panels), name


def test_scene_items_list_the_furniture_inside_their_panel(measured):
    doc = cb.layout(written_board("zh-Hans")).to_json()
    seen = set()
    for page in doc["pages"]:
        for it in page["items"]:
            if it["kind"] != "scene":
                continue
            px, py, pw, ph = it["bbox"]
            assert len(it["elements"]) == len(it["element_names"]) >= 1
            for (x, y, w, h), name in zip(it["elements"], it["element_names"], strict=True):
                assert px - TOL <= x and x + w <= px + pw + TOL and py - TOL <= y and y + h <= py + ph + TOL, name
                assert w * h < 0.8 * pw * ph, name  # a piece of furniture, not the wall behind everything
                seen.add(name)
    assert "counter" in seen


@pytest.mark.parametrize("name", [s for s in SCENES if s != "plain"])
def test_each_element_is_where_the_scene_draws(name):
    """Every element's box is the bounding box of some of the drawing's own paths (read from the paths)."""
    from comicboard.art.scenes import scene_paths

    w, h = 320.0, 200.0
    paths = scene_paths(name, 0, 0, w, h, radius=8.0)
    els = scene_elements(name, 0, 0, w, h, radius=8.0)
    assert els
    pts = [(op[i], op[i + 1]) for p in paths for op in p.ops if op[0] != "Z" for i in range(1, len(op), 2)]
    for el, (x, y, bw, bh) in els:
        inside = [(px, py) for px, py in pts if x - 0.01 <= px <= x + bw + 0.01 and y - 0.01 <= py <= y + bh + 0.01]
        assert inside, el
        # the box is tight: drawn points touch each of its four sides
        assert min(px for px, _ in inside) == pytest.approx(x, abs=0.01), el
        assert max(px for px, _ in inside) == pytest.approx(x + bw, abs=0.01), el
        assert min(py for _, py in inside) == pytest.approx(y, abs=0.01), el
        assert max(py for _, py in inside) == pytest.approx(y + bh, abs=0.01), el
