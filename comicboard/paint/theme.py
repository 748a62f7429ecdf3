"""Themes: small data files of colours (CMYK, print first) and line weights, chosen by `board.theme`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..color import Color
from ..errors import SpecError

THEME_DIR = Path(__file__).resolve().parent / "themes"
DEFAULT_THEME = "community"
COLOR_NAMES = ("ink", "paper", "page", "banner", "accent", "card", "caption", "bubble", "footer")
LINE_NAMES = ("panel", "bubble", "card")
MAX_LINE = 0.5
MAX_THEME_BYTES = 100_000


def theme_names() -> list[str]:
    return sorted(p.stem for p in THEME_DIR.glob("*.toml"))


@dataclass(frozen=True)
class Theme:
    name: str
    colors: dict[str, Color]
    lines: dict[str, float]

    def color(self, name: str) -> Color:
        """A theme colour by name, or a '#hex' / 'cmyk()' string as given (category colours)."""
        if name in self.colors:
            return self.colors[name]
        return Color.parse(name)


@lru_cache(maxsize=8)
def load_theme(name_or_path: str = DEFAULT_THEME) -> Theme:
    """A bundled theme by name, or a .toml file with the same keys."""
    path = Path(name_or_path) if name_or_path.endswith(".toml") else THEME_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise SpecError(f"unknown theme {name_or_path!r}", path="board.theme",
                        expected=" | ".join(theme_names()) + " or a .toml file", found=repr(name_or_path))
    keys = f"a theme has [colors] {', '.join(COLOR_NAMES)} and [lines] {', '.join(LINE_NAMES)}"
    try:
        if path.stat().st_size > MAX_THEME_BYTES:
            raise SpecError(f"theme file {path} is larger than {MAX_THEME_BYTES // 1000} kB", file=str(path),
                            path="board.theme", hint="is this the right file? " + keys)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        why = "is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (
            f"cannot be read: {exc.strerror or exc}" if isinstance(exc, OSError) else f"is not valid TOML: {exc}")
        raise SpecError(f"theme file {path} {why}", file=str(path), path="board.theme",
                        hint='copy a bundled theme (comicboard/paint/themes/calm.toml) and change its values; '
                             + keys) from None
    try:
        colors = {k: Color.parse(data["colors"][k]) for k in COLOR_NAMES}
        lines = {k: float(data["lines"][k]) for k in LINE_NAMES}
    except (KeyError, ValueError, TypeError) as exc:
        what = f"{exc} is missing" if isinstance(exc, KeyError) else str(exc)
        raise SpecError(f"theme file {path} is incomplete or invalid: {what}", file=str(path), path="board.theme",
                        hint=keys) from None
    for k, v in lines.items():
        if not 0 <= v <= MAX_LINE:  # a weight is a fraction of the box or text it outlines
            raise SpecError(f"theme file {path}: [lines] {k} = {v:g} is out of range", file=str(path),
                            path="board.theme", expected=f"0–{MAX_LINE:g}", found=f"{v:g}",
                            hint="line weights are small fractions, e.g. bubble = 0.075")
    return Theme(path.stem, colors, lines)
