"""Build what the preview shows of a spec: its pages as SVG, panels, located problems, or the error that stops it.

A build never raises: a spec that cannot be read or laid out gives `error` (file, line, field, what to do), and
the caller keeps showing the last good pages. Problems come from `check`, over the same layout that is drawn.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ComicboardError


@dataclass
class Build:
    """One attempt at building a spec; `pages` is empty when `error` is set."""

    spec: Path
    board: Any = None  # the loaded Board, for downloads
    pages: list[dict[str, Any]] = field(default_factory=list)  # svg.page_parts (open, faces, items), width, height
    panels: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    error: dict[str, Any] | None = None
    inputs: list[Path] = field(default_factory=list)  # the files it read: spec, pictures, theme, fonts
    seconds: dict[str, float] = field(default_factory=dict)  # time taken by each stage: load, layout, check, svg


def build(spec: Path, *, allow_outside: bool = False) -> Build:
    """Load, lay out, check and draw `spec`, or say why not."""
    from .. import load
    from ..lint import check
    from ..pagelayout import layout
    from ..render.svg import page_parts

    out = Build(spec, inputs=[spec])
    clock = _Clock(out.seconds)
    try:
        with clock("load"):
            board = load(spec, allow_outside=allow_outside)
        out.inputs = input_files(spec, board)
        with clock("layout"):  # a missing glyph is a problem to list, not a reason to show nothing
            lay = layout(board, check_fonts=False)
            dl = lay.display
        with clock("check"):
            problems = check(board, lay)
        with clock("svg"):
            out.pages = [{**page_parts(p, title=dl.title, lang=dl.lang), "width": p.width, "height": p.height}
                         for p in dl.pages]
    except ComicboardError as exc:
        out.error = _error(exc, spec)
        return out
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the page and the terminal, no traceback
        out.error = {"message": f"internal error: {type(exc).__name__}: {exc}", "file": str(spec),
                     "hint": "this is a bug in comicboard, not in your spec; `comicboard render SPEC -o x.pdf "
                             "--debug` shows the details to report"}
        print(f"comicboard serve: {out.error['message']}", file=sys.stderr)
        return out
    out.board = board
    out.panels = [{"page": page.number, "bbox": list(item.bbox), "category": item.category,
                   "procedure": item.procedure, "step": item.step}
                  for page in lay.pages for item in page.of_kind("panel")]
    out.problems = [_problem(p, board, lay, spec) for p in problems]
    return out


class _Clock:
    """`with clock("stage"):` adds the stage's wall time to a dict."""

    def __init__(self, into: dict[str, float]) -> None:
        self.into = into

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.into[stage] = round(time.perf_counter() - t0, 3)


def input_files(spec: Path, board: Any) -> list[Path]:
    """The spec and every file it names that exists: cast pictures, a theme file, fonts."""
    files = [spec]
    files += [Path(m.picture) for m in board.cast.values() if m.picture]
    if str(board.theme).endswith(".toml"):
        files.append(Path(board.theme))
    fonts = board.fonts
    files += [Path(f) for f in (fonts.regular, fonts.bold, *fonts.fallback) if f]
    return list(dict.fromkeys(f for f in files if f.is_file()))


def _error(exc: ComicboardError, spec: Path) -> dict[str, Any]:
    return {"message": exc.message, "file": exc.file or str(spec), "line": exc.line, "column": exc.column,
            "field": exc.path, "expected": exc.expected, "found": exc.found, "hint": exc.hint,
            "text": str(exc), "source_line": _source_line(Path(exc.file or spec), exc.line)}


def _problem(problem: Any, board: Any, lay: Any, spec: Path) -> dict[str, Any]:
    from ..spec.readers import read
    from .locate import place

    where = place(board, lay, problem.where)
    line = column = None
    if where.path:
        with contextlib.suppress(ComicboardError):
            line, column = _doc(spec, read).where(where.path)
    return {"severity": problem.severity, "code": problem.code, "message": problem.message,
            "where": problem.where, "hint": problem.hint, "field": where.field or None, "file": str(spec),
            "line": line, "column": column, "page": where.page,
            "bbox": list(where.bbox) if where.bbox else None, "source_line": _source_line(spec, line)}


_DOCS: dict[tuple[str, int], Any] = {}


def _doc(spec: Path, read: Any) -> Any:
    """The parsed spec with field positions, read once per version of the file."""
    key = (str(spec), spec.stat().st_mtime_ns)
    if key not in _DOCS:
        _DOCS.clear()
        _DOCS[key] = read(spec)
    return _DOCS[key]


def _source_line(file: Path, line: int | None) -> str | None:
    if not line:
        return None
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return lines[line - 1][:300] if 0 < line <= len(lines) else None
