"""Read a board spec (YAML, TOML, JSON or a Python dict) into a validated `Board`, or say what is wrong."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..model import Board
from .readers import Document, read
from .schema import build

__all__ = ["build", "from_dict", "load"]


def load(path: str | os.PathLike, *, allow_outside: bool = False) -> Board:
    """Load a spec file; the format comes from the suffix (.yaml/.yml, .toml, .json).

    Relative paths inside (fonts, cast pictures) are resolved against the file's folder and may not
    leave it unless `allow_outside` (only for specs you trust).
    Raises SpecError with file, line, column, field path and a hint.
    """
    doc = read(path)
    return build(doc, Path(path).parent, allow_outside=allow_outside)


def from_dict(data: Mapping, *, source: str | None = None, base_dir: Path | None = None,
              allow_outside: bool = False) -> Board:
    """Validate a spec given as Python data (same keys as the files); `source` names it in errors.

    File paths resolve against `base_dir` (default: the working folder) and stay inside it unless
    `allow_outside`.
    """
    return build(Document(data, source, "dict"), Path(base_dir) if base_dir is not None else None,
                 allow_outside=allow_outside)
