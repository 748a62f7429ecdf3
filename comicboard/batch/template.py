"""Fill a spec template's `{{column}}` placeholders from one table row, then validate it into a Board."""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SpecError
from ..model import Board
from ..spec.paths import Path_
from ..spec.readers import Document, read
from ..spec.schema import build

# {{column}}: the row must give a value; {{column|text}}: `text` when the row leaves it empty or has no such
# column; {{column|}}: optional, empty is fine.
PLACEHOLDER = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}")
INCLUDE_COLUMN = "procedures"  # a row's column listing the procedure ids to include (empty: all)
_ID_SEP = re.compile(r"[\s,;，；、|]+")


@dataclass
class Template:
    """A parsed spec with placeholders, its folder (for relative font paths) and a hash of its bytes."""

    doc: Document
    base_dir: Path | None
    digest: str

    @property
    def source(self) -> str | None:
        return self.doc.file

    def strings(self) -> list[str]:
        """Every string value of the template, placeholders unfilled."""
        return [text for _, text in _strings(self.doc.data, ())]

    def placeholders(self) -> list[str]:
        """Every column name the template uses, in first-use order."""
        seen: dict[str, None] = {}
        for _, text in _strings(self.doc.data, ()):
            for m in PLACEHOLDER.finditer(text):
                seen.setdefault(m.group(1), None)
        return list(seen)


def load_template(path: str | os.PathLike[str]) -> Template:
    """Read a spec template (YAML, TOML or JSON); syntax errors name the file, line and column."""
    try:
        doc = read(path)
    except SpecError as e:
        lines = Path(path).read_text("utf-8", "replace").splitlines() if e.line else []
        line = lines[e.line - 1] if e.line and e.line <= len(lines) else ""
        if re.search(r"""(^|[:\-\[,]\s*)\{\{""", line):
            e.hint = 'in YAML a value that starts with {{ must be quoted: subtitle: "{{community}}居民办事一图通"'
        raise
    return Template(doc, Path(path).parent, hashlib.sha256(Path(path).read_bytes()).hexdigest())


def template_from_dict(data: Mapping, *, source: str | None = None, base_dir: Path | None = None) -> Template:
    """A template given as Python data (same keys as the files)."""
    import json

    digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    return Template(Document(data, source, "dict"), base_dir, digest)


def fill(template: Template, row: Mapping[str, Any], *, row_label: str = "row",
         include_column: str = INCLUDE_COLUMN, allow_outside: bool = False) -> Board:
    """The template with every placeholder replaced by the row's value, validated into a Board.

    A placeholder with no column raises SpecError naming the placeholder, the row and where it sits.
    If the row has `include_column`, only procedures whose `id` it lists are kept (empty: all).
    """
    doc = template.doc
    data = _fill(doc, doc.data, (), row, row_label)
    positions = (doc.value_pos, doc.key_pos, doc.raw, doc.flow_nulls)
    wanted = _ids(row.get(include_column))
    if wanted is not None:
        data, positions = _select(doc, data, wanted, row_label, include_column)
    filled = Document(data, doc.file, doc.fmt, *positions)
    try:
        return build(filled, template.base_dir, allow_outside=allow_outside)
    except SpecError as e:
        e.message = f"{row_label}: {e.message}"
        raise


def _strings(value: Any, path: Path_):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _strings(v, path + (k,))
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


def _fill(doc: Document, value: Any, path: Path_, row: Mapping[str, Any], row_label: str) -> Any:
    if isinstance(value, str):
        if "{{" not in value:
            return value

        def sub(m: re.Match) -> str:
            name, default = m.group(1), m.group(2)
            if name not in row and default is None:
                columns = ", ".join(row) or "none"
                raise doc.error(f"{row_label}: placeholder {{{{{name}}}}} has no column in the table", path,
                                expected=f"one of the columns ({columns})", found=repr(name),
                                hint=f"add a column {name!r} to the table, fix the placeholder's spelling, or give "
                                     f"it a default: {{{{{name}|…}}}}")
            cell = cell_text(row.get(name))
            if cell.strip():
                return cell
            if default is None:
                raise doc.error(f"{row_label}: placeholder {{{{{name}}}}} is empty in this row", path,
                                hint=f"fill column {name!r} in the table; if the board may go without it, give "
                                     f"the template a default, {{{{{name}|咨询窗口}}}}, or mark it optional: "
                                     f"{{{{{name}|}}}}")
            return default.strip()

        return PLACEHOLDER.sub(sub, value)
    if isinstance(value, Mapping):
        return {k: _fill(doc, v, path + (k,), row, row_label) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_fill(doc, v, path + (i,), row, row_label) for i, v in enumerate(value)]
    return value


def is_empty(cell: Any) -> bool:
    """None, NaN (pandas' empty cell) and pandas.NA count as an empty cell, as does blank text."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return True
    return type(cell).__name__ in ("NAType", "NaTType") or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Any) -> str:
    """A cell as the text a placeholder takes: '' for empty cells, whole numbers without '.0'."""
    if is_empty(cell):
        return ""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))  # pandas reads a column of numbers with a gap as floats: 12 → 12.0
    return str(cell)


def _ids(cell: Any) -> list[str] | None:
    if not isinstance(cell, list | tuple) and is_empty(cell):
        return None
    items = cell if isinstance(cell, list | tuple) else _ID_SEP.split(str(cell))
    ids = [str(i).strip() for i in items if str(i).strip()]
    return ids or None


def _select(doc: Document, data: Any, wanted: list[str], row_label: str, column: str) -> tuple[Any, tuple]:
    """Keep the procedures listed by id (and categories left with any); remap recorded positions."""
    cats = data.get("categories") if isinstance(data, Mapping) else None
    if not isinstance(cats, list):
        return data, (doc.value_pos, doc.key_pos, doc.raw, doc.flow_nulls)
    known: list[str] = []
    moves: dict[Path_, Path_] = {}  # old prefix → new prefix
    new_cats = []
    for ci, cat in enumerate(cats):
        procs = cat.get("procedures") if isinstance(cat, Mapping) else None
        if not isinstance(procs, list):
            moves[("categories", ci)] = ("categories", len(new_cats))
            new_cats.append(cat)
            continue
        kept = []
        for pi, proc in enumerate(procs):
            pid = str(proc.get("id", "")) if isinstance(proc, Mapping) else ""
            if pid:
                known.append(pid)
            if pid in wanted:
                moves[("categories", ci, "procedures", pi)] = ("categories", len(new_cats), "procedures", len(kept))
                kept.append(proc)
        if kept:
            moves[("categories", ci)] = ("categories", len(new_cats))
            new_cats.append({**cat, "procedures": kept})
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise SpecError(f"{row_label}: column {column!r} names procedure id(s) the template does not have: "
                        f"{', '.join(unknown)}", file=doc.file,
                        expected=f"ids among: {', '.join(known) or '(the template gives no procedure an id:)'}",
                        hint="fix the ids in the table, or add id: to those procedures in the template")
    return {**data, "categories": new_cats}, tuple(_remap(m, moves) for m in
                                                   (doc.value_pos, doc.key_pos, doc.raw, doc.flow_nulls))


def _remap(table: Any, moves: dict[Path_, Path_]) -> Any:
    def move(path: Path_) -> Path_ | None:
        if path[:1] != ("categories",) or len(path) < 2:
            return path
        n = 4 if len(path) >= 4 and path[2] == "procedures" else 2  # a procedure's own move, else its category's
        return moves[path[:n]] + path[n:] if path[:n] in moves else None

    if isinstance(table, set):
        return {p for p in (move(q) for q in table) if p is not None}
    return {p: v for p, v in ((move(q), v) for q, v in table.items()) if p is not None}


def describe_row(index: int, row: Mapping[str, Any], name_column: str | None = None) -> str:
    """'row 3 (和平社区)': 1-based data row number and the row's name, for messages."""
    name = row.get(name_column) if name_column else next(iter(row.values()), None)
    return f"row {index}" + (f" ({shown(cell_text(name))})" if not is_empty(name) else "")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def shown(text: str, limit: int = 80) -> str:
    """Text from a table as it may be echoed to a terminal: control characters (escape sequences, bidi
    overrides) written as \\x1b-style escapes, long text cut with '…'."""
    text = _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["INCLUDE_COLUMN", "PLACEHOLDER", "Template", "describe_row", "fill", "load_template", "template_from_dict"]
