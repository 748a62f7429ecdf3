"""`comicboard watch SPEC -o OUT`: render OUT again each time the spec or a file it uses is saved; print problems."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..errors import ComicboardError
from .build import Build, input_files
from .follow import watch


def render_build(spec: Path, output: Path, *, dpi: float, allow_outside: bool = False) -> Build:
    """Load, lay out, check and render `spec` to `output`; problems as text lines; never raises."""
    from .. import load
    from ..lint import check
    from ..pagelayout import layout
    from ..render import render

    out = Build(spec, inputs=[spec])
    try:
        board = load(spec, allow_outside=allow_outside)
        out.inputs = input_files(spec, board)
        lay = layout(board)
        out.problems = [{"severity": p.severity, "text": str(p)} for p in check(board, lay)]
        out.pages = [{"file": str(p)} for p in render(lay, output, dpi=dpi)]
    except ComicboardError as exc:
        if exc.file is None:
            exc.file = str(spec)
        out.error = {"text": str(exc)}
    except Exception as exc:  # noqa: BLE001 - a bug: one line, and watching goes on
        out.error = {"text": f"internal error: {type(exc).__name__}: {exc}\n  hint: this is a bug in comicboard; "
                             "`comicboard render SPEC -o OUT --debug` shows the details to report"}
    return out


def report(result: Build, output: Path, stream: TextIO) -> None:
    stamp = time.strftime("%H:%M:%S")
    if result.error:
        print(f"[{stamp}] {result.error['text']}", file=stream)
        if output.exists():
            print(f"  ({output} still holds the last board that worked)", file=stream)
    else:
        errors = sum(p["severity"] == "error" for p in result.problems)
        files = ", ".join(p["file"] for p in result.pages)
        print(f"[{stamp}] wrote {files} ({errors} error(s), {len(result.problems) - errors} warning(s))",
              file=stream)
    for p in result.problems:
        print(f"  {p['text']}", file=stream)
    stream.flush()


def run(spec: Path, output: Path, *, dpi: float = 150, allow_outside: bool = False, stream: TextIO | None = None,
        until: Callable[[], bool] = lambda: False) -> None:
    stream = stream or sys.stdout
    print(f"comicboard: watching {spec} (and the files it uses) → {output}; Ctrl-C stops", file=stream, flush=True)
    watch(spec, lambda result: report(result, output, stream), allow_outside=allow_outside,
          builder=lambda p: render_build(p, output, dpi=dpi, allow_outside=allow_outside), until=until)
