"""Render one board per table row on any concurrent.futures.Executor; skip rows whose inputs are unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ComicboardError
from .tables import BadRow, read_table
from .template import INCLUDE_COLUMN, PLACEHOLDER, Template, describe_row, fill, load_template, template_from_dict

MANIFEST = ".comicboard-batch.json"
FORMATS = ("pdf", "png", "phone", "handout")
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')


@dataclass
class Outcome:
    """What happened to one row: made, skipped (unchanged) or failed (with the reason)."""

    row: int  # 1-based data row
    label: str  # 'row 3 (和平社区)'
    name: str
    status: str  # made | skipped | failed
    files: list[str] = field(default_factory=list)
    reason: str = ""
    warnings: list[str] = field(default_factory=list)  # a made board that needs a look (see `render_row`)


@dataclass
class BatchResult:
    outcomes: list[Outcome]

    def _with(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def made(self) -> list[Outcome]:
        return self._with("made")

    @property
    def skipped(self) -> list[Outcome]:
        return self._with("skipped")

    @property
    def failed(self) -> list[Outcome]:
        return self._with("failed")

    def summary(self) -> str:
        warned = [o for o in self.made if o.warnings]
        text = (f"{len(self.made)} made" + (f" ({len(warned)} with warnings)" if warned else "")
                + f", {len(self.skipped)} skipped (unchanged), {len(self.failed)} failed")
        for o in warned:
            text += "".join(f"\n  {o.label}: warning: {w}" for w in o.warnings)
        for o in self.failed:
            reason = o.reason.replace(f"{o.label}: ", "", 1)  # the line starts with it already
            reason = reason.replace("\n", "\n    ")
            text += f"\n  {o.label}: {reason}"
        return text


def safe_name(name: str) -> str:
    """A file name from a cell: path separators and characters Windows refuses become '_'."""
    return _UNSAFE.sub("_", name).strip(" .")


def render_many(template: Template | str | os.PathLike[str] | Mapping, rows: Iterable[Mapping[str, Any]] | str |
                os.PathLike[str], outdir: str | os.PathLike[str], executor: Executor | None = None, *,
                formats: Iterable[str] = ("pdf",), name: str | None = None, dpi: float = 150,
                include_column: str = INCLUDE_COLUMN, force: bool = False,
                progress: Callable[[int, int, Outcome], None] | None = None, pdfx: str | None = "4",
                marks: bool = False) -> BatchResult:
    """One board per row of `rows` (a list of mappings or a table file) into `outdir`, named by column `name`
    (default: the first column). Formats: pdf, png, phone (one PNG per procedure plus an index), handout
    (an A4 PDF, one procedure per page).

    `executor`: any concurrent.futures.Executor (a Dask or Ray executor works too); by default a process
    pool on all cores. A failing row (a bad table line included) is reported in the result and never stops
    the others. `pdfx` ("4", "1a" or None) and `marks` apply to the pdf format, as in `render`. Rows whose
    inputs (template, row, the files it names, comicboard version, formats, print options) match the manifest
    in `outdir` and whose files still exist are skipped unless `force`.
    """
    tpl = _template(template)
    rows = (read_table(rows, keep_bad_rows=True) if isinstance(rows, str | os.PathLike)
            else [r if isinstance(r, BadRow) else dict(r) for r in rows])
    formats = tuple(dict.fromkeys(f.strip().lower().lstrip(".") for f in formats))
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ValueError(f"unknown format(s) {bad}: choose from {', '.join(FORMATS)}")
    from ..render.pdfx import VERSIONS

    pdfx = None if pdfx in (None, "", "none") else str(pdfx).lower()
    if pdfx is not None and pdfx not in VERSIONS:
        raise ValueError(f"unknown PDF/X version {pdfx!r}: choose from {', '.join(VERSIONS)} or None")
    marks = bool(marks)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(out)
    column = name or (next(iter(rows[0]), None) if rows else None)
    outcomes: list[Outcome] = []
    jobs: list[tuple[Outcome, str, tuple]] = []
    seen: set[str] = set()
    for i, row in enumerate(rows, 1):
        label = describe_row(i, row, column)
        cell = row.get(column) if column else None
        stem = safe_name(str(cell)) if cell not in (None, "") else ""
        o = Outcome(i, label, stem, "failed")
        outcomes.append(o)
        if isinstance(row, BadRow):
            o.reason = row.reason
        elif not stem:
            o.reason = f"no name: column {column!r} is empty or missing"
        elif stem in seen:
            o.reason = f"name {stem!r} is used by an earlier row; names (column {column!r}) must differ"
        else:
            seen.add(stem)
            key = input_key(tpl, row, formats, dpi, pdfx, marks)
            entry = manifest.get(stem, {})
            if not force and entry.get("key") == key and all((out / f).is_file() for f in entry.get("files", [])):
                o.status, o.files = "skipped", list(entry["files"])
            else:
                jobs.append((o, key, (tpl, row, label, str(out / stem), formats, dpi, include_column, pdfx, marks)))
    total, done = len(outcomes), 0
    for o in outcomes:
        if o.status != "failed" or o.reason:
            done += 1
            if progress:
                progress(done, total, o)
    if jobs:
        own = executor is None
        ex = executor or ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, len(jobs)))
        try:
            futures: dict[Future, tuple[Outcome, str]] = {ex.submit(render_row, *args): (o, key)
                                                          for o, key, args in jobs}
            from concurrent.futures import as_completed

            for fut in as_completed(futures):
                o, key = futures[fut]
                try:
                    ok, payload, warnings = fut.result()
                except Exception as exc:  # the worker itself died (e.g. killed, out of memory)
                    ok, payload, warnings = False, f"{type(exc).__name__}: {exc}", []
                if ok:
                    o.status, o.files = "made", [str(Path(p).relative_to(out)) for p in payload]
                    o.warnings = warnings
                    manifest[o.name] = {"key": key, "files": o.files}
                    _write_manifest(out, manifest)
                else:
                    o.reason = payload
                    manifest.pop(o.name, None)
                done += 1
                if progress:
                    progress(done, total, o)
        finally:
            if own:
                ex.shutdown()
    _write_manifest(out, manifest)
    return BatchResult(outcomes)


def render_row(template: Template, row: Mapping[str, Any], label: str, stem: str, formats: tuple[str, ...],
               dpi: float, include_column: str = INCLUDE_COLUMN, pdfx: str | None = "4",
               marks: bool = False) -> tuple[bool, list[str] | str, list[str]]:
    """Worker: fill, lay out once, write each format. → (True, files, warnings) or (False, reason, []); never
    raises for user errors, so one bad row cannot stop a batch (and nothing unpicklable crosses processes).
    Warnings: placeholders the row leaves empty (a footer reading "电话 ·" is rarely meant) and the layout's
    warnings (text that had to be cut or shrunk, a board over several pages)."""
    from ..pagelayout import layout
    from ..render import render

    try:
        board = fill(template, row, row_label=label, include_column=include_column)
        files: list[str] = []
        warnings = [f"{{{{{c}}}}} is empty in this row" for c in template.placeholders()
                    if c != include_column and str(row.get(c) or "").strip() == ""]
        if "pdf" in formats or "png" in formats:
            lay = layout(board)
            warnings += [str(p).removeprefix("warning: ") for p in lay.problems if p.severity == "warning"]
            if "pdf" in formats:
                files += [str(p) for p in render(lay, f"{stem}.pdf", pdfx=pdfx, marks=marks)]
            if "png" in formats:
                files += [str(p) for p in render(lay, f"{stem}.png", dpi=dpi)]
        if "phone" in formats:
            files += [str(p) for p in render(board, f"{stem}-phone.png", phone=True)]
        if "handout" in formats:
            files += [str(p) for p in render(board, f"{stem}-handout.pdf", handout=True)]
        return True, files, warnings
    except ComicboardError as exc:
        return False, str(exc), []
    except Exception as exc:  # a bug, not the user's fault: still report it by row and carry on
        return False, f"internal error ({type(exc).__name__}: {exc}); please report it", []


def input_key(tpl: Template, row: Mapping[str, Any], formats: tuple[str, ...], dpi: float,
              pdfx: str | None = "4", marks: bool = False) -> str:
    """Hash of everything a board depends on: template bytes, the row, the files it names (fonts, pictures,
    theme), version, options."""
    from .. import __version__

    # The print options count only when not the defaults, so folders made before they existed stay current.
    printing = [] if (pdfx, marks) == ("4", False) else [f"pdfx={pdfx} marks={marks}"]
    h = hashlib.sha256()
    for part in (tpl.digest, json.dumps(row, sort_keys=True, ensure_ascii=False, default=str), __version__,
                 ",".join(sorted(formats)), repr(float(dpi)), *_file_digests(tpl, row), *printing):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def _file_digests(tpl: Template, row: Mapping[str, Any]) -> list[str]:
    """Digests of the bundled fonts and of every file the filled template names (fonts, cast pictures, a
    theme's TOML, under any key spelling): any string that, filled from the row, is the path of a file."""
    from ..fonts import BUNDLED_BOLD, BUNDLED_REGULAR, font_dir

    paths = [font_dir() / BUNDLED_REGULAR, font_dir() / BUNDLED_BOLD]
    base = tpl.base_dir if tpl.base_dir is not None else Path.cwd()  # as the spec loader resolves them
    seen: set[str] = set()
    for text in tpl.strings():
        if "{{" in text:
            text = PLACEHOLDER.sub(lambda m: str(row.get(m.group(1), "")), text)
        if not text.strip() or "\n" in text or text in seen:
            continue
        seen.add(text)
        try:
            p = Path(text).expanduser()
            p = p if p.is_absolute() else base / p
            if p.is_file():
                paths.append(p)
        except (OSError, ValueError):  # too long for a file name, a NUL byte: not a path
            continue
    return [_file_digest(str(p), *_stat(p)) for p in paths]


def _stat(p: Path) -> tuple[int, int]:
    try:
        st = p.stat()
        return st.st_size, st.st_mtime_ns
    except OSError:
        return -1, -1


@lru_cache(maxsize=64)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    """Content hash of a font file, cached per (size, mtime) so a batch reads each font once."""
    if size < 0:
        return f"missing:{path}"
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _template(t: Template | str | os.PathLike[str] | Mapping) -> Template:
    if isinstance(t, Template):
        return t
    if isinstance(t, Mapping):
        return template_from_dict(t)
    return load_template(t)


def _read_manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        return dict(data.get("boards", {}))
    except (OSError, ValueError, AttributeError):
        return {}  # missing or damaged: everything is rebuilt


def _write_manifest(out: Path, boards: dict[str, Any]) -> None:
    tmp = out / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({"version": 1, "boards": boards}, ensure_ascii=False, indent=1, sort_keys=True),
                   "utf-8")
    os.replace(tmp, out / MANIFEST)
