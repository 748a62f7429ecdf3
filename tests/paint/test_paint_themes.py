"""Themes are data files chosen in the spec; every theme is complete and changes the painted colours."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import comicboard as cb
from comicboard.display import Path as DPath
from comicboard.paint.theme import COLOR_NAMES, load_theme, theme_names

ROOT = Path(__file__).resolve().parents[2]


def test_at_least_two_complete_themes():
    names = theme_names()
    assert {"community", "calm"} <= set(names)
    for name in names:
        theme = load_theme(name)
        assert set(COLOR_NAMES) <= set(theme.colors)
        ink = theme.colors["ink"]
        assert (ink.c, ink.m, ink.y) == (0, 0, 0) and ink.k == 1  # small text in black ink only


def test_theme_changes_the_banner_colour():
    board = cb.load(ROOT / "examples" / "minimal.yaml")
    fills = {}
    for name in ("community", "calm"):
        lay = cb.layout(dataclasses.replace(board, theme=name))
        paths = [it for it in lay.display.pages[0].items if isinstance(it, DPath) and it.fill is not None]
        fills[name] = paths[1].fill  # after the page background comes the banner
    assert fills["community"] == load_theme("community").colors["banner"]
    assert fills["calm"] == load_theme("calm").colors["banner"]
    assert fills["community"] != fills["calm"]


def test_unknown_theme_is_a_spec_error_naming_the_choices():
    board = cb.load(ROOT / "examples" / "minimal.yaml")
    with pytest.raises(cb.SpecError) as err:
        dataclasses.replace(board, theme="neon")
    assert "calm" in str(err.value) and "board.theme" in str(err.value)


def test_theme_from_a_spec_file(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text("board: {title: 居住证明, theme: calm}\ncategories:\n  - name: 社区事务\n    procedures:\n"
                    "      - title: 开具证明\n        steps: [携带身份证]\n", encoding="utf-8")
    assert cb.load(spec).theme == "calm"
