"""Checks on a DOCX package before python-docx parses it: real Word, no bombs, no entity tricks."""

from __future__ import annotations

import io
import zipfile

from dmaf.errors import CorruptDocument, UnsafeDocument, UnsupportedFormat

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # bytes, all parts together
MAX_RATIO = 200  # uncompressed / compressed for any one large part
_RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never judged by their ratio
_XML_HEAD = 64 * 1024


def check_docx_package(data: bytes, *, source: str) -> None:
    """Raise a ReportError unless the bytes are a sane Word package that is safe to parse."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CorruptDocument(source, f"not a readable DOCX package (broken ZIP: {exc})") from exc
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            kind = "an OpenDocument file" if "content.xml" in names else "a ZIP archive"
            raise UnsupportedFormat(source, f"this is {kind}, not a Word document (no word/document.xml)")
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise UnsafeDocument(source, f"refused: part {info.filename} would expand {info.compress_size:,} "
                                             f"bytes to {info.file_size:,} (a decompression bomb)")
        if total > MAX_UNCOMPRESSED:
            raise UnsafeDocument(source, f"refused: the package would expand to {total:,} bytes "
                                         f"(limit {MAX_UNCOMPRESSED:,})")
        for name in sorted(n for n in names if n.endswith(".xml") or n.endswith(".rels")):
            with archive.open(name) as part:
                head = part.read(_XML_HEAD)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise UnsafeDocument(source, f"refused: part {name} declares a DOCTYPE/ENTITY (an XML "
                                             "entity-expansion payload); Word never writes one")
