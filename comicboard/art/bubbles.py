"""Speech, thought, shout and whisper bubbles with tails, their text boxes, caption boxes and step badges."""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from ..color import Color
from ..display import Path, PathOp, PathPen

KINDS = ("speech", "thought", "shout", "whisper")
DEFAULT_PAD = 4.0  # points between the text box and the inscribed rectangle; keep above line_width / 2

Pt = tuple[float, float]
Box = tuple[float, float, float, float]
Cubic = tuple[Pt, Pt, Pt, Pt]

# The speech body is four quarter-cubics; control ratio 0.5523 would be an ellipse, 1.0 a sharp box.
# 0.72 gives a roomy "squircle" oval that holds more text than an ellipse but still reads as a balloon.
_SQ = 0.72
# Half-size, as a fraction of the radius, of the rectangle whose corners sit on the outline (the
# curve point at t = 0.5 of a quarter: 1/2 + 3/8·k). Convexity puts the whole rectangle inside.
_SPEECH_IN = 0.5 + 0.375 * _SQ
_CLOUD_BASE = 0.78  # thought: bump bases lie on this fraction of the radii; bumps reach the box edge
_SHOUT_INNER = 0.78  # shout: the spikes' inner corners lie on this fraction of the radii
_TEXT_FRACTION = {
    "speech": _SPEECH_IN,
    "whisper": _SPEECH_IN,
    "thought": _CLOUD_BASE * math.sqrt(0.5) * 0.98,
    "shout": _SHOUT_INNER * math.sqrt(0.5) * 0.98,
}


def _check(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown bubble kind {kind!r}; use one of {', '.join(KINDS)}")


def bubble_text_box(kind: str, x: float, y: float, w: float, h: float, pad: float = DEFAULT_PAD) -> Box:
    """The rectangle inside bubble (x, y, w, h) where text lines may go: inside the outline, inset by pad."""
    _check(kind)
    f = _TEXT_FRACTION[kind]
    hw, hh = max(0.0, f * w / 2 - pad), max(0.0, f * h / 2 - pad)
    cx, cy = x + w / 2, y + h / 2
    return (cx - hw, cy - hh, 2 * hw, 2 * hh)


def bubble_size_for_text(
    kind: str, text_w: float, text_h: float, pad: float = DEFAULT_PAD,
) -> tuple[float, float]:
    """The smallest outer (w, h) whose `bubble_text_box` (same pad) holds text_w × text_h (exact inverse)."""
    _check(kind)
    f = _TEXT_FRACTION[kind]
    return ((text_w + 2 * pad) / f, (text_h + 2 * pad) / f)


# ---- curve helpers -----------------------------------------------------------------------------


def _pt(c: Cubic, t: float) -> Pt:
    mt = 1 - t
    a, b, cc, d = mt**3, 3 * mt * mt * t, 3 * mt * t * t, t**3
    return (a * c[0][0] + b * c[1][0] + cc * c[2][0] + d * c[3][0],
            a * c[0][1] + b * c[1][1] + cc * c[2][1] + d * c[3][1])


def _split(c: Cubic, t: float) -> tuple[Cubic, Cubic]:
    """de Casteljau: the two halves of c at t, each exactly on the original curve."""
    def lerp(p: Pt, q: Pt) -> Pt:
        return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)

    p01, p12, p23 = lerp(c[0], c[1]), lerp(c[1], c[2]), lerp(c[2], c[3])
    p012, p123 = lerp(p01, p12), lerp(p12, p23)
    m = lerp(p012, p123)
    return (c[0], p01, p012, m), (m, p123, p23, c[3])


def _sub(c: Cubic, t0: float, t1: float) -> Cubic:
    if t1 < 1:
        c = _split(c, t1)[0]
        t0 = t0 / t1 if t1 > 0 else 0
    return _split(c, t0)[1] if t0 > 0 else c


def _squircle(x: float, y: float, w: float, h: float) -> list[Cubic]:
    """The speech body as 4 quarter-cubics, clockwise on screen from the right-hand point."""
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    kx, ky = _SQ * rx, _SQ * ry
    return [
        ((cx + rx, cy), (cx + rx, cy + ky), (cx + kx, cy + ry), (cx, cy + ry)),
        ((cx, cy + ry), (cx - kx, cy + ry), (cx - rx, cy + ky), (cx - rx, cy)),
        ((cx - rx, cy), (cx - rx, cy - ky), (cx - kx, cy - ry), (cx, cy - ry)),
        ((cx, cy - ry), (cx + kx, cy - ry), (cx + rx, cy - ky), (cx + rx, cy)),
    ]


def _ray_param(body: list[Cubic], cx: float, cy: float, rx: float, ry: float, tip: Pt) -> float:
    """Global parameter u in [0, 4) where the ray from the centre toward tip crosses the body outline: of the
    shared table's samples, the one nearest in angle (the first of equals), found by bisection among the
    samples sorted by angle rather than by a scan of all of them."""
    want = math.atan2((tip[1] - cy) / ry, (tip[0] - cx) / rx)
    table = _unit_angles()
    angles, order = _angle_order()
    n = len(order)
    k = bisect_left(angles, want)
    # The nearest angle on the circle is next to `want` in sorted order (wrapping); two each side keep ties.
    near = {order[(k + d) % n] for d in (-2, -1, 0, 1)}
    best = min(near, key=lambda i: (abs(math.remainder(table[i][1] - want, math.tau)), i))
    return table[best][0]


@lru_cache(maxsize=1)
def _unit_angles(n: int = 256) -> tuple[tuple[float, float], ...]:
    """(u, angle seen from the centre) at n samples per quarter of the body, in the body's own scaled frame
    ((p - centre) / radii): the same for every bubble, so computed once."""
    body = _squircle(-1.0, -1.0, 2.0, 2.0)
    out = []
    for q, c in enumerate(body):
        for i in range(n):
            px, py = _pt(c, i / n)
            out.append((q + i / n, math.atan2(py, px)))
    return tuple(out)


@lru_cache(maxsize=1)
def _angle_order() -> tuple[list[float], list[int]]:
    """`_unit_angles`' angles sorted, and the index of each in the table."""
    table = _unit_angles()
    order = sorted(range(len(table)), key=lambda i: (table[i][1], i))
    return [table[i][1] for i in order], order


ArcTable = tuple[tuple[float, ...], tuple[float, ...]]  # (u, arc length from u = 0) samples around the outline


@lru_cache(maxsize=1)
def _unit_body(n: int = 128) -> tuple[Pt, ...]:
    """Points of the body with its centre at 0 and radii 1 at u = q + i/n (i = 0..n of each quarter q)."""
    body = _squircle(-1.0, -1.0, 2.0, 2.0)
    return tuple(_pt(c, i / n) for c in body for i in range(n + 1))


@lru_cache(maxsize=4096)
def _arc_table(w: float, h: float, n: int = 128) -> ArcTable:
    """The outline's arc-length table of a `w` × `h` body: a function of its size alone (the body moved is the
    same curve), so the many bubbles of one size that layout tries share it."""
    rx, ry = w / 2, h / 2
    us, ls = [0.0], [0.0]
    pts = _unit_body(n)
    prev, total = (pts[0][0] * rx, pts[0][1] * ry), 0.0
    for q in range(4):
        base = q * (n + 1)
        for i in range(1, n + 1):
            ux, uy = pts[base + i]
            p = (ux * rx, uy * ry)
            total += math.dist(prev, p)
            prev = p
            us.append(q + i / n)
            ls.append(total)
    return tuple(us), tuple(ls)


def _u_at_length(table: ArcTable, length: float) -> float:
    us, ls = table
    total = ls[-1]
    turns, length = divmod(length, total)
    j = max(1, bisect_left(ls, length))
    if j == len(ls):
        return 4 * turns + 4.0
    l0, l1 = ls[j - 1], ls[j]
    t = 0 if l1 == l0 else (length - l0) / (l1 - l0)
    return 4 * turns + us[j - 1] + (us[j] - us[j - 1]) * t


def _length_at_u(table: ArcTable, u: float) -> float:
    us, ls = table
    j = max(1, bisect_left(us, u))
    if j == len(us):
        return ls[-1]
    return ls[j - 1] + (ls[j] - ls[j - 1]) * ((u - us[j - 1]) / (us[j] - us[j - 1]))


def _trace(pen: PathPen, body: list[Cubic], u0: float, u1: float) -> None:
    """Append the outline from u0 to u1 (u1 > u0, may wrap past 4) as exact sub-curves."""
    q = math.floor(u0)
    while q < u1 - 1e-9:
        t0, t1 = max(u0 - q, 0.0), min(u1 - q, 1.0)
        if t1 - t0 > 1e-6:
            c = _sub(body[q % 4], t0, t1)
            pen.curve(*c[1], *c[2], *c[3])
        q += 1


def _body_point(body: list[Cubic], u: float) -> Pt:
    u %= 4
    q = min(int(u), 3)
    return _pt(body[q], u - q)


def _inside_ellipse(p: Pt, cx: float, cy: float, rx: float, ry: float) -> bool:
    return ((p[0] - cx) / rx) ** 2 + ((p[1] - cy) / ry) ** 2 < 1


# ---- bubble outlines ---------------------------------------------------------------------------


def _speech_ops(x: float, y: float, w: float, h: float, tip: Pt | None) -> list[PathOp]:
    """Body and tail as ONE closed outline, so the stroke has no seam where the tail joins."""
    body = _squircle(x, y, w, h)
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    pen = PathPen()
    if tip is None or _inside_ellipse(tip, cx, cy, rx, ry):
        pen.move(*body[0][0])
        _trace(pen, body, 0, 4)
        return pen.close().ops
    ua, ub, a, b, qa, qb = _speech_tail(body, x, y, w, h, tip)
    pen.move(*b)
    _trace(pen, body, ub, ua + 4)
    # quadratic → cubic controls: P0 + 2/3(Q − P0), P1 + 2/3(Q − P1)
    pen.curve(a[0] + 2 / 3 * (qa[0] - a[0]), a[1] + 2 / 3 * (qa[1] - a[1]),
              tip[0] + 2 / 3 * (qa[0] - tip[0]), tip[1] + 2 / 3 * (qa[1] - tip[1]), *tip)
    pen.curve(tip[0] + 2 / 3 * (qb[0] - tip[0]), tip[1] + 2 / 3 * (qb[1] - tip[1]),
              b[0] + 2 / 3 * (qb[0] - b[0]), b[1] + 2 / 3 * (qb[1] - b[1]), *b)
    return pen.close().ops


def _speech_tail(body: list[Cubic], x: float, y: float, w: float, h: float, tip: Pt
                 ) -> tuple[float, float, Pt, Pt, Pt, Pt]:
    """A speech tail's base on the body (parameters u_a < u_b, points a, b) and its two quadratic controls."""
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    table = _arc_table(w, h)
    uc = _ray_param(body, cx, cy, rx, ry, tip)
    base = _body_point(body, uc)
    dist = math.dist(base, tip)
    total = table[1][-1]
    half = min(0.22 * min(w, h), 0.3 * dist + 2, 0.08 * total) / 2 + 1
    lc = _length_at_u(table, uc)
    ua = _u_at_length(table, (lc - half) % total) % 4
    ub = _u_at_length(table, (lc + half) % total) % 4
    if ua >= ub:  # keep u_b ahead of u_a by the short way round
        ub += 4
    a, b = _body_point(body, ua), _body_point(body, ub)
    # Tail spine: leaves the body along its outward normal (the base chord's perpendicular),
    # then bends toward the tip, so tails to the side curve like a comic balloon's.
    nx, ny = b[1] - a[1], -(b[0] - a[0])
    nl = math.hypot(nx, ny) or 1.0
    nx, ny = nx / nl, ny / nl
    if nx * (tip[0] - base[0]) + ny * (tip[1] - base[1]) < 0:
        nx, ny = -nx, -ny
    spine = (base[0] + nx * 0.5 * dist, base[1] + ny * 0.5 * dist)
    qa = (spine[0] + (a[0] - base[0]) * 0.35, spine[1] + (a[1] - base[1]) * 0.35)
    qb = (spine[0] + (b[0] - base[0]) * 0.35, spine[1] + (b[1] - base[1]) * 0.35)
    return ua, ub, a, b, qa, qb


# Where a speech tail is cut into convex pieces (parameters along its two sides, base to tip): finer toward the
# tip, so two tails that meet only at a speaker's mouth can be told from tails that run over each other.
_TAIL_CUTS = (0.0, 0.25, 0.5, 0.7, 0.85, 0.95, 1.0)


def _quad_piece(p0: Pt, p1: Pt, p2: Pt, t0: float, t1: float) -> tuple[Pt, Pt, Pt]:
    """The controls of quadratic p0–p1–p2 on [t0, t1] (its blossom at (t0, t0), (t0, t1), (t1, t1))."""
    def blossom(u: float, v: float) -> Pt:
        a, b, c = (1 - u) * (1 - v), (1 - u) * v + u * (1 - v), u * v
        return (a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1])

    return blossom(t0, t0), blossom(t0, t1), blossom(t1, t1)


def tail_hulls(kind: str, x: float, y: float, w: float, h: float, tip: Pt) -> list[tuple[Pt, ...]]:
    """Point sets whose convex hulls hold what `bubble_paths` draws outside the body toward `tip` (a curve lies
    in the hull of its controls): the speech tail cut across into slices (each side's sub-curve controls), each
    thought circle's square, the shout's stretched spike cut across likewise. Layout keeps these clear of faces,
    bubbles and other tails without drawing."""
    _check(kind)
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    if _inside_ellipse(tip, cx, cy, rx, ry):
        return []
    if kind in ("speech", "whisper"):
        _, _, a, b, qa, qb = _speech_tail(_squircle(x, y, w, h), x, y, w, h, tip)
        # Slice k lies between the two sides over [t_k, t_k+1] and the chords joining them there.
        return [_quad_piece(a, qa, tip, t0, t1) + _quad_piece(b, qb, tip, t0, t1)
                for t0, t1 in zip(_TAIL_CUTS, _TAIL_CUTS[1:], strict=False)]
    if kind == "thought":
        return [((c[0] - r, c[1] - r), (c[0] + r, c[1] - r), (c[0] + r, c[1] + r), (c[0] - r, c[1] + r))
                for c, r in _thought_circles(x, y, w, h, tip)]
    ops = _shout_ops(x, y, w, h, tip)
    pts = [p for op in ops for p in _op_points(op)]
    k = next(i for i, p in enumerate(pts) if p == tip)
    p, q = pts[k - 1], pts[(k + 1) % len(pts)]

    def toward(o: Pt, t: float) -> Pt:
        return (o[0] + (tip[0] - o[0]) * t, o[1] + (tip[1] - o[1]) * t)

    # The spike (a triangle) cut across like a speech tail, base to tip.
    return [(toward(p, t0), toward(q, t0), toward(p, t1), toward(q, t1)) if t1 < 1
            else (toward(p, t0), toward(q, t0), tip) for t0, t1 in zip(_TAIL_CUTS, _TAIL_CUTS[1:], strict=False)]


def _op_points(op: PathOp) -> list[Pt]:
    args = op[1:]
    return [(float(args[i]), float(args[i + 1])) for i in range(0, len(args) - 1, 2)]


def _ellipse_stations(cx: float, cy: float, rx: float, ry: float, n: int, phase: float) -> list[float]:
    """n angles spaced evenly by arc length around an ellipse (bumps stay even on flat bubbles)."""
    return list(_stations(rx, ry, n, phase))


@lru_cache(maxsize=4096)
def _stations(rx: float, ry: float, n: int, phase: float) -> tuple[float, ...]:
    """`_ellipse_stations` of an ellipse centred on the origin: the angles do not depend on where it stands."""
    angles, dcos, dsin = _station_steps()
    acc = list(itertools.accumulate((math.hypot(rx * dc, ry * ds) for dc, ds in zip(dcos, dsin, strict=True)),
                                    initial=0.0))
    out = []
    for i in range(n):
        target = acc[-1] * ((i + phase) / n)
        j = bisect_left(acc, target, 1) - 1  # the first step whose end reaches the target
        t = (target - acc[j]) / (acc[j + 1] - acc[j])
        out.append(angles[j] + (angles[j + 1] - angles[j]) * t)
    return tuple(out)


@lru_cache(maxsize=1)
def _station_steps(m: int = 720) -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]:
    """m + 1 angles around the unit circle and the steps in cos and sin between them (scaled by the radii, the
    steps' lengths add up to an ellipse's arc length)."""
    angles = tuple(math.tau * i / m for i in range(m + 1))
    cos, sin = [math.cos(a) for a in angles], [math.sin(a) for a in angles]
    return (angles, tuple(b - a for a, b in itertools.pairwise(cos)), tuple(b - a for a, b in itertools.pairwise(sin)))


def _count(w: float, h: float, size: float, lo: int, hi: int) -> int:
    perimeter = math.pi * (w + h) / 2
    return max(lo, min(hi, round(perimeter / size)))


def _thought_paths(x: float, y: float, w: float, h: float, tip: Pt | None) -> list[PathOp | list[PathOp]]:
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    brx, bry = rx * _CLOUD_BASE, ry * _CLOUD_BASE
    n = _count(w, h, 0.25 * min(w, h) + 4, 8, 24)
    bump = (1 - _CLOUD_BASE) * min(rx, ry)  # control points stay inside the box
    pen = PathPen()
    angles = _ellipse_stations(cx, cy, brx, bry, n, 0.5)
    pts = [(cx + brx * math.cos(a), cy + bry * math.sin(a)) for a in angles]
    nrm = []
    for a in angles:
        nx, ny = math.cos(a) / brx, math.sin(a) / bry
        ln = math.hypot(nx, ny)
        nrm.append((nx / ln, ny / ln))
    pen.move(*pts[0])
    for i in range(n):
        j = (i + 1) % n
        pen.curve(pts[i][0] + nrm[i][0] * bump, pts[i][1] + nrm[i][1] * bump,
                  pts[j][0] + nrm[j][0] * bump, pts[j][1] + nrm[j][1] * bump, *pts[j])
    outlines: list = [pen.close().ops]
    if tip is None or _inside_ellipse(tip, cx, cy, rx, ry):
        return outlines
    outlines.extend(PathPen().ellipse(c[0], c[1], r, r).ops for c, r in _thought_circles(x, y, w, h, tip))
    return outlines


def _thought_circles(x: float, y: float, w: float, h: float, tip: Pt) -> list[tuple[Pt, float]]:
    """A thought bubble's trailing circles (centre, radius), largest first, from the cloud's edge toward the tip;
    the smallest touches the tip."""
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    a = math.atan2((tip[1] - cy) / ry, (tip[0] - cx) / rx)
    edge = (cx + rx * math.cos(a), cy + ry * math.sin(a))
    dist = math.dist(edge, tip)
    ux, uy = (tip[0] - edge[0]) / dist, (tip[1] - edge[1]) / dist
    r1 = 0.1 * min(w, h)
    radii = [r1, r1 * 0.66, r1 * 0.42]
    span = 2 * sum(radii) * 1.5  # circles plus gaps
    if span > dist:
        k = dist / span
        radii = [r * k for r in radii]
    gap = (dist - 2 * sum(radii)) / 3
    pos = dist
    circles = []
    for r in reversed(radii):  # smallest first, from the tip backwards
        circles.append(((edge[0] + ux * (pos - r), edge[1] + uy * (pos - r)), r))
        pos -= 2 * r + gap
    return circles[::-1]


_JITTER = (0.0, 0.07, 0.02, 0.1, 0.04, 0.0, 0.08, 0.03, 0.06, 0.01, 0.09, 0.05)  # fixed: output is stable


def _shout_ops(x: float, y: float, w: float, h: float, tip: Pt | None) -> list[PathOp]:
    """A spiky burst; with a tip, the spike nearest the tip's direction is stretched to reach it."""
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    n = _count(w, h, 0.26 * min(w, h) + 8, 12, 26)
    outer = _ellipse_stations(cx, cy, rx, ry, n, 0.0)
    inner = _ellipse_stations(cx, cy, rx * _SHOUT_INNER, ry * _SHOUT_INNER, n, 0.5)
    stretch = None
    if tip is not None and not _inside_ellipse(tip, cx, cy, rx, ry):
        want = math.atan2((tip[1] - cy) / ry, (tip[0] - cx) / rx)
        stretch = min(range(n), key=lambda i: abs(math.remainder(outer[i] - want, math.tau)))
    pen = PathPen()
    for i in range(n):
        if i == stretch:
            p = tip
        else:
            f = 1 - _JITTER[i % len(_JITTER)]
            p = (cx + rx * f * math.cos(outer[i]), cy + ry * f * math.sin(outer[i]))
        (pen.move if i == 0 else pen.line)(*p)
        ri = _SHOUT_INNER
        pen.line(cx + rx * ri * math.cos(inner[i]), cy + ry * ri * math.sin(inner[i]))
    return pen.close().ops


def bubble_paths(
    kind: str, x: float, y: float, w: float, h: float, tail_tip: Pt | None, *,
    line_width: float, fill: Color, stroke: Color,
) -> list[Path]:
    """The bubble of `kind` in box (x, y, w, h) with a tail ending exactly at tail_tip (none if None or
    the tip lies inside the body). Paths in drawing order; the body is the first."""
    _check(kind)
    if w <= 0 or h <= 0:
        raise ValueError(f"bubble box must have a positive size, got {w}×{h}")
    tip = None if tail_tip is None else (float(tail_tip[0]), float(tail_tip[1]))
    if kind in ("speech", "whisper"):
        dash = (3.0 * line_width, 2.2 * line_width) if kind == "whisper" else None
        return [Path(tuple(_speech_ops(x, y, w, h, tip)), fill=fill, stroke=stroke, stroke_width=line_width,
                     dash=dash)]
    if kind == "thought":
        return [Path(tuple(ops), fill=fill, stroke=stroke, stroke_width=line_width)
                for ops in _thought_paths(x, y, w, h, tip)]
    return [Path(tuple(_shout_ops(x, y, w, h, tip)), fill=fill, stroke=stroke, stroke_width=line_width,
                 round_joins=False)]


# ---- narration captions and step badges --------------------------------------------------------


SHADOW_SHARE = 0.06  # a caption box's drop shadow, as a share of its smaller side


def shadow_offset(w: float, h: float) -> float:
    """How far a w×h caption box's drop shadow reaches right and down (inside the box)."""
    return max(1.0, SHADOW_SHARE * min(w, h))


def caption_box_paths(
    x: float, y: float, w: float, h: float, fill: Color, stroke: Color, *, line_width: float | None = None,
) -> list[Path]:
    """A narration box filling (x, y, w, h): a rectangle with a soft drop shadow down-right, all inside."""
    s = shadow_offset(w, h)
    lw = line_width if line_width is not None else max(0.6, s * 0.4)
    shadow = Path(tuple(PathPen().rect(x + s, y + s, w - s, h - s).ops), fill=stroke.lighter(0.55))
    box = Path(tuple(PathPen().rect(x + lw / 2, y + lw / 2, w - s - lw, h - s - lw).ops), fill=fill,
               stroke=stroke, stroke_width=lw, round_joins=False)
    return [shadow, box]


def caption_text_box(x: float, y: float, w: float, h: float, pad: float = DEFAULT_PAD) -> Box:
    """Where caption text may go inside `caption_box_paths(x, y, w, h, ...)`."""
    s = shadow_offset(w, h)
    return (x + pad, y + pad, max(0.0, w - s - 2 * pad), max(0.0, h - s - 2 * pad))


def badge_paths(
    cx: float, cy: float, r: float, fill: Color, stroke: Color, *, line_width: float | None = None,
) -> list[Path]:
    """A round step-number badge of radius r (outline included) with a thin white inner ring."""
    lw = line_width if line_width is not None else max(0.6, 0.09 * r)
    ro = r - lw / 2
    disc = Path(tuple(PathPen().ellipse(cx, cy, ro, ro).ops), fill=fill, stroke=stroke, stroke_width=lw)
    ri = ro - 1.6 * lw
    ring = Path(tuple(PathPen().ellipse(cx, cy, ri, ri).ops), stroke=Color(0, 0, 0, 0),
                stroke_width=lw * 0.6)
    return [disc, ring]


def path_bounds(paths: Sequence[Path]) -> Box:
    """Bounds of paths from all their points including control points (no stroke width)."""
    xs = [op[i] for p in paths for op in p.ops if op[0] != "Z" for i in range(1, len(op), 2)]
    ys = [op[i] for p in paths for op in p.ops if op[0] != "Z" for i in range(2, len(op), 2)]
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
