"""Large rasters: refused before anything is allocated when the memory at hand is too small, with the estimate
and a way out. (Rendering A0 at 300 dpi itself is measured in benchmarks/bench_large.py, not here.)"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import comicboard as cb
from comicboard.render import png


@pytest.mark.parametrize("suffix, channels", [(".png", 3), (".tif", 4)])
def test_refused_with_estimate_and_suggestion_when_memory_is_short(board, tmp_path, monkeypatch, suffix, channels):
    a0 = dataclasses.replace(board, size="A0")
    monkeypatch.setattr(png, "available_memory", lambda: 300_000_000)
    w, h = round(841 / 25.4 * 300), round(1189 / 25.4 * 300)
    need = png.memory_estimate(w, h, channels)
    assert need == w * h * 4 + png.WORKING_BYTES  # Pillow keeps RGB pixels in 4 bytes, as CMYK
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
    # On Linux (CI) /proc/meminfo is there to read: the figure is known, and at least some megabytes.
    assert Path("/proc/meminfo").is_file(), "this test reads /proc/meminfo (Linux)"
    assert free is not None and free > 16 * 2**20, free


_MEASURE = """
import sys
from PIL import Image
def rss():
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(ln.split()[1]) * 1024 for ln in f if ln.startswith("VmRSS:"))
mode, n = sys.argv[1], len(sys.argv[1])
before = rss()
im = Image.new(mode, (4000, 4000), (255,) * n)  # filled, so every page of it is resident
print(rss() - before)
"""


@pytest.mark.parametrize("mode, channels", [("RGB", 3), ("CMYK", 4)])
def test_estimate_covers_the_page_image_as_pillow_holds_it(mode, channels):
    """The estimate is at least what the page image really takes (Pillow pads RGB to 4 bytes a pixel);
    measured in a fresh process, where no freed memory is lying around to be reused."""
    assert Path("/proc/self/status").exists(), "this test reads the resident size from /proc (Linux)"
    import subprocess
    import sys

    taken = int(subprocess.run([sys.executable, "-c", _MEASURE, mode], capture_output=True, text=True,
                               check=True).stdout)
    w = h = 4000
    assert taken <= png.memory_estimate(w, h, channels) - png.WORKING_BYTES + 4_000_000
    assert taken > w * h * 3.5  # both hold 4 bytes a pixel: an estimate of 3 for RGB falls short


def _fake_system(tmp_path, *, meminfo_kb=8_000_000, cgroup_lines="0::/box\n", files=None):
    proc, cg = tmp_path / "proc", tmp_path / "cg"
    (proc / "self").mkdir(parents=True)
    (proc / "meminfo").write_text(f"MemTotal: 16000000 kB\nMemAvailable: {meminfo_kb} kB\n")
    (proc / "self" / "cgroup").write_text(cgroup_lines)
    for rel, text in (files or {}).items():
        (cg / rel).parent.mkdir(parents=True, exist_ok=True)
        (cg / rel).write_text(text)
    return str(proc), str(cg)


def test_available_memory_is_bounded_by_a_cgroup_v2_limit(tmp_path):
    """In a container MemAvailable shows the host's memory; the group's limit is what the render can take."""
    proc, cg = _fake_system(tmp_path, files={"box/memory.max": "1000000000\n", "box/memory.current": "250000000\n"})
    assert png.available_memory(proc, cg) == 750_000_000


def test_available_memory_is_bounded_by_a_cgroup_v1_limit_at_the_mount_root(tmp_path):
    proc, cg = _fake_system(tmp_path, cgroup_lines="4:memory:/docker/abc\n1:cpu:/\n",
                            files={"memory/memory.limit_in_bytes": "600000000\n",
                                   "memory/memory.usage_in_bytes": "100000000\n"})
    assert png.available_memory(proc, cg) == 500_000_000


def test_unlimited_cgroup_leaves_meminfo(tmp_path):
    proc, cg = _fake_system(tmp_path, files={"box/memory.max": "max\n", "box/memory.current": "5\n",
                                             "memory.max": "9223372036854771712\n"})
    assert png.available_memory(proc, cg) == 8_000_000 * 1024


def test_nothing_readable_means_unknown(tmp_path, monkeypatch):
    monkeypatch.setattr(png, "_rlimit_room", lambda proc: None)
    assert png.available_memory(str(tmp_path / "none"), str(tmp_path / "none")) is None


def test_address_space_limit_counts(tmp_path):
    import subprocess
    import sys

    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (3_000_000_000, resource.RLIM_INFINITY)); "
            "from comicboard.render import png; print(png.available_memory())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert 0 < int(out) < 3_000_000_000


def test_the_dpi_advised_under_an_address_space_limit_renders(tmp_path):
    # Under `ulimit -v`, FreeType maps the 16 MB font file once per face and size: the advice must leave room for
    # that, so that rendering at the advised dpi works instead of failing next on opening a font.
    import re
    import resource
    import subprocess
    import sys

    def run(dpi):
        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (500_000_000, 500_000_000))

        spec = Path(__file__).resolve().parents[2] / "examples" / "gongrenjie.yaml"
        return subprocess.run([sys.executable, "-m", "comicboard", "render", str(spec),
                               "-o", str(tmp_path / "b.png"), "--dpi", str(dpi)],
                              capture_output=True, text=True, preexec_fn=limit, timeout=300)

    first = run(300)
    assert first.returncode == 2, first.stderr
    assert "memory" in first.stderr and "Traceback" not in first.stderr
    advised = re.search(r"dpi=(\d+)", first.stderr)
    assert advised, f"no dpi advised: {first.stderr}"
    second = run(int(advised.group(1)))
    assert second.returncode == 0, f"the advised dpi={advised.group(1)} failed: {second.stderr}"
    sheets = sorted(tmp_path.glob("b*.png"))  # b.png, or b-1.png, b-2.png, ... for a board of several sheets
    assert sheets and all(p.stat().st_size > 0 for p in sheets)
