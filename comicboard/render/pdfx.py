"""Turn reportlab's PDF bytes into a PDF/X-4 or PDF/X-1a:2003 file with pikepdf: OutputIntent, markers, XMP, ID.

reportlab writes no OutputIntent. This step embeds the CMYK output profile as the /GTS_PDFX OutputIntent, declares
the version (Info keys for X-1a, XMP for X-4), sets /Trapped and a content-derived document ID, and never
encrypts. Dates are the fixed ones of reportlab's invariant mode, so the same board gives the same bytes.
"""

from __future__ import annotations

import hashlib
import uuid
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Dictionary, Name

from .. import icc

VERSIONS = ("4", "1a")
_PDF_VERSION = {"4": "1.6", "1a": "1.4"}
_INFO_DATE = "D:20000101000000+00'00'"  # reportlab's invariant date, kept in Info and XMP alike
_XMP_DATE = "2000-01-01T00:00:00+00:00"


def finish(data: bytes, path: str | Path, *, version: str, title: str = "") -> None:
    """Write `data` (a reportlab PDF) to `path` as PDF/X-`version` ("4" or "1a")."""
    if version not in VERSIONS:
        raise ValueError(f"unknown PDF/X version {version!r}; use one of {', '.join(VERSIONS)}")
    import io

    digest = hashlib.sha256(data).hexdigest()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        profile = pdf.make_stream(zlib.compress(icc.profile_bytes(icc.CMYK_PROFILE), 9))
        profile.Filter = Name.FlateDecode
        profile.N = 4
        pdf.Root.OutputIntents = pikepdf.Array([Dictionary(
            Type=Name.OutputIntent, S=Name.GTS_PDFX,
            OutputConditionIdentifier=icc.OUTPUT_CONDITION_ID, OutputCondition=icc.OUTPUT_CONDITION,
            RegistryName=icc.REGISTRY, Info=icc.OUTPUT_CONDITION, DestOutputProfile=profile)])
        info = pdf.docinfo
        info.Title = title
        info.CreationDate = info.ModDate = _INFO_DATE
        info.Trapped = Name("/False")
        if version == "1a":
            info.GTS_PDFXVersion = "PDF/X-1:2003"
            info.GTS_PDFXConformance = "PDF/X-1a:2003"
        else:
            meta = pdf.make_stream(_xmp(title, digest, info).encode())  # uncompressed: readable by any tool
            meta.Type, meta.Subtype = Name.Metadata, Name.XML
            pdf.Root.Metadata = meta
        # compress_streams=False: reportlab's streams are compressed already and XMP must stay plain text.
        pdf.save(path, deterministic_id=True, force_version=_PDF_VERSION[version], compress_streams=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable, encryption=False)


def _xmp(title: str, digest: str, info: Dictionary) -> str:
    doc_id = uuid.UUID(digest[:32], version=4)
    producer = escape(str(info.get("/Producer", "comicboard")))
    creator = escape(str(info.get("/Creator", "comicboard")))
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{_XMP_DATE}</xmp:CreateDate>
   <xmp:ModifyDate>{_XMP_DATE}</xmp:ModifyDate>
   <xmp:MetadataDate>{_XMP_DATE}</xmp:MetadataDate>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
