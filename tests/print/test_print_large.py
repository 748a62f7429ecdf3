"""Large rasters: refused before anything is allocated when the memory at hand is too small, with the estimate
and a way out. (Rendering A0 at 300 dpi itself is measured in benchmarks/bench_large.py, not here.)"""

from __future__ import annotations

import dataclasses

import pytest

import comicboard as cb
from comicboard.render import png


@pytest.mark.parametrize("suffix, channels", [(".png", 3), (".tif", 4)])
def test_refused_with_estimate_and_suggestion_when_memory_is_short(board, tmp_path, monkeypatch, suffix, channels):
    a0 = dataclasses.replace(board, size="A0")
    monkeypatch.setattr(png, "available_memory", lambda: 300_000_000)
    w, h = round(841 / 25.4 * 300), round(1189 / 25.4 * 300)
    need = png.memory_estimate(w, h, channels)
    assert need == w * h * channels + png.WORKING_BYTES
    with pytest.raises(cb.RenderError) as err:
        cb.render(a0, tmp_path / f"big{suffix}", dpi=300)
    msg = str(err.value)
    assert f"{need / 1e6:,.0f} MB" in msg and "300 MB are available" in msg and f"{w}×{h} px" in msg
    assert "dpi=" in msg and "PDF" in msg
    assert not list(tmp_path.iterdir())  # nothing written


def test_no_meminfo_means_no_memory_refusal(board, tmp_path, monkeypatch):
    monkeypatch.setattr(png, "available_memory", lambda: None)
    assert cb.render(board, tmp_path / "b.png", dpi=12)


def test_meminfo_is_read():
    free = png.available_memory()
    assert free is None or free > 0
