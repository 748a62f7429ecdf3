"""Subset a TrueType font to the characters a page shows, as WOFF bytes for an SVG's @font-face.

The subset is built glyph by glyph from the already open font (fonts._ttfont) with fontTools' FontBuilder:
a few hundred glyphs of a 15 MB CJK face take tens of milliseconds this way, where fontTools.subset reads
and prunes the whole file's tables for seconds; the preview re-subsets on every edit. Only cmap glyphs are
kept, with no layout tables and no hinting: renderers place every glyph themselves, so the browser must not
substitute or kern (the PNG draws cmap glyphs too). A font with CFF outlines goes through fontTools.subset.
Same characters, same bytes: no timestamps are set from the clock.
"""

from __future__ import annotations

import io
from functools import lru_cache

from ..errors import RenderError
from ..fonts import _TT_LOCK, FontKey, _ttfont, font_key


def woff_subset(path: str, chars: str) -> bytes:
    """A WOFF font holding `path`'s glyphs for `chars` (characters the face lacks are left out)."""
    return _subset(font_key(path), "".join(sorted(set(chars))))


@lru_cache(maxsize=512)  # a few dozen slices per font (svg.CHUNK), for a few fonts
def _subset(key: FontKey, chars: str) -> bytes:
    with _TT_LOCK:
        try:
            tt = _ttfont(key)
            if "glyf" not in tt:
                return _subset_cff(key[0], chars)
            return _build(tt, chars)
        except (OSError, KeyError, ValueError, AssertionError) as exc:
            raise RenderError(f"cannot subset font {key[0]} for SVG: {exc}",
                              hint="is the font file still there, and a TrueType or OpenType font?") from exc


def _build(tt, chars: str) -> bytes:  # noqa: ANN001 - fontTools' TTFont
    from fontTools.fontBuilder import FontBuilder
    from fontTools.ttLib.tables import ttProgram

    cmap = tt.getBestCmap()
    glyf, hmtx = tt["glyf"], tt["hmtx"]
    mapping = {ord(c): cmap[ord(c)] for c in chars if ord(c) in cmap}
    order = [tt.getGlyphOrder()[0]]  # .notdef first
    todo = list(dict.fromkeys(mapping.values()))
    while todo:  # composite glyphs bring their components
        name = todo.pop(0)
        if name in order:
            continue
        order.append(name)
        glyph = glyf[name]
        if glyph.isComposite():
            todo.extend(glyph.getComponentNames(glyf))
    glyphs = {}
    for name in order:
        glyph = glyf[name]
        glyph.expand(glyf)
        if hasattr(glyph, "program"):  # no hinting: it only matters at small pixel sizes on old rasterisers
            glyph = _copy(glyph)
            glyph.program = ttProgram.Program()
            glyph.program.fromBytecode(b"")
        glyphs[name] = glyph
    head, hhea, os2 = tt["head"], tt["hhea"], tt["OS/2"]
    fb = FontBuilder(head.unitsPerEm, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(mapping)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({name: hmtx[name] for name in order})
    fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    family = f"cb-{tt['name'].getDebugName(6) or 'font'}"
    fb.setupNameTable({"familyName": family, "styleName": "Regular"}, mac=False)
    fb.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent, usWinDescent=os2.usWinDescent,
                fsType=0)
    fb.setupPost(keepGlyphNames=False)
    fb.updateHead(created=head.created, modified=head.modified, fontRevision=head.fontRevision)
    out = io.BytesIO()
    fb.font.flavor = "woff"
    fb.font.save(out)
    return out.getvalue()


def _copy(glyph):  # noqa: ANN001, ANN202 - a glyf Glyph; the open font's own object must stay as it is
    import copy

    return copy.copy(glyph)


def _subset_cff(path: str, chars: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.flavor = "woff"
    options.name_IDs = [1, 2]
    font = TTFont(path, lazy=True, recalcTimestamp=False, fontNumber=0)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
