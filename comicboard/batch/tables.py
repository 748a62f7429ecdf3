"""Read a table of rows (CSV, JSON or YAML list of mappings, or Python data) into rows that know their line.

Tables are input like specs: the same size, value and nesting limits, regular files only, and every row that
cannot be given whole (a ragged CSV line, a cell too long, a list where text belongs) named by the table's
file and line, failing that row alone.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import SpecError
from ..limits import MAX_CELL_CHARS, MAX_SPEC_BYTES
from ..spec.readers import decode, read_json, read_regular_file, read_yaml
from .template import INCLUDE_COLUMN, PLACEHOLDER, cell_text, is_empty, shown

SUFFIXES = (".csv", ".json", ".yaml", ".yml")


class Row(dict):
    """One row: {column: value}, plus where it came from (`file`, `line`) for messages."""

    file: str | None = None
    line: int | None = None

    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file and self.line else (self.file or "")


class BadRow(Row):
    """A row the table cannot give whole: a CSV line with more or fewer cells than the header has columns, a
    cell too long, or a list item that is not a mapping. It holds the cells it could read (so messages can name
    the row) and why; a batch fails this row alone and makes the others."""

    def __init__(self, cells: Mapping[str, Any], reason: str | SpecError) -> None:
        super().__init__(cells)
        self.error = reason if isinstance(reason, SpecError) else SpecError(reason)
        self.reason = str(reason)


def _row(cls: type[Row], cells: Mapping[str, Any], file: str | None, line: int | None, *args: Any) -> Any:
    r = cls(cells, *args)
    r.file, r.line = file, line
    return r


def read_table(path: str | os.PathLike[str], *, keep_bad_rows: bool = False) -> list[Row]:
    """Rows of the table at `path`; the format comes from the suffix. Blank CSV lines are skipped.

    A bad row raises SpecError, or with `keep_bad_rows` comes back in its place as a `BadRow`.
    """
    file = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise SpecError(f"unsupported table file type {suffix or '(no suffix)'!r}", file=file,
                        expected=", ".join(SUFFIXES), hint="save the table as CSV (UTF-8), JSON or YAML")
    text = decode(read_regular_file(path, MAX_SPEC_BYTES, "table"), file)  # UTF-8 (BOM or not); GBK gets a hint
    if suffix == ".csv":
        rows = _csv_rows(text, file)
    else:
        doc = read_json(text, file) if suffix == ".json" else read_yaml(text, file)  # the spec's limits
        rows = _list_rows(doc.data, file, lambda index: doc.where(index)[0], doc.raw)
    bad = next((r for r in rows if isinstance(r, BadRow)), None)
    if bad is not None and not keep_bad_rows:
        raise bad.error
    return rows


def rows_from(data: Any, include_column: str = INCLUDE_COLUMN) -> list[Row]:
    """Rows from Python data: a pandas DataFrame, or any iterable of mappings. Items that are not mappings and
    cells that are not plain values come back as BadRows (with the item's number)."""
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas (or alike) DataFrame
        data = data.to_dict("records")
    if isinstance(data, str | bytes | Mapping) or not isinstance(data, Iterable):
        raise TypeError(f"rows must be a table file's path, a DataFrame or an iterable of mappings, "
                        f"not {type(data).__name__}")
    out: list[Row] = []
    for i, item in enumerate(data, 1):
        if isinstance(item, Row):
            out.append(item)
        elif isinstance(item, Mapping):
            out.append(checked(_row(Row, {str(k): v for k, v in item.items()}, None, None), f"item {i}",
                               include_column))
        else:
            out.append(_row(BadRow, {}, None, None, f"item {i} of the rows is not a mapping of column → value "
                                                    f"(found {type(item).__name__})"))
    return out


def checked(row: Row, where: str, include_column: str = INCLUDE_COLUMN) -> Row:
    """`row`, or a BadRow saying which cell is not one a board can take: lists and mappings (but for the
    procedures column), text over the cell limit, or `{{…}}` (table values are not filled again)."""
    for column, cell in row.items():
        problem = None
        if isinstance(cell, Mapping) or (isinstance(cell, list | tuple | set) and column != include_column):
            problem = (f"column {column!r} holds a {type(cell).__name__}, not text",
                       "write the value as text (a list would be drawn as ['…'])")
        elif isinstance(cell, bool | bytes | bytearray):
            problem = (f"column {column!r} holds {'true/false' if isinstance(cell, bool) else 'binary data'}, "
                       "not text", "write the value as text, in quotes")
        elif isinstance(cell, float) and math.isinf(cell):
            problem = (f"column {column!r} holds an infinite number, not text", "write the value itself, as text")
        elif not is_empty(cell) and not isinstance(cell, list | tuple):
            text = cell_text(cell)
            if len(text) > MAX_CELL_CHARS:
                problem = (f"column {column!r} holds {len(text):,} characters, more than the limit of "
                           f"{MAX_CELL_CHARS:,}", "is this the right column? texts on a board are short")
            elif m := PLACEHOLDER.search(text):
                problem = (f"column {column!r} holds {shown(m.group(0))}: placeholders are filled from the "
                           "template only, never inside a table's values", "write the value itself")
        if problem:
            message = problem[0] if row.file else f"{where}: {problem[0]}"
            return _row(BadRow, row, row.file, row.line,
                        SpecError(message, file=row.file, line=row.line, hint=problem[1]))
    return row


def _csv_rows(text: str, file: str) -> list[Row]:
    lines = io.StringIO(text)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        raise SpecError(f"the header line cannot be read: {e}", file=file, line=1) from None
    if not header or not any(h.strip() for h in header):
        raise SpecError("the table is empty", file=file, hint="the first line names the columns")
    header = [h.strip() for h in header]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise SpecError(f"column(s) named twice: {', '.join(dupes)}", file=file, line=1)
    rows: list[Row] = []
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            if "end of data" in str(e) or "EOF" in str(e):  # a quote opened and never closed
                raise SpecError(f"a quote (\") opened on line {start} is never closed: the rest of the table "
                                "would read as one cell", file=file, line=start,
                                hint='close the quote, or write a quote inside a cell as two: ""') from None
            if "field larger" in str(e):
                problem = f"a cell is longer than the limit of {MAX_CELL_CHARS:,} characters"
            else:
                problem = f"the line cannot be read as CSV: {e}"
            rows.append(_row(BadRow, {}, file, start,
                             SpecError(problem, file=file, line=start,
                                       hint="quote cells that contain commas or quotes")))
            continue
        if not any(cell.strip() for cell in record):
            continue
        cells = {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(header) if h}
        nameless = next((i for i, h in enumerate(header) if not h and i < len(record) and record[i].strip()), None)
        if nameless is not None and len(record) == len(header):
            e = SpecError(f"cell {nameless + 1} holds {shown(record[nameless].strip())} but its column has no name "
                          "in the header line", file=file, line=start,
                          hint=f"name column {nameless + 1} in the first line, or leave its cells empty")
            rows.append(_row(BadRow, cells, file, start, e))
            continue
        if len(record) != len(header):
            hint = ("quote cells that contain commas" if len(record) > len(header) else
                    "give every column a value, an empty one as ,, (the template decides whether it may be empty)")
            e = SpecError(f"a row has {len(record)} cells but the header names {len(header)} columns",
                          file=file, line=start, hint=hint)
            rows.append(_row(BadRow, cells, file, start, e))
            continue
        rows.append(checked(_row(Row, cells, file, start), f"{file}:{start}"))
    return rows


def _list_rows(data: Any, file: str, line_of: Any, raw: Mapping[tuple, str]) -> list[Row]:
    """Rows of a JSON or YAML list. A YAML cell that is not text keeps what was typed (`raw`), as in a spec:
    phone: 0311 is 0311 on the board, not the octal number 201; yes stays yes, 1.50 stays 1.50."""
    prefix: tuple[Any, ...] = ()
    if isinstance(data, Mapping) and len(data) == 1 and isinstance(next(iter(data.values())), list):
        prefix = (next(iter(data)),)
        data = next(iter(data.values()))  # {communities: [...]} is fine too
    hint = 'e.g. [{"community": "工人街社区", "phone": "0311-86012345"}, …]'
    if not isinstance(data, list):
        raise SpecError("a table must be a list of rows, each a mapping of column → value", file=file, hint=hint)
    rows: list[Row] = []
    for i, r in enumerate(data):
        line = line_of(prefix + (i,))
        if isinstance(r, Mapping):
            cells = {str(k): (raw[prefix + (i, k)] if prefix + (i, k) in raw and not isinstance(v, bytes) else v)
                     for k, v in r.items()}
            rows.append(checked(_row(Row, cells, file, line), f"{file}:{line}"))
        else:
            reason = SpecError(f"item {i + 1} of the list of rows is not a mapping of column → value "
                               f"(found {shown(repr(r))})", file=file, line=line, hint=hint)
            rows.append(_row(BadRow, {}, file, line, reason))
    return rows
