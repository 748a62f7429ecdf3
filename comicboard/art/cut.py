"""Cut a drawing at a panel's frame, as the frame cuts a person in a medium shot or a close-up.

Renderers draw no clipping paths (a PDF/X-1a RIP, a raster and an SVG all agree on plain outlines), so the art is
cut as geometry: every outline that crosses the frame is flattened (its curves sampled) and clipped to it
(Sutherland–Hodgman, exact for a box). A filled shape keeps its fill up to the frame; its outline is stroked
everywhere but along the cut, which the frame's own line covers.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..display import PathOp

Pt = tuple[float, float]
_STEPS = 10  # samples per cubic Bézier: under 0.1 % of a figure's height away from the curve
_EPS = 1e-6


def _subpaths(ops: Sequence[PathOp]) -> list[tuple[list[Pt], bool]]:
    """The outline's subpaths as point lists (curves sampled), each with whether it is closed."""
    out: list[tuple[list[Pt], bool]] = []
    pts: list[Pt] = []
    for op in ops:
        if op[0] == "M":
            if len(pts) > 1:
                out.append((pts, False))
            pts = [(op[1], op[2])]
        elif op[0] == "L":
            pts.append((op[1], op[2]))
        elif op[0] == "C":
            (x0, y0), (x1, y1, x2, y2, x3, y3) = pts[-1], op[1:]
            for i in range(1, _STEPS + 1):
                t = i / _STEPS
                a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
                pts.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
        elif op[0] == "Z":
            if len(pts) > 1:
                out.append((pts, True))
            pts = []
    if len(pts) > 1:
        out.append((pts, False))
    return out


# A clip edge as (axis, limit, keep-below): points with p[axis] <= limit are kept when keep-below, else >=.
Edge = tuple[int, float, bool]


def _inside(p: Pt, e: Edge) -> bool:
    return p[e[0]] <= e[1] if e[2] else p[e[0]] >= e[1]


def _cross(p: Pt, q: Pt, e: Edge) -> Pt:
    a, c = e[0], e[1]
    t = (c - p[a]) / (q[a] - p[a])
    x, y = p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])
    return (c, y) if a == 0 else (x, c)


def _clip_polygon(pts: list[Pt], e: Edge) -> list[Pt]:
    """The polygon's part on the kept side of one clip edge (Sutherland–Hodgman)."""
    out: list[Pt] = []
    for i, q in enumerate(pts):
        p = pts[i - 1]
        if _inside(q, e):
            if not _inside(p, e):
                out.append(_cross(p, q, e))
            out.append(q)
        elif _inside(p, e):
            out.append(_cross(p, q, e))
    return out


def _clip_polyline(pts: list[Pt], e: Edge) -> list[list[Pt]]:
    """The runs of an open polyline on the kept side of one clip edge."""
    runs: list[list[Pt]] = []
    run: list[Pt] = [pts[0]] if _inside(pts[0], e) else []
    for p, q in zip(pts, pts[1:], strict=False):
        if _inside(q, e):
            if not _inside(p, e):
                run = [_cross(p, q, e)]
            run.append(q)
        elif _inside(p, e):
            run.append(_cross(p, q, e))
            if len(run) > 1:
                runs.append(run)
            run = []
    if len(run) > 1:
        runs.append(run)
    return runs


def _on_edge(p: Pt, q: Pt, edges: Sequence[Edge]) -> bool:
    return any(abs(p[e[0]] - e[1]) < _EPS and abs(q[e[0]] - e[1]) < _EPS for e in edges)


def _bounds(ops: Sequence[PathOp]) -> tuple[float, float, float, float]:
    xs = [op[i] for op in ops if op[0] != "Z" for i in range(1, len(op), 2)]
    ys = [op[i] for op in ops if op[0] != "Z" for i in range(2, len(op), 2)]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, 0.0, 0.0)


def _polyline_ops(run: list[Pt]) -> list[PathOp]:
    return [("M", *run[0]), *(("L", *r) for r in run[1:])]


def clip(ops: Sequence[PathOp], left: float, right: float, bottom: float, *, filled: bool, stroked: bool
         ) -> tuple[tuple[PathOp, ...] | None, tuple[PathOp, ...] | None]:
    """An outline cut to left ≤ x ≤ right, y ≤ bottom: (fill outline, stroke outline), either None when nothing
    of it is left. An outline wholly inside comes back unchanged for both; a cut outline is not stroked along
    the cut."""
    x0, _, x1, y1 = _bounds(ops)
    if x0 >= left and x1 <= right and y1 <= bottom:
        keep = tuple(ops)
        return (keep if filled else None), (keep if stroked else None)
    edges = [e for e, crossed in (((1, bottom, True), y1 > bottom), ((0, left, False), x0 < left),
                                  ((0, right, True), x1 > right)) if crossed]
    fill_ops: list[PathOp] = []
    stroke_ops: list[PathOp] = []
    for pts, closed in _subpaths(ops):
        if closed:
            poly = pts
            for e in edges:
                poly = _clip_polygon(poly, e)
                if len(poly) < 3:
                    break
            if len(poly) < 3:
                continue
            if filled:
                fill_ops += [*_polyline_ops(poly), ("Z",)]
            if stroked:  # every edge but those along the cut
                ring = poly + [poly[0]]
                run: list[Pt] = []
                for p, q in zip(ring, ring[1:], strict=False):
                    if _on_edge(p, q, edges):
                        if len(run) > 1:
                            stroke_ops += _polyline_ops(run)
                        run = []
                        continue
                    if not run:
                        run = [p]
                    run.append(q)
                if len(run) > 1:
                    stroke_ops += _polyline_ops(run)
        else:
            runs = [pts]
            for e in edges:
                runs = [r for run in runs for r in _clip_polyline(run, e)]
            for run in runs:
                if stroked:
                    stroke_ops += _polyline_ops(run)
                if filled and len(run) > 2:
                    fill_ops += [*_polyline_ops(run), ("Z",)]
    return (tuple(fill_ops) or None), (tuple(stroke_ops) or None)
