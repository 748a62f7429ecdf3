"""`comicboard batch TEMPLATE TABLE -o DIR`: one board per row, a progress bar on stderr, then a summary."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from . import FORMATS

if TYPE_CHECKING:
    from .runner import Outcome


def add_parser(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("batch", help="one board per row of a table, from a spec template with {{column}}s")
    b.add_argument("template", help="spec template (.yaml, .yml, .toml or .json) with {{column}} placeholders")
    b.add_argument("table", help="rows of values: .csv (UTF-8, header line), .json or .yaml list of mappings")
    b.add_argument("-o", "--output", required=True, help="output folder (created if missing)")
    b.add_argument("--format", default="pdf",
                   help=f"comma-separated formats among {', '.join(FORMATS)} (default pdf)")
    b.add_argument("--phone", action="store_true", help="also phone images (same as adding 'phone' to --format)")
    b.add_argument("--jobs", "-j", type=_jobs, default=None,
                   help="worker processes (default and at most: the cores; never more than the rows to make)")
    b.add_argument("--name", default=None, help="column that names each board's files (default: the first)")
    b.add_argument("--dpi", type=float, default=150, help="PNG resolution (default 150)")
    b.add_argument("--pdfx", choices=["4", "1a", "none"], default="4",
                   help="PDF standard: PDF/X-4 (default), PDF/X-1a:2003 for older RIPs, or none (plain PDF)")
    b.add_argument("--marks", action="store_true", help="PDF: crop marks in registration colour outside the bleed")
    b.add_argument("--force", action="store_true", help="rebuild every board, even unchanged ones")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("--allow-outside-paths", action="store_true",
                   help="let the template and table name fonts and pictures outside the template's folder (trusted "
                        "input only)")


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return n


class Bar:
    """A one-line progress bar on a terminal; one line per finished row otherwise (logs stay readable)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled, self.tty = stream, enabled, stream.isatty()

    def __call__(self, done: int, total: int, o: Outcome) -> None:
        from .template import shown

        if not self.enabled:
            return
        width = 24
        fill = round(width * done / max(total, 1))
        line = f"[{'#' * fill}{'.' * (width - fill)}] {done}/{total} {shown(o.label)}: {o.status}"
        if self.tty:
            self.stream.write("\r\x1b[K" + line + ("\n" if done == total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from .runner import render_many
    from .template import shown

    formats = args.format.split(",") + (["phone"] if args.phone else [])
    try:
        result = render_many(args.template, args.table, args.output, jobs=args.jobs, formats=formats,
                             name=args.name, dpi=args.dpi, force=args.force, progress=Bar(sys.stderr, not args.quiet),
                             pdfx=None if args.pdfx == "none" else args.pdfx, marks=args.marks,
                             allow_outside=args.allow_outside_paths)
    except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM, SIGHUP: what was made is kept and listed
        done = getattr(exc, "batch_result", None)
        if done is not None:
            print(f"comicboard batch: {done.summary()}", file=sys.stderr)
        raise
    for o in result.made:
        for f in o.files:
            print(shown(f"{args.output.rstrip('/')}/{f}", limit=10_000))
    print(f"comicboard batch: {result.summary()}", file=sys.stderr)
    return 1 if result.failed else 0
