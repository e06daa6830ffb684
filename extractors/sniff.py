"""Telling a file's real format from its bytes, never from its name alone."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from core.errors import EmptyDocument, EncryptedDocument, UnsupportedFormat
from extractors.docx_guard import check_zip_directory

_BINARY_NAMES = {".pdf": "a PDF", ".docx": "a Word document", ".doc": "a Word document"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = (
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
# Stream names in an OLE2 (Office 97-2003) container's directory, stored as UTF-16LE.
_OLE2_STREAMS = (
    ("EncryptedPackage", None),
    ("WordDocument", "a legacy .doc file (Word 97-2003); save it as .docx or PDF"),
    ("Workbook", "a legacy .xls file (Excel 97-2003), not a report"),
    ("PowerPoint Document", "a legacy .ppt file (PowerPoint 97-2003), not a report"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")


def sniff_format(data: bytes, *, name: str) -> str:
    """Return "pdf", "docx" or "txt" for a file's bytes, or raise a ReportError saying what it really is."""
    if not data or data.isspace():
        raise EmptyDocument(name, "the file is empty (0 bytes)" if not data else "the file holds only white space")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    if data.startswith(_OLE2):
        raise _ole2_error(data, name)
    lowered = head[:32].lower()
    for magic, what in _MAGIC:
        if lowered.startswith(magic.lower()):
            raise UnsupportedFormat(name, f"this is {what}, not a DMAF report in PDF, DOCX or text")
    suffix = Path(name).suffix.lower()
    if suffix in _BINARY_NAMES:
        what = "plain text" if looks_like_text(data[:4096]) else "unrecognised binary data"
        raise UnsupportedFormat(name, f"named {suffix} but the bytes are {what}, not {_BINARY_NAMES[suffix]} "
                                      "(a renamed or damaged file?)")
    return "txt"


def looks_like_text(head: bytes) -> bool:
    """Return True when a file's first bytes read as text (no NULs, hardly any control bytes)."""
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 with a byte-order mark
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls <= len(head) // 100


def _ole2_error(data: bytes, name: str) -> Exception:
    """Return the error for an Office 97-2003 (OLE2) container, naming what it holds when that is visible."""
    for stream, what in _OLE2_STREAMS:
        if stream.encode("utf-16-le") in data:
            if what is None:
                return EncryptedDocument(name, "the Word/Office document is password-protected (an encrypted "
                                               "package); remove the password in Word and save it again")
            return UnsupportedFormat(name, f"this is {what}")
    return UnsupportedFormat(name, "this is a legacy .doc file (Word 97-2003, OLE2 format); save it as .docx or PDF")


def _zip_kind(data: bytes, name: str) -> str:
    """Return "docx" for a Word package; refuse other ZIP-based files by name."""
    check_zip_directory(data, source=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
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
