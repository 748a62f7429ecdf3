"""The board keys of the legibility model: viewing_distance_m (a number within limits) and fit (sheets | one-sheet).
Values inside the limits load as written; values outside, of the wrong type or misspelt are located errors with a
hint, in every spec format."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comicboard.errors import SpecError
from comicboard.model import DEFAULT_VIEWING_DISTANCE_M, FITS, VIEWING_DISTANCE_M
from comicboard.spec import from_dict, load

LO, HI = VIEWING_DISTANCE_M
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spec(**board) -> dict:
    return {"board": {"title": "居住证明", **board},
            "categories": [{"name": "社区事务", "procedures": [{"title": "开具居住证明", "steps": ["携带身份证"]}]}]}


def yaml_text(extra: str) -> str:
    return (f"board:\n  title: 居住证明\n{extra}categories:\n  - name: 社区事务\n    procedures:\n"
            "      - title: 开具居住证明\n        steps: [携带身份证]\n")


def test_defaults_are_a_metre_and_more_sheets():
    b = from_dict(spec())
    assert b.viewing_distance_m is None and b.reading_distance_m == DEFAULT_VIEWING_DISTANCE_M == 1.0  # A1
    assert b.fit == "sheets" and FITS == ("sheets", "one-sheet")


@pytest.mark.parametrize(("size", "metres"), [("A0", 1.0), ("A1", 1.0), ("A2", 0.73), ("A3", 0.51), ("A4", 0.36),
                                              ("A5", 0.3), ([2000, 3000], 1.0), ([300, 400], 0.5)])
def test_a_smaller_sheet_is_read_from_about_its_diagonal_unless_the_spec_says(size, metres):
    b = from_dict(spec(size=size))
    w, h = b.page_size_mm
    assert b.reading_distance_m == pytest.approx(min(1.0, max(0.3, math.hypot(w, h) / 1000)), abs=0.005)
    assert b.reading_distance_m == pytest.approx(metres, abs=0.005)
    assert from_dict(spec(size=size, viewing_distance_m=2)).reading_distance_m == 2


@SETTINGS
@given(st.floats(LO, HI, allow_nan=False) | st.integers(math.ceil(LO), math.floor(HI)))
def test_a_distance_within_the_limits_loads_as_written(d):
    b = from_dict(spec(viewing_distance_m=d))
    assert b.viewing_distance_m == b.reading_distance_m == d


@SETTINGS
@given(st.floats(allow_nan=False).filter(lambda d: not LO <= d <= HI) | st.sampled_from([math.nan, -1, 0]))
def test_a_distance_outside_the_limits_is_refused_where_it_is_written(d):
    with pytest.raises(SpecError) as info:
        from_dict(spec(viewing_distance_m=d))
    err = info.value
    assert err.path == "board.viewing_distance_m" and err.hint


@pytest.mark.parametrize("value", ["1 m", "far", True, [1], {"m": 1}])
def test_a_distance_that_is_not_a_number_is_refused(value):
    with pytest.raises(SpecError) as info:
        from_dict(spec(viewing_distance_m=value))
    assert info.value.path == "board.viewing_distance_m" and info.value.hint


def test_a_bad_distance_names_file_line_and_field(fails):
    err = fails("board.yaml", yaml_text("  viewing_distance_m: 40\n"))
    assert (err.path, err.line) == ("board.viewing_distance_m", 3)
    assert str(err).startswith(f"{err.file}:3:") and f"{LO:g}–{HI:g} m" in str(err)


@SETTINGS
@given(st.sampled_from(FITS), st.sampled_from([str, str.upper]))
def test_fit_takes_its_two_values_in_any_case(fit, case):
    assert from_dict(spec(fit=case(fit))).fit == fit


@pytest.mark.parametrize(("written", "meant"), [("one", "one-sheet"), ("single", "one-sheet"),
                                                ("one_sheet", "one-sheet"), ("pages", "sheets")])
def test_a_misspelt_fit_is_refused_with_the_likely_value(written, meant, fails):
    err = fails("board.yaml", yaml_text(f"  fit: {written}\n"))
    assert (err.path, err.line) == ("board.fit", 3)
    assert repr(meant) in err.hint


@SETTINGS
@given(st.text(min_size=1, max_size=12).filter(lambda s: s.strip().lower() not in FITS))
def test_any_other_fit_is_a_located_error(value):
    with pytest.raises(SpecError) as info:
        from_dict(spec(fit=value))
    assert info.value.path == "board.fit" and info.value.hint


def test_the_keys_load_alike_from_yaml_json_and_toml(write):
    as_json = load(write("b.json", json.dumps(spec(viewing_distance_m=0.7, fit="one-sheet"), ensure_ascii=False)))
    toml = ('[board]\ntitle = "居住证明"\nviewing_distance_m = 0.7\nfit = "one-sheet"\n[[categories]]\n'
            'name = "社区事务"\n[[categories.procedures]]\ntitle = "开具居住证明"\nsteps = ["携带身份证"]\n')
    as_toml = load(write("b.toml", toml))
    as_yaml = load(write("b.yaml", yaml_text("  viewing_distance_m: 0.7\n  fit: one-sheet\n")))
    assert (as_yaml.viewing_distance_m, as_yaml.fit) == (0.7, "one-sheet")
    assert (as_json.viewing_distance_m, as_json.fit) == (as_toml.viewing_distance_m, as_toml.fit) == (0.7, "one-sheet")


def test_objects_made_in_code_are_checked_too():
    board = from_dict(spec())
    with pytest.raises(SpecError):
        dataclasses.replace(board, viewing_distance_m=0.1)
    with pytest.raises(SpecError):
        dataclasses.replace(board, fit="shrink")
