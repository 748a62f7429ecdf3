"""The command line: render, layout --json and check; errors are one clear message, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "examples" / "minimal.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "comicboard", *args], capture_output=True, text=True, cwd=ROOT)


def test_render_pdf_and_png(tmp_path):
    r = run("render", str(MINIMAL), "-o", str(tmp_path / "b.pdf"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    r = run("render", str(MINIMAL), "-o", str(tmp_path / "b.png"), "--dpi", "20")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "b.png").exists()


def test_layout_json():
    r = run("layout", str(MINIMAL), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["units"] == "pt" and data["pages"][0]["items"]


def test_check_clean_board():
    r = run("check", str(MINIMAL))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 error(s)" in r.stdout


def test_check_reports_missing_glyph(tmp_path):
    spec = tmp_path / "bad.yaml"
    spec.write_text("board: {title: 居住证明}\ncategories:\n  - name: 社区事务\n    procedures:\n"
                    "      - title: 开具证明\n        steps: [携带身份证🙂]\n", encoding="utf-8")
    r = run("check", str(spec))
    assert r.returncode == 1
    assert "missing-glyph" in r.stdout or "missing glyph" in r.stdout.lower() or "no font" in r.stdout
    assert "U+1F642" in r.stdout and "开具证明" in r.stdout


def test_check_warns_of_a_full_width_comma_inside_one_material(tmp_path):
    spec = tmp_path / "b.yaml"
    body = ("board: {title: 居住证明}\ncategories:\n  - name: 社区事务\n    procedures:\n"
            "      - title: 开具证明\n        materials: [%s]\n        steps: [携带身份证]\n")
    spec.write_text(body % "身份证，户口本", encoding="utf-8")
    r = run("check", str(spec))
    assert r.returncode == 0, r.stdout + r.stderr  # a warning: a material may hold a comma on purpose
    assert "warning: categories[0].procedures[0].materials[0]" in r.stdout
    assert "full-width comma" in r.stdout and "[身份证, 户口本]" in r.stdout and "1 warning(s)" in r.stdout
    spec.write_text(body % "身份证, 户口本", encoding="utf-8")
    assert "full-width comma" not in run("check", str(spec)).stdout


def test_bad_spec_is_one_message_without_traceback(tmp_path):
    spec = tmp_path / "bad.yaml"
    spec.write_text("board:\n  title: 居住证明\n  titel: x\ncategories: []\n", encoding="utf-8")
    r = run("render", str(spec), "-o", str(tmp_path / "b.pdf"))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "bad.yaml:3" in r.stderr and "titel" in r.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_unknown_output_format(tmp_path):
    r = run("render", str(MINIMAL), "-o", str(tmp_path / "b.docx"))
    assert r.returncode == 2 and "Traceback" not in r.stderr and ".pdf" in r.stderr
