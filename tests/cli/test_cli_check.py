"""`comicboard check --json / --strict` and several files: each finding at its file, line and field, from the
rule (a spec written with a known problem at a known line yields that line), and the documented exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "examples" / "minimal.yaml"

# Line 6 holds a material with a full-width comma (a warning); line 8 a step with an emoji no font has (an error).
SPEC = """\
board: {title: 居住证明}
categories:
  - name: 社区事务
    procedures:
      - title: 开具证明
        materials: [身份证，户口本]
        steps:
          - {caption: 携带身份证🙂}
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "comicboard", *args], capture_output=True, text=True, cwd=ROOT)


def check_json(*args: str) -> tuple[int, dict]:
    r = run("check", "--json", *args)
    assert "Traceback" not in r.stderr, r.stderr
    return r.returncode, json.loads(r.stdout)


def test_findings_carry_file_line_column_and_field(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    status, doc = check_json(str(spec))
    assert status == 1
    by_code = {f["code"]: f for f in doc["findings"]}
    comma, glyph = by_code["comma-in-material"], by_code["missing-glyph"]
    assert set(comma) == {"file", "line", "column", "path", "severity", "code", "message", "hint", "where"}
    assert (comma["file"], comma["line"], comma["path"], comma["severity"]) == (
        str(spec), 6, "categories[0].procedures[0].materials[0]", "warning")
    assert comma["column"] == SPEC.splitlines()[5].index("身份证") + 1
    assert (glyph["line"], glyph["path"], glyph["severity"]) == (8, "categories[0].procedures[0].steps[0]", "error")
    assert "U+1F642" in glyph["message"] and glyph["hint"]
    assert doc["summary"] == {"files": 1, "errors": 1, "warnings": 1, "strict": False, "exit_status": 1}


def test_strict_fails_on_warnings_only(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text(SPEC.replace("🙂", ""), encoding="utf-8")
    assert check_json(str(spec))[0] == 0  # one warning: passes
    status, doc = check_json("--strict", str(spec))
    assert status == 1 and doc["summary"]["warnings"] == 1 and doc["summary"]["errors"] == 0
    r = run("check", "--strict", str(spec))
    assert r.returncode == 1 and f"{spec}:6:" in r.stdout


def test_several_files_at_once_with_an_invalid_one(tmp_path):
    good, warn, bad = tmp_path / "good.yaml", tmp_path / "warn.yaml", tmp_path / "bad.yaml"
    good.write_bytes(MINIMAL.read_bytes())
    warn.write_text(SPEC.replace("🙂", ""), encoding="utf-8")
    bad.write_text("board:\n  title: 居住证明\n  titel: x\ncategories: []\n", encoding="utf-8")
    status, doc = check_json(str(good), str(warn), str(bad))
    assert status == 2  # a spec that cannot be read at all
    assert doc["summary"]["files"] == 3
    files = [f["file"] for f in doc["findings"]]
    assert str(good) not in files and files.count(str(warn)) == 1
    (invalid,) = [f for f in doc["findings"] if f["file"] == str(bad)]
    assert (invalid["code"], invalid["line"], invalid["path"]) == ("invalid-spec", 3, "board.titel")
    assert "did you mean 'title'" in invalid["hint"]
    r = run("check", str(good), str(warn), str(bad))  # text: the usual error line, and a count per file
    assert r.returncode == 2 and f"comicboard: error: {bad}:3:" in r.stderr
    assert "good.yaml: 0 error(s), 0 warning(s)" in r.stdout and "warn.yaml: 0 error(s), 1 warning(s)" in r.stdout


def test_clean_examples_pass_strict():
    status, doc = check_json("--strict", str(MINIMAL), str(ROOT / "examples" / "starter.yaml"))
    assert status == 0 and doc["findings"] == []
