"""Batch benchmark: N communities (default 100) from the example board made a template, PDF only, per worker count.

    .venv/bin/python benchmarks/bench_batch.py                 # 100 boards with 1 and with 2 workers
    .venv/bin/python benchmarks/bench_batch.py --count 10 --jobs 1,2,4
    .venv/bin/python benchmarks/bench_batch.py --count 12 --jobs 1,2,1,2   # alternating, on a busy machine

Prints boards per minute for each worker count and the speed-up over the first. Not run by the tests.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from comicboard.batch import render_many  # noqa: E402

# The example board's community-specific strings become placeholders.
REPLACE = {"工人街社区": "{{community}}", "0311-86012345": "{{phone}}", "https://example.org/gongrenjie": "{{url}}"}


def make_template(folder: Path) -> Path:
    text = (ROOT / "examples" / "gongrenjie.yaml").read_text("utf-8")
    for old, new in REPLACE.items():
        text = text.replace(old, new)
    # In YAML a value starting with "{" opens a mapping: quote values that now start with a placeholder.
    text = re.sub(r'^(\s*(?:- )?\w+: )(\{\{[^"\n]*)$', r'\1"\2"', text, flags=re.M)
    path = folder / "gongrenjie-template.yaml"
    path.write_text(text, "utf-8")
    return path


def rows(n: int) -> list[dict[str, str]]:
    return [{"community": f"第{i + 1:03d}社区", "phone": f"0311-86{i:06d}", "url": f"https://example.org/c{i:03d}"}
            for i in range(n)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100, help="communities (boards) per run (default 100)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated worker counts (default 1,2)")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; "
          f"{args.count} A1 boards of 26 procedures (examples/gongrenjie.yaml as a template), PDF only")
    print(f"{'workers':>7}  {'seconds':>8}  {'boards/min':>10}  {'speed-up':>8}  made  failed")
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        template = make_template(Path(tmp))
        for run, n in enumerate(jobs):
            out = Path(tmp) / f"out-{run}"  # a folder per run: a repeated worker count (1,2,1,2) renders again
            t0 = time.perf_counter()
            with ProcessPoolExecutor(max_workers=n) as ex:  # pool start-up is part of what a user waits for
                result = render_many(template, rows(args.count), out, ex, formats=["pdf"])
            dt = time.perf_counter() - t0
            per_min = len(result.made) / dt * 60
            first = first or per_min
            print(f"{n:>7}  {dt:>8.1f}  {per_min:>10.1f}  {per_min / first:>7.2f}x  {len(result.made):>4}  "
                  f"{len(result.failed):>6}", flush=True)
            for o in result.failed[:3]:
                print(f"  {o.label}: {o.reason}")
    print(f"load at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
