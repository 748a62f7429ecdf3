"""The spec's key tables, and the conversion of parsed data into model objects with located errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..color import Color, InkLimitError
from ..errors import FontError, SpecError
from ..fonts import board_chars, drawable_font, family_suggestions, find_family, looks_like_file
from ..limits import MAX_CATEGORIES, MAX_PROCEDURES, MAX_SPEECHES, MAX_STEPS
from ..model import (
    BLEED_MM,
    DIRECTIONS,
    EXPRESSIONS,
    FITS,
    LANGS,
    LOOKS,
    ORIENTATIONS,
    PAGE_SIZES_MM,
    POSES,
    PROP_NAMES,
    SAFE_MM,
    SCENES,
    SPEECH_KINDS,
    VIEWING_DISTANCE_M,
    WRITINGS,
    Board,
    CastMember,
    Category,
    FontChoice,
    Procedure,
    Speech,
    Step,
    default_cast,
    duplicate_id_hint,
    iter_texts,
)
from .paths import Path_, format_path, parse_path
from .readers import Document

# Keys allowed at each level, in the order the docs show them.
TOP_KEYS = ("board", "cast", "categories", "fonts", "$schema")  # $schema: an editor's pointer to the JSON Schema
BOARD_KEYS = ("title", "subtitle", "organization", "size", "orientation", "lang", "direction", "writing", "footer",
              "min_font_size", "margin_mm", "bleed_mm", "safe_mm", "theme", "viewing_distance_m", "fit",
              "keep", "date")
CAST_KEYS = ("name", "look", "picture")
FONT_KEYS = ("regular", "bold", "fallback")
CATEGORY_KEYS = ("name", "color", "icon", "procedures")
PROCEDURE_KEYS = ("title", "summary", "materials", "time_limit", "location", "phone", "basis", "url", "id",
                  "scene", "steps")
STEP_KEYS = ("caption", "say", "props", "scene")
SPEECH_KEYS = ("who", "text", "kind", "expression", "pose")

# Words people reach for instead of ours; offered as "did you mean" when they name a key valid here.
KEY_ALIASES = {
    "colour": "color", "people": "cast", "characters": "cast", "category": "categories", "font": "fonts",
    "speech": "say", "says": "say", "dialog": "say", "dialogue": "say", "speaker": "who", "person": "who",
    "type": "kind", "style": "kind", "text": "caption", "description": "summary", "desc": "summary",
    "address": "location", "place": "location", "tel": "phone", "telephone": "phone", "phone_number": "phone",
    "deadline": "time_limit", "time": "time_limit", "duration": "time_limit", "link": "url", "qr": "url",
    "documents": "materials", "material": "materials", "law": "basis", "procedure": "procedures",
    "step": "steps", "prop": "props", "icons": "props", "image": "picture", "photo": "picture",
    "paper": "size", "page_size": "size", "language": "lang", "org": "organization", "name": "title",
    "title": "name", "caption": "text", "steps_list": "steps",
}
VALUE_ALIASES = {
    "lang": {"zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "cn": "zh-Hans", "zh-tw": "zh-Hant",
             "zh-hk": "zh-Hant", "zh-mo": "zh-Hant", "tw": "zh-Hant", "ja-jp": "ja", "jp": "ja",
             "ko-kr": "ko", "kr": "ko"},
    "look": {"old": "elder", "elderly": "elder", "senior": "elder", "grandpa": "elder", "grandma": "elder",
             "worker": "staff", "officer": "staff", "clerk": "staff", "kid": "child", "man": "adult",
             "woman": "adult", "pupil": "student", "youth": "young", "teen": "young", "nurse": "doctor",
             "medic": "doctor", "policeman": "police", "policewoman": "police", "cop": "police",
             "recruit": "soldier", "veteran": "soldier"},
    "scene": {"hall": "service_hall", "counter": "service_hall", "window": "service_hall", "desk": "office",
              "meeting": "meeting_room", "house": "home", "gate": "street", "community": "street",
              "outdoors": "street", "hospital": "clinic", "classroom": "school", "none": "plain",
              "blank": "plain"},
    "kind": {"say": "speech", "talk": "speech", "think": "thought", "yell": "shout", "shouting": "shout",
             "whispering": "whisper"},
    "direction": {"left-to-right": "ltr", "right-to-left": "rtl"},
    "fit": {"one": "one-sheet", "single": "one-sheet", "single-sheet": "one-sheet", "one-page": "one-sheet",
            "shrink": "one-sheet", "pages": "sheets", "more": "sheets", "continue": "sheets", "many": "sheets"},
    "writing": {"tategaki": "vertical", "vertical-rl": "vertical", "tb": "vertical", "top-to-bottom": "vertical",
                "yokogaki": "horizontal", "horizontal-tb": "horizontal", "lr": "horizontal"},
    "props": {"idcard": "id_card", "id": "id_card", "card": "id_card", "hukou": "household_register",
              "register": "household_register", "paper": "document", "doc": "document", "seal": "stamp",
              "mobile": "phone", "cellphone": "phone", "pc": "computer", "laptop": "computer", "cash": "money",
              "date": "calendar", "time": "clock", "office": "building", "qr_code": "qr", "qrcode": "qr",
              "bankcard": "bank_card", "picture": "photo", "pencil": "pen"},
    "orientation": {"tall": "portrait", "wide": "landscape", "horizontal": "landscape",
                    "vertical": "portrait"},
}
COLOR_FORMS = "'#RRGGBB', '#RGB' or 'cmyk(C,M,Y,K)'"
MARGIN_RANGE_MM = (0.0, 200.0)


def describe(value: Any) -> str:
    """What the user wrote, in words: 'a string ("…")', 'a list', 'nothing'."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, str):
        short = value if len(value) <= 20 else value[:19] + "…"
        return f"a string ({short!r})"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, bytes | bytearray):
        return "binary data"
    if isinstance(value, dt.date | dt.time):
        return "a date or time"
    return f"a {type(value).__name__}"


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _closest(word: str, options: list[str] | tuple[str, ...]) -> str | None:
    lowered = {o.lower(): o for o in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


class Builder:
    """Walks one Document; every error it raises names the file, line, column and field path."""

    def __init__(self, doc: Document, base_dir: Path | None, allow_outside: bool = False) -> None:
        self.doc = doc
        self.base_dir = base_dir
        self.allow_outside = allow_outside  # may paths leave the spec's folder (trusted specs only)?
        self.ids: dict[str, Path_] = {}  # procedure id → where it was first given

    def err(self, message: str, path: Path_, **kw: Any) -> SpecError:
        return self.doc.error(message, path, **kw)

    def wrong_type(self, value: Any, path: Path_, expected: str, hint: str | None = None) -> SpecError:
        if hint is None and expected.startswith("a list"):
            hint = "write one '- item' per line in YAML, or [a, b] in JSON/TOML"
        return self.err(f"wrong type for {_name(path)}", path, expected=expected, found=describe(value),
                        hint=hint or f"write {expected} here")

    # -- generic shapes ------------------------------------------------------------------------------------
    def mapping(self, value: Any, path: Path_, keys: tuple[str, ...], what: str,
                required: dict[str, str] | None = None) -> dict[str, Any]:
        """Check a mapping's type and keys; `required` maps each required key to the hint shown when it is
        missing. Keys whose value is empty (null) are dropped so defaults apply."""
        if not isinstance(value, Mapping):
            raise self.wrong_type(value, path, f"a mapping of {what} fields ({', '.join(keys)})",
                                  hint=_wide_colon(value) or f"write {keys[0]}: … and the other fields on their "
                                                              "own lines")
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise self.err(f"key {key!r} is not text", path, expected="text keys", found=describe(key),
                               hint=f"keys allowed here: {', '.join(keys)}")
            if key not in keys:
                raise self.unknown_key(key, path, keys, what)
            if item is not None or key == "color":  # a null colour is kept: it is a YAML comment trap
                out[key] = item
        for key, hint in (required or {}).items():
            if key not in out:
                gap = "has no value for" if key in value else "is missing"  # `title:` with nothing after it
                raise self.err(f"{what} {gap} {key!r}", path + (key,), hint=hint)
        return out

    def unknown_key(self, key: str, path: Path_, keys: tuple[str, ...], what: str) -> SpecError:
        allowed = f"keys allowed in {what}: {', '.join(keys)}"
        guess = _closest(key, keys) or (KEY_ALIASES.get(key.lower()) if KEY_ALIASES.get(key.lower()) in keys
                                        else None)
        hint = f"did you mean {guess!r}? {allowed}" if guess else allowed
        if path == () and key in BOARD_KEYS:
            hint = f"{key!r} belongs under board:, indented below it"
        elif wide := _wide_colon(key):
            hint = wide + ", with ', ' (not '，') between fields inside {...}"
        elif path + (key,) in self.doc.flow_nulls:
            hint = ("inside {...} an unquoted ',' ends the text early, so the rest became a key; "
                    'put the whole text in quotes, e.g. text: "你好, 我想问"')
        return self.err(f"unknown key {key!r} in {what}", path + (key,), key=True, hint=hint)

    def text(self, value: Any, path: Path_) -> str:
        """Text fields also take numbers (phone: 12345678); YAML keeps what was typed (0311…, 5, yes)."""
        if isinstance(value, str):
            return value.strip()
        if path in self.doc.raw and not isinstance(value, bytes):
            return self.doc.raw[path].strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                return str(value)
            except ValueError:  # more digits than Python will print
                raise self.wrong_type(value, path, "text", hint="put the number in quotes") from None
        if isinstance(value, dt.date | dt.time):
            return value.isoformat()
        raise self.wrong_type(value, path, "text", hint="put the text in quotes" if isinstance(value, bool)
                              else None)

    def nonempty(self, value: Any, path: Path_) -> str:
        s = self.text(value, path)
        if not s:
            raise self.err(f"{_name(path)} is empty", path, hint="write the text here, it cannot be blank")
        return s

    def texts(self, value: Any, path: Path_, what: str) -> tuple[str, ...]:
        """A list of texts, or one text standing for a list of one."""
        items = value if _is_list(value) else [value]
        if isinstance(value, Mapping):
            raise self.wrong_type(value, path, f"a list of {what}")
        return tuple(self.nonempty(v, path + (i,) if _is_list(value) else path) for i, v in enumerate(items))

    def number(self, value: Any, path: Path_, unit: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.wrong_type(value, path, f"a number ({unit})",
                                  hint=f"write a plain number, no units or quotes: {_name(path)}: 10")
        f = float(value)
        if not math.isfinite(f):
            raise self.err(f"{_name(path)} must be a finite number", path, expected=f"a number ({unit})",
                           found=str(value), hint="write a plain number, e.g. 10")
        return f

    def choice(self, value: Any, path: Path_, choices: tuple[str, ...], what: str) -> str:
        s = self.text(value, path)
        lowered = {c.lower(): c for c in choices}
        if s.lower() in lowered:
            return lowered[s.lower()]
        alias = VALUE_ALIASES.get(_name(path), {}).get(s.lower().replace("_", "-"))
        guess = alias or _closest(s, choices)
        hint = f"did you mean {guess!r}?" if guess else f"use one of: {', '.join(choices)}"
        raise self.err(f"unknown {what} {s!r}", path, expected=" | ".join(choices), found=repr(s), hint=hint)

    def file(self, value: Any, path: Path_, what: str) -> Path:
        s = self.nonempty(value, path)
        base = self.base_dir if self.base_dir is not None else Path.cwd()
        p = Path(s).expanduser()
        p = p if p.is_absolute() else base / p
        # A shared spec must not make us read files elsewhere (e.g. ../../home/x/.ssh/id_rsa as a "picture");
        # resolve() follows symlinks, so a link pointing out of the folder is refused too. Checked first, so the
        # message is the same whether such a file exists or not (it tells nothing about other folders).
        try:
            outside = not self.allow_outside and not p.resolve().is_relative_to(base.resolve())
        except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop
            outside = False
        if outside:
            raise self.err(f"{what} file is outside the spec's folder: {s}", path,
                           expected=f"a file inside {base}", found=s,
                           hint="copy the file next to the spec, or allow it: --allow-outside-paths "
                                "(load(..., allow_outside=True))")
        try:
            exists, folder, other = p.is_file(), p.is_dir(), p.exists()
        except (OSError, ValueError):  # e.g. a NUL byte in the name
            exists = folder = other = False
        if folder:
            raise self.err(f"{what} path is a folder, not a file: {p}", path,
                           hint=f"name the {what} file itself, e.g. {s.rstrip('/')}/name"
                                f"{'.ttf' if what == 'font' else '.png' if what == 'picture' else '.toml'}")
        if other and not exists:
            raise self.err(f"{what} path is not a regular file (a device or a pipe): {p}", path,
                           hint=f"name a {what} file saved on disk")
        if not exists:
            raise self.err(f"{what} file not found: {p}", path,
                           hint=f"paths are relative to the spec file's folder ({base})")
        return p

    def make(self, cls: type, path: Path_, **kw: Any) -> Any:
        """Build a model object; its SpecError paths are relative (Board's are absolute): make them full."""
        try:
            return cls(**kw)
        except SpecError as e:
            rel = parse_path(e.path or "")
            full = rel if cls is Board else path + rel[-1:] if cls is CastMember else path + rel
            raise self.err(e.message, full, expected=e.expected, found=e.found,
                           hint=e.hint or (f"use {e.expected}" if e.expected else "check this value")) from None

    # -- the levels ----------------------------------------------------------------------------------------
    def board(self) -> Board:
        top = self.mapping(self.doc.data, (), TOP_KEYS, "the spec", required={
            "board": "start the spec with board: and its title:",
            "categories": "add categories:, a list of categories, each with name: and procedures:",
        })
        kw = self.board_fields(top["board"])
        cast = self.cast(top.get("cast", {}))
        known = {**default_cast(kw.get("lang", "zh-Hans")), **cast}
        if "$schema" in top:
            self.text(top["$schema"], ("$schema",))  # only checked: it is for editors
        sources = self.fonts(top["fonts"]) if "fonts" in top else None
        cats = self.nonempty_list(top["categories"], ("categories",), "categories",
                                  "add at least one category, with name: and procedures:")
        # Counted before anything is built: 10,000 procedures are refused at once, not after building them.
        self.at_most(cats, MAX_CATEGORIES, ("categories",), "categories")
        self.at_most([p for c in cats if isinstance(c, Mapping) and _is_list(c.get("procedures"))
                      for p in c["procedures"]], MAX_PROCEDURES, ("categories",), "procedures on one board")
        categories = tuple(self.category(c, ("categories", i), known) for i, c in enumerate(cats))
        board = self.make(Board, (), categories=categories, cast=cast, source=self.doc.file, **kw)
        return dataclasses.replace(board, fonts=self.drawable_fonts(sources, board)) if sources else board

    def board_fields(self, value: Any) -> dict[str, Any]:
        at = ("board",)
        b = self.mapping(value, at, BOARD_KEYS, "board", required={"title": "give the board a title: …"})
        kw: dict[str, Any] = {"title": self.nonempty(b["title"], at + ("title",))}
        for key in ("subtitle", "organization", "footer"):
            if key in b:
                kw[key] = self.text(b[key], at + (key,))
        for key, choices, what in (("orientation", ORIENTATIONS, "orientation"), ("lang", LANGS, "language"),
                                   ("direction", DIRECTIONS, "direction"), ("writing", WRITINGS, "writing mode")):
            if key in b:
                kw[key] = self.choice(b[key], at + (key,), choices, what)
        if "size" in b:
            kw["size"] = self.size(b["size"], at + ("size",))
        if "min_font_size" in b:
            kw["min_font_size"] = self.number(b["min_font_size"], at + ("min_font_size",), "points")
        for key, (lo, hi), hint in (("margin_mm", MARGIN_RANGE_MM, "print shops usually want 10–20 mm"),
                                    ("bleed_mm", BLEED_MM, "print shops usually ask for 3 mm (banners: 5–10 mm)"),
                                    ("safe_mm", SAFE_MM, "print shops usually ask for 5 mm inside the trim")):
            if key in b:
                m = self.number(b[key], at + (key,), "millimetres")
                if not lo <= m <= hi:
                    raise self.err(f"{key} out of range", at + (key,), expected=f"{lo:g}–{hi:g} mm", found=f"{m:g}",
                                   hint=hint)
                kw[key] = m
        if "theme" in b:
            theme = self.text(b["theme"], at + ("theme",))
            kw["theme"] = self.theme_file(theme, at + ("theme",)) if theme.endswith(".toml") else theme
        if "viewing_distance_m" in b:
            d = self.number(b["viewing_distance_m"], at + ("viewing_distance_m",), "metres")
            lo, hi = VIEWING_DISTANCE_M
            if not lo <= d <= hi:
                raise self.err("viewing_distance_m out of range", at + ("viewing_distance_m",),
                               expected=f"{lo:g}–{hi:g} m", found=f"{d:g}",
                               hint="how far readers stand from the board, in metres: about 1 for a notice "
                                    "board (it sets the smallest text: docs/legibility.md)")
            kw["viewing_distance_m"] = d
        if "fit" in b:
            kw["fit"] = self.choice(b["fit"], at + ("fit",), FITS, "fit")
        if "keep" in b:  # terms never broken inside a line (text.rules.LineRules.keep)
            kw["keep"] = self.texts(b["keep"], at + ("keep",), "terms")
        if "date" in b:
            kw["date"] = self.date(b["date"], at + ("date",))
        return kw

    def date(self, value: Any, path: Path_) -> str:
        """A revision date: YAML and TOML give date objects, JSON a string; kept as ISO 8601 text."""
        from datetime import date, datetime

        from ..model import check_date

        text = value.isoformat() if isinstance(value, date | datetime) else self.text(value, path)
        try:
            return check_date(text, "board.date")
        except SpecError as e:
            raise self.err(e.message, path, expected=e.expected, hint=e.hint) from None

    def theme_file(self, name: str, path: Path_) -> str:
        """A .toml theme is read now, so a broken one is reported here, at its line in the spec, not mid-render."""
        from ..paint.theme import load_theme

        file = str(self.file(name, path, "theme"))
        try:
            load_theme(file)
        except SpecError as e:
            raise self.err(e.message, path, expected=e.expected, found=e.found, hint=e.hint) from None
        return file

    def size(self, value: Any, path: Path_) -> str | tuple[float, float]:
        expected = "A0–A5, B0–B5 or [width_mm, height_mm]"
        if isinstance(value, str) or (path in self.doc.raw and not _is_list(value)):
            s = self.text(value, path).upper()
            if s in PAGE_SIZES_MM:
                return s
            if m := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:MM)?\s*[X×*]\s*(\d+(?:\.\d+)?)\s*(?:MM)?\s*", s):
                hint = f"write the size in millimetres as a list: [{m.group(1)}, {m.group(2)}]"
            else:
                guess = _closest(s, list(PAGE_SIZES_MM))
                hint = f"did you mean {guess!r}?" if guess else f"use one of {', '.join(PAGE_SIZES_MM)}"
            raise self.err(f"unknown page size {s!r}", path, expected=expected, found=repr(s), hint=hint)
        if _is_list(value) and len(value) == 2:
            return (self.number(value[0], path + (0,), "mm"), self.number(value[1], path + (1,), "mm"))
        raise self.wrong_type(value, path, expected, hint="write e.g. size: A1, or size: [600, 900]")

    def cast(self, value: Any) -> dict[str, CastMember]:
        at = ("cast",)
        if not isinstance(value, Mapping):
            raise self.wrong_type(value, at, "a mapping of cast members (key: {name, look})",
                                  hint="write each person as key: {name: 赵姐, look: adult}")
        cast: dict[str, CastMember] = {}
        for key, member in value.items():
            path = at + (str(key),)
            if not isinstance(key, str) or not key.strip():
                raise self.err(f"cast key {key!r} is not usable", path, key=True, expected="a short text key",
                               found=describe(key), hint="name each person with a short key, e.g. zhao:")
            cast[key] = self.member(key, member, path)
        return cast

    def member(self, key: str, value: Any, path: Path_) -> CastMember:
        if not isinstance(value, Mapping):
            if value is None or _is_list(value):
                raise self.wrong_type(value, path, "a name, or a mapping {name, look, picture}",
                                      hint=f"write {key}: {{name: …, look: adult}}")
            return self.make(CastMember, path, key=key, name=self.nonempty(value, path))
        m = self.mapping(value, path, CAST_KEYS, f"cast member {key!r}",
                         required={"name": "give the person the name shown on the board, e.g. name: 赵姐"})
        kw: dict[str, Any] = {"key": key, "name": self.nonempty(m["name"], path + ("name",))}
        if "look" in m:
            kw["look"] = self.choice(m["look"], path + ("look",), LOOKS, "look")
        if "picture" in m:
            kw["picture"] = self.file(m["picture"], path + ("picture",), "picture")
            from ..pictures import picture_problem

            if problem := picture_problem(kw["picture"]):
                raise self.err(f"picture {kw['picture'].name} {problem}", path + ("picture",),
                               hint="use a PNG or JPEG picture of a few megapixels")
        return self.make(CastMember, path, **kw)

    def fonts(self, value: Any) -> dict[str, Any]:
        """Each role's font as (file, face index): a file relative to the spec, or an installed family's name."""
        at = ("fonts",)
        f = self.mapping(value, at, FONT_KEYS, "fonts")
        out: dict[str, Any] = {k: self.font_source(f[k], at + (k,)) for k in ("regular", "bold") if k in f}
        regular = f.get("regular")
        if "bold" not in f and isinstance(regular, str) and not looks_like_file(regular.strip()):
            # A family named for the text brings its own bold face, when it has one.
            bold = find_family(regular.strip(), bold=True)
            if bold is not None and (Path(bold.path), bold.index) != out["regular"][:2]:
                out["bold"] = (Path(bold.path), bold.index, at + ("regular",))
        if "fallback" in f:
            fb = f["fallback"]
            paths = ([(v, at + ("fallback", i)) for i, v in enumerate(fb)] if _is_list(fb)
                     else [(fb, at + ("fallback",))])
            out["fallback"] = [self.font_source(v, p) for v, p in paths]
        return out

    def font_source(self, value: Any, path: Path_) -> tuple[Path, int, Path_]:
        name = self.nonempty(value, path)
        base = self.base_dir if self.base_dir is not None else Path.cwd()
        if looks_like_file(name) or os.path.lexists(base / name):
            return self.file(value, path, "font"), 0, path
        found = find_family(name)
        if found is None:
            guesses = family_suggestions(name)
            raise self.err(f"no installed font family {name!r}", path, expected="a font file or an installed family",
                           found=repr(name), hint=(f"did you mean {' or '.join(map(repr, guesses))}? " if guesses
                                                   else "") + "name a font file (.ttf, .otf, .ttc) relative to the "
                                                              "spec, or one of the families `comicboard fonts` lists")
        return Path(found.path), found.index, path

    def drawable_fonts(self, sources: dict[str, Any], board: Board) -> FontChoice:
        """The files the backends draw from: TrueType files as they are, other faces (CFF outlines, a face of a
        collection) as cached TrueType subsets holding the board's characters (fonts.drawable_font)."""
        chars = board_chars(iter_texts(board), board.lang)

        def drawable(source: tuple[Path, int, Path_]) -> Path:
            file, index, at = source
            try:
                return drawable_font(file, index, chars)
            except FontError as e:
                raise self.err(e.message, at, hint=e.hint) from None

        kw: dict[str, Any] = {k: drawable(sources[k]) for k in ("regular", "bold") if k in sources}
        if "fallback" in sources:
            kw["fallback"] = tuple(drawable(s) for s in sources["fallback"])
        return FontChoice(**kw)

    def at_most(self, items: list | tuple, limit: int, path: Path_, what: str,
                hint: str = "split the board into several boards (or files)") -> None:
        if len(items) > limit:
            raise self.err(f"too many {what}: {len(items)}, the limit is {limit}", path,
                           expected=f"at most {limit}", found=str(len(items)), hint=hint)

    def nonempty_list(self, value: Any, path: Path_, what: str, hint: str) -> list | tuple:
        if not _is_list(value):
            raise self.wrong_type(value, path, f"a list of {what}", hint=f"start each item with '- '; {hint}")
        if not value:
            raise self.err(f"no {what} given", path, hint=hint)
        return value

    def category(self, value: Any, path: Path_, cast: dict[str, CastMember]) -> Category:
        c = self.mapping(value, path, CATEGORY_KEYS, "a category", required={
            "name": "give the category a name: …", "procedures": "add procedures:, a list of procedures"})
        kw: dict[str, Any] = {"name": self.nonempty(c["name"], path + ("name",))}
        if "color" in c:
            kw["color"] = self.color(c["color"], path + ("color",))
        if "icon" in c:
            kw["icon"] = self.choice(c["icon"], path + ("icon",), PROP_NAMES, "icon")
        procs = self.nonempty_list(c["procedures"], path + ("procedures",), "procedures",
                                   "add at least one procedure, with title: and steps:")
        kw["procedures"] = tuple(self.procedure(p, path + ("procedures", i), cast)
                                 for i, p in enumerate(procs))
        return self.make(Category, path, **kw)

    def color(self, value: Any, path: Path_) -> Color:
        if value is None:
            hint = (f"write {COLOR_FORMS}" if self.doc.fmt != "yaml"
                    else 'in YAML a # starts a comment: quote the colour, color: "#C8102E"')
            raise self.err("the colour is empty", path, expected=COLOR_FORMS, found="nothing", hint=hint)
        s = self.text(value, path)
        try:
            return Color.parse(s)
        except InkLimitError as exc:
            raise self.err(str(exc), path, expected="at most 300 % (C + M + Y + K)", found=s,
                           hint="take some C, M or Y away: a deep black background is cmyk(60,40,40,100)") from None
        except ValueError:
            raise self.err(f"not a colour: {s!r}", path, expected=COLOR_FORMS, found=repr(s),
                           hint='e.g. color: "#C8102E" or color: cmyk(0,100,90,10) (values 0–100)') from None

    def procedure(self, value: Any, path: Path_, cast: dict[str, CastMember]) -> Procedure:
        p = self.mapping(value, path, PROCEDURE_KEYS, "a procedure", required={
            "title": "give the procedure a title: …", "steps": "add steps:, a list of steps"})
        kw: dict[str, Any] = {"title": self.nonempty(p["title"], path + ("title",))}
        for key in ("summary", "time_limit", "location", "phone", "basis", "url", "id"):
            if key in p:
                kw[key] = self.text(p[key], path + (key,))
        if "scene" in p:
            kw["scene"] = self.choice(p["scene"], path + ("scene",), SCENES, "scene")
        if kw.get("id"):
            self.unique_id(kw["id"], path + ("id",))
        if "materials" in p:
            kw["materials"] = self.texts(p["materials"], path + ("materials",), "materials")
        steps = self.nonempty_list(p["steps"], path + ("steps",), "steps",
                                   "add at least one step: a caption text, or {caption, say}")
        self.at_most(steps, MAX_STEPS, path + ("steps",), "steps in one procedure",
                     "split the procedure into two (e.g. 'part 1' and 'part 2')")
        kw["steps"] = tuple(self.step(s, path + ("steps", i), cast) for i, s in enumerate(steps))
        return self.make(Procedure, path, **kw)

    def unique_id(self, pid: str, path: Path_) -> None:
        """Ids pick procedures in a batch table's column, so two procedures may not share one."""
        first = self.ids.setdefault(pid, path)
        if first != path:
            line = self.doc.where(first)[0]
            raise self.err(f"duplicate procedure id {pid!r}: already used at {format_path(first)}"
                           + (f" (line {line})" if line is not None else ""), path,
                           hint=duplicate_id_hint(pid))

    def step(self, value: Any, path: Path_, cast: dict[str, CastMember]) -> Step:
        if not isinstance(value, Mapping):
            if _is_list(value) or value is None:
                raise self.wrong_type(value, path, "a caption text, or a mapping {caption, say, props}",
                                      hint="write - caption text, or - caption: … with say: below it")
            if isinstance(value, str) and (wide := _wide_colon(value, STEP_KEYS)):
                raise self.err("a step's field name is followed by a full-width colon", path, hint=wide)
            return self.make(Step, path, caption=self.nonempty(value, path))
        if "say" in value and value.get("caption") is None and set(value) <= set(STEP_KEYS):
            raise self.err("a step with say: needs a caption too", path + ("caption",),
                           hint="add caption: with a few words shown under the panel, e.g. caption: 提交材料")
        s = self.mapping(value, path, STEP_KEYS, "a step",
                         required={"caption": "add caption: with a few words shown under the panel"})
        kw: dict[str, Any] = {"caption": self.nonempty(s["caption"], path + ("caption",))}
        if "say" in s:
            say = s["say"]
            if not _is_list(say):
                raise self.wrong_type(say, path + ("say",), "a list of speeches {who, text, kind}",
                                      hint="write each line as - {who: worker, text: …}")
            self.at_most(say, MAX_SPEECHES, path + ("say",), "speeches in one step", "split the talk over two steps")
            kw["say"] = tuple(self.speech(v, path + ("say", i), cast) for i, v in enumerate(say))
        if "props" in s:
            props = s["props"]
            at = [(v, path + ("props", i)) for i, v in enumerate(props)] if _is_list(props) else [
                (props, path + ("props",))]
            if isinstance(props, Mapping):
                raise self.wrong_type(props, path + ("props",), "a list of props")
            kw["props"] = tuple(self.choice(v, p, PROP_NAMES, "prop") for v, p in at)
        if "scene" in s:
            kw["scene"] = self.choice(s["scene"], path + ("scene",), SCENES, "scene")
        return self.make(Step, path, **kw)

    def speech(self, value: Any, path: Path_, cast: dict[str, CastMember]) -> Speech:
        m = self.mapping(value, path, SPEECH_KEYS, "a speech", required={
            "who": "name the speaker with who: (a cast key such as worker or resident)",
            "text": "write what they say with text: …"})
        who = self.nonempty(m["who"], path + ("who",))
        if who not in cast:
            guess = _closest(who, list(cast))
            hint = f"did you mean {guess!r}? " if guess else ""
            hint += f"add {who!r} under cast:, or use one of: {', '.join(sorted(cast))}"
            raise self.err(f"speaker {who!r} is not in the cast", path + ("who",), expected="a cast key",
                           found=repr(who), hint=hint)
        kw: dict[str, Any] = {"who": who, "text": self.nonempty(m["text"], path + ("text",))}
        if "kind" in m:
            kw["kind"] = self.choice(m["kind"], path + ("kind",), SPEECH_KINDS, "speech kind")
        if "expression" in m:
            kw["expression"] = self.choice(m["expression"], path + ("expression",), EXPRESSIONS, "expression")
        if "pose" in m:
            kw["pose"] = self.choice(m["pose"], path + ("pose",), POSES, "pose")
        return self.make(Speech, path, **kw)


def _wide_colon(text: Any, keys: tuple[str, ...] | None = None) -> str | None:
    """A hint if `text` starts like a key typed with a full-width colon ('title： 居住证明'), else None."""
    m = re.match(r"\s*([A-Za-z_]\w*)\s*：", text) if isinstance(text, str) else None
    if m is None or (keys is not None and m.group(1) not in keys):
        return None
    return f"'{m.group(1)}：' has a full-width colon; YAML needs an ASCII colon and a space: {m.group(1)}: …"


def _name(path: Path_) -> str:
    """The last named segment, for messages ('steps' for categories[0].procedures[1].steps[2])."""
    return next((s for s in reversed(path) if isinstance(s, str)), "the spec")


def build(doc: Document, base_dir: Path | None = None, *, allow_outside: bool = False) -> Board:
    """Convert a parsed Document into a Board; raises SpecError with file, line, column and path.

    File paths (fonts, pictures, themes) must stay inside `base_dir` (default: the working folder)
    unless `allow_outside`.
    """
    return Builder(doc, base_dir, allow_outside).board()
