"""Render benchmark: the example board to PDF, PNG at 150 dpi and PNG at 300 dpi.

For each case it reports medians over N repeats of
  * whole-process wall time: a fresh `python -m comicboard render SPEC -o OUT -q` (imports, font loading,
    spec reading, layout, rendering, writing);
  * the peak resident memory (max RSS) of that subprocess, taken from os.wait4's per-child rusage;
  * in-process time: load + layout + render inside this process, after one warm-up run (fonts and caches
    warm), timed with time.perf_counter, also split by stage;
  * the in-process Python allocation peak from tracemalloc (one extra run, untimed: tracemalloc slows
    things down; it does not see memory allocated by C code, e.g. Pillow's image buffers).

With `--against PYTHON[,PYTHON…]` (the interpreters of other installs, e.g. a venv with an older commit installed
non-editable) it only runs fresh processes: each round runs every case with this install and then each other one,
interleaved, and prints medians of wall time, CPU (user + system of the process and the workers it waited for),
peak RSS (the largest single process, as `/usr/bin/time` reports it) and the peak of the whole process tree's
proportional memory (PSS of the process and its workers summed, sampled every 10 ms on Linux), with ratios to the
first install named.

Usage:  python benchmarks/bench_render.py [--repeat N] [--quick] [--spec FILE] [--cases pdf,png150,png300]
        python benchmarks/bench_render.py --against /path/to/base/.venv/bin/python --repeat 5 --cases png150
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "examples" / "gongrenjie.yaml"


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str
    dpi: float


CASES = {
    "pdf": Case("pdf", ".pdf", 150),
    "png150": Case("png150", ".png", 150),
    "png300": Case("png300", ".png", 300),
}


@dataclass
class Result:
    case: Case
    proc_wall: list[float] = field(default_factory=list)  # seconds
    proc_rss_kb: list[int] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    layout: list[float] = field(default_factory=list)
    render: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    py_peak_bytes: int = 0
    out_bytes: int = 0


def run_subprocess(spec: Path, out: Path, dpi: float) -> tuple[float, int]:
    """One fresh `python -m comicboard render …`: (wall seconds, max RSS in KiB)."""
    cmd = [sys.executable, "-m", "comicboard", "render", str(spec), "-o", str(out), "--dpi", str(dpi), "-q"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child alone, not a cumulative max
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # macOS: bytes
    else:  # Windows: no per-child rusage
        proc.wait()
        wall = time.perf_counter() - t0
        rss_kb = 0
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return wall, rss_kb


def _tree(pid: int) -> list[int]:
    """A process and its descendants (Linux /proc)."""
    out = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                for child in f.read().split():
                    out += _tree(int(child))
    except OSError:
        pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its waited-for workers
    rss_kb: int  # the largest single process's peak RSS
    tree_kb: int  # peak of the summed PSS of the process tree (0 where /proc is missing)


def run_fresh(python: str, spec: Path, out: Path, dpi: float) -> Run:
    """One fresh `PYTHON -m comicboard render …`, its process tree's memory sampled while it runs."""
    cmd = [python, "-m", "comicboard", "render", str(spec), "-o", str(out), "--dpi", str(dpi), "-q"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if os.path.isdir("/proc"):
            tree = max(tree, sum(_pss_kb(p) for p in _tree(proc.pid)))
        time.sleep(0.01)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode})")
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(wall, usage.ru_utime + usage.ru_stime, rss, tree)


def compare(pythons: list[tuple[str, str]], spec: Path, cases: list[Case], repeat: int, tmp: Path,
            log) -> str:  # noqa: ANN001
    """Fresh processes of each install, rounds interleaved; a table of medians and ratios to the first."""
    runs: dict[tuple[str, str], list[Run]] = {}
    sizes: dict[tuple[str, str], int] = {}
    for r in range(repeat):
        for case in cases:
            for name, python in pythons:
                out = tmp / name / f"board-{case.name}{case.suffix}"
                out.parent.mkdir(parents=True, exist_ok=True)
                log(f"round {r + 1}: {case.name} {name}")
                runs.setdefault((name, case.name), []).append(run_fresh(python, spec, out, case.dpi))
                sizes[(name, case.name)] = output_size(out)
    head = ("case", "install", "wall s", "CPU s", "max RSS MB", "tree PSS MB", "output MB", "wall ×", "CPU ×",
            "RSS ×", "PSS ×")
    rows = [head]
    for case in cases:
        first = None
        for name, _ in pythons:
            rs = runs[(name, case.name)]
            med = (median([x.wall for x in rs]), median([x.cpu for x in rs]), median([x.rss_kb for x in rs]) / 1024,
                   median([x.tree_kb for x in rs]) / 1024)
            first = first or med
            rows.append((case.name, name, f"{med[0]:.2f}", f"{med[1]:.2f}", f"{med[2]:.0f}", f"{med[3]:.0f}",
                         f"{sizes[(name, case.name)] / 1e6:.2f}",
                         *(f"{m / f:.2f}" if f else "-" for m, f in zip(med, first, strict=True))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"medians of {repeat} fresh process(es) each, rounds interleaved; ratios to {pythons[0][0]}")
    return "\n".join(lines)


def _api():  # noqa: ANN202
    """The public functions, looked up once (the timed loop measures the work, not the attribute look-ups)."""
    import comicboard as cb

    return cb.load, cb.layout, cb.render


def run_in_process(spec: Path, out: Path, dpi: float, api) -> tuple[float, float, float]:  # noqa: ANN001
    """load, layout, render (seconds each) in this process."""
    load, layout, render = api
    t0 = time.perf_counter()
    board = load(spec)
    t1 = time.perf_counter()
    lay = layout(board)
    t2 = time.perf_counter()
    render(lay, out, dpi=dpi)
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2


def output_size(out: Path) -> int:
    """Bytes written: the file, or the per-page files name-1.png, name-2.png, … of a multi-page PNG."""
    files = [out] if out.exists() else sorted(out.parent.glob(f"{out.stem}-*{out.suffix}"))
    return sum(f.stat().st_size for f in files)


def bench(spec: Path, cases: list[Case], repeat: int, tmp: Path, log) -> list[Result]:  # noqa: ANN001
    api = _api()
    results = []
    for case in cases:
        res = Result(case)
        out = tmp / f"board-{case.name}{case.suffix}"
        log(f"{case.name}: {repeat} subprocess run(s)")
        for _ in range(repeat):
            wall, rss = run_subprocess(spec, out, case.dpi)
            res.proc_wall.append(wall)
            res.proc_rss_kb.append(rss)
        res.out_bytes = output_size(out)
        log(f"{case.name}: warm-up + {repeat} in-process run(s)")
        run_in_process(spec, out, case.dpi, api)  # warm-up: imports, fonts, caches
        for _ in range(repeat):
            a, b, c = run_in_process(spec, out, case.dpi, api)
            res.load.append(a)
            res.layout.append(b)
            res.render.append(c)
            res.total.append(a + b + c)
        log(f"{case.name}: tracemalloc run")
        tracemalloc.start()
        try:
            run_in_process(spec, out, case.dpi, api)
            res.py_peak_bytes = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        results.append(res)
    return results


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def table(results: list[Result], repeat: int) -> str:
    head = ("case", "process s", "proc RSS MB", "in-proc s", "load s", "layout s", "render s",
            "py peak MB", "output MB")
    rows = [head]
    for r in results:
        rss = median(r.proc_rss_kb) / 1024 if any(r.proc_rss_kb) else float("nan")
        rows.append((
            r.case.name if r.case.suffix == ".pdf" else f"{r.case.name} ({r.case.dpi:g} dpi)",
            f"{median(r.proc_wall):.2f}", f"{rss:.0f}", f"{median(r.total):.2f}", f"{median(r.load):.3f}",
            f"{median(r.layout):.2f}", f"{median(r.render):.2f}", f"{r.py_peak_bytes / 2**20:.0f}",
            f"{r.out_bytes / 1e6:.2f}",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines += [
        f"medians of {repeat} run(s); process = a fresh `python -m comicboard render … -q`",
        "(wall time, max RSS); in-proc = load + layout + render after a warm-up; py peak = tracemalloc",
        "peak of one in-process run (Python allocations only: Pillow's pixel buffers are not counted);",
        "output = bytes written, in MB (10^6).",
    ]
    return "\n".join(lines)


def environment(spec: Path) -> str:
    import comicboard

    try:
        load = "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except (AttributeError, OSError):
        load = "load average n/a"
    return (f"comicboard {comicboard.__version__} · Python {platform.python_version()} · "
            f"{platform.platform()}\n{os.cpu_count()} CPU(s) · {load} · spec {spec}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", "-n", type=int, default=5, help="runs per case and measure (default 5)")
    p.add_argument("--quick", action="store_true", help="one run of each (a smoke test)")
    p.add_argument("--spec", type=Path, default=DEFAULT_SPEC,
                   help="board spec (default: the Gongrenjie example)")
    p.add_argument("--cases", default=",".join(CASES), help=f"comma-separated subset of {', '.join(CASES)}")
    p.add_argument("--keep", type=Path, help="write outputs here instead of a temporary folder (kept)")
    p.add_argument("--verbose", "-v", action="store_true", help="progress on stderr")
    p.add_argument("--against", help="comma-separated interpreters of other installs, compared in fresh processes "
                                     "(NAME=PYTHON names one; the first named is the baseline of the ratios)")
    args = p.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    if repeat < 1:
        p.error("--repeat must be at least 1")
    try:
        cases = [CASES[name.strip()] for name in args.cases.split(",") if name.strip()]
    except KeyError as exc:
        p.error(f"unknown case {exc.args[0]!r}; choose from {', '.join(CASES)}")
    spec = args.spec.resolve()

    def log(msg: str) -> None:
        if args.verbose:
            print(f"bench: {msg}", file=sys.stderr, flush=True)

    print(environment(spec))
    print()
    if args.against:
        others = [a.split("=", 1) if "=" in a else (f"other{n + 1}", a)
                  for n, a in enumerate(args.against.split(","))]
        pythons = [(name, python) for name, python in others] + [("this", sys.executable)]
        tmp = args.keep or Path(tempfile.mkdtemp(prefix="comicboard-bench-"))
        try:
            print(compare(pythons, spec, cases, repeat, tmp, log))
        finally:
            if not args.keep:
                shutil.rmtree(tmp, ignore_errors=True)
        with contextlib.suppress(AttributeError, OSError):
            print("load average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        return 0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = bench(spec, cases, repeat, args.keep, log)
    else:
        tmp = Path(tempfile.mkdtemp(prefix="comicboard-bench-"))
        try:
            results = bench(spec, cases, repeat, tmp, log)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print(table(results, repeat))
    with contextlib.suppress(AttributeError, OSError):
        print("load average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
