"""The spec's JSON Schema: shipped as generated, valid draft-07, passes every good spec, and never refuses what
the loader takes (whatever the schema rejects, the loader rejects too); how many known mistakes it catches."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from spec_samples import BOARD_DICT, BOARD_TOML, BOARD_YAML
from test_spec_errors import CASES
from test_spec_hints import MISTAKES
from test_spec_properties import SETTINGS, board_dicts, mutated

from comicboard.errors import SpecError
from comicboard.spec import load
from comicboard.spec.json_schema import SCHEMA_FILE, build_schema, schema_text
from comicboard.spec.readers import read

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
VALIDATOR = jsonschema.Draft7Validator(build_schema())

# The known mistakes a JSON Schema can express: unknown keys, types, required keys, enumerations, patterns,
# number ranges and list lengths. Left to the loader: YAML syntax and encodings, a speaker missing from the
# cast, duplicate ids, margins against the page size, anything past the parser's own limits.
SCHEMA_CATCHES = {
    "unknown key", "alias key", "board key at top", "wrong type", "missing required", "bad colour",
    "colour eaten by comment", "unknown look", "unknown lang", "unknown size", "writing mode by its Japanese name",
    "size with x", "unknown kind", "say without caption", "empty caption", "min_font_size with unit",
    "min_font_size out of range", "cast member without name", "steps not a list", "flow mapping split by comma",
    "flow mapping broken by ','", "unknown language", "unknown page size", "bidi override", "control character",
    "text too long", "too many steps", "full-width colon inside {...}", "unknown prop", "url without https://",
    "url that is no address", "page size out of range",
}


def schema_errors(data: object) -> list[str]:
    """What the schema says of parsed spec data (dates and other YAML scalars as the editor sees them: text)."""
    plain = json.loads(json.dumps(data, default=str, ensure_ascii=False))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:80]}" for e in VALIDATOR.iter_errors(plain)]


def test_shipped_schema_file_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "the loader's tables or limits changed: regenerate the schema file with "
        "`python -m comicboard.spec.json_schema --write`")


def test_schema_is_valid_draft_7():
    jsonschema.Draft7Validator.check_schema(build_schema())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates(example):
    assert schema_errors(read(example).data) == []


@pytest.mark.parametrize("name, text", [("b.yaml", BOARD_YAML), ("b.toml", BOARD_TOML),
                                        ("b.json", json.dumps(BOARD_DICT, ensure_ascii=False))])
def test_sample_boards_validate_in_every_format(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert schema_errors(read(tmp_path / name).data) == []


def _known_bad() -> dict[str, tuple[str, str | bytes]]:
    bad = {name: ("board.yaml", BOARD_YAML.replace(c[0], c[1], 1)) for name, c in CASES.items()}
    bad.update({name: (m[0], m[1]) for name, m in MISTAKES.items()})
    return bad


def test_known_bad_specs_through_schema_and_loader(tmp_path, capsys):
    caught, unparsed = set(), set()
    for name, (file, source) in _known_bad().items():
        p = tmp_path / file
        p.write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
        with pytest.raises(SpecError):  # every one of them is a mistake: the loader, the authority, says so
            load(p)
        try:
            data = read(p).data
        except SpecError:
            unparsed.add(name)  # not even YAML/JSON: no schema ever sees it
            continue
        if schema_errors(data):
            caught.add(name)
    with capsys.disabled():
        print(f"\nJSON Schema catches {len(caught)} of {len(_known_bad())} known-bad specs "
              f"({len(unparsed)} do not parse at all)")
    assert caught == SCHEMA_CATCHES


def _load_and_validate(data: object) -> tuple[bool, list[str]]:
    """(does the loader accept it, the schema's errors), for data written to a JSON file and read back."""
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "b.json"
        p.write_text(json.dumps(data, ensure_ascii=False, default=repr), encoding="utf-8")
        try:
            parsed = read(p).data
        except SpecError:
            return False, ["unparsed"]
        try:
            load(p)
            accepted = True
        except SpecError:
            accepted = False
    return accepted, schema_errors(parsed)


@SETTINGS
@given(mutated())
def test_what_the_schema_rejects_the_loader_rejects(data):
    accepted, errors = _load_and_validate(data)
    assert not (accepted and errors), f"the schema refuses a spec the loader takes: {errors}"


@SETTINGS
@given(board_dicts())
def test_valid_boards_pass_the_schema(data):
    accepted, errors = _load_and_validate(data)
    assert accepted and errors == []


def _patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "pattern"] + [p for v in node.values() for p in _patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


def test_every_pattern_is_an_ecmascript_regex_as_editors_compile_it():
    """Editors (VS Code's YAML and JSON language services) compile `pattern` as JavaScript, with the `u` flag
    first; Node, the same engine, must accept each one, and agree with Python on what it matches."""
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node not found: install nodejs (sh tools/install-test-system-deps.sh)"
    patterns = sorted(set(_patterns(build_schema())))
    samples = ["A1", " a1 ", "portrait", "Portrait", "zh-Hans", "zh-hans ", "zh_Hans", "#C8102E", "cmyk(0,100,90,10)",
               "https://example.org/x", "{{url}}/x", "www.example.org", "calm", "my.toml", "急" * 501, "别急。",
               "  ", "a\u202eb", "elder_man", "qr", "B5", "A7"]
    script = ("const [ps, ss] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(ps.map(p => { const r = new RegExp(p, 'u');"
              " return ss.map(s => r.test(s)); })));")
    r = subprocess.run([node, "-e", script], input=json.dumps([patterns, samples]), capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    js = json.loads(r.stdout)
    py = [[re.search(p, s) is not None for s in samples] for p in patterns]
    assert js == py


def test_a_json_spec_may_name_its_schema(tmp_path):
    p = tmp_path / "b.json"
    p.write_text(json.dumps({"$schema": "board.schema.json", **BOARD_DICT}, ensure_ascii=False), encoding="utf-8")
    assert schema_errors(read(p).data) == [] and load(p).title == BOARD_DICT["board"]["title"]
    p.write_text(json.dumps({"$schema": {"x": 1}, **BOARD_DICT}, ensure_ascii=False), encoding="utf-8")
    assert schema_errors(read(p).data)
    with pytest.raises(SpecError, match=r"\$schema"):
        load(p)
