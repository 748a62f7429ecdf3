#!/usr/bin/env python3
"""A small mutation pass: each deliberate bug is applied to a temporary copy of the project, the tests that
should catch it are run there, and the bug is reported killed (some test failed) or survived.

    .venv/bin/python tools/mutation_pass.py            # every mutation
    .venv/bin/python tools/mutation_pass.py widow ...  # only those named

Each mutation names the file, the exact text replaced (it must occur once) and the tests to run. The copy is
made from the files git tracks; property tests draw the same examples every run, so the result is stable.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    why: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTATIONS = [
    # The four bugs of issue #16.
    Mutation("widow", "no cost for a lone letter on the last line", "comicboard/text/wrap.py",
             "_COST_WIDOW = 6.0", "_COST_WIDOW = 0.0", ("tests/text/test_text_oracle.py",)),
    Mutation("atomic-elsewhere", "temporary file made in another folder", "comicboard/render/atomic.py",
             "dir=target.parent)", "dir=None)", ("tests/render/test_atomic_outputs.py",)),
    Mutation("check-no-faces", "check ignores covered faces", "comicboard/lint.py",
             "                if _overlap(b.bbox, head):", "                if False and _overlap(b.bbox, head):",
             ("tests/cli/test_check_promises.py",)),
    Mutation("check-no-distance", "check ignores text too small at the viewing distance", "comicboard/lint.py",
             "if small and legible > max(", "if False and small and legible > max(",
             ("tests/cli/test_check_promises.py",)),
    Mutation("opening-mark", "the opening-mark rule looks at the character after the break",
             "comicboard/text/breaking.py", "        if base & _NO_END:", "        if f & _NO_END:",
             ("tests/text/test_text_oracle.py",)),
    # One of our own in each of text, layout, render and batch.
    Mutation("text-short-lines", "lines are filled to nine tenths of the measure only", "comicboard/text/wrap.py",
             "    limit = max_w + _EPS", "    limit = max_w * 0.9 + _EPS", ("tests/text/test_text_oracle.py",)),
    Mutation("layout-link-tail", "a linked bubble's tail points at the speaker, not into the next bubble",
             "comicboard/pagelayout/place.py", "        if bub.get(\"link\") is not None:\n            nxt",
             "        if False:\n            nxt", ("tests/layout/test_layout_dialogues.py",)),
    Mutation("render-trim", "the PDF's trim box forgets the bleed", "comicboard/render/pdf.py",
             "o = b + extra  # trim box origin", "o = extra  # trim box origin",
             ("tests/render/test_pdf_backend.py", "tests/print/test_print_boxes.py")),
    Mutation("batch-force", "batch --force is ignored", "comicboard/batch/command.py",
             "force=args.force", "force=False", ("tests/batch/test_batch_cli_options.py",)),
]


def copy_project(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)


def run(m: Mutation, base: Path) -> tuple[str, float, str]:
    work = base / m.name
    shutil.copytree(base / "clean", work, symlinks=True)
    target = work / m.path
    text = target.read_text(encoding="utf-8")
    if text.count(m.old) != 1:
        return "not applied", 0.0, f"{m.old!r} occurs {text.count(m.old)} times in {m.path}"
    target.write_text(text.replace(m.old, m.new), encoding="utf-8")
    start = time.monotonic()
    # The copy's own package comes first on the path (pytest's pythonpath = "."), not the installed one.
    proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *m.tests],
                          cwd=work, capture_output=True, text=True)
    took = time.monotonic() - start
    failed = [ln for ln in proc.stdout.splitlines() if ln.startswith(("FAILED", "ERROR"))]
    shutil.rmtree(work)
    if proc.returncode == 1:
        return "killed", took, failed[0] if failed else ""
    if proc.returncode == 0:
        return "SURVIVED", took, ""
    return "error", took, proc.stdout[-500:] + proc.stderr[-500:]


def main(argv: list[str]) -> int:
    chosen = [m for m in MUTATIONS if not argv or m.name in argv]
    with tempfile.TemporaryDirectory(prefix="comicboard-mutants-") as tmp:
        base = Path(tmp)
        copy_project(base / "clean")
        survivors = 0
        for m in chosen:
            status, took, detail = run(m, base)
            survivors += status != "killed"
            print(f"{status:11} {m.name:18} {took:6.1f}s  {m.why}" + (f"\n            {detail}" if detail else ""),
                  flush=True)
    print(f"{len(chosen) - survivors} of {len(chosen)} killed")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
