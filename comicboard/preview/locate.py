"""Place a problem: from its `where` label to the spec's field path, its line, and its box on the board.

Problems name their place for people ("社区事务 / 开具居住证明 / step 2 / grandpa", "board title"); `lint.field_path`
resolves such a label to a field path (the parsed document gives its line), and the layout geometry gives the box of
the items drawn for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lint import field_path
from ..model import Board
from ..spec.paths import Path_, format_path

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Place:
    path: Path_ = ()
    page: int | None = None  # 1-based
    bbox: Box | None = None

    @property
    def field(self) -> str:
        return format_path(self.path)


def place(board: Board, lay: object, where: str) -> Place:
    """Field path, page and box of what `where` names (the union of the items drawn for it)."""
    path = field_path(board, where) or ()
    label = where.split("; ")[0].strip()
    tests = [lambda item: _drawn_for(item, board, path, label)]
    if len(path) > 4 and path[0] == "categories" and path[4] != "steps":  # one line of the details card first
        cat = board.categories[path[1]]  # type: ignore[index]
        owner = f"{cat.name} / {cat.procedures[path[3]].title}"  # type: ignore[index]
        kind = "procedure_title" if path[4] == "title" else path[4]
        tests.insert(0, lambda item: getattr(item, "kind", "") == kind and getattr(item, "where", "") == owner)
    for test in tests:
        for page in getattr(lay, "pages", []):
            boxes = [item.bbox for item in page.items if test(item)]
            if boxes:
                return Place(path, page.number, _union(boxes))
    return Place(path)


def _drawn_for(item: object, board: Board, path: Path_, label: str) -> bool:
    kind = getattr(item, "kind", "")
    where = getattr(item, "where", "")
    if label and where == label and kind != "panel":
        return True
    if path[:1] == ("categories",) and path[2:] == ("name",):  # the category's band
        return where == board.categories[path[1]].name  # type: ignore[index]
    if len(path) >= 4 and path[0] == "categories":
        cat = board.categories[path[1]]  # type: ignore[index]
        proc = cat.procedures[path[3]]  # type: ignore[index]
        if kind != "panel":  # a field of the procedure (materials, phone, …): its title and details card
            return len(path) > 4 and path[4] != "steps" and where == f"{cat.name} / {proc.title}"
        same = item.category == cat.name and item.procedure == proc.title  # type: ignore[attr-defined]
        if len(path) >= 6 and path[4] == "steps":
            return same and item.step == path[5] + 1 and len(path) == 6  # type: ignore[attr-defined,operator]
        return same and len(path) == 4
    if kind == "figure" and path[:1] == ("cast",) and len(path) >= 2:
        return getattr(item, "who", None) == path[1]
    return False


def _union(boxes: list[Box]) -> Box:
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return x0, y0, x1 - x0, y1 - y0
