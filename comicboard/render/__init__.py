"""Write a display list (or a board, laid out first) to files; the format comes from the path's suffix.

Backends are looked up by format and imported only when used (saving a PNG never imports reportlab).
Each backend module offers `write(dl, paths, *, dpi, **options)`, one path per output file.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Never

from ..errors import Problem, RenderError

if TYPE_CHECKING:
    from ..display import DisplayList


@dataclass(frozen=True)
class Backend:
    module: str
    per_page: bool  # one file per page (name-1.png, name-2.png …) instead of one file for all pages
    options: frozenset[str] = frozenset()


BACKENDS: dict[str, Backend] = {
    "pdf": Backend("comicboard.render.pdf", per_page=False,
                   options=frozenset({"pdfx", "marks", "tile", "tile_overlap_mm"})),
    "png": Backend("comicboard.render.png", per_page=True, options=frozenset({"max_pixels"})),
    "tif": Backend("comicboard.render.tiff", per_page=True, options=frozenset({"max_pixels", "compression"})),
    "tiff": Backend("comicboard.render.tiff", per_page=True, options=frozenset({"max_pixels", "compression"})),
    "svg": Backend("comicboard.render.svg", per_page=True),
}


class Rendered(list[Path]):
    """The files `render` wrote, in page order; `warnings`: what the layout says needs a look (text shrunk or
    split to fit, a board over several pages), also issued as ComicboardWarning and logged to "comicboard"."""

    warnings: list[Problem]

    def __init__(self, files: list[Path], warnings: list[Problem] | None = None) -> None:
        super().__init__(files)
        self.warnings = list(warnings or [])


_PDFX_DEFAULT = "4"  # PDF/X-4 unless pdfx= says otherwise (None or "none": a plain PDF)


def render(board_or_layout: object, path: str | os.PathLike[str] | BinaryIO, *, dpi: float = 150,
           phone: bool = False, handout: bool = False, format: str | None = None,  # noqa: A002 - the user's word
           pdfx: str | None = _PDFX_DEFAULT, marks: bool | None = None, tile: str | None = None,
           tile_overlap_mm: float | None = None, max_pixels: int | None = None, compression: str | None = None,
           width_px: int | None = None, **unknown: Never) -> Rendered:
    """Render a Board, a layout result or a DisplayList to `path`; returns the files written (`.warnings`: the
    layout's warnings, which are also issued as `ComicboardWarning` and logged to the "comicboard" logger).

    Options, each for the formats it applies to (given for another, it is refused by name): `pdfx` ("4", the
    default, "1a" or "none"), `marks`, `tile` ("A4", "A3"), `tile_overlap_mm` for PDF; `max_pixels` for PNG and
    TIFF; `compression` for TIFF; `width_px` for phone images.
    """
    named = {"pdfx": pdfx, "marks": marks, "tile": tile, "tile_overlap_mm": tile_overlap_mm,
             "max_pixels": max_pixels, "compression": compression, "width_px": width_px}
    options = {k: v for k, v in named.items() if v is not None}
    if pdfx is None:  # None is a choice here (a plain PDF), not "not given"
        options["pdfx"] = None
    elif pdfx is _PDFX_DEFAULT:
        del options["pdfx"]  # the backend's own default; leaving it out keeps other formats from refusing it
    if unknown:  # typed Never: a type checker flags the typo, and at run time it is refused by name
        raise RenderError(f"unknown option(s): {', '.join(sorted(unknown))} (accepted: {', '.join(named)})")
    found: list[Problem] = []
    if not phone and not handout and _is_board(board_or_layout):
        from ..pagelayout import layout

        board_or_layout = layout(board_or_layout)  # type: ignore[arg-type]
    if not phone and not handout:
        found = [p for p in getattr(board_or_layout, "problems", []) if getattr(p, "severity", "") == "warning"]
    files = _render(board_or_layout, path, dpi=dpi, phone=phone, handout=handout, format=format, **options)
    if not _refused_errors(board_or_layout):
        _issue(found)
    return Rendered(files, found)


def _is_board(obj: object) -> bool:
    from ..model import Board

    return isinstance(obj, Board)


def _refused_errors(obj: object) -> bool:
    return any(getattr(p, "severity", "") == "error" for p in getattr(obj, "problems", []))


def _issue(problems: list[Problem]) -> None:
    """Layout warnings reach Python users: as `warnings` (shown once per message by default) and as log records."""
    import logging
    import warnings

    from ..errors import ComicboardWarning

    log = logging.getLogger("comicboard")
    for p in problems:
        text = str(p).removeprefix("warning: ")
        warnings.warn(text, ComicboardWarning, stacklevel=3)
        log.warning("%s", text)


def _render(board_or_layout: object, path: str | os.PathLike[str] | BinaryIO, *, dpi: float = 150,
            phone: bool = False, handout: bool = False, format: str | None = None,  # noqa: A002
            **options: object) -> list[Path]:
    """Render a Board, a layout result or a DisplayList to `path`; returns the files written.

    A multi-page PNG gives `name-1.png`, `name-2.png`, …; the parent folder is created if missing.
    Files are written to temporaries and moved into place only once every page succeeded.
    `path` may be a binary file object (`format="png"`, or taken from its name): the whole file is written to it
    once rendering succeeded, and nothing is written otherwise; a board of several pages needs a path.
    `phone=True` (a Board only): 1080-px-wide PNGs, `name-index.png` then `name-01.png`, … one per procedure.
    `handout=True` (a Board, .pdf): an A4 PDF with one procedure per page.
    """
    if not isinstance(path, str | os.PathLike):
        return _render_to_stream(board_or_layout, path, dpi=dpi, phone=phone, handout=handout, format=format,
                                 **options)
    target = Path(path)
    if format is not None:
        raise RenderError("format= is for file objects; a path's suffix names its format",
                          hint=f"name the output {target.stem or 'board'}.{format}")
    if phone:
        from .phone import render_phone

        return render_phone(board_or_layout, target, **options)  # type: ignore[arg-type]
    if handout:
        from .phone import render_handout

        return render_handout(board_or_layout, target)
    fmt, backend = backend_for(target)
    unknown = sorted(set(options) - backend.options)
    if unknown:
        accepted = ", ".join(sorted(backend.options)) or "none"
        raise RenderError(f"unknown option(s) for .{fmt} output: {', '.join(unknown)} (accepted: {accepted})")
    dl = _display_list(board_or_layout)
    if not dl.pages:
        raise RenderError("nothing to render: the display list has no pages")
    targets = output_paths(target, len(dl.pages)) if backend.per_page else [target]
    module = importlib.import_module(backend.module)
    from .atomic import atomic_outputs  # lazy: `import comicboard` stays cheap

    with atomic_outputs(targets, stale=lambda: stale_pages(target, len(targets)) if backend.per_page else ()
                        ) as temps:
        module.write(dl, temps, dpi=dpi, **options)
    return targets


def _render_to_stream(board_or_layout: object, stream: BinaryIO, *, format: str | None,  # noqa: A002
                      phone: bool, handout: bool, **options: object) -> list[Path]:
    """Render into a temporary folder, then copy the one file into `stream` (so it gets all of it or nothing)."""
    import shutil
    import tempfile

    if not callable(getattr(stream, "write", None)):
        raise RenderError(f"cannot write a board to a {type(stream).__name__}",
                          expected="a path, or a binary file object opened for writing",
                          found=type(stream).__name__)
    if phone:
        raise RenderError("phone images are several files", hint="give a folder or a name.png path, not a file object")
    name = getattr(stream, "name", None)
    fmt = (format or (Path(name).suffix.lstrip(".") if isinstance(name, str) else "")).lower().lstrip(".")
    if not fmt:
        raise RenderError("cannot tell the output format of a file object",
                          hint="pass format='pdf', 'png', 'svg' or 'tif'")
    with tempfile.TemporaryDirectory(prefix="comicboard-") as tmp:
        written = _render(board_or_layout, Path(tmp) / f"board.{fmt}", handout=handout, **options)
        if len(written) != 1:
            raise RenderError(f"the board has {len(written)} pages, which make {len(written)} .{fmt} files",
                              hint="render it to a path (board.png gives board-1.png, board-2.png, …) or as a PDF")
        with open(written[0], "rb") as f:
            try:
                shutil.copyfileobj(f, stream)
            except TypeError as exc:  # a text stream
                raise RenderError("the file object takes text, not bytes",
                                  hint="open it in binary mode ('wb'), or use sys.stdout.buffer") from exc
    return []


def backend_for(target: Path) -> tuple[str, Backend]:
    """The output format named by the path's suffix, or a RenderError saying which suffixes there are."""
    fmt = target.suffix.lower().lstrip(".")
    backend = BACKENDS.get(fmt)
    if backend is None:
        supported = ", ".join(f".{name}" for name in BACKENDS)
        raise RenderError(
            f"cannot tell the output format from {str(target)!r}",
            expected=f"a path ending in {supported}",
            found=repr(target.suffix) if target.suffix else "no suffix",
            hint=f"name the output {target.stem or 'board'}.pdf for print or {target.stem or 'board'}.png for "
                 "phones (.svg: for the browser, .tif: CMYK TIFF)",
        )
    return fmt, backend


def output_paths(target: Path, pages: int) -> list[Path]:
    """`board.png` for one page; `board-1.png`, `board-2.png`, … for several."""
    if pages == 1:
        return [target]
    return [target.with_name(f"{target.stem}-{i}{target.suffix}") for i in range(1, pages + 1)]


def stale_pages(target: Path, pages: int) -> list[Path]:
    """Pages of an earlier render to `target` that a render of `pages` pages leaves behind: `board.png` beside
    `board-1.png`, `board-2.png`, or `board-3.png` after a 2-page render (numbered files up to the first gap)."""
    from .atomic import numbered_leftovers

    numbered = lambda i: target.with_name(f"{target.stem}-{i}{target.suffix}")  # noqa: E731
    if pages == 1:
        return numbered_leftovers(numbered, 1)
    return ([target] if target.is_file() else []) + numbered_leftovers(numbered, pages + 1)


def _display_list(obj: object) -> DisplayList:
    from ..display import DisplayList

    if isinstance(obj, DisplayList):
        return obj
    from ..model import Board

    if isinstance(obj, Board):
        from ..pagelayout import layout

        obj = layout(obj)
    _refuse_errors(obj)
    display = getattr(obj, "display", None)  # a layout result carries its display list
    if isinstance(display, DisplayList):
        return display
    raise RenderError(
        f"cannot render a {type(obj).__name__}",
        expected="a Board, a layout result or a DisplayList",
        found=type(obj).__name__,
    )


def _refuse_errors(lay: object) -> None:
    """Never draw a board with known errors (text that does not fit): say what and where instead."""
    errors = [p for p in getattr(lay, "problems", []) if getattr(p, "severity", "") == "error"]
    if errors:
        from ..errors import LayoutError

        board = getattr(lay, "board", None)
        listing = "\n  ".join(str(p) for p in errors[:10])
        more = f"\n  … and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise LayoutError(f"the board has {len(errors)} problem(s) and was not rendered:\n  {listing}{more}",
                          file=getattr(board, "source", None),
                          hint="fix them in the spec; `comicboard check` lists every problem")
