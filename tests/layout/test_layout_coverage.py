"""How much of each panel is drawn, measured from the layout JSON of every example and of boards written in each
language: the union of people, bubbles, captions, props (held or on a counter) and the setting's furniture
(`elements` of the `scene` item), over the panel's area. The bare wall tint behind them does not count; the floor
band (drawn with its skirting and tiles or planks), the painted lower wall and the ceiling's edge are drawn elements,
and a test renders each listed box from the board's own display list to check it holds drawing."""

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


SCENE_BOARDS = [pytest.param(f"written-{lang}", size, id=f"{lang}-{size}") for lang in LANGS for size in ("A2",)]
SCENE_BOARDS.append(pytest.param("written-zh-Hans", "A3", id="zh-Hans-A3"))


@pytest.mark.parametrize(("name", "size"), SCENE_BOARDS)
def test_the_listed_furniture_is_ink_in_the_rendered_pixels(name, size):
    """What the coverage measure counts is really drawn: each scene of the board is rendered from the board's own
    display list, alone over its bare wall tint, and every element box the layout JSON lists holds drawing over
    at least half its area, the union of the boxes over 85 % of its."""
    from PIL import Image, ImageChops, ImageDraw

    from comicboard.art.ink import ink
    from comicboard.art.scenes import WALLS
    from comicboard.display import Page
    from comicboard.display import Path as DPath
    from comicboard.render.png import render_page

    lay = cb.layout(written_board(name.removeprefix("written-"), size))
    doc = lay.to_json()
    scale = 2.0  # pixels per point: fine enough for the thin lines of a setting
    checked = 0
    for page, shown in zip(doc["pages"], lay.display.pages, strict=True):
        scene_paths = [it for it in shown.items if isinstance(it, DPath) and it.use is not None
                       and it.use.key[0] == "scene"]
        for sc in (it for it in page["items"] if it["kind"] == "scene"):
            x, y, w, h = sc["bbox"]
            wall = ink(WALLS[sc["scene"]])
            mine = [p for p in scene_paths if x - 1 <= p.use.x <= x + 4 and y - 1 <= p.use.y <= y + 4]
            assert mine, (name, sc["scene"], sc["bbox"])
            backdrop = DPath(tuple(("M", x, y) if i == 0 else ("L", *c) for i, c in enumerate(
                [(x, y), (x + w, y), (x + w, y + h), (x, y + h)])) + (("Z",),), fill=wall)
            img = render_page(Page(shown.width, shown.height, [backdrop, *mine]), 72 * scale)
            bare = Image.new("RGB", img.size, wall.to_rgb())
            drawn = ImageChops.difference(img, bare).convert("L").point(lambda v: 255 if v > 2 else 0)
            union = Image.new("L", img.size, 0)
            pen = ImageDraw.Draw(union)
            for (ex, ey, ew, eh), what in zip(sc["elements"], sc["element_names"], strict=True):
                box = tuple(round(v * scale) for v in (ex, ey, ex + ew, ey + eh))
                hist = drawn.crop(box).histogram()
                share = hist[255] / max(1, sum(hist))
                assert share >= 0.5, (name, sc["scene"], what, round(share, 2))
                pen.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=255)
                checked += 1
            both = ImageChops.multiply(drawn, union).histogram()[255]
            assert both >= 0.85 * union.histogram()[255], (name, sc["scene"], sc["bbox"])
    assert checked


@pytest.mark.parametrize("shape", [(1146, 275), (154, 734), (390, 121), (216, 440), (300, 300), (80, 80)])
@pytest.mark.parametrize("name", [s for s in SCENES if s != "plain"])
def test_every_scene_draws_what_it_lists_and_covers_most_of_any_panel_shape(name, shape):
    """Rendered alone over its wall tint, each listed element holds drawing over half its box or more, and the
    elements cover at least 70 % of the panel, whatever its shape (wide, narrow, tall, small)."""
    from PIL import Image, ImageChops

    from comicboard.art.ink import ink
    from comicboard.art.scenes import WALLS, scene_paths
    from comicboard.display import Page
    from comicboard.render.png import render_page

    w, h = shape
    r = 0.04 * min(w, h)
    els = scene_elements(name, 0, 0, w, h, radius=r)
    img = render_page(Page(w, h, scene_paths(name, 0, 0, w, h, radius=r)), 144)
    wall = ink(WALLS[name]).to_rgb()
    drawn = ImageChops.difference(img, Image.new("RGB", img.size, wall)).convert("L").point(
        lambda v: 255 if v > 2 else 0)
    for what, (x, y, bw, bh) in els:
        hist = drawn.crop(tuple(round(2 * v) for v in (x, y, x + bw, y + bh))).histogram()
        assert hist[255] >= 0.5 * sum(hist), (what, round(hist[255] / max(1, sum(hist)), 2))
    covered = shapely.union_all([_rect(b) for _, b in els]).area / (w * h)
    assert covered >= BAR, round(covered, 3)
