"""Set a details card's entries (summary, materials, time limit, place, phone, basis): each label in bold, its
value after it; ragged with hanging punctuation in a narrow card, justified only where the gaps stay small.

A narrow measure holds too few characters for justification to hide its stretch: the gaps open between every
character of a line (办 理 时 限：当 场), which reads as a typing error and extracts from a PDF one character per
word. Such cards (narrower than RAGGED_EM characters) are set ragged, and a line may end in a comma or full stop
hung past the measure (burasagari, as jlreq 3.8 and clreq allow for ragged text), so no line is shortened only
to keep a mark inside. Wider cards are justified when no line's gaps would grow past MAX_GAP_EM; else ragged too.
Measuring returns what it decided (memoised through `Setter.measure`); placing reuses it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from ..text import rules_for
from .geometry import Box, Line, TextBlock
from .labels import labels
from .typeset import LEADING, Setter, Split

RAGGED_EM = 14.0  # a card narrower than this many characters of its text is set ragged
MAX_GAP_EM = 0.06  # justification may add at most this much (in em) between two characters of a line
HANG = frozenset("、。，．,.")  # marks that may hang past the measure at a line's end (ragged cards)
HANG_EM = 0.5  # a hung mark takes its ink half (its blank half is dropped at a line's end)
HANG_ROOM = 0.35  # how far (in base sizes) a hung mark may reach into the card's right padding (0.4 s)


class Entry(NamedTuple):
    """One entry measured for a card: its lines, how they are set, the width its box needs, runs cut."""

    lines: list[str]
    align: str  # "left" (ragged) or "justify"
    box_w: float  # the block's width: the measure, plus room for a hung mark
    split: tuple[Split, ...] = ()


def label_prefix(kind: str, lang: str) -> str:
    """The label and colon that start an entry's text (`strip.detail_texts`), or '' for the summary."""
    if kind == "summary":
        return ""
    lab = labels(lang)
    return lab[kind] + lab["colon"] if kind in lab else ""


def ragged(width: float, size: float) -> bool:
    return width < RAGGED_EM * size


def measure_entry(setter: Setter, text: str, width: float, size: float, s: float) -> Entry:
    """The entry's lines in a card whose text measure is `width` (`s`: the base size, whose share of the card's
    padding a hung mark may take)."""
    if not ragged(width, size):
        m = setter.measure(text, width, size, fill=True)
        return Entry(m.lines, "justify" if _gaps_small(setter, m.lines, width, size) else "left", width, m.split)
    plain = setter.measure(text, width, size)
    # A hung mark reaches HANG_ROOM·s into the card's right padding at most: when its ink half is wider, the
    # lines are broken a little short of the measure so that a mark hung at their end stays inside the card.
    hang = HANG_EM * size
    short = min(width, width + HANG_ROOM * s - hang)
    m = plain if short >= width else setter.measure(text, short, size)
    lines = _hang_marks(setter, m.lines, short, size)
    if lines == m.lines:
        return Entry(plain.lines, "left", width, plain.split)
    return Entry(lines, "left", short + hang, m.split)


def _hang_marks(setter: Setter, lines: list[str], width: float, size: float) -> list[str]:
    """Burasagari: where a line was cut before a character only because the comma or full stop after it may
    not start a line (the break rules carried both down), the two go back up, the mark hung past `width`."""
    out = list(lines)
    no_start = rules_for(setter.lang, strict=setter.strict).no_start
    for i in range(len(out) - 1):
        nxt = out[i + 1]
        rest = nxt[2:].lstrip(" ")
        # Only when what stays below may start a line: a run of marks (、！。》) must not leave its tail up front.
        if (len(nxt) >= 2 and nxt[1] in HANG and not (rest and rest[0] in no_start)
                and setter.tight_width(out[i].rstrip(" ") + nxt[0], size) <= width + 0.01
                # and the line as it is set (a Latin run before the mark keeps its spacing) stays in the box
                and setter.width(out[i].rstrip(" ") + nxt[:2], size) <= width + HANG_EM * size + 0.01):
            out[i] = out[i].rstrip(" ") + nxt[:2]
            out[i + 1] = nxt[2:].lstrip(" ")
    return [ln for ln in out if ln]


def _gaps_small(setter: Setter, lines: list[str], width: float, size: float) -> bool:
    """Justifying the lines (all but the last) adds at most MAX_GAP_EM between two characters."""
    for line in lines[:-1]:
        line = line.rstrip(" ")
        gaps = max(1, len(line) - 1)
        if (width - setter.width(line, size)) / gaps > MAX_GAP_EM * size:
            return False
    return True


def entry_blocks(setter: Setter, kind: str, entry: Entry, x: float, y: float, size: float, *,
                 where: str = "", text: str = "") -> list[TextBlock]:
    """The entry placed at (x, y): its label (bold, a block of its own, kind `detail_label`) and its value
    (kind `kind`), read in that order; the summary is bold throughout. Characters stand where the entry was set
    (bold and regular CJK share their advances), so the label takes no room of its own."""
    box: Box = (x, y, entry.box_w, len(entry.lines) * size * LEADING)
    if kind == "summary":
        return [setter.block(kind, entry.lines, box, size, role="bold", where=where, align=entry.align,
                             source=text or None, split=entry.split)]
    block = setter.block(kind, entry.lines, box, size, where=where, align=entry.align, source=text or None,
                         split=entry.split)
    prefix = label_prefix(kind, setter.lang)
    first = block.lines[0] if block.lines else None
    if not prefix or first is None or not first.text.startswith(prefix) or len(first.xs) != len(first.text):
        return [block]  # a card too narrow to hold the label on one line: set as it came
    n = len(prefix)
    lx, ly, lw, lh = first.bbox
    cut = first.xs[n] if len(first.text) > n else lx + lw
    label = Line(prefix, (lx, ly, cut - lx, lh), first.baseline, first.xs[:n], first.dys[:n])
    # The label's block spans the entry's box, as its value's does: mirrored for right-to-left reading (which
    # moves blocks by their boxes, `frames._mirror`), the two move together and the label stays first.
    head = TextBlock("detail_label", block.bbox, size, [label], role="bold", where=where)
    rest = first.text[n:]
    lines = block.lines[1:]
    if rest:
        lines = [Line(rest, (cut, ly, lx + lw - cut, lh), first.baseline, first.xs[n:], first.dys[n:]), *lines]
    if not lines:
        return [head]
    return [head, replace(block, lines=lines)]


def grown_size(height_at: Callable[[float], float], sizes: Sequence[float], target: float) -> float:
    """The largest of `sizes` (the first is the card's own) at which a card is at most `target` tall
    (`height_at(size)`: the card's height set at that size); the first when none is. A card beside taller panels
    takes their height with larger text instead of leaving the foot of its column blank. The sizes are few, and
    ones the board already sets (its speech size): every size a board sets is a face the renderer opens."""
    for size in sorted(sizes[1:], reverse=True):
        if size > sizes[0] and height_at(size) <= target:
            return size
    return sizes[0]
