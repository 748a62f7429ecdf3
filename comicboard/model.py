"""The board as plain immutable data: Board → Category → Procedure → Step → Speech, plus the Cast.

Objects are validated once, on construction (`__post_init__`); everything downstream trusts them.
Build them in code or get them from `comicboard.load()`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .color import Color
from .errors import SpecError
from .limits import (
    MAX_BOARD_CHARS,
    MAX_CAST,
    MAX_CATEGORIES,
    MAX_KEEP_TERMS,
    MAX_MATERIALS,
    MAX_PROCEDURES,
    MAX_PROPS,
    MAX_SPEECHES,
    MAX_STEPS,
    MIN_CONTENT_MM,
    PAGE_MM,
)
from .textcheck import check_text
from .vocab import EXPRESSIONS, LOOKS, POSES, PROP_NAMES, SCENES

LANGS = ("zh-Hans", "zh-Hant", "ja", "ko")
SPEECH_KINDS = ("speech", "thought", "shout", "whisper")
DIRECTIONS = ("ltr", "rtl")
# Writing mode of procedure titles and captions; bubbles stay horizontal, centred as comics letter them.
WRITINGS = ("horizontal", "vertical")
ORIENTATIONS = ("portrait", "landscape")

# ISO 216 sizes in mm (portrait): A and B series.
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {
    "A0": (841, 1189), "A1": (594, 841), "A2": (420, 594), "A3": (297, 420), "A4": (210, 297), "A5": (148, 210),
    "B0": (1000, 1414), "B1": (707, 1000), "B2": (500, 707), "B3": (353, 500), "B4": (250, 353), "B5": (176, 250),
}

DEFAULT_CAST_KEYS = ("worker", "resident")
BLEED_MM = (0.0, 10.0)  # board.bleed_mm: none at all up to a banner's generous 10 mm
SAFE_MM = (0.0, 50.0)  # board.safe_mm: the trim may wander this far in; text and art stay inside it
MIN_FONT_SIZE_PT = (4.0, 72.0)  # board.min_font_size
# board.viewing_distance_m: a hand-held sheet to a board read across a hall (legibility.py turns it into a floor)
VIEWING_DISTANCE_M = (0.3, 10.0)
DEFAULT_VIEWING_DISTANCE_M = 1.0  # the far end of arm's length to a metre: see docs/legibility.md
def sheet_viewing_distance_m(width_mm: float, height_mm: float) -> float:
    """The default viewing distance of a sheet: about its diagonal (the print rule of thumb: a sheet is looked at
    from where it is seen whole), no nearer than a hand-held 0.3 m, no farther than the metre a notice board is
    read from (A1 and larger: 1 m; A2 0.73 m; A3 0.51 m; A4 0.36 m; A5 0.3 m)."""
    return round(min(DEFAULT_VIEWING_DISTANCE_M, max(VIEWING_DISTANCE_M[0], math.hypot(width_mm, height_mm) / 1000)), 2)


FITS = ("sheets", "one-sheet")  # board.fit: continue on more sheets at the floor, or shrink below it to one


def _fail(message: str, path: str, **kw: str) -> SpecError:
    return SpecError(message, path=path, **kw)


def check_date(value: str, path: str) -> str:
    """An ISO 8601 date or date-time ('2026-12-07', '2026-12-07T09:30+08:00'), returned as given."""
    from datetime import datetime

    try:
        datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise _fail(f"not a date: {value!r}", path, expected="a date such as 2026-12-07 (or 2026-12-07T09:30+08:00)",
                    hint="the date this version of the board was made; it goes into the PDF") from None
    return str(value).strip()


def _as_tuple(obj: object, name: str, kinds: tuple[type, ...], what: str, convert: object = None) -> None:
    """Make field `name` of a frozen object a tuple of `kinds` (a list is fine too); `convert` turns the spec's
    shorthand (a caption for a step) into the object. Anything else is refused here, at construction."""
    value = getattr(obj, name)
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise _fail(f"{name} must be a list of {what}", name, expected=f"a list of {what}",
                    found=type(value).__name__)
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, kinds) and convert is not None and isinstance(item, str):
            item = convert(item)  # type: ignore[operator]
        if not isinstance(item, kinds):
            raise _fail(f"{name}[{i}] is not {what}", f"{name}[{i}]", expected=what, found=type(item).__name__)
        items.append(item)
    object.__setattr__(obj, name, tuple(items))


def _check_count(items: tuple, limit: int, path: str, what: str,
                 hint: str = "split the board into several boards (or files)") -> None:
    """Refuse more than `limit` items by name: the limit is what bounds layout time and memory."""
    if len(items) > limit:
        raise _fail(f"too many {what}: {len(items)}, the limit is {limit}", path, expected=f"at most {limit}",
                    found=str(len(items)), hint=hint)


@dataclass(frozen=True)
class CastMember:
    """Someone who appears in panels: `key` is how speeches name them."""

    key: str
    name: str
    look: str = "adult"
    picture: Path | None = None  # a user's own PNG, resolved by the loader

    def __post_init__(self) -> None:
        check_text(self.name, f"cast.{self.key}.name")
        if self.look not in LOOKS:
            raise _fail(f"unknown look {self.look!r}", f"cast.{self.key}.look",
                        expected=" | ".join(LOOKS), found=repr(self.look))


def default_cast(lang: str = "zh-Hans") -> dict[str, CastMember]:
    names = {
        "zh-Hans": ("社区工作人员", "居民"),
        "zh-Hant": ("社區工作人員", "居民"),
        "ja": ("職員", "住民"),
        "ko": ("직원", "주민"),
    }[lang]
    return {
        "worker": CastMember("worker", names[0], "staff"),
        "resident": CastMember("resident", names[1], "elder"),
    }


@dataclass(frozen=True)
class Speech:
    who: str
    text: str
    kind: str = "speech"
    expression: str = ""  # "" = chosen from the text (a question looks worried, a shout surprised)
    pose: str = ""  # "" = talking

    def __post_init__(self) -> None:
        check_text(self.text, "text")
        if self.kind not in SPEECH_KINDS:
            raise _fail(f"unknown speech kind {self.kind!r}", "kind",
                        expected=" | ".join(SPEECH_KINDS), found=repr(self.kind))
        if self.expression and self.expression not in EXPRESSIONS:
            raise _fail(f"unknown expression {self.expression!r}", "expression",
                        expected=" | ".join(EXPRESSIONS), found=repr(self.expression))
        if self.pose and self.pose not in POSES:
            raise _fail(f"unknown pose {self.pose!r}", "pose", expected=" | ".join(POSES), found=repr(self.pose))
        if not self.text.strip():
            raise _fail("empty speech text", "text", hint="write what the person says, or remove the line")


@dataclass(frozen=True)
class Step:
    caption: str
    say: tuple[Speech, ...] = ()
    props: tuple[str, ...] = ()
    scene: str = ""  # "" = the procedure's setting (or one the caption names); else one of SCENES
    # The pose each person of this step had in the procedure's panel before, as (who, pose): an input to the
    # panel's plan that layout sets (pagelayout.acting), not the spec, so consecutive panels change pose.
    previous: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        check_text(self.caption, "caption")
        _as_tuple(self, "say", (Speech,), "a Speech")
        _as_tuple(self, "props", (str,), "a prop name")
        _check_scene(self.scene)
        for i, prop in enumerate(self.props):
            check_text(prop, f"props[{i}]")
            if prop not in PROP_NAMES:
                raise _fail(f"unknown prop {prop!r}", f"props[{i}]", expected=" | ".join(PROP_NAMES),
                            found=repr(prop), hint=f"use one of: {', '.join(PROP_NAMES)}")
        _check_count(self.say, MAX_SPEECHES, "say", "speeches in one step", "split the talk over two steps")
        _check_count(self.props, MAX_PROPS, "props", "props in one step", "keep the few that matter most")
        if not self.caption.strip():
            raise _fail("empty step caption", "caption", hint="describe the step in a few words")


def _check_scene(scene: str) -> None:
    if scene and scene not in SCENES:
        raise _fail(f"unknown scene {scene!r}", "scene", expected=" | ".join(SCENES), found=repr(scene),
                    hint=f"use one of: {', '.join(SCENES)} (plain: no drawn setting)")


_BARE_DOMAIN = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$")


def url_problem(url: str) -> str | None:
    """Why `url` cannot go in a QR code for residents' phones, or None; a {{placeholder}} is filled later."""
    if "{{" in url:
        return None
    u = url.strip()
    if not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+", u, re.I):
        return "it must start with https:// (or http://) and a site name"
    if re.search(r"\s", u):
        return "it holds a space or line break"
    return None


@dataclass(frozen=True)
class Procedure:
    title: str
    steps: tuple[Step, ...]
    summary: str = ""
    materials: tuple[str, ...] = ()
    time_limit: str = ""
    location: str = ""
    phone: str = ""
    basis: str = ""
    url: str = ""
    id: str = ""
    scene: str = ""  # "" = chosen from the location and the steps' words; else one of SCENES

    def __post_init__(self) -> None:
        _check_scene(self.scene)
        for key in ("title", "summary", "time_limit", "location", "phone", "basis", "url", "id"):
            check_text(getattr(self, key), key)
        # A step may be given as its caption alone, as in the spec: said by the default staff figure.
        _as_tuple(self, "steps", (Step,), "a Step (or a caption text)", convert=lambda c: Step(c))
        _as_tuple(self, "materials", (str,), "a text")
        for i, m in enumerate(self.materials):
            check_text(m, f"materials[{i}]")
        if self.url and (problem := url_problem(self.url)):
            raise _fail(f"url is not a web address: {problem}", "url", expected="https://… or http://…",
                        found=repr(self.url[:60]), hint=(f"add https:// in front: https://{self.url.strip()}"
                                                         if _BARE_DOMAIN.match(self.url.strip()) else
                                                         "write the page's address as a browser shows it, "
                                                         "e.g. https://www.example.org/juzhu"))
        _check_count(self.steps, MAX_STEPS, "steps", "steps in one procedure",
                     "split the procedure into two (e.g. 'part 1' and 'part 2')")
        _check_count(self.materials, MAX_MATERIALS, "materials", "materials in one procedure")
        if not self.title.strip():
            raise _fail("empty procedure title", "title")
        if not self.steps:
            raise _fail(f"procedure {self.title!r} has no steps", "steps", hint="give at least one step")


@dataclass(frozen=True)
class Category:
    name: str
    procedures: tuple[Procedure, ...]
    color: Color = field(default_factory=lambda: Color.parse("#C8102E"))
    icon: str = ""  # shown in the category band; "" = chosen from the name, else an office building

    def __post_init__(self) -> None:
        check_text(self.name, "name")
        _as_tuple(self, "procedures", (Procedure,), "a Procedure")
        if not self.name.strip():
            raise _fail("empty category name", "name")
        if self.icon and self.icon not in PROP_NAMES:
            raise _fail(f"unknown icon {self.icon!r}", "icon", expected=" | ".join(PROP_NAMES),
                        found=repr(self.icon))
        if not self.procedures:
            raise _fail(f"category {self.name!r} has no procedures", "procedures")


def duplicate_id_hint(pid: str) -> str:
    return (f"give each procedure a unique id: (a batch table's procedures column selects them by id, "
            f"so {pid!r} could not tell the two apart)")


@dataclass(frozen=True)
class FontChoice:
    """Font files by role; `fallback` files are tried in order for characters the main font lacks."""

    regular: Path | None = None
    bold: Path | None = None
    fallback: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Board:
    title: str
    categories: tuple[Category, ...]
    subtitle: str = ""
    organization: str = ""
    footer: str = ""
    size: str | tuple[float, float] = "A1"
    orientation: str | None = None  # None: portrait for a named size, a custom [width, height] as written
    lang: str = "zh-Hans"
    direction: str = "ltr"
    writing: str = "horizontal"  # vertical: procedure titles and captions set top to bottom (tategaki)
    cast: dict[str, CastMember] = field(default_factory=dict)
    fonts: FontChoice = field(default_factory=FontChoice)
    min_font_size: float = 8.0  # points; nothing on the board is set smaller
    margin_mm: float = 15.0
    bleed_mm: float = 3.0  # background printed past the trim on every side, cut off by the shop
    safe_mm: float = 5.0  # text and figures never come closer to the trim than this, whatever margin_mm says
    theme: str = "community"  # a bundled theme name (community, calm) or a .toml file of the same keys
    viewing_distance_m: float | None = None  # how far readers stand (None: from the sheet, `reading_distance_m`);
    #                                          body text is never smaller than they can read from there
    fit: str = "sheets"  # sheets: continue on more sheets at that floor; one-sheet: shrink below it, with a warning
    keep: tuple[str, ...] = ()  # terms never broken inside a line (beside the procedure titles and materials)
    date: str | None = None  # revision date, ISO 8601 ("2026-12-07"): the PDF's creation and modification date
    source: str | None = None  # file the board came from, for messages

    def __post_init__(self) -> None:
        for key in ("title", "subtitle", "organization", "footer"):
            check_text(getattr(self, key), f"board.{key}")
        _as_tuple(self, "categories", (Category,), "a Category")
        cast = self.cast
        if isinstance(cast, list | tuple):  # a list of CastMembers: keyed by their own keys
            cast = {getattr(m, "key", i): m for i, m in enumerate(cast)}
        if not isinstance(cast, dict):
            raise _fail("cast must map keys to CastMembers", "cast", expected="{key: CastMember(key, …)}",
                        found=type(cast).__name__)
        for key, member in cast.items():
            if not isinstance(member, CastMember):
                raise _fail(f"cast[{key!r}] is not a CastMember", f"cast.{key}", expected="a CastMember",
                            found=type(member).__name__)
            if member.key != key:
                raise _fail(f"cast[{key!r}] is CastMember {member.key!r}: the key and the member's key must agree",
                            f"cast.{key}", expected=repr(key), found=repr(member.key),
                            hint=f"write cast={{{member.key!r}: CastMember({member.key!r}, …)}}; speeches name "
                                 "the member by its key")
        object.__setattr__(self, "cast", dict(cast))
        _check_count(self.keep, MAX_KEEP_TERMS, "board.keep", "terms in keep")
        if self.date is not None:
            check_date(self.date, "board.date")
        for i, term in enumerate(self.keep):
            check_text(term, f"board.keep[{i}]")
        _check_count(self.categories, MAX_CATEGORIES, "categories", "categories")
        _check_count(tuple(p for c in self.categories for p in c.procedures), MAX_PROCEDURES, "categories",
                     "procedures on one board")
        _check_count(tuple({**default_cast(), **self.cast}), MAX_CAST, "cast", "cast members")
        if not self.title.strip():
            raise _fail("empty board title", "board.title")
        if self.lang not in LANGS:
            raise _fail(f"unknown language {self.lang!r}", "board.lang", expected=" | ".join(LANGS),
                        found=repr(self.lang))
        if self.direction not in DIRECTIONS:
            raise _fail(f"unknown direction {self.direction!r}", "board.direction",
                        expected=" | ".join(DIRECTIONS), found=repr(self.direction))
        if self.writing not in WRITINGS:
            raise _fail(f"unknown writing mode {self.writing!r}", "board.writing", expected=" | ".join(WRITINGS),
                        found=repr(self.writing))
        if self.orientation is not None and self.orientation not in ORIENTATIONS:
            raise _fail(f"unknown orientation {self.orientation!r}", "board.orientation",
                        expected=" | ".join(ORIENTATIONS), found=repr(self.orientation))
        if isinstance(self.size, str):
            if self.size.upper() not in PAGE_SIZES_MM:
                raise _fail(f"unknown page size {self.size!r}", "board.size",
                            expected="A0–A5, B0–B5 or [width_mm, height_mm]", found=repr(self.size))
        else:
            w, h = self.size
            lo, hi = PAGE_MM
            if not (lo <= w <= hi and lo <= h <= hi):
                raise _fail("page size out of range", "board.size", expected=f"{lo:g}–{hi:g} mm per side",
                            found=f"{w:g} × {h:g} mm",
                            hint="write [width, height] in millimetres, e.g. size: [600, 900], or a name: A1")
        w, h = self.page_size_mm
        widest = max(0.0, (min(w, h) - MIN_CONTENT_MM) / 2)
        if not 0 <= self.margin_mm <= widest:
            raise _fail("margin_mm leaves no room for the board" if self.margin_mm > 0 else "margin_mm is negative",
                        "board.margin_mm", expected=f"0–{widest:g} mm on a {w:g} × {h:g} mm page",
                        found=f"{self.margin_mm:g}",
                        hint=f"the page inside the margins must be at least {MIN_CONTENT_MM:g} mm each way; "
                             "print shops usually want 10–20 mm, or use a larger size")
        if not self.categories:
            raise _fail("the board has no categories", "categories")
        if not self.theme.endswith(".toml"):
            from .paint.theme import theme_names

            if self.theme not in theme_names():
                raise _fail(f"unknown theme {self.theme!r}", "board.theme",
                            expected=" | ".join(theme_names()) + " or a .toml file", found=repr(self.theme),
                            hint=f"use one of: {', '.join(theme_names())}, or the name of a .toml theme file")
        lo, hi = BLEED_MM
        if not lo <= self.bleed_mm <= hi:
            raise _fail("bleed_mm out of range", "board.bleed_mm", expected=f"{lo:g}–{hi:g} mm",
                        found=f"{self.bleed_mm:g}", hint="print shops usually ask for 3 mm (banners: 5–10 mm)")
        lo, hi = SAFE_MM
        if not lo <= self.safe_mm <= hi:
            raise _fail("safe_mm out of range", "board.safe_mm", expected=f"{lo:g}–{hi:g} mm",
                        found=f"{self.safe_mm:g}", hint="print shops usually ask for 5 mm inside the trim")
        lo, hi = MIN_FONT_SIZE_PT
        if not lo <= self.min_font_size <= hi:
            raise _fail("min_font_size out of range", "board.min_font_size", expected=f"{lo:g}–{hi:g} pt",
                        found=f"{self.min_font_size:g}", hint="8 pt is the usual smallest size on a board")
        lo, hi = VIEWING_DISTANCE_M
        d = self.viewing_distance_m
        if d is not None and (isinstance(d, bool) or not isinstance(d, int | float) or not lo <= d <= hi):
            raise _fail("viewing_distance_m out of range", "board.viewing_distance_m", expected=f"{lo:g}–{hi:g} m",
                        found=repr(self.viewing_distance_m),
                        hint="how far readers stand from the board, in metres: about 1 for a notice board")
        if self.fit not in FITS:
            raise _fail(f"unknown fit {self.fit!r}", "board.fit", expected=" | ".join(FITS), found=repr(self.fit),
                        hint="sheets: continue on more sheets with readable text; one-sheet: shrink to one sheet")
        first_id: dict[str, str] = {}
        for ci, cat in enumerate(self.categories):
            for pi, proc in enumerate(cat.procedures):
                at = f"categories[{ci}].procedures[{pi}].id"
                if proc.id and first_id.setdefault(proc.id, at) != at:
                    raise _fail(f"duplicate procedure id {proc.id!r}: already used at {first_id[proc.id]}", at,
                                hint=duplicate_id_hint(proc.id))
        # Fill the default cast, then check every speaker exists.
        cast = {**default_cast(self.lang), **self.cast}
        object.__setattr__(self, "cast", cast)
        for ci, cat in enumerate(self.categories):
            for pi, proc in enumerate(cat.procedures):
                for si, step in enumerate(proc.steps):
                    for wi, sp in enumerate(step.say):
                        if sp.who not in cast:
                            raise _fail(
                                f"speaker {sp.who!r} is not in the cast",
                                f"categories[{ci}].procedures[{pi}].steps[{si}].say[{wi}].who",
                                hint=f"add {sp.who!r} under cast:, or use one of: {', '.join(sorted(cast))}",
                            )
        total = sum(len(text) for _, text in iter_texts(self))
        if total > MAX_BOARD_CHARS:
            raise _fail(f"the board holds {total:,} characters of text, the limit is {MAX_BOARD_CHARS:,}", "board",
                        expected=f"at most {MAX_BOARD_CHARS:,} characters", found=f"{total:,}",
                        hint="split the board into several boards, or shorten the texts")

    @property
    def reading_distance_m(self) -> float:
        """How far readers stand: `viewing_distance_m`, else from the sheet (`sheet_viewing_distance_m`)."""
        if self.viewing_distance_m is not None:
            return float(self.viewing_distance_m)
        return sheet_viewing_distance_m(*self.page_size_mm)

    @property
    def terms(self) -> tuple[str, ...]:
        """The board's own terms, never broken inside a line unless one alone is wider than it: its `keep:` list,
        procedure titles and materials."""
        out = dict.fromkeys(self.keep)
        for cat in self.categories:
            for proc in cat.procedures:
                out[proc.title] = None
                out.update(dict.fromkeys(proc.materials))
        return tuple(out)

    @property
    def page_size_mm(self) -> tuple[float, float]:
        w, h = PAGE_SIZES_MM[self.size.upper()] if isinstance(self.size, str) else self.size
        if self.orientation is None and not isinstance(self.size, str):
            return float(w), float(h)  # [width_mm, height_mm] as the spec gives them
        if self.orientation == "landscape":
            w, h = max(w, h), min(w, h)
        else:
            w, h = min(w, h), max(w, h)
        return float(w), float(h)

    def procedures(self) -> list[tuple[Category, Procedure]]:
        return [(c, p) for c in self.categories for p in c.procedures]

    def _repr_png_(self) -> bytes:
        """Jupyter shows a board as its first page, about 800 px wide (laid out on the spot)."""
        from .render.notebook import first_page_png

        return first_page_png(self)


def iter_texts(board: Board) -> list[tuple[str, str]]:
    """Every string the board shows, with a human label of where it is: [(where, text)]."""
    out: list[tuple[str, str]] = [("board title", board.title)]
    for key in ("subtitle", "organization", "footer"):
        if getattr(board, key):
            out.append((f"board {key}", getattr(board, key)))
    for key, member in board.cast.items():
        out.append((f"cast {key}", member.name))
    for cat in board.categories:
        out.append((f"category {cat.name}", cat.name))
        for proc in cat.procedures:
            w = f"{cat.name} / {proc.title}"
            for key in ("title", "summary", "time_limit", "location", "phone", "basis"):
                if getattr(proc, key):
                    out.append((f"{w} ({key})", getattr(proc, key)))
            for m in proc.materials:
                out.append((f"{w} (materials)", m))
            for si, step in enumerate(proc.steps, 1):
                out.append((f"{w} / step {si}", step.caption))
                for sp in step.say:
                    out.append((f"{w} / step {si} / {sp.who}", sp.text))
    return out
