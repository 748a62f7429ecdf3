"""The issue's table of typical mistakes, each through a file: the message names the file, the field, the hint.

Also the robustness refusals added with them: refused characters, limits, paths outside the spec's folder.
"""

from __future__ import annotations

import os

import pytest
from spec_samples import BOARD_YAML

from comicboard import limits
from comicboard.errors import SpecError
from comicboard.spec import load

STEP1 = "categories[0].procedures[0].steps[1]"

# name: (file name, source text or bytes, field path or None for syntax errors, line, words in the hint)
MISTAKES = {
    "flow mapping broken by ':'": ("b.yaml", BOARD_YAML.replace("text: 别急。", "text: 时间: 8:30"), None, 24,
                                   "in quotes"),
    "flow mapping broken by '?'": ("b.yaml", BOARD_YAML.replace("text: 别急。", "text: ? 好的"), None, 24,
                                   "in quotes"),
    "flow mapping broken by ','": ("b.yaml", BOARD_YAML.replace("text: 别急。", "text: 别急, 我们先看看"),
                                   f"{STEP1}.say[1].我们先看看", 24, "in quotes"),
    "tab indentation": ("b.yaml", BOARD_YAML.replace("  subtitle:", "\tsubtitle:"), None, 3, "not tabs"),
    "unknown key": ("b.yaml", BOARD_YAML.replace("        summary:", "        sumary:"),
                    "categories[0].procedures[0].sumary", 15, "did you mean 'summary'"),
    "speaker missing from cast": ("b.yaml", BOARD_YAML.replace("{who: zhao, text", "{who: zhoa, text"),
                                  f"{STEP1}.say[0].who", 23, "under cast:"),
    "bad colour": ("b.yaml", BOARD_YAML.replace('"#C8102E"', '"#C8102"'), "categories[0].color", 12, "cmyk("),
    "unknown page size": ("b.yaml", BOARD_YAML.replace("size: A1", "size: A7"), "board.size", 4, "A0"),
    "unknown language": ("b.yaml", BOARD_YAML.replace("lang: zh-Hans", "lang: chinese"), "board.lang", 5,
                         "zh-Hans"),
    "GBK file": ("b.yaml", BOARD_YAML.encode("gbk"), None, 2, "GBK; save it as UTF-8"),
    # Unusual text: refused by name, never drawn.
    "bidi override": ("b.yaml", BOARD_YAML.replace("别急。", '"别急\\u202E。"'), f"{STEP1}.say[1].text", 24,
                      "delete it"),
    "control character": ("b.yaml", BOARD_YAML.replace("别急。", '"别急\\a。"'), f"{STEP1}.say[1].text", 24,
                          "delete it"),
    "lone surrogate in JSON": ("b.json", '{"board": {"title": "T\\ud800"}, "categories": [\n'
                               ' {"name": "C", "procedures": [{"title": "P", "steps": ["s"]}]}]}', "board.title", 1,
                               "delete it"),
    # Limits: refused quickly, the limit named.
    "text too long": ("b.yaml", BOARD_YAML.replace("别急。", "急" * (limits.MAX_TEXT_CHARS + 1)),
                      f"{STEP1}.say[1].text", 24, "shorten"),
    "too many steps": ("b.yaml", BOARD_YAML.replace("          - 入党申请人提供政审函\n",
                                                    "          - 入党申请人提供政审函\n" * limits.MAX_STEPS),
                       "categories[0].procedures[0].steps", 20, "split the procedure"),
    "full-width colon after a key": ("b.yaml", BOARD_YAML.replace("  size: A1", "  size： A1"), None, 4,
                                     "full-width colon"),
    "full-width colon inside {...}": ("b.yaml", BOARD_YAML.replace("{who: zhao, text", "{who：zhao, text"),
                                      f'{STEP1}.say[0]["who：zhao"]', 23, "ASCII colon"),
    "full-width colon in a step": ("b.yaml", BOARD_YAML.replace("- 入党申请", "- caption：入党申请"),
                                   "categories[0].procedures[0].steps[0]", 20, "full-width colon"),
    "unknown prop": ("b.yaml", BOARD_YAML.replace("props: [document, stamp]", "props: [document, stamps]"),
                     f"{STEP1}.props[1]", 25, "did you mean 'stamp'"),
    "url without https://": ("b.yaml", BOARD_YAML.replace("        steps:", "        url: www.example.org/zs\n"
                                                          "        steps:"), "categories[0].procedures[0].url", 19,
                             "https://www.example.org/zs"),
    "url that is no address": ("b.yaml", BOARD_YAML.replace("        steps:", "        url: 扫码办理\n        steps:"),
                               "categories[0].procedures[0].url", 19, "as a browser shows it"),
    "nesting thousands deep": ("b.yaml", "board: " + "[" * 5000 + "]" * 5000 + "\n", None, 1, "unclosed ["),
    "a list of many values": ("b.yaml", "board: [" + "1, " * (limits.MAX_NODES + 10) + "1]\n", None, 1,
                              "right file"),
    "page size out of range": ("b.yaml", BOARD_YAML.replace("size: A1", "size: [0, 0]"), "board.size", 4,
                               "in millimetres"),
    "duplicate procedure id": ("b.yaml", BOARD_YAML.replace("        steps:", "        id: zs\n        steps:")
                               + "      - title: 转出\n        id: zs\n        steps: [办理]\n",
                               "categories[0].procedures[1].id", 28, "selects them by id"),
    "margins wider than the page": ("b.yaml", BOARD_YAML.replace("size: A1", "size: [100, 100]\n  margin_mm: 45"),
                                    "board.margin_mm", 5, "larger size"),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_names_file_field_and_hint(name, fails):
    file, source, path, line, hint = MISTAKES[name]
    err = fails(file, source)
    text = str(err)
    assert text.startswith(f"{err.file}:{line}:"), text  # the file, the line, a column
    assert err.path == path and (path is None or f": {path}: " in text)
    assert hint in err.hint and f"hint: {err.hint}" in text


def test_limits_are_named_in_the_message(fails):
    err = fails("b.yaml", BOARD_YAML.replace("别急。", "急" * 600))
    assert str(limits.MAX_TEXT_CHARS) in err.message and "600" in err.found


def test_empty_required_text_is_refused(fails):
    err = fails("b.json", '{"board": {"title": "  "}, "categories": []}')
    assert err.path == "board.title" and "empty" in err.message


def test_huge_spec_file_is_refused_before_reading(write, monkeypatch):
    monkeypatch.setattr("comicboard.spec.readers.MAX_SPEC_BYTES", 100)
    with pytest.raises(SpecError, match="limit") as info:
        load(write("b.yaml", BOARD_YAML))
    assert "right file" in info.value.hint


def _with_picture(path: str) -> str:
    return BOARD_YAML.replace("  zhao: {name: 赵姐, look: adult}", f"  zhao: {{name: 赵姐, picture: {path}}}")


@pytest.fixture
def picture(tmp_path):
    from PIL import Image

    outside = tmp_path / "outside.png"
    Image.new("RGB", (4, 4), "red").save(outside)
    (tmp_path / "spec").mkdir()
    return outside


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink"])
def test_paths_may_not_leave_the_spec_folder(tmp_path, picture, how):
    spec_dir = tmp_path / "spec"
    name = {"dotdot": "../outside.png", "absolute": str(picture), "symlink": "link.png"}[how]
    if how == "symlink":
        os.symlink(picture, spec_dir / "link.png")
    spec = spec_dir / "b.yaml"
    spec.write_text(_with_picture(name), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load(spec)
    err = info.value
    assert err.path == "cast.zhao.picture" and err.line == 8 and "outside the spec's folder" in err.message
    assert "--allow-outside-paths" in err.hint
    assert load(spec, allow_outside=True).cast["zhao"].picture.resolve() == picture.resolve()


def test_fonts_outside_the_folder_are_refused_too(tmp_path, fails):
    (tmp_path / "x.ttf").write_bytes(b"x")
    (tmp_path / "spec").mkdir()
    spec = tmp_path / "spec" / "b.yaml"
    spec.write_text(BOARD_YAML + "fonts:\n  fallback: [../x.ttf]\n", encoding="utf-8")
    with pytest.raises(SpecError, match="outside") as info:
        load(spec)
    assert info.value.path == "fonts.fallback[0]"


def test_a_picture_that_is_no_picture_is_refused_at_load(tmp_path):
    (tmp_path / "zhao.png").write_bytes(b"<html>not a picture</html>")
    spec = tmp_path / "b.yaml"
    spec.write_text(_with_picture("zhao.png"), encoding="utf-8")
    with pytest.raises(SpecError, match="zhao.png") as info:
        load(spec)
    assert info.value.path == "cast.zhao.picture" and "PNG" in info.value.hint


def test_decompression_bomb_picture_is_refused_without_decoding(tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    # A 100 000 × 100 000 PNG header: Pillow's guard must stop it before a single row is decoded.
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    (tmp_path / "bomb.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))
    spec = tmp_path / "b.yaml"
    spec.write_text(_with_picture("bomb.png"), encoding="utf-8")
    with pytest.raises(SpecError, match="bomb.png"):
        load(spec)


@pytest.mark.parametrize("data", [b"x", b"\x00\x01\x00\x00" + b"\x00" * 40], ids=["junk", "no tables"])
def test_damaged_font_is_a_font_error(tmp_path, data):
    import comicboard as cb

    (tmp_path / "f.ttf").write_bytes(data)
    spec = tmp_path / "b.yaml"
    spec.write_text("board: {title: T, size: A5}\nfonts: {regular: f.ttf}\n"
                    "categories: [{name: C, procedures: [{title: P, steps: [s]}]}]\n", encoding="utf-8")
    with pytest.raises(cb.FontError, match="cannot read font") as info:
        cb.layout(load(spec))
    assert "damaged" in info.value.hint


def test_toml_nested_thousands_deep_is_refused(fails):
    err = fails("b.toml", "board = " + "[" * 5000 + "]" * 5000 + "\n")
    assert str(limits.MAX_DEPTH) in err.message and "unclosed" in err.hint


def test_many_procedures_are_refused_before_they_are_built(write):
    # How quickly: benchmarks/bench_pathological.py (no timed tests).
    procs = "".join(f"      - title: 事项{i}\n        steps: [步骤]\n" for i in range(10_000))
    spec = write("b.yaml", "board:\n  title: T\ncategories:\n  - name: C\n    procedures:\n" + procs)
    with pytest.raises(SpecError) as info:
        load(spec)
    assert info.value.path == "categories" and str(limits.MAX_PROCEDURES) in info.value.message


@pytest.mark.parametrize("theme, message", [
    ("this is = not [ toml", "not valid TOML"),
    ('[colors]\nink = "red"\n', "incomplete or invalid"),
    (b"\xd6\xd0\xce\xc4 = 1", "not UTF-8"),
], ids=["syntax", "colour", "encoding"])
def test_broken_theme_file_is_reported_at_load_with_its_line(write, theme, message):
    write("mine.toml", theme)
    spec = write("b.yaml", BOARD_YAML.replace("  size: A1", "  size: A1\n  theme: mine.toml"))
    with pytest.raises(SpecError) as info:
        load(spec)
    err = info.value
    assert err.file == str(spec) and err.line == 5 and err.path == "board.theme"
    assert message in err.message and "mine.toml" in err.message and "[colors]" in err.hint


@pytest.mark.parametrize("role", ["font", "picture"])
def test_a_folder_named_as_a_file_is_called_a_folder(write, tmp_path, role):
    (tmp_path / "things").mkdir()
    source = (BOARD_YAML + "fonts:\n  regular: things\n" if role == "font" else
              BOARD_YAML.replace("{name: 赵姐, look: adult}", "{name: 赵姐, picture: things}"))
    with pytest.raises(SpecError) as info:
        load(write("b.yaml", source))
    assert "is a folder, not a file" in info.value.message and "things/" in info.value.hint
    assert info.value.path == ("fonts.regular" if role == "font" else "cast.zhao.picture")


def test_many_procedures_in_json_are_located_quickly(write):
    import json

    procs = [{"title": f"事项{i}", "steps": ["步骤"]} for i in range(10_000)]
    spec = write("b.json", json.dumps({"board": {"title": "T"}, "categories": [{"name": "C", "procedures": procs}]},
                                      ensure_ascii=False, indent=1))
    with pytest.raises(SpecError) as info:
        load(spec)  # how quickly (locating 60,000 values was once quadratic): benchmarks/bench_pathological.py
    assert info.value.path == "categories" and (info.value.line, info.value.column) == (5, 16)


def test_json_positions_match_counting_from_the_top():
    from comicboard.spec.readers import Document, _JsonScanner, _line_col

    text = '{\n "a": [1,\n  2],\r\n "b": {"c": "x\\ny"}\n}\n'
    scanner = _JsonScanner(text, Document(None))
    assert all(scanner.line_col(i) == _line_col(text, i) for i in range(len(text)))


def test_duplicate_procedure_id_names_the_first_one(fails):
    second = "  - name: 其他\n    procedures:\n      - {title: 转出, id: zs, steps: [办理]}\n"
    err = fails("b.yaml", BOARD_YAML.replace("        steps:", "        id: zs\n        steps:") + second)
    assert (err.line, err.path) == (29, "categories[1].procedures[0].id")
    assert "'zs'" in err.message and "categories[0].procedures[0].id" in err.message and "line 19" in err.message
    assert "unique" in err.hint


def test_duplicate_procedure_id_in_python_objects():
    from comicboard.model import Board, Category, Procedure, Step

    procs = tuple(Procedure(title=t, steps=(Step("s"),), id="a") for t in ("P", "Q"))
    with pytest.raises(SpecError, match="'a'") as info:
        Board(title="B", categories=(Category("C", procs),))
    assert info.value.path == "categories[0].procedures[1].id"
    assert "categories[0].procedures[0].id" in info.value.message
    Board(title="B", categories=(Category("C", tuple(Procedure(title="P", steps=(Step("s"),)) for _ in "ab")),))
