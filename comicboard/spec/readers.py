"""Read YAML, TOML and JSON text into plain Python data plus where each field sits (line, column)."""

from __future__ import annotations

import bisect
import codecs
import json
import os
import re
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import SpecError
from ..limits import MAX_DEPTH, MAX_NODES, MAX_SPEC_BYTES
from .paths import Path_, format_path

_Pos = tuple[int | None, int | None]


@dataclass
class Document:
    """Parsed data and where its fields came from; `error()` turns a field path into a located SpecError."""

    data: Any
    file: str | None = None
    fmt: str = "dict"  # yaml | json | toml | dict
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)  # YAML source text of scalars that are not strings
    flow_nulls: set[Path_] = field(default_factory=set)  # keys with no value inside a YAML {...}

    def where(self, path: Path_, *, key: bool = False) -> _Pos:
        if key and path in self.key_pos:
            return self.key_pos[path]
        # A missing field is reported where its nearest existing parent starts.
        for n in range(len(path), -1, -1):
            if path[:n] in self.value_pos:
                return self.value_pos[path[:n]]
        return None, None

    def error(self, message: str, path: Path_, *, key: bool = False, **kw: str | None) -> SpecError:
        line, column = self.where(path, key=key)
        return SpecError(message, file=self.file, line=line, column=column, path=format_path(path) or None,
                         **kw)


# ---------------------------------------------------------------------------------------------- bytes → text

def _file_error(message: str, file: str | None, line: int | None = None, column: int | None = None,
                **kw: str) -> SpecError:
    return SpecError(message, file=file, line=line, column=column, **kw)


def decode(data: bytes, file: str | None) -> str:
    """UTF-8 (with or without BOM) only; GBK and UTF-16 files get a hint saying how to fix them."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _file_error("the file is saved as UTF-16", file, 1, 1, hint="save it as UTF-8")
    elif len(data) >= 4 and max(data[0::2].count(0), data[1::2].count(0)) > len(data) // 4:
        # Every other byte NUL: UTF-16 saved without a byte-order mark (some editors' "Unicode").
        raise _file_error("the file is saved as UTF-16 (every other byte is zero)", file, 1, 1,
                          hint="save it as UTF-8 (e.g. Notepad: Save As → Encoding: UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        start = data.rfind(b"\n", 0, e.start) + 1
        line = data.count(b"\n", 0, e.start) + 1
        column = len(data[start:e.start].decode("utf-8", "replace")) + 1
        hint = "save the file as UTF-8"
        if _looks_gbk(data):
            hint = "the file looks like GBK; save it as UTF-8 (e.g. Notepad: Save As → Encoding: UTF-8)"
        raise _file_error("the file is not valid UTF-8 text", file, line, column, hint=hint) from None


def _looks_gbk(data: bytes) -> bool:
    """GB18030 decodes almost anything; call it GBK only if most non-ASCII is common Chinese (GB2312)."""
    try:
        wide = [ch for ch in data.decode("gb18030") if ord(ch) > 127]
    except UnicodeDecodeError:
        return False
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return bool(wide) and common >= 0.9 * len(wide)


def _empty(file: str | None) -> SpecError:
    return _file_error("the file is empty", file,
                       hint="a spec needs at least board: (with title:) and categories:")


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# ---------------------------------------------------------------------------------------------- YAML

_TAG = "tag:yaml.org,2002:"
_MERGE, _NULL, _MAP, _SEQ = _TAG + "merge", _TAG + "null", _TAG + "map", _TAG + "seq"


# libyaml's parser, where PyYAML has it, is some 20× faster than the pure-Python one: a spec near the size
# limit is read in seconds, not minutes. Its error messages are terser, so a file it refuses is read again
# with the pure-Python loader (up to the failing line) for the message that names the character and context.
_FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)
_REREAD_CHARS = 300_000  # re-read at most this much with the slow loader just to word an error


def read_yaml(text: str, file: str | None = None) -> Document:
    if not text.strip():
        raise _empty(file)
    if _FAST_LOADER is not None:
        try:
            _check_events(text, _FAST_LOADER, file)
            return _compose(text, _FAST_LOADER, file)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
            end = len(text) if mark is None else _line_end(text, mark.line + 1)
            if end <= _REREAD_CHARS:
                prefix = text[:end]
                try:
                    _check_events(prefix, yaml.SafeLoader, file)
                    _compose(prefix, yaml.SafeLoader, file)
                except yaml.YAMLError as slow:
                    raise _yaml_error(slow, text, file) from None
            raise _yaml_error(e, text, file, byte_offsets=True) from None
    try:
        _check_events(text, yaml.SafeLoader, file)
        return _compose(text, yaml.SafeLoader, file)
    except yaml.YAMLError as e:
        raise _yaml_error(e, text, file) from None


def _line_end(text: str, line: int) -> int:
    """Index just past the end of 0-based line `line` (the whole text if it has fewer lines)."""
    i = -1
    for _ in range(line + 1):
        i = text.find("\n", i + 1)
        if i < 0:
            return len(text)
    return i + 1


def _check_events(text: str, loader_class: type, file: str | None) -> None:
    """Stream the parser's events and stop at the value or nesting limit, before any tree is built.

    A 5 MB list of numbers would otherwise become millions of nodes (minutes, gigabytes) before the
    converter below could count them, and nesting thousands deep would overflow the stack.
    """
    loader = loader_class(text)
    try:
        stack: list[list] = []  # per open collection: [is_mapping, next item is a key]
        values = 0
        while loader.check_event():
            event = loader.get_event()
            if not isinstance(event, yaml.NodeEvent):
                if isinstance(event, yaml.CollectionEndEvent):
                    stack.pop()
                continue
            is_key = bool(stack) and stack[-1][0] and stack[-1][1]
            if stack and stack[-1][0]:
                stack[-1][1] = not stack[-1][1]
            if not is_key:
                values += 1
            m = event.start_mark
            if values > MAX_NODES:
                raise _file_error(f"the file holds more than {MAX_NODES:,} values (limit)", file, m.line + 1,
                                  m.column + 1, hint="is this the right file? split the board into several files")
            if isinstance(event, yaml.CollectionStartEvent):
                if len(stack) >= MAX_DEPTH:
                    raise _file_error(f"the data is nested more than {MAX_DEPTH} levels deep (limit)", file,
                                      m.line + 1, m.column + 1, hint="a board needs only a few levels; "
                                      "look for unclosed [ or { brackets")
                stack.append([isinstance(event, yaml.MappingStartEvent), True])
    finally:
        loader.dispose()


def _compose(text: str, loader_class: type, file: str | None) -> Document:
    loader = loader_class(text)  # safe: only plain data; python/object tags are refused
    try:
        node = loader.get_single_node()
        if node is None:
            raise _empty(file)
        return _YamlConverter(loader, file).run(node)
    finally:
        loader.dispose()


def _yaml_error(e: yaml.YAMLError, text: str, file: str | None, byte_offsets: bool = False) -> SpecError:
    """A parser's error as a SpecError; libyaml counts a ReaderError's position in UTF-8 bytes."""
    if isinstance(e, yaml.MarkedYAMLError):
        return _yaml_syntax(e, text, file)
    if isinstance(e, yaml.reader.ReaderError):
        pos = e.position
        if byte_offsets:
            pos = len(text.encode("utf-8", "surrogatepass")[:pos].decode("utf-8", "ignore"))
        line, column = _line_col(text, pos) if 0 <= pos < len(text) else (None, None)
        ch = text[pos] if 0 <= pos < len(text) else e.character
        name = f"U+{ord(ch):04X}" if isinstance(ch, str) else f"U+{ch:04X}" if isinstance(ch, int) else repr(ch)
        return _file_error(f"character {name} is not allowed in YAML", file, line, column,
                           hint="remove the control character (often pasted in by accident), or write it "
                                "as an escape inside double quotes")
    return _file_error(f"YAML error: {e}", file, hint="check the YAML syntax")


def _yaml_syntax(e: yaml.MarkedYAMLError, text: str, file: str | None) -> SpecError:
    mark = e.problem_mark or e.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    lines = text.splitlines()
    problem = e.problem or "syntax error"
    hint = "check the indentation and the quotes around this line"
    # Tabs: point at the first tab-indented line at or before the failure.
    upto = lines[: (line or len(lines))]
    tabbed = [i for i, ln in enumerate(upto) if "\t" in ln[: len(ln) - len(ln.lstrip())]]
    # A key typed with a full-width colon (title： …) is plain text to YAML; the parser fails on a later line.
    wide = [i for i, ln in enumerate(upto) if _WIDE_KEY.match(ln)]
    if wide and not tabbed:
        line = wide[-1] + 1
        m = _WIDE_KEY.match(lines[wide[-1]])
        column = m.start(2) + 1
        hint = (f"'{m.group(1)}：' has a full-width colon; after a key YAML needs an ASCII colon and a space: "
                f"{m.group(1)}: …")
    elif tabbed or "'\\t'" in problem:
        if tabbed:
            line, column = tabbed[0] + 1, 1
        hint = "YAML indents with spaces, not tabs: replace each tab with spaces"
    elif "flow mapping" in (e.context or "") or (line is not None and "{" in "".join(lines[line - 1:line])):
        hint = ("inside {...} an unquoted ':', ',' or '?' in the text ends it early; "
                'put the text in quotes, e.g. {who: zhao, text: "时间: 8:30"}')
    message = f"YAML syntax error: {problem}"
    if e.context:
        message += f" ({e.context})"
    return _file_error(message, file, line, column, hint=hint)


_WIDE_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*(：)")


class _YamlConverter:
    """Node tree → plain data, recording marks; counts visits so alias expansion stays bounded."""

    def __init__(self, loader: yaml.SafeLoader, file: str | None) -> None:
        self.loader = loader
        self.doc = Document(None, file, "yaml")
        self.count = 0

    def run(self, node: yaml.Node) -> Document:
        self.doc.data = self.convert(node, (), 0)
        return self.doc

    def fail(self, node: yaml.Node, message: str, path: Path_, **kw: str) -> SpecError:
        m = node.start_mark
        return SpecError(message, file=self.doc.file, line=m.line + 1, column=m.column + 1,
                         path=format_path(path) or None, **kw)

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"the file expands to more than {MAX_NODES:,} values (limit)", path,
                            hint="YAML aliases (*name) multiply what they point to; write the parts out")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"the data is nested more than {MAX_DEPTH} levels deep (limit)", path,
                            hint="a board needs only a few levels; look for an alias that refers to itself")
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.value_pos[path] = mark
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.unsupported(node, path)
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.tag != _MAP:
            raise self.unsupported(node, path)
        out = self.merged(node, path, depth)
        self.doc.value_pos[path] = mark  # merged sources recorded their own marks here
        seen: set[str] = set()
        for k, v in node.value:
            if k.tag == _MERGE:
                continue
            if not isinstance(k, yaml.ScalarNode):
                raise self.fail(k, "a key must be plain text", path, hint="write key: value")
            key = k.value  # the text as written: keeps `yes:` or `1:` as keys, not booleans or numbers
            if key in seen:
                raise self.fail(k, f"key {key!r} appears twice", path + (key,),
                                hint="remove one of them; YAML would silently keep only the last")
            seen.add(key)
            self.doc.key_pos[path + (key,)] = (k.start_mark.line + 1, k.start_mark.column + 1)
            out[key] = self.convert(v, path + (key,), depth + 1)
            if node.flow_style and isinstance(v, yaml.ScalarNode) and v.tag == _NULL and v.value == "":
                self.doc.flow_nulls.add(path + (key,))
        return out

    def merged(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        """YAML merge keys (`<<: *defaults`): earlier sources win, explicit keys win over all."""
        out: dict = {}
        for k, v in node.value:
            if k.tag != _MERGE:
                continue
            sources = v.value if isinstance(v, yaml.SequenceNode) else [v]
            for src in reversed(sources):
                if not isinstance(src, yaml.MappingNode):
                    raise self.fail(src, "'<<' must refer to a mapping", path, hint="write <<: *name")
                out.update(self.convert(src, path, depth + 1))
        return out

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        try:
            value = self.loader.construct_object(node)
        except yaml.YAMLError:
            raise self.unsupported(node, path) from None
        except (ValueError, OverflowError):
            return node.value  # e.g. 2024-02-30 looks like a date but is none: keep the text
        if not isinstance(value, str):
            self.doc.raw[path] = node.value
        return value

    def unsupported(self, node: yaml.Node, path: Path_) -> SpecError:
        return self.fail(node, f"unsupported YAML tag {node.tag!r}", path,
                         hint="remove the !tag: a spec holds only plain text, numbers, lists and mappings")


# ---------------------------------------------------------------------------------------------- JSON

_JSON_HINTS = [
    ("property name enclosed in double quotes",
     "JSON keys need double quotes, and no comma may follow the last item"),
    ("',' delimiter", "a comma is missing between items, or a quote inside the text needs a backslash: \\\""),
    ("Invalid control character", "a line break inside text must be written \\n"),
]
_FULLWIDTH = "，：“”｛｝［］"


def read_json(text: str, file: str | None = None) -> Document:
    if not text.strip():
        raise _empty(file)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        hint = next((h for key, h in _JSON_HINTS if key in e.msg),
                    "JSON needs double quotes around keys and texts, and no trailing commas")
        if e.pos < len(text) and text[e.pos] in _FULLWIDTH:
            hint = f"{text[e.pos]!r} is full-width (Chinese) punctuation; JSON needs ASCII , : \" {{ }} [ ]"
        raise _file_error(f"JSON syntax error: {e.msg}", file, e.lineno, e.colno, hint=hint) from None
    except RecursionError:
        raise _file_error(f"the data is nested more than {MAX_DEPTH} levels deep (limit)", file,
                          hint="a board needs only a few levels") from None
    except ValueError as e:  # e.g. a number with thousands of digits
        raise _file_error(f"JSON value cannot be read: {e}", file, hint="quote very long numbers") from None
    doc = Document(data, file, "json")
    check_limits(doc)
    _JsonScanner(text, doc).value(_skip(text, 0), ())
    return doc


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


_JSON_ATOM = re.compile(r"[^,\]\}\s]+")


class _JsonScanner:
    """Second pass over text json.loads accepted: records where each value and key starts."""

    def __init__(self, text: str, doc: Document) -> None:
        self.text, self.doc = text, doc
        # Where each line starts, found once: counting newlines from the top for every value was quadratic
        # (a 400 kB file of 10,000 procedures took half a minute just to be located).
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def value(self, i: int, path: Path_) -> int:
        text = self.text
        self.doc.value_pos[path] = self.line_col(i)
        c = text[i]
        if c == '"':
            return json.decoder.scanstring(text, i + 1)[1]
        if c not in "[{":
            return _JSON_ATOM.match(text, i).end()
        close, index, seen = ("]" if c == "[" else "}"), 0, set()
        i = _skip(text, i + 1)
        while text[i] != close:
            if c == "[":
                i = self.value(i, path + (index,))
                index += 1
            else:
                key, end = json.decoder.scanstring(text, i + 1)
                if key in seen:
                    line, column = self.line_col(i)
                    raise SpecError(f"key {key!r} appears twice", file=self.doc.file, line=line,
                                    column=column, path=format_path(path + (key,)) or None,
                                    hint="remove one of them; JSON readers keep only the last")
                seen.add(key)
                self.doc.key_pos[path + (key,)] = self.line_col(i)
                i = _skip(text, end)  # now at ':'
                i = self.value(_skip(text, i + 1), path + (key,))
            i = _skip(text, i)
            if text[i] == ",":
                i = _skip(text, i + 1)
        return i + 1


# ---------------------------------------------------------------------------------------------- TOML

_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(text: str, file: str | None = None) -> Document:
    if not text.strip():
        raise _empty(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = _TOML_AT.search(msg)
        line, column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        raise _file_error(f"TOML syntax error: {_TOML_AT.sub('', msg).strip()}", file, line, column,
                          hint='texts need double quotes (title = "…"); tables are [board], '
                               "lists of tables [[categories]]") from None
    except RecursionError:  # tomllib recurses once per nested [ or {
        raise _file_error(f"the data is nested more than {MAX_DEPTH} levels deep (limit)", file,
                          hint="a board needs only a few levels; look for unclosed [ or { brackets") from None
    except ValueError as e:  # e.g. an integer of more than 4300 digits
        raise _file_error(f"TOML value cannot be read: {e}", file, hint="quote very long numbers") from None
    doc = Document(data, file, "toml")
    check_limits(doc)
    return doc


# ---------------------------------------------------------------------------------------------- shared

def check_limits(doc: Document) -> None:
    """Refuse data with more than MAX_NODES values or deeper than MAX_DEPTH levels, iteratively."""
    stack: list[tuple[Any, Path_]] = [(doc.data, ())]
    count = 0
    while stack:
        value, path = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise doc.error(f"the file holds more than {MAX_NODES:,} values (limit)", path,
                            hint="split the board into several files")
        if len(path) > MAX_DEPTH:
            raise doc.error(f"the data is nested more than {MAX_DEPTH} levels deep (limit)", path,
                            hint="a board needs only a few levels")
        if isinstance(value, Mapping):
            stack.extend((v, path + (str(k),)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, path + (i,)) for i, v in enumerate(value))


READERS: dict[str, Callable[[str, str | None], Document]] = {
    ".yaml": read_yaml, ".yml": read_yaml, ".json": read_json, ".toml": read_toml,
}


def read_regular_file(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a folder, a pipe or a device (/dev/zero) is refused
    before it is read, so a wrong path neither hangs nor fills the memory."""
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO would block in open() itself
    except FileNotFoundError:
        raise _file_error(f"{what} file not found", file, hint="check the path and the file name") from None
    except IsADirectoryError:
        raise _not_regular(file, what, "a folder") from None
    except OSError as e:
        raise _file_error(f"cannot read the {what} file: {e.strerror or e}", file,
                          hint="check that it is a readable file") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise _not_regular(file, what, "a folder" if stat.S_ISDIR(st.st_mode) else
                           "a pipe or a device, not a file on disk")
    with os.fdopen(fd, "rb") as f:
        if st.st_size > limit:  # refuse before reading: a wrong file (a video, a database) is not parsed
            raise _file_error(f"the {what} file is {st.st_size / 1e6:.1f} MB, more than the {limit / 1e6:g} MB "
                              "limit", file, hint="is this the right file? a large board is about 50 kB")
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise _file_error(f"cannot read the {what} file: {e.strerror or e}", file,
                              hint="check that it is a readable file") from None
    if len(data) > limit:  # it grew while we read it
        raise _file_error(f"the {what} file is more than the {limit / 1e6:g} MB limit", file)
    return data


def _not_regular(file: str, what: str, kind: str) -> SpecError:
    return _file_error(f"the {what} path is {kind}", file, hint=f"name the {what} file itself")


def read(path: str | Path) -> Document:
    """Read a spec file; the reader is chosen by suffix."""
    file = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in READERS:
        raise _file_error(f"unsupported spec file type {suffix or '(no suffix)'!r}", file,
                          expected=".yaml, .yml, .toml or .json", found=repr(suffix or Path(path).name),
                          hint="save the spec as YAML (.yaml/.yml), TOML (.toml) or JSON (.json)")
    data = read_regular_file(path, MAX_SPEC_BYTES, "spec")
    return READERS[suffix](decode(data, file), file)
