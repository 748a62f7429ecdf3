"""Write a display list as a print-ready PDF with reportlab: CMYK, trim/bleed boxes, subset-embedded TTFs."""

from __future__ import annotations

import hashlib
from pathlib import Path as FilePath

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas

from ..display import DisplayList, GlyphRun, Image, Page, Path
from ..errors import RenderError

_PDF_LANG = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}  # BCP 47 tags readers and screen readers expect


def write(dl: DisplayList, paths: list[FilePath], **_: object) -> None:
    """Backend entry point: the whole display list goes to paths[0] (dpi does not apply to PDF)."""
    render_pdf(dl, paths[0])


def render_pdf(dl: DisplayList, path: str | FilePath) -> None:
    """Write `dl` to `path`: one PDF page per display-list page, media box = trim box + bleed."""
    if not dl.pages:
        raise RenderError("the display list has no pages", hint="a board needs at least one page")
    runs = (item for page in dl.pages for item in page.items if isinstance(item, GlyphRun))
    fonts = {run.font: _register(run.font) for run in runs}
    # reportlab starts every page with Helvetica selected, which puts an unembedded standard font in
    # the file; making one of our own TrueType faces the initial font keeps the PDF self-contained.
    initial = next(iter(fonts.values()), None) or _register(_fallback_font())
    first = dl.pages[0]
    canvas = Canvas(
        str(path),
        pagesize=_media(first),
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
    for page in dl.pages:
        _page(canvas, page, fonts)
        canvas.showPage()
    # Binary Flate streams: reportlab's default ASCII85 wrapping only adds a quarter to the size.
    a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        canvas.save()
    except OSError as exc:
        raise RenderError(f"cannot write {path}: {exc}") from exc
    finally:
        rl_config.useA85 = a85


def _media(page: Page) -> tuple[float, float]:
    return page.width + 2 * page.bleed, page.height + 2 * page.bleed


def _page(canvas: Canvas, page: Page, fonts: dict[str, str]) -> None:
    mw, mh = _media(page)
    b = page.bleed
    canvas.setPageSize((mw, mh))
    # Boxes are [llx, lly, urx, ury] in PDF space; reportlab writes them on the page dictionary.
    canvas.setCropBox((0, 0, mw, mh))
    canvas.setBleedBox((0, 0, mw, mh))
    canvas.setTrimBox((b, b, b + page.width, b + page.height))
    canvas.setArtBox((b, b, b + page.width, b + page.height))

    # Display list: y down from the trim box's top-left. PDF: y up from the media box's bottom-left.
    def X(x: float) -> float:
        return x + b

    def Y(y: float) -> float:
        return mh - b - y

    for item in page.items:
        if isinstance(item, Path):
            _path(canvas, item, X, Y)
        elif isinstance(item, GlyphRun):
            _text(canvas, item, fonts[item.font], X, Y)
        elif isinstance(item, Image):
            _image(canvas, item, X, Y)
        else:
            raise RenderError(f"cannot draw display item of type {type(item).__name__}")


def _path(canvas: Canvas, item: Path, X, Y) -> None:  # noqa: ANN001 - coordinate mappers
    fill, stroke = item.fill is not None, item.stroke is not None and item.stroke_width > 0
    if not (fill or stroke):
        return
    p = canvas.beginPath()
    for op in item.ops:
        kind = op[0]
        if kind == "M":
            p.moveTo(X(op[1]), Y(op[2]))
        elif kind == "L":
            p.lineTo(X(op[1]), Y(op[2]))
        elif kind == "C":
            p.curveTo(X(op[1]), Y(op[2]), X(op[3]), Y(op[4]), X(op[5]), Y(op[6]))
        elif kind == "Z":
            p.close()
        else:
            raise RenderError(f"unknown path operation {kind!r} in display list")
    canvas.saveState()
    if fill:
        c = item.fill
        canvas.setFillColorCMYK(c.c, c.m, c.y, c.k)
    if stroke:
        c = item.stroke
        canvas.setStrokeColorCMYK(c.c, c.m, c.y, c.k)
        canvas.setLineWidth(item.stroke_width)
        # round_joins means a soft, hand-drawn line: round joins and round caps (the PNG side agrees).
        canvas.setLineJoin(1 if item.round_joins else 0)
        canvas.setLineCap(1 if item.round_joins else 0)
        if item.dash is not None:
            canvas.setDash(list(item.dash), 0)
    canvas.drawPath(p, stroke=int(stroke), fill=int(fill), fillMode=FILL_EVEN_ODD)
    canvas.restoreState()


def _text(canvas: Canvas, run: GlyphRun, font: str, X, Y) -> None:  # noqa: ANN001
    """One text object per run; each glyph placed at its own x with Td, so text stays selectable."""
    if len(run.xs) != len(run.text):
        raise RenderError(f"glyph run {run.text!r} has {len(run.xs)} positions "
                          f"for {len(run.text)} characters",
                          hint="a display-list bug: layout must give one x per character")
    if not run.text:
        return
    c = run.color
    canvas.setFillColorCMYK(c.c, c.m, c.y, c.k)
    t = canvas.beginText()
    t.setFont(font, run.size)
    t.setTextOrigin(X(run.xs[0]), Y(run.baseline))
    prev = run.xs[0]
    for i, (ch, x) in enumerate(zip(run.text, run.xs, strict=True)):
        if i:
            # Td moves relative to the previous glyph's origin, not the pen: no advance widths needed here.
            t.moveCursor(x - prev, 0)
            prev = x
        t.textOut(ch)
    canvas.drawText(t)


def _image(canvas: Canvas, item: Image, X, Y) -> None:  # noqa: ANN001
    try:
        canvas.drawImage(item.path, X(item.x), Y(item.y + item.h), item.w, item.h, mask="auto")
    except OSError as exc:
        raise RenderError(f"cannot read image {item.path}: {exc}") from exc


_registered: dict[str, str] = {}


def _register(font_path: str) -> str:
    """Register a TrueType file with reportlab once per process; reportlab subsets and embeds it."""
    name = _registered.get(font_path)
    if name is None:
        # A name derived from the path: stable between runs (deterministic bytes), distinct per file.
        stem = FilePath(font_path).stem.replace(" ", "")
        name = f"{stem}-{hashlib.sha1(font_path.encode()).hexdigest()[:8]}"
        try:
            pdfmetrics.registerFont(TTFont(name, font_path))
        except (OSError, TTFError) as exc:
            raise RenderError(
                f"cannot embed font {font_path}: {exc}",
                hint="PDF output needs TrueType outlines (.ttf); reportlab cannot embed CFF (.otf) fonts",
            ) from exc
        _registered[font_path] = name
    return name


def _fallback_font() -> str:
    """A font to select initially on pages without text (nothing is drawn with it, so nothing is embedded)."""
    from ..fonts import BUNDLED_REGULAR, font_dir

    return str(font_dir() / BUNDLED_REGULAR)
