"""Problems name places in words ('社区事务 / 开具证明 / step 2 / worker'); `check --json` turns those into field
paths. The rule: every label the board's texts carry leads to the field in the spec that holds that text."""

from __future__ import annotations

from pathlib import Path

import pytest

from comicboard.lint import field_path
from comicboard.model import iter_texts
from comicboard.spec import load
from comicboard.spec.readers import read

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def _value_at(data: object, path: tuple) -> object:
    for seg in path:
        data = data[seg]  # type: ignore[index]
    return data


def _texts_in(value: object) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts_in(v)]
    return [str(value).strip()]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_text_label_leads_to_the_field_holding_the_text(example):
    board, data = load(example), read(example).data
    for where, text in iter_texts(board):
        path = field_path(board, where)
        if where.startswith("cast ") and where.split(" ", 1)[1] not in (data.get("cast") or {}):
            assert path is not None  # a default cast member (worker, resident): not written in the spec
            continue
        assert path is not None, where
        assert text in _texts_in(_value_at(data, path)), (where, path)


def test_labels_that_are_paths_already_and_places_that_are_no_field():
    board = load(EXAMPLES[0])
    assert field_path(board, "cast.zhao.picture (page 1)") == ("cast", "zhao", "picture")
    assert field_path(board, "categories[0].procedures[1].materials[0] (居住证明)") == (
        "categories", 0, "procedures", 1, "materials", 0)
    assert field_path(board, "page 2") is None
    first = board.categories[0].procedures[0]
    assert field_path(board, f"page 9; {board.categories[0].name} / {first.title} / step 1 …") == (
        "categories", 0, "procedures", 0, "steps", 0)
