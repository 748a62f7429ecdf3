"""Output files are written whole or not at all: each is rendered into a temporary file in the target's own folder
(so the final move is a rename on one filesystem, never a copy a reader could see half-done) and moved into place."""

from __future__ import annotations

import os
from pathlib import Path

import comicboard as cb


def test_temporaries_sit_beside_their_targets_and_are_renamed_into_place(examples_dir, tmp_path, monkeypatch):
    board = cb.load(examples_dir / "minimal.yaml")
    moves: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def replace(src, dst):  # noqa: ANN001
        moves.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    out = tmp_path / "deep" / "board.png"
    cb.render(board, out, dpi=10)
    assert out.is_file()
    assert moves and all(src.parent == dst.parent for src, dst in moves), moves
    assert [dst for _, dst in moves] == [out]
    assert sorted(p.name for p in out.parent.iterdir()) == ["board.png"]  # no temporary left behind
