"""Large-raster benchmark: a board rendered at A0 and 300 dpi to PNG and to CMYK TIFF, one fresh process each.

For each case it reports
  * the page image's size in memory (width × height × channels bytes: 3 for the RGB PNG, 4 for the CMYK TIFF),
  * the peak resident memory (max RSS) of the rendering subprocess, from os.wait4's per-child rusage,
  * their ratio (the target is about 2 or less),
  * the baseline RSS of the same process after imports, load and layout (what any render costs before pixels),
  * the output file's size in bytes and the wall time of the subprocess.

Usage:  python benchmarks/bench_large.py [--spec FILE] [--size A0] [--dpi 300] [--cases png,tif] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child: load, lay out at the requested size, report the RSS before pixels, then render.
CHILD = """
import dataclasses, resource, sys
import comicboard as cb
spec, size, dpi, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
board = dataclasses.replace(cb.load(spec), size=size)
lay = cb.layout(board)
print("baseline_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
from comicboard.render.png import page_pixels
w, h = page_pixels(lay.display.pages[0], dpi)
print("pixels", w, h, len(lay.display.pages), flush=True)
cb.render(lay, out, dpi=dpi)
"""


def run_case(spec: Path, size: str, dpi: float, out: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(spec), size, str(dpi), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    stdout, stderr = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"render failed ({out.suffix}):\n{stderr[-3000:]}")
    info = {}
    for line in stdout.splitlines():
        key, *vals = line.split()
        info[key] = [float(v) for v in vals]
    w, h, pages = info["pixels"]
    files = sorted(out.parent.glob(f"{out.stem}*{out.suffix}"))
    return {"w": w, "h": h, "pages": pages, "baseline_mb": info["baseline_kb"][0] * 1024 / 1e6,
            "peak_mb": usage.ru_maxrss * 1024 / 1e6,  # Linux reports kilobytes
            "file_bytes": sum(f.stat().st_size for f in files), "wall_s": wall}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--spec", type=Path, default=ROOT / "examples" / "gongrenjie.yaml")
    ap.add_argument("--size", default="A0")
    ap.add_argument("--dpi", type=float, default=300)
    ap.add_argument("--cases", default="png,tif")
    ap.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    args = ap.parse_args()
    print(f"{args.spec.name} at {args.size}, {args.dpi:g} dpi; python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"{'case':5} {'pixels':>13} {'image MB':>9} {'peak RSS MB':>12} {'ratio':>6} {'baseline MB':>12} "
          f"{'file bytes':>13} {'wall s':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for case in args.cases.split(","):
            r = run_case(args.spec, args.size, args.dpi, folder / f"large.{case}")
            image_mb = r["w"] * r["h"] * (4 if case == "tif" else 3) / 1e6
            print(f"{case:5} {int(r['w']):>6}×{int(r['h']):<6} {image_mb:9.0f} {r['peak_mb']:12.0f} "
                  f"{r['peak_mb'] / image_mb:6.2f} {r['baseline_mb']:12.0f} {int(r['file_bytes']):13,d} "
                  f"{r['wall_s']:7.1f}", flush=True)


if __name__ == "__main__":
    main()
