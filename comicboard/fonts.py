"""Fonts, in one place: finding the bundled family, loading faces, coverage, fallback chains, metrics.

Nothing else in comicboard opens a font file. Metrics (cmap, hmtx, OS/2) and glyph records are read straight
from the file's tables, once per file and cached, with fontTools for what that reader leaves to it (other cmap
formats, composite glyphs, outlines to draw, `vert` forms); renderers receive the chosen file path with every glyph
run, and the PDF writer a font of only the glyphs a document draws (embedding_subset).
"""

from __future__ import annotations

import os
import struct
import sys
import threading
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import FontError

BUNDLED_REGULAR = "LXGWWenKai-Regular.ttf"
BUNDLED_BOLD = "LXGWWenKai-Bold.ttf"

# Characters that are never drawn, so never need a glyph.
_IGNORABLE = {"\n", "\r", "\t", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}

# A lazily read TTFont decompiles tables and reads glyphs from one shared file position on demand: two threads
# using it at once (a ThreadPoolExecutor batch, a Dask worker's threads) corrupt each other's reads. Every use
# of `_ttfont` holds this lock.
_TT_LOCK = threading.RLock()

# What the caches below are keyed by: a font file's identity, not its name. A long-running process (a thread-pool
# batch, a Dask worker) whose font file is replaced then reads the new file instead of drawing with the old one.
FontKey = tuple[str, int, int]  # path, st_mtime_ns, st_size


def font_key(path: str | os.PathLike[str]) -> FontKey:
    """The path with the file's mtime and size (-1, -1 when it cannot be read: loading then says why)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return str(path), -1, -1
    return str(path), st.st_mtime_ns, st.st_size


def font_dir() -> Path:
    """The bundled fonts: inside the installed package, or the checkout's top-level `fonts/`."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_fonts", here.parent / "fonts"):
        if (candidate / BUNDLED_REGULAR).is_file():
            return candidate
    raise FontError(
        "the bundled fonts are missing",
        hint=f"reinstall comicboard; looked in {here / '_fonts'} and {here.parent / 'fonts'}",
    )


@dataclass(frozen=True, eq=False)
class Face:
    """One font file: which characters it has and how wide they are (in em)."""

    path: str
    gids: dict[int, int]  # code point → glyph index (never 0, .notdef), from the best Unicode cmap
    widths: Sequence[int]  # advance widths (font units) by glyph index, as hmtx gives them (the last repeats)
    units_per_em: int
    ascender: float  # em, positive up
    descender: float  # em, negative
    key: FontKey | None = None  # the file as it was read (font_key): glyph outlines come from the same file

    @cached_property
    def cmap(self) -> dict[int, str]:
        """Code point → glyph name (glyph names here are `glyph` and the index: see `_ttfont_in`)."""
        return {cp: _glyph_name(g) for cp, g in self.gids.items()}

    @cached_property
    def name(self) -> str:
        """The face's full name (name ID 4), or the file's stem."""
        with _TT_LOCK:
            return _ttfont(self._key)["name"].getDebugName(4) or Path(self.path).stem

    def has(self, ch: str) -> bool:
        return ord(ch) in self.gids or ch in _IGNORABLE

    def advance(self, ch: str) -> float:
        """Advance width of `ch` in em (0 for characters the face lacks)."""
        g = self.gids.get(ord(ch))
        if g is None:
            return 0.0
        widths = self.widths
        return (widths[g] if g < len(widths) else widths[-1]) / self.units_per_em

    def ink(self, ch: str) -> tuple[float, float, float, float] | None:
        """The ink box of `ch`'s glyph in em (x from the pen position, y up from the baseline): xmin, ymin,
        xmax, ymax; None for a blank glyph or a character the face lacks. Where a mark sits in its em box
        (low left in GB and JIS fonts, centred in Taiwanese ones) is read from here, not assumed."""
        g = self.gids.get(ord(ch))
        return None if g is None else _glyph_bounds(self._key, g)

    def glyph_ink(self, glyph: str) -> tuple[float, float, float, float] | None:
        """The ink box of a glyph named directly (a vertical form with no code point); see `ink`."""
        return _glyph_bounds(self._key, _glyph_index(glyph))

    def vertical_form(self, ch: str) -> str | None:
        """The character of `ch`'s vertical form (its `vert` substitute, e.g. 。→︒) when the face maps one
        to a code point; None when `ch` stays as it is in vertical text."""
        g = self.gids.get(ord(ch))
        if g is None:
            return None
        sub = _vert_map(self._key).get(_glyph_name(g))
        return _reverse_cmap(self._key).get(sub) if sub else None

    def vertical_glyph(self, ch: str) -> str | None:
        """The name of `ch`'s vertical glyph (`vert`), whether or not it has a code point of its own."""
        g = self.gids.get(ord(ch))
        return None if g is None else _vert_map(self._key).get(_glyph_name(g))

    def draw_glyph(self, glyph: str, pen: object) -> None:
        """Draw a glyph's outline (font units, y up) into a fontTools-style pen."""
        with _TT_LOCK:
            _glyph_set(self._key)[glyph].draw(pen)

    @property
    def _key(self) -> FontKey:
        return self.key or font_key(self.path)


def _glyph_name(gid: int) -> str:
    return f"glyph{gid:05d}"


def _glyph_index(name: str) -> int:
    """The index of a glyph named by `_glyph_name` (-1 for any other name: no such glyph)."""
    return int(name[5:]) if name.startswith("glyph") and name[5:].isdigit() else -1


def _ttfont(key: FontKey):  # noqa: ANN202 - fontTools' TTFont, imported lazily
    """The open font file, read lazily (glyphs on demand). One per process: a lazily read file shares its
    position with any forked worker that inherited it, so a batch worker opens its own. Callers hold
    `_TT_LOCK` while they use it."""
    with _TT_LOCK:
        return _ttfont_in(key, os.getpid())


@lru_cache(maxsize=8)
def _ttfont_in(key: FontKey, pid: int):  # noqa: ANN202, ARG001 - the pid only keys the cache
    from fontTools.ttLib import TTFont

    tt = TTFont(key[0], lazy=True, fontNumber=0)
    # Glyphs are named by their index: the real names live in `post`, whose decoding (tens of thousands of Pascal
    # strings in a CJK face) was a third of loading a face, and nothing here shows a glyph's name. The cmap, hmtx,
    # glyf and GSUB read from this file all name glyphs through this one order, so they agree with each other.
    tt.setGlyphOrder([f"glyph{i:05d}" for i in range(tt["maxp"].numGlyphs)])
    return tt


@lru_cache(maxsize=8)
def _glyph_set_in(key: FontKey, pid: int):  # noqa: ANN202, ARG001 - the pid only keys the cache
    return _ttfont(key).getGlyphSet()  # built once: making one reads hmtx and glyf again (milliseconds each time)


def _glyph_set(key: FontKey):  # noqa: ANN202 - fontTools' glyph set; callers hold _TT_LOCK
    return _glyph_set_in(key, os.getpid())


@lru_cache(maxsize=4096)
def _glyph_bounds(key: FontKey, gid: int) -> tuple[float, float, float, float] | None:
    """The exact ink box of glyph `gid` in em (the curves' extremes, as fontTools' BoundsPen finds them), or None.

    A simple glyph's record is read from `glyf` alone and drawn into the pen: opening the whole table through
    fontTools indexes every glyph of the face first (tenths of a second for a CJK face). The record's own box is
    not used: it bounds the control points, which lie outside the curve in a third of a CJK face's glyphs.
    Composite glyphs (rare in CJK faces) are drawn through fontTools, which resolves their components."""
    from fontTools.pens.boundsPen import BoundsPen

    try:
        record, metrics = _glyph_record(key, gid), _metrics(key)
    except (_Unusual, OSError, ValueError, IndexError, KeyError, struct.error):
        record = metrics = None  # fontTools reads it below, or says what is wrong
    if metrics is not None and (record is None or len(record) < 10):
        return None
    if metrics is not None and struct.unpack(">h", record[:2])[0] > 0:
        from fontTools.ttLib.tables._g_l_y_f import Glyph

        glyph = Glyph(record)
        glyph.expand(_PLAIN_GLYF)
        # fontTools draws a glyph moved by its left side bearing less its xMin (nothing in a well-made font).
        lsb = metrics.lsbs[gid] if gid < len(metrics.lsbs) else 0
        pen = BoundsPen(None)
        glyph.draw(pen, _PLAIN_GLYF, lsb - glyph.xMin)
        upem = metrics.units_per_em
    else:
        with _TT_LOCK:
            tt = _ttfont(key)
            glyphs = _glyph_set(key)
            pen = BoundsPen(glyphs)
            glyphs[_glyph_name(gid)].draw(pen)
            upem = tt["head"].unitsPerEm
    if pen.bounds is None:
        return None
    return tuple(v / upem for v in pen.bounds)  # type: ignore[return-value]


class _PlainGlyf:
    """What a simple glyph's decoding asks of its glyf table: whether cubic-curve flags are allowed (they are not
    in a TrueType font)."""

    extended = False


_PLAIN_GLYF = _PlainGlyf()


def _glyph_record(key: FontKey, gid: int) -> bytes | None:
    """The bytes of glyph `gid`'s record in `glyf`; None when it has none (a blank glyph) or lies outside."""
    table = _glyf_table(key)
    if not 0 <= gid < len(table.loca) - 1:
        return None
    start, end = table.loca[gid], table.loca[gid + 1]
    if not start < end <= table.length or end - start > _GLYF_LIMIT:
        return None
    with open(key[0], "rb") as f:
        f.seek(table.offset + start)
        return f.read(end - start)


@lru_cache(maxsize=8)
def _vert_map(key: FontKey) -> dict[str, str]:
    """Glyph → vertical glyph from the face's `vert` (or `vrt2`) single substitutions."""
    with _TT_LOCK:
        return _read_vert_map(_ttfont(key))


def _read_vert_map(tt) -> dict[str, str]:  # noqa: ANN001 - fontTools' TTFont
    out: dict[str, str] = {}
    if "GSUB" not in tt:
        return out
    gsub = tt["GSUB"].table
    if gsub.FeatureList is None or gsub.LookupList is None:
        return out
    for rec in gsub.FeatureList.FeatureRecord:
        if rec.FeatureTag not in ("vert", "vrt2"):
            continue
        for index in rec.Feature.LookupListIndex:
            lookup = gsub.LookupList.Lookup[index]
            for sub in lookup.SubTable:
                sub = getattr(sub, "ExtSubTable", sub)  # extension lookups wrap the real one
                for src, dst in (getattr(sub, "mapping", None) or {}).items():
                    out.setdefault(src, dst)
    return out


@lru_cache(maxsize=8)
def _reverse_cmap(key: FontKey) -> dict[str, str]:
    """Glyph → the character that maps to it (the lowest code point when several do)."""
    out: dict[str, str] = {}
    for cp, g in sorted(_load_face(key).gids.items(), reverse=True):
        out[_glyph_name(g)] = chr(cp)
    return out


def load_face(path: str) -> Face:
    """The face of a font file, read once per version of the file (see font_key)."""
    return _load_face(font_key(path))


@lru_cache(maxsize=16)
def _load_face(key: FontKey) -> Face:
    path = key[0]
    p = Path(path)
    if not p.is_file():
        raise FontError(f"font file not found: {path}", hint="check the path under fonts: in the spec")
    try:
        m = _metrics(key)
    except (_Unusual, OSError, ValueError, IndexError, KeyError, struct.error):
        m = _metrics_by_fonttools(key)  # says what is wrong with the file in fontTools' words, or reads it after all
    if not m.has_glyf:
        raise FontError(
            f"{p.name} has PostScript (CFF) outlines, which the PDF backend cannot embed as they are",
            hint="name it under fonts: in a spec (by file or family name): loading converts it to TrueType "
                 "for the board's text; in Python, comicboard.fonts.drawable_font(path, 0, text) does the same",
        )
    return Face(str(p), m.gids, m.widths, m.units_per_em, m.ascender, m.descender, key)


# -- metrics read straight from the tables ------------------------------------------------------------------------
# Loading a CJK face through fontTools decoded its whole cmap and hmtx into dicts keyed by glyph name (tens of
# thousands of strings) and its name table through the OpenType table classes: about 0.4 s per face, paid by every
# new process. The few fields a board needs are read here from the raw tables into integer-indexed arrays; a file
# with anything unusual in them (another cmap format, overlapping ranges, a table past the end of the file) is left
# to fontTools, which reads it as before or says what is wrong.

class _Unusual(Exception):
    """A font the direct reader leaves to fontTools."""


@dataclass(frozen=True)
class _Metrics:
    gids: dict[int, int]
    widths: Sequence[int]  # advance by glyph index, for the first numberOfHMetrics glyphs
    lsbs: Sequence[int]  # left side bearing by glyph index, for every glyph
    units_per_em: int
    ascender: float
    descender: float
    has_glyf: bool


# The cmap subtables taken, best first (fontTools' getBestCmap, HarfBuzz's order).
_CMAP_PREFERENCES = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def _big_endian(kind: str, data: bytes) -> array:
    out = array(kind)
    out.frombytes(data)
    if sys.byteorder != "big":
        out.byteswap()
    return out


def _table_directory(f) -> dict[bytes, tuple[int, int]]:  # noqa: ANN001 - a binary file
    """Tag → (offset, length) of a plain sfnt's tables; _Unusual for a collection or a table past the file's end."""
    size = os.fstat(f.fileno()).st_size
    f.seek(0)
    head = f.read(12)
    if len(head) < 12 or head[:4] not in (b"\0\1\0\0", b"true", b"OTTO"):
        raise _Unusual("not a plain sfnt (a collection, or not a font)")
    (num_tables,) = struct.unpack(">H", head[4:6])
    records = f.read(16 * num_tables)
    if len(records) < 16 * num_tables:
        raise _Unusual("table directory cut short")
    tables = {}
    for i in range(0, len(records), 16):
        offset, length = struct.unpack(">II", records[i + 8:i + 16])
        if offset + length > size:
            raise _Unusual("a table lies past the end of the file")
        tables[records[i:i + 4]] = (offset, length)
    return tables


def _read_table(f, tables: dict[bytes, tuple[int, int]], tag: bytes) -> bytes:  # noqa: ANN001 - a binary file
    offset, length = tables[tag]
    f.seek(offset)
    return f.read(length)


@lru_cache(maxsize=16)
def _metrics(key: FontKey) -> _Metrics:
    with open(key[0], "rb") as f:
        tables = _table_directory(f)

        def table(tag: bytes) -> bytes:
            return _read_table(f, tables, tag)

        upem = struct.unpack(">H", table(b"head")[18:20])[0]
        num_glyphs = struct.unpack(">H", table(b"maxp")[4:6])[0]
        hhea = table(b"hhea")
        ascent, descent = struct.unpack(">hh", hhea[4:8])
        (num_metrics,) = struct.unpack(">H", hhea[34:36])
        if not 0 < num_metrics <= num_glyphs or not 16 <= upem <= 16384:
            raise _Unusual("hhea or head out of range")
        asc, desc = ascent / upem, descent / upem
        if b"OS/2" in tables:
            os2 = table(b"OS/2")
            if len(os2) < 72:
                raise _Unusual("short OS/2")
            typo_asc, typo_desc = struct.unpack(">hh", os2[68:72])
            if typo_asc:
                asc, desc = typo_asc / upem, typo_desc / upem
        hmtx = table(b"hmtx")
        if len(hmtx) < 4 * num_metrics + 2 * (num_glyphs - num_metrics):
            raise _Unusual("short hmtx")
        pairs = _big_endian("H", hmtx[:4 * num_metrics])
        widths = pairs[0::2]
        lsbs = _big_endian("h", hmtx[:4 * num_metrics])[1::2]
        lsbs.extend(_big_endian("h", hmtx[4 * num_metrics:4 * num_metrics + 2 * (num_glyphs - num_metrics)]))
        gids = _read_cmap(table(b"cmap"))
    return _Metrics(gids, widths, lsbs, upem, asc, desc, b"glyf" in tables)


def _read_cmap(data: bytes) -> dict[int, int]:
    """Code point → glyph index from the best Unicode subtable (formats 4 and 12; others are _Unusual)."""
    version, count = struct.unpack(">HH", data[:4])
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHL", data[4 + 8 * i:12 + 8 * i])
        subtables.setdefault((platform, encoding), offset)
    for pref in _CMAP_PREFERENCES:
        if pref in subtables:
            offset = subtables[pref]
            break
    else:
        return {}
    (fmt,) = struct.unpack(">H", data[offset:offset + 2])
    if fmt == 12:
        _, length, _, n_groups = struct.unpack(">HLLL", data[offset + 2:offset + 16])
        if length != 16 + 12 * n_groups or offset + length > len(data):
            raise _Unusual("format 12 length")
        groups = _big_endian("I", data[offset + 16:offset + length])
        out: dict[int, int] = {}
        last_end = 0
        for start, end, gid in zip(groups[0::3], groups[1::3], groups[2::3], strict=True):
            if end > 0x10FFFF or start > end or start < last_end:
                raise _Unusual("format 12 groups out of order")
            last_end = end
            if gid == 0:  # .notdef maps nothing: only the group's first code point goes to it
                start, gid = start + 1, 1
            out.update(zip(range(start, end + 1), range(gid, gid + end + 1 - start), strict=True))
        return out
    if fmt == 4:
        (length,) = struct.unpack(">H", data[offset + 2:offset + 4])
        if offset + length > len(data) or length < 16:
            raise _Unusual("format 4 length")
        seg_count = struct.unpack(">H", data[offset + 6:offset + 8])[0] // 2
        codes = _big_endian("H", data[offset + 14:offset + length - (length - 14) % 2])
        ends, starts = codes[:seg_count], codes[seg_count + 1:2 * seg_count + 1]
        deltas, ranges = codes[2 * seg_count + 1:3 * seg_count + 1], codes[3 * seg_count + 1:4 * seg_count + 1]
        indices = codes[4 * seg_count + 1:]
        if len(ranges) < seg_count:
            raise _Unusual("format 4 cut short")
        out = {}
        for i in range(seg_count - 1):  # the last segment is the 0xFFFF sentinel
            start, delta, range_offset = starts[i], deltas[i], ranges[i]
            chars = range(start, ends[i] + 1)
            if range_offset == 0:
                found = ((c, (c + delta) & 0xFFFF) for c in chars)
            else:
                partial = range_offset // 2 - start + i - seg_count
                if chars and not (chars[0] + partial >= 0 and chars[-1] + partial < len(indices)):
                    raise _Unusual("format 4 glyph index out of range")
                found = ((c, (indices[c + partial] + delta) & 0xFFFF if indices[c + partial] else 0) for c in chars)
            out.update((c, g) for c, g in found if g)
        return out
    raise _Unusual(f"cmap format {fmt}")


# -- a font of only the glyphs a document draws, for a PDF writer to embed from -----------------------------------
# reportlab reads a whole TrueType file before it embeds a subset of it: every hmtx and loca entry and the cmap in
# Python, about half a second per CJK face in each new process. Handed a font holding only the glyphs a document
# draws, with every table reportlab copies into its subset (name, OS/2, cvt, fpgm, prep, post's header, hhea, maxp,
# head) as in the file and the same glyph records and metrics, it embeds the same subset, read in milliseconds.

_SUBSET_COPIED = (b"OS/2", b"cvt ", b"fpgm", b"head", b"hhea", b"maxp", b"name", b"post", b"prep")
_NO_SUBSETTING = 0x0300  # OS/2 fsType bits: no subsetting (0x0100), bitmap embedding only (0x0200)


def embedding_subset(path: str | os.PathLike[str], chars: str) -> bytes | None:
    """A TrueType font with `path`'s glyphs for `chars` (and .notdef, ASCII, their components) under their
    code points, its other tables as in the file; None when the file is to be embedded from as it is (a
    collection, tables this reader leaves to fontTools, or a font whose licence bits forbid subsetting)."""
    try:
        return _embedding_subset(font_key(path), "".join(sorted(set(chars))))
    except (_Unusual, OSError, ValueError, IndexError, KeyError, struct.error):
        return None


@lru_cache(maxsize=8)
def _embedding_subset(key: FontKey, chars: str) -> bytes | None:
    m = _metrics(key)
    glyf = _glyf_table(key)
    with open(key[0], "rb") as f:
        tables = _table_directory(f)
        raw = {tag: _read_table(f, tables, tag) for tag in _SUBSET_COPIED if tag in tables}
        if b"OS/2" not in raw or b"glyf" not in tables:
            raise _Unusual("no OS/2 or no glyf")
        (fs_type,) = struct.unpack(">H", raw[b"OS/2"][8:10])
        if fs_type == 0x0002 or fs_type & _NO_SUBSETTING:
            return None  # what a PDF writer may do with it is its own decision, on the whole file
        # reportlab keeps printable ASCII in its first subset whether drawn or not, and draws a no-break space as
        # the space: the font offers them as the file does.
        codes = {ord(c) for c in chars} | set(range(0x20, 0x80)) | {0xA0}
        new = {0: 0}  # old glyph index → new, .notdef first
        cmap = []
        for cp in sorted(codes):
            g = m.gids.get(cp)
            if g is not None:
                cmap.append((cp, new.setdefault(g, len(new))))
        records = []
        order = list(new)
        for g in order:  # grows as composite glyphs bring their components
            start, end = glyf.loca[g], glyf.loca[g + 1]
            if not start <= end <= glyf.length or end - start > _GLYF_LIMIT:
                raise _Unusual("a glyph record outside glyf")
            f.seek(glyf.offset + start)
            record = bytearray(f.read(end - start))
            if len(record) >= 10 and struct.unpack(">h", record[:2])[0] < 0:
                pos, flags = 10, 0x0020
                while flags & 0x0020:  # MORE_COMPONENTS: each component's glyph index, renumbered
                    flags, comp = struct.unpack(">HH", record[pos:pos + 4])
                    if comp not in new:
                        new[comp] = len(new)
                        order.append(comp)
                    struct.pack_into(">H", record, pos + 2, new[comp])
                    pos += 4 + (4 if flags & 0x0001 else 2) + (2 if flags & 0x0008 else 4 if flags & 0x0040 else
                                                               8 if flags & 0x0080 else 0)
            records.append(bytes(record))
    n = len(order)
    out = dict(raw)
    # post keeps its header only (no glyph names); the counts and the loca format follow the new glyph list.
    out[b"post"] = b"\0\3\0\0" + raw[b"post"][4:32]
    out[b"maxp"] = raw[b"maxp"][:4] + struct.pack(">H", n) + raw[b"maxp"][6:]
    out[b"hhea"] = raw[b"hhea"][:34] + struct.pack(">H", n) + raw[b"hhea"][36:]
    out[b"head"] = raw[b"head"][:50] + struct.pack(">h", 1) + raw[b"head"][52:]
    widths, lsbs = m.widths, m.lsbs
    out[b"hmtx"] = b"".join(struct.pack(">Hh", widths[g] if g < len(widths) else widths[-1], lsbs[g]) for g in order)
    offsets = [0]
    for record in records:
        offsets.append(offsets[-1] + len(record))
    out[b"glyf"] = b"".join(records)
    out[b"loca"] = struct.pack(f">{n + 1}I", *offsets)
    out[b"cmap"] = (struct.pack(">HHHHI", 0, 1, 3, 10, 12)
                    + struct.pack(">HHIII", 12, 0, 16 + 12 * len(cmap), 0, len(cmap))
                    + b"".join(struct.pack(">III", cp, cp, g) for cp, g in cmap))
    return _sfnt(out)


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    """A TrueType file of `tables` (tag → bytes), each padded to four bytes, with checksums."""
    tags = sorted(tables)
    n = len(tags)
    power = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, n, power * 16, power.bit_length() - 1, n * 16 - power * 16)
    offset = 12 + 16 * n
    directory, bodies = [], []
    for tag in tags:
        data = tables[tag]
        padded = data + b"\0" * (-len(data) % 4)
        directory.append(struct.pack(">4sIII", tag, sum(_big_endian("I", padded)) & 0xFFFFFFFF, offset, len(data)))
        bodies.append(padded)
        offset += len(padded)
    return header + b"".join(directory) + b"".join(bodies)


def _metrics_by_fonttools(key: FontKey) -> _Metrics:
    from fontTools.ttLib import TTLibError

    path = key[0]
    try:
        with _TT_LOCK:
            tt = _ttfont(key)  # the same open file that outlines and `vert` forms are read from later
            ids = {_glyph_name(i): i for i in range(len(tt.getGlyphOrder()))}
            gids = {cp: ids[g] for cp, g in (tt.getBestCmap() or {}).items()}
            hmtx = tt["hmtx"].metrics
            widths = [hmtx[g][0] for g in tt.getGlyphOrder()]
            lsbs = [hmtx[g][1] for g in tt.getGlyphOrder()]
            upem = tt["head"].unitsPerEm
            os2 = tt.get("OS/2", None)
            if os2 is not None and os2.sTypoAscender:
                asc, desc = os2.sTypoAscender / upem, os2.sTypoDescender / upem
            else:
                asc, desc = tt["hhea"].ascent / upem, tt["hhea"].descent / upem
            tt["name"].getDebugName(4)  # a damaged name table is a damaged font
            return _Metrics(gids, widths, lsbs, upem, asc, desc, "glyf" in tt)
    except (TTLibError, KeyError, ValueError, IndexError, AssertionError, EOFError, OSError, struct.error) as exc:
        # A damaged or truncated file fails deep inside fontTools in many ways; all mean "not a usable font".
        raise FontError(f"cannot read font {path}: {exc.__class__.__name__} {exc}",
                        hint="give a complete .ttf TrueType font file (it may be damaged or cut short)") from None


class FontSet:
    """The faces a board uses, by role ('regular', 'bold'), each a chain: main face, then fallbacks."""

    def __init__(self, regular: str | Path | None = None, bold: str | Path | None = None,
                 fallback: tuple[str | Path, ...] = ()) -> None:
        if regular is None:
            regular = font_dir() / BUNDLED_REGULAR
        if bold is None:
            bold = font_dir() / BUNDLED_BOLD if regular == font_dir() / BUNDLED_REGULAR else regular
        # The regular face and the fallbacks are read now (a missing or damaged file is refused at once); the bold
        # face when a role first asks for it: a board that sets nothing in bold never reads its 15 MB.
        self._files = {"regular": str(regular), "bold": str(bold)}
        self._fallback = [load_face(str(f)) for f in fallback]
        self._chains: dict[str, list[Face]] = {"regular": [load_face(str(regular)), *self._fallback]}
        self._pick: dict[tuple[str, str], Face | None] = {}

    def chain(self, role: str = "regular") -> list[Face]:
        """The faces tried in order for `role`: its main face, then the fallbacks."""
        faces = self._chains.get(role)
        if faces is None:
            faces = self._chains[role] = [load_face(self._files[role]), *self._fallback]
        return faces

    def face_for(self, ch: str, role: str = "regular") -> Face | None:
        key = (ch, role)
        if key not in self._pick:
            self._pick[key] = next((f for f in self.chain(role) if f.has(ch)), None)
        return self._pick[key]

    def main(self, role: str = "regular") -> Face:
        return self.chain(role)[0]

    def advance(self, ch: str, role: str = "regular") -> float:
        f = self.face_for(ch, role)
        return f.advance(ch) if f else 0.0

    def width(self, text: str, role: str = "regular") -> float:
        """Width of `text` in em (sum of advances; CJK faces carry no kerning worth applying here)."""
        return sum(self.advance(ch, role) for ch in text)

    def runs(self, text: str, role: str = "regular") -> list[tuple[Face, str]]:
        """Split `text` into maximal runs drawn from one face of the chain."""
        out: list[tuple[Face, str]] = []
        for ch in text:
            f = self.face_for(ch, role) or self.main(role)
            if out and out[-1][0] is f:
                out[-1] = (f, out[-1][1] + ch)
            else:
                out.append((f, ch))
        return out

    def missing(self, text: str, role: str = "regular") -> list[str]:
        """Characters of `text` that no face of the chain has, in order of first appearance."""
        seen: dict[str, None] = {}
        for ch in text:
            if ch not in seen and self.face_for(ch, role) is None and not ch.isspace():
                seen[ch] = None
        return list(seen)


def describe_char(ch: str) -> str:
    """'U+1F600 GRINNING FACE' style label for messages."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        name = "unnamed"
    return f"{ch!r} U+{ord(ch):04X} {name}"


@lru_cache(maxsize=8)
def _fontset_cached(regular: str | None, bold: str | None, fallback: tuple[str, ...],
                    keys: tuple[FontKey, ...]) -> FontSet:  # noqa: ARG001 - the keys only key the cache
    return FontSet(regular, bold, fallback)


def fontset_for(choice: object) -> FontSet:
    """The FontSet for a board's `FontChoice` (cached while its files stay the same: boards in a batch share
    loaded faces)."""
    regular = getattr(choice, "regular", None)
    bold = getattr(choice, "bold", None)
    fallback = tuple(str(f) for f in getattr(choice, "fallback", ()))
    files = (regular or font_dir() / BUNDLED_REGULAR, bold or font_dir() / BUNDLED_BOLD, *fallback)
    return _fontset_cached(str(regular) if regular else None, str(bold) if bold else None, fallback,
                           tuple(font_key(f) for f in files))


def coverage_problems(texts: list[tuple[str, str]], fontset: FontSet, role: str = "regular") -> dict[str, list[str]]:
    """Characters no face of the chain has → the places (labels) where each occurs, in order."""
    found: dict[str, list[str]] = {}
    for where, text in texts:
        for ch in fontset.missing(text, role):
            found.setdefault(ch, [])
            if where not in found[ch]:
                found[ch].append(where)
    return found


def check_outlines(texts: list[tuple[str, str]], fontset: FontSet, source: str | None = None) -> None:
    """Raise FontError when a face that would draw a visible character draws nothing for it, or cannot read its
    outline: a font whose outlines are damaged would print a board without text. Reads each glyph's record in the
    `glyf` table (see `_outline_problem`), once per version of the font file."""
    blank: dict[str, list[str]] = {}  # face path → characters drawn as nothing
    todo: dict[tuple[Face, str], None] = {}
    for _, text in texts:
        for ch in text:
            if unicodedata.category(ch)[0] not in "LNS":  # letters, digits, symbols always leave ink
                continue
            for role in ("regular", "bold"):
                face = fontset.face_for(ch, role)
                if face is not None:
                    todo[face, ch] = None
    by_face: dict[Face, list[str]] = {}
    for face, ch in todo:
        by_face.setdefault(face, []).append(ch)
    for face, chars in by_face.items():
        for ch, problem in zip(chars, _outline_problems(face, chars), strict=True):
            if problem == "blank":
                blank.setdefault(face.path, []).append(ch)
            elif problem is not None:
                raise FontError(f"font {face.path} is damaged: the outline of {describe_char(ch)} cannot be "
                                f"read ({problem})", file=source, hint="give a complete, undamaged .ttf font file")
    for path, chars in blank.items():
        shown = ", ".join(describe_char(c) for c in chars[:5]) + (f" and {len(chars) - 5} more" if len(chars) > 5
                                                                  else "")
        raise FontError(f"font {path} draws nothing for {shown}: its outlines are empty or damaged", file=source,
                        hint="give a complete, undamaged .ttf font file; the board would print without this text")


# -- whether a glyph draws: its record in `glyf`, read directly --------------------------------------------------
# Drawing every glyph of a board through a fontTools pen to see it leaves ink took seconds for a large board (a
# thousand CJK glyphs of hundreds of points each). A glyph's record says as much: a blank or zeroed record has no
# contours or no extent; a damaged one points outside the table, or its contour ends, instructions and point data
# do not fit in it. Only the bytes of the glyphs asked about are read, and each verdict is kept per file version.

_GLYF_LIMIT = 64 * 1024  # bytes of one glyph record: far above any real glyph (they are a few hundred bytes)
_COMPONENT_DEPTH = 8  # composite glyphs nest a level or two; deeper (or a cycle) is damage


@dataclass(frozen=True)
class _GlyfTable:
    """Where a TrueType font's glyph records are: the `glyf` table's place and each glyph's offset (loca)."""

    offset: int
    length: int
    loca: tuple[int, ...]  # numGlyphs + 1 offsets into glyf
    verdicts: dict[int, str | None]  # glyph index → None (draws), "blank" or what is damaged; filled as asked


@lru_cache(maxsize=8)
def _glyf_table(key: FontKey) -> _GlyfTable:
    with open(key[0], "rb") as f:
        head = f.read(12)
        base = 0
        if head[:4] == b"ttcf":  # a collection: its first face, as everywhere else (fontNumber=0)
            f.seek(12)
            base = struct.unpack(">I", f.read(4))[0]
            f.seek(base)
            head = f.read(12)
        (num_tables,) = struct.unpack(">H", head[4:6])
        records = f.read(16 * num_tables)
        tables = {records[i:i + 4]: struct.unpack(">II", records[i + 8:i + 16]) for i in range(0, len(records), 16)}

        def table(tag: bytes, size: int | None = None) -> bytes:
            offset, length = tables[tag]
            f.seek(offset)
            data = f.read(length if size is None else size)
            if len(data) < (length if size is None else size):
                raise ValueError(f"the {tag.decode()} table is cut short")
            return data

        long_loca = struct.unpack(">h", table(b"head", 54)[50:52])[0] == 1
        (num_glyphs,) = struct.unpack(">H", table(b"maxp", 6)[4:6])
        loca = array("I" if long_loca else "H")
        if loca.itemsize != (4 if long_loca else 2):
            raise ValueError("no unsigned integer array of the loca entry's size")
        data = table(b"loca")
        loca.frombytes(data[: (num_glyphs + 1) * loca.itemsize])
        if len(loca) < num_glyphs + 1:
            raise ValueError("the loca table is shorter than the glyph count")
        if struct.pack("=H", 1) != struct.pack(">H", 1):
            loca.byteswap()
        offsets = tuple(loca) if long_loca else tuple(2 * v for v in loca)
        glyf_offset, glyf_length = tables[b"glyf"]
    return _GlyfTable(glyf_offset, glyf_length, offsets, {})


_VERDICT_LOCK = threading.Lock()


def _outline_problems(face: Face, chars: list[str]) -> list[str | None]:
    """For each character of `face`: None when its glyph draws, "blank" when it draws nothing, else what is
    damaged."""
    key = face._key
    try:
        table = _glyf_table(key)
    except (OSError, KeyError, ValueError, IndexError, struct.error) as exc:
        return [f"its glyph table cannot be read: {type(exc).__name__} {exc}"] * len(chars)
    gids = [face.gids.get(ord(ch), -1) for ch in chars]
    with _VERDICT_LOCK:
        todo = sorted({g for g in gids if g not in table.verdicts})
        if todo:
            try:
                with open(key[0], "rb") as f:
                    for gid in todo:
                        table.verdicts[gid] = _glyph_problem(f, table, gid, 0)
            except OSError as exc:
                return [f"the file cannot be read: {exc.strerror or exc}"] * len(chars)
        return [table.verdicts[g] for g in gids]


def _glyph_problem(f, table: _GlyfTable, gid: int, depth: int) -> str | None:  # noqa: ANN001 - a binary file
    """None when glyph `gid` draws ink, "blank" when it draws nothing, else what is damaged in its record."""
    if not 0 <= gid < len(table.loca) - 1:
        return f"glyph {gid} is not in the font"
    start, end = table.loca[gid], table.loca[gid + 1]
    if end == start:
        return "blank"
    if end < start or end > table.length or end - start > _GLYF_LIMIT:
        return f"glyph {gid}'s record lies outside the glyph table"
    if end - start < 10:
        return f"glyph {gid}'s record is cut short"
    f.seek(table.offset + start)
    data = f.read(end - start)
    if len(data) < end - start:
        return "the file is cut short"
    contours, x_min, y_min, x_max, y_max = struct.unpack(">hhhhh", data[:10])
    if contours == 0 or x_max <= x_min or y_max <= y_min:
        return "blank"  # no outline, or one with no area
    if contours > 0:  # a simple glyph: contour ends, instructions, then flags and coordinates
        if len(data) < 12 + 2 * contours:
            return f"glyph {gid}'s contours are cut short"
        ends = struct.unpack(f">{contours}H", data[10:10 + 2 * contours])
        if any(b <= a for a, b in zip(ends, ends[1:], strict=False)):
            return f"glyph {gid}'s contours are damaged"
        (instructions,) = struct.unpack(">H", data[10 + 2 * contours:12 + 2 * contours])
        return _points_problem(data, 12 + 2 * contours + instructions, ends[-1] + 1, gid)
    if contours != -1:
        return f"glyph {gid}'s record is damaged (contour count {contours})"
    if depth >= _COMPONENT_DEPTH:
        return f"glyph {gid}'s components nest too deep"
    pos, outcome = 10, "blank"
    while True:  # a composite glyph: it draws when a component does
        if pos + 4 > len(data):
            return f"glyph {gid}'s components are cut short"
        flags, component = struct.unpack(">HH", data[pos:pos + 4])
        pos += 4 + (4 if flags & 0x0001 else 2) + (2 if flags & 0x0008 else 4 if flags & 0x0040 else
                                                   8 if flags & 0x0080 else 0)
        here = f.tell()
        problem = _glyph_problem(f, table, component, depth + 1)
        f.seek(here)
        if problem is None:
            outcome = None
        elif problem != "blank":
            return problem
        if not flags & 0x0020:  # MORE_COMPONENTS
            return outcome


def _points_problem(data: bytes, pos: int, points: int, gid: int) -> str | None:
    """None when a simple glyph's flags and coordinates for `points` points, from `pos`, fit in its record."""
    coords, seen = 0, 0
    while seen < points:  # flags, each for one point or repeated; they say how many bytes x and y take
        if pos >= len(data):
            return f"glyph {gid}'s points are cut short"
        flag = data[pos]
        pos += 1
        count = 1
        if flag & 0x08:  # REPEAT_FLAG: the next byte says how many more points share it
            if pos >= len(data):
                return f"glyph {gid}'s points are cut short"
            count += data[pos]
            pos += 1
        x = 1 if flag & 0x02 else 0 if flag & 0x10 else 2  # short vector, same as before, or a word
        y = 1 if flag & 0x04 else 0 if flag & 0x20 else 2
        coords += count * (x + y)
        seen += count
    if seen > points or pos + coords > len(data):
        return f"glyph {gid}'s points are cut short" if seen == points else f"glyph {gid}'s flags are damaged"
    return None


def check_coverage(texts: list[tuple[str, str]], fontset: FontSet, source: str | None = None) -> None:
    """Raise FontError listing every missing character and where it occurs; never draw tofu."""
    missing = coverage_problems(texts, fontset, "regular")
    for ch, places in coverage_problems(texts, fontset, "bold").items():
        missing.setdefault(ch, places)
    if not missing:
        check_outlines(texts, fontset, source)
        return
    parts = []
    for ch, places in list(missing.items())[:20]:
        more = f" and {len(places) - 3} more" if len(places) > 3 else ""
        parts.append(f"{describe_char(ch)} in {'; '.join(places[:3])}{more}")
    extra = f"\n  … and {len(missing) - 20} more characters" if len(missing) > 20 else ""
    raise FontError(
        f"{len(missing)} character(s) are in no font of the board:\n  " + "\n  ".join(parts) + extra,
        file=source,
        hint="replace or remove these characters, or name a font that has them under fonts: fallback: [...]",
    )


# -- fonts by family name, and faces the backends cannot draw as they are (CFF outlines, collections) ----------

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
# Where fonts usually live when fontconfig is not there to ask (macOS, Windows, a bare container).
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts", "/Library/Fonts",
                "/System/Library/Fonts", "~/Library/Fonts", "%WINDIR%/Fonts", "%LOCALAPPDATA%/Microsoft/Windows/Fonts")
# fontconfig's language tags for a board's languages (`fc-list :lang=…` lists the families that cover one).
FC_LANGS = {"zh-Hans": "zh-cn", "zh-Hant": "zh-tw", "ja": "ja", "ko": "ko"}


@dataclass(frozen=True)
class InstalledFont:
    """One face of an installed font file: its family and style names, the file and the face's index in it."""

    family: str
    style: str
    path: str
    index: int = 0


def looks_like_file(value: str) -> bool:
    """A `fonts:` value naming a file (a font suffix or a folder in it) rather than a family ('Noto Sans CJK SC')."""
    return value.lower().endswith(FONT_SUFFIXES) or "/" in value or "\\" in value


def _norm(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").replace("_", " ").split())


def _fc(*args: str) -> str | None:
    """fontconfig's answer, or None where fontconfig is not installed."""
    import shutil
    import subprocess

    exe = shutil.which(args[0])
    if exe is None:
        return None
    try:
        return subprocess.run([exe, *args[1:]], capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _scan_folders() -> list[InstalledFont]:
    """Every face in the usual font folders, read from the fonts' name tables (when fontconfig is missing)."""
    from fontTools.ttLib import TTCollection, TTFont

    out = []
    for folder in FONT_FOLDERS:
        root = Path(os.path.expandvars(os.path.expanduser(folder)))
        if "%" in str(root) or not root.is_dir():
            continue
        for file in sorted(root.rglob("*")):
            if not file.name.lower().endswith(FONT_SUFFIXES):
                continue
            try:
                faces = (TTCollection(str(file), lazy=True).fonts if file.name.lower().endswith((".ttc", ".otc"))
                         else [TTFont(str(file), lazy=True)])
                for i, tt in enumerate(faces):
                    name = tt["name"]
                    family = name.getBestFamilyName() or file.stem
                    style = name.getBestSubFamilyName() or "Regular"
                    out.append(InstalledFont(family, style, str(file), i))
            except Exception:  # noqa: BLE001 - a damaged font in a system folder is not the user's problem here
                continue
    return out


@lru_cache(maxsize=8)
def installed_fonts(lang: str | None = None) -> tuple[InstalledFont, ...]:
    """The installed faces (TrueType or CFF outlines), through fontconfig where present, else the usual folders;
    with `lang`, only the families fontconfig says cover that language."""
    query = [":lang=" + FC_LANGS[lang]] if lang in FC_LANGS else []
    listing = _fc("fc-list", "--format", "%{family[0]}\t%{style[0]}\t%{file}\t%{index}\t%{fontformat}\n", *query)
    if listing is None:
        return tuple(sorted(_scan_folders(), key=lambda f: (f.family, f.style, f.path, f.index)))
    out = set()
    for row in listing.splitlines():
        parts = row.split("\t")
        if len(parts) == 5 and parts[4] in ("TrueType", "CFF") and parts[2].lower().endswith(FONT_SUFFIXES):
            out.add(InstalledFont(parts[0], parts[1], parts[2], int(parts[3] or 0)))
    return tuple(sorted(out, key=lambda f: (f.family, f.style, f.path, f.index)))


def find_family(name: str, bold: bool = False) -> InstalledFont | None:
    """The installed face of family `name` (Regular, or Bold when `bold` and the family has one), or None."""
    want = _norm(name)
    answer = _fc("fc-match", "--format", "%{family}\t%{style[0]}\t%{file}\t%{index}\n",
                 f"{name}:weight={'bold' if bold else 'regular'}")
    if answer is not None:
        family, _, rest = answer.partition("\t")
        style, path, index = (rest.rstrip("\n").split("\t") + ["", "", "0"])[:3]
        # fc-match always answers (its default font when nothing matches): the family must be the one asked for.
        names = [f for f in family.split(",") if f]
        if any(_norm(f) == want for f in names) and path:
            return InstalledFont(names[0], style, path, int(index or 0))
        return None
    faces = [f for f in installed_fonts() if _norm(f.family) == want]
    weight = ("bold",) if bold else ("regular", "book", "normal", "medium")
    return next((f for f in faces if _norm(f.style) in weight), faces[0] if faces else None)


def family_suggestions(name: str, n: int = 3) -> list[str]:
    """Installed family names close to `name`, for a 'did you mean'."""
    import difflib

    families = sorted({f.family for f in installed_fonts()})
    by_norm = {_norm(f): f for f in families}
    close = difflib.get_close_matches(_norm(name), list(by_norm), n=n, cutoff=0.5)
    contains = [f for k, f in by_norm.items() if _norm(name) in k and f not in close]
    return [by_norm[c] for c in close] + contains[: max(0, n - len(close))]


def board_chars(texts: list[tuple[str, str]], lang: str) -> str:
    """Every character a board may draw: its texts, the words layout adds in its language, ASCII and digits."""
    from .pagelayout.labels import labels
    from .pagelayout.phone import INDEX_LABELS

    extra = ("".join(labels(lang).values()) + INDEX_LABELS.get(lang, "") + "".join(map(chr, range(0x20, 0x7F)))
             + "０１２３４５６７８９…·–—×")
    return "".join(sorted({*extra, *(ch for _, t in texts for ch in t)} - _IGNORABLE))


def drawable_font(path: str | Path, index: int, chars: str) -> Path:
    """A font file every backend can draw `chars` from: the file itself when it is a plain TrueType font, else a
    cached TrueType subset (CFF outlines converted, a collection's face taken out; see fontconvert)."""
    from .fontconvert import drawable_subset

    path = str(path)
    try:
        with open(path, "rb") as f:
            tag = f.read(4)
        if tag not in (b"ttcf", b"OTTO"):  # TrueType outlines (or not a font: loading it says so, as before)
            return Path(path)
        return Path(drawable_subset(path, index, chars))
    except FontError:
        raise
    except Exception as exc:  # noqa: BLE001 - fontTools fails in many ways on a damaged file
        raise FontError(f"cannot read font {path}: {exc.__class__.__name__} {exc}",
                        hint="give a complete TrueType or OpenType font file (it may be damaged or cut short)"
                        ) from None


def face_coverage(font: InstalledFont, chars: str) -> list[str]:
    """The characters of `chars` that the face lacks."""
    from fontTools.ttLib import TTFont

    tt = TTFont(font.path, fontNumber=font.index, lazy=True)
    cmap = tt.getBestCmap() or {}
    return [c for c in dict.fromkeys(chars) if ord(c) not in cmap and not c.isspace() and c not in _IGNORABLE]


def list_fonts(texts: list[tuple[str, str]] | None = None, lang: str | None = None) -> list[dict]:
    """What `comicboard fonts` shows: each installed family (and the bundled one) with its styles and outlines;
    given a board's texts, only families for its language, each with the characters its regular face lacks."""
    families: dict[str, list[InstalledFont]] = {}
    for f in installed_fonts(lang if texts is not None else None):
        families.setdefault(f.family, []).append(f)
    bundled = InstalledFont("LXGW WenKai (bundled)", "Regular", str(font_dir() / BUNDLED_REGULAR))
    rows = []
    chars = "".join(dict.fromkeys(ch for _, t in texts or [] for ch in t))
    for family, faces in [(bundled.family, [bundled]), *sorted(families.items())]:
        regular = next((f for f in faces if _norm(f.style) in ("regular", "book", "normal")), faces[0])
        row = {"family": family, "styles": sorted({f.style for f in faces}), "file": regular.path,
               "index": regular.index, "outlines": _outlines(regular)}
        if texts is not None:
            try:
                row["missing"] = "".join(face_coverage(regular, chars))
            except Exception:  # noqa: BLE001 - an unreadable system font: listed as lacking everything
                row["missing"] = chars
        rows.append(row)
    if texts is not None:
        rows.sort(key=lambda r: (len(r["missing"]), r["family"]))
    return rows


def _outlines(font: InstalledFont) -> str:
    with open(font.path, "rb") as f:
        head = f.read(4)
    if head == b"OTTO" or (head == b"ttcf" and font.path.lower().endswith(".otc")):
        return "CFF"
    if head == b"ttcf":
        from fontTools.ttLib import TTFont

        return "CFF" if "CFF " in TTFont(font.path, fontNumber=font.index, lazy=True) else "TrueType"
    return "TrueType"
