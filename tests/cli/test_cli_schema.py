"""`comicboard schema`: prints the shipped JSON Schema, says where it is, writes a copy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from comicboard.spec.json_schema import SCHEMA_FILE

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "comicboard", *args], capture_output=True, text=True, cwd=cwd)


def test_schema_prints_the_shipped_file():
    r = run("schema")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert set(json.loads(r.stdout)["properties"]) == {"board", "cast", "categories", "fonts", "$schema"}


def test_schema_path_names_an_existing_file():
    r = run("schema", "--path")
    assert r.returncode == 0, r.stderr
    assert Path(r.stdout.strip()).read_bytes() == SCHEMA_FILE.read_bytes()


def test_schema_output_writes_a_copy(tmp_path):
    r = run("schema", "-o", str(tmp_path / "board.schema.json"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "board.schema.json").read_bytes() == SCHEMA_FILE.read_bytes()
