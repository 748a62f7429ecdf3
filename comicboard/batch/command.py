"""`comicboard batch TEMPLATE TABLE -o DIR`: one board per row, a progress bar on stderr, then a summary."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from .runner import FORMATS, Outcome


def add_parser(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("batch", help="one board per row of a table, from a spec template with {{column}}s")
    b.add_argument("template", help="spec template (.yaml, .yml, .toml or .json) with {{column}} placeholders")
    b.add_argument("table", help="rows of values: .csv (UTF-8, header line), .json or .yaml list of mappings")
    b.add_argument("-o", "--output", required=True, help="output folder (created if missing)")
    b.add_argument("--format", default="pdf",
                   help=f"comma-separated formats among {', '.join(FORMATS)} (default pdf)")
    b.add_argument("--phone", action="store_true", help="also phone images (same as adding 'phone' to --format)")
    b.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: all cores)")
    b.add_argument("--name", default=None, help="column that names each board's files (default: the first)")
    b.add_argument("--dpi", type=float, default=150, help="PNG resolution (default 150)")
    b.add_argument("--pdfx", choices=["4", "1a", "none"], default="4",
                   help="PDF standard: PDF/X-4 (default), PDF/X-1a:2003 for older RIPs, or none (plain PDF)")
    b.add_argument("--marks", action="store_true", help="PDF: crop marks in registration colour outside the bleed")
    b.add_argument("--force", action="store_true", help="rebuild every board, even unchanged ones")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


class Bar:
    """A one-line progress bar on a terminal; one line per finished row otherwise (logs stay readable)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled, self.tty = stream, enabled, stream.isatty()

    def __call__(self, done: int, total: int, o: Outcome) -> None:
        if not self.enabled:
            return
        width = 24
        fill = round(width * done / max(total, 1))
        line = f"[{'#' * fill}{'.' * (width - fill)}] {done}/{total} {o.label}: {o.status}"
        if self.tty:
            self.stream.write("\r\x1b[K" + line + ("\n" if done == total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from concurrent.futures import ProcessPoolExecutor

    from .runner import render_many

    formats = [f for f in args.format.split(",") if f.strip()] + (["phone"] if args.phone else [])
    bad = [f for f in formats if f.strip().lower().lstrip(".") not in FORMATS]
    if bad:
        print(f"comicboard: error: unknown format(s) {', '.join(bad)} (choose from {', '.join(FORMATS)})",
              file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("comicboard: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    executor = ProcessPoolExecutor(max_workers=args.jobs) if args.jobs else None
    try:
        result = render_many(args.template, args.table, args.output, executor, formats=formats, name=args.name,
                             dpi=args.dpi, force=args.force, progress=Bar(sys.stderr, not args.quiet),
                             pdfx=None if args.pdfx == "none" else args.pdfx, marks=args.marks)
    finally:
        if executor is not None:
            executor.shutdown()
    for o in result.made:
        for f in o.files:
            print(f"{args.output.rstrip('/')}/{f}")
    print(f"comicboard batch: {result.summary()}", file=sys.stderr)
    return 1 if result.failed else 0
