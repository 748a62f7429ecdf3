"""Files that cannot be parsed (syntax, encoding, size limits, file type): reported with line and hint."""

from __future__ import annotations

import codecs

import pytest
from spec_samples import BOARD_YAML

from comicboard.errors import SpecError
from comicboard.spec import load, readers


def test_tab_indentation(fails):
    err = fails("b.yaml", BOARD_YAML.replace("  subtitle:", "\tsubtitle:"))
    assert err.line == 3 and "spaces, not tabs" in err.hint


@pytest.mark.parametrize("text", ["text: 时间: 8:30", "text: ? 好的", "text: ?好的"])
def test_flow_mapping_broken_by_unquoted_punctuation(fails, text):
    err = fails("b.yaml", BOARD_YAML.replace("text: 别急。", text))
    assert err.line == 24 and "YAML syntax error" in err.message
    assert "put the text in quotes" in err.hint


def test_pyyaml_has_libyaml():
    # PyYAML's wheels carry libyaml; without it the loader is slower and the libyaml tests below would not run.
    assert readers._FAST_LOADER is not None, "PyYAML was built without libyaml: reinstall it from a wheel"


def test_question_mark_inside_flow_text_reads_as_written(write):
    # libyaml (as YAML 1.2) takes a '?' inside a plain text in {...} as text: nothing to quote.
    board = load(write("b.yaml", BOARD_YAML.replace("text: 别急。", "text: 什么? 好的")))
    assert board.categories[0].procedures[0].steps[1].say[1].text == "什么? 好的"


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
def test_both_yaml_parsers_word_errors_alike(write, monkeypatch, fast):
    assert not fast or readers._FAST_LOADER is not None, "PyYAML without libyaml"
    if not fast:
        monkeypatch.setattr(readers, "_FAST_LOADER", None)
    with pytest.raises(SpecError) as info:
        load(write("b.yaml", BOARD_YAML.replace("  subtitle:", "\tsubtitle:")))
    assert info.value.line == 3 and "not tabs" in info.value.hint
    with pytest.raises(SpecError) as info:
        load(write("b.yaml", BOARD_YAML.replace("别急。", '"别急\x07。"'.replace("\\x07", "\x07"))))
    assert "not allowed in YAML" in info.value.message and info.value.line == 24


def test_gbk_file(fails):
    err = fails("b.yaml", BOARD_YAML.encode("gbk"))
    assert err.line == 2  # the title: the first line with Chinese text
    assert "looks like GBK; save it as UTF-8" in err.hint


def test_latin1_file_is_not_called_gbk(fails):
    err = fails("b.yaml", "board: {title: Crème brûlée, très épicé}\n".encode("latin-1"))
    assert "GBK" not in err.hint and "UTF-8" in err.hint


@pytest.mark.parametrize("data", [codecs.BOM_UTF16_LE + BOARD_YAML.encode("utf-16-le"),
                                  BOARD_YAML.encode("utf-16-le"), "board: {title: T}\n".encode("utf-16-be")],
                         ids=["bom", "no bom", "big-endian ASCII"])
def test_utf16_file(fails, data):
    err = fails("b.yaml", data)
    assert "UTF-16" in err.message and "UTF-8" in err.hint and err.line == 1


@pytest.mark.parametrize("name, text", [("b.yaml", ""), ("b.yaml", "# only a comment\n\n"), ("b.json", " \n"),
                                        ("b.toml", "")])
def test_empty_file(fails, name, text):
    err = fails(name, text)
    assert "empty" in err.message and "board:" in err.hint


@pytest.mark.parametrize("name", ["board.txt", "board.xml", "board"])
def test_unsupported_suffix(fails, name):
    err = fails(name, BOARD_YAML)
    assert "unsupported spec file type" in err.message
    assert ".yaml" in err.expected and ".toml" in err.expected and ".json" in err.expected


def test_missing_file(tmp_path):
    with pytest.raises(SpecError, match="not found"):
        load(tmp_path / "nope.yaml")


def test_yaml_alias_bomb_is_refused(fails):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    err = fails("b.yaml", "\n".join(lines) + "\n")
    assert "100,000" in err.message and "alias" in err.hint


def test_self_referring_alias_is_refused(fails):
    err = fails("b.yaml", "board: &x {title: T, more: *x}\ncategories: []\n")
    assert "50 levels" in err.message


def test_json_syntax_error_has_line_and_column(fails):
    err = fails("b.json", '{\n  "board": {"title": "T",}\n}\n')
    assert (err.line, err.column) == (2, 26) and "JSON" in err.message and "comma" in err.hint


def test_json_fullwidth_punctuation_hint(fails):
    err = fails("b.json", '{"board"：{"title": "T"}}')
    assert err.line == 1 and "full-width" in err.hint


def test_json_duplicate_key(fails):
    err = fails("b.json", '{"board": {"title": "T",\n "title": "U"}, "categories": []}')
    assert err.path == "board.title" and err.line == 2 and "twice" in err.message


def test_json_too_deep(fails):
    err = fails("b.json", "[" * 60 + "]" * 60)
    assert "50 levels" in err.message


def test_toml_syntax_error_has_line(fails):
    err = fails("b.toml", '[board]\ntitle = 小微权力清单\n')
    assert err.line == 2 and "TOML syntax error" in err.message and "double quotes" in err.hint


def test_yaml_control_character(fails):
    err = fails("b.yaml", "board:\n  title: a\x00b\n")
    assert err.line == 2 and "control character" in err.hint


def test_yaml_two_documents(fails):
    err = fails("b.yaml", "board: {title: T}\n---\nboard: {title: U}\n")
    assert err.line == 2 and "YAML syntax error" in err.message


def test_bad_date_like_text_stays_text(write):
    text = BOARD_YAML.replace("time_limit: 5个工作日", "time_limit: 2024-02-30")
    assert load(write("b.yaml", text)).categories[0].procedures[0].time_limit == "2024-02-30"
