"""Read a table of rows (CSV, JSON or YAML list of mappings) into a list of {column: value} dicts."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import SpecError
from ..spec.readers import decode

SUFFIXES = (".csv", ".json", ".yaml", ".yml")


class BadRow(dict):
    """A row the table cannot give whole: a CSV line with more cells than the header has columns, or a list
    item that is not a mapping. It holds the cells it could read (so messages can name the row) and why;
    a batch fails this row alone and makes the others."""

    def __init__(self, cells: Mapping[str, Any], reason: str) -> None:
        super().__init__(cells)
        self.reason = reason


def read_table(path: str | os.PathLike[str], *, keep_bad_rows: bool = False) -> list[dict[str, Any]]:
    """Rows of the table at `path`; the format comes from the suffix. Blank CSV lines are skipped.

    A bad row raises SpecError, or with `keep_bad_rows` comes back in its place as a `BadRow`.
    """
    file = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise SpecError(f"unsupported table file type {suffix or '(no suffix)'!r}", file=file,
                        expected=", ".join(SUFFIXES), hint="save the table as CSV (UTF-8), JSON or YAML")
    try:
        text = decode(Path(path).read_bytes(), file)  # UTF-8 (BOM or not); GBK gets a hint
    except FileNotFoundError:
        raise SpecError("table file not found", file=file, hint="check the path and the file name") from None
    if suffix == ".csv":
        return _csv_rows(text, file, keep_bad_rows)
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise SpecError(f"JSON syntax error: {e.msg}", file=file, line=e.lineno, column=e.colno) from None
    else:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            raise SpecError(f"YAML syntax error: {getattr(e, 'problem', e)}", file=file,
                            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None) from None
    return _list_rows(data, file, keep_bad_rows)


def _csv_rows(text: str, file: str, keep_bad_rows: bool) -> list[dict[str, Any]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise SpecError("the table is empty", file=file, hint="the first line names the columns")
    header = [h.strip() for h in header]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise SpecError(f"column(s) named twice: {', '.join(dupes)}", file=file, line=1)
    rows = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        cells = {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(header)}
        if len(record) > len(header):
            e = SpecError(f"a row has {len(record)} cells but the header names {len(header)} columns",
                          file=file, line=reader.line_num, hint="quote cells that contain commas")
            if not keep_bad_rows:
                raise e
            cells = BadRow(cells, str(e))
        rows.append(cells)
    return rows


def _list_rows(data: Any, file: str, keep_bad_rows: bool) -> list[dict[str, Any]]:
    if isinstance(data, Mapping) and len(data) == 1 and isinstance(next(iter(data.values())), list):
        data = next(iter(data.values()))  # {communities: [...]} is fine too
    hint = 'e.g. [{"community": "工人街社区", "phone": "0311-86012345"}, …]'
    if not isinstance(data, list) or not (keep_bad_rows or all(isinstance(r, Mapping) for r in data)):
        raise SpecError("a table must be a list of rows, each a mapping of column → value", file=file, hint=hint)
    return [{str(k): v for k, v in r.items()} if isinstance(r, Mapping) else
            BadRow({}, str(SpecError(f"item {i} of the list is not a mapping of column → value (found {r!r})",
                                     file=file, hint=hint)))
            for i, r in enumerate(data, 1)]
