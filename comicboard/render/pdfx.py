"""Finish reportlab's PDF bytes with pikepdf: PDF/X-4 or X-1a:2003 markers, metadata in step, subset tags, overprint.

reportlab writes no OutputIntent and names every font subset AAAAAA+, AAAAAB+, … in every file. This step, for
every PDF comicboard writes: renames each subset by a tag derived from its glyphs (same glyphs, same tag; other
glyphs, another tag, in this file and in any other); registers the overprint graphics states pdf.py's content
refers to; writes one set of metadata (title, author, subject, language, revision date, PDF/X version) into
both the Info dictionary and the XMP packet, so Info-reading and XMP-reading tools agree; and, for PDF/X, embeds
the CMYK output profile as the /GTS_PDFX OutputIntent, sets /Trapped and a content-derived document ID, and
never encrypts.

The revision date is the board's `date:` if the spec gives one, else SOURCE_DATE_EPOCH (reproducible builds),
else 2000-01-01: the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Dictionary, Name

from .. import icc

VERSIONS = ("4", "1a")
_PDF_VERSION = {"4": "1.6", "1a": "1.4"}
_GTS = {"4": ("PDF/X-4", None), "1a": ("PDF/X-1:2003", "PDF/X-1a:2003")}  # GTS_PDFXVersion, GTS_PDFXConformance
_FALLBACK_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # no date given and no SOURCE_DATE_EPOCH: fixed, reproducible
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_GS = re.compile(rb"/(OP[A-Za-z]+)\s+gs\b")

# Overprint graphics states pdf.py refers to by name (OPM 1: a 0 % component leaves the plate below untouched,
# so 100 % K prints over the colours under it instead of knocking them out).
# Plain (stroke, fill, mode) values: a pikepdf Dictionary made once would belong to the first file it went into.
OVERPRINT = {
    "/OPstroke": (True, False, 1),
    "/OPfill": (False, True, 1),
    "/OPboth": (True, True, 1),
    "/OPoff": (False, False, 0),  # back to knockout after black text
}


@dataclass(frozen=True)
class DocInfo:
    """What the file says about itself: the board's title, organisation (author), subtitle (subject), language
    (BCP 47) and revision date (ISO 8601 date or date-time; None: SOURCE_DATE_EPOCH or the fixed fallback)."""

    title: str = ""
    author: str = ""
    subject: str = ""
    lang: str = ""
    date: str | None = None


def revision_date(given: str | None = None) -> datetime:
    """The date the file carries (see the module's contract); always timezone-aware."""
    if given:
        return parse_date(given)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time in seconds") from None
    return _FALLBACK_DATE


def parse_date(text: str | date) -> datetime:
    """'2026-12-07', '2026-12-07T09:30', '2026-12-07T09:30:00+08:00' (a date or a datetime too); no zone: UTC."""
    if isinstance(text, datetime):
        d = text
    elif isinstance(text, date):
        d = datetime(text.year, text.month, text.day)
    else:
        d = datetime.fromisoformat(str(text).strip())
    return d if d.tzinfo is not None else d.replace(tzinfo=UTC)


def _pdf_date(d: datetime) -> str:
    off = d.utcoffset()
    mins = int(off.total_seconds() // 60) if off is not None else 0
    sign = "+" if mins >= 0 else "-"
    return d.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(mins) // 60:02d}'{abs(mins) % 60:02d}'"


def _xmp_date(d: datetime) -> str:
    return d.isoformat(timespec="seconds")


def finish(data: bytes, path: str | Path | io.BytesIO, *, version: str | None, info: DocInfo) -> None:
    """Write `data` (a reportlab PDF) to `path` as PDF/X-`version` ("4" or "1a"), or a plain PDF for None."""
    if version is not None and version not in VERSIONS:
        raise ValueError(f"unknown PDF/X version {version!r}; use one of {', '.join(VERSIONS)}")
    when = revision_date(info.date)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        # The document ID comes from what the pages draw and what the file says, not from reportlab's own ID
        # (which follows SOURCE_DATE_EPOCH): the same board and date give the same bytes.
        h = hashlib.sha256(repr((info, when.isoformat(), version)).encode())
        for page in pdf.pages:
            contents = page.obj.get("/Contents")
            for stream in contents if isinstance(contents, pikepdf.Array) else [contents] if contents else []:
                h.update(stream.read_raw_bytes())
        digest = h.hexdigest()
        if "/ID" in pdf.trailer:
            del pdf.trailer.ID  # reportlab's, from SOURCE_DATE_EPOCH; qpdf derives a new one from the content
        tag_subsets(pdf)
        forms: set[tuple[int, int]] = set()
        for page in pdf.pages:
            _register_overprint(page, forms)
        if version is not None:
            profile = pdf.make_stream(zlib.compress(icc.profile_bytes(icc.CMYK_PROFILE), 9))
            profile.Filter = Name.FlateDecode
            profile.N = 4
            pdf.Root.OutputIntents = pikepdf.Array([Dictionary(
                Type=Name.OutputIntent, S=Name.GTS_PDFX,
                OutputConditionIdentifier=icc.OUTPUT_CONDITION_ID, OutputCondition=icc.OUTPUT_CONDITION,
                RegistryName=icc.REGISTRY, Info=icc.OUTPUT_CONDITION, DestOutputProfile=profile)])
        if info.lang:
            pdf.Root.Lang = info.lang
        elif "/Lang" in pdf.Root:
            del pdf.Root.Lang
        _write_info(pdf, info, when, version)
        meta = pdf.make_stream(_xmp(info, when, version, digest).encode())  # plain text: readable by any tool
        meta.Type, meta.Subtype = Name.Metadata, Name.XML
        pdf.Root.Metadata = meta
        # compress_streams=False: reportlab's streams are compressed already and XMP must stay plain text.
        # Saved to memory, then written by Python: qpdf failing to write a file (a full disk) aborts the process.
        saved = io.BytesIO()
        pdf.save(saved, deterministic_id=True, compress_streams=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable, encryption=False,
                 **({"force_version": _PDF_VERSION[version]} if version else {}))
    if isinstance(path, io.BytesIO):
        path.write(saved.getbuffer())
    else:
        with open(path, "wb") as f:
            f.write(saved.getbuffer())


def _write_info(pdf: pikepdf.Pdf, info: DocInfo, when: datetime, version: str | None) -> None:
    """A fresh Info dictionary with exactly what the XMP says (reportlab's 'anonymous' and 'unspecified' go)."""
    old = pdf.docinfo
    new = Dictionary(Title=info.title, Creator=str(old.get("/Creator", "comicboard")),
                     Producer=str(old.get("/Producer", "comicboard")),
                     CreationDate=_pdf_date(when), ModDate=_pdf_date(when))
    if info.author:
        new.Author = info.author
    if info.subject:
        new.Subject = info.subject
    if version is not None:
        new.Trapped = Name("/False")
        gts, conformance = _GTS[version]
        new.GTS_PDFXVersion = gts
        if conformance:
            new.GTS_PDFXConformance = conformance
    pdf.trailer.Info = pdf.make_indirect(new)


def _register_overprint(page: pikepdf.Page, done: set[tuple[int, int]]) -> None:
    """Add the overprint states to a page whose content names them (pdf.py writes `/OPfill gs` and the like), and
    to each form it draws (a repeated figure or scene has its own content and resources); `done`: forms seen."""
    contents = page.obj.get("/Contents")
    streams = contents if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
    _add_overprint(page.obj.Resources, streams)
    xobjects = page.obj.Resources.get("/XObject")
    for form in xobjects.values() if xobjects is not None else ():
        if form.get("/Subtype") != Name.Form or form.objgen in done:
            continue
        done.add(form.objgen)
        if "/Resources" not in form:
            form.Resources = Dictionary()
        _add_overprint(form.Resources, [form])


def _add_overprint(res: Dictionary, streams: list) -> None:
    # The names are found in the raw content (pdf.py writes exactly "/OPfill gs"): parsing the stream into
    # operators took most of a second on a board of a few thousand paths.
    names = {"/" + m.decode() for stream in streams for m in _GS.findall(stream.read_bytes())} & set(OVERPRINT)
    if not names:
        return
    if Name.ExtGState not in res:
        res.ExtGState = Dictionary()
    for n in sorted(names):
        stroke, fill, mode = OVERPRINT[n]
        res.ExtGState[n] = Dictionary(Type=Name.ExtGState, OP=stroke, op=fill, OPM=mode)


def tag_subsets(pdf: pikepdf.Pdf) -> None:
    """Rename every font subset `XXXXXX+Name` by a tag derived from the subset's glyphs and encoding.

    The tag is six capitals from a SHA-256 of the font program and its ToUnicode map: deterministic, and distinct
    for distinct subsets (a RIP that caches fonts by name, or a press sheet ganging several boards, never takes
    one subset for another). Identical subsets share a tag, which is what the name promises.
    """
    fonts: dict[tuple[int, int], pikepdf.Object] = {}
    for obj in pdf.objects:
        if isinstance(obj, Dictionary) and obj.get("/Type") == Name.Font and "/BaseFont" in obj:
            fonts[obj.objgen] = obj
    for font in fonts.values():
        base = str(font.BaseFont).lstrip("/")
        if not _SUBSET.match(base):
            continue
        name = base[7:]
        desc = font.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in font:
            desc = font.DescendantFonts[0].get("/FontDescriptor")
        h = hashlib.sha256(name.encode())
        for key in ("/FontFile2", "/FontFile3", "/FontFile"):
            if desc is not None and key in desc:
                h.update(desc[key].read_bytes())
        if "/ToUnicode" in font:
            h.update(font.ToUnicode.read_bytes())
        n = int.from_bytes(h.digest()[:8], "big")
        tag = "".join(chr(65 + (n // 26 ** i) % 26) for i in range(6))
        new = Name("/" + tag + "+" + name)
        font.BaseFont = new
        if desc is not None:
            desc.FontName = new
        if "/DescendantFonts" in font:
            font.DescendantFonts[0].BaseFont = new


def _xmp(info: DocInfo, when: datetime, version: str | None, digest: str) -> str:
    doc_id = uuid.UUID(digest[:32], version=4)
    stamp = _xmp_date(when)
    fields = [f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>']
    if info.author:
        fields.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>")
    if info.subject:
        fields.append('<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
                      f"{escape(info.subject)}</rdf:li></rdf:Alt></dc:description>")
    if info.lang:
        fields.append(f"<dc:language><rdf:Bag><rdf:li>{escape(info.lang)}</rdf:li></rdf:Bag></dc:language>")
    if version is not None:
        fields.append("<pdf:Trapped>False</pdf:Trapped>")
        gts, conformance = _GTS[version]
        if version == "4":
            fields.append(f"<pdfxid:GTS_PDFXVersion>{gts}</pdfxid:GTS_PDFXVersion>")
        else:
            fields.append(f"<pdfx:GTS_PDFXVersion>{gts}</pdfx:GTS_PDFXVersion>")
            fields.append(f"<pdfx:GTS_PDFXConformance>{conformance}</pdfx:GTS_PDFXConformance>")
    body = "\n   ".join(fields)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   {body}
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
   <xmp:CreatorTool>comicboard</xmp:CreatorTool>
   <pdf:Producer>comicboard</pdf:Producer>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
