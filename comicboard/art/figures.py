"""Draw a friendly chibi comic person as vector paths, fitted into a box, from a look, a seed and a pose.

`figure_anatomy` gives the same person's head box, mouth and hands as data, without drawing: layout reads it.
Each figure is built once per (person, pose, expression) in a fixed frame and only scaled per box.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..color import Color
from ..display import Path, PathOp, PathPen
from ..vocab import EXPRESSIONS, FACINGS, LOOKS, POSES
from .ink import OUTLINE, ink, print_safe

__all__ = ["EXPRESSIONS", "FACINGS", "LOOKS", "POSES", "Anatomy", "FigureArt", "draw_figure", "figure_anatomy",
           "ops_bounds", "resolve_look"]

# Fills of what a hand can hold: not clothes, so a person's clothes are told apart from them (as Colors via
# the module's __getattr__, separated on first use: importing the art computes nothing).
_DOC, _PHONE, _SCREEN, _PEN, _CLIP = "#FFFDF4", "#2F3440", "#BFE3F5", "#2F5DA8", "#B87B45"
_METAL = "#8A96A3"
_HELD_HEX = {"DOCUMENT_COLOR": _DOC, "PHONE_COLOR": _PHONE, "PHONE_SCREEN": _SCREEN, "PEN_COLOR": _PEN,
             "CLIPBOARD_COLOR": _CLIP, "CLIP_COLOR": _METAL}


def __getattr__(name: str) -> object:
    if name in _HELD_HEX:
        return ink(_HELD_HEX[name])
    if name == "HELD_COLORS":
        return frozenset(ink(v) for v in _HELD_HEX.values())
    raise AttributeError(name)


# The figure is designed facing right in a fixed 100 × 200 frame (y down, feet at 197), then scaled
# uniformly into the caller's box. A fixed frame keeps one person the same size in every pose.
FRAME_W, FRAME_H = 100.0, 200.0
LINE = 2.4  # outline width in frame units, so it scales with the figure

_C = ink
_SKINS = ("#FCDDC0", "#F8D2AE", "#F2C7A0", "#E8B990")
_DARK_HAIR = ("#2B2A2E", "#3A2A22", "#47322A", "#232A36")
_GREY_HAIR = ("#F4F4F2", "#DCDCDA", "#C3C6CA", "#E9E3D6")
_TOPS = {
    "elder_man": ("#9C6B4E", "#5B7A99", "#4F8570", "#C49A5A", "#6E6A5E", "#3F5873"),  # jackets: browns, blues
    "elder_woman": ("#7F6FA6", "#B5563E", "#A84A5E", "#C7708E", "#9A5FA0", "#D08A5A"),  # cardigans: plum, rose
    "adult_man": ("#3E7CB1", "#5BA37A", "#6C7A89", "#4A5D8C", "#2E6F73", "#8A6A4A"),
    "adult_woman": ("#D4566A", "#8E6BBF", "#E0B43C", "#E08A4A", "#3FA3A6", "#E27FA8"),
    "young_man": ("#F2994A", "#27AE60", "#2D9CDB", "#EB5757", "#9B51E0", "#56CCF2"),  # hoodies: bright
    "young_woman": ("#F7B2C4", "#A0D8C4", "#FFD66B", "#B9A7F2", "#8FC1F0", "#F5A26B"),  # pastel knits
    "student": ("#2F5DA8", "#23447E", "#B23A48", "#2E7D5B"),
    "child": ("#F2A93B", "#5DB7DE", "#EF6F6C", "#7BC96F", "#F48FB1", "#9C89FF"),
    "staff_man": ("#FFFFFF", "#DCEAF7", "#F1F1EE"),  # shirts under the vest
    "staff_woman": ("#FFFFFF", "#DCEAF7", "#F6E7EC"),
    "doctor_man": ("#8FC1E3", "#A7D7C5", "#C9D6E8"),  # scrubs under the white coat
    "doctor_woman": ("#8FC1E3", "#A7D7C5", "#E8C9D6"),
    "police_man": ("#1F3A68",), "police_woman": ("#1F3A68",),  # a dark blue uniform
    "soldier_man": ("#5B6B3A",), "soldier_woman": ("#5B6B3A",),  # olive
}
_BOTTOMS = ("#3A4A63", "#4B4B55", "#2F3B4C", "#5E5046", "#38506B", "#6B7280")
_JEANS = ("#4A6FA5", "#5B7DB1", "#3C5A8A", "#2F3B4C")
_SHOES = ("#3A3A3A", "#5C4033", "#2E3B55", "#6B3E2E")
_SNEAKERS = ("#FFFFFF", "#E94F37", "#F2C14E", "#4D9DE0")
_ACCENTS = ("#E94F37", "#F2C14E", "#3BB273", "#4D9DE0", "#E15A97", "#7768AE")  # caps, backpacks, ties
_TIES = ("#C8102E", "#1F3A68", "#8B1E3F", "#D4A017")  # dark or bright enough to show on any shirt
_VEST = "#D7262E"  # community-worker red unless the theme gives its own
_BADGE = "#F7C948"
_MOUTH = "#B8453C"
_CHEEK = "#F6A9A0"
_SWEAT = "#8CC8F0"
_CANE = "#8B5A2B"
_COAT = "#FFFFFF"
_STETHOSCOPE = "#3A4A63"
_GOLD = "#E8B923"
_ROSETTE = "#E02B2B"
_FLATCAPS = ("#8A7560", "#6F7F8C", "#9A8A6A", "#6E7A62")  # muted tweeds for the elder men's caps
_HAIR_STYLES = {
    "elder_man": ("bald", "crop", "flatcap"),
    "elder_woman": ("curly", "perm"),  # curly: set curls with a little top bun; perm: a full cloud of curls
    "adult_man": ("short", "parted"),
    "adult_woman": ("bob", "ponytail", "long"),
    "young_man": ("spiky", "parted", "short"),
    "young_woman": ("long", "ponytail", "bob"),
    "student": ("short", "ponytail"),
    "child": ("cap", "pigtails"),
    "staff_man": ("short", "parted"),
    "staff_woman": ("bob", "bun"),
    "doctor_man": ("short", "parted"),
    "doctor_woman": ("bun", "bob"),
    "police_man": ("peaked",), "police_woman": ("peaked_bob",),
    "soldier_man": ("army",), "soldier_woman": ("army_bob",),
}
# Bases that pick a man or a woman from the seed when the look does not say.
_GENDERED = ("elder", "adult", "young", "staff", "doctor", "police", "soldier")

Pt = tuple[float, float]
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class FigureArt:
    """A drawn person: paths in drawing order, the head's box (keep bubbles off it), where the mouth is."""

    paths: list[Path]
    head: Box
    mouth: Pt
    held: Box | None = None  # what the hand holds (a sheet, a phone), when the pose holds something


@dataclass(frozen=True)
class Anatomy:
    """Where a figure's parts are in its box, as `draw_figure` would draw them; nothing is drawn.

    `near_hand` is the gesturing hand (on the facing side), `far_hand` the other; `held` is what the near hand
    holds, when the pose holds something."""

    head: Box
    mouth: Pt
    near_hand: Pt
    far_hand: Pt
    held: Box | None
    top: float  # the highest point of the drawing (y), hair and raised hands included


@dataclass(frozen=True)
class _Body:
    """Frame-unit proportions: head centre and radii, shoulder/hip heights, torso half widths."""

    hcx: float
    hcy: float
    hrx: float
    hry: float
    sh_y: float
    hip_y: float
    tw: float
    bw: float
    foot_y: float = 197.0


_ADULT = _Body(50, 47, 30, 28.5, 72, 138, 19, 18)
_YOUNG = _Body(50, 46, 29, 27.5, 70, 137, 17.5, 16.5)  # a slimmer frame, the same height
_CHILD = _Body(50, 86, 27, 25.5, 108, 158, 15, 15)  # shorter body, relatively bigger head


@dataclass(frozen=True)
class _Look:
    """Everything the seed decides, resolved once per figure."""

    base: str  # elder, adult, young, student, child, staff, doctor, police, soldier
    woman: bool
    skin: Color
    hair: Color
    hair_style: str
    top: Color
    bottom: Color
    shoes: Color
    accent: Color
    skirt: bool
    glasses: bool
    cane: bool
    mustache: bool = False
    tie: Color | None = None
    cap: Color | None = None
    uniform: Color | None = None  # the staff vest: the theme's colour
    badge: Color | None = None


def resolve_look(look: str, seed_key: str, uniform: Color | None = None, badge: Color | None = None) -> _Look:
    """The person a look and a cast key stand for: the same key gives the same person in every panel and run."""
    if look not in LOOKS:
        raise ValueError(f"unknown figure look {look!r}; use one of {', '.join(LOOKS)}")
    return _resolve(look, seed_key, uniform, badge)


@lru_cache(maxsize=1024)
def _resolve(look: str, seed_key: str, uniform: Color | None = None, badge: Color | None = None) -> _Look:
    base, _, gender = look.partition("_")
    # sha256, not hash(): the same cast key must give the same person in every process and run. The hash
    # takes the base look, so `elder` that picks a woman is exactly `elder_woman` with the same key.
    d = hashlib.sha256(f"comicboard-figure:{base}:{seed_key}".encode()).digest()

    def pick(i: int, seq: Sequence[str]) -> str:
        return seq[d[i] % len(seq)]

    if base in _GENDERED and not gender:
        gender = "woman" if d[10] % 2 else "man"
    key = f"{base}_{gender}" if gender else base
    style = pick(0, _HAIR_STYLES[key])
    woman = gender == "woman" or style in ("pigtails", "ponytail") or (base == "child" and d[15] % 2 == 1)
    hair = pick(1, _GREY_HAIR if base == "elder" else _DARK_HAIR)
    top = pick(2, _TOPS[key])
    if base in ("student", "police", "soldier"):  # tracksuit or uniform: jacket and trousers match
        bottom = top
    elif base == "young":
        bottom = pick(3, _JEANS)
    else:
        bottom = pick(3, _BOTTOMS)
    skirt = ((base == "child" and style == "pigtails") or (key == "adult_woman" and d[7] % 2 == 0)
             or (key == "young_woman" and d[7] % 3 == 0))
    shoes = pick(5, _SNEAKERS if base in ("young", "student", "child") else _SHOES)
    if base in ("police", "soldier"):
        shoes = "#2B2A2E"
    return _Look(
        base=base,
        woman=woman,
        skin=_C(pick(4, _SKINS)),
        hair=_C(hair),
        hair_style=style,
        top=_C(top),
        bottom=_C(bottom),
        shoes=_C(shoes),
        accent=_C(pick(6, _ACCENTS)),
        skirt=skirt,
        glasses=(base == "elder" and d[8] % 3 != 0) or (base in ("doctor", "adult") and d[8] % 4 == 0),
        cane=base == "elder" and d[9] % 2 == 0,
        mustache=key == "elder_man" and d[11] % 3 == 0,
        tie=_C(pick(14, _TIES)) if key == "adult_man" and d[12] % 2 == 0 else None,
        cap=_C(pick(13, _FLATCAPS)) if style == "flatcap" else None,
        uniform=uniform if uniform is not None else _C(_VEST),
        badge=badge if badge is not None else _C(_BADGE),
    )


# ---- outline helpers (frame units) -------------------------------------------------------------


def _lerp(a: Pt, b: Pt, t: float) -> Pt:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _smooth(pen: PathPen, pts: Sequence[Pt], closed: bool = True, tension: float = 1.0) -> PathPen:
    """Catmull-Rom spline through pts as cubic curves: organic shapes (hair, drops) from a few points."""
    n = len(pts)
    pen.move(*pts[0])
    last = n if closed else n - 1
    for i in range(last):
        p0 = pts[i - 1] if (closed or i > 0) else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if (closed or i + 2 < n) else pts[-1]
        k = tension / 6
        pen.curve(
            p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k,
            p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k,
            *p2,
        )
    return pen.close() if closed else pen


def _rounded_poly(pen: PathPen, pts: Sequence[Pt], r: float) -> PathPen:
    """A polygon with every corner rounded by up to r: clothes and shoes keep a soft cartoon edge."""
    n = len(pts)
    corners = []
    for i in range(n):
        a, v, b = pts[i - 1], pts[i], pts[(i + 1) % n]
        da, db = math.dist(a, v), math.dist(v, b)
        rr = min(r, da / 2, db / 2)
        corners.append((_lerp(v, a, rr / da), v, _lerp(v, b, rr / db)))
    pen.move(*corners[0][2])
    for i in range(1, n + 1):
        p1, v, p2 = corners[i % n]
        pen.line(*p1)
        pen.curve(*_lerp(p1, v, 0.55), *_lerp(p2, v, 0.55), *p2)
    return pen.close()


def _arc_quarter(pen: PathPen, c: Pt, u: Pt, v: Pt, r: float) -> None:
    """Quarter circle from c+u·r to c+v·r (u ⊥ v unit vectors)."""
    k = 0.5523 * r
    pen.curve(
        c[0] + u[0] * r + v[0] * k, c[1] + u[1] * r + v[1] * k,
        c[0] + v[0] * r + u[0] * k, c[1] + v[1] * r + u[1] * k,
        c[0] + v[0] * r, c[1] + v[1] * r,
    )


def _limb(pen: PathPen, pts: Sequence[Pt], w0: float, w1: float) -> PathPen:
    """A tapered sausage along a polyline with round ends: arms, legs, straps."""
    n = len(pts)
    segs = []
    for i in range(n - 1):
        dx, dy = pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]
        ln = math.hypot(dx, dy)
        segs.append((dx / ln, dy / ln))
    left, right = [], []
    for i, p in enumerate(pts):
        hw = (w0 + (w1 - w0) * i / (n - 1)) / 2
        ds = [segs[j] for j in (i - 1, i) if 0 <= j < n - 1]
        ax, ay = sum(d[0] for d in ds), sum(d[1] for d in ds)
        ln = math.hypot(ax, ay)
        ax, ay = ax / ln, ay / ln
        nx, ny = -ay, ax
        miter = hw / max(0.5, nx * -ds[0][1] + ny * ds[0][0])  # keep the width across a bend
        left.append((p[0] + nx * miter, p[1] + ny * miter))
        right.append((p[0] - nx * miter, p[1] - ny * miter))
    pen.move(*left[0])
    for q in left[1:]:
        pen.line(*q)
    d = segs[-1]
    nrm = (-d[1], d[0])
    r_end = (w1) / 2
    _arc_quarter(pen, pts[-1], nrm, d, r_end)
    _arc_quarter(pen, pts[-1], d, (-nrm[0], -nrm[1]), r_end)
    for q in reversed(right[:-1]):
        pen.line(*q)
    d = segs[0]
    nrm = (-d[1], d[0])
    back = (-d[0], -d[1])
    _arc_quarter(pen, pts[0], (-nrm[0], -nrm[1]), back, w0 / 2)
    _arc_quarter(pen, pts[0], back, nrm, w0 / 2)
    return pen.close()


# ---- the figure --------------------------------------------------------------------------------


class _Canvas:
    """Collects frame-unit parts in drawing order, remembering which belong to the head."""

    def __init__(self) -> None:
        self.parts: list[tuple[list[PathOp], Color | None, Color | None, float, bool]] = []
        self.held: list[PathOp] = []  # outline of what the hand holds
        self.hands: dict[str, Pt] = {}

    def add(
        self, pen: PathPen, fill: Color | None, stroke: Color | None = OUTLINE,
        width: float = LINE, head: bool = False, held: bool = False,
    ) -> None:
        self.parts.append((pen.ops, fill, stroke if stroke is not None else None, width, head))
        if held:
            self.held.extend(pen.ops)


def _hair_back(cv: _Canvas, b: _Body, lk: _Look) -> None:
    """Hair that sits behind the head: bob, ponytail, pigtails, buns."""
    H = _head_pt(b)
    st = lk.hair_style
    if st in ("peaked_bob", "army_bob"):  # hair gathered short under the cap, to the jaw
        pts = [(-1.06, -0.4), (-1.14, 0.2), (-1.06, 0.7), (-0.7, 0.82), (0.7, 0.82), (1.06, 0.7),
               (1.14, 0.2), (1.06, -0.4), (0.5, -0.9), (-0.5, -0.9)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st == "bob":
        pts = [(-1.08, -0.55), (-1.18, 0.2), (-1.12, 0.78), (-0.75, 0.95), (0.75, 0.95), (1.12, 0.78),
               (1.18, 0.2), (1.08, -0.55), (0.5, -1.08), (-0.5, -1.08)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st == "ponytail":
        pts = [(-0.85, -0.75), (-1.3, -0.55), (-1.5, 0.05), (-1.42, 0.7), (-1.22, 0.95), (-1.12, 0.45),
               (-1.0, -0.1)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
        cx, cy = H(-1.08, -0.55)
        cv.add(PathPen().ellipse(cx, cy, 0.11 * b.hrx, 0.15 * b.hry), lk.accent, head=True)
    elif st == "pigtails":
        for s in (-1, 1):
            cx, cy = H(1.12 * s, 0.25)
            cv.add(_smooth(PathPen(), [(cx - 0.06 * b.hrx * s, cy - 0.45 * b.hry),
                                       (cx + 0.32 * b.hrx * s, cy - 0.1 * b.hry),
                                       (cx + 0.3 * b.hrx * s, cy + 0.45 * b.hry),
                                       (cx + 0.05 * b.hrx * s, cy + 0.6 * b.hry),
                                       (cx - 0.2 * b.hrx * s, cy + 0.1 * b.hry)]), lk.hair, head=True)
            tx, ty = H(0.98 * s, 0.0)
            cv.add(PathPen().ellipse(tx, ty, 0.1 * b.hrx, 0.12 * b.hry), lk.accent, head=True)
    elif st == "bun":
        cx, cy = H(-0.92, -0.72)
        cv.add(PathPen().ellipse(cx, cy, 0.3 * b.hrx, 0.3 * b.hry), lk.hair, head=True)
    elif st == "curly":
        cx, cy = H(0.0, -1.12)
        cv.add(PathPen().ellipse(cx, cy, 0.3 * b.hrx, 0.26 * b.hry), lk.hair, head=True)
        pin = PathPen().move(*H(-0.32, -1.2)).line(*H(0.3, -1.02))
        cv.add(pin, None, lk.accent.darker(0.1), LINE * 0.8, head=True)
    elif st == "long":
        pts = [(-1.08, -0.55), (-1.2, 0.2), (-1.22, 0.95), (-1.3, 1.55), (-0.7, 1.62), (0.7, 1.62), (1.3, 1.55),
               (1.22, 0.95), (1.2, 0.2), (1.08, -0.55), (0.5, -1.08), (-0.5, -1.08)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st == "perm":  # a cloud of set curls round the whole head, down to the jaw
        pts = _curls(math.pi - 0.75, 2 * math.pi + 0.75, 1.24, 1.12, 17)
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)


def _curls(t0: float, t1: float, r_out: float, r_in: float, n: int) -> list[Pt]:
    """Head-unit points on a bumpy arc from angle t0 to t1 (radians, screen y down: 3π/2 is the crown);
    alternating radii make a Catmull-Rom outline that reads as curls."""
    pts = []
    for i in range(n):
        t = t0 + (t1 - t0) * i / (n - 1)
        r = r_out if i % 2 == 0 else r_in
        pts.append((r * math.cos(t), r * math.sin(t)))
    return pts


def _hair_front(cv: _Canvas, b: _Body, lk: _Look) -> None:
    """Hair over the head's top: the style that tells people apart."""
    H = _head_pt(b)
    st = lk.hair_style
    if st in ("short", "ponytail", "bun"):
        pts = [(-1.05, 0.05), (-1.1, -0.42), (-0.86, -0.88), (-0.4, -1.12), (0.15, -1.14), (0.66, -0.98),
               (1.0, -0.6), (1.08, -0.16), (1.03, 0.08), (0.9, -0.22), (0.74, -0.46), (0.38, -0.5),
               (-0.05, -0.62), (-0.5, -0.52), (-0.8, -0.3), (-0.9, 0.02)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st in ("bob", "long"):
        pts = [(-1.08, 0.62), (-1.12, -0.3), (-0.84, -0.9), (-0.3, -1.14), (0.3, -1.14), (0.84, -0.9),
               (1.12, -0.3), (1.08, 0.62), (0.9, 0.4), (0.86, -0.2), (0.62, -0.42), (0.15, -0.5),
               (-0.35, -0.38), (-0.72, -0.28), (-0.88, 0.0), (-0.9, 0.42)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st == "pigtails":
        pts = [(-1.04, 0.2), (-1.08, -0.4), (-0.8, -0.92), (-0.25, -1.13), (0.35, -1.1), (0.85, -0.82),
               (1.08, -0.35), (1.04, 0.2), (0.9, -0.2), (0.55, -0.42), (0.2, -0.36), (-0.15, -0.48),
               (-0.55, -0.4), (-0.88, -0.15)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st == "cap":
        side = [(-1.04, 0.05), (-1.06, -0.35), (-0.9, -0.35), (-0.88, 0.0)]
        cv.add(_smooth(PathPen(), [H(*p) for p in side]), lk.hair, head=True)
        dome = [(-1.08, -0.3), (-0.96, -0.78), (-0.5, -1.12), (0.15, -1.15), (0.72, -0.92), (1.06, -0.4),
                (0.9, -0.36), (0.2, -0.42), (-0.5, -0.38)]
        cv.add(_smooth(PathPen(), [H(*p) for p in dome]), lk.accent, head=True)
        brim = PathPen()
        x0, y0 = H(0.35, -0.42)
        x1, y1 = H(1.42, -0.3)
        brim.move(x0, y0).curve(x0 + 10, y0 - 4, x1 - 4, y1 - 5, x1, y1)
        brim.curve(x1 - 6, y1 + 5, x0 + 8, y0 + 5, x0, y0).close()
        cv.add(brim, lk.accent.darker(0.2), head=True)
        bx, by = H(0.0, -1.14)
        cv.add(PathPen().ellipse(bx, by + 1.5, 2.4, 2.0), lk.accent.darker(0.2), head=True)
    elif st == "curly":
        pts = [(-1.06, 0.1), (-1.14, -0.3), (-1.0, -0.72), (-0.65, -1.0), (-0.2, -1.12), (0.25, -1.12),
               (0.68, -1.0), (1.0, -0.72), (1.14, -0.3), (1.06, 0.1), (0.92, -0.2), (0.75, -0.38),
               (0.5, -0.48), (0.3, -0.4), (0.05, -0.52), (-0.2, -0.42), (-0.45, -0.52), (-0.7, -0.38),
               (-0.88, -0.2)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st == "crop":  # short grey back-and-sides with a high, straight hairline
        pts = [(-1.04, 0.1), (-1.08, -0.38), (-0.86, -0.84), (-0.36, -1.09), (0.22, -1.1), (0.72, -0.92),
               (1.02, -0.52), (1.05, 0.05), (0.94, -0.12), (0.84, -0.55), (0.6, -0.74), (0.3, -0.66), (0.0, -0.72),
               (-0.35, -0.66), (-0.65, -0.72), (-0.86, -0.5), (-0.92, 0.0)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    elif st == "parted":  # side parting, the fringe swept toward the facing side
        pts = [(-1.05, 0.05), (-1.1, -0.45), (-0.86, -0.9), (-0.36, -1.14), (0.25, -1.13), (0.76, -0.93),
               (1.05, -0.52), (1.08, -0.02), (0.96, -0.2), (0.86, -0.44), (0.45, -0.6), (-0.05, -0.7),
               (-0.42, -0.76), (-0.5, -0.56), (-0.8, -0.4), (-0.91, 0.0)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
        part = PathPen().move(*H(-0.44, -0.76)).curve(*H(-0.38, -0.9), *H(-0.3, -1.0), *H(-0.22, -1.08))
        cv.add(part, None, lk.hair.darker(0.45), LINE * 0.6, head=True)
    elif st == "perm":
        top = _curls(math.pi + 0.05, 2 * math.pi - 0.05, 1.16, 1.06, 13)
        line = [(0.95, -0.05), (0.78, -0.42), (0.42, -0.56), (0.12, -0.46), (-0.2, -0.58), (-0.52, -0.46),
                (-0.8, -0.4), (-0.95, -0.05)]
        cv.add(_smooth(PathPen(), [H(*p) for p in top + line]), lk.hair, head=True)
    elif st == "flatcap":  # grey sides under a flat tweed cap with a short peak
        for s in (-1, 1):
            pts = [(1.03 * s, 0.12), (1.1 * s, -0.15), (1.04 * s, -0.42), (0.86 * s, -0.4), (0.88 * s, -0.05)]
            cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
        cap = lk.cap or lk.accent
        crown = [(-1.1, -0.3), (-1.1, -0.74), (-0.74, -1.06), (0.0, -1.12), (0.7, -1.0), (1.08, -0.66),
                 (1.16, -0.38), (0.9, -0.32), (0.0, -0.38), (-0.8, -0.32)]
        cv.add(_smooth(PathPen(), [H(*p) for p in crown]), cap, head=True)
        peak = [(0.35, -0.38), (1.02, -0.46), (1.36, -0.3), (1.26, -0.16), (0.5, -0.22)]
        cv.add(_smooth(PathPen(), [H(*p) for p in peak]), cap.darker(0.25), head=True)
        seam = PathPen().move(*H(-0.9, -0.62)).curve(*H(-0.4, -0.8), *H(0.4, -0.8), *H(1.0, -0.5))
        cv.add(seam, None, cap.darker(0.4), LINE * 0.6, head=True)
    elif st == "spiky":  # short on the sides, tufts standing up on top
        pts = [(-1.05, 0.05), (-1.12, -0.45), (-0.95, -0.92), (-0.7, -1.02), (-0.55, -1.32), (-0.3, -1.1),
               (-0.05, -1.38), (0.15, -1.12), (0.45, -1.34), (0.55, -1.05), (0.9, -1.12), (0.92, -0.85),
               (1.1, -0.5), (1.05, 0.05), (0.92, -0.25), (0.7, -0.5), (0.3, -0.52), (-0.1, -0.6), (-0.5, -0.5),
               (-0.82, -0.32), (-0.9, 0.02)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts], tension=0.8), lk.hair, head=True)
    elif st in ("peaked", "peaked_bob", "army", "army_bob"):
        _uniform_cap(cv, b, lk, police=st.startswith("peaked"))
    elif st == "bald":
        for s in (-1, 1):
            pts = [(1.02 * s, 0.12), (1.12 * s, -0.15), (1.02 * s, -0.5), (0.86 * s, -0.62), (0.8 * s, -0.35),
                   (0.86 * s, -0.05)]
            cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
        # two combed strands on top: still a grandpa, not a billiard ball
        pen = PathPen()
        for dx in (-0.15, 0.15):
            pen.move(*H(dx - 0.25, -0.93))
            pen.curve(*H(dx - 0.1, -1.07), *H(dx + 0.12, -1.05), *H(dx + 0.25, -0.9))
        cv.add(pen, None, lk.hair.darker(0.35), LINE * 0.7, head=True)


def _head_pt(b: _Body):  # noqa: ANN202 - tiny closure factory
    """Map head-unit coordinates (u, v in −1..1 across the head ellipse) to frame units."""
    return lambda u, v: (b.hcx + u * b.hrx, b.hcy + v * b.hry)


def _uniform_cap(cv: _Canvas, b: _Body, lk: _Look, police: bool) -> None:
    """Short sides under a peaked cap: the police's wide dark-blue one with a white band line, or the army's
    olive one; a gold badge on the front."""
    H = _head_pt(b)
    if lk.hair_style in ("peaked", "army"):
        for s in (-1, 1):
            pts = [(1.03 * s, 0.1), (1.08 * s, -0.2), (1.02 * s, -0.42), (0.86 * s, -0.4), (0.88 * s, -0.05)]
            cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    else:  # the fringe of a bob under the cap's band
        pts = [(-1.04, 0.3), (-1.06, -0.4), (1.06, -0.4), (1.04, 0.3), (0.9, -0.1), (0.6, -0.26), (-0.6, -0.26),
               (-0.9, -0.1)]
        cv.add(_smooth(PathPen(), [H(*p) for p in pts]), lk.hair, head=True)
    color = lk.top
    if police:
        crown = [(-1.2, -0.72), (-1.08, -1.0), (-0.3, -1.2), (0.6, -1.2), (1.3, -1.02), (1.34, -0.8),
                 (1.08, -0.56), (-1.0, -0.56)]
    else:
        crown = [(-1.1, -0.62), (-1.06, -0.98), (-0.4, -1.22), (0.5, -1.22), (1.1, -1.0), (1.16, -0.64)]
    cv.add(_smooth(PathPen(), [H(*p) for p in crown], tension=0.7), color, head=True)
    band = [(-1.06, -0.64), (1.1, -0.64), (1.1, -0.38), (-1.06, -0.38)]
    band_fill = color.darker(0.35) if police else color.darker(0.2)
    cv.add(_rounded_poly(PathPen(), [H(*p) for p in band], 1.5), band_fill, head=True)
    if police:  # the white piping over the band
        piping = PathPen().move(*H(-1.0, -0.62)).line(*H(1.05, -0.62))
        cv.add(piping, None, _C("#FFFFFF"), LINE * 0.6, head=True)
    peak = [(0.3, -0.4), (0.95, -0.44), (1.34, -0.32), (1.26, -0.18), (0.5, -0.24)]
    cv.add(_smooth(PathPen(), [H(*p) for p in peak]), _C("#1E1E24") if police else color.darker(0.45), head=True)
    bx, by = H(0.32, -0.78)
    q = b.hrx / 30
    if police:
        star = [(bx + (4.2 if i % 2 == 0 else 1.8) * q * math.sin(i * math.pi / 5),
                 by - (4.2 if i % 2 == 0 else 1.8) * q * math.cos(i * math.pi / 5)) for i in range(10)]
        pen = PathPen().move(*star[0])
        for pt in star[1:]:
            pen.line(*pt)
        cv.add(pen.close(), _C(_GOLD), OUTLINE, LINE * 0.45, head=True)
    else:
        cv.add(PathPen().ellipse(bx, by, 3.6 * q, 3.6 * q), _C(_GOLD), OUTLINE, LINE * 0.5, head=True)
        cv.add(PathPen().ellipse(bx, by, 1.8 * q, 1.8 * q), _C(_ROSETTE), None, head=True)


def _face(cv: _Canvas, b: _Body, expression: str, talking: bool, lashes: bool = False) -> Pt:
    """Eyes, brows, cheeks and mouth; returns the mouth point. Features lean toward the facing side.

    happy and thankful close the eyes in smiling arcs (thankful blushes, with a sparkle); relieved closes them
    in soft downward arcs and lets out a sigh; worried lifts the brows' inner ends and sweats; question raises
    one brow over a sideways mouth, with a question mark by the head; surprised opens eyes and mouth wide."""
    H = _head_pt(b)
    q = b.hrx / 30  # feature scale
    f = 0.14  # 3/4 view: the face sits a little toward where the person looks
    ink_ = OUTLINE
    eyes = [H(f - 0.36, 0.16), H(f + 0.36, 0.16)]
    cheeks = PathPen()
    blush = 1.3 if expression == "thankful" else 1.0
    for s in (-1, 1):
        cx, cy = H(f + 0.6 * s, 0.42)
        cheeks.ellipse(cx, cy, 4.2 * q * blush, 2.6 * q * blush)
    cv.add(cheeks, _C(_CHEEK), None, head=True)

    closed = expression in ("happy", "thankful", "relieved")
    if expression in ("happy", "thankful"):
        pen = PathPen()
        for ex, ey in eyes:  # closed smiling eyes: ⌒
            pen.move(ex - 3.6 * q, ey + 1.2 * q).curve(ex - 2.2 * q, ey - 3.2 * q, ex + 2.2 * q, ey - 3.2 * q,
                                                        ex + 3.6 * q, ey + 1.2 * q)
        cv.add(pen, None, ink_, LINE * 0.95, head=True)
    elif expression == "relieved":
        pen = PathPen()
        for ex, ey in eyes:  # eyes shut in relief: ‿, a little lower than open eyes
            pen.move(ex - 3.6 * q, ey).curve(ex - 2.2 * q, ey + 3.0 * q, ex + 2.2 * q, ey + 3.0 * q,
                                              ex + 3.6 * q, ey)
        cv.add(pen, None, ink_, LINE * 0.9, head=True)
    else:
        big = expression == "surprised"
        rx, ry = (3.4 * q, 4.4 * q) if big else (2.8 * q, 3.8 * q)
        pen = PathPen()
        for ex, ey in eyes:
            pen.ellipse(ex, ey, rx, ry)
        cv.add(pen, ink_, None, head=True)
        shine = PathPen()
        for ex, ey in eyes:
            shine.ellipse(ex + 0.9 * q, ey - 1.4 * q, 1.1 * q, 1.2 * q)
        cv.add(shine, _C("#FFFFFF"), None, head=True)

    if lashes:  # a flick at each eye's outer corner
        pen = PathPen()
        for i, (ex, ey) in enumerate(eyes):
            s = -1 if i == 0 else 1
            if closed:
                x0, y0 = ex + s * 3.4 * q, ey + (0.2 if expression != "relieved" else 0.4) * q
                pen.move(x0, y0).line(x0 + s * 2.4 * q, y0 - 1.2 * q)
            else:
                rx = (3.4 if expression == "surprised" else 2.8) * q
                x0, y0 = ex + s * rx * 0.75, ey - 2.4 * q
                pen.move(x0, y0).line(x0 + s * 2.4 * q, y0 - 1.8 * q)
        cv.add(pen, None, ink_, LINE * 0.7, head=True)

    brows = PathPen()
    for i, (ex, ey) in enumerate(eyes):
        s = -1 if i == 0 else 1  # -1: brow on the left, its inner end is on its right
        by = ey - (10.5 if expression == "surprised" else 8.5) * q
        if expression == "worried":  # inner ends lifted
            brows.move(ex + s * 3.8 * q, by + 1.2 * q).line(ex - s * 3.2 * q, by - 2.0 * q)
        elif expression == "question" and s == 1:  # the near brow arched high, the other level
            by -= 3.0 * q
            brows.move(ex - 3.6 * q, by + 1.4 * q)
            brows.curve(ex - 1.8 * q, by - 2.6 * q, ex + 1.8 * q, by - 2.6 * q, ex + 3.8 * q, by + 0.4 * q)
        elif expression == "question":
            brows.move(ex - 3.4 * q, by + 1.0 * q).line(ex + 3.4 * q, by + 0.4 * q)
        elif expression == "relieved":  # relaxed, a little lowered at the outer ends
            brows.move(ex - 3.4 * q, by + (1.6 if s == -1 else 0.2) * q)
            brows.curve(ex - 1.5 * q, by - 0.8 * q, ex + 1.5 * q, by - 0.8 * q, ex + 3.4 * q,
                        by + (0.2 if s == -1 else 1.6) * q)
        else:
            brows.move(ex - 3.4 * q, by + 0.6 * q)
            brows.curve(ex - 1.5 * q, by - 1.4 * q, ex + 1.5 * q, by - 1.4 * q, ex + 3.4 * q, by + 0.6 * q)
    cv.add(brows, None, ink_, LINE * 0.8, head=True)

    mx, my = H(f, 0.5)
    mouth = PathPen()
    if expression == "surprised":
        mouth.ellipse(mx, my + 2.2 * q, 2.6 * q, 3.3 * q)
        cv.add(mouth, _C(_MOUTH), ink_, LINE * 0.7, head=True)
    elif expression == "question":  # a small mouth pulled to one side
        if talking:
            mouth.ellipse(mx + 1.2 * q, my + 1.8 * q, 2.2 * q, 2.4 * q)
            cv.add(mouth, _C(_MOUTH), ink_, LINE * 0.7, head=True)
        else:
            mouth.move(mx - 3.5 * q, my + 2.2 * q).curve(mx - 1 * q, my + 2.8 * q, mx + 2 * q, my + 1.2 * q,
                                                          mx + 4 * q, my + 0.4 * q)
            cv.add(mouth, None, ink_, LINE * 0.8, head=True)
    elif expression in ("happy", "thankful") or (talking and expression != "relieved"):
        hw, d = (6.2 * q, 6.8 * q) if expression in ("happy", "thankful") else (4.6 * q, 5.0 * q)
        if expression == "worried":
            hw, d = 3.6 * q, 4.0 * q
        mouth.move(mx - hw, my).line(mx + hw, my)
        mouth.curve(mx + hw, my + d * 0.75, mx + hw * 0.5, my + d, mx, my + d)
        mouth.curve(mx - hw * 0.5, my + d, mx - hw, my + d * 0.75, mx - hw, my).close()
        cv.add(mouth, _C(_MOUTH), ink_, LINE * 0.7, head=True)
    elif expression == "worried":
        mouth.move(mx - 4 * q, my + 3 * q).curve(mx - 1.5 * q, my - 0.5 * q, mx + 1.5 * q, my - 0.5 * q,
                                                  mx + 4 * q, my + 3 * q)
        cv.add(mouth, None, ink_, LINE * 0.8, head=True)
    elif expression == "relieved":  # a soft smile, a little open when talking
        hw = 4.8 * q
        mouth.move(mx - hw, my + 0.8 * q).curve(mx - 2 * q, my + (4.6 if talking else 3.6) * q,
                                                 mx + 2 * q, my + (4.6 if talking else 3.6) * q, mx + hw, my + 0.8 * q)
        if talking:
            mouth.curve(mx + 2 * q, my + 2.2 * q, mx - 2 * q, my + 2.2 * q, mx - hw, my + 0.8 * q).close()
            cv.add(mouth, _C(_MOUTH), ink_, LINE * 0.7, head=True)
        else:
            cv.add(mouth, None, ink_, LINE * 0.8, head=True)
    else:
        mouth.move(mx - 4.5 * q, my + 0.5 * q).curve(mx - 2 * q, my + 4 * q, mx + 2 * q, my + 4 * q,
                                                      mx + 4.5 * q, my + 0.5 * q)
        cv.add(mouth, None, ink_, LINE * 0.8, head=True)
    if expression == "worried":  # a sweat drop on the far side of the head
        sx, sy = H(-0.78, -0.32)
        drop = [(sx, sy - 5.5 * q), (sx + 2.6 * q, sy + 0.5 * q), (sx, sy + 3 * q),
                (sx - 2.6 * q, sy + 0.5 * q)]
        cv.add(_smooth(PathPen(), drop), _C(_SWEAT), ink_, LINE * 0.6, head=True)
    elif expression == "question":  # a question mark floating behind the head
        _question_mark(cv, *H(-1.22, -1.42), 13.0 * q)
    elif expression == "relieved":  # a sigh: a little puff out of the mouth toward the front
        px, py = H(0.95, 0.62)
        puff = [(px - 1.5 * q, py), (px + 1.5 * q, py - 2.6 * q), (px + 5 * q, py - 2.2 * q), (px + 6.4 * q, py),
                (px + 5 * q, py + 2.4 * q), (px + 1.5 * q, py + 2.6 * q)]
        cv.add(_smooth(PathPen(), puff), _C("#FFFFFF"), ink_, LINE * 0.5, head=True)
    elif expression == "thankful":  # a small four-point sparkle above the forehead on the facing side
        sx, sy = H(1.0, -1.05)
        r1, r2 = 5.0 * q, 1.4 * q
        pts = [(sx, sy - r1), (sx + r2, sy - r2), (sx + r1, sy), (sx + r2, sy + r2), (sx, sy + r1),
               (sx - r2, sy + r2), (sx - r1, sy), (sx - r2, sy - r2)]
        pen = PathPen().move(*pts[0])
        for pt in pts[1:]:
            pen.line(*pt)
        cv.add(pen.close(), _C(_GOLD), ink_, LINE * 0.45, head=True)
    return (mx, my + 2.5 * q)


def _question_mark(cv: _Canvas, x: float, y: float, size: float) -> None:
    """A bold hand-lettered ? (hook and dot) whose box is about size × 1.5·size, centred on x, top at y."""
    u = size / 10
    hook = [(-4.2 * u, 3.4 * u), (-4.0 * u, -0.6 * u), (0, -2.6 * u), (4.2 * u, -0.4 * u), (4.0 * u, 3.8 * u),
            (1.0 * u, 6.6 * u), (1.0 * u, 9.4 * u)]
    pen = _smooth(PathPen(), [(x + px, y + py + 2.6 * u) for px, py in hook], closed=False)
    cv.add(pen, None, OUTLINE, LINE * 1.1, head=True)
    cv.add(PathPen().ellipse(x + 1.0 * u, y + 14.6 * u, 1.5 * u, 1.5 * u), OUTLINE, None, head=True)


def _build(lk: _Look, expression: str, pose: str) -> tuple[_Canvas, Pt]:
    base = lk.base
    b = _CHILD if base == "child" else _YOUNG if base == "young" else _ADULT
    cv = _Canvas()
    cx = b.hcx
    sh, hip, tw, bw, fy = b.sh_y, b.hip_y, b.tw, b.bw, b.foot_y
    leg_bot = fy - 9

    _hair_back(cv, b, lk)
    if base == "student":  # backpack peeking out behind the far shoulder
        cv.add(PathPen().round_rect(cx - tw - 8, sh + 6, 22, hip - sh - 14, 7), lk.accent)

    # legs (trousers, or skirt over bare legs)
    if lk.skirt:
        legs = PathPen()
        for s in (-1, 1):
            _limb(legs, [(cx + s * 7, hip), (cx + s * 7.5, leg_bot + 2)], 10, 9)
        cv.add(legs, lk.skin)
    else:
        crotch = hip + 0.3 * (leg_bot - hip)
        cv.add(_rounded_poly(PathPen(), [
            (cx - bw + 1, hip - 6), (cx + bw - 1, hip - 6), (cx + bw - 1.5, leg_bot), (cx + 1.6, leg_bot),
            (cx + 1, crotch), (cx - 1, crotch), (cx - 1.6, leg_bot), (cx - bw + 1.5, leg_bot)], 3.5),
            lk.bottom)
    shoes = PathPen()
    for x0 in (cx - bw - 1, cx + 1.5):  # toes point the way the person faces
        x1 = x0 + bw + 2  # the two shoes must not overlap: one path, even-odd fill
        sole = [(x0, leg_bot - 2), (x1 - 7, leg_bot - 2), (x1, fy - 4), (x1, fy), (x0, fy)]
        _rounded_poly(shoes, sole, 3.5)
    cv.add(shoes, lk.shoes)

    # torso
    torso = [(cx - tw, sh + 9), (cx - tw + 7, sh), (cx + tw - 7, sh), (cx + tw, sh + 9),
             (cx + bw, hip), (cx - bw, hip)]
    if lk.skirt:  # a dress: the top flares into a skirt
        torso = [(cx - tw, sh + 9), (cx - tw + 7, sh), (cx + tw - 7, sh), (cx + tw, sh + 9),
                 (cx + bw + 1, hip - 6), (cx + bw + 9, hip + 22), (cx - bw - 9, hip + 22),
                 (cx - bw - 1, hip - 6)]
    cv.add(_rounded_poly(PathPen(), torso, 6), lk.top)
    _clothes(cv, b, lk)
    if base == "doctor":
        _white_coat(cv, b, lk)

    # arms: the far one hangs (holding a cane, maybe); the near one, on the facing side, makes the pose
    far_hand = (cx - tw - 6, hip - 8)  # hands held a little off the body so arms read as arms
    if lk.cane:
        hx, hy = far_hand
        cane = PathPen().move(hx + 5, hy + 2).curve(hx + 5, hy - 6, hx - 3, hy - 6, hx - 3, hy + 1)
        cane.line(hx - 3, fy - 1)
        cv.add(cane, None, OUTLINE, 4.6)
        cv.add(_copy(cane), None, _C(_CANE), 2.4)  # brown over a dark stroke: an outlined stick
    arm_w = 13 if base != "child" else 11
    cv.add(_limb(PathPen(), [(cx - tw + 4, sh + 7), (cx - tw - 3, sh + 32), far_hand], arm_w, arm_w - 2.5),
           _sleeve(lk))
    cv.add(PathPen().ellipse(far_hand[0], far_hand[1] + 3, 5.8, 6.0), lk.skin)
    cv.hands["far"] = (far_hand[0], far_hand[1] + 3)
    front = _Canvas()  # what must show in front of the head: a hand raised beside the face
    cv.hands["near"] = _near_arm(cv, front, b, lk, pose, arm_w)

    # head
    H = _head_pt(b)
    ears = PathPen()
    for s in (-1, 1):
        ex, ey = H(0.97 * s, 0.18)
        ears.ellipse(ex, ey, 5.0 * b.hrx / 30, 6.5 * b.hry / 28.5)
    cv.add(ears, lk.skin, head=True)
    cv.add(PathPen().ellipse(b.hcx, b.hcy, b.hrx, b.hry), lk.skin, head=True)
    _hair_front(cv, b, lk)
    mouth = _face(cv, b, expression, pose != "standing", lashes=lk.woman)
    if lk.mustache:  # a grey brush over the lip
        mx, my = H(0.14, 0.5)
        q = b.hrx / 30
        pts = [(mx - 7 * q, my - 0.5 * q), (mx - 3 * q, my - 4 * q), (mx, my - 2.8 * q), (mx + 3 * q, my - 4 * q),
               (mx + 7 * q, my - 0.5 * q), (mx, my - 1.2 * q)]
        cv.add(_smooth(PathPen(), pts), lk.hair, OUTLINE, LINE * 0.6, head=True)
        mouth = (mouth[0], mouth[1] + 0.5 * q)
    if lk.glasses:
        g = PathPen()
        r = 6.6 * b.hrx / 30
        for u in (0.14 - 0.36, 0.14 + 0.36):
            gx, gy = H(u, 0.16)
            g.ellipse(gx, gy, r, r * 0.9)
        lx, ly = H(0.14 - 0.36, 0.12)
        rx_, _ = H(0.14 + 0.36, 0.12)
        lx, rx_ = lx + r, rx_ - r
        g.move(lx, ly).curve(lx + (rx_ - lx) * 0.3, ly - 2.2, lx + (rx_ - lx) * 0.7, ly - 2.2, rx_, ly)
        cv.add(g, None, _C("#6B4A2B"), LINE * 0.7, head=True)
    if pose == "nodding":  # the head dips forward about the neck, with two nod ticks over it
        pivot = (b.hcx, b.hcy + b.hry)
        a = math.radians(7)
        ca, sa = math.cos(a), math.sin(a)

        def tilt(px: float, py: float) -> Pt:
            dx, dy = px - pivot[0], py - pivot[1]
            return (pivot[0] + dx * ca - dy * sa, pivot[1] + dx * sa + dy * ca)

        # every head part dips, the hair drawn behind the body too
        cv.parts = [(list(_map_ops(ops, tilt)), fill, stroke, width, True) if is_head
                    else (ops, fill, stroke, width, False) for ops, fill, stroke, width, is_head in cv.parts]
        mouth = tilt(*mouth)
        ticks = PathPen()
        for k, (u, v) in enumerate(((0.55, -1.32), (0.95, -1.12))):
            tx, ty = H(u, v)
            ln = 5.0 - k
            ticks.move(tx - 0.4 * ln, ty - ln).curve(tx + 0.6 * ln, ty - 0.3 * ln, tx + 0.6 * ln, ty + 0.3 * ln,
                                                     tx - 0.2 * ln, ty + ln)
        cv.add(ticks, None, OUTLINE, LINE * 0.6, head=True)
    cv.parts.extend(front.parts)
    cv.held.extend(front.held)
    return cv, mouth


def _clothes(cv: _Canvas, b: _Body, lk: _Look) -> None:
    """What is worn over the torso: the vest, the tracksuit, cardigans and collars, a tie."""
    cx, sh, hip, tw, bw = b.hcx, b.sh_y, b.hip_y, b.tw, b.bw
    white = _C("#FFFFFF")
    if lk.base == "staff":  # the vest in the theme's colour, open in a V over the shirt, with a name badge
        vest_color = lk.uniform or _C(_VEST)
        collar = PathPen()
        for s in (-1, 1):
            _rounded_poly(collar, [(cx + s * 0.5, sh - 1), (cx + s * 9, sh - 1.5), (cx + s * 5, sh + 8),
                                   (cx + s * 0.5, sh + 4)], 1.2)
        cv.add(collar, lk.top, OUTLINE, LINE * 0.6)
        vest = [(cx - tw, sh + 9), (cx - tw + 7, sh), (cx - 8, sh), (cx, sh + 28), (cx + 8, sh),
                (cx + tw - 7, sh), (cx + tw, sh + 9), (cx + bw, hip), (cx - bw, hip)]
        cv.add(_rounded_poly(PathPen(), vest, 4), vest_color)
        if lk.woman:  # a lanyard to the badge
            lan = PathPen().move(cx - 6, sh + 1).line(cx + 8, sh + 26).move(cx + 6, sh + 1).line(cx + 10, sh + 26)
            cv.add(lan, None, lk.badge or _C(_BADGE), LINE * 0.7)
        cv.add(PathPen().round_rect(cx + 6, sh + 26, 9, 6.5, 1.2), lk.badge or _C(_BADGE), OUTLINE, LINE * 0.6)
        pocket = PathPen().move(cx - 15, sh + 40).line(cx - 6, sh + 40)
        cv.add(pocket, None, OUTLINE, LINE * 0.5)
    elif lk.base == "police":  # a buttoned tunic: shoulder boards, a chest badge, a belt, a tie at the collar
        collar = PathPen()
        for s in (-1, 1):
            _rounded_poly(collar, [(cx + s * 0.5, sh - 1), (cx + s * 10, sh - 1.5), (cx + s * 6, sh + 11),
                                   (cx + s * 0.5, sh + 5)], 1.2)
        cv.add(_rounded_poly(PathPen(), [(cx - 3, sh + 3), (cx + 3, sh + 3), (cx + 3.8, sh + 22), (cx, sh + 26),
                                         (cx - 3.8, sh + 22)], 1.5), lk.top.darker(0.4), OUTLINE, LINE * 0.6)
        cv.add(collar, _C("#DCEAF7"), OUTLINE, LINE * 0.6)
        boards = PathPen()
        for s in (-1, 1):
            boards.round_rect(cx + s * (tw - 4) - 5, sh + 0.5, 10, 4.5, 1.5)
        cv.add(boards, lk.top.darker(0.3), OUTLINE, LINE * 0.5)
        shield = [(cx + 6, sh + 16), (cx + 15, sh + 16), (cx + 15, sh + 23), (cx + 10.5, sh + 27), (cx + 6, sh + 23)]
        cv.add(_rounded_poly(PathPen(), shield, 1.2), _C(_GOLD), OUTLINE, LINE * 0.5)
        buttons = PathPen()
        for i in range(2):
            buttons.ellipse(cx - 2.5, sh + 34 + i * 13, 1.6, 1.6)
        cv.add(buttons, _C(_GOLD), None)
        cv.add(PathPen().rect(cx - bw, hip - 10, 2 * bw, 5), _C("#1E1E24"), OUTLINE, LINE * 0.5)
        cv.add(PathPen().round_rect(cx - 3.5, hip - 11, 7, 7, 1), _C("#C9D1D9"), OUTLINE, LINE * 0.5)
    elif lk.base == "soldier":  # an olive tunic with breast pockets and a belt; a recruit's big red flower
        pockets = PathPen()
        for s in (-1, 1):
            pockets.round_rect(cx + s * 9 - 5, sh + 14, 10, 9, 1.5)
        cv.add(pockets, lk.top.darker(0.12), OUTLINE, LINE * 0.5)
        collar = PathPen()
        for s in (-1, 1):
            _rounded_poly(collar, [(cx + s * 0.5, sh - 1), (cx + s * 10, sh - 1.5), (cx + s * 6, sh + 9),
                                   (cx + s * 0.5, sh + 4)], 1.2)
        cv.add(collar, lk.top.darker(0.1), OUTLINE, LINE * 0.6)
        cv.add(PathPen().rect(cx - bw, hip - 10, 2 * bw, 5), _C("#6B4E2E"), OUTLINE, LINE * 0.5)
        cv.add(PathPen().round_rect(cx - 3.5, hip - 11, 7, 7, 1), _C(_GOLD), OUTLINE, LINE * 0.5)
        fx, fy = cx - 6, sh + 18  # the rosette: petals round a gold heart, two ribbon tails
        tails = [(fx - 3, fy + 3), (fx - 7, fy + 20), (fx - 3, fy + 17), (fx, fy + 21), (fx + 2, fy + 4)]
        cv.add(_rounded_poly(PathPen(), tails, 1), _C(_ROSETTE), OUTLINE, LINE * 0.5)
        petals = _curls(0, 2 * math.pi * 11 / 12, 8.2, 6.4, 12)
        cv.add(_smooth(PathPen(), [(fx + u, fy + v) for u, v in petals]), _C(_ROSETTE), OUTLINE, LINE * 0.6)
        cv.add(PathPen().ellipse(fx, fy, 2.8, 2.8), _C(_GOLD), OUTLINE, LINE * 0.45)
    elif lk.base == "young" and not lk.woman:  # a hoodie: hood at the neck, drawstrings, a front pocket
        hood = [(cx - 14, sh - 1), (cx + 14, sh - 1), (cx + 11, sh + 7), (cx, sh + 9), (cx - 11, sh + 7)]
        cv.add(_rounded_poly(PathPen(), hood, 4), lk.top.darker(0.15))
        strings = PathPen().move(cx - 4, sh + 7).line(cx - 5, sh + 24).move(cx + 4, sh + 7).line(cx + 5, sh + 24)
        cv.add(strings, None, _C("#FFFFFF"), LINE * 0.8)
        pocket = [(cx - 12, hip - 24), (cx + 12, hip - 24), (cx + 15, hip - 6), (cx - 15, hip - 6)]
        cv.add(_rounded_poly(PathPen(), pocket, 2.5), lk.top.darker(0.08), OUTLINE, LINE * 0.6)
    elif lk.base == "young":  # a round-neck knit with a crossbody bag
        neck = PathPen().move(cx - 9, sh - 0.5).curve(cx - 6, sh + 7, cx + 6, sh + 7, cx + 9, sh - 0.5)
        cv.add(neck, None, OUTLINE, LINE * 0.6)
        strap = PathPen()
        _limb(strap, [(cx + tw - 8, sh + 1), (cx - bw + 2, hip - 12)], 3.6, 3.6)
        cv.add(strap, lk.accent.darker(0.3), OUTLINE, LINE * 0.5)
        cv.add(PathPen().round_rect(cx - bw - 7, hip - 18, 15, 12, 3), lk.accent, OUTLINE, LINE * 0.7)
    elif lk.base == "student":  # tracksuit: white collar and zip; backpack straps over both shoulders
        collar = [(cx - 9, sh - 1), (cx + 9, sh - 1), (cx + 4, sh + 8), (cx - 4, sh + 8)]
        cv.add(_rounded_poly(PathPen(), collar, 2), white, OUTLINE, LINE * 0.7)
        cv.add(PathPen().move(cx, sh + 8).line(cx, hip - 2), None, white, LINE * 0.9)
        straps = PathPen()
        for s in (-1, 1):
            _limb(straps, [(cx + s * (tw - 6), sh + 1), (cx + s * (tw - 5), hip - 20)], 5, 5)
        cv.add(straps, lk.accent.darker(0.25), OUTLINE, LINE * 0.7)
    elif lk.base == "elder":  # a buttoned jacket over a pointed shirt collar, or a cardigan over a round one
        cv.add(PathPen().move(cx, sh + 6).line(cx, hip - 1), None, OUTLINE, LINE * 0.6)
        buttons = PathPen()
        for i in range(3):
            buttons.ellipse(cx + 3, sh + 16 + i * 14, 1.6, 1.6)
        cv.add(buttons, lk.top.darker(0.45), None)
        collar = PathPen()
        if lk.woman:
            for s in (-1, 1):
                _smooth(collar, [(cx + s * 0.5, sh - 1), (cx + s * 9, sh - 1.5), (cx + s * 10, sh + 4),
                                 (cx + s * 5, sh + 8), (cx + s * 0.5, sh + 6)])
            cv.add(collar, white.darker(0.04), OUTLINE, LINE * 0.6)
        else:
            for s in (-1, 1):
                _rounded_poly(collar, [(cx + s * 0.5, sh - 1), (cx + s * 9, sh - 1.5), (cx + s * 5, sh + 10),
                                       (cx + s * 0.5, sh + 4)], 1.2)
            cv.add(collar, white.darker(0.04), OUTLINE, LINE * 0.6)
            pockets = PathPen()
            for s in (-1, 1):
                pockets.move(cx + s * 5, hip - 20).line(cx + s * 14, hip - 20)
            cv.add(pockets, None, lk.top.darker(0.4), LINE * 0.6)
    elif lk.tie is not None:  # an office shirt collar and tie
        collar = PathPen()
        for s in (-1, 1):
            _rounded_poly(collar, [(cx + s * 0.5, sh - 1), (cx + s * 9, sh - 1.5), (cx + s * 5, sh + 9),
                                   (cx + s * 0.5, sh + 4)], 1.2)
        cv.add(_rounded_poly(PathPen(), [(cx - 3, sh + 3), (cx + 3, sh + 3), (cx + 4.5, sh + 30), (cx, sh + 35),
                                         (cx - 4.5, sh + 30)], 1.5), lk.tie, OUTLINE, LINE * 0.6)
        cv.add(collar, white, OUTLINE, LINE * 0.6)


def _sleeve(lk: _Look) -> Color:
    return _C(_COAT) if lk.base == "doctor" else lk.top


def _white_coat(cv: _Canvas, b: _Body, lk: _Look) -> None:
    """A doctor's white coat, open over the scrubs, to the knee, with lapels, a pocket and a stethoscope."""
    cx, sh, hip, tw, bw = b.hcx, b.sh_y, b.hip_y, b.tw, b.bw
    hem = hip + 30
    coat = _C(_COAT)
    for s in (-1, 1):  # two fronts, each from the shoulder to the hem, open down the middle
        half = [(cx + s * 7, sh - 0.5), (cx + s * (tw - 7), sh), (cx + s * tw, sh + 9), (cx + s * (bw + 3), hip),
                (cx + s * (bw + 6), hem), (cx + s * 5, hem), (cx + s * 4, sh + 30)]
        cv.add(_rounded_poly(PathPen(), half, 3), coat)
    pocket = PathPen().round_rect(cx + 8, hip - 12, 10, 11, 1.5)
    cv.add(pocket, coat, OUTLINE, LINE * 0.6)
    pen = PathPen().move(cx - 13, sh + 30).line(cx - 13, sh + 24)  # a pen clipped in the breast pocket
    cv.add(pen, None, _C("#2F5DA8"), LINE * 0.9)
    cv.add(PathPen().move(cx - 17, sh + 31).line(cx - 9, sh + 31), None, OUTLINE, LINE * 0.6)
    steth = PathPen().move(cx - 9, sh + 1).curve(cx - 10, sh + 18, cx - 6, sh + 30, cx + 1, sh + 32)
    steth.move(cx + 9, sh + 1).curve(cx + 10, sh + 14, cx + 8, sh + 24, cx + 5, sh + 30)
    cv.add(steth, None, _C(_STETHOSCOPE), LINE * 0.9)
    cv.add(PathPen().ellipse(cx + 3, sh + 33, 3.4, 3.4), _C("#C9D1D9"), OUTLINE, LINE * 0.6)


def _hand(cv: _Canvas, at: Pt, skin: Color, r: float = 1.0) -> None:
    cv.add(PathPen().ellipse(at[0], at[1], 5.8 * r, 6.0 * r), skin)


def _near_arm(cv: _Canvas, front: _Canvas, b: _Body, lk: _Look, pose: str, arm_w: float) -> Pt:
    """The arm on the facing side, with whatever its hand shows or holds; `front` is drawn over the head.
    Returns where the hand is."""
    cx, sh, hip, tw = b.hcx, b.sh_y, b.hip_y, b.tw
    shoulder = (cx + tw - 4, sh + 7)
    x0 = cx + tw  # the body's facing edge
    sleeve, skin = _sleeve(lk), lk.skin

    def arm(elbow: Pt, hand: Pt) -> None:
        a1 = math.atan2(elbow[1] - shoulder[1], elbow[0] - shoulder[0])
        a2 = math.atan2(hand[1] - elbow[1], hand[0] - elbow[0])
        turn = abs((a2 - a1 + math.pi) % (2 * math.pi) - math.pi)
        if turn < math.radians(60):
            cv.add(_limb(PathPen(), [shoulder, elbow, hand], arm_w, arm_w - 2.5), sleeve)
        else:  # a sharp bend: upper arm and forearm apart, the forearm's round end makes the elbow
            cv.add(_limb(PathPen(), [shoulder, elbow], arm_w, arm_w - 1), sleeve)
            cv.add(_limb(PathPen(), [elbow, hand], arm_w - 1, arm_w - 2.5), sleeve)

    if pose == "talking":
        hand = (x0 + 20, sh + 12)
        arm((x0 + 12, sh + 32), hand)
        # thumb and palm are separate paths: overlapping subpaths would punch holes under even-odd fill
        cv.add(PathPen().ellipse(hand[0] - 5, hand[1] - 1, 2.6, 3.6), skin)
        cv.add(PathPen().ellipse(hand[0] + 0.5, hand[1] - 3.5, 5.6, 6.6), skin)
    elif pose == "pointing":  # arm out and a little up toward where the person looks, index finger out
        hand = (cx + 33, sh - 4)  # as far out as the frame allows, for a small body too
        arm((cx + 25, sh + 2), hand)
        ux, uy = 0.93, -0.36  # the finger carries on along the forearm
        tip = (hand[0] + 11 * ux, hand[1] + 11 * uy)
        cv.add(_limb(PathPen(), [(hand[0] + 1 * ux, hand[1] + 1 * uy - 1.5), (tip[0], tip[1] - 1.5)], 5.0, 4.4),
               skin)
        cv.add(PathPen().ellipse(hand[0], hand[1] + 1, 5.8, 5.6), skin)  # the fist
        knuckles = PathPen().move(hand[0] + 1.5, hand[1] + 2).curve(hand[0] + 4.5, hand[1] + 2, hand[0] + 5.5,
                                                                   hand[1] + 4.5, hand[0] + 3.5, hand[1] + 6)
        cv.add(knuckles, None, OUTLINE, LINE * 0.5)
    elif pose == "holding_document":  # a sheet held out in front at chest height, gripped at its lower edge
        hand = (x0 + 7, sh + 30)
        arm((x0 + 2, sh + 40), hand)
        dw, dh, tilt = 21.0, 29.0, math.radians(8)
        pivot = (x0 + 9, sh + 32)  # bottom centre of the sheet

        def sheet(u: float, v: float) -> Pt:  # u across from the bottom centre, v up
            c, sn = math.cos(tilt), math.sin(tilt)
            return (pivot[0] + u * c + v * sn, pivot[1] + u * sn - v * c)

        corners = [sheet(-dw / 2, 0), sheet(dw / 2, 0), sheet(dw / 2, dh), sheet(-dw / 2, dh)]
        cv.add(_rounded_poly(PathPen(), corners, 1.5), _C(_DOC), OUTLINE, LINE * 0.8, held=True)
        lines = PathPen()
        lines.move(*sheet(-6, dh - 5)).line(*sheet(6, dh - 5))
        for i in range(3):
            lines.move(*sheet(-7, dh - 11 - 4.5 * i)).line(*sheet(7 - 3 * (i == 2), dh - 11 - 4.5 * i))
        cv.add(lines, None, _C("#9AA3AE"), LINE * 0.55)
        sx, sy = sheet(4.5, 4.8)
        cv.add(PathPen().ellipse(sx, sy, 2.6, 2.6), None, _C("#E02B2B"), LINE * 0.5)  # a stamp
        cv.add(PathPen().ellipse(hand[0], hand[1] + 1, 5.4, 5.6), skin)
        cv.add(PathPen().ellipse(hand[0] + 2.5, hand[1] - 3.5, 2.4, 3.4), skin)  # thumb over the front
    elif pose == "holding_phone":  # a phone raised beside the face, screen to the viewer
        hand = (x0 + 16, sh + 2)
        arm((x0 + 11, sh + 32), hand)
        pw, ph = 11.0, 19.0
        px, py = hand[0] - pw / 2 + 0.5, hand[1] - ph + 2
        front.add(PathPen().round_rect(px, py, pw, ph, 2.2), _C(_PHONE), OUTLINE, LINE * 0.7, held=True)
        front.add(PathPen().round_rect(px + 1.6, py + 2.2, pw - 3.2, ph - 5.4, 1.0), _C(_SCREEN), None)
        glint = PathPen().move(px + 3, py + 6).line(px + 5.5, py + 3.8)
        front.add(glint, None, _C("#FFFFFF"), LINE * 0.5)
        front.add(PathPen().ellipse(hand[0], hand[1] + 1.5, 5.2, 5.0), skin)
        front.add(PathPen().ellipse(hand[0] - 4.2, hand[1] - 2.5, 2.2, 3.2), skin)  # thumb on the near edge
    elif pose == "waving":  # arm up high beside the head, open palm to the viewer, motion ticks
        hand = (x0 + 19, sh - 34)
        arm((x0 + 13, sh - 8), hand)  # the arm goes behind the head; only the hand shows in front
        hx, hy = hand
        k = 1.15
        palm = [(-3.6, 6.5), (-5.4, 0.5), (-5.6, -5), (-4.4, -10), (-3.0, -6.6), (-1.6, -11.6), (0.1, -7.0),
                (1.7, -11.6), (3.1, -6.8), (4.5, -10), (5.6, -5), (5.6, 0.5), (3.6, 6.5)]
        front.add(_limb(PathPen(), [(hx - 3, hy + 2), (hx - 10, hy - 2.5)], 4.6, 4.2), skin)  # thumb
        front.add(_smooth(PathPen(), [(hx + u * k, hy + v * k) for u, v in palm]), skin)
        ticks = PathPen()  # two short arcs either side above the fingertips
        for sx in (-1, 1):
            tx, ty = hx + sx * 8.5, hy - 17
            ticks.move(tx - sx * 1.5, ty - 5).curve(tx + sx * 0.8, ty - 2.5, tx + sx * 0.8, ty + 0.5,
                                                    tx - sx * 0.5, ty + 3)
        front.add(ticks, None, OUTLINE, LINE * 0.6)
    elif pose == "handing_over":  # arm straight out at chest height, a sheet offered by its near edge
        hand = (cx + 30, sh + 22)
        arm((cx + 22, sh + 27), hand)
        tilt = math.radians(-6)
        c, sn = math.cos(tilt), math.sin(tilt)
        ox, oy = hand[0] + 3, hand[1] + 2  # the sheet's lower left corner, under the thumb

        def sheet(u: float, v: float) -> Pt:
            return (ox + u * c + v * sn, oy + u * sn - v * c)

        dw, dh = 15.0, 22.0
        corners = [sheet(-4, 0), sheet(dw - 4, 0), sheet(dw - 4, dh), sheet(-4, dh)]
        cv.add(_rounded_poly(PathPen(), corners, 1.2), _C(_DOC), OUTLINE, LINE * 0.8,
               held=True)
        lines = PathPen()
        for i in range(3):
            lines.move(*sheet(-1, dh - 5 - 4.5 * i)).line(*sheet(dw - 7 - 3 * (i == 2), dh - 5 - 4.5 * i))
        cv.add(lines, None, _C("#9AA3AE"), LINE * 0.55)
        cv.add(PathPen().ellipse(hand[0], hand[1] + 1, 5.4, 5.4), skin)
        cv.add(PathPen().ellipse(hand[0] + 3.5, hand[1] - 2.5, 2.4, 3.2), skin)  # thumb on the sheet
    elif pose == "writing":  # a clipboard held against the chest, the near hand writing on it with a pen
        bx, by, bw_, bh = x0 - 12, sh + 16, 24.0, 30.0
        tilt = math.radians(-10)
        c, sn = math.cos(tilt), math.sin(tilt)
        pcx, pcy = bx + bw_ / 2, by + bh / 2

        def board(u: float, v: float) -> Pt:  # u, v from the board's centre
            return (pcx + u * c - v * sn, pcy + u * sn + v * c)

        corners = [board(-bw_ / 2, -bh / 2), board(bw_ / 2, -bh / 2), board(bw_ / 2, bh / 2), board(-bw_ / 2, bh / 2)]
        cv.add(_rounded_poly(PathPen(), corners, 2), _C(_CLIP), OUTLINE, LINE * 0.8,
               held=True)
        paper = [board(-bw_ / 2 + 2.5, -bh / 2 + 4), board(bw_ / 2 - 2.5, -bh / 2 + 4),
                 board(bw_ / 2 - 2.5, bh / 2 - 2.5), board(-bw_ / 2 + 2.5, bh / 2 - 2.5)]
        cv.add(_rounded_poly(PathPen(), paper, 0.8), _C(_DOC), OUTLINE, LINE * 0.5)
        clip = [board(-5, -bh / 2 - 1.5), board(5, -bh / 2 - 1.5), board(5, -bh / 2 + 3), board(-5, -bh / 2 + 3)]
        cv.add(_rounded_poly(PathPen(), clip, 1), _C(_METAL), OUTLINE, LINE * 0.5)
        lines = PathPen()
        for i in range(4):
            v = -bh / 2 + 9 + 4.6 * i
            lines.move(*board(-bw_ / 2 + 5, v)).line(*board(bw_ / 2 - 5 - 5 * (i == 3), v))
        cv.add(lines, None, _C("#9AA3AE"), LINE * 0.55)
        tip = board(3, 4)  # the pen writes on the third row
        hand = (tip[0] + 5, tip[1] - 4)
        arm((x0 + 9, sh + 36), (hand[0] + 2, hand[1] + 3))
        pen_end = (tip[0] + 14, tip[1] - 15)
        cv.add(_limb(PathPen(), [tip, pen_end], 1.8, 3.2), _C(_PEN), OUTLINE, LINE * 0.5)
        cv.add(PathPen().ellipse(hand[0] + 1, hand[1] + 1.5, 5.0, 4.6), skin)
    elif pose == "nodding":  # a hand on the chest: "I see", while the head dips
        hand = (cx + 9, sh + 24)
        arm((x0 + 6, sh + 38), hand)
        cv.add(PathPen().ellipse(hand[0], hand[1], 6.0, 5.0), skin)
        fingers = PathPen().move(hand[0] - 4, hand[1] - 1.5).line(hand[0] + 1, hand[1] - 1.5)
        cv.add(fingers, None, OUTLINE, LINE * 0.45)
    elif pose == "on_phone":  # a phone held to the ear, elbow out
        H = _head_pt(b)
        ex, ey = H(0.98, 0.14)
        hand = (ex + 1.5, ey + 9)
        arm((x0 + 11, sh + 24), hand)
        pw, ph = 8.0, 18.0
        front.add(PathPen().round_rect(ex - pw / 2 + 1, ey - ph / 2 + 1, pw, ph, 2), _C(_PHONE),
                  OUTLINE, LINE * 0.7, held=True)
        front.add(PathPen().ellipse(hand[0], hand[1], 5.2, 5.6), skin)
        front.add(PathPen().ellipse(hand[0] - 3.6, hand[1] - 4.5, 2.2, 3.2), skin)  # fingers round its back
        waves = PathPen()  # the call: two small arcs off the phone's top
        for r in (4.0, 7.0):
            wx, wy = ex + 3, ey - ph / 2 + 1
            waves.move(wx + r * 0.5, wy - r * 0.87).curve(wx + r * 0.85, wy - r * 0.5, wx + r, wy - r * 0.2,
                                                           wx + r, wy + r * 0.1)
        front.add(waves, None, OUTLINE, LINE * 0.55)
    else:  # standing
        hand = (x0 + 6, hip - 8)
        arm((x0 + 3, sh + 32), hand)
        cv.add(PathPen().ellipse(hand[0], hand[1] + 3, 5.8, 6.0), skin)
        hand = (hand[0], hand[1] + 3)
    return hand


def _copy(pen: PathPen) -> PathPen:
    p = PathPen()
    p.ops = list(pen.ops)
    return p


def _map_ops(ops: Sequence[PathOp], m) -> tuple[PathOp, ...]:  # noqa: ANN001
    out: list[PathOp] = []
    for op in ops:
        if op[0] == "Z":
            out.append(op)
            continue
        coords: list[float] = []
        for i in range(1, len(op), 2):
            coords.extend(m(op[i], op[i + 1]))
        out.append((op[0], *coords))
    return tuple(out)


def ops_bounds(ops: Sequence[PathOp]) -> Box:
    """Bounding box of ops including control points (a safe over-estimate of the curve's extent)."""
    xs = [op[i] for op in ops if op[0] != "Z" for i in range(1, len(op), 2)]
    ys = [op[i] for op in ops if op[0] != "Z" for i in range(2, len(op), 2)]
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _check(look: str, facing: str, expression: str, pose: str) -> None:
    for name, val, allowed in (("look", look, LOOKS), ("facing", facing, FACINGS),
                               ("expression", expression, EXPRESSIONS), ("pose", pose, POSES)):
        if val not in allowed:
            raise ValueError(f"unknown figure {name} {val!r}; use one of {', '.join(allowed)}")


@dataclass(frozen=True)
class _Built:
    """One person in one pose and expression, in frame units: built once, scaled into any box."""

    parts: tuple[tuple[tuple[PathOp, ...], Color | None, Color | None, float, bool], ...]
    mouth: Pt
    head: Box
    held: Box | None
    hands: tuple[Pt, Pt]  # near, far
    top: float


@lru_cache(maxsize=2048)
def _built(lk: _Look, expression: str, pose: str) -> _Built:
    cv, mouth = _build(lk, expression, pose)
    head_ops = [op for ops, *_, is_head in cv.parts if is_head for op in ops]
    all_ops = [op for ops, *_ in cv.parts for op in ops]
    return _Built(tuple((tuple(ops), fill, stroke, width, is_head) for ops, fill, stroke, width, is_head in cv.parts),
                  mouth, ops_bounds(head_ops), ops_bounds(cv.held) if cv.held else None,
                  (cv.hands["near"], cv.hands["far"]), ops_bounds(all_ops)[1])


@lru_cache(maxsize=512)
def _cut_parts(lk: _Look, expression: str, pose: str, left: float, right: float, bottom: float
               ) -> tuple[tuple[tuple[PathOp, ...], Color | None, Color | None, float, bool], ...]:
    """The built person's outlines cut to a box of the frame (art.cut): a crossing outline becomes its fill and
    its stroke apart, so the cut edge is not stroked."""
    from .cut import clip

    out = []
    for ops, fill, stroke, width, is_head in _built(lk, expression, pose).parts:
        f, st = clip(ops, left, right, bottom, filled=fill is not None, stroked=stroke is not None)
        if f is not None and f is st:
            out.append((f, fill, stroke, width, is_head))
            continue
        if f is not None:
            out.append((f, fill, None, 0.0, is_head))
        if st is not None:
            out.append((st, None, stroke, width, is_head))
    return tuple(out)


def _placement(x: float, y: float, w: float, h: float, facing: str):  # noqa: ANN202 - returns (scale, map, box map)
    if w <= 0 or h <= 0:
        raise ValueError(f"figure box must have a positive size, got {w}×{h}")
    s = min(w / FRAME_W, h / FRAME_H)
    ox, oy = x + (w - FRAME_W * s) / 2, y + h - FRAME_H * s
    flip = facing == "left"

    def m(px: float, py: float) -> Pt:
        return (ox + ((FRAME_W - px) if flip else px) * s, oy + py * s)

    def box(b: Box) -> Box:
        bx = (FRAME_W - b[0] - b[2]) if flip else b[0]
        return (ox + bx * s, oy + b[1] * s, b[2] * s, b[3] * s)

    return s, m, box


def figure_anatomy(
    x: float, y: float, w: float, h: float, *, look: str, facing: str = "right", seed_key: str = "",
    expression: str = "neutral", pose: str = "standing",
) -> Anatomy:
    """Where `draw_figure` with the same arguments puts the head, mouth, hands and held thing: pure data.

    The first call for a person, pose and expression builds the figure once in its frame (memoised); every box
    after that is arithmetic."""
    _check(look, facing, expression, pose)
    bt = _built(_resolve(look, seed_key), expression, pose)
    _, m, box = _placement(x, y, w, h, facing)
    return Anatomy(head=box(bt.head), mouth=m(*bt.mouth), near_hand=m(*bt.hands[0]), far_hand=m(*bt.hands[1]),
                   held=box(bt.held) if bt.held is not None else None, top=m(0.0, bt.top)[1])


def draw_figure(
    x: float, y: float, w: float, h: float, *, look: str, facing: str = "right", seed_key: str = "",
    expression: str = "neutral", pose: str = "standing", uniform: Color | None = None, badge: Color | None = None,
    clip: Box | None = None,
) -> FigureArt:
    """A person in box (x, y, w, h): feet on its bottom, centred, scaled to fit, facing left or right.

    `uniform` and `badge` colour the staff vest and its name badge (the theme's banner and accent colours);
    only staff looks wear them, so the person stays the same otherwise. `clip` (a box) cuts the drawing at its
    left, right and bottom edges, as a panel's frame cuts a person in a medium shot or a close-up."""
    _check(look, facing, expression, pose)
    lk = _resolve(look, seed_key, uniform, badge) if look.startswith("staff") else _resolve(look, seed_key)
    s, m, box = _placement(x, y, w, h, facing)
    cuts = clip is not None and (clip[0] > x + 1e-6 or clip[0] + clip[2] < x + w - 1e-6
                                 or clip[1] + clip[3] < y + h - 1e-6)
    if clip is not None and cuts:
        ox, oy = x + (w - FRAME_W * s) / 2, y + h - FRAME_H * s
        left, right = (clip[0] - ox) / s, (clip[0] + clip[2] - ox) / s
        if facing == "left":  # the figure is drawn mirrored: its frame's x runs the other way
            left, right = FRAME_W - right, FRAME_W - left
        bottom = (clip[1] + clip[3] - oy) / s
        parts = _cut_parts(lk, expression, pose, round(left, 2), round(right, 2), round(bottom, 2))
    else:
        parts = _built(lk, expression, pose).parts
    bt = _built(lk, expression, pose)
    paths = [Path(_map_ops(ops, m), fill=fill, stroke=stroke, stroke_width=width * s)
             for ops, fill, stroke, width, _ in parts]
    return FigureArt(paths=print_safe(paths), head=box(bt.head), mouth=m(*bt.mouth),
                     held=box(bt.held) if bt.held is not None else None)
