"""Read back what a PDF paints: every stroke, fill and text show with the colour, width and overprint in force.

A small content-stream interpreter over pikepdf (pages and the form XObjects they draw, graphics-state stack,
CTM, ExtGState overprint keys, marked content): what a RIP or a preflight tool sees, independent of how
comicboard wrote it. Units are PDF points in default user space (y up).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pikepdf

IDENT = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
REGISTRATION = (1.0, 1.0, 1.0, 1.0)  # /Separation /All: crop marks, on every plate


def mul(m, n):
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@dataclass
class State:
    ctm: tuple = IDENT
    fill: tuple = (0.0, 0.0, 0.0, 1.0)  # CMYK (DeviceGray g mapped to K = 1 - g)
    stroke: tuple = (0.0, 0.0, 0.0, 1.0)
    width: float = 1.0
    op_fill: bool = False  # ExtGState /op (or /OP when /op is absent)
    op_stroke: bool = False
    opm: int = 0
    font: str = ""
    size: float = 0.0
    mode: int = 0  # text render mode (3 = invisible)
    tc: float = 0.0
    th: float = 1.0


@dataclass
class Paint:
    """One painting operation: `kind` is "stroke", "fill" or "text"."""

    kind: str
    color: tuple  # CMYK 0..1
    overprint: bool
    opm: int
    width: float = 0.0  # strokes: effective line width in points (scaled by the CTM)
    size: float = 0.0  # text: effective font size in points
    mode: int = 0
    points: list = field(default_factory=list)  # device-space polygon(s) of the path (curves by their points)
    origin: tuple = (0.0, 0.0)  # text: device position of the first glyph
    actual_text: tuple = ()  # the /ActualText of every marked-content span this sits in, outermost first
    where: str = ""


def inks(c, tol=0.004):
    return sum(v > tol for v in c)


def is_solid_black(c, tol=0.004):
    return c[3] >= 1 - tol and max(c[:3]) <= tol


def _cmyk(op, vals):
    if op in ("k", "K"):
        return tuple(vals)
    if op in ("g", "G"):
        return (0.0, 0.0, 0.0, 1.0 - vals[0])
    return None  # RGB or other: not expected in print output


def paints(path) -> list[Paint]:
    """Every painting operation of every page of `path`, in drawing order."""
    out: list[Paint] = []
    with pikepdf.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            _walk(page, page.Resources, State(), out, f"p{n}", ())
    return out


def _walk(owner, res, gs, out, where, spans, depth=0):
    stack: list[State] = []
    marks: list[str | None] = []
    pts: list[tuple[float, float]] = []
    subpaths: list[list[tuple[float, float]]] = []
    tm = tlm = IDENT

    def width():
        a, b, c, d = gs.ctm[:4]
        return gs.width * math.sqrt(abs(a * d - b * c))

    for ins in pikepdf.parse_content_stream(owner):
        if isinstance(ins, pikepdf.ContentStreamInlineImage):
            continue
        op, ops = str(ins.operator), ins.operands
        if op == "q":
            stack.append(replace(gs))
        elif op == "Q":
            gs = stack.pop()
        elif op == "cm":
            gs.ctm = mul(tuple(float(v) for v in ops), gs.ctm)
        elif op in ("k", "K", "g", "G", "rg", "RG"):
            c = _cmyk(op, [float(v) for v in ops])
            assert c is not None, f"{where}: non-CMYK colour operator {op} {list(ops)}"
            if op.islower():
                gs.fill = c
            else:
                gs.stroke = c
        elif op in ("cs", "CS"):  # only crop marks use one: /Separation /All, which prints on every plate
            sep = res.ColorSpace[ops[0]] if isinstance(ops[0], pikepdf.Name) and ops[0] != "/Pattern" else None
            assert sep is not None and sep[0] == "/Separation" and sep[1] == "/All", f"{where}: colour space {ops[0]}"
        elif op in ("sc", "scn", "SC", "SCN"):
            if op.islower():
                gs.fill = REGISTRATION
            else:
                gs.stroke = REGISTRATION
        elif op == "w":
            gs.width = float(ops[0])
        elif op == "gs":
            egs = res.ExtGState[ops[0]]
            if "/OP" in egs:
                gs.op_stroke = bool(egs.OP)
                gs.op_fill = bool(egs.OP)
            if "/op" in egs:
                gs.op_fill = bool(egs.op)
            if "/OPM" in egs:
                gs.opm = int(egs.OPM)
        elif op in ("m", "l"):
            p = apply(gs.ctm, float(ops[0]), float(ops[1]))
            if op == "m":
                pts = [p]
                subpaths.append(pts)
            else:
                pts.append(p)
        elif op in ("c", "v", "y"):
            vals = [float(v) for v in ops]
            pts.extend(apply(gs.ctm, vals[i], vals[i + 1]) for i in range(0, len(vals), 2))
        elif op == "re":
            x, y, w, h = (float(v) for v in ops)
            subpaths.append([apply(gs.ctm, *p) for p in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))])
        elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"):
            poly = [list(p) for p in subpaths]
            if op in ("f", "F", "f*", "B", "B*", "b", "b*"):
                out.append(Paint("fill", gs.fill, gs.op_fill, gs.opm, points=poly, where=where,
                                 actual_text=_texts(spans, marks)))
            if op in ("S", "s", "B", "B*", "b", "b*"):
                out.append(Paint("stroke", gs.stroke, gs.op_stroke, gs.opm, width=width(), points=poly, where=where,
                                 actual_text=_texts(spans, marks)))
            subpaths, pts = [], []
        elif op == "BT":
            tm = tlm = IDENT
        elif op == "Tf":
            gs.font, gs.size = str(ops[0]), float(ops[1])
        elif op == "Tr":
            gs.mode = int(ops[0])
        elif op == "Tc":
            gs.tc = float(ops[0])
        elif op == "Tz":
            gs.th = float(ops[0]) / 100
        elif op == "Tm":
            tm = tlm = tuple(float(v) for v in ops)
        elif op in ("Td", "TD"):
            tlm = mul((1, 0, 0, 1, float(ops[0]), float(ops[1])), tlm)
            tm = tlm
        elif op in ("Tj", "TJ"):
            m = mul(tm, gs.ctm)
            size = abs(gs.size) * math.hypot(m[2], m[3])
            out.append(Paint("text", gs.fill, gs.op_fill, gs.opm, size=size, mode=gs.mode, origin=apply(m, 0, 0),
                             where=f"{where} {gs.font}", actual_text=_texts(spans, marks)))
            # The pen moves on by the shown glyphs: callers that need glyph positions use an extraction engine;
            # here a later show in the same text object only needs its own Td/Tm, which comicboard always writes.
        elif op in ("BDC", "BMC"):
            marks.append(_actual(ops, res))
        elif op == "EMC":
            marks.pop()
        elif op == "Do":
            xo = res.XObject[ops[0]]
            if xo.Subtype == "/Form":
                sub = replace(gs)
                if "/Matrix" in xo:
                    sub.ctm = mul(tuple(float(v) for v in xo.Matrix), gs.ctm)
                _walk(xo, xo.get("/Resources", res), sub, out, f"{where}>{ops[0]}", _texts(spans, marks), depth + 1)


def _actual(ops, res):
    if len(ops) < 2:
        return None
    props = ops[1]
    if isinstance(props, pikepdf.Name):
        props = res.Properties[props]
    text = props.get("/ActualText")
    return None if text is None else str(text)


def _texts(spans, marks):
    return tuple(spans) + tuple(m for m in marks if m is not None)


def bbox(p: Paint) -> tuple[float, float, float, float]:
    xs = [x for sp in p.points for x, _ in sp]
    ys = [y for sp in p.points for _, y in sp]
    return min(xs), min(ys), max(xs), max(ys)


def contains(p: Paint, x: float, y: float) -> bool:
    """Is the device point inside the filled path (even-odd over the polygons through the path's points)?"""
    inside = False
    for sp in p.points:
        n = len(sp)
        for i in range(n):
            (x1, y1), (x2, y2) = sp[i], sp[(i + 1) % n]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside
