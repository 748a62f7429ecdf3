"""Every panel carries its setting as a `scene` item over the panel's box, in the layout JSON and the display list."""

from __future__ import annotations

from pathlib import Path

import comicboard as cb
from comicboard.art.scene_words import step_scenes
from comicboard.display import Path as DPath
from comicboard.pagelayout.geometry import Shape

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _board():
    return cb.Board("板", (cb.Category("类", (
        cb.Procedure("居住证明", (cb.Step("提交材料"), cb.Step("社区入户调查"), cb.Step("开具证明", scene="office")),
                     location="社区便民服务大厅"),
        cb.Procedure("体检", (cb.Step("预约"), cb.Step("体检", scene="plain")), location="社区卫生服务中心"),
    )),), size="A4")


def test_each_panel_has_the_scene_of_its_step_in_the_json():
    board = _board()
    lay = cb.layout(board)
    items = [it for pg in lay.to_json()["pages"] for it in pg["items"]]
    panels = [it for it in items if it["kind"] == "panel"]
    scenes = [it for it in items if it["kind"] == "scene"]
    want = {(p.title, i + 1): s for _, p in board.procedures() for i, s in enumerate(step_scenes(p))}
    assert [want[(p["procedure"], p["step"])] for p in panels] == ["service_hall", "home", "office", "clinic",
                                                                 "plain"]
    assert [s["scene"] for s in scenes] == ["service_hall", "home", "office", "clinic"]  # plain: no item
    for s, p in zip(scenes, [p for p in panels if want[(p["procedure"], p["step"])] != "plain"], strict=True):
        assert s["bbox"] == p["bbox"]


def _bounds(path):
    xs = [op[i] for op in path.ops if op[0] != "Z" for i in range(1, len(op), 2)]
    ys = [op[i] for op in path.ops if op[0] != "Z" for i in range(2, len(op), 2)]
    return min(xs), min(ys), max(xs), max(ys)


def test_scene_paints_after_its_panel_and_before_its_people():
    from comicboard.art import OUTLINE
    from comicboard.art.ink import ink
    from comicboard.art.scenes import WALLS

    lay = cb.layout(_board())
    items = lay.display.pages[0].items
    scene = next(it for it in lay.pages[0].items if isinstance(it, Shape) and it.kind == "scene")
    x, y, w, h = scene.bbox

    def within(p):
        x0, y0, x1, y1 = _bounds(p)
        return x - 1e-6 <= x0 and x1 <= x + w + 1e-6 and y - 1e-6 <= y0 and y1 <= y + h + 1e-6

    paths = [(i, p) for i, p in enumerate(items) if isinstance(p, DPath) and p.ops and within(p)]
    frame = next(i for i, p in paths if _bounds(p) == (x, y, x + w, y + h) and p.stroke is not None)
    wall = next(i for i, p in paths if p.fill == ink(WALLS["service_hall"]))
    person = next(i for i, p in paths if p.stroke == OUTLINE and p.fill is not None and i > frame)
    assert frame < wall < person  # the panel's paper, the scene over it, then the people
