"""Following a spec: a save rebuilds it, an invalid spec gives its error with the line while the last good board
stays, problems are placed on the board and in the file, and `watch` re-renders and prints."""

from __future__ import annotations

import io
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

import comicboard as cb
from comicboard.lint import field_path
from comicboard.preview.build import Build
from comicboard.preview.follow import Preview
from comicboard.preview.locate import place
from comicboard.preview.watch import run as watch

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "examples" / "minimal.yaml").read_text(encoding="utf-8")


def _save(path: Path, text: str) -> None:
    """Write and move the mtime on, as a save a moment later would (file systems with coarse clocks)."""
    path.write_text(text, encoding="utf-8")
    later = path.stat().st_mtime_ns + 10_000_000
    os.utime(path, ns=(later, later))


def test_a_save_makes_a_new_version_and_nothing_else_does(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text("x", encoding="utf-8")
    calls = []
    preview = Preview(spec, builder=lambda p: calls.append(p) or Build(p, inputs=[p]))
    assert preview.poll() is not None and preview.version == 1
    assert preview.poll() is None and preview.version == 1
    _save(spec, "y")
    assert preview.poll() is not None and preview.version == 2 and len(calls) == 2


def test_an_invalid_spec_shows_its_line_over_the_last_good_board(tmp_path):
    spec = tmp_path / "minimal.yaml"
    spec.write_text(MINIMAL, encoding="utf-8")
    preview = Preview(spec)
    preview.rebuild()
    good = preview.state()
    assert good["error"] is None and good["pages"]
    lines = MINIMAL.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("  title:")) + 1  # 1-based line of the title
    lines.insert(at, "  size: Q9")
    _save(spec, "\n".join(lines) + "\n")
    preview.poll()
    bad = preview.state()
    assert bad["error"]["line"] == at + 1 and bad["error"]["field"] == "board.size"
    assert bad["error"]["hint"] and "Q9" in bad["error"]["source_line"]
    assert bad["pages"] == good["pages"] and bad["good_version"] == good["good_version"]
    assert "Traceback" not in str(bad)


def test_problems_carry_their_field_line_and_box(tmp_path):
    spec = tmp_path / "minimal.yaml"
    text = MINIMAL.replace("      - title: 开具居住证明\n",
                           "      - title: 开具居住证明\n        materials: [身份证，户口本]\n")
    spec.write_text(text, encoding="utf-8")
    preview = Preview(spec)
    preview.rebuild()
    state = preview.state()
    comma = next(p for p in state["problems"] if p["code"] == "comma-in-material")
    assert comma["field"] == "categories[0].procedures[0].materials[0]"
    assert comma["line"] == text.splitlines().index("        materials: [身份证，户口本]") + 1
    assert "身份证，户口本" in comma["source_line"]
    x, y, w, h = comma["bbox"]
    page = state["pages"][comma["page"] - 1]
    assert x >= 0 and y >= 0 and x + w <= page["width"] and y + h <= page["height"] and w > 0 and h > 0


def test_labels_resolve_to_fields_and_boxes(tmp_path):
    spec = tmp_path / "minimal.yaml"
    spec.write_text(MINIMAL.replace("      - title: 开具居住证明\n",
                                    "      - title: 开具居住证明\n        materials: [身份证]\n"), encoding="utf-8")
    board = cb.load(spec)
    lay = cb.layout(board)
    cat, proc = board.categories[0], board.categories[0].procedures[0]
    assert field_path(board, "board title") == ("board", "title")
    assert field_path(board, f"{cat.name} / {proc.title}") == ("categories", 0, "procedures", 0)
    assert field_path(board, f"{cat.name} / {proc.title} / step 3") == ("categories", 0, "procedures", 0,
                                                                        "steps", 2)
    assert field_path(board, "categories[0].procedures[0].materials[1] (x)")[-2:] == ("materials", 1)
    assert not field_path(board, "nowhere at all")
    step3 = place(board, lay, f"{cat.name} / {proc.title} / step 3")
    panel = next(p for p in lay.pages[0].of_kind("panel") if p.step == 3)
    assert step3.page == 1 and step3.bbox == pytest.approx(panel.bbox)
    materials = place(board, lay, f"{cat.name} / {proc.title} (materials)")
    block = next(b for b in lay.pages[0].text_blocks() if b.kind == "materials")
    assert materials.bbox == pytest.approx(block.bbox)  # that line of the details card, not the whole card
    title = place(board, lay, "board title")
    block = next(b for b in lay.pages[0].text_blocks() if b.where == "board title")
    assert title.bbox == pytest.approx(block.bbox)


def test_watch_renders_on_save_and_prints_the_error_with_its_line(tmp_path):
    spec, out = tmp_path / "minimal.yaml", tmp_path / "out" / "board.svg"
    spec.write_text(MINIMAL, encoding="utf-8")
    stream, stop = io.StringIO(), threading.Event()
    thread = threading.Thread(target=watch, args=(spec, out), kwargs={"stream": stream, "until": stop.is_set})
    thread.start()
    try:
        _wait(lambda: "wrote" in stream.getvalue())
        assert out.is_file() and "居住证明" in out.read_text(encoding="utf-8")
        _save(spec, MINIMAL.replace("categories:", "categories: [oops"))
        _wait(lambda: "still holds" in stream.getvalue())
        assert f"{spec}:" in stream.getvalue() and "Traceback" not in stream.getvalue()
        _save(spec, MINIMAL.replace("title: 居住证明", "title: 户籍证明"))
        _wait(lambda: stream.getvalue().count("wrote") == 2)
        assert "户籍证明" in out.read_text(encoding="utf-8")
    finally:
        stop.set()
        thread.join()


def _wait(condition, limit: float = 300) -> None:
    """Wait for the watcher to get there (not a speed check: the limit only stops a hung test)."""
    end = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < end, "the watcher did not get there"
        time.sleep(0.05)


def test_a_bug_reaches_the_page_as_one_line_not_a_traceback(tmp_path, monkeypatch):
    import comicboard.pagelayout as pagelayout
    from comicboard.preview.build import build

    spec = tmp_path / "minimal.yaml"
    spec.write_text(MINIMAL, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("planner fell over")

    monkeypatch.setattr(pagelayout, "layout", broken)
    result = build(spec)
    assert result.pages == [] and "planner fell over" in result.error["message"]
    assert "internal error" in result.error["message"] and "bug" in result.error["hint"]
    assert "Traceback" not in str(result.error) and 'File "' not in str(result.error)


def test_a_saved_picture_or_theme_rebuilds_the_board(tmp_path):
    from PIL import Image as PILImage

    from comicboard.preview.build import input_files

    PILImage.new("RGBA", (40, 80), (200, 30, 30, 255)).save(tmp_path / "zhao.png")
    shutil.copy(ROOT / "comicboard" / "paint" / "themes" / "calm.toml", tmp_path / "mine.toml")
    spec = tmp_path / "b.yaml"
    spec.write_text(MINIMAL.replace("  title: 居住证明\n", "  title: 居住证明\n  theme: mine.toml\n")
                    + "cast:\n  zhao: {name: 赵姐, picture: zhao.png}\n", encoding="utf-8")
    board = cb.load(spec)
    inputs = input_files(spec, board)
    assert [p.name for p in inputs] == ["b.yaml", "zhao.png", "mine.toml"]
    builds = []
    preview = Preview(spec, builder=lambda p: builds.append(p) or Build(p, inputs=inputs))
    preview.poll()
    PILImage.new("RGBA", (40, 80), (30, 30, 200, 255)).save(tmp_path / "zhao.png")  # the picture is redrawn
    later = (tmp_path / "zhao.png").stat().st_mtime_ns + 10_000_000
    os.utime(tmp_path / "zhao.png", ns=(later, later))
    assert preview.poll() is not None
    _save(tmp_path / "mine.toml", (tmp_path / "mine.toml").read_text(encoding="utf-8") + "\n")
    assert preview.poll() is not None
    assert preview.poll() is None and len(builds) == 3


def test_a_page_that_has_the_board_is_not_sent_it_again(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text("x", encoding="utf-8")
    preview = Preview(spec, builder=lambda p: Build(p, pages=[{"items": ["<rect/>"]}], inputs=[p]))
    preview.rebuild()
    good = preview.state()["good_version"]
    assert preview.state()["pages"] == [{"items": ["<rect/>"]}] == preview.state(have=good - 1)["pages"]
    assert preview.state(have=good)["pages"] is None
