"""Telling a file's real format from its bytes, never from its name alone."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from dmaf.errors import EmptyDocument, UnsupportedFormat

_BINARY_NAMES = {".pdf": "a PDF", ".docx": "a Word document", ".doc": "a Word document"}
_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word 97-2003 .doc (OLE2) file; save it as .docx or PDF"),
    (b"{\\rtf", "an RTF file; save it as .docx or PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"<html", "an HTML page"),
    (b"<!doctype html", "an HTML page"),
)


def sniff_format(data: bytes, *, name: str) -> str:
    """Return "pdf", "docx" or "txt" for a file's bytes, or raise a ReportError saying what it really is."""
    if not data.strip():
        raise EmptyDocument(name, "the file is empty (0 bytes)" if not data else "the file holds only white space")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    lowered = head[:32].lower()
    for magic, what in _MAGIC:
        if lowered.startswith(magic.lower()):
            raise UnsupportedFormat(name, f"this is {what}, not a DMAF report in PDF, DOCX or text")
    suffix = Path(name).suffix.lower()
    if suffix in _BINARY_NAMES:
        raise UnsupportedFormat(name, f"named {suffix} but the bytes are plain text, not {_BINARY_NAMES[suffix]} "
                                      "(a renamed or damaged file?)")
    return "txt"


def _zip_kind(data: bytes, name: str) -> str:
    """Return "docx" for a Word package; refuse other ZIP-based files by name."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return "docx"  # a damaged package: the DOCX extractor reports the damage in words
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise UnsupportedFormat(name, "this is an Excel workbook (.xlsx), not a DMAF report")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFormat(name, "this is a PowerPoint file (.pptx), not a DMAF report")
    if "content.xml" in names:
        raise UnsupportedFormat(name, "this is an OpenDocument file; save it as .docx or PDF")
    raise UnsupportedFormat(name, "this is a ZIP archive, not a Word document")
