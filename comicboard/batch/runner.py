"""Render one board per table row on any concurrent.futures.Executor; skip rows whose inputs are unchanged."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ComicboardError, ComicboardWarning, OptionError, RenderError
from ..render.atomic import _file_mode, clean_stale_temps, folder_lock, no_room_message, temp_prefix
from . import FORMATS
from .tables import BadRow, Row, read_table, rows_from
from .template import (
    INCLUDE_COLUMN,
    PLACEHOLDER,
    Template,
    cell_text,
    describe_row,
    fill,
    load_template,
    template_from_dict,
)
from .workers import making_a_row, pool, stop_workers

MANIFEST = ".comicboard-batch.json"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|]+')
_DEVICE = re.compile(r"(?i)CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]")
_NAME_BYTES = 255  # the longest file name most file systems hold (ext4, APFS, NTFS: 255 bytes or UTF-16 units)
log = logging.getLogger("comicboard")

# The files a row named `stem` may write, per format, as what follows the stem (`\d+`: a page or procedure
# number). Two rows clash when a name one may write is a name the other may write.
_SHAPES = {"pdf": (r"\.pdf",), "png": (r"\.png", r"-\d+\.png"),
           "phone": (r"-phone-index\.png", r"-phone-\d+\.png"), "handout": (r"-handout\.pdf",)}


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
    """Every row's outcome, in table order; `notes`: what went wrong beside the rows (the manifest could not be
    written, the run was interrupted)."""

    outcomes: list[Outcome]
    notes: list[str] = field(default_factory=list)

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

    @property
    def warnings(self) -> list[str]:
        return [f"{o.label}: {w}" for o in self.made for w in o.warnings]

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
        for note in self.notes:
            text += f"\n  {note}"
        return text


def safe_name(name: str) -> str:
    """A file name from a cell: path separators, control characters and characters Windows refuses become '_';
    composed (NFC: é typed as e + ´ is the é macOS would store, one file), and a name Windows keeps for a device
    (CON, NUL, COM1, …) gets a '_' after it."""
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" .")
    return stem + "_" if _DEVICE.fullmatch(stem.split(".")[0]) else stem


def render_many(template: Template | str | os.PathLike[str] | Mapping[str, Any],
                rows: Iterable[Mapping[str, Any]] | str | os.PathLike[str], outdir: str | os.PathLike[str],
                executor: Executor | None = None, *, jobs: int | None = None,
                formats: Iterable[str] | str = ("pdf",), name: str | None = None, dpi: float = 150,
                include_column: str = INCLUDE_COLUMN, force: bool = False,
                progress: Callable[[int, int, Outcome], None] | None = None, pdfx: str | None = "4",
                marks: bool = False, allow_outside: bool = False) -> BatchResult:
    """One board per row of `rows` into `outdir`, named by column `name` (default: the first column).

    `rows`: a table file (.csv, .json, .yaml), a pandas DataFrame, or any iterable of mappings; empty cells,
    None and NaN are empty. Formats (a list, or "pdf,png"): pdf, png, phone (one PNG per procedure plus an
    index), handout (an A4 PDF, one procedure per page).

    `executor`: any concurrent.futures.Executor (a dask.distributed Client's `get_executor()` works too); by
    default a process pool of `jobs` workers (default and at most: the cores, and no more than the rows to
    make). Call it under `if __name__ == "__main__":` in a script: Windows and macOS start workers by importing
    the script again. A failing row (a bad table line included) is reported in the result and never stops the
    others; the names of all files the rows would write are checked to differ before anything is written.
    `pdfx` ("4", "1a" or None) and `marks` apply to the pdf format, as in `render`. Rows whose inputs (template,
    row, the files it names, comicboard version, formats, print options) match the manifest in `outdir` and whose
    files still exist are skipped unless `force`. Made boards that need a look are issued as ComicboardWarning
    and logged to the "comicboard" logger; the result carries them (`result.warnings`, `Outcome.warnings`).
    """
    _refuse_while_spawning()
    tpl = _template(template)
    table = (read_table(rows, keep_bad_rows=True) if isinstance(rows, str | os.PathLike)
             else rows_from(rows, include_column))
    formats = _formats(formats)
    from ..render.pdf import pdfx_version

    try:
        pdfx = pdfx_version(pdfx)
    except RenderError as e:
        raise OptionError(e.message, expected=e.expected) from None
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise OptionError("jobs must be a whole number of at least 1", found=repr(jobs))
    if jobs is not None and executor is not None:
        raise OptionError("give jobs or an executor, not both", hint="jobs sets the size of the default pool")
    marks = bool(marks)
    out = _output_folder(Path(outdir))
    clean_stale_temps(out)
    manifest = _read_manifest(out)
    column = name or (next(iter(table[0]), None) if table else None)
    outcomes: list[Outcome] = []
    jobs_: list[tuple[Outcome, str, tuple]] = []
    stems: list[str] = []
    for i, row in enumerate(table, 1):
        label = describe_row(i, row, column)
        cell = row.get(column) if column else None
        stem = safe_name(cell_text(cell)) if not isinstance(cell, list | tuple | Mapping) else ""
        o = Outcome(i, label, stem, "failed")
        outcomes.append(o)
        stems.append("")
        if isinstance(row, BadRow):
            o.reason = row.reason
        elif not stem:
            o.reason = f"no name: column {column!r} is empty or missing"
        elif len(stem.encode()) > (room := _name_room(out, formats)):
            o.reason = (f"name '{stem[:20]}…' is too long for a file name: {len(stem.encode())} bytes (UTF-8), "
                        f"where at most {room} leave room for the suffixes and the temporary files' marks in a "
                        f"file system's {_NAME_BYTES}; shorten it in column {column!r}, or name the files by "
                        "another column (--name)")
        else:
            stems[-1] = stem
    for i, reason in _clashes(stems, formats, column, outcomes).items():
        outcomes[i].reason = reason
    for o, row in zip(outcomes, table, strict=True):
        if o.reason:
            continue
        key = input_key(tpl, row, formats, dpi, pdfx, marks, allow_outside)
        entry = manifest.get(o.name, {})
        if not force and entry.get("key") == key and all((out / f).is_file() for f in entry.get("files", [])):
            o.status, o.files = "skipped", list(entry["files"])
        else:
            jobs_.append((o, key, (tpl, row, o.label, str(out / o.name), formats, dpi, include_column, pdfx, marks,
                                   allow_outside)))
    total, done = len(outcomes), 0
    for o in outcomes:
        if o.status != "failed" or o.reason:
            done += 1
            if progress:
                progress(done, total, o)
    result = BatchResult(outcomes)
    if jobs_:
        workers = min(jobs or os.cpu_count() or 1, os.cpu_count() or 1, len(jobs_))
        own = executor is None and workers > 1
        ex = executor if executor is not None else pool(workers) if own else None
        futures: dict[Future, tuple[Outcome, str]] = {}
        try:
            if ex is None:  # one worker: in this process, no pool to start
                pending: Iterable[tuple[Outcome, str, Any]] = ((o, key, _now(args)) for o, key, args in jobs_)
            else:
                futures = {ex.submit(render_row, *args): (o, key) for o, key, args in jobs_}
                pending = ((*futures[f], f) for f in as_completed(futures))
            for o, key, fut in pending:
                try:
                    ok, payload, warned = fut.result()
                except BrokenExecutor as exc:  # a worker died (killed, out of memory) or could not start
                    ok, payload, warned = False, _broken(exc), []
                except Exception as exc:
                    ok, payload, warned = False, f"the worker failed: {type(exc).__name__}: {exc}", []
                if ok:
                    o.status, o.files, o.warnings = "made", [str(Path(p).relative_to(out)) for p in payload], warned
                    for w in warned:
                        warnings.warn(f"{o.label}: {w}", ComicboardWarning, stacklevel=2)
                        log.warning("%s: %s", o.label, w)
                    _update_manifest(out, result, {o.name: {"key": key, "files": o.files}})
                else:
                    where = row_where(o, table)
                    o.reason = payload if not where or where in payload else f"{payload}\n  (the row: {where})"
                    log.error("%s: %s", o.label, payload)
                    _update_manifest(out, result, {o.name: None})
                done += 1
                if progress:
                    progress(done, total, o)
        except BaseException as exc:  # Ctrl-C, SIGTERM (the CLI turns it into KeyboardInterrupt): stop cleanly
            for f in futures:
                f.cancel()
            for o in outcomes:
                if o.status == "failed" and not o.reason:
                    o.reason = "not made: the batch was interrupted"
            result.notes.append("the batch was interrupted; boards made so far are listed in the manifest")
            exc.batch_result = result  # type: ignore[attr-defined]  # for the CLI's summary
            if own and isinstance(ex, ProcessPoolExecutor):
                stop_workers(ex)  # rows being made stop now (their workers ignore the terminal's Ctrl-C)
            raise
        finally:
            if own and ex is not None:
                ex.shutdown(wait=True, cancel_futures=True)
    return result


def row_where(o: Outcome, table: list[Row]) -> str:
    """Where the row of `o` sits in its table file ('communities.csv:5'), or '' for rows given as Python data."""
    row = table[o.row - 1]
    return row.where() if isinstance(row, Row) and row.line else ""


class _Done:
    """A finished call, shaped like a Future (for the one-worker path)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def _now(args: tuple) -> _Done:
    return _Done(render_row(*args))


def _formats(formats: Iterable[str] | str) -> tuple[str, ...]:
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    if not all(isinstance(f, str) for f in items):
        raise OptionError("formats must be names such as 'pdf'", found=repr(formats))
    out = tuple(dict.fromkeys(f.strip().lower().lstrip(".") for f in items if f.strip()))
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        raise OptionError(f"unknown format(s): {', '.join(map(repr, bad))}" if bad else "no format given",
                          expected=", ".join(FORMATS), hint="e.g. formats=['pdf', 'png'] (CLI: --format pdf,png)")
    return out


def _output_folder(out: Path) -> Path:
    """The output folder, created if missing; one that cannot be used is the user's to fix, by name."""
    try:
        if out.exists() and not out.is_dir():
            raise OptionError(f"the output folder is a file: {out}",
                              hint="-o names a folder for all the boards; choose a new or existing folder")
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=temp_prefix(out / "probe"), suffix=".tmp"):
            pass  # the folder takes a new file
    except OSError as exc:
        raise RenderError(f"cannot write in the output folder {out}: {no_room_message(exc)}",
                          hint="choose a folder you can write to, on a disk with room") from None
    return out


def _name_room(out: Path, formats: tuple[str, ...]) -> int:
    """The bytes a row's name may take: a file name holds 255, less the longest suffix a format adds
    (`-phone-index.png`, `-999.png`, …) and the marks of the temporary it is written as (`.{name}.host-pid.*.tmp`,
    render.atomic)."""
    suffix = max(len(s.replace(r"\d+", "999").replace("\\", "")) for f in formats for s in _SHAPES[f])
    temp = len(temp_prefix(out / "x")) - 1 + len("old99.tmp") + 4  # mkstemp's 8 random letters: within that
    return _NAME_BYTES - suffix - temp


def _clashes(stems: list[str], formats: tuple[str, ...], column: str | None, outcomes: list[Outcome]
             ) -> dict[int, str]:
    """Rows whose files would overwrite an earlier row's (same name, or `x-2` beside a 3-page `x`), by index."""
    shapes = [s for f in formats for s in _SHAPES[f]]
    tail = re.compile("|".join(f"(?:{s})" for s in shapes))
    samples = [s.replace(r"\d+", n).replace("\\", "") for s in shapes for n in ("1", "01", "10")]
    owner: dict[str, int] = {}
    out: dict[int, str] = {}
    for i, stem in enumerate(stems):
        if not stem:
            continue
        if stem.casefold() in owner:  # names that differ only in case are one file on Windows and macOS
            j = owner[stem.casefold()]
            out[i] = (f"name {stem!r} is used by an earlier row, #{j + 1}; names (column {column!r}) must differ"
                      + (" in more than upper and lower case" if stem != stems[j] else ""))
        else:
            owner[stem.casefold()] = i
    for i, stem in enumerate(stems):
        if not stem or i in out:
            continue
        for sample in dict.fromkeys(samples):
            file = (stem + sample).casefold()
            for k in range(1, len(file)):
                j = owner.get(file[:k]) if file[k] in "-." else None
                if j is not None and j != i and tail.fullmatch(file[k:]) and j not in out:
                    later, earlier = max(i, j), min(i, j)
                    out.setdefault(later, f"name {stems[later]!r} clashes with {stems[earlier]!r} (#{earlier + 1}): "
                                          f"both could write {stem + sample} (a board of several pages writes "
                                          f"name-1.png, name-2.png, …; phone images name-phone-01.png, …); give one "
                                          f"of them another name in column {column!r}")
    return out


def _refuse_while_spawning() -> None:
    """A script without `if __name__ == "__main__":` runs render_many again in every worker it starts (spawn, the
    default on Windows and macOS): stop that worker with one line saying so, not a page of tracebacks."""
    from multiprocessing import process

    if getattr(process.current_process(), "_inheriting", False):
        raise SystemExit("comicboard: error: render_many was called while a worker process was starting: put the "
                         "call under `if __name__ == \"__main__\":` in your script")


def _broken(exc: BaseException) -> str:
    import multiprocessing

    text = f"a worker process stopped before finishing this row ({type(exc).__name__}: {exc})"
    if multiprocessing.get_start_method(allow_none=True) in ("spawn", "forkserver") or os.name == "nt":
        text += ("\n  hint: a script that calls render_many must call it under `if __name__ == \"__main__\":` "
                 "(Windows and macOS start workers by importing the script again)")
    else:
        text += "\n  hint: it may have run out of memory; try fewer jobs (--jobs 1) or a lower --dpi"
    return text


def render_row(template: Template, row: Mapping[str, Any], label: str, stem: str, formats: tuple[str, ...],
               dpi: float, include_column: str = INCLUDE_COLUMN, pdfx: str | None = "4",
               marks: bool = False, allow_outside: bool = False) -> tuple[bool, list[str] | str, list[str]]:
    """Worker: fill, lay out once, write each format. → (True, files, warnings) or (False, reason, []); never
    raises for user errors, so one bad row cannot stop a batch (and nothing unpicklable crosses processes).
    Warnings: the layout's (text that had to be cut or shrunk, a board over several pages)."""
    with making_a_row():
        return _render_row(template, row, label, stem, formats, dpi, include_column, pdfx, marks, allow_outside)


def _render_row(template: Template, row: Mapping[str, Any], label: str, stem: str, formats: tuple[str, ...],
                dpi: float, include_column: str, pdfx: str | None, marks: bool, allow_outside: bool
                ) -> tuple[bool, list[str] | str, list[str]]:
    from ..pagelayout import layout
    from ..render import render

    try:
        board = fill(template, row, row_label=label, include_column=include_column, allow_outside=allow_outside)
        files: list[str] = []
        warned: list[str] = []
        if "pdf" in formats or "png" in formats:
            lay = layout(board)
            warned += [str(p).removeprefix("warning: ") for p in lay.problems if p.severity == "warning"]
            with warnings.catch_warnings():  # said once, by render_many, with the row's label
                warnings.simplefilter("ignore", ComicboardWarning)
                if "pdf" in formats:
                    files += [str(p) for p in render(lay, f"{stem}.pdf", pdfx=pdfx or "none", marks=marks)]
                if "png" in formats:
                    files += [str(p) for p in render(lay, f"{stem}.png", dpi=dpi)]
        if "phone" in formats:
            files += [str(p) for p in render(board, f"{stem}-phone.png", phone=True)]
        if "handout" in formats:
            files += [str(p) for p in render(board, f"{stem}-handout.pdf", handout=True)]
        return True, files, warned
    except ComicboardError as exc:
        return False, str(exc), []
    except MemoryError:
        return False, "out of memory while making this board\n  hint: try a lower --dpi or fewer --jobs", []
    except Exception as exc:  # a bug, not the user's fault: still report it by row and carry on
        return False, f"internal error ({type(exc).__name__}: {exc}); please report it", []


def input_key(tpl: Template, row: Mapping[str, Any], formats: tuple[str, ...], dpi: float,
              pdfx: str | None = "4", marks: bool = False, allow_outside: bool = False) -> str:
    """Hash of everything a board depends on: template bytes, the row, the files it names (fonts, pictures,
    theme), version, options."""
    from .. import __version__

    # The print options count only when not the defaults, so folders made before they existed stay current.
    printing = [] if (pdfx, marks) == ("4", False) else [f"pdfx={pdfx} marks={marks}"]
    cells = {k: cell_text(v) if not isinstance(v, list | tuple) else list(map(str, v)) for k, v in row.items()}
    h = hashlib.sha256()
    for part in (tpl.digest, json.dumps(cells, sort_keys=True, ensure_ascii=False, default=str), __version__,
                 ",".join(sorted(formats)), repr(float(dpi)), *_file_digests(tpl, row, allow_outside), *printing):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


MAX_HASHED_BYTES = 200_000_000  # a file named by the template larger than this counts by size and time only


def _file_digests(tpl: Template, row: Mapping[str, Any], allow_outside: bool = False) -> list[str]:
    """Digests of the bundled fonts and of every file the filled template names (fonts, cast pictures, a
    theme's TOML, under any key spelling): any string that, filled from the row, is the path of a regular file
    inside the template's folder (the spec's path rule: a cell cannot make us read files elsewhere)."""
    from ..fonts import BUNDLED_BOLD, BUNDLED_REGULAR, font_dir

    paths = [font_dir() / BUNDLED_REGULAR, font_dir() / BUNDLED_BOLD]
    base = tpl.base_dir if tpl.base_dir is not None else Path.cwd()  # as the spec loader resolves them
    inside = base.resolve()
    seen: set[str] = set()
    for text in tpl.strings():
        if "{{" in text:
            text = PLACEHOLDER.sub(lambda m: cell_text(row.get(m.group(1))) or (m.group(2) or ""), text)
        if not text.strip() or "\n" in text or text in seen or len(text) > 4096:
            continue
        seen.add(text)
        try:
            p = Path(text).expanduser()
            p = p if p.is_absolute() else base / p
            if (allow_outside or p.resolve().is_relative_to(inside)) and p.is_file():
                paths.append(p)
        except (OSError, ValueError, RuntimeError):  # too long for a file name, a NUL byte, a link loop: no path
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
    if size > MAX_HASHED_BYTES:
        return f"large:{path}:{size}:{mtime_ns}"
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError:
        return f"unreadable:{path}"
    return h.hexdigest()


def _template(t: Template | str | os.PathLike[str] | Mapping[str, Any]) -> Template:
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


def _update_manifest(out: Path, result: BatchResult, changes: dict[str, Any]) -> None:
    """Set (or, for None, drop) manifest entries. Under the folder's lock the file is read again and written
    whole under a temporary name of this process: two batches into one folder keep each other's entries. A
    manifest that cannot be written (a full disk) is noted once; the next run rebuilds what it does not list."""
    target = out / MANIFEST
    try:
        with folder_lock(out):
            boards = _read_manifest(out)
            for key, entry in changes.items():
                if entry is None:
                    boards.pop(key, None)
                else:
                    boards[key] = entry
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=out)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump({"version": 1, "boards": boards}, f, ensure_ascii=False, indent=1, sort_keys=True)
                os.chmod(tmp, _file_mode())  # mkstemp's 0600 would hide it from the office's other accounts
                os.replace(tmp, target)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    except OSError as exc:
        note = (f"the manifest {target} could not be updated ({no_room_message(exc)}): the next run remakes the "
                "boards it does not list")
        if note not in result.notes:
            result.notes.append(note)
