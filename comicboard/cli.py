"""The `comicboard` command: render, layout --json and check, with one-line errors instead of tracebacks."""

from __future__ import annotations

import argparse
import contextlib
import math
import signal
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

from . import __version__
from .errors import ComicboardError, ComicboardWarning, RenderError
from .limits import MIN_DPI


class _Progress:
    """Stage messages on stderr (only when it is a terminal, unless asked): long renders show they are alive."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.t0 = time.perf_counter()

    def __call__(self, msg: str) -> None:
        if self.enabled:
            print(f"[{time.perf_counter() - self.t0:5.1f}s] {msg}", file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="comicboard", description="Procedures in, a comic display board out.")
    p.add_argument("--version", action="version", version=f"comicboard {__version__}")
    p.add_argument("--debug", action="store_true", help="show the full traceback on errors (for bug reports)")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render", help="render a board spec to PDF, PNG, SVG or CMYK TIFF")
    r.add_argument("spec", help="board spec (.yaml, .yml, .toml or .json)")
    r.add_argument("-o", "--output", required=True,
                   help="output file; the suffix picks the format (.pdf, .png, .svg, .tif: CMYK TIFF); "
                        "- writes to standard output (with --format)")
    r.add_argument("--format", choices=["pdf", "png", "svg", "tif"], default=None,
                   help="the format of -o - (standard output)")
    r.add_argument("--dpi", type=float, default=150, help="PNG/TIFF resolution (default 150; 300 for print)")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    r.add_argument("--pdfx", choices=["4", "1a", "none"], default=None,
                   help="PDF standard: PDF/X-4 (default), PDF/X-1a:2003 for older RIPs, or none (plain PDF)")
    r.add_argument("--marks", action="store_true", help="PDF: crop marks in registration colour outside the bleed")
    r.add_argument("--tile", metavar="SHEET", default=None,
                   help="PDF: split the board over office-printer sheets (A4 or A3) with overlap and alignment marks")
    r.add_argument("--tile-overlap", metavar="MM", type=float, default=None,
                   help="with --tile: millimetres the sheets share (default 10)")
    r.add_argument("--phone", action="store_true",
                   help="phone images: one 1080-px-wide PNG per procedure plus an index (-o name.png)")
    r.add_argument("--handout", action="store_true", help="an A4 PDF with one procedure per page (-o name.pdf)")
    lo = sub.add_parser("layout", help="print the board's geometry")
    lo.add_argument("spec")
    lo.add_argument("--json", action="store_true", help="JSON on stdout (the default and only format for now)")
    c = sub.add_parser("check", help="lint boards: missing glyphs, overflow, text too small, ...",
                       description="Exit status: 0 no errors (warnings allowed unless --strict); 1 errors, or "
                                   "warnings with --strict; 2 a spec could not be read (invalid).")
    c.add_argument("spec", nargs="+", help="one or more board specs")
    c.add_argument("--json", action="store_true",
                   help="findings as JSON on stdout: file, line, column, path, severity, code, message, hint")
    c.add_argument("--strict", action="store_true", help="warnings fail too (exit status 1), for CI")
    sc = sub.add_parser("schema", help="print the spec's JSON Schema (for editors: completion and inline errors)")
    sc.add_argument("--path", action="store_true", help="print where the installed schema file is, instead")
    sc.add_argument("-o", "--output", help="write the schema to this file (e.g. board.schema.json beside a spec)")
    sv = sub.add_parser("serve", help="a local page that shows the board and follows the spec as you save it")
    sv.add_argument("spec", help="a board spec, or a folder of specs")
    sv.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one, printed)")
    sv.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1: this computer only); another address lets "
                         "other computers on the network see the page")
    w = sub.add_parser("watch", help="render the board again each time the spec is saved, and print its problems")
    w.add_argument("spec")
    w.add_argument("-o", "--output", required=True, help="output file (.pdf, .png, .svg, .tif)")
    w.add_argument("--dpi", type=float, default=150, help="PNG/TIFF resolution (default 150)")
    ini = sub.add_parser("init", help="write a starter board, a batch template and a table to copy (and the schema)")
    ini.add_argument("folder", nargs="?", default=".", help="where to write them (default: here; never overwrites)")
    fo = sub.add_parser("fonts", help="list the fonts a board can use (by family name); with a spec, which cover it")
    fo.add_argument("spec", nargs="?", help="a board spec: list its language's fonts, those covering its text first")
    lk = sub.add_parser("looks", help="draw contact sheets of every look, pose, expression and scene (PNG or PDF)")
    lk.add_argument("-o", "--output", default=".", help="folder for looks.png and scenes.png (default: here)")
    lk.add_argument("--format", choices=("png", "pdf"), default="png", help="file type (default png)")
    lk.add_argument("--dpi", type=float, default=110, help="PNG resolution (default 110)")
    from .batch.command import add_parser

    add_parser(sub)
    for name, sp in sub.choices.items():
        # --debug also after the subcommand; SUPPRESS keeps a subparser from resetting a --debug given before it.
        sp.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the full traceback on errors (for bug reports)")
        if name in ("render", "layout", "check", "serve", "watch"):
            sp.add_argument("--allow-outside-paths", action="store_true",
                            help="let the spec name fonts and pictures outside its own folder (trusted specs only)")
    return p


class _Signalled(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where Python is so temporaries are removed on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: object) -> None:  # noqa: ARG001
    raise _Signalled(signum)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP unwind like Ctrl-C (finally blocks run, temporaries go)."""
    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    try:
        old = {n: signal.signal(getattr(signal, n), _on_signal) for n in names}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        for n, handler in old.items():
            signal.signal(getattr(signal, n), handler)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    import logging

    # A damaged font makes fontTools log a warning per glyph (tens of thousands of lines); the error says it once.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        with _signals_raise(), warnings.catch_warnings():
            warnings.simplefilter("ignore", ComicboardWarning)  # the commands print them their own way
            return _run(args)
    except ComicboardError as exc:
        if args.debug:
            raise
        if exc.file is None and isinstance(getattr(args, "spec", None), str):
            exc.file = args.spec  # name the spec the error came from, even for errors raised past the loader
        print(f"comicboard: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        if isinstance(exc, _Signalled):
            print(f"comicboard: stopped by {signal.Signals(exc.signum).name}", file=sys.stderr)
            return 128 + exc.signum
        print("comicboard: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not the user's mistake: one line for them, the traceback with --debug
        if args.debug:
            raise
        spec = getattr(args, "spec", None) or getattr(args, "template", None)
        what = "ran out of memory" if isinstance(exc, MemoryError) else f"{type(exc).__name__}: {exc}"
        print(f"comicboard: internal error{f' on {spec}' if spec else ''}: {what}\n"
              "  hint: this is a bug in comicboard, not in your spec; run the same command with --debug and "
              "send the output (and the spec, if you can) to the maintainers", file=sys.stderr)
        return 3


def _run(args: argparse.Namespace) -> int:
    from . import layout, render
    from . import load as _load

    def load(spec: str):  # noqa: ANN202
        return _load(spec, allow_outside=getattr(args, "allow_outside_paths", False))

    if args.command == "render":
        progress = _Progress(not args.quiet and sys.stderr.isatty())
        to_stdout = args.output == "-"
        if to_stdout and args.format is None:
            raise RenderError("-o - writes to standard output, which has no suffix to name the format",
                              hint="add --format pdf (or png, svg, tif)")
        if args.format is not None and not to_stdout:
            raise RenderError("--format is for -o - (standard output); a file's suffix names its format",
                              hint=f"drop --format, or name the output board.{args.format}")
        if not (args.phone or args.handout):
            from .render import backend_for

            # A wrong suffix or dpi is refused before the layout.
            fmt, _ = backend_for(Path(f"board.{args.format}" if to_stdout else args.output))
            if fmt != "pdf" and not MIN_DPI <= args.dpi < math.inf:
                raise RenderError("dpi out of range", expected=f"a number of at least {MIN_DPI}", found=repr(args.dpi),
                                  hint="use e.g. --dpi 150 (phones) or --dpi 300 (print)")
        progress(f"reading {args.spec}")
        board = load(args.spec)
        output = sys.stdout.buffer if to_stdout else args.output
        fmt_opt = {"format": args.format} if to_stdout else {}
        if args.phone or args.handout:
            progress(f"writing {args.output}")
            for path in render(board, output, phone=args.phone, handout=args.handout, **fmt_opt):
                print(path)
            return 0
        progress("laying out")
        lay = layout(board)
        for p in lay.problems:  # errors stop the render itself (LayoutError, listing them); warnings go here
            if p.severity != "error":
                print(f"comicboard: {p}", file=sys.stderr)
        progress(f"writing {args.output}")
        # Print options go only where given or where they apply, so a PNG with --marks is refused by name.
        opts = {k: v for k, v in (("pdfx", args.pdfx), ("marks", args.marks or None), ("tile", args.tile),
                                  ("tile_overlap_mm", args.tile_overlap)) if v is not None}
        paths = render(lay, output, dpi=args.dpi, **opts, **fmt_opt)
        if to_stdout:
            sys.stdout.buffer.flush()
        for path in paths:
            print(path)
        progress("done")
        return 0
    if args.command == "looks":
        from .art.contact import looks_sheet, scenes_sheet

        folder = Path(args.output)
        if folder.suffix.lower() in (".png", ".pdf"):
            raise RenderError("looks writes two sheets into a folder: -o names the folder, not a file",
                              hint=f"use -o {folder.parent or '.'} (writes looks.{args.format} and "
                                   f"scenes.{args.format} there)")
        for name, sheet in (("looks", looks_sheet()), ("scenes", scenes_sheet())):
            for path in render(sheet, folder / f"{name}.{args.format}",
                               **({"dpi": args.dpi} if args.format == "png" else {})):
                print(path)
        return 0
    if args.command == "init":
        from .starter import init

        for path in init(args.folder):
            print(path)
        print("next: comicboard render board.yaml -o board.pdf (in that folder); open board.yaml in VS Code with the "
              "YAML extension for completion", file=sys.stderr)
        return 0
    if args.command == "fonts":
        from .fonts import list_fonts
        from .model import iter_texts

        board = load(args.spec) if args.spec else None
        rows = list_fonts(iter_texts(board) if board else None, board.lang if board else None)
        for r in rows:
            kind = "TrueType" if r["outlines"] == "TrueType" else "CFF, converted to TrueType when used"
            line = f"{r['family']}  ({', '.join(r['styles'])}; {kind})"
            if board is not None:
                gap = r["missing"]
                line += ("  covers every character" if not gap else
                         f"  lacks {len(gap)}: {gap[:12]}{'…' if len(gap) > 12 else ''}")
            print(line)
        if board is None:
            print("use one under fonts: in a spec, e.g.  fonts: {regular: Noto Sans CJK SC}", file=sys.stderr)
        return 0
    if args.command == "schema":
        from .spec.json_schema import SCHEMA_FILE, schema_text

        if args.path:
            print(SCHEMA_FILE)
        elif args.output:
            from .render.atomic import atomic_outputs

            with atomic_outputs([Path(args.output)]) as (temp,):
                temp.write_text(schema_text(), encoding="utf-8")
            print(args.output)
        else:
            sys.stdout.write(schema_text())
        return 0
    if args.command in ("serve", "watch"):
        spec = Path(args.spec)
        if not spec.exists():
            raise ComicboardError("no such file or folder", hint="give a board spec (.yaml, .toml, .json)"
                                  + (" or a folder of them" if args.command == "serve" else ""))
        if args.command == "serve":
            from .preview.server import serve

            serve(spec, args.host, args.port, allow_outside=args.allow_outside_paths)
            return 0
        from .preview.watch import run as watch
        from .render import backend_for

        backend_for(Path(args.output))  # a wrong suffix is refused before watching starts
        watch(spec, Path(args.output), dpi=args.dpi, allow_outside=args.allow_outside_paths)
        return 0
    if args.command == "batch":
        from .batch.command import run

        return run(args)
    if args.command == "layout":
        lay = layout(load(args.spec))
        sys.stdout.write(lay.dumps() + "\n")
        return 0
    if args.command == "check":
        return _check(args)
    return 2  # unreachable: argparse requires a command


def _check(args: argparse.Namespace) -> int:
    """Lint each spec; text (one line per finding, then a count per file) or one JSON document."""
    import json

    from .lint import UNCHECKED, check_file

    allow = getattr(args, "allow_outside_paths", False)
    per_file = [(spec, check_file(spec, allow_outside=allow, raise_errors=getattr(args, "debug", False)))
                for spec in args.spec]
    findings = [f for _, found in per_file for f in found]
    invalid = any(f.code in (*UNCHECKED.values(), "cannot-check") for f in findings)
    n_err = sum(f.severity == "error" for f in findings)
    n_warn = len(findings) - n_err
    status = 2 if invalid else 1 if n_err or (args.strict and n_warn) else 0
    if args.json:
        doc = {"findings": [f.as_dict() for f in findings],
               "summary": {"files": len(per_file), "errors": n_err, "warnings": n_warn, "strict": args.strict,
                           "exit_status": status}}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return status
    for spec, found in per_file:
        for f in found:
            if f.code == "invalid-spec":  # the loader's own message, as every other command prints it
                err = ComicboardError(f.message, f.file, f.line, f.column, f.path, hint=f.hint or None)
                print(f"comicboard: error: {err}", file=sys.stderr)
            else:
                print(f)
        e = sum(f.severity == "error" for f in found)
        print(f"{Path(spec).name}: {e} error(s), {len(found) - e} warning(s)")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
