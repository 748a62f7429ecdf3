"""Batch benchmark: N communities (default 100) from the example board made a template, PDF only, per worker count.

    .venv/bin/python benchmarks/bench_batch.py                 # 100 boards with 1 and with 2 workers
    .venv/bin/python benchmarks/bench_batch.py --count 10 --jobs 1,2,4
    .venv/bin/python benchmarks/bench_batch.py --count 12 --jobs 1,2,1,2   # alternating, on a busy machine
    .venv/bin/python benchmarks/bench_batch.py --count 10 --jobs 1 --repeat 3 --base ../perf-base

Prints boards per minute for each worker count and the speed-up over the first. Each run is a new Python process
(the checkout's own `.venv`), timed from the pool's start; with `--base DIR` another checkout renders the same
template in the same rounds, interleaved, and the last lines give the medians and their ratio. Not run by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Children may write bytecode, as an installed package has its .pyc files (see bench_scaling.py).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

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


def one_run(root: Path, template: Path, count: int, jobs: int, out: Path) -> dict:
    """Run in the checkout's own interpreter: render the batch and say how long it took (the pool included)."""
    sys.path.insert(0, str(root))
    import resource
    from concurrent.futures import ProcessPoolExecutor

    from comicboard.batch import render_many

    def cpu() -> float:  # this process and its reaped workers
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    t0, c0 = time.perf_counter(), cpu()
    with ProcessPoolExecutor(max_workers=jobs) as ex:  # pool start-up is part of what a user waits for
        result = render_many(template, rows(count), out, ex, formats=["pdf"])
    return {"seconds": time.perf_counter() - t0, "cpu": cpu() - c0, "made": len(result.made),
            "failed": [f"{o.label}: {o.reason}" for o in result.failed[:3]], "n_failed": len(result.failed)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100, help="communities (boards) per run (default 100)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated worker counts (default 1,2)")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of all worker counts (default 1)")
    ap.add_argument("--base", type=Path, help="another checkout with its own .venv, run in the same rounds")
    ap.add_argument("--one", nargs=4, metavar=("ROOT", "TEMPLATE", "JOBS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        root, template, jobs, out = args.one
        print(json.dumps(one_run(Path(root), Path(template), args.count, int(jobs), Path(out))))
        return 0
    jobs = [int(j) for j in args.jobs.split(",")]
    checkouts = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; "
          f"{args.count} A1 boards of 26 procedures (examples/gongrenjie.yaml as a template), PDF only; "
          + ", ".join(f"{n} {p}" for n, p in checkouts.items()))
    print(f"{'checkout':>8} {'workers':>7}  {'seconds':>8}  {'boards/min':>10}  {'speed-up':>8}  {'CPU s':>7}  "
          f"{'boards/CPU-min':>14}  made  failed")
    first: dict[str, float] = {}
    rates: dict[tuple[str, int], list[float]] = {}
    cpu_rates: dict[tuple[str, int], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        template = make_template(Path(tmp))
        for run in range(args.repeat):
            for i, n in enumerate(jobs):
                for name, root in checkouts.items():
                    out = Path(tmp) / f"out-{name}-{run}-{i}"  # a folder per run: every board is rendered again
                    proc = subprocess.run([str(root / ".venv" / "bin" / "python"), __file__, "--count",
                                           str(args.count), "--one", str(root), str(template), str(n), str(out)],
                                          capture_output=True, text=True, cwd=root, env=CHILD_ENV)
                    if proc.returncode != 0:
                        print(f"{name:>8} {n:>7}  failed: {proc.stderr.strip().splitlines()[-1:]}")
                        continue
                    res = json.loads(proc.stdout.strip().splitlines()[-1])
                    per_min = res["made"] / res["seconds"] * 60
                    first.setdefault(name, per_min)
                    per_cpu_min = res["made"] / res["cpu"] * 60
                    rates.setdefault((name, n), []).append(per_min)
                    cpu_rates.setdefault((name, n), []).append(per_cpu_min)
                    print(f"{name:>8} {n:>7}  {res['seconds']:>8.1f}  {per_min:>10.2f}  "
                          f"{per_min / first[name]:>7.2f}x  {res['cpu']:>7.1f}  {per_cpu_min:>14.2f}  "
                          f"{res['made']:>4}  {res['n_failed']:>6}", flush=True)
                    for line in res["failed"]:
                        print(f"  {line}")
    if args.base:
        for n in dict.fromkeys(jobs):
            this, base = rates.get(("this", n)), rates.get(("base", n))
            if this and base:
                print(f"{n} worker(s): median {statistics.median(this):.2f} boards/min, base "
                      f"{statistics.median(base):.2f}: {statistics.median(this) / statistics.median(base):.2f}x")
                this, base = cpu_rates[("this", n)], cpu_rates[("base", n)]
                print(f"{n} worker(s): median {statistics.median(this):.2f} boards per CPU-minute, base "
                      f"{statistics.median(base):.2f}: {statistics.median(this) / statistics.median(base):.2f}x")
    print(f"load at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
