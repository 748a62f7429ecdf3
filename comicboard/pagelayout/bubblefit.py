"""A speech set for its bubble: the widest text a bubble of a given width holds (closed form), the size it
shrinks to when a word will not fit (memoised), whether it reads as a sentence, and where a bubble may go."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..art import bubble_size_for_text
from ..model import Speech
from .memo import memo
from .typeset import Setter, Split

if TYPE_CHECKING:
    from .panel import PanelPlan


@dataclass(frozen=True, slots=True)
class BubblePlan:
    """A speech set for its bubble, and (once the panel's search placed it) where the bubble sits in the panel."""

    lines: tuple[str, ...]
    size: float  # the text's size (the base size, unless a word would not fit)
    w: float  # the bubble's outer size
    h: float
    text_w: float  # the text block's size inside it
    text_h: float
    pad: float
    overflow: bool  # a word is wider than the bubble even at the least size
    x: float = 0.0  # the bubble's top-left corner in the panel's own coordinates
    y: float = 0.0
    side: int = 0  # beside the people: the speaker's side (0: left, 1: right)
    link: int | None = None  # a linked bubble: the index of the next bubble of the same speaker, its tail's end
    split: tuple[Split, ...] = ()  # runs the text had to cut (`Measured.split`)
    skinny: bool | None = None  # whether it reads as a column of short lines (`_skinny`), when set with the text

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)

    # Copies with one thing changed, made directly (dataclasses.replace costs several times more; the search
    # makes thousands).
    def at(self, x: float, y: float, side: int = 0) -> BubblePlan:
        """This bubble placed at (x, y)."""
        return BubblePlan(self.lines, self.size, self.w, self.h, self.text_w, self.text_h, self.pad, self.overflow,
                          x, y, side, self.link, self.split, self.skinny)

    def linked_to(self, k: int) -> BubblePlan:
        """This bubble with its tail ending in bubble `k` (a linked bubble)."""
        return BubblePlan(self.lines, self.size, self.w, self.h, self.text_w, self.text_h, self.pad, self.overflow,
                          self.x, self.y, self.side, k, self.split, self.skinny)


MAX_BUBBLE_SHARE = 0.62  # widest bubble as a share of the panel width, when a bubble would fill over half


MAX_BUBBLE_AREA = 0.5  # a bubble takes at most about half its panel


def _bubble_for(setter: Setter, sp: Speech, max_outer_w: float, s: float, min_size: float) -> BubblePlan:
    """Break a speech for a bubble no wider than `max_outer_w`; shrink towards `min_size` if a word won't fit.

    Memoised on its inputs (the caller places a copy: plans are never changed)."""
    key = (setter.fonts, setter.lang, setter.keep, sp.text, sp.kind, max_outer_w, s, min_size)
    return _BUBBLES.call(key, lambda: _bubble_fit(setter, sp, max_outer_w, s, min_size))


_BUBBLES = memo("bubble", 100_000)


def _bubble_fit(setter: Setter, sp: Speech, max_outer_w: float, s: float, min_size: float) -> BubblePlan:
    # A bubble's outer width is linear in its text's width (`bubble_size_for_text`): the widest text that fits
    # follows in closed form.
    per_w = bubble_size_for_text(sp.kind, 1.0, 1.0, 0.0)[0]
    size = s
    while True:
        pad = 0.45 * size
        text_w = min(max(size, max_outer_w / per_w - 2 * pad), max(size, max_outer_w))
        lines, widest, th, cut = setter.measure(sp.text, text_w, size, split=size <= min_size, whole_words=True)
        if widest <= text_w + 0.01 or size <= min_size:
            ow, oh = bubble_size_for_text(sp.kind, widest, th, pad)
            kept = tuple(lines)
            return BubblePlan(kept, size, ow, oh, widest, th, pad, widest > text_w + 0.01, split=cut,
                              skinny=_reads_skinny(kept, size, widest, th))
        size = max(min_size, size - 0.5)


def cramped(plan: PanelPlan) -> int:
    """How many of a planned panel's bubbles are set in lines too short to read as a sentence."""
    return sum(map(_skinny, plan.bubbles))


_SKINNY_EM = 4.0  # a bubble of three lines or more reads as a sentence when its lines hold about four letters


def _skinny(bub: BubblePlan) -> bool:
    """Three lines or more of three characters or fewer, a tower of lines over twice as tall as wide, or a line
    of one letter between others: hard to read as a sentence (worked out once, when the text is set)."""
    if bub.skinny is not None:
        return bub.skinny
    return _reads_skinny(bub.lines, bub.size, bub.text_w, bub.text_h)


def _reads_skinny(lines: tuple[str, ...], size: float, text_w: float, text_h: float) -> bool:
    return len(lines) > 2 and (text_w < _SKINNY_EM * size - 0.01 or text_h > 2 * text_w
                               or any(sum(ch.isalnum() for ch in ln) <= 1 for ln in lines[:-1]))


def _drop_below(x: float, y: float, w: float, h: float, placed: list[tuple[float, float, float, float]],
                gap: float) -> float:
    """The highest y ≥ `y` at which a w×h box at `x` clears every placed box by `gap`."""
    moved = True
    while moved:
        moved = False
        for px, py, pw, ph in placed:
            if x < px + pw + gap and px < x + w + gap and y < py + ph + gap and py < y + h:
                y, moved = py + ph + gap, True
    return y


def _dist(x: float, iv: tuple[float, float]) -> float:
    return 0.0 if iv[0] <= x <= iv[1] else min(abs(x - iv[0]), abs(x - iv[1]))


def _free_intervals(lo: float, hi: float, blocked: list[tuple[float, float]]) -> list[tuple[float, float]]:
    free = [(lo, hi)]
    for b0, b1 in blocked:
        nxt = []
        for a, b in free:
            if b1 <= a or b0 >= b:
                nxt.append((a, b))
                continue
            if b0 > a:
                nxt.append((a, b0))
            if b1 < b:
                nxt.append((b1, b))
        free = nxt
    return [iv for iv in free if iv[1] > iv[0]]
