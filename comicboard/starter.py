"""`comicboard init`: copy a starter board, a batch template and its table (and the spec's schema) into a folder.

The examples ship inside the package (the wheel holds them as comicboard/_examples), so a user who installed
with pip gets the same files as a checkout. Nothing is overwritten: if any target exists, nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ComicboardError

# target name → example it is copied from (None: the spec's JSON Schema)
STARTER_FILES: dict[str, str | None] = {
    "board.yaml": "starter.yaml",
    "template.yaml": "community-template.yaml",
    "table.csv": "communities.csv",
    "board.schema.json": None,
}
# The first line of the copied specs: the YAML language server (VS Code's YAML extension) reads it and offers
# completion and inline errors from the schema beside them.
MODELINE = "# yaml-language-server: $schema=board.schema.json\n"


def examples_dir() -> Path:
    """The bundled examples: inside the installed package, or the checkout's top-level `examples/`."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_examples", here.parent / "examples"):
        if (candidate / "starter.yaml").is_file():
            return candidate
    raise ComicboardError("the bundled examples are missing",
                          hint=f"reinstall comicboard; looked in {here / '_examples'} and {here.parent / 'examples'}")


def _content(source: str | None) -> bytes:
    if source is None:
        from .spec.json_schema import schema_text

        return schema_text().encode("utf-8")
    text = (examples_dir() / source).read_text(encoding="utf-8")
    if source == "community-template.yaml":  # its comments name the checkout's files; here they sit side by side
        text = text.replace("examples/community-template.yaml", "template.yaml").replace(
            "examples/communities.csv", "table.csv")
    return ((MODELINE if source.endswith(".yaml") else "") + text).encode("utf-8")


def init(folder: str | os.PathLike = ".") -> list[Path]:
    """Write the starter files into `folder` (made if missing) → their paths; refuse if any of them exists."""
    root = Path(folder)
    targets = [root / name for name in STARTER_FILES]
    if existing := [t for t in targets if t.exists() or t.is_symlink()]:
        raise ComicboardError(f"not overwriting {', '.join(str(t) for t in existing)}", file=str(root),
                              hint="nothing was written; run comicboard init in an empty folder "
                                   "(comicboard init NEW_FOLDER), or move these files away first")
    if root.exists() and not root.is_dir():
        raise ComicboardError(f"{root} is a file, not a folder", hint="name a folder: comicboard init NEW_FOLDER")
    contents = {t: _content(src) for t, src in zip(targets, STARTER_FILES.values(), strict=True)}
    root.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for target, data in contents.items():
            with open(target, "xb") as f:  # "x": never replace a file that appeared meanwhile
                f.write(data)
            written.append(target)
    except OSError as exc:
        for path in written:  # all or nothing
            path.unlink(missing_ok=True)
        raise ComicboardError(f"cannot write {exc.filename or root}: {exc.strerror or exc}",
                              hint="check that the folder is writable and has room") from None
    return written
