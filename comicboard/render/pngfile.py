"""Write an 8-bit RGB PNG from bands of rows: each band deflated on its own, the pieces joined into one stream.

Rows go unfiltered (filter type 0): boards are flat colour, where deflate's own matches (a pixel repeats three
bytes back) find the runs that PNG's Sub/Up filters would, and Pillow's choice among all five filters for every
row costs more than the compression itself. Each band is deflated by its own compressor and ends with a sync
flush (on a byte boundary, no final bit), so bands can be compressed on other threads or processes and simply
concatenated, as pigz does; one empty final block and the Adler-32 of all rows (combined from the bands') close
the zlib stream. The same rows give the same bytes, however the work was spread.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from typing import BinaryIO

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 3  # as fast as level 1 on boards, a few per cent smaller; 6 costs twice the time for 10 % less
ZLIB_HEADER = b"\x78\x5e"  # deflate, 32 KiB window, "fast" level (informational only), FCHECK valid
_FINAL = zlib.compressobj(LEVEL, zlib.DEFLATED, -15).flush()  # an empty final block: ends the deflate stream
_BASE = 65521  # Adler-32's modulus

Segment = tuple[bytes, int, int]  # deflated bytes, Adler-32 of the raw rows, raw length


def deflate_segment(padded: bytes | list[bytes], level: int = LEVEL) -> Segment:
    """One band as a raw deflate piece ending on a byte boundary. `padded`: its rows (in one buffer, or in
    several one after the other), each followed by a zero byte; with one more zero in front and the last dropped,
    each row follows a zero instead, which is its PNG filter byte (type 0): the rows are not copied again. zlib
    lets go of the GIL while it works, so a thread compresses this while the caller paints the next band."""
    parts = [memoryview(p) for p in ([padded] if isinstance(padded, bytes | bytearray) else padded)]
    parts[-1] = parts[-1][:-1]
    comp = zlib.compressobj(level, zlib.DEFLATED, -15, 9)
    body, adler, n = [comp.compress(b"\0")], zlib.adler32(b"\0"), 1
    for part in parts:
        body.append(comp.compress(part))
        adler, n = zlib.adler32(part, adler), n + len(part)
    body.append(comp.flush(zlib.Z_SYNC_FLUSH))
    return b"".join(body), adler, n


def adler32_combine(a1: int, a2: int, len2: int) -> int:
    """Adler-32 of A + B from those of A and B and the length of B (zlib's adler32_combine)."""
    rem = len2 % _BASE
    s1 = a1 & 0xFFFF
    s2 = (rem * s1) % _BASE
    s1 += (a2 & 0xFFFF) + _BASE - 1
    s2 += (a1 >> 16) + (a2 >> 16) + _BASE - rem
    s1 %= _BASE
    s2 %= _BASE
    return (s2 << 16) | s1


def chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(tag)))


def head(width: int, height: int, dpi: float, icc: bytes | None) -> bytes:
    """Signature, IHDR (8-bit RGB, not interlaced), the ICC profile and the resolution, as Pillow writes them."""
    out = SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    if icc:
        out += chunk(b"iCCP", b"ICC Profile\0\0" + zlib.compress(icc))
    ppm = int(dpi / 0.0254 + 0.5)  # pixels per metre
    return out + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))


def write_png(out: BinaryIO, width: int, height: int, dpi: float, icc: bytes | None,
              segments: Iterable[Segment]) -> None:
    """Write the file: each segment (bands top to bottom) as an IDAT chunk, then the stream's end."""
    out.write(head(width, height, dpi, icc))
    adler, first = 1, True
    for body, a, n in segments:
        out.write(chunk(b"IDAT", (ZLIB_HEADER if first else b"") + body))
        adler, first = adler32_combine(adler, a, n), False
    out.write(chunk(b"IDAT", (ZLIB_HEADER if first else b"") + _FINAL + struct.pack(">I", adler)))
    out.write(chunk(b"IEND", b""))
