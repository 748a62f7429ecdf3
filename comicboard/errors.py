"""Every error a user can cause: one base class, subclasses by kind, each able to say where and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ComicboardError(Exception):
    """Base of every comicboard error; `str()` is the one-line message the CLI prints."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None  # field path, e.g. "categories[0].procedures[2].steps[1].say[0].who"
    expected: str | None = None
    found: str | None = None
    hint: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = where
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.expected is not None:
            text += f" (expected {self.expected}"
            text += f", found {self.found})" if self.found is not None else ")"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class SpecError(ComicboardError):
    """The spec file or the Python objects describing a board are not valid."""


class FontError(ComicboardError):
    """A font cannot be loaded, or it lacks characters the board needs."""


class LayoutError(ComicboardError):
    """The board cannot be laid out as asked (for example text that cannot fit anywhere)."""


class RenderError(ComicboardError):
    """Output cannot be written (unknown format, unwritable path, raster too large)."""


class OptionError(ComicboardError, ValueError):
    """An option given to a function or command is not one it accepts (a format, a PDF/X version, a count)."""


class ComicboardWarning(UserWarning):
    """A board was made but needs a look (text shrunk or split to fit, a board over several pages): issued
    through `warnings` by `render` and `render_many`, and logged to the "comicboard" logger."""


@dataclass
class Problem:
    """One finding of `comicboard check` or of layout: severity, where it is, and what to do."""

    severity: str  # "error" | "warning"
    code: str  # short stable id, e.g. "missing-glyph", "overflow", "text-too-small", "continued"
    message: str
    where: str = ""
    hint: str = ""
    details: dict = field(default_factory=dict)

    def __str__(self) -> str:
        s = f"{self.severity}: {self.where + ': ' if self.where else ''}{self.message}"
        return s + (f" — {self.hint}" if self.hint else "")
