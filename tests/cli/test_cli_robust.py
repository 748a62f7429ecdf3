"""The command line on bad input: one line naming the file, exit status 2, the traceback only with --debug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "examples" / "minimal.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "comicboard", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture
def bad_spec(tmp_path) -> Path:
    spec = tmp_path / "bad.yaml"
    spec.write_text("board:\n  title: 居住证明\n  lang: chinese\ncategories: []\n", encoding="utf-8")
    return spec


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback_before_or_after_the_subcommand(bad_spec, tmp_path, where):
    args = ["render", str(bad_spec), "-o", str(tmp_path / "b.pdf")]
    r = run(*(["--debug", *args] if where == "before" else [*args, "--debug"]))
    assert r.returncode != 0 and "Traceback" in r.stderr and "SpecError" in r.stderr


def test_without_debug_one_message_naming_file_field_and_hint(bad_spec, tmp_path):
    r = run("check", str(bad_spec))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    first, *rest = r.stderr.strip().splitlines()
    assert first.startswith(f"comicboard: error: {bad_spec}:3:") and "board.lang" in first
    assert len(rest) == 1 and "hint:" in rest[0]


def test_output_errors_name_the_spec_and_the_output(tmp_path):
    (tmp_path / "afile").write_text("x")
    r = run("render", str(MINIMAL), "-o", str(tmp_path / "afile" / "b.pdf"), "-q")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert str(MINIMAL) in r.stderr and "cannot write" in r.stderr


def test_allow_outside_paths_flag(tmp_path):
    from PIL import Image

    Image.new("RGB", (8, 8), "blue").save(tmp_path / "me.png")
    (tmp_path / "spec").mkdir()
    spec = tmp_path / "spec" / "b.yaml"
    spec.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "categories:", "cast:\n  me: {name: 我, picture: ../me.png}\ncategories:"), encoding="utf-8")
    r = run("layout", str(spec))
    assert r.returncode == 2 and "outside the spec's folder" in r.stderr and "--allow-outside-paths" in r.stderr
    r = run("layout", str(spec), "--allow-outside-paths")
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("dpi", ["inf", "nan", "0.001", "1e9"])
def test_bad_dpi_is_refused_before_any_pixel(tmp_path, dpi):
    r = run("render", str(MINIMAL), "-o", str(tmp_path / "b.png"), "--dpi", dpi, "-q")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "dpi" in r.stderr
    if dpi != "1e9":  # (1e9 is refused by the page's pixel count, which needs the layout)
        assert "dpi out of range" in r.stderr and "hint: use e.g. --dpi 150" in r.stderr  # before the layout
    assert not list(tmp_path.iterdir())


# Specs that once escaped as Python tracebacks (RecursionError, TOMLDecodeError, ValueError in layout).
_TITLE = "  title: 居住证明"
ESCAPES = {
    "deep.yaml": ("board: " + "[" * 5000 + "]" * 5000 + "\n", ":1:", "nested more than"),
    "deep.toml": ("board = " + "[" * 5000 + "]" * 5000 + "\n", "deep.toml", "nested more than"),
    "margin.yaml": (MINIMAL.read_text(encoding="utf-8").replace(_TITLE, _TITLE + "\n  size: A5\n  margin_mm: 100"),
                    ":5:", "board.margin_mm"),
    "theme.yaml": (MINIMAL.read_text(encoding="utf-8").replace(_TITLE, _TITLE + "\n  theme: t.toml"), ":4:",
                   "board.theme"),
    "bigint.toml": ("[board]\ntitle = " + "1" * 5000 + "\n", "bigint.toml", "TOML value cannot be read"),
    "trunc-font.yaml": (MINIMAL.read_text(encoding="utf-8") + "fonts: {regular: trunc.ttf}\n", "trunc-font.yaml",
                        "cannot read font"),
    "blank-font.yaml": (MINIMAL.read_text(encoding="utf-8") + "fonts: {regular: blank.ttf}\n", "blank-font.yaml",
                        "draws nothing"),
}


@pytest.mark.parametrize("name", ESCAPES)
def test_former_tracebacks_are_one_located_message(tmp_path, name):
    text, where, words = ESCAPES[name]
    (tmp_path / "t.toml").write_text("not = [ toml", encoding="utf-8")
    font = (ROOT / "fonts" / "LXGWWenKai-Regular.ttf").read_bytes()
    (tmp_path / "trunc.ttf").write_bytes(font[: len(font) // 2])  # cut short
    n = len(font)
    (tmp_path / "blank.ttf").write_bytes(font[: n // 4] + bytes(n // 2) + font[n // 4 + n // 2:])  # outlines zeroed
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    r = run("layout", str(spec))
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert len(r.stderr.splitlines()) <= 3  # one message, not thousands of fontTools warnings
    first = r.stderr.splitlines()[0]
    assert first.startswith(f"comicboard: error: {spec}") and where in first and words in first
    assert "hint:" in r.stderr


@pytest.mark.parametrize("name", ["b.jpg", "b.eps", "b"])
def test_unknown_output_suffix_is_refused_with_a_hint_before_layout(tmp_path, name):
    r = run("render", str(MINIMAL), "-o", str(tmp_path / name), "-q")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "cannot tell the output format" in r.stderr and "hint: name the output b.pdf" in r.stderr
    assert not list(tmp_path.iterdir())


def test_a_bug_is_one_line_saying_so_and_the_traceback_only_with_debug(monkeypatch, capsys):
    from comicboard import cli

    def broken(board):  # noqa: ANN001, ANN202
        raise ValueError("figure box must have a positive size")

    monkeypatch.setattr("comicboard.layout", broken)
    assert cli.main(["layout", str(MINIMAL)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"internal error on {MINIMAL}: ValueError" in err and "--debug" in err
    with pytest.raises(ValueError):
        cli.main(["layout", str(MINIMAL), "--debug"])


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder"])
def test_a_spec_that_is_no_regular_file_is_refused_without_reading(tmp_path, kind):
    spec = tmp_path / "b.yaml"
    if kind == "fifo":
        os.mkfifo(spec)
    elif kind == "folder":
        spec.mkdir()
    else:
        spec.symlink_to(kind)
    r = subprocess.run([sys.executable, "-m", "comicboard", "layout", str(spec)], capture_output=True, text=True,
                       cwd=ROOT, timeout=120)  # a hang would be the bug
    assert r.returncode == 2 and "Traceback" not in r.stderr and f"{spec}: the spec path is" in r.stderr


def test_a_path_outside_the_folder_reads_the_same_whether_or_not_it_exists(tmp_path):
    (tmp_path / "spec").mkdir()
    (tmp_path / "there.png").write_bytes(b"x")
    messages = []
    for name in ("there.png", "nowhere.png"):
        spec = tmp_path / "spec" / "b.yaml"
        spec.write_text(MINIMAL.read_text(encoding="utf-8").replace(
            "categories:", f"cast:\n  me: {{name: 我, picture: ../{name}}}\ncategories:"), encoding="utf-8")
        r = run("layout", str(spec))
        messages.append(r.stderr.replace(name, "NAME"))
    assert messages[0] == messages[1] and "outside the spec's folder" in messages[0]
