"""Set text into lines once: break with the text engine, then fix every character's pen position.

Everything that draws text later (both renderers) uses these positions unchanged. Widths and positions come
from `text.spacing` (punctuation compression, CJK–Latin gaps), so layout and both renderers agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..fonts import FontSet
from ..text import break_lines, rules_for
from ..text.spacing import justify, set_line
from .geometry import Box, Line, TextBlock

LEADING = 1.3  # line pitch as a multiple of the font size


@dataclass(frozen=True)
class Setter:
    """What every text block of one board shares: fonts and language."""

    fonts: FontSet
    lang: str
    # Unbreakable runs that had to be split: (run, size it was set at, largest size at which it would fit whole).
    split_words: list[tuple[str, float, float]] = field(default_factory=list)

    def lines_for(self, text: str, max_w: float, size: float, role: str = "regular",
                  split: bool = True) -> list[str]:
        """Break `text` to fit `max_w` points at `size`.

        A unit wider than the line (a long number or URL) stays whole unless `split`: then, as a last
        resort, it is cut between characters so nothing leaves its box; the cut is recorded.
        """
        lines = break_lines(text, max(max_w / size, 1.0), lang=self.lang, fontset=self.fonts, role=role)
        if not split:
            return lines
        out: list[str] = []
        for line in lines:
            if self.tight_width(line, size, role) <= max_w + 0.01 or len(line) < 2:
                out.append(line)
                continue
            self.split_words.append((line, size, size * max_w / max(self.tight_width(line, size, role), 1e-6)))
            no_start, no_end = rules_for(self.lang).no_start, rules_for(self.lang).no_end
            cur = ""
            for ch in line:
                if cur and self.tight_width(cur + ch, size, role) > max_w:
                    # Keep the line-start and line-end rules even here: carry characters over.
                    rest = cur + ch
                    keep = next((k for k in range(len(cur), 0, -1)
                                 if rest[k] not in no_start and rest[k - 1] not in no_end), len(cur))
                    out.append(cur[:keep].rstrip(" ") or cur[:keep])
                    cur = (cur[keep:] + ch).lstrip(" ")  # spaces at a break are dropped, as everywhere
                else:
                    cur += ch
            if cur:
                out.append(cur)
        return out

    def width(self, text: str, size: float, role: str = "regular") -> float:
        """Width of one set line: punctuation compressed, CJK–Latin gaps in full (see `text.spacing`)."""
        return set_line(text.rstrip(" "), lang=self.lang, fontset=self.fonts, role=role, size=size).width

    def tight_width(self, text: str, size: float, role: str = "regular") -> float:
        """The least width of one set line (its CJK–Latin gaps may shrink to nothing): whether it fits."""
        return set_line(text.rstrip(" "), lang=self.lang, fontset=self.fonts, role=role, size=size).tight

    def widest(self, lines: list[str], size: float, role: str = "regular") -> float:
        return max((self.width(ln, size, role) for ln in lines), default=0.0)

    def measure(self, text: str, max_w: float, size: float, role: str = "regular",
                split: bool = True) -> tuple[list[str], float, float]:
        """Lines, their widest width, and the block height, for `text` in a column `max_w` wide."""
        lines = self.lines_for(text, max_w, size, role, split)
        # A line set in full may be wider than the column only by its CJK–Latin gaps, which `block` shrinks.
        widest = max((min(self.width(ln, size, role), max(max_w, self.tight_width(ln, size, role)))
                      for ln in lines), default=0.0)
        return lines, widest, len(lines) * size * LEADING

    def block(self, kind: str, lines: list[str], box: Box, size: float, *, role: str = "regular",
              align: str = "left", valign: str = "top", color: str = "ink", where: str = "",
              source: str | None = None) -> TextBlock:
        """Place already-broken `lines` in `box`; returns a TextBlock whose lines lie inside the box.

        `align` is left, center, right or justify (every line but the last of each paragraph of `source`, the
        text the lines were broken from, stretched to the box: see `text.spacing.justify`).
        """
        ends = _paragraph_ends(source, lines) if align == "justify" else set()
        x0, y0, w, h = box
        pitch = size * LEADING
        total = len(lines) * pitch
        top = y0 + {"top": 0.0, "middle": (h - total) / 2, "bottom": h - total}[valign]
        top = max(top, y0)
        face = self.fonts.main(role)
        # Centre the em box (ascender − descender = 1 em for CJK faces) in the line pitch.
        asc = face.ascender / max(face.ascender - face.descender, 1e-6)
        out: list[Line] = []
        for i, text in enumerate(lines):
            text = text.rstrip(" ")
            # Gaps shrink if the box is narrower than the line set in full (it never is narrower than `tight`
            # for a line that `lines_for` broke to this width).
            setl = set_line(text, lang=self.lang, fontset=self.fonts, role=role, size=size, max_width=w)
            if align == "justify" and i < len(lines) - 1 and i not in ends:
                setl = justify(text, setl, w, lang=self.lang, fontset=self.fonts, role=role, size=size)
            lw = setl.width
            if align == "center":
                lx = x0 + (w - lw) / 2
            elif align == "right":
                lx = x0 + w - lw
            else:
                lx = x0
            lx = max(lx, x0)
            ly = top + i * pitch
            xs = [lx + x for x in setl.xs]
            baseline = ly + (pitch - size) / 2 + asc * size
            out.append(Line(text, (lx, ly, lw, pitch), baseline, tuple(xs), setl.dys))
        return TextBlock(kind, box, size, out, role=role, color=color, where=where)


def _paragraph_ends(source: str | None, lines: list[str]) -> set[int]:
    """Indexes of the lines that end a paragraph of `source` (a newline follows them): they stay ragged."""
    if not source:
        return set()
    ends: set[int] = set()
    pos = 0
    for i, line in enumerate(lines):
        line = line.rstrip(" ")
        found = source.find(line, pos)
        if found < 0:
            return ends
        pos = found + len(line)
        rest = source[pos:pos + 8].lstrip(" ")
        if rest[:1] in _NEWLINES and rest:
            ends.add(i)
    return ends


_NEWLINES = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")  # mandatory breaks, as in text.breaking
