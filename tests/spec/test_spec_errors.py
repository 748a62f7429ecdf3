"""Invalid specs: each mistake is reported with file, line, field path, expected/found and a hint."""

from __future__ import annotations

import pytest
from spec_samples import BOARD_YAML, minimal

from comicboard.errors import SpecError
from comicboard.spec import from_dict

PROC = "categories[0].procedures[0]"
STEP1 = f"{PROC}.steps[1]"

# (old text, new text, field path, line, words in the message, words in the hint)
CASES = {
    "unknown key": ("        summary:", "        sumary:", f"{PROC}.sumary", 15, "unknown key 'sumary'",
                    "did you mean 'summary'"),
    "alias key": ("        phone:", "        tel:", f"{PROC}.tel", 18, "unknown key", "did you mean 'phone'"),
    "board key at top": ("board:\n  title: 小微权力清单\n", "title: 小微权力清单\nboard:\n", "title", 1,
                         "unknown key 'title'", "belongs under board:"),
    "wrong type": ("materials: [政审函, 身份证]", "materials: {a: 1}", f"{PROC}.materials", 16,
                   "found a mapping", "- item"),
    "missing required": ("  title: 小微权力清单\n", "", "board.title", 2, "missing 'title'", "title"),
    "bad colour": ('"#C8102E"', '"#C8102"', "categories[0].color", 12, "not a colour", "cmyk("),
    "colour eaten by comment": ('"#C8102E"', "#C8102E", "categories[0].color", 12, "colour is empty",
                                "# starts a comment"),
    "unknown look": ("look: adult", "look: robot", "cast.zhao.look", 8, "unknown look 'robot'",
                     "use one of: elder"),
    "unknown lang": ("lang: zh-Hans", "lang: zh-CN", "board.lang", 5, "unknown language",
                     "did you mean 'zh-Hans'"),
    "unknown size": ("size: A1", "size: A7", "board.size", 4, "unknown page size 'A7'", "use one of A0"),
    "writing mode by its Japanese name": ("  size: A1", "  size: A1\n  writing: tategaki", "board.writing", 5,
                                          "unknown writing mode 'tategaki'", "did you mean 'vertical'"),
    "size with x": ("size: A1", "size: 600x900", "board.size", 4, "unknown page size", "[600, 900]"),
    "unknown kind": ("kind: shout", "kind: yell", f"{STEP1}.say[1].kind", 24, "unknown speech kind",
                     "did you mean 'shout'"),
    "speaker not in cast": ("{who: zhao, text", "{who: zhoa, text", f"{STEP1}.say[0].who", 23,
                            "speaker 'zhoa' is not in the cast", "did you mean 'zhao'"),
    "say without caption": ("          - caption: 征求相关部门意见\n            say:", "          - say:",
                            f"{STEP1}.caption", 21, "needs a caption", "caption:"),
    "empty caption": ("          - 入党申请人提供政审函", '          - "  "', f"{PROC}.steps[0]", 20, "empty",
                      "cannot be blank"),
    "min_font_size with unit": ("  size: A1", "  size: A1\n  min_font_size: 10pt", "board.min_font_size", 5,
                                "found a string", "plain number"),
    "min_font_size out of range": ("  size: A1", "  size: A1\n  min_font_size: 2", "board.min_font_size", 5,
                                   "out of range", ""),
    "cast member without name": ("{name: 赵姐, look: adult}", "{look: adult}", "cast.zhao.name", 8,
                                 "missing 'name'", "name:"),
    "steps not a list": (BOARD_YAML[BOARD_YAML.index("        steps:"):], "        steps: 只有一步\n",
                         f"{PROC}.steps", 19, "expected a list of steps, found a string", "- "),
    "flow mapping split by comma": ("text: 别急。", "text: 别急, 我们先看看",
                                    f"{STEP1}.say[1].我们先看看", 24, "unknown key", "in quotes"),
    "duplicate key": ("  lang: zh-Hans", "  lang: zh-Hans\n  lang: ja", "board.lang", 6,
                      "appears twice", "remove"),
    "python tag": ("size: A1", "size: !!python/object/apply:os.system [ls]", "board.size", 4,
                   "unsupported YAML tag", "plain"),
}


@pytest.mark.parametrize("name", CASES)
def test_invalid_yaml_field_is_located(name, fails):
    old, new, path, line, message, hint = CASES[name]
    assert old in BOARD_YAML
    err = fails("board.yaml", BOARD_YAML.replace(old, new, 1))
    assert err.path == path
    assert err.line == line and err.column is not None and err.column >= 1
    assert message in str(err)
    assert hint in err.hint
    text = str(err)
    assert text.startswith(f"{err.file}:{line}:{err.column}: {path}: ")


def test_json_field_errors_have_lines_too(fails):
    text = '{\n  "board": {"title": "T"},\n  "categories": [\n    {"name": "C", "colour": "#fff"}\n  ]\n}\n'
    err = fails("b.json", text)
    assert (err.path, err.line, err.column) == ("categories[0].colour", 4, 19)
    assert "did you mean 'color'" in err.hint


def test_toml_field_errors_name_the_path(fails):
    err = fails("b.toml", '[board]\ntitle = "T"\nlang = "zh-CN"\n\n[[categories]]\nname = "C"\n'
                          '[[categories.procedures]]\ntitle = "P"\nsteps = ["s"]\n')
    assert err.path == "board.lang" and "did you mean 'zh-Hans'" in err.hint


def test_from_dict_errors_name_the_path_and_source():
    d = minimal()
    d["categories"][0]["procedures"][0]["steps"] = [
        {"caption": "c", "say": [{"who": "nobody", "text": "hi"}]}]
    with pytest.raises(SpecError) as info:
        from_dict(d, source="<script>")
    err = info.value
    assert err.file == "<script>" and err.line is None
    assert err.path == "categories[0].procedures[0].steps[0].say[0].who"
    assert "worker" in err.hint and "resident" in err.hint


@pytest.mark.parametrize("data, path, found", [
    ({"board": {"title": "T"}}, "categories", None),
    ({"board": "T", "categories": []}, "board", "a string ('T')"),
    ({"board": {"title": "T"}, "categories": []}, "categories", None),
    ({"board": {"title": True}, "categories": []}, "board.title", "true/false (True)"),
    ({"board": {"title": "T", "size": [1, 2, 3]}, "categories": []}, "board.size", "a list"),
    ({"board": {"title": "T", "margin_mm": float("nan")}, "categories": []}, "board.margin_mm", "nan"),
])
def test_from_dict_shapes(data, path, found):
    with pytest.raises(SpecError) as info:
        from_dict(data)
    assert info.value.path == path and info.value.hint
    assert info.value.found == found


def test_root_must_be_a_mapping():
    with pytest.raises(SpecError, match="expected a mapping"):
        from_dict(["board"])  # type: ignore[arg-type]


def test_required_key_without_value(fails):
    err = fails("b.yaml", "board:\n  title:\ncategories: []\n")
    assert err.path == "board.title" and err.line == 2 and "has no value for 'title'" in err.message
