"""Composition bars read from a board's layout JSON (`Layout.to_json()`, what `comicboard layout --json` prints).

Written from the rules of the comics issue, not from the planner: how tall the people stand in their panel, how
much of a panel its people, bubbles, captions, props and drawn furniture cover, which rows of panels leave half a
strip empty, and whether every panel has a setting or is a close-up.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import shapely
from shapely.geometry import box as sbox

TOL = 0.6  # pt: rounding in the JSON


@dataclass
class PanelBars:
    where: str
    people: int
    tallest: float  # the tallest figure's visible height (inside the panel) over the panel's height
    coverage: float  # area of the panel covered by people, bubbles, captions, props and scene furniture
    setting: bool  # a drawn scene behind it
    close_up: bool  # a close-up, which may have a plain background
    bubbles: int
    captioned: bool  # a caption box across the panel (a step with dialogue)
    bbox: tuple[float, float, float, float]


def _centre_in(b, p) -> bool:  # noqa: ANN001 - [x, y, w, h] lists
    cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
    return p[0] - TOL <= cx <= p[0] + p[2] + TOL and p[1] - TOL <= cy <= p[1] + p[3] + TOL


def _rect(b):  # noqa: ANN001, ANN202
    return sbox(b[0], b[1], b[0] + b[2], b[1] + b[3])


def panels(doc: dict) -> list[PanelBars]:
    """Every panel of the laid-out board, measured."""
    out: list[PanelBars] = []
    for page in doc["pages"]:
        items = page["items"]
        pans = [it for it in items if it["kind"] == "panel"]
        for p in pans:
            pb = p["bbox"]
            frame = _rect(pb)
            mine = [it for it in items if it is not p and it["kind"] != "panel" and _centre_in(it["bbox"], pb)]
            figures = [it for it in mine if it["kind"] == "figure"]
            shapes = []
            for it in mine:
                k = it["kind"]
                if k in ("figure", "bubble", "caption_box", "counter") or (
                        k == "icon" and it.get("for") is None):
                    shapes.append(_rect(it["bbox"]))
                elif k == "scene":
                    shapes += [_rect(e) for e in it.get("elements", [])]
            covered = shapely.union_all(shapes).intersection(frame).area if shapes else 0.0
            tallest = 0.0
            for f in figures:
                fb = f["bbox"]
                top, bottom = max(fb[1], pb[1]), min(fb[1] + fb[3], pb[1] + pb[3])
                tallest = max(tallest, (bottom - top) / pb[3])
            scenes = [it for it in mine if it["kind"] == "scene"]
            out.append(PanelBars(
                where=f"{p.get('procedure')} / step {p.get('step')}", people=len(figures), tallest=tallest,
                coverage=covered / (pb[2] * pb[3]), setting=bool(scenes),
                close_up=any(f.get("shot") == "close" for f in figures),
                bubbles=sum(it["kind"] == "bubble" for it in mine),
                captioned=any(it["kind"] == "caption_box" for it in mine), bbox=tuple(pb)))
    return out


def rows(doc: dict) -> list[tuple[str, list[list[tuple[float, ...]]], float]]:
    """Each procedure's rows of panels (boxes, left to right) and the width its panels may take (from the
    leftmost panel's left to the rightmost's right in the procedure)."""
    out = []
    for page in doc["pages"]:
        by_proc: dict[tuple, list] = {}
        for it in page["items"]:
            if it["kind"] == "panel":
                by_proc.setdefault((it.get("procedure_number"), it.get("procedure")), []).append(tuple(it["bbox"]))
        for (_, title), boxes in by_proc.items():
            left = min(b[0] for b in boxes)
            right = max(b[0] + b[2] for b in boxes)
            grouped: dict[float, list] = {}
            for b in boxes:
                key = next((k for k in grouped if abs(k - b[1]) <= TOL), b[1])
                grouped.setdefault(key, []).append(b)
            out.append((title, [sorted(v) for _, v in sorted(grouped.items())], right - left))
    return out


def lone_narrow_rows(doc: dict) -> list[str]:
    """Rows holding a single panel narrower than 60% of the strip's panel area while the rest of it is empty."""
    bad = []
    for title, rws, width in rows(doc):
        for r in rws:
            if len(r) == 1 and r[0][2] < 0.6 * width - TOL:
                bad.append(f"{title}: a row of one panel {r[0][2]:.0f} pt wide in {width:.0f} pt")
    return bad


def summary(doc: dict) -> dict[str, float]:
    """The numbers the issue asks for, over the panels with people."""
    ps = [p for p in panels(doc) if p.people]
    if not ps:
        return {"panels": 0}
    tall = [p.tallest for p in ps]
    cov = [p.coverage for p in ps]
    return {"panels": len(ps), "tallest_min": min(tall), "tallest_median": statistics.median(tall),
            "coverage_min": min(cov), "coverage_median": statistics.median(cov),
            "no_setting": sum(not (p.setting or p.close_up) for p in ps),
            "lone_narrow_rows": len(lone_narrow_rows(doc))}
