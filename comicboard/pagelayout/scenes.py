"""Give every panel its setting: a `scene` item over the panel's box, named by the pure chooser in `art`.

A pass over laid-out pages, so the planner need not know about settings: each panel gets the scene its step
was given (`art.scene_words.step_scenes`), as a Shape of kind `scene` right after the panel, painted behind the
panel's people and bubbles. `plain` panels get no item. The item lists the furniture the scene draws
(`elements`: boxes in page coordinates, `element_names` beside them; `art.scenes.scene_elements`), so what a
panel's setting covers is measured from geometry; painting draws it inside the panel's frame line, so a box may
lie up to that line's width off the drawing.
"""

from __future__ import annotations

from dataclasses import replace

from ..art.scene_words import step_scenes
from ..art.scenes import scene_elements
from ..model import Board
from .geometry import PageGeometry, Panel, Shape, rbox


def add_scenes(board: Board, pages: list[PageGeometry]) -> list[PageGeometry]:
    """New pages with a `scene` item after each panel (the planner's pages, perhaps memoised, are not touched)."""
    procs = board.procedures()
    scenes: dict[int, tuple[str, ...]] = {}
    result = []
    for page in pages:
        out = []
        for it in page.items:
            out.append(it)
            if not isinstance(it, Panel) or not 1 <= it.procedure_number <= len(procs):
                continue
            cat, proc = procs[it.procedure_number - 1]
            if proc.title != it.procedure:  # a panel numbered otherwise (a handout page): find it by title
                found = next(((c, p) for c, p in procs if p.title == it.procedure and c.name == it.category), None)
                if found is None:
                    continue
                cat, proc = found
            if id(proc) not in scenes:
                scenes[id(proc)] = step_scenes(proc)
            names = scenes[id(proc)]
            name = names[it.step - 1] if 1 <= it.step <= len(names) else names[0]
            if name != "plain":
                x, y, w, h = it.bbox
                found = scene_elements(name, x, y, w, h, radius=min(w, h) * 0.04)  # the panel's corners
                out.append(Shape("scene", it.bbox, cat.color.spec(),
                                 {"scene": name, "elements": [rbox(b) for _, b in found],
                                  "element_names": [n for n, _ in found]}))
        result.append(replace(page, items=out))
    return result
