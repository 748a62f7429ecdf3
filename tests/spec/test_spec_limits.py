"""Every documented limit (README, Limits) is enforced: one past it is refused by name (the field and the number),
exactly at it is accepted. Also: a `javascript:` link is refused (QR codes carry web addresses only)."""

from __future__ import annotations

import copy
import json

import pytest

from comicboard import limits
from comicboard.errors import SpecError
from comicboard.spec import load

STEP = {"caption": "携带身份证到社区"}
PROC = {"title": "开具居住证明", "steps": [STEP]}
BASE = {"board": {"title": "居住证明", "size": "A4"}, "categories": [{"name": "社区事务", "procedures": [PROC]}]}


def _with(change) -> dict:  # noqa: ANN001
    spec = copy.deepcopy(BASE)
    change(spec)
    return spec


def _cats(n):  # noqa: ANN001
    return lambda s: s.__setitem__("categories", [{"name": f"类{i}", "procedures": [PROC]} for i in range(n)])


def _materials(n):  # noqa: ANN001
    return lambda s: s["categories"][0]["procedures"][0].__setitem__("materials", [f"材料{i}" for i in range(n)])


def _speeches(n):  # noqa: ANN001
    say = [{"who": "worker", "text": f"好的{i}"} for i in range(n)]
    return lambda s: s["categories"][0]["procedures"][0].__setitem__("steps", [{"caption": "办理", "say": say}])


def _props(n):  # noqa: ANN001
    props = ["document", "stamp", "id_card", "phone"] * n
    return lambda s: s["categories"][0]["procedures"][0].__setitem__("steps", [{"caption": "办理",
                                                                                 "props": props[:n]}])


def _cast(n):  # noqa: ANN001 - n members in all, the two defaults included
    return lambda s: s.__setitem__("cast", {f"p{i}": {"name": f"人{i}", "look": "adult"} for i in range(n - 2)})


def _total_text(n):  # noqa: ANN001 - about n characters over the board's texts, each field under its own limit
    per = limits.MAX_TEXT_CHARS
    caps = [{"caption": "办" * per} for _ in range(limits.MAX_STEPS)]
    procs = [{"title": f"事项{i}", "steps": caps} for i in range(n // (per * limits.MAX_STEPS) + 1)]
    return lambda s: s.__setitem__("categories", [{"name": f"类{k}", "procedures": procs[k::10]} for k in range(10)
                                                  if procs[k::10]])


CASES = {
    "categories": (_cats, limits.MAX_CATEGORIES, "categor"),
    "materials": (_materials, limits.MAX_MATERIALS, "materials"),
    "speeches": (_speeches, limits.MAX_SPEECHES, "say"),
    "props": (_props, limits.MAX_PROPS, "props"),
    "cast": (_cast, limits.MAX_CAST, "cast"),
}


def _load(tmp_path, spec: dict):  # noqa: ANN001
    path = tmp_path / "b.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return load(path)


@pytest.mark.parametrize("what", sorted(CASES))
def test_a_limit_is_refused_one_past_it_and_accepted_at_it(what, tmp_path):
    make, limit, field = CASES[what]
    assert _load(tmp_path, _with(make(limit)))  # exactly at the limit: a board
    with pytest.raises(SpecError) as info:
        _load(tmp_path, _with(make(limit + 1)))
    err = info.value
    assert str(limit) in str(err), str(err)
    assert field in (err.path or "") + err.message, (err.path, err.message)


def test_all_the_texts_of_a_board_are_limited_together(tmp_path):
    with pytest.raises(SpecError) as info:
        _load(tmp_path, _with(_total_text(limits.MAX_BOARD_CHARS + 1)))
    assert f"{limits.MAX_BOARD_CHARS:,}" in str(info.value) or str(limits.MAX_BOARD_CHARS) in str(info.value)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:void(0)"])
def test_a_javascript_link_is_refused(url, tmp_path):
    with pytest.raises(SpecError) as info:
        _load(tmp_path, _with(lambda s: s["categories"][0]["procedures"][0].__setitem__("url", url)))
    assert "url" in (info.value.path or "") and info.value.hint
