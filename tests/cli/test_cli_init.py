"""`comicboard init`: starter files that load and validate, never an overwrite; the examples ship in the wheel."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from comicboard import check, load
from comicboard.spec.json_schema import SCHEMA_FILE
from comicboard.spec.readers import read
from comicboard.starter import STARTER_FILES

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "comicboard", *args], capture_output=True, text=True, cwd=cwd)


def test_init_writes_files_that_load_validate_and_point_at_the_schema(tmp_path):
    r = run("init", str(tmp_path / "new"))
    assert r.returncode == 0, r.stderr
    folder = tmp_path / "new"
    assert sorted(p.name for p in folder.iterdir()) == sorted(STARTER_FILES)
    assert (folder / "board.schema.json").read_bytes() == SCHEMA_FILE.read_bytes()
    validator = jsonschema.Draft7Validator(json.loads((folder / "board.schema.json").read_text(encoding="utf-8")))
    for spec in ("board.yaml", "template.yaml"):
        first = (folder / spec).read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=board.schema.json"
        assert list(validator.iter_errors(read(folder / spec).data)) == []
    board = load(folder / "board.yaml")
    assert [p for p in check(board) if p.severity == "error"] == []
    # The template and the table go together: every {{column}} of one is a column of the other.
    columns = set((folder / "table.csv").read_text(encoding="utf-8").splitlines()[0].split(","))
    used = set(re.findall(r"\{\{\s*(\w+)", json.dumps(read(folder / "template.yaml").data,
                                                                ensure_ascii=False)))
    assert used and used <= columns


@pytest.mark.parametrize("existing", ["board.yaml", "table.csv"])
def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path, existing):
    (tmp_path / existing).write_text("mine\n", encoding="utf-8")
    r = run("init", str(tmp_path))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "not overwriting" in r.stderr and existing in r.stderr and "hint:" in r.stderr
    assert [p.name for p in tmp_path.iterdir()] == [existing]
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"


def test_the_wheel_holds_the_examples_fonts_and_schema(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for example in (ROOT / "examples").iterdir():
            assert z.read(f"comicboard/_examples/{example.name}") == example.read_bytes()
        assert z.read("comicboard/spec/board.schema.json") == SCHEMA_FILE.read_bytes()
        assert {"comicboard/_fonts/LXGWWenKai-Regular.ttf", "comicboard/starter.py"} <= names
