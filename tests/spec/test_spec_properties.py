"""Property tests: nothing but a Board or a SpecError comes out, and every format round-trips."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comicboard import Board
from comicboard.art import PROP_NAMES
from comicboard.errors import SpecError
from comicboard.model import (
    DIRECTIONS,
    LANGS,
    LOOKS,
    ORIENTATIONS,
    PAGE_SIZES_MM,
    SCENES,
    SPEECH_KINDS,
    WRITINGS,
)
from comicboard.spec import from_dict, load
from comicboard.spec.schema import BOARD_KEYS, PROCEDURE_KEYS, TOP_KEYS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# No control or line-break characters: PyYAML's dumper folds NEL (\x85) and friends inside quotes.
text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12).filter(
    lambda s: s.strip())
cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=8)
some_text = st.one_of(text, cjk)
texty = st.one_of(some_text, st.integers(0, 10**12))  # text fields also take numbers


@st.composite
def board_dicts(draw) -> dict:
    keys = draw(st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), max_size=3, unique=True))
    member = st.one_of(some_text, st.fixed_dictionaries(
        {"name": some_text}, optional={"look": st.sampled_from(LOOKS)}))
    cast = {k: draw(member) for k in keys}
    speech = st.fixed_dictionaries({"who": st.sampled_from(["worker", "resident", *keys]), "text": some_text},
                                   optional={"kind": st.sampled_from(SPEECH_KINDS)})
    props = st.sampled_from(PROP_NAMES)
    step = st.one_of(some_text, st.fixed_dictionaries({"caption": some_text}, optional={
        "say": st.lists(speech, max_size=3), "props": st.one_of(props, st.lists(props, max_size=2)),
        "scene": st.sampled_from(SCENES)}))
    extra = {k: texty for k in PROCEDURE_KEYS if k not in ("title", "steps", "materials", "scene")}
    extra["scene"] = st.sampled_from(SCENES)
    extra["url"] = st.sampled_from(["https://example.org/a", "http://例子.中国/办事?id=1", "HTTPS://X.ORG"])
    extra["materials"] = st.one_of(texty, st.lists(texty, max_size=3))
    procedure = st.fixed_dictionaries({"title": some_text, "steps": st.lists(step, min_size=1, max_size=3)},
                                      optional=extra)
    category = st.fixed_dictionaries(
        {"name": some_text, "procedures": st.lists(procedure, min_size=1, max_size=2)},
        optional={"color": st.sampled_from(["#C8102E", "#abc", "cmyk(0,100,90,10)", "CMYK(5, 5, 5, 5)"])})
    sizes = st.one_of(st.sampled_from([*PAGE_SIZES_MM, "a3", "b1"]),
                      st.lists(st.integers(50, 5000), min_size=2, max_size=2))
    board = st.fixed_dictionaries({"title": some_text}, optional={
        "subtitle": texty, "organization": texty, "footer": texty, "size": sizes,
        "orientation": st.sampled_from(ORIENTATIONS), "lang": st.sampled_from(LANGS),
        "direction": st.sampled_from(DIRECTIONS), "writing": st.sampled_from(WRITINGS),
        "min_font_size": st.integers(4, 72) | st.floats(4, 72),
        "margin_mm": st.floats(0, 15)})  # up to 15 mm fits the smallest page (50 mm) with room to spare
    data = {"board": draw(board), "categories": draw(st.lists(category, min_size=1, max_size=2))}
    seen: set[str] = set()
    for proc in (p for c in data["categories"] for p in c["procedures"]):  # ids must be unique on a board
        if "id" in proc and (str(proc["id"]).strip() in seen or seen.add(str(proc["id"]).strip())):
            del proc["id"]
    if cast or draw(st.booleans()):
        data["cast"] = cast
    return data


junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | st.binary(max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from([*TOP_KEYS, *BOARD_KEYS, *PROCEDURE_KEYS, "who", "say"]) | st.text(max_size=5),
        inner, max_size=4),
    max_leaves=20)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


@st.composite
def mutated(draw) -> object:
    """A valid board with one value replaced by junk, or one junk key added."""
    data = draw(board_dicts())
    path = draw(st.sampled_from(list(_paths(data))))
    if not path:
        return draw(junk)
    parent = data
    for seg in path[:-1]:
        parent = parent[seg]
    if isinstance(parent, dict) and draw(st.booleans()):
        parent[draw(st.text(max_size=6))] = draw(junk)
    else:
        parent[path[-1]] = draw(junk)
    return data


def _board_or_spec_error(fn, *args, **kw) -> Board | None:
    try:
        result = fn(*args, **kw)
    except SpecError as e:
        # Located: a field path or a line, or at least the file (an empty file has no line to name), or the
        # whole spec named as such (a dict that is not a mapping of fields).
        assert str(e) and e.hint is not None and (e.path is not None or e.line is not None or e.file
                                                    or "the spec" in e.message), e
        return None
    assert isinstance(result, Board)
    return result


@SETTINGS
@given(st.one_of(junk, mutated()))
def test_from_dict_returns_a_board_or_raises_spec_error(data):
    _board_or_spec_error(from_dict, data)


@SETTINGS
@given(mutated())
def test_files_with_junk_give_a_board_or_a_located_spec_error(data):
    with tempfile.TemporaryDirectory() as d:
        y = Path(d) / "b.yaml"
        y.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        _board_or_spec_error(load, y)
        j = Path(d) / "b.json"
        try:
            j.write_text(json.dumps(data, ensure_ascii=False, default=repr), encoding="utf-8")
        except (TypeError, ValueError):  # keys json cannot write: not the loader's business
            return
        _board_or_spec_error(load, j)


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_any_yaml_text_gives_a_board_or_a_spec_error(source):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "b.yaml"
        p.write_bytes(source.encode("utf-8", "surrogatepass"))
        _board_or_spec_error(load, p)


@SETTINGS
@given(board_dicts())
def test_valid_board_round_trips_through_yaml_and_json(data):
    expected = replace(from_dict(data), source=None)
    with tempfile.TemporaryDirectory() as d:
        y = Path(d) / "b.yaml"
        y.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert replace(load(y), source=None) == expected
        j = Path(d) / "b.json"
        j.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert replace(load(j), source=None) == expected
