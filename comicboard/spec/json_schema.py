"""The spec's JSON Schema (draft-07), derived from the loader's own tables, for editors and CI.

The loader (`schema.Builder`) stays the authority: this schema only says what it can of the loader's rules, and
never more (whatever the schema rejects, the loader rejects too; tests/spec/test_json_schema.py checks both on
the known-bad specs). Rules it cannot say (a speaker must be in the cast, files must exist, ids are unique, ink
limits, totals over the whole board) are left to the loader and `comicboard check`.

`board.schema.json` beside this module is the same schema written out, so editors can point at a file;
`python -m comicboard.spec.json_schema --write` regenerates it and a test keeps the two equal.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..color import _CMYK, _HEX
from ..limits import (
    MAX_CAST,
    MAX_CATEGORIES,
    MAX_KEEP_TERMS,
    MAX_MATERIALS,
    MAX_PROCEDURES,
    MAX_PROPS,
    MAX_SPEECHES,
    MAX_STEPS,
    MAX_TEXT_CHARS,
    PAGE_MM,
)
from ..model import (
    BLEED_MM,
    DIRECTIONS,
    EXPRESSIONS,
    FITS,
    LANGS,
    LOOKS,
    MIN_FONT_SIZE_PT,
    ORIENTATIONS,
    PAGE_SIZES_MM,
    POSES,
    SAFE_MM,
    SCENES,
    SPEECH_KINDS,
    VIEWING_DISTANCE_M,
    WRITINGS,
)
from ..textcheck import ALLOWED_CONTROLS, BIDI_CONTROLS
from .schema import (
    BOARD_KEYS,
    CAST_KEYS,
    CATEGORY_KEYS,
    FONT_KEYS,
    MARGIN_RANGE_MM,
    PROCEDURE_KEYS,
    SPEECH_KEYS,
    STEP_KEYS,
    TOP_KEYS,
)

SCHEMA_FILE = Path(__file__).resolve().parent / "board.schema.json"
SCHEMA_ID = "https://comicboard.invalid/board.schema.json"  # a name, not a download: the schema ships in the package

# What the editor shows when hovering a key (the README says the same at more length).
DESCRIPTIONS = {
    "board": "The board itself: title, size, language, ...",
    "cast": "People in the panels: key → {name, look, picture}, or key → name. worker and resident always exist.",
    "categories": "Categories of procedures; each is a coloured band of strips.",
    "fonts": "Your own fonts: a font file (relative to the spec) or an installed family name.",
    "$schema": "Where editors find this schema (JSON specs): \"$schema\": \"board.schema.json\".",
    "title": "The title.", "subtitle": "A line under the title.", "organization": "Who made the board.",
    "size": "A0–A5, B0–B5, or [width_mm, height_mm]. Default A1.",
    "orientation": "portrait (default) or landscape.", "lang": "zh-Hans (default) | zh-Hant | ja | ko.",
    "direction": "Reading order of panels: ltr | rtl.", "writing": "horizontal, or vertical (tategaki).",
    "footer": "A line at the bottom (phone, opening hours).",
    "min_font_size": "Nothing is set smaller, in points (default 8).",
    "margin_mm": "Margin inside the trim, mm (default 15).", "bleed_mm": "Bleed past the trim, mm (default 3).",
    "safe_mm": "Text and faces stay this far inside the trim, mm (default 5).",
    "theme": "community (default), calm, or a .toml theme file.",
    "viewing_distance_m": "How far readers stand, m (default: the sheet's diagonal within 0.3–1 m; A1: 1 m): "
                          "text is never smaller than they can read from there.",
    "fit": "sheets (default): continue on more sheets at the legible size; one-sheet: shrink to one, with a warning.",
    "date": "Revision date (2026-12-07): the PDF's creation and modification date. Default: SOURCE_DATE_EPOCH.",
    "keep": "Terms never broken inside a line (beside procedure titles and materials), e.g. [养老金, 外调政审].",
    "name": "The name shown.", "look": "How the person is drawn.", "picture": "Your own PNG drawn instead.",
    "regular": "Font for text: a file or an installed family name.", "bold": "Font for titles.",
    "fallback": "Fonts tried in order for characters the main font lacks.",
    "color": "'#RRGGBB', '#RGB' or 'cmyk(C,M,Y,K)' (quote it in YAML: # starts a comment).",
    "icon": "The picture in the category band.", "procedures": "The procedures of this category.",
    "summary": "One or two sentences on what the procedure is for.", "materials": "What to bring.",
    "time_limit": "How long it takes.", "location": "Where to go.", "phone": "Who to call.",
    "basis": "The rule it rests on.", "url": "A web address (https://…) printed as a QR code.",
    "id": "A short unique id (batch tables pick procedures by it).",
    "steps": "One panel per step: a caption text, or {caption, say, props}.",
    "caption": "A few words under the panel.", "say": "What people say: - {who, text, kind}.",
    "props": "Things drawn in the panel.", "who": "A cast key: worker, resident, or one of cast:.",
    "text": "What they say.", "kind": "speech | thought | shout | whisper.",
    "expression": "The speaker's face (default: chosen from the text).", "pose": "The speaker's pose.",
    "scene": "The drawn setting (default: chosen from the location and the words; plain: none).",
}


def _char_class(ch: str) -> str:
    return f"\\u{ord(ch):04x}"


def _refused_chars() -> str:
    """The characters board text may not hold (textcheck.bad_char), as the inside of a regex class, in ranges."""
    controls = [c for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in ALLOWED_CONTROLS]
    codes = sorted({*controls, *map(ord, BIDI_CONTROLS)})
    out, start = [], codes[0]
    for prev, cur in zip(codes, [*codes[1:], None], strict=True):
        if cur != prev + 1 if cur is not None else True:
            out.append(_char_class(chr(start)) + (f"-{_char_class(chr(prev))}" if prev > start else ""))
            start = cur
    return "".join(out)


_BAD = _refused_chars()


def _text_pattern(nonempty: bool) -> str:
    """Text as the loader takes it: stripped, then at most MAX_TEXT_CHARS long, without refused characters."""
    body = f"[^{_BAD}]"
    if nonempty:
        return f"^\\s*[^\\s{_BAD}]{body}{{0,{MAX_TEXT_CHARS - 1}}}\\s*$"
    return f"^\\s*{body}{{0,{MAX_TEXT_CHARS}}}\\s*$"


def _escape(text: str) -> str:
    """Escape only ECMAScript's syntax characters: editors compile patterns as JavaScript with the `u` flag, where
    any other escape (Python's re.escape writes `\\-`) is an error."""
    return "".join("\\" + c if c in _SYNTAX else c for c in text)


_SYNTAX = set("^$\\.*+?()[]{}|/")


def _ci(word: str) -> str:
    """`word` matched case-insensitively without flags ([Pp][Oo]…): editors run patterns as JavaScript."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.lower() != c.upper() else _escape(c) for c in word)


def _text_definition(nonempty: bool) -> dict[str, Any]:
    """A text field: a string, or in YAML a number or yes/no, which the loader keeps as typed."""
    return {"type": ["string", "number", "boolean"], "pattern": _text_pattern(nonempty),
            "patternErrorMessage": f"text{' (not blank)' if nonempty else ''} of at most {MAX_TEXT_CHARS} "
                                   "characters, without invisible control characters"}


def text(nonempty: bool = False) -> dict[str, Any]:
    return {"$ref": f"#/definitions/{'nonempty_text' if nonempty else 'text'}"}


def choice(options: tuple[str, ...] | list[str], what: str) -> dict[str, Any]:
    """One of `options`, any case, spaces around it allowed (as the loader); the options feed completion."""
    alternatives = "|".join(_ci(o) for o in options)
    return {"type": "string", "pattern": f"^\\s*(?:{alternatives})\\s*$", "examples": list(options),
            "patternErrorMessage": f"unknown {what}: use one of {', '.join(options)}"}


def one_or_list(item: dict[str, Any], max_items: int | None = None) -> dict[str, Any]:
    """A list of items, or one item standing for a list of one (materials, props, fallback)."""
    listed: dict[str, Any] = {"type": "array", "items": item}
    if max_items is not None:
        listed["maxItems"] = max_items
    return {"anyOf": [item, listed]}


def number(lo: float, hi: float, unit: str) -> dict[str, Any]:
    return {"type": "number", "minimum": lo, "maximum": hi, "description": f"{unit}, {lo:g}–{hi:g}"}


def obj(keys: tuple[str, ...], props: dict[str, dict[str, Any]], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """A mapping with exactly the loader's keys; an optional key may be empty (null: the default applies)."""
    assert set(props) == set(keys), f"schema and loader disagree on keys: {set(props) ^ set(keys)}"
    out = {"type": "object", "additionalProperties": False,
           "properties": {k: _described(k, props[k] if k in required else _nullable(props[k])) for k in keys}}
    if required:
        out["required"] = list(required)
    return out


def _described(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": DESCRIPTIONS[key], **schema} if key in DESCRIPTIONS else schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "type" in schema and "$ref" not in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": [*types, "null"]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


def _color() -> dict[str, Any]:
    """Color.parse's two forms; a bare YAML number (123456) is read as typed, so numbers pass to the loader."""
    hex_ = _HEX.pattern.strip("^$")
    cmyk = _CMYK.pattern.strip("^$").replace("cmyk", _ci("cmyk"))
    # Unlike other optional keys a colour may not be empty: `color: #C8102E` unquoted is a YAML comment.
    return {"type": ["string", "number"], "pattern": f"^\\s*(?:{hex_}|{cmyk})\\s*$",
            "patternErrorMessage": "a colour: '#RRGGBB', '#RGB' or 'cmyk(C,M,Y,K)'"}


def _url() -> dict[str, Any]:
    """model.url_problem: https:// or http:// and a site name, no spaces; a {{placeholder}} is filled later."""
    address = f"\\s*{_ci('http')}[Ss]?://[^\\s/?#]+\\.[^\\s/?#]+\\S*\\s*"
    return {"allOf": [text(), {"type": ["string", "number", "boolean"],
                               "pattern": f"^(?:[\\s\\S]*\\{{\\{{[\\s\\S]*|{address})$",
                               "patternErrorMessage": "a web address starting with https:// (or http://)"}]}


def _theme() -> dict[str, Any]:
    from ..paint.theme import theme_names

    names = theme_names()
    return {"type": "string", "pattern": f"^\\s*(?:{'|'.join(map(_escape, names))})\\s*$|\\.toml\\s*$",
            "examples": names, "patternErrorMessage": f"{', '.join(names)}, or a .toml theme file"}


def build_schema() -> dict[str, Any]:
    """The schema as a dict (the same every call: `comicboard schema` prints it)."""
    from ..vocab import PROP_NAMES

    lo, hi = PAGE_MM
    size = {"anyOf": [choice(list(PAGE_SIZES_MM), "page size"),
                      {"type": "array", "minItems": 2, "maxItems": 2, "items": number(lo, hi, "mm"),
                       "description": "[width_mm, height_mm]"}]}
    board = obj(BOARD_KEYS, {
        "title": text(nonempty=True), "subtitle": text(), "organization": text(), "footer": text(),
        "size": size, "orientation": choice(ORIENTATIONS, "orientation"), "lang": choice(LANGS, "language"),
        "direction": choice(DIRECTIONS, "direction"), "writing": choice(WRITINGS, "writing mode"),
        "min_font_size": number(*MIN_FONT_SIZE_PT, "points"), "margin_mm": number(*MARGIN_RANGE_MM, "mm"),
        "bleed_mm": number(*BLEED_MM, "mm"), "safe_mm": number(*SAFE_MM, "mm"), "theme": _theme(),
        "viewing_distance_m": number(*VIEWING_DISTANCE_M, "metres"), "fit": choice(FITS, "fit"),
        "keep": one_or_list(text(nonempty=True), MAX_KEEP_TERMS),
        "date": {"type": "string", "format": "date", "pattern": "^\\s*\\d{4}-\\d{2}-\\d{2}",
                 "examples": ["2026-12-07"], "patternErrorMessage": "a date such as 2026-12-07"},
    }, required=("title",))
    member = {"anyOf": [text(nonempty=True), obj(CAST_KEYS, {
        "name": text(nonempty=True), "look": choice(LOOKS, "look"), "picture": text(nonempty=True),
    }, required=("name",))]}
    cast = {"type": "object", "maxProperties": MAX_CAST, "propertyNames": {"pattern": "\\S"},
            "additionalProperties": member}
    fonts = obj(FONT_KEYS, {"regular": text(nonempty=True), "bold": text(nonempty=True),
                            "fallback": one_or_list(text(nonempty=True))})
    speech = obj(SPEECH_KEYS, {
        "who": text(nonempty=True), "text": text(nonempty=True), "kind": choice(SPEECH_KINDS, "speech kind"),
        "expression": choice(EXPRESSIONS, "expression"), "pose": choice(POSES, "pose"),
    }, required=("who", "text"))
    step = {"anyOf": [text(nonempty=True), obj(STEP_KEYS, {
        "caption": text(nonempty=True),
        "say": {"type": "array", "maxItems": MAX_SPEECHES, "items": speech},
        "props": one_or_list(choice(PROP_NAMES, "prop"), MAX_PROPS), "scene": choice(SCENES, "scene"),
    }, required=("caption",))]}
    procedure = obj(PROCEDURE_KEYS, {
        "title": text(nonempty=True), "summary": text(), "materials": one_or_list(text(nonempty=True), MAX_MATERIALS),
        "time_limit": text(), "location": text(), "phone": text(), "basis": text(), "url": _url(), "id": text(),
        "scene": choice(SCENES, "scene"),
        "steps": {"type": "array", "minItems": 1, "maxItems": MAX_STEPS, "items": step},
    }, required=("title", "steps"))
    category = obj(CATEGORY_KEYS, {
        "name": text(nonempty=True), "color": _color(), "icon": choice(PROP_NAMES, "icon"),
        "procedures": {"type": "array", "minItems": 1, "maxItems": MAX_PROCEDURES, "items": procedure},
    }, required=("name", "procedures"))
    category["properties"]["color"] = _described("color", _color())  # never null (see _color)
    top = obj(TOP_KEYS, {
        "board": board, "cast": cast, "fonts": fonts, "$schema": text(),
        "categories": {"type": "array", "minItems": 1, "maxItems": MAX_CATEGORIES, "items": category},
    }, required=("board", "categories"))
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID,
            "title": "comicboard board spec",
            "definitions": {"text": _text_definition(False), "nonempty_text": _text_definition(True)},
            "description": "A comic display board: categories → procedures → steps. The comicboard loader has the "
                           "final word (`comicboard check`).", **top}


def schema_text() -> str:
    """The schema as the file holds it: indented JSON, UTF-8, one trailing newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m comicboard.spec.json_schema --write
    if sys.argv[1:] == ["--write"]:
        SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
        print(SCHEMA_FILE)
    else:
        sys.stdout.write(schema_text())
