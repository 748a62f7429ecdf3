"""Paint display-list pages into anti-aliased sRGB PNGs (ICC profile embedded) with Pillow alone (trim box only).

A PNG page is painted in bands of rows and each band deflated as it is done (pngfile.py), so memory holds a band
or two rather than the page; a board's pages are spread over forked worker processes when cores allow. The same
painter works in ink: `render_page(page, dpi, mode="CMYK")` paints the display list's CMYK values as they
are (100 % K text stays black ink only) for the TIFF backend; only placed pictures go through the output profile.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path as FilePath

from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw, ImageFont

from ..color import Color
from ..display import DisplayList, GlyphRun, Image, Page, Path
from ..errors import RenderError
from ..icc import SRGB_PROFILE, profile_bytes
from ..limits import MAX_PIXELS, MIN_DPI
from . import geometry
from .geometry import Subpath
from .pngfile import Segment, deflate_segment, write_png

SUPERSAMPLE = 4  # shapes are drawn into 4×4 supersampled masks and box-filtered: 16 coverage levels
SPARSE_PX = 40_000  # a shape whose box has more pixels is supersampled only in windows along its outline
MASK_BUDGET = 4_000_000  # pixels of such a shape's page-resolution mask at a time (in bands of rows beyond)
WINDOW_PX = 64  # a slanted edge is cut into stretches at most this wide and tall, one window each
MERGE_PX = 2_000  # windows are merged while that adds at most this many pixels (one more window costs about as much)
JOIN_COS2 = 0.97 ** 2  # a joint turning by more than ~14° (cos θ < 0.97) gets a round-join disc
PASTE_IMAGE_PX = 2_048  # masks from this many pixels on paint through a solid image rather than a colour
SPAN_GAP_PX = 16  # windows' spans closer than this are pasted as one: one call less for a few masked pixels
BAND_PX = 4_000_000  # pixels of a page painted at a time (16 MB); a shape across two bands is cut twice
SLICE_PX = 500_000  # pixels of a band turned into bytes at a time
MAX_WORKERS = 8  # worker processes for the pages of one board
WORKER_BYTES = 200_000_000  # memory a worker may take beyond its parent's: bands, masks, glyphs, its own heap
# Beyond the page image: one mask band and its reduction, glyph masks, a resized picture, the encoder's rows.
WORKING_BYTES = 64_000_000
WHITE = (255, 255, 255)
PAPER = {"RGB": WHITE, "CMYK": (0, 0, 0, 0)}  # paper white: full light, or no ink


def page_pixels(page: Page, dpi: float) -> tuple[int, int]:
    """Pixel size of a page's trim box at `dpi` (bleed is for the print shop, not for phones)."""
    return max(1, round(page.width / 72 * dpi)), max(1, round(page.height / 72 * dpi))


def pixel_bytes(channels: int) -> int:
    """Bytes Pillow keeps per pixel: RGB is stored padded to four bytes (RGBX), like CMYK; grey takes one."""
    return 1 if channels == 1 else 4


def memory_estimate(w: int, h: int, channels: int = 3) -> int:
    """Bytes a page render needs at its peak: the page image as Pillow holds it plus bounded working buffers
    (masks, glyphs). An RGB page takes 4 bytes a pixel in memory, though the PNG's rows carry 3."""
    return w * h * pixel_bytes(channels) + WORKING_BYTES


_NO_LIMIT = 1 << 60  # cgroup v1 writes "no limit" as a number near 2**63


def available_memory(proc: str = "/proc", cgroup: str = "/sys/fs/cgroup") -> int | None:
    """Bytes this process can still take: the least of the system's MemAvailable, the room left under its
    control group's memory limit (v2 memory.max, v1 memory.limit_in_bytes: containers) and under its address-space
    rlimit (ulimit -v). None when none of them can be read (macOS, Windows)."""
    candidates = [_meminfo_available(f"{proc}/meminfo"), _cgroup_room(proc, cgroup), _rlimit_room(proc)]
    known = [c for c in candidates if c is not None]
    return max(0, min(known)) if known else None


def _read_int(path: str) -> int | None:
    try:
        with open(path, encoding="ascii") as f:
            text = f.read().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None  # "max" (cgroup v2 without a limit) reads as None


def _meminfo_available(path: str) -> int | None:
    try:
        with open(path, encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _cgroup_room(proc: str, root: str) -> int | None:
    """Limit minus usage of the process's memory control group (v2 and v1), or None when none is limited."""
    try:
        with open(f"{proc}/self/cgroup", encoding="utf-8") as f:
            entries = [ln.split(":", 2) for ln in f.read().splitlines() if ln.count(":") >= 2]
    except OSError:
        entries = []
    places = []
    for _, controllers, path in entries:
        path = path.rstrip("/")
        if controllers == "":  # v2; inside a container the group's own path is often not mounted: try the root too
            places += [(f"{root}{path}", "memory.max", "memory.current"), (root, "memory.max", "memory.current")]
        elif "memory" in controllers.split(","):
            base = f"{root}/memory"
            places += [(f"{base}{path}", "memory.limit_in_bytes", "memory.usage_in_bytes"),
                       (base, "memory.limit_in_bytes", "memory.usage_in_bytes")]
    rooms = []
    for folder, limit_file, usage_file in places:
        limit = _read_int(f"{folder}/{limit_file}")
        if limit is not None and limit < _NO_LIMIT:
            rooms.append(limit - (_read_int(f"{folder}/{usage_file}") or 0))
    return min(rooms) if rooms else None


def _rlimit_room(proc: str) -> int | None:
    """Address space left under RLIMIT_AS (a `ulimit -v`), or None when it is unlimited."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return None
    try:
        with open(f"{proc}/self/status", encoding="ascii") as f:
            size = next((int(ln.split()[1]) * 1024 for ln in f if ln.startswith("VmSize:")), 0)
    except (OSError, ValueError, IndexError):
        size = 0
    return soft - size


def check_size(dl: DisplayList, dpi: float, max_pixels: int = MAX_PIXELS, channels: int = 3) -> None:
    """Refuse before allocating anything when a page would not fit the raster budget or the memory at hand."""
    if isinstance(dpi, bool) or not isinstance(dpi, int | float) or not MIN_DPI <= dpi < math.inf:
        raise RenderError("dpi out of range", expected=f"a number of at least {MIN_DPI}", found=repr(dpi),
                          hint="use e.g. dpi=150 (phones) or 300 (print)")
    free = None
    for number, page in enumerate(dl.pages, 1):
        w, h = page_pixels(page, dpi)
        if w * h > max_pixels:
            fit = int(dpi * math.sqrt(max_pixels / (w * h)))
            raise RenderError(
                f"page {number} would be {w}×{h} px ({w * h / 1e6:.0f} megapixels, about "
                f"{w * h * pixel_bytes(channels) / 1e9:.1f} GB in memory) at {dpi:g} dpi; "
                f"the limit is {max_pixels / 1e6:.0f} megapixels",
                hint=f"use dpi={fit} or lower, or render a PDF for print",
            )
        need = memory_estimate(w, h, channels)
        free = _room(dl) if free is None else free  # read once, and only for a page worth checking
        if free is not None and need > free:
            # A tenth below what would just fit: the advice must still hold when the memory at hand moves a
            # little between this run and the next (other programs, cached sprites of repeated drawings).
            fit = int(0.9 * dpi * math.sqrt(max(free - WORKING_BYTES, 0) / (w * h * pixel_bytes(channels))))
            raise RenderError(
                f"page {number} would need about {need / 1e6:,.0f} MB of memory ({w}×{h} px at {dpi:g} dpi); "
                f"{free / 1e6:,.0f} MB are available",
                hint=(f"use dpi={fit} or lower, " if fit >= MIN_DPI else "")
                + "render a PDF for print, or close other programs",
            )


def _room(dl: DisplayList) -> int | None:
    """Memory left for the page image. Under an address-space limit (`ulimit -v`) FreeType's mapping of the font
    file, once for every face and size opened (at most _FONTS_OPEN at a time), takes room too: a 16 MB CJK font
    at 20 sizes is 300 MB of address space, though it costs almost no real memory."""
    free = available_memory()
    room = _rlimit_room("/proc")
    if room is None:
        return free
    faces = {(run.font, run.size) for page in dl.pages for run in page.items if isinstance(run, GlyphRun)}
    mapped = 0
    for font, _ in sorted(faces)[:_FONTS_OPEN]:
        with contextlib.suppress(OSError):
            mapped += os.path.getsize(font)
    return min(room - mapped, free) if free is not None else room - mapped


def write(dl: DisplayList, paths: list[FilePath], *, dpi: float = 150, max_pixels: int = MAX_PIXELS) -> None:
    """Backend entry point: page i of `dl` goes to paths[i] as an RGB PNG with the dpi stored.

    Each page is painted in bands of rows and written band by band (memory: a band or two, not the page), a band
    deflated on a second thread while the next is painted. Several pages are spread over worker processes when
    the machine has cores to spare (see _workers). The files are the same bytes however the work is spread."""
    check_size(dl, dpi, max_pixels)
    pairs = list(zip(dl.pages, paths, strict=True))
    workers = _workers(dl, dpi)
    if workers > 1:
        _write_in_processes(pairs, dpi, workers)
        return
    glyphs: GlyphCache = {}
    for page, path in pairs:
        write_page(page, path, dpi, shared_glyphs(glyphs))


def band_rows(width: int) -> int:
    """Rows painted at a time: about BAND_PX pixels."""
    return max(16, BAND_PX // max(1, width))


def write_page(page: Page, path: FilePath, dpi: float, glyphs: GlyphCache | None = None) -> None:
    """Paint one page band by band into a PNG file; a band's rows are deflated on a second thread (zlib lets go
    of the GIL) while the next band is painted, at most two bands alive."""
    from concurrent.futures import Future, ThreadPoolExecutor

    painter = Painter(page, dpi, "RGB", glyphs)
    w, h = painter.size
    with open(path, "wb") as out, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="comicboard-png") as deflater:
        pending: list[Future[Segment]] = []

        def segments() -> Iterator[Segment]:
            for top, bottom in painter.bands(band_rows(w)):
                band = painter.new_band(top, bottom)
                painter.paint(band, top)
                # Rows taken out a slice at a time: the band's bytes are never held twice over (tobytes joins).
                step = max(1, SLICE_PX // w)
                rows = [padded_rows(band.crop((0, y, w, min(y + step, band.size[1]))))
                        for y in range(0, band.size[1], step)]
                band.close()
                pending.append(deflater.submit(deflate_segment, rows))
                del rows
                if len(pending) > 1:
                    yield pending.pop(0).result()
            while pending:
                yield pending.pop(0).result()

        write_png(out, w, h, dpi, profile_bytes(SRGB_PROFILE), segments())


def padded_rows(image: PILImage.Image) -> bytes:
    """The image's RGB rows, each followed by a zero byte (Pillow pads rows to a stride): see deflate_segment."""
    return image.tobytes("raw", "RGB", 3 * image.size[0] + 1)


def _workers(dl: DisplayList, dpi: float) -> int:
    """Processes to paint the pages in: one per core this process may use, at most one per page; 1 (paint here)
    with one page, one core, no fork (macOS, Windows: a fresh interpreter costs more than a page saves), from
    inside a daemon worker (which may not have children), when other threads run (forking them is unsafe), or
    when the memory at hand does not hold a band's buffers for each."""
    if len(dl.pages) < 2 or sys.platform != "linux" or threading.active_count() > 1:
        return 1
    import multiprocessing

    if multiprocessing.parent_process() is not None:  # a batch's worker, or a pool's: the cores are spoken for
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    n = min(cores, len(dl.pages), MAX_WORKERS)
    free = _room(dl)
    if free is not None:
        n = min(n, free // WORKER_BYTES)
    return max(1, n)


_JOB: tuple[list[tuple[Page, FilePath]], float] | None = None  # what forked workers paint (inherited, not pickled)
_CHILD_GLYPHS: GlyphCache = {}  # a worker's glyph masks, kept from one of its pages to the next


def _write_in_processes(pairs: list[tuple[Page, FilePath]], dpi: float, workers: int) -> None:
    """Pages spread over forked worker processes, a page at a time, each written by the worker that paints it."""
    global _JOB
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _JOB = (pairs, dpi)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    try:
        for done in [pool.submit(_write_job_page, n) for n in range(len(pairs))]:
            done.result()  # an error painting or writing a page (a full disk) is raised here
    except BrokenProcessPool as exc:
        raise RenderError("a worker process painting PNG pages stopped (killed, or out of memory)",
                          hint="render again, at a lower dpi, or with more memory free") from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # after an error or Ctrl-C: no page more is begun
        _JOB = None


def _write_job_page(n: int) -> None:
    assert _JOB is not None
    pairs, dpi = _JOB
    page, path = pairs[n]
    write_page(page, path, dpi, shared_glyphs(_CHILD_GLYPHS))


def render_page(page: Page, dpi: float, mode: str = "RGB", glyphs: GlyphCache | None = None) -> PILImage.Image:
    """One page as an RGB image (or CMYK, in ink values); items painted in order onto paper white.

    `glyphs`: glyph masks kept from earlier pages of the same board at the same dpi (see shared_glyphs)."""
    painter = Painter(page, dpi, mode, glyphs)
    image = PILImage.new(mode, page_pixels(page, dpi), PAPER[mode])
    painter.paint(image, 0)
    return image


class Painter:
    """Paints one page, whole or a band of rows at a time (the same pixels either way, to 8-bit rounding where a
    large shape's supersampled windows are cut differently): `paint(image, top)` draws into `image` the rows
    top..top + image.height of the page, only the items that reach them."""

    def __init__(self, page: Page, dpi: float, mode: str = "RGB", glyphs: GlyphCache | None = None) -> None:
        if mode not in PAPER:
            raise RenderError(f"cannot paint in mode {mode!r}", expected="'RGB' or 'CMYK'")
        self.mode, self.scale = mode, dpi / 72
        self.size = page_pixels(page, dpi)
        self.ink = lru_cache(maxsize=None)(_rgb if mode == "RGB" else _cmyk)  # a board has a few dozen colours
        self.glyphs: GlyphCache = {} if glyphs is None else glyphs
        self.sprites = _repeated(page.items)  # drawings placed more than once: rasterised once, then pasted
        self.units = _units(page.items, self.sprites)
        self._reach: list[tuple[float, float]] | None = None  # each unit's rows, worked out for the first band

    def bands(self, rows: int) -> list[tuple[int, int]]:
        """The page cut into bands of at most `rows` rows (and at least half that), each cut at the row, among the
        last half of the band's, that the fewest items cross (a gutter between panels, between lines of text):
        an item across a cut is painted once for each band it reaches."""
        w, h = self.size
        if rows >= h:
            return [(0, h)]
        self._reach = self._reach or [_reach(unit, self.scale) for unit in self.units]
        crossing = [0] * (h + 1)  # items over each row, from +1 where one starts and −1 past where it ends
        for y0, y1 in self._reach:
            a, b = max(0, math.floor(y0)), min(h, math.ceil(y1) + 1)
            if a < b:
                crossing[a] += 1
                crossing[b] -= 1
        running = 0
        for y in range(h + 1):
            running += crossing[y]
            crossing[y] = running
        out, top = [], 0
        while h - top > rows:
            cut = min(range(top + rows, top + rows // 2, -1), key=crossing.__getitem__)  # ties: the lowest cut
            out.append((top, cut))
            top = cut
        return [*out, (top, h)]

    def new_band(self, top: int, bottom: int) -> PILImage.Image:
        return PILImage.new(self.mode, (self.size[0], bottom - top), PAPER[self.mode])

    def paint(self, image: PILImage.Image, top: int) -> None:
        units = self.units
        if top > 0 or image.size[1] < self.size[1]:
            if self._reach is None:
                self._reach = [_reach(unit, self.scale) for unit in units]
            bottom = top + image.size[1]
            units = [u for u, (y0, y1) in zip(units, self._reach, strict=True) if y1 >= top and y0 < bottom]
        scale, ink, oy = self.scale, self.ink, top
        for unit in units:
            item = unit[0]
            if isinstance(item, Path):  # a unit of several items is one placement of a drawing
                if item.use is not None and item.use.key in self.sprites and \
                        _paste_sprite(image, unit, scale, ink, self.sprites, oy, self.size):
                    continue
                for path in unit:
                    _paint_path(image, path, scale, ink, oy)
            elif isinstance(item, GlyphRun):
                _paint_text(image, item, scale, self.glyphs, ink, oy)
            elif isinstance(item, Image):
                _paint_image(image, item, scale, oy)
            else:
                raise RenderError(f"cannot draw display item of type {type(item).__name__}")


def _units(items: list, sprites: dict) -> list[list]:
    """Items in painting order, the consecutive paths of one placement of a repeated drawing (one Use whose key is
    in `sprites`) kept together; every other item alone, so that a band paints only the paths that reach it."""
    out: list[list] = []
    for item in items:
        use = item.use if isinstance(item, Path) else None
        if use is not None and use.key in sprites and out and isinstance(out[-1][0], Path) and out[-1][0].use is use:
            out[-1].append(item)
        else:
            out.append([item])
    return out


def _reach(unit: list, scale: float) -> tuple[float, float]:
    """Page rows (pixels) that a unit's paint may touch, with room to spare: control points bound a curve, and
    strokes, anti-aliasing and hairlines add at most a half width and two pixels."""
    item = unit[0]
    if isinstance(item, GlyphRun):
        em = item.size * scale
        return item.baseline * scale - 3 * em - 2, item.baseline * scale + 3 * em + 2
    if isinstance(item, Image):
        return item.y * scale - 2, (item.y + item.h) * scale + 2
    lo, hi, pad = math.inf, -math.inf, 0.0
    for path in unit:
        for op in path.ops:
            if len(op) > 2:
                ys = op[2::2]
                lo, hi = min(lo, *ys), max(hi, *ys)
        if path.stroke is not None:
            pad = max(pad, path.stroke_width)
    return lo * scale - pad * scale - 3, hi * scale + pad * scale + 3


# --- repeated drawings --------------------------------------------------------------------------------


class _Sprite:
    """A drawing rasterised on its own: its colour painted over nothing (zeros) and what it leaves of the page
    below (255 − coverage, in every channel). Painting is linear in the page below (each shape blends towards its
    ink by its coverage), so page × keep / 255 + painted is what painting it in place gives, to 8-bit rounding."""

    def __init__(self, mode: str, size: tuple[int, int], paths: int, at: tuple[int, int]) -> None:
        self.mode, self.size, self.paths, self.at = mode, size, paths, at
        self.painted = PILImage.new(mode, size, 0)
        self.cover = PILImage.new("L", size, 0)
        self.keep: PILImage.Image | None = None

    def paste(self, im: object, box: tuple[int, ...], mask: PILImage.Image | None = None) -> None:
        """The painter's only call on its target: paint into the colour, and the coverage alongside."""
        self.painted.paste(im, box, mask)  # type: ignore[arg-type]
        if len(box) == 2:
            src = mask if mask is not None else im
            box = (box[0], box[1], box[0] + src.size[0], box[1] + src.size[1])  # type: ignore[attr-defined]
        self.cover.paste(255, box, mask)

    def finish(self) -> None:
        inverse = ImageChops.invert(self.cover)
        self.keep = PILImage.merge(self.mode, [inverse] * len(self.mode))
        self.cover.close()


def _repeated(items: list) -> dict:
    """The drawing keys placed more than once among `items`, each mapped to None (its sprite, once made)."""
    uses = {id(it.use): it.use for it in items if isinstance(it, Path) and it.use is not None}
    seen: dict = {}
    for use in uses.values():
        seen[use.key] = seen.get(use.key, 0) + 1
    return {key: None for key, n in seen.items() if n > 1}


def _paste_sprite(image: PILImage.Image, run: list[Path], scale: float, ink: Ink, sprites: dict, oy: int = 0,
                  page: tuple[int, int] | None = None) -> bool:
    """Paint one placement of a repeated drawing from its sprite (made at its first placement). A placement lands
    on whole pixels, at most half a pixel from where its outlines say. False: paint it path by path instead (it
    has another number of paths than the sprite, or reaches past the page). `image` holds the page's rows from
    `oy` on (a band of the `page`-sized page): the part of the sprite over them is pasted."""
    use = run[0].use
    assert use is not None
    sprite = sprites[use.key]
    if sprite is None:
        sprite = sprites[use.key] = _make_sprite(run, scale, ink, image.mode)
    if sprite.paths != len(run):
        return False
    page_w, page_h = page or image.size
    x0, y0 = round(use.x * scale) + sprite.at[0], round(use.y * scale) + sprite.at[1]
    if x0 < 0 or y0 < 0 or x0 + sprite.size[0] > page_w or y0 + sprite.size[1] > page_h:
        return False
    y0 -= oy
    cut = (0, max(0, -y0), sprite.size[0], min(sprite.size[1], image.size[1] - y0))  # the rows in this band
    if cut[3] <= cut[1]:
        return True
    box = (x0, y0 + cut[1], x0 + sprite.size[0], y0 + cut[3])
    keep, painted = sprite.keep, sprite.painted
    assert keep is not None
    if cut != (0, 0, *sprite.size):
        keep, painted = keep.crop(cut), painted.crop(cut)
    below = image.crop(box)
    image.paste(ImageChops.add(ImageChops.multiply(below, keep), painted), box[:2])
    return True


def _make_sprite(run: list[Path], scale: float, ink: Ink, mode: str) -> _Sprite:
    use = run[0].use
    assert use is not None
    pad = max((p.stroke_width for p in run if p.stroke is not None), default=0.0) + 2 / scale
    coords = [(op[i] - use.x, op[i + 1] - use.y) for p in run for op in p.ops for i in range(1, len(op) - 1, 2)]
    xs, ys = [c[0] for c in coords] or [0.0], [c[1] for c in coords] or [0.0]
    at = (math.floor((min(xs) - pad) * scale), math.floor((min(ys) - pad) * scale))
    size = (max(1, math.ceil((max(xs) + pad) * scale) - at[0]), max(1, math.ceil((max(ys) + pad) * scale) - at[1]))
    sprite = _Sprite(mode, size, len(run), at)
    dx, dy = -use.x - at[0] / scale, -use.y - at[1] / scale  # the sprite's pixel (0, 0) is the drawing's `at`
    for p in run:
        ops = tuple(op if op[0] == "Z" else (op[0], *(v + (dx if i % 2 == 0 else dy) for i, v in enumerate(op[1:])))
                    for op in p.ops)
        _paint_path(sprite, replace(p, ops=ops), scale, ink)  # type: ignore[arg-type]
    sprite.finish()
    return sprite


Pixel = tuple[int, ...]  # RGB or CMYK, 0..255 per channel
Ink = Callable[[Color], Pixel]


def _rgb(color: Color) -> Pixel:
    return color.to_rgb()


def _cmyk(color: Color) -> Pixel:
    return tuple(round(255 * min(1.0, max(0.0, v))) for v in (color.c, color.m, color.y, color.k))


# --- shapes -------------------------------------------------------------------------------------------


def _disjoint_rects(subpaths: list[Subpath]) -> list[tuple[float, float, float, float]] | None:
    """The outline as axis-aligned rectangles when every subpath is one and none overlap, else None.

    Overlapping rectangles would cut holes under the even-odd rule, so those take the general path.
    """
    rects = [geometry.axis_rect([sp]) for sp in subpaths]
    if any(r is None for r in rects):
        return None
    ordered = sorted(rects)  # type: ignore[type-var]
    for i, (_x0, y0, x1, y1) in enumerate(ordered):
        for a0, b0, _a1, b1 in ordered[i + 1:]:
            if a0 >= x1:
                break  # sorted by left edge: nothing further right can overlap
            if b0 < y1 and y0 < b1:
                return None
    return rects  # type: ignore[return-value]


def _paint_path(image: PILImage.Image, item: Path, scale: float, ink: Ink = _rgb, oy: int = 0) -> None:
    """Fill, then stroke, an outline; `oy`: the page row at the image's top (a band of the page)."""
    subpaths = geometry.flatten(item.ops, scale, 0.0, -oy)  # less a whole number of pixels: no rounding moves
    if not subpaths:
        return
    if item.fill is not None:
        rects = _disjoint_rects(subpaths)
        if rects is not None:  # one rectangle, or many that never overlap (a QR code): exact, no mask
            for rect in rects:
                _fill_rect(image, rect, ink(item.fill))
        else:
            closed = [Subpath(s.points, True) for s in subpaths if len(s.points) >= 3]
            if closed:
                _paint_mask(image, closed, ink(item.fill), stroke_px=0.0, caps=False)
    if item.stroke is not None and item.stroke_width > 0:
        lines = subpaths
        if item.dash is not None:
            lines = geometry.dash(subpaths, item.dash[0] * scale, item.dash[1] * scale)
        # Hairlines stay visible: never thinner than half a device pixel.
        width = max(item.stroke_width * scale, 0.5)
        if lines:
            _paint_mask(image, lines, ink(item.stroke), stroke_px=width, caps=item.round_joins)


Box = tuple[float, float, float, float]
def _fill_rect(image: PILImage.Image, rect: Box, rgb: Pixel) -> None:
    """An axis-aligned rectangle with exact area coverage on its edges: no mask larger than one pixel row."""
    W, H = image.size
    x0, y0, x1, y1 = max(rect[0], 0.0), max(rect[1], 0.0), min(rect[2], float(W)), min(rect[3], float(H))
    if x1 <= x0 or y1 <= y0:
        return
    # Split each axis into up to three spans: partial first pixel, whole pixels, partial last pixel.
    xs = _spans(x0, x1)
    ys = _spans(y0, y1)
    for ya, yb, cy in ys:
        for xa, xb, cx in xs:
            alpha = round(255 * cx * cy)
            if alpha >= 255:
                image.paste(rgb, (xa, ya, xb, yb))
            elif alpha > 0:
                image.paste(rgb, (xa, ya, xb, yb), PILImage.new("L", (xb - xa, yb - ya), alpha))


def _spans(a: float, b: float) -> list[tuple[int, int, float]]:
    """[(start_px, end_px, coverage)] covering [a, b) along one axis."""
    ia, ib = math.floor(a), math.ceil(b)
    if ib - ia == 1:
        return [(ia, ib, b - a)]
    spans = []
    first, last = ia + 1 - a, b - (ib - 1)
    spans.append((ia, ia + 1, first))
    if ib - 1 > ia + 1:
        spans.append((ia + 1, ib - 1, 1.0))
    spans.append((ib - 1, ib, last))
    return spans


def _paste(image: PILImage.Image, ink: Pixel, at: tuple[int, int], mask: PILImage.Image) -> None:
    """Paint `ink` through `mask` with its corner at `at`. Pillow blends a solid image through a mask faster
    than a colour, to the same pixels: from PASTE_IMAGE_PX on that pays for making the image."""
    w, h = mask.size
    if w * h >= PASTE_IMAGE_PX:
        image.paste(PILImage.new(image.mode, (w, h), ink), at, mask)
    else:
        image.paste(ink, (at[0], at[1], at[0] + w, at[1] + h), mask)


def _paint_mask(image: PILImage.Image, subpaths: list[Subpath], rgb: Pixel,
                *, stroke_px: float, caps: bool) -> None:
    """Fill (even-odd) or stroke polylines through supersampled coverage masks.

    A small shape gets one supersampled mask over its box. A large one (a panel, its frame) gets a mask drawn at
    page resolution, and only windows along its outline are supersampled into it: more than two pixels from
    every edge coverage is whole or nothing, and the page-resolution drawing is right there.
    """
    W, H = image.size
    pad = stroke_px / 2 + 1
    box = geometry.bounds(subpaths)
    assert box is not None
    bx0, by0 = max(0, math.floor(box[0] - pad)), max(0, math.floor(box[1] - pad))
    bx1, by1 = min(W, math.ceil(box[2] + pad)), min(H, math.ceil(box[3] + pad))
    if bx1 <= bx0 or by1 <= by0:
        return
    outline = _Outline(subpaths, stroke_px, caps)
    if (bx1 - bx0) * (by1 - by0) <= SPARSE_PX:
        # Small shapes (most of a board: faces, hands, icons) fit one mask.
        _paste(image, rgb, (bx0, by0), outline.mask(bx0, by0, bx1, by1))
        return
    windows = outline.windows(pad + 1 if outline.fill else pad, (bx0, by0, bx1, by1))  # a stroke has no inside
    band = max(1, MASK_BUDGET // (bx1 - bx0))  # rows per page-resolution mask: bounded for page-sized shapes
    for top in range(by0, by1, band):
        bottom = min(by1, top + band)
        mask = outline.coarse(bx0, top, bx1, bottom)
        clipped = [(w[0], max(w[1], top), w[2], min(w[3], bottom)) for w in windows if w[1] < bottom and w[3] > top]
        for left, t, right, b in clipped:
            mask.paste(outline.mask(left, t, right, b), (left - bx0, t - top))
        # Pasting through a mask costs tens of times a plain fill per pixel: only the windows' pixels go through
        # one. Between them coverage is whole (pasted plain) or nothing (skipped).
        for t, b, spans in _rows(clipped, top, bottom):
            x = bx0
            for left, right in [*spans, (bx1, bx1)]:
                if left > x and mask.getpixel((x - bx0, t - top)) == 255:
                    image.paste(rgb, (x, t, left, b))
                if right > left:
                    _paste(image, rgb, (left, t), mask.crop((left - bx0, t - top, right - bx0, b - top)))
                x = right


class _Outline:
    """A shape in whole subpixels of the page (Pillow truncates coordinates anyway), so that a mask window,
    wherever it starts, draws the same subpixels there (give or take one where Pillow's rounding shifts with
    the origin): windows that overlap agree, and meet without seams."""

    def __init__(self, subpaths: list[Subpath], stroke_px: float, caps: bool) -> None:
        ss = SUPERSAMPLE
        self.fill = stroke_px <= 0
        self.width = max(1, round(stroke_px * ss))
        self.polys: list[list[tuple[int, int]]] = []  # per subpath; a stroke's closed ones repeat their start
        self.discs: list[tuple[int, int, int, int]] = []  # a stroke's round joins and caps
        # Pillow draws a line of width w over w subpixels from floor(y) − (w − 1) // 2 on (across it), and a disc
        # over its box's subpixels, both ends included: discs at (lo, lo)–(lo + w − 1, …) take the line's footprint.
        lo, w1 = (self.width - 1) // 2, self.width - 1
        for sp in subpaths:
            poly = [(math.floor(x * ss), math.floor(y * ss)) for x, y in sp.points]
            if self.fill:
                self.polys.append(poly)
                continue
            self.polys.append(poly + poly[:1] if sp.closed else poly)
            # Discs at the vertices make round joins (Pillow's joint="curve" is Python-slow per vertex);
            # a disc at each open end is a round cap. Without round joins the ends stay butt.
            pts = sp.points
            joints = _sharp_joints(pts, sp.closed) if sp.closed or not caps else \
                [pts[0], *_sharp_joints(pts, False), pts[-1]]
            for x, y in joints:
                x0, y0 = math.floor(x * ss) - lo, math.floor(y * ss) - lo
                self.discs.append((x0, y0, x0 + w1, y0 + w1))
        # With several subpaths, each one's box in subpixels, widened by what Pillow may draw past the points (a
        # stroke's half-width): a window draws only those that reach it, and a fill XORs only those that overlap.
        self.boxes: list[tuple[int, int, int, int]] = []
        self.alone = [True] * len(self.polys)
        if len(self.polys) > 1:
            m = 0 if self.fill else self.width
            for xs, ys in (zip(*p, strict=True) for p in self.polys):
                self.boxes.append((min(xs) - m, min(ys) - m, max(xs) + m, max(ys) + m))
            if self.fill:
                self.alone = _alone(self.boxes)

    def mask(self, left: int, top: int, right: int, bottom: int) -> PILImage.Image:
        """Coverage of the pixel window (left, top)–(right, bottom), supersampled and box-filtered."""
        ss = SUPERSAMPLE
        ox, oy = left * ss, top * ss
        size = ((right - left) * ss, (bottom - top) * ss)
        mask = PILImage.new("L", size, 0)
        x1, y1 = ox + size[0], oy + size[1]
        near = self._near(ox, oy, x1, y1)
        if self.fill:
            return self._even_odd(mask, near, lambda poly: [(x - ox, y - oy) for x, y in poly]).reduce(ss)
        draw = ImageDraw.Draw(mask)
        for i in near:
            draw.line([(x - ox, y - oy) for x, y in self.polys[i]], fill=255, width=self.width)
        for d in self.discs:
            if d[0] < x1 and d[2] >= ox and d[1] < y1 and d[3] >= oy:
                draw.ellipse((d[0] - ox, d[1] - oy, d[2] - ox, d[3] - oy), fill=255)
        return mask.reduce(ss)

    def coarse(self, left: int, top: int, right: int, bottom: int) -> PILImage.Image:
        """The window drawn at page resolution: right wherever no edge comes within two pixels (a fill's
        inside, whole; a stroke's nothing) and to be overwritten elsewhere."""
        size = (right - left, bottom - top)
        mask = PILImage.new("L", size, 0)
        if not self.fill:
            return mask
        ss = SUPERSAMPLE
        near = self._near(left * ss, top * ss, right * ss, bottom * ss)
        return self._even_odd(mask, near, lambda poly: [(round(x / ss) - left, round(y / ss) - top) for x, y in poly])

    def _near(self, x0: int, y0: int, x1: int, y1: int) -> Iterable[int]:
        """The subpaths that reach the subpixel box (x0, y0)–(x1, y1): one that does not adds nothing, even to
        an XOR."""
        if not self.boxes:
            return range(len(self.polys))
        return [i for i, (a, b, c, d) in enumerate(self.boxes) if a <= x1 and c >= x0 - 1 and b <= y1 and d >= y0 - 1]

    def _even_odd(self, mask: PILImage.Image, near: Iterable[int],
                  local: Callable[[list[tuple[int, int]]], list[tuple[float, float]]]) -> PILImage.Image:
        """Fill subpaths `near` into `mask` by the even-odd rule: XOR them (|a − b| on 0/255 masks), as the PDF
        side fills with f*. A subpath clear of all the others (a dot of a pattern) is simply drawn, since an XOR
        with nothing under it is a union; so is the first of those that overlap."""
        draw = ImageDraw.Draw(mask)
        overlapping = False
        for i in near:
            pts = local(self.polys[i])
            if self.alone[i] or not overlapping:
                draw.polygon(pts, fill=255)
                overlapping = overlapping or not self.alone[i]
                continue
            one = PILImage.new("L", mask.size, 0)
            ImageDraw.Draw(one).polygon(pts, fill=255)
            mask = ImageChops.difference(mask, one)
            draw = ImageDraw.Draw(mask)
        return mask

    def windows(self, pad: float, clip: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
        """Pixel windows that together cover every pixel within `pad` of the outline: walking each polyline,
        boxes of consecutive stretches (a slant cut every WINDOW_PX), merged while that adds little area."""
        ss = SUPERSAMPLE
        cx0, cy0, cx1, cy1 = clip
        floor, ceil = math.floor, math.ceil
        out: list[tuple[int, int, int, int]] = []
        for poly in self.polys:
            seq = poly + poly[:1] if self.fill else poly
            if len(seq) == 1:
                seq = seq * 2
            # The current window as four numbers (l < 0: none yet); written out, as this runs per vertex.
            l = t = r = b = -1  # noqa: E741
            ax, ay = seq[0][0] / ss, seq[0][1] / ss  # quarter pixels: every sum and difference below is exact
            for x, y in seq[1:]:
                bx, by = x / ss, y / ss
                dx, dy = bx - ax, by - ay
                if min(abs(dx), abs(dy)) <= WINDOW_PX:  # one stretch (a slant of more is cut in pieces)
                    pieces: Iterable[tuple[float, float, float, float]] = ((ax, ay, bx, by),)
                else:
                    n = math.ceil(min(abs(dx), abs(dy)) / WINDOW_PX)
                    pieces = ((ax + dx * k / n, ay + dy * k / n, ax + dx * (k + 1) / n, ay + dy * (k + 1) / n)
                              for k in range(n))
                ax, ay = bx, by
                for px, py, qx, qy in pieces:
                    w0 = floor((px if px < qx else qx) - pad)
                    w1 = floor((py if py < qy else qy) - pad)
                    w2 = ceil((qx if px < qx else px) + pad)
                    w3 = ceil((qy if py < qy else py) + pad)
                    w0, w1 = (w0 if w0 > cx0 else cx0), (w1 if w1 > cy0 else cy0)
                    w2, w3 = (w2 if w2 < cx1 else cx1), (w3 if w3 < cy1 else cy1)
                    if w2 <= w0 or w3 <= w1:
                        continue  # off the page
                    if l >= 0:
                        m0, m1 = (l if l < w0 else w0), (t if t < w1 else w1)
                        m2, m3 = (r if r > w2 else w2), (b if b > w3 else w3)
                        if (m2 - m0) * (m3 - m1) - (r - l) * (b - t) - (w2 - w0) * (w3 - w1) <= MERGE_PX:
                            l, t, r, b = m0, m1, m2, m3  # noqa: E741
                            continue
                        out.append((l, t, r, b))
                    l, t, r, b = w0, w1, w2, w3  # noqa: E741
            if l >= 0:
                out.append((l, t, r, b))
        return out


def _alone(boxes: list[tuple[int, int, int, int]]) -> list[bool]:
    """For each box, whether it keeps a subpixel clear of every other (a sweep along x)."""
    alone = [True] * len(boxes)
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    for k, i in enumerate(order):
        x0, y0, x1, y1 = boxes[i]
        for j in order[k + 1:]:
            a, b, _c, d = boxes[j]
            if a > x1 + 1:
                break  # sorted by left edge: nothing further on comes near
            if b <= y1 + 1 and d >= y0 - 1:
                alone[i] = alone[j] = False
    return alone


def _area(box: tuple[int, int, int, int]) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])


Box4 = tuple[int, int, int, int]


def _rows(windows: list[Box4], top: int, bottom: int) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Rows top..bottom cut where a window starts or ends, each with the merged x-spans of the windows over
    it, sorted; neighbouring rows with the same spans joined. Every pixel of a window is in one span once."""
    cuts = sorted({top, bottom, *(w[1] for w in windows), *(w[3] for w in windows)})
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    for y0, y1 in zip(cuts, cuts[1:], strict=False):
        spans: list[tuple[int, int]] = []
        for left, right in sorted((w[0], w[2]) for w in windows if w[1] <= y0 and w[3] >= y1):
            if spans and left <= spans[-1][1] + SPAN_GAP_PX:
                spans[-1] = (spans[-1][0], max(spans[-1][1], right))
            else:
                spans.append((left, right))
        if out and out[-1][2] == spans:
            out[-1] = (out[-1][0], y1, spans)
        else:
            out.append((y0, y1, spans))
    return out


def _sharp_joints(pts: list[tuple[float, float]], closed: bool) -> list[tuple[float, float]]:
    """Vertices where the line turns by more than ~14° (a closed polyline's start is one like the others; its
    points do not repeat it). Only there does a butt joint leave a notch worth a disc: below that its depth,
    r·(1 − cos(θ/2)), is under 1% of the width, and the segments' rounded ends still meet smoothly. (Going by
    the notch's depth alone misses those ends: on thick strokes round a small circle, a joint turning by 20°
    shows Pillow's segment ends as fine spikes.)"""
    # cos θ = dot / (|u|·|v|) < 0.97, compared squared: no square roots or divisions per vertex.
    if closed:
        triples = zip(pts[-1:] + pts[:-1], pts, pts[1:] + pts[:1], strict=True)
    else:
        triples = zip(pts, pts[1:], pts[2:], strict=False)
    out = []
    for (ax, ay), (bx, by), (cx, cy) in triples:
        ux, uy, vx, vy = bx - ax, by - ay, cx - bx, cy - by
        uu, vv = ux * ux + uy * uy, vx * vx + vy * vy
        dot = ux * vx + uy * vy
        if uu == 0 or vv == 0 or dot < 0 or dot * dot < JOIN_COS2 * uu * vv:
            out.append((bx, by))
    return out


# --- text ---------------------------------------------------------------------------------------------


def _font(path: str, size_px: float) -> ImageFont.FreeTypeFont:
    from ..fonts import font_key

    return _font_at(font_key(path), size_px)


_FONTS_OPEN = 64  # faces (a font file at one size) kept open


@lru_cache(maxsize=_FONTS_OPEN)
def _font_at(key: tuple[str, int, int], size_px: float) -> ImageFont.FreeTypeFont:
    """A font file at one size, opened once per version of the file (fonts.font_key: path, mtime, size)."""
    path = key[0]
    try:
        return ImageFont.truetype(path, size_px, layout_engine=ImageFont.Layout.BASIC)
    except OSError as exc:
        if os.path.isfile(path):  # the file layout read a moment ago: FreeType could not get memory for it
            raise RenderError(f"cannot open font {path} at {size_px:g} px: not enough memory ({exc})",
                              hint="render at a lower dpi, render a PDF for print, or allow the process more "
                                   "memory (ulimit -v)") from exc
        raise RenderError(f"cannot open font {path}: {exc}", hint="is the font file still there?") from exc


GlyphCache = dict[tuple[ImageFont.FreeTypeFont, str], tuple[PILImage.Image, int, int] | None]
GLYPH_CACHE_PX = 16_000_000  # glyph masks kept from page to page (a board's pages share most of their characters)


def shared_glyphs(cache: GlyphCache) -> GlyphCache:
    """`cache` to hand on to the next page, emptied first when its masks have grown past GLYPH_CACHE_PX pixels
    (bytes: one a pixel), so memory stays bounded however many characters a board has."""
    if sum(g[0].size[0] * g[0].size[1] for g in cache.values() if g is not None) > GLYPH_CACHE_PX:
        cache.clear()
    return cache


def _paint_text(image: PILImage.Image, run: GlyphRun, scale: float, cache: GlyphCache,
                ink: Ink = _rgb, oy: int = 0) -> None:
    """Each glyph at its own x on the baseline. Pillow puts glyph bitmaps on whole pixels anyway (a
    fractional origin is rounded), so origins are rounded here and each glyph is rasterised once per board."""
    if len(run.xs) != len(run.text):
        raise RenderError(f"glyph run {run.text!r} has {len(run.xs)} positions "
                          f"for {len(run.text)} characters",
                          hint="a display-list bug: layout must give one x per character")
    # Size quantised to 1/64 px (FreeType's own unit) so the cache is not defeated by float noise.
    font = _font(run.font, round(run.size * scale * 64) / 64)
    rgb = ink(run.color)
    y = math.floor(run.baseline * scale + 0.5) - oy
    for ch, x in zip(run.text, run.xs, strict=True):
        if ch.isspace():
            continue
        key = (font, ch)
        if key not in cache:
            cache[key] = _glyph(font, ch)
        glyph = cache[key]
        if glyph is not None:
            mask, dx, dy = glyph
            image.paste(rgb, (math.floor(x * scale + 0.5) + dx, y + dy), mask)


def _glyph(font: ImageFont.FreeTypeFont, ch: str) -> tuple[PILImage.Image, int, int] | None:
    """A glyph's coverage mask and its offset from the pen origin (None for an empty glyph).

    Drawn once into a scratch mask with room to spare on every side and cut to its ink: asking FreeType for the
    bounding box first would lay the glyph out a second time.
    """
    ascent, descent = _metrics(font)
    em = math.ceil(font.size)
    ox, oy = 2 * em, ascent + em  # the pen origin in the scratch mask
    w, h = 5 * em, ascent + descent + 2 * em
    scratch = PILImage.new("L", (w, h), 0)
    ImageDraw.Draw(scratch).text((ox, oy), ch, font=font, fill=255, anchor="ls")
    box = scratch.getbbox()
    if box is None:
        return None
    if box[0] == 0 or box[1] == 0 or box[2] == w or box[3] == h:  # a glyph reaching that far: measure it
        left, top, right, bottom = font.getbbox(ch, anchor="ls")
        left, top = min(left, 0) - 1, min(top, 0) - 1
        mask = PILImage.new("L", (max(right, 0) - left + 2, max(bottom, 0) - top + 2), 0)
        ImageDraw.Draw(mask).text((-left, -top), ch, font=font, fill=255, anchor="ls")
        return mask, left, top
    return scratch.crop(box), box[0] - ox, box[1] - oy


@lru_cache(maxsize=64)
def _metrics(font: ImageFont.FreeTypeFont) -> tuple[int, int]:
    return font.getmetrics()


# --- images -------------------------------------------------------------------------------------------


def _paint_image(image: PILImage.Image, item: Image, scale: float, oy: int = 0) -> None:
    x0, y0 = round(item.x * scale), round(item.y * scale)
    w, h = round((item.x + item.w) * scale) - x0, round((item.y + item.h) * scale) - y0
    if w <= 0 or h <= 0:
        return
    y0 -= oy
    from ..icc import cmyk_to_srgb_image, srgb_to_cmyk_image
    from ..pictures import load_rgba

    pic = load_rgba(item.path).resize((w, h), PILImage.Resampling.LANCZOS)
    separated = srgb_to_cmyk_image(pic)  # through the output profile, as the PDF places it
    if image.mode == "CMYK":
        image.paste(separated, (x0, y0), pic.getchannel("A"))
    else:  # and back, as for every other colour: the PNG shows the picture as it will print
        image.paste(cmyk_to_srgb_image(separated), (x0, y0), pic.getchannel("A"))
