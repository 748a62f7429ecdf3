"""Valid specs: the three formats agree, shorthands expand, defaults fill in, paths resolve."""

from __future__ import annotations

import codecs
import json
from dataclasses import replace

import pytest
from spec_samples import BOARD_DICT, BOARD_TOML, BOARD_YAML, minimal

from comicboard import Board, Color, Speech, Step
from comicboard.errors import SpecError
from comicboard.spec import from_dict, load


def test_yaml_toml_json_and_dict_give_the_same_board(write):
    boards = [
        load(write("b.yaml", BOARD_YAML)),
        load(write("b.toml", BOARD_TOML)),
        load(write("b.json", json.dumps(BOARD_DICT, ensure_ascii=False, indent=2))),
        from_dict(BOARD_DICT),
    ]
    assert all(isinstance(b, Board) for b in boards)
    plain = [replace(b, source=None) for b in boards]
    assert plain[0] == plain[1] == plain[2] == plain[3]


def test_fields_arrive_in_the_model(write):
    path = write("b.yml", BOARD_YAML)
    b = load(path)
    assert b.source == str(path)
    assert b.title == "小微权力清单" and b.size == "A1" and b.lang == "zh-Hans"
    proc = b.categories[0].procedures[0]
    assert b.categories[0].color == Color.parse("#C8102E")
    assert proc.materials == ("政审函", "身份证")
    assert proc.phone == "0311-12345678"
    assert proc.steps[0] == Step(caption="入党申请人提供政审函")  # shorthand: a bare caption
    assert proc.steps[1].say == (Speech("zhao", "孩子入党要开政审材料，该怎么办？"),
                                 Speech("worker", "别急。", "shout"))
    assert proc.steps[1].props == ("document", "stamp")


def test_default_cast_is_present_and_plain_string_member_is_a_name(write):
    b = load(write("b.yaml", BOARD_YAML))
    assert {"worker", "resident", "zhao", "grandpa"} <= set(b.cast)
    assert b.cast["grandpa"].name == "刘大爷" and b.cast["grandpa"].look == "adult"
    assert b.cast["worker"].look == "staff"


def test_numbers_become_text_and_yaml_keeps_what_was_typed(write):
    text = BOARD_YAML.replace("phone: 0311-12345678", "phone: 012345\n        id: 7").replace(
        "time_limit: 5个工作日", "time_limit: 5")
    proc = load(write("b.yaml", text)).categories[0].procedures[0]
    assert proc.phone == "012345"  # YAML 1.1 would read 012345 as octal 5349
    assert proc.time_limit == "5" and proc.id == "7"
    d = minimal()
    d["categories"][0]["procedures"][0].update(phone=12345678, time_limit=5)
    assert from_dict(d).categories[0].procedures[0].phone == "12345678"


def test_materials_and_props_may_be_one_string():
    d = minimal()
    d["categories"][0]["procedures"][0].update(materials="身份证", steps=[{"caption": "c", "props": "stamp"}])
    proc = from_dict(d).categories[0].procedures[0]
    assert proc.materials == ("身份证",) and proc.steps[0].props == ("stamp",)


@pytest.mark.parametrize("size, expected", [("a4", "A4"), ("B2", "B2"), ([600, 900], (600.0, 900.0))])
def test_size_forms(size, expected):
    assert from_dict(minimal(size=size)).size == expected


@pytest.mark.parametrize("extra, expected", [
    ({"size": [900, 500]}, (900.0, 500.0)),  # a custom size is width × height as written: a wide banner
    ({"size": [500, 900]}, (500.0, 900.0)),
    ({"size": [900, 500], "orientation": "portrait"}, (500.0, 900.0)),  # an explicit orientation turns it
    ({"size": [500, 900], "orientation": "landscape"}, (900.0, 500.0)),
    ({"size": "A3"}, (297.0, 420.0)),  # named sizes stay portrait unless told
    ({"size": "A3", "orientation": "landscape"}, (420.0, 297.0)),
])
def test_page_size_follows_a_custom_size_unless_an_orientation_is_given(extra, expected):
    assert from_dict(minimal(**extra)).page_size_mm == expected


def test_enums_are_case_insensitive():
    b = from_dict(minimal(lang="ZH-HANT", orientation="Landscape", direction="RTL"))
    assert (b.lang, b.orientation, b.direction) == ("zh-Hant", "landscape", "rtl")
    assert b.cast["worker"].name == "社區工作人員"  # default cast follows the language


def test_utf8_bom_is_accepted(write):
    assert load(write("b.yaml", codecs.BOM_UTF8 + BOARD_YAML.encode())).title == "小微权力清单"
    assert load(write("b.json", codecs.BOM_UTF8 + json.dumps(BOARD_DICT).encode())).title == "小微权力清单"


def test_yaml_anchors_and_merge_keys_work(write):
    text = """\
board: {title: T}
categories:
  - name: C
    procedures:
      - &base {title: A, phone: "110", steps: [one]}
      - <<: *base
        title: B
"""
    procs = load(write("b.yaml", text)).categories[0].procedures
    assert procs[1].title == "B" and procs[1].phone == "110" and procs[1].steps == procs[0].steps


def test_null_optional_fields_take_defaults(write):
    b = load(write("b.yaml", "board:\n  title: T\n  subtitle:\ncategories:\n"
                             "  - {name: C, procedures: [{title: P, steps: [s]}]}\n"))
    assert b.subtitle == ""


def test_font_and_picture_paths_resolve_against_the_spec_folder(write, tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "a.otf").write_bytes(b"x")
    from PIL import Image  # pictures are checked at load time: it must be a real one

    Image.new("RGB", (2, 2)).save(tmp_path / "zhao.png")
    text = BOARD_YAML.replace("  zhao: {name: 赵姐, look: adult}", "  zhao: {name: 赵姐, picture: zhao.png}")
    text += "fonts:\n  regular: fonts/a.otf\n  fallback: fonts/a.otf\n"
    b = load(write("b.yaml", text))
    assert b.fonts.regular == tmp_path / "fonts" / "a.otf"
    assert b.fonts.fallback == (tmp_path / "fonts" / "a.otf",)
    assert b.cast["zhao"].picture == tmp_path / "zhao.png"
    # from_dict resolves against base_dir
    d = minimal()
    d["fonts"] = {"bold": "fonts/a.otf"}
    assert from_dict(d, base_dir=tmp_path).fonts.bold == tmp_path / "fonts" / "a.otf"
    with pytest.raises(SpecError, match="font file not found"):
        from_dict({**d, "fonts": {"bold": "nope.otf"}}, base_dir=tmp_path)
