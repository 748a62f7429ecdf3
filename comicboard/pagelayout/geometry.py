"""Laid-out geometry: pages of panels, figures, bubbles and text blocks, in points, y down, as JSON.

This is the contract `cb.layout()` and `comicboard layout --json` expose (see DESIGN.md):
every item has `kind` and `bbox` [x, y, w, h]; text blocks carry `font_size` and `lines`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # x, y, w, h


def r2(v: float) -> float:
    return round(v, 2)


def rbox(b: Box) -> list[float]:
    return [r2(v) for v in b]


@dataclass
class Line:
    """One set line: its text, its box, and the pen position of each character (renderers use xs as is)."""

    text: str
    bbox: Box
    baseline: float
    xs: tuple[float, ...]
    dys: tuple[float, ...] = ()  # per character, its glyph's offset down from the baseline (empty: none moves)
    # A vertical line (a column): what is drawn down it, each (mode, draw, y from the column top, shift); see
    # text.vertical.Cell. Relative to bbox, so moving the box moves the column.
    cells: tuple[tuple[str, str, float, float], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "bbox": rbox(self.bbox)}


@dataclass
class TextBlock:
    """A block of lines in one size and weight: title, header, caption, details, footer, bubble text..."""

    kind: str
    bbox: Box
    font_size: float
    lines: list[Line]
    role: str = "regular"
    color: str = "ink"  # a theme colour name, resolved when painting
    where: str = ""  # human label: category / procedure / step / speaker
    writing: str = "horizontal"  # or vertical: lines are columns, read top to bottom, right to left
    # Runs too wide for the box that were cut between characters to fit: (run, size set at, size it fits whole
    # at). Not part of the JSON: the layout's `split-word` warnings say it (`board.split_problems`).
    split: tuple[tuple[str, float, float], ...] = ()

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "bbox": rbox(self.bbox), "font_size": r2(self.font_size),
                             "lines": [ln.to_json() for ln in self.lines]}
        if self.where:
            d["where"] = self.where
        if self.writing != "horizontal":
            d["writing"] = self.writing
        return d


@dataclass
class Panel:
    bbox: Box
    category: str
    procedure: str
    step: int  # 1-based
    procedure_number: int  # 1-based over the whole board

    kind: str = "panel"

    def to_json(self) -> dict[str, Any]:
        return {"kind": "panel", "bbox": rbox(self.bbox), "category": self.category,
                "procedure": self.procedure, "procedure_number": self.procedure_number, "step": self.step}


@dataclass
class Figure:
    bbox: Box
    who: str
    look: str
    name: str
    head: Box
    facing: str  # "left" | "right"
    expression: str = "neutral"
    pose: str = "standing"
    mouth: tuple[float, float] = (0.0, 0.0)
    picture: str | None = None  # the user's own PNG for this cast member, drawn instead of the art
    shot: str = "full"  # full (head to feet), medium (waist up) or close (head and shoulders)
    # The whole person's box when the panel's frame cuts them (medium, close): bbox is the part inside the panel.
    frame: Box | None = None

    kind: str = "figure"

    def to_json(self) -> dict[str, Any]:
        return {"kind": "figure", "bbox": rbox(self.bbox), "who": self.who, "look": self.look,
                "name": self.name, "head": rbox(self.head), "facing": self.facing,
                "expression": self.expression, "pose": self.pose, "shot": self.shot,
                **({"frame": rbox(self.frame)} if self.frame else {}),
                **({"picture": self.picture} if self.picture else {})}


@dataclass
class Bubble:
    bbox: Box
    speaker: str
    style: str
    tail_tip: tuple[float, float]
    text: TextBlock
    where: str = ""
    linked: bool = False  # the tail runs into the speaker's next bubble (linked balloons), not to the speaker

    kind: str = "bubble"

    @property
    def lines(self) -> list[Line]:
        return self.text.lines

    def to_json(self) -> dict[str, Any]:
        return {"kind": "bubble", "bbox": rbox(self.bbox), "speaker": self.speaker, "style": self.style,
                "tail_tip": [r2(self.tail_tip[0]), r2(self.tail_tip[1])], "font_size": r2(self.text.font_size),
                "text_box": rbox(self.text.bbox), "lines": [ln.to_json() for ln in self.text.lines],
                "where": self.where, **({"linked": True} if self.linked else {})}


@dataclass
class Shape:
    """A decorative or structural box with no text of its own: banner, category band, card, badge, arrow."""

    kind: str
    bbox: Box
    color: str = ""  # theme colour name or '#hex' of a category
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "bbox": rbox(self.bbox)}
        d.update(self.extra)
        return d


Item = TextBlock | Panel | Figure | Bubble | Shape


@dataclass
class PageGeometry:
    number: int
    width: float
    height: float
    bleed: float
    safe: Box
    items: list[Item] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number, "width": r2(self.width), "height": r2(self.height),
            "trim_box": [0, 0, r2(self.width), r2(self.height)],
            "bleed": r2(self.bleed),
            "bleed_box": rbox((-self.bleed, -self.bleed, self.width + 2 * self.bleed, self.height + 2 * self.bleed)),
            "safe_box": rbox(self.safe),
            "items": [it.to_json() for it in self.items],
        }

    def of_kind(self, kind: str) -> list[Any]:
        return [it for it in self.items if it.kind == kind]

    def text_blocks(self) -> list[TextBlock]:
        out: list[TextBlock] = []
        for it in self.items:
            if isinstance(it, TextBlock):
                out.append(it)
            elif isinstance(it, Bubble):
                out.append(it.text)
        return out
