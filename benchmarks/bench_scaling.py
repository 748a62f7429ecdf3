"""How a board's cost grows with its procedures: `comicboard render` of boards of 1, 26, 100 and 500 procedures,
PDF and PNG at 150 dpi, each a fresh process (wall seconds and the process's own peak RSS), medians over rounds.

    .venv/bin/python benchmarks/bench_scaling.py                          # this checkout, 3 rounds
    .venv/bin/python benchmarks/bench_scaling.py --base ../perf-base      # side by side with another checkout
    .venv/bin/python benchmarks/bench_scaling.py --sizes 1,26,100 --formats pdf --repeat 5

The boards are the peer benchmark's (`board_N.json`: 6 categories, 3–4 steps of 25–58 characters each, zh-Hans,
A1), found in `--data` (default: a `ccbench/data` folder beside or above this checkout); each is written as a
comicboard JSON spec with the keys of `../shared/bench/to_spec.py`. `--base DIR` runs another checkout (with its own
`.venv`, e.g. a `git worktree` of an older commit) in the same rounds, interleaved, so the machine's load falls on
both alike. Children may write bytecode (PYTHONDONTWRITEBYTECODE is dropped from their environment, and each
checkout renders the smallest board once, untimed, first): an installed package has its .pyc files, and compiling
every module again would add most of a second to each process. A board the checkout refuses (an older limit on
procedures) or that fails is shown as such. The last lines give the cost of each extra procedure from 26 to 500 (and
26 to 100, which an older checkout can do too). Not run by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = {"pdf": ("pdf", []), "png150": ("png", ["--dpi", "150"])}
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def find_data() -> Path | None:
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / "ccbench" / "data" / "board_26.json").is_file():
            return up / "ccbench" / "data"
    return None


def spec_of(board: dict) -> dict:
    """The peer board as a comicboard spec (what ../shared/bench/to_spec.py writes, as JSON)."""
    return {
        "board": {"title": board["title"], "subtitle": board.get("subtitle", ""), "size": "A1", "lang": "zh-Hans"},
        "categories": [
            {"name": c["name"], "color": c.get("color", "#c0392b"),
             "procedures": [{"title": p["name"], "steps": list(p["steps"])} for p in c["procedures"]]}
            for c in board["categories"]
        ],
    }


def run_once(checkout: Path, spec: Path, fmt: str, out: Path, timeout: float) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS (MB) of the render process itself (os.wait4: its own rusage, not the largest of all
    children so far), 'ok', 'refused' or why it failed, and its CPU seconds (user + system)."""
    suffix, extra = FORMATS[fmt]
    cmd = [str(checkout / ".venv" / "bin" / "python"), "-m", "comicboard", "render", str(spec), "-o",
           str(out / f"board.{suffix}"), "-q", *extra]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=checkout, stdout=subprocess.DEVNULL, stderr=err, env=CHILD_ENV)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                return float("nan"), float("nan"), "timeout", float("nan")
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = (err.read().decode("utf-8", "replace").strip().splitlines() or ["?"])[0]
    rss, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # KiB on Linux
    if proc.returncode != 0:
        return wall, rss, "refused" if "at most" in first or "limit" in first else f"failed: {first[:60]}", cpu
    return wall, rss, "ok", cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=find_data(), help="folder with board_N.json")
    ap.add_argument("--sizes", default="1,26,100,500")
    ap.add_argument("--formats", default="pdf,png150", help=f"among {', '.join(FORMATS)}")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--base", type=Path, help="another checkout with its own .venv, run in the same rounds")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before one render counts as failed")
    args = ap.parse_args()
    if args.data is None:
        ap.error("no board_N.json found: pass --data")
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    checkouts = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    heads = {name: subprocess.run(["git", "-C", str(path), "rev-parse", "--short", "HEAD"], capture_output=True,
                                  text=True).stdout.strip() for name, path in checkouts.items()}
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; "
          + ", ".join(f"{n} {p} ({heads[n]})" for n, p in checkouts.items()) + f"; {args.repeat} rounds", flush=True)
    results: dict[tuple[str, int, str], list[tuple[float, float, str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        specs = {}
        for n in sizes:
            specs[n] = Path(tmp) / f"board_{n}.json"
            board = json.loads((args.data / f"board_{n}.json").read_text("utf-8"))
            specs[n].write_text(json.dumps(spec_of(board), ensure_ascii=False), "utf-8")
        for name, path in checkouts.items():  # untimed: writes the checkout's bytecode
            (Path(tmp) / f"out-{name}").mkdir(exist_ok=True)
            run_once(path, specs[min(sizes)], formats[0], Path(tmp) / f"out-{name}", args.timeout)
        for r in range(args.repeat):
            for n in sizes:
                for fmt in formats:
                    for name, path in checkouts.items():
                        if r and results[name, n, fmt][0][2] != "ok":
                            continue  # refused or failed once: not again
                        out = Path(tmp) / f"out-{name}"
                        out.mkdir(exist_ok=True)
                        res = run_once(path, specs[n], fmt, out, args.timeout)
                        results.setdefault((name, n, fmt), []).append(res)
                        print(f"  round {r + 1} n={n} {fmt} {name}: {res[0]:.2f} s {res[3]:.2f} s CPU "
                              f"{res[1]:.0f} MB {res[2]}",
                              file=sys.stderr, flush=True)
    print(f"{'n':>4} {'format':7} " + " ".join(f"{name + ' s':>9} {name + ' CPU':>9} {name + ' MB':>9}"
                                               for name in checkouts)
          + ("  time ratio  CPU ratio  RSS ratio" if args.base else ""))
    med: dict[tuple[str, int, str], tuple[float, float, float] | None] = {}
    for n in sizes:
        for fmt in formats:
            cells = []
            for name in checkouts:
                runs = results[name, n, fmt]
                ok = [x for x in runs if x[2] == "ok"]
                med[name, n, fmt] = (statistics.median(x[0] for x in ok), statistics.median(x[1] for x in ok),
                                     statistics.median(x[3] for x in ok)) if ok else None
                cells.append(f"{med[name, n, fmt][0]:>9.2f} {med[name, n, fmt][2]:>9.2f} {med[name, n, fmt][1]:>9.0f}"
                             if ok else f"{runs[0][2][:29]:>29}")
            line = f"{n:>4} {fmt:7} " + " ".join(cells)
            if args.base and med["this", n, fmt] and med["base", n, fmt]:
                (t, m, c), (bt, bm, bc) = med["this", n, fmt], med["base", n, fmt]
                line += f"  {t / bt:>9.2f}x {c / bc:>9.2f}x {m / bm:>9.2f}x"
            print(line)
    for a, b in ((26, 500), (26, 100)):
        if a in sizes and b in sizes:
            for fmt in formats:
                parts = []
                for name in checkouts:
                    lo, hi = med[name, a, fmt], med[name, b, fmt]
                    parts.append(f"{name} {1000 * (hi[0] - lo[0]) / (b - a):.1f} ms wall, "
                                 f"{1000 * (hi[2] - lo[2]) / (b - a):.1f} ms CPU" if lo and hi else f"{name} -")
                print(f"per extra procedure {a}->{b} {fmt}: " + ", ".join(parts))
    print(f"load at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
