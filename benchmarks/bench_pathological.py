"""Inputs that were once slow (quadratic or worse): how long each takes now. Timed here, not in the tests.

    .venv/bin/python benchmarks/bench_pathological.py

Each line prints the seconds taken and the budget the case used to be held to in the tests.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import comicboard as cb
from comicboard.errors import SpecError


def timed(label: str, budget: float, fn) -> None:  # noqa: ANN001
    t0 = time.perf_counter()
    fn()
    took = time.perf_counter() - t0
    print(f"{took:7.2f} s  (budget {budget:g} s)  {label}{'  OVER BUDGET' if took > budget else ''}")


def _refused(path: Path) -> None:
    try:
        cb.load(path)
    except SpecError:
        return
    raise AssertionError("not refused")


def main() -> None:
    text = ("入党申请人提供学校开具的发展党员政审函，社区征求执纪执法相关部门意见，" * 4)[:200]
    timed("wrap a 200-character paragraph at 7 em, 20 times", 1.0, lambda: [cb.wrap(text, 7) for _ in range(20)])
    with tempfile.TemporaryDirectory() as d:
        yml = Path(d) / "b.yaml"
        yml.write_text("board:\n  title: T\ncategories:\n  - name: C\n    procedures:\n"
                       + "".join(f"      - title: 事项{i}\n        steps: [步骤]\n" for i in range(10_000)), "utf-8")
        timed("refuse 10,000 procedures (YAML)", 10, lambda: _refused(yml))
        js = Path(d) / "b.json"
        procs = [{"title": f"事项{i}", "steps": ["步骤"]} for i in range(10_000)]
        js.write_text(json.dumps({"board": {"title": "T"}, "categories": [{"name": "C", "procedures": procs}]},
                                 ensure_ascii=False, indent=1), "utf-8")
        timed("refuse and locate 10,000 procedures (JSON)", 5, lambda: _refused(js))
    word = "Verwaltungsgerichtsbarkeitsverfahrensordnung" * 4
    board = cb.Board(title="T" * 120, size="A5", categories=(cb.Category("社区", (cb.Procedure(
        "办理", (cb.Step(word, say=(cb.Speech("worker", word),)), cb.Step("领取"))),)),))
    timed("lay out a board of long unbroken words", 20, lambda: cb.layout(board))


if __name__ == "__main__":
    main()
