"""Make any OpenType face drawable by every backend: CFF (PostScript) outlines become TrueType, and a face of a
collection (.ttc/.otc) becomes a file of its own; the result is cached on disk, keyed by the source file's identity.

The PDF backend embeds TrueType outlines only, so Noto Sans CJK or Source Han (CFF, shipped as collections) are
subset to a board's characters and converted with fontTools (cubic → quadratic curves by cu2qu, within 1 font
unit, fontTools' otf2ttf approach). Under the SIL Open Font License the converted file is a local derivative
for this user's own boards: it lives in the user's cache folder, is never shipped, and keeps the font's name and
licence tables as they are.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

CONVERTER_VERSION = "1"  # bump when the conversion changes: old cache entries are then ignored
MAX_ERR_UNITS = 1.0  # how far a quadratic curve may stray from the cubic it replaces, in font units


def cache_dir() -> Path:
    """$COMICBOARD_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache)/comicboard/fonts."""
    if env := os.environ.get("COMICBOARD_CACHE_DIR"):
        return Path(env) / "fonts"
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "comicboard" / "fonts"


def needs_conversion(tt) -> bool:  # noqa: ANN001 - fontTools' TTFont
    """True for a face the backends cannot draw as it is: CFF outlines."""
    return "glyf" not in tt and ("CFF " in tt or "CFF2" in tt)


def cached_path(path: str, index: int, st: os.stat_result, chars: str) -> Path:
    """Where the drawable subset of `path` (face `index`) for `chars` lives: named by the file's identity, the
    characters and the converter, so a changed font file or a new character makes a new entry."""
    ident = f"{os.path.realpath(path)}\0{st.st_mtime_ns}\0{st.st_size}\0{index}\0{CONVERTER_VERSION}\0{chars}"
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return cache_dir() / f"{Path(path).stem}-{index}-{digest}.ttf"


def drawable_subset(path: str, index: int, chars: str) -> str:
    """A TrueType-outline file holding face `index` of `path` for the characters `chars` (and their vertical
    forms): the cached subset, made now if missing and written whole or not at all.

    Only what a board shows is converted: a CJK face has 65,000 glyphs (minutes to convert), a board a few
    hundred (seconds); characters outside `chars` are missing from the subset, so coverage checks catch them.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    st = os.stat(path)
    chars = "".join(sorted(set(chars)))
    target = cached_path(path, index, st, chars)
    if target.is_file():
        return str(target)
    tt = TTFont(path, fontNumber=index, lazy=True, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["vert", "vrt2"]  # the only substitutions layout applies (vertical forms)
    options.name_IDs, options.name_languages, options.name_legacy = ["*"], ["*"], True  # names and licence kept
    options.notdef_outline, options.glyph_names, options.hinting = True, True, False
    options.drop_tables = ["DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(tt)
    if needs_conversion(tt):
        otf_to_ttf(tt)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        tt.save(tmp, reorderTables=True)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return str(target)


def otf_to_ttf(tt) -> None:  # noqa: ANN001 - fontTools' TTFont, changed in place
    """Replace a face's CFF outlines by TrueType ones (after fontTools' Snippets/otf2ttf.py)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = tt.getGlyphOrder()
    glyph_set = tt.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # PostScript contours run counter-clockwise, TrueType clockwise: reverse them while converting.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR_UNITS, reverse_direction=True))
        glyphs[name] = pen.glyph()
    tt["loca"] = newTable("loca")
    tt["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in tt:
            del tt[tag]
    glyf.compile(tt)
    hmtx = tt["hmtx"]
    for name, glyph in glyphs.items():  # a glyph's left side bearing is its xMin in TrueType
        advance = hmtx.metrics[name][0]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))
    tt["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.compile(tt)
    post = tt["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    try:
        post.compile(tt)
    except OverflowError:  # too many glyph names for a format 2 table (65,535 glyphs): drop the names
        post.formatType = 3.0
    tt.sfntVersion = "\x00\x01\x00\x00"
