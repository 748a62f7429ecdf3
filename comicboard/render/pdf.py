"""Write a display list as a print-ready PDF with reportlab: CMYK, trim/bleed boxes, subset-embedded TTFs.

By default the file is finished as PDF/X-4 (pdfx="1a" for PDF/X-1a:2003, pdfx=None for a plain PDF) by pdfx.py;
`marks=True` widens the media box and draws crop marks in registration colour outside the bleed.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path as FilePath
from typing import TYPE_CHECKING

from reportlab import rl_config
from reportlab.lib.colors import CMYKColorSep
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from ..color import Color
from ..display import DisplayList, GlyphRun, Image, Page, Path
from ..errors import RenderError

if TYPE_CHECKING:
    from .pdfx import DocInfo

_PDF_LANG = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}  # BCP 47 tags readers and screen readers expect


MARKS_PT = 6 * 72 / 25.4  # crop marks: room beyond the bleed, and the length of each mark
_REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")  # prints on every plate: /Separation /All
# reportlab keeps process-wide state: the font registry and rl_config.useA85, which a save switches off for
# its duration. Threads rendering at once (a ThreadPoolExecutor batch) take this lock for both, so a save
# never sees another's setting (the same board gives the same bytes) and a face is registered once.
RL_LOCK = threading.RLock()


def write(dl: DisplayList, paths: list[FilePath], *, pdfx: str | None = "4", marks: bool = False,
          tile: str | None = None, tile_overlap_mm: float | None = None, **_: object) -> None:
    """Backend entry point: the whole display list goes to paths[0] (dpi does not apply to PDF).

    `tile="A4"` (or A3, …) writes office-printer sheets instead: see tile.py (one trim box per sheet, finished
    as `pdfx` asks like the board itself).
    """
    pdfx = pdfx_version(pdfx)
    if tile is not None:
        from .tile import write_tiles

        if marks:
            raise RenderError("crop marks do not apply to tiled sheets", hint="drop --marks; the sheets carry "
                              "their own cut and alignment marks")
        write_tiles(dl, paths[0], sheet=tile, overlap_mm=10.0 if tile_overlap_mm is None else tile_overlap_mm,
                    pdfx=pdfx)
        return
    if tile_overlap_mm is not None:
        raise RenderError("a tile overlap needs tiling", hint="add --tile A4 (tile='A4'), or drop the overlap")
    render_pdf(dl, paths[0], pdfx=pdfx, marks=marks)


def pdfx_version(pdfx: str | None) -> str | None:
    """The PDF/X version asked for ("4", "1a"; "x-4", "X1a" and the like too), or None for a plain PDF."""
    pdfx = None if pdfx in (None, "", "none") else str(pdfx).lower().removeprefix("x").removeprefix("-")
    if pdfx is not None:
        from .pdfx import VERSIONS

        if pdfx not in VERSIONS:
            raise RenderError(f"unknown PDF/X version {pdfx!r}", expected="'4' (default), '1a' or None")
    return pdfx


def render_pdf(dl: DisplayList, path: str | FilePath | io.BytesIO, *, pdfx: str | None = "4",
               marks: bool = False, overprint: bool | None = None) -> None:
    """Write `dl` to `path`: one PDF page per display-list page, media box = trim box + bleed (+ marks).

    `path` may be a BytesIO (plain PDFs only: pdfx=None), which tiling uses to place the pages on sheets.
    Solid black (100 % K) text, lines and shapes overprint in PDF/X output (`overprint` says otherwise).
    """
    pdfx = pdfx_version(pdfx)
    if not dl.pages:
        raise RenderError("the display list has no pages", hint="a board needs at least one page")
    if isinstance(path, io.BytesIO) and pdfx:
        raise RenderError("PDF/X goes to a file, not to memory", hint="pass pdfx=None with a BytesIO")
    overprint = bool(pdfx) if overprint is None else overprint
    runs = (item.glyphs if isinstance(item, Path) else item for page in dl.pages for item in page.items
            if isinstance(item, GlyphRun) or (isinstance(item, Path) and item.glyphs is not None))
    drawn: dict[str, set[str]] = {}
    for run in runs:
        drawn.setdefault(run.font, set()).update(run.text)
    own: list[str] = []  # fonts registered for this document alone, dropped once it is written
    try:
        fonts = {font: _register_subset(font, "".join(sorted(chars)), own) for font, chars in drawn.items()}
        _write_pdf(dl, path, fonts, pdfx, marks, overprint)
    finally:
        with RL_LOCK:
            for name in own:
                pdfmetrics._fonts.pop(name, None)


def _write_pdf(dl: DisplayList, path: str | FilePath | io.BytesIO, fonts: dict[str, str], pdfx: str | None,
               marks: bool, overprint: bool) -> None:
    # reportlab starts every page with Helvetica selected, which puts an unembedded standard font in
    # the file; making one of our own TrueType faces the initial font keeps the PDF self-contained.
    initial = next(iter(fonts.values()), None) or _register(_fallback_font())
    first = dl.pages[0]
    extra = MARKS_PT if marks else 0.0
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=_media(first, extra),
        invariant=1,  # fixed dates and document id: same input, same bytes
        pageCompression=1,
        initialFontName=initial,
        lang=_PDF_LANG.get(dl.lang, dl.lang) or None,
    )
    canvas.setTitle(dl.title or "")
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setCreator("comicboard")
    canvas.setProducer("comicboard")
    # Drawings that repeat (figures, scenes), each written once as a form; one drawn once stays in the page.
    uses = {id(item.use): item.use for page in dl.pages for item in page.items
            if isinstance(item, Path) and item.use is not None}
    counts = Counter(use.key for use in uses.values())
    forms: dict[object, _Form | None] = {key: None for key, n in counts.items() if n > 1}
    for page in dl.pages:
        _page(canvas, page, fonts, extra, overprint, forms)
        canvas.showPage()
    # Binary Flate streams: reportlab's default ASCII85 wrapping only adds a quarter to the size.
    with RL_LOCK:
        a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            canvas.save()  # an OSError (a full disk) is said by atomic_outputs, naming the output, not a temporary
        finally:
            rl_config.useA85 = a85
    from .pdfx import finish

    finish(out.getvalue(), path, version=pdfx, info=doc_info(dl))  # an OSError: said by atomic_outputs


def doc_info(dl: DisplayList) -> DocInfo:
    """What the file says about the board: title, organisation, subtitle, language, revision date."""
    from .pdfx import DocInfo

    return DocInfo(title=dl.title or "", author=dl.author, subject=dl.subject,
                   lang=_PDF_LANG.get(dl.lang, dl.lang) or "", date=dl.date)


def _media(page: Page, extra: float = 0.0) -> tuple[float, float]:
    return page.width + 2 * (page.bleed + extra), page.height + 2 * (page.bleed + extra)


def _page(canvas: Canvas, page: Page, fonts: dict[str, str], extra: float = 0.0, overprint: bool = False,
          forms: dict[object, _Form | None] | None = None) -> None:
    mw, mh = _media(page, extra)
    b = page.bleed
    o = b + extra  # trim box origin in the media box
    canvas.setPageSize((mw, mh))
    # Boxes are [llx, lly, urx, ury] in PDF space; reportlab writes them on the page dictionary.
    # PDF/X wants TrimBox or ArtBox, not both: the trim box is the board's finished size.
    canvas.setCropBox((0, 0, mw, mh))
    canvas.setBleedBox((o - b, o - b, o + page.width + b, o + page.height + b))
    canvas.setTrimBox((o, o, o + page.width, o + page.height))

    # Display list: y down from the trim box's top-left. PDF: y up from the media box's bottom-left.
    def X(x: float) -> float:
        return x + o

    def Y(y: float) -> float:
        return mh - o - y

    items = page.items
    forms = {} if forms is None else forms
    skip_to = 0
    for n, item in enumerate(items):
        if n < skip_to:
            continue  # a placement drawn as a form
        if isinstance(item, Path) and item.use is not None and item.glyphs is None:
            end = n + 1
            while end < len(items) and isinstance(items[end], Path) and items[end].use is item.use:
                end += 1
            if _place(canvas, items[n:end], forms, X, Y, overprint):
                skip_to = end
                continue
        if isinstance(item, Path) and item.glyphs is not None:
            # A glyph drawn as an outline (a vertical form, sideways Latin) with its real text: both in one span,
            # the text invisible, so copy, search and screen readers get the characters the outline shows. The
            # span closes inside the text's graphics state: poppler places the ActualText with the state at EMC.
            canvas._code.append(f"/Span <</ActualText {_pdf_text(item.glyphs.text)}>> BDC")
            _path(canvas, item, X, Y, overprint)
            _text(canvas, item.glyphs, fonts[item.glyphs.font], X, Y, invisible=True, close=True)
        elif isinstance(item, Path):
            _path(canvas, item, X, Y, overprint)
        elif isinstance(item, GlyphRun):
            # Runs that join into one word (a font change between CJK and Latin, no space between) carry the
            # word's text in one span, opened with its first run and closed with its last.
            word = [item]
            while n + len(word) < len(items) and isinstance(items[n + len(word)], GlyphRun) \
                    and items[n + len(word)].joined:
                word.append(items[n + len(word)])
            if item.joined:
                word = []
            _text(canvas, item, fonts[item.font], X, Y, overprint,
                  actual="".join(r.text for r in word) if len(word) > 1 else None,
                  close=item.joined and not (n + 1 < len(items) and isinstance(items[n + 1], GlyphRun)
                                             and items[n + 1].joined))
        elif isinstance(item, Image):
            _image(canvas, item, X, Y)
        else:
            raise RenderError(f"cannot draw display item of type {type(item).__name__}")
    if extra:
        _crop_marks(canvas, (o, o, o + page.width, o + page.height), b)


@dataclass(frozen=True)
class _Form:
    name: str
    paths: int  # how many paths the drawing has: a placement with another count is drawn path by path
    x: float  # where the drawing stood when the form was written (its paths keep page coordinates)
    y: float


def _place(canvas: Canvas, run: list[Path], forms: dict[object, _Form | None], X, Y,  # noqa: ANN001
           overprint: bool) -> bool:
    """Draw one placement of a repeated drawing as its form, writing the form at its first placement: the same
    outlines, in the PDF once (a board's figures and scenes repeat). False if the run is not to be a form
    (`forms` holds the keys that repeat, mapped to their form once written)."""
    use = run[0].use
    assert use is not None
    if use.key not in forms:
        return False
    form = forms[use.key]
    if form is None:
        pad = max(p.stroke_width if p.stroke is not None else 0.0 for p in run)
        coords = [(op[i], op[i + 1]) for p in run for op in p.ops for i in range(1, len(op) - 1, 2)]
        if not coords:
            return False
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        form = forms[use.key] = _Form(f"cbdrawing{list(forms).index(use.key)}", len(run), use.x, use.y)
        # The form's space is the page's display coordinates (y down) at the first placement: its paths go in
        # as they are, and each placement moves them by its offset from there.
        canvas.beginForm(form.name, min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
        for p in run:
            _path(canvas, p, None, None, overprint)
        canvas.endForm()
    elif form.paths != len(run):
        return False
    dx, dy = use.x - form.x, use.y - form.y
    canvas._code.append(f"q\n{_flip(X(0.0), Y(0.0))} 1 0 0 1 {_num(dx)} {_num(dy)} cm")
    canvas.doForm(form.name)
    canvas._code.append("Q")
    return True


def _crop_marks(canvas: Canvas, trim: tuple[float, float, float, float], bleed: float) -> None:
    """Hairline marks on the trim lines, from just outside the bleed outward, on every plate."""
    x0, y0, x1, y1 = trim
    gap, end = bleed + 1.0, bleed + MARKS_PT  # never inside the bleed, never past the media box
    canvas.saveState()
    canvas.setStrokeColor(_REGISTRATION)
    canvas.setLineWidth(0.25)
    for x, y, sx, sy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        canvas.line(x + sx * gap, y, x + sx * end, y)  # horizontal mark, on the trim line y
        canvas.line(x, y + sy * gap, x, y + sy * end)
    canvas.restoreState()


def solid_black(c: Color | None) -> bool:
    """100 % K and nothing else: what overprints (a RIP's own black overprint catches exactly this too)."""
    return c is not None and c.k >= 0.996 and max(c.c, c.m, c.y) <= 0.004


def _overprint(canvas: Canvas, fill: bool, stroke: bool) -> None:
    """Select the overprint state for a solid-black fill and/or stroke (pdfx.OVERPRINT names them)."""
    if fill or stroke:
        canvas._code.append("/OPboth gs" if fill and stroke else "/OPfill gs" if fill else "/OPstroke gs")


def _path(canvas: Canvas, item: Path, X, Y, overprint: bool = False) -> None:  # noqa: ANN001 - coordinate mappers
    """One outline, written straight into the page's content in display-list coordinates under a y-flipping
    matrix (reportlab's path object formats each number in Python, most of the cost of a board's drawing)."""
    fill, stroke = item.fill is not None, item.stroke is not None and item.stroke_width > 0
    if not (fill or stroke):
        return
    code = ["q", _flip(X(0.0), Y(0.0))] if X is not None else ["q"]  # X None: in a form, no flip
    if overprint:
        black_fill, black_stroke = fill and solid_black(item.fill), stroke and solid_black(item.stroke)
        if black_fill or black_stroke:
            code.append("/OPboth gs" if black_fill and black_stroke else "/OPfill gs" if black_fill
                        else "/OPstroke gs")
    if fill:
        code.append(f"{_cmyk(item.fill)} k")
    if stroke:
        code.append(f"{_cmyk(item.stroke)} K {_num(item.stroke_width)} w")
        # round_joins means a soft, hand-drawn line: round joins and round caps (the PNG side agrees).
        code.append("1 j 1 J" if item.round_joins else "0 j 0 J")
        if item.dash is not None:
            code.append(f"[{_num(item.dash[0])} {_num(item.dash[1])}] 0 d")
    code.append(path_ops(item.ops))
    code.append("B*" if fill and stroke else "f*" if fill else "S")
    code.append("Q")
    canvas._code.append("\n".join(code))


_ZEROS = re.compile(r"(?:(\.\d*?[1-9])|\.)0+(?!\d)")  # trailing zeros of a decimal ("12.500" → "12.5")


@lru_cache(maxsize=64)
def _flip(x0: float, y0: float) -> str:
    """The matrix taking display-list (x, y) to page (x0 + x, y0 - y)."""
    return f"1 0 0 -1 {_num(x0)} {_num(y0)} cm"


@lru_cache(maxsize=4096)
def _num(v: float) -> str:
    return _ZEROS.sub(r"\1", f"{v:.3f}")


@lru_cache(maxsize=1024)
def _cmyk(c: Color) -> str:
    """Ink values as the display list holds them (to 1/10 000: the ink limit is checked on those)."""
    return _ZEROS.sub(r"\1", f"{c.c:.4f} {c.m:.4f} {c.y:.4f} {c.k:.4f}")


def path_ops(ops: tuple) -> str:
    """PDF path construction operators for display-list path operations, numbers to 1/1000 pt."""
    out = []
    for op in ops:
        kind = op[0]
        if kind == "C":
            out.append("%.3f %.3f %.3f %.3f %.3f %.3f c" % op[1:])  # noqa: UP031 - the fastest here
        elif kind == "L":
            out.append("%.3f %.3f l" % op[1:])  # noqa: UP031
        elif kind == "M":
            out.append("%.3f %.3f m" % op[1:])  # noqa: UP031
        elif kind == "Z":
            out.append("h")
        else:
            raise RenderError(f"unknown path operation {kind!r} in display list")
    return _ZEROS.sub(r"\1", " ".join(out))


def _text(canvas: Canvas, run: GlyphRun, font: str, X, Y, overprint: bool = False,  # noqa: ANN001
          invisible: bool = False, actual: str | None = None, close: bool = False) -> None:
    """One text object per run, its glyphs spaced by character spacing (Tc) within one text run.

    Each glyph lands at the x layout gave it; the pen moves by the glyph's advance plus Tc, so extraction
    engines see touching glyphs and give the run back as one word (a Td per glyph made every gap a word break:
    "所 需 材 料"). A run spaced away from its natural advances (justified, compressed punctuation) also carries
    its text as /ActualText, which poppler, MuPDF and PDFium all prefer to guessing from positions.
    `invisible` sets it in render mode 3 (the text of a glyph drawn as an outline: searchable, never painted).
    `actual` opens a span with that text (left open for the runs joined to this one); `close` ends the span
    an earlier run opened. No q … Q here: a span may run over several runs, and the state at its EMC must be the
    text's own (poppler sizes and orders the ActualText by the font in force there).
    """
    if len(run.xs) != len(run.text):
        raise RenderError(f"glyph run {run.text!r} has {len(run.xs)} positions "
                          f"for {len(run.text)} characters",
                          hint="a display-list bug: layout must give one x per character")
    if not run.text:
        return
    gaps = [run.xs[i + 1] - run.xs[i] - pdfmetrics.stringWidth(ch, font, run.size)
            for i, ch in enumerate(run.text[:-1])]
    if actual is None and not run.joined and not invisible and any(abs(g) > 0.01 for g in gaps):
        actual, close = run.text, True
    over = overprint and not invisible and solid_black(run.color)
    if over:
        _overprint(canvas, True, False)
    if actual is not None:
        canvas._code.append(f"/Span <</ActualText {_pdf_text(actual)}>> BDC")
    c = run.color
    canvas.setFillColorCMYK(c.c, c.m, c.y, c.k)
    t = canvas.beginText()
    t.setFont(font, run.size)
    if invisible:
        t.setTextRenderMode(3)
    t.setTextOrigin(X(run.xs[0]), Y(run.baseline))
    # Consecutive glyphs that need the same spacing after them share one Tc and one string.
    tcs = [round(g, 3) for g in gaps]
    tcs.append(tcs[-1] if tcs else 0.0)
    start, current = 0, 0.0
    for i in range(1, len(run.text) + 1):
        if i == len(run.text) or tcs[i] != tcs[start]:
            if tcs[start] != current:
                t.setCharSpace(tcs[start])
                current = tcs[start]
            t.textOut(run.text[start:i])
            start = i
    if current:
        t.setCharSpace(0)  # character spacing is graphics state: the next text object starts from 0 again
    if invisible:
        t.setTextRenderMode(0)
    canvas.drawText(t)
    if close:
        canvas._code.append("EMC")
    if over:
        canvas._code.append("/OPoff gs")


def _pdf_text(text: str) -> str:
    """A PDF text string in UTF-16BE hex (with its byte-order mark): any Unicode, no escaping needed."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _image(canvas: Canvas, item: Image, X, Y) -> None:  # noqa: ANN001
    """A picture separated to CMYK through the output profile, flattened onto paper white (pictures sit in
    white panels): no RGB and no soft mask, so the page stays valid PDF/X-1a as well as X-4."""
    from PIL import Image as PILImage  # only a board with cast pictures needs Pillow in its PDF

    from ..icc import srgb_to_cmyk_image
    from ..pictures import load_rgba

    rgba = load_rgba(item.path)
    # More than PICTURE_PPI at the size it is drawn is never printed: a 36-megapixel photo as a figure ~3 cm
    # wide took half a minute and 0.9 GB to separate and embed; scaled down first it takes a moment.
    most = (max(1, math.ceil(item.w / 72 * PICTURE_PPI)), max(1, math.ceil(item.h / 72 * PICTURE_PPI)))
    if rgba.width > most[0] or rgba.height > most[1]:
        rgba.thumbnail(most, PILImage.Resampling.LANCZOS)
    flat = PILImage.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    canvas.drawImage(ImageReader(srgb_to_cmyk_image(flat)), X(item.x), Y(item.y + item.h), item.w, item.h)


PICTURE_PPI = 600  # a cast picture is embedded at no more than this resolution at its drawn size

_registered: dict[tuple[str, int, int], str] = {}


def _register(font_path: str) -> str:
    """Register a TrueType file with reportlab once per process and version of the file (fonts.font_key: a
    replaced file is registered again, under a new name); reportlab subsets and embeds it."""
    from ..fonts import font_key

    key = font_key(font_path)
    with RL_LOCK:
        return _registered.get(key) or _register_new(key)


_own_names = itertools.count()


def _register_subset(font_path: str, chars: str, own: list[str]) -> str:
    """A reportlab font for drawing `chars` from `font_path`: a font of only their glyphs (fonts.embedding_subset,
    from which reportlab embeds the same subset as from the whole file, without reading all of it), registered for
    one document and named in `own`; the whole file (`_register`) when the subset cannot be made."""
    from ..fonts import embedding_subset

    data = embedding_subset(font_path, chars)
    if data is None:
        return _register(font_path)
    name = f"{FilePath(font_path).stem.replace(' ', '')}-doc{next(_own_names)}"
    try:
        font = TTFont(name, io.BytesIO(data))
    except (OSError, TTFError) as exc:
        raise RenderError(f"cannot embed font {font_path}: {exc}",
                          hint="PDF output needs TrueType outlines (.ttf); reportlab cannot embed CFF (.otf) fonts",
                          ) from exc
    # Put in reportlab's table by name only: registerFont would also file it under its face's name, and a later
    # font of that face (another document's subset, drawn by another thread) would then be given this one.
    with RL_LOCK:
        pdfmetrics._fonts[name] = font
    own.append(name)
    return name


def _register_new(key: tuple[str, int, int]) -> str:
    # A name derived from the file's identity: distinct per file and per version of it, so a canvas still drawing
    # with an older version keeps its own font. The name is reportlab's handle only: the PDF names the font by
    # its PostScript name, so the bytes do not depend on it.
    font_path = key[0]
    stem = FilePath(font_path).stem.replace(" ", "")
    name = f"{stem}-{hashlib.sha1(repr(key).encode()).hexdigest()[:8]}"
    try:
        pdfmetrics.registerFont(TTFont(name, font_path))
    except (OSError, TTFError) as exc:
        raise RenderError(
            f"cannot embed font {font_path}: {exc}",
            hint="PDF output needs TrueType outlines (.ttf); reportlab cannot embed CFF (.otf) fonts",
        ) from exc
    _registered[key] = name
    return name


def _fallback_font() -> str:
    """A font to select initially on pages without text (nothing is drawn with it, so nothing is embedded)."""
    from ..fonts import BUNDLED_REGULAR, font_dir

    return str(font_dir() / BUNDLED_REGULAR)
