"""`comicboard looks`: contact sheets name every look, pose, expression and scene, and are written as files."""

from __future__ import annotations

from PIL import Image

from comicboard.art.contact import looks_sheet, scenes_sheet
from comicboard.cli import main
from comicboard.display import GlyphRun
from comicboard.vocab import DRAWN_LOOKS, EXPRESSIONS, POSES, SCENES


def _labels(dl):
    return {it.text for it in dl.pages[0].items if isinstance(it, GlyphRun)}


def test_sheets_label_every_name():
    assert set(DRAWN_LOOKS) | set(POSES) | set(EXPRESSIONS) <= _labels(looks_sheet())
    assert set(SCENES) <= _labels(scenes_sheet())


def test_looks_command_writes_both_sheets(tmp_path, capsys):
    assert main(["looks", "-o", str(tmp_path), "--dpi", "30"]) == 0
    for name in ("looks.png", "scenes.png"):
        with Image.open(tmp_path / name) as im:
            assert im.width > 300 and im.height > 300
    assert main(["looks", "-o", str(tmp_path / "x.png")]) == 2
    assert "folder" in capsys.readouterr().err
