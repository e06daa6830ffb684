"""Checks on a DOCX package before python-docx parses it: real Word, no bombs, no entity tricks.

Everything here reads the ZIP directory or streams a part's first bytes; nothing is inflated whole.
A DOCTYPE is looked for with libxml2 itself (a feed parser that stops at the root element), so
a payload hidden after a long comment or in UTF-16 is found as surely as a plain one.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from lxml import etree

from core.errors import CorruptDocument, UnsafeDocument, UnsupportedFormat

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # bytes, all parts together
MAX_RATIO = 200  # uncompressed / compressed for any one large part
MAX_PARTS = 10_000  # a Word package has tens of parts, a few hundred with many images
_RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never judged by their ratio
_CHUNK = 64 * 1024
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"


def check_zip_directory(data: bytes, *, source: str) -> None:
    """Raise UnsafeDocument when the ZIP's end record declares more parts than any Word file has.

    Read from the end record itself, before ``zipfile`` builds one object per entry (millions of
    tiny entries fit in a few MB and would take gigabytes of memory).
    """
    entries = _declared_entries(data)
    if entries is not None and entries > MAX_PARTS:
        raise UnsafeDocument(source, f"refused: the ZIP package declares {entries:,} parts (limit {MAX_PARTS:,}); "
                                     "a Word document has a few dozen")


def _declared_entries(data: bytes) -> int | None:
    """Return the entry count in the ZIP end-of-central-directory record (ZIP64 aware), or None if absent."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    (entries,) = struct.unpack_from("<H", data, at + 10)
    locator = at - 20
    if entries == 0xFFFF and locator >= 0 and data[locator: locator + 4] == _EOCD64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", data, locator + 8)
        if offset + 40 <= len(data) and data[offset: offset + 4] == b"PK\x06\x06":
            (entries,) = struct.unpack_from("<Q", data, offset + 32)
    return entries


def check_docx_package(data: bytes, *, source: str) -> None:
    """Raise a ReportError unless the bytes are a sane Word package that is safe to parse."""
    check_zip_directory(data, source=source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise CorruptDocument(source, f"not a readable DOCX package (broken ZIP: {exc})") from exc
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            kind = "an OpenDocument file" if "content.xml" in names else "a ZIP archive"
            raise UnsupportedFormat(source, f"this is {kind}, not a Word document (no word/document.xml)")
        _check_sizes(archive, source)
        for info in archive.infolist():
            if not info.is_dir() and _declares_doctype(archive, info, source):
                raise UnsafeDocument(source, f"refused: part {info.filename} declares a DOCTYPE (an XML "
                                             "entity-expansion payload); Word never writes one")


def _check_sizes(archive: zipfile.ZipFile, source: str) -> None:
    """Refuse a package whose parts would inflate too far (a decompression bomb), from the directory alone."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeDocument(source, f"refused: part {info.filename} would expand {info.compress_size:,} "
                                         f"bytes to {info.file_size:,} (a decompression bomb)")
    if total > MAX_UNCOMPRESSED:
        raise UnsafeDocument(source, f"refused: the package would expand to {total:,} bytes, over the "
                                     f"limit of {MAX_UNCOMPRESSED:,} (a decompression bomb?)")


class _StopAtRoot(Exception):
    """Raised by the feed target at the root element: no DOCTYPE can follow it."""


class _PrologTarget:
    """A parser target that notes a DOCTYPE and stops at the first element."""

    def __init__(self) -> None:
        self.seen_doctype = False

    def doctype(self, name, public_id, system_url) -> None:
        """Note that the part declares a document type."""
        self.seen_doctype = True

    def start(self, tag, attrib, nsmap=None) -> None:
        """Stop parsing at the root element."""
        raise _StopAtRoot()

    def end(self, tag) -> None:
        """Ignore (never reached)."""

    def data(self, text) -> None:
        """Ignore character data."""

    def close(self) -> None:
        """Nothing to return."""


def _declares_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bool:
    """Return True when a part is XML with a DOCTYPE before its root element (read in chunks, never whole)."""
    target = _PrologTarget()
    parser = etree.XMLParser(target=target, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                parser.feed(chunk)
                if target.seen_doctype:
                    return True
            parser.close()
    except _StopAtRoot:
        pass
    except etree.XMLSyntaxError:
        pass  # not XML (an image), or XML python-docx will report as damaged
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError) as exc:
        raise CorruptDocument(source, f"part {info.filename} of the Word package cannot be read "
                                      f"({type(exc).__name__}: {exc})") from exc
    return target.seen_doctype
