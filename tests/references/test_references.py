"""Determinism against the past: today's layout and pictures of the examples compared with small reference files
kept in tests/references/ (every other "same bytes" test compares two fresh renders, which cannot see drift).

When a change to the layout or the art is meant, regenerate them with one flag and look at the new pictures:

    .venv/bin/python -m pytest tests/references --update-references
    (then open tests/references/png/*.png, and commit them with the change)

On failure, tests/references/_failures/ (gitignored) holds actual, expected and difference images.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

import comicboard as cb

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FAILURES = HERE / "_failures"
EXAMPLES = ["minimal", "gongrenjie", "zh-hant", "ja", "ja-tategaki", "ko"]
POSITION_PT = 2.0  # a box may move this much (points) before it counts as a change
PNG_DPI = 12  # A1 at 12 dpi is 280 × 397 px: a few kilobytes, enough to see a strip move or a colour change
PNG_MEAN = 3.0  # mean difference per channel (0–255) allowed: anti-aliasing and rounding
PNG_CHANGED = 0.03  # share of pixels that may differ by more than 48


def _summary(lay: cb.Layout) -> dict:
    """The layout as reference JSON: every item's kind, box (whole points) and lines' text, per page."""
    pages = []
    for page in lay.to_json()["pages"]:
        items = []
        for it in page["items"]:
            entry = {"kind": it["kind"], "bbox": [round(v) for v in it["bbox"]]}
            if "lines" in it:
                entry["lines"] = [ln["text"] for ln in it["lines"]]
            items.append(entry)
        pages.append({"width": round(page["width"]), "height": round(page["height"]), "items": items})
    return {"pages": pages, "problems": sorted(p["code"] for p in lay.to_json()["problems"])}


def _compare_layout(actual: dict, expected: dict) -> list[str]:
    diffs = []
    if actual["problems"] != expected["problems"]:
        diffs.append(f"problems {actual['problems']} were {expected['problems']}")
    if len(actual["pages"]) != len(expected["pages"]):
        return [*diffs, f"{len(actual['pages'])} pages, were {len(expected['pages'])}"]
    for n, (a, e) in enumerate(zip(actual["pages"], expected["pages"], strict=True), 1):
        if (a["width"], a["height"]) != (e["width"], e["height"]):
            diffs.append(f"page {n} is {a['width']}×{a['height']}, was {e['width']}×{e['height']}")
        kinds_a, kinds_e = [i["kind"] for i in a["items"]], [i["kind"] for i in e["items"]]
        if kinds_a != kinds_e:
            diffs.append(f"page {n}: the items changed ({len(kinds_a)} now, {len(kinds_e)} before)")
            continue
        for ia, ie in zip(a["items"], e["items"], strict=True):
            if ia.get("lines") != ie.get("lines"):
                diffs.append(f"page {n}: {ia['kind']} reads {ia.get('lines')}, read {ie.get('lines')}")
            elif max(abs(x - y) for x, y in zip(ia["bbox"], ie["bbox"], strict=True)) > POSITION_PT:
                diffs.append(f"page {n}: {ia['kind']} {ia.get('lines', '')} moved to {ia['bbox']} from {ie['bbox']}")
    return diffs


@pytest.fixture(scope="module")
def layouts():
    return {name: cb.layout(cb.load(ROOT / "examples" / f"{name}.yaml")) for name in EXAMPLES}


@pytest.mark.parametrize("name", EXAMPLES)
def test_layout_matches_its_reference(name, layouts, request):
    ref = HERE / "layout" / f"{name}.json"
    actual = _summary(layouts[name])
    if request.config.getoption("--update-references"):
        ref.parent.mkdir(exist_ok=True)
        ref.write_text(json.dumps(actual, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    assert ref.is_file(), f"no reference for {name}: run pytest tests/references --update-references"
    diffs = _compare_layout(actual, json.loads(ref.read_text(encoding="utf-8")))
    assert not diffs, (f"{name} differs from its reference (if meant, regenerate: pytest tests/references "
                       f"--update-references):\n" + "\n".join(diffs[:20]))


@pytest.mark.parametrize("name", ["minimal", "gongrenjie", "ja-tategaki"])
def test_picture_matches_its_reference(name, layouts, request, tmp_path):
    ref = HERE / "png" / f"{name}.png"
    out = cb.render(layouts[name], tmp_path / f"{name}.png", dpi=PNG_DPI)[0]
    actual = Image.open(out).convert("RGB")
    if request.config.getoption("--update-references"):
        ref.parent.mkdir(exist_ok=True)
        actual.save(ref, optimize=True)
    assert ref.is_file(), f"no reference for {name}: run pytest tests/references --update-references"
    expected = Image.open(ref).convert("RGB")
    problem = None
    if actual.size != expected.size:
        problem = f"size {actual.size}, was {expected.size}"
    else:
        diff = ImageChops.difference(actual, expected)
        mean = sum(ImageStat.Stat(diff).mean) / 3
        grey = diff.convert("L")
        changed = sum(grey.point(lambda v: 255 if v > 48 else 0).histogram()[255:]) / (grey.width * grey.height)
        if mean > PNG_MEAN or changed > PNG_CHANGED:
            problem = f"mean difference {mean:.2f} (limit {PNG_MEAN}), {changed:.1%} of pixels changed"
    if problem:
        FAILURES.mkdir(exist_ok=True)
        actual.save(FAILURES / f"{name}-actual.png")
        expected.save(FAILURES / f"{name}-expected.png")
        if actual.size == expected.size:
            ImageChops.invert(ImageChops.difference(actual, expected)).save(FAILURES / f"{name}-diff.png")
        pytest.fail(f"{name}.png differs from its reference: {problem}; see {FAILURES} (if meant, regenerate: "
                    f"pytest tests/references --update-references)", pytrace=False)
