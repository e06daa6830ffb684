"""Format-specific extraction: each file format to one common list of ``Block``s.

``extract_file`` reads a file once, sniffs its real format from the bytes and dispatches to
``extract_txt``, ``extract_docx`` or ``extract_pdf`` (same signature each).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from core.blocks import Block
from extractors.docx import extract_docx
from extractors.pdf import count_pages, extract_pdf, extract_pdf_readings
from extractors.sniff import sniff_format
from extractors.txt import extract_txt

__all__ = ["Block", "Extraction", "extract_bytes", "extract_docx", "extract_pdf", "extract_txt", "sniff_format"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """The blocks of one document, with its detected format and page count (PDF only).

    ``alternatives`` are other readings of the same document where the layout is ambiguous, each with a
    label (e.g. "no borderless tables"); the parser keeps the reading the framework's arithmetic supports.
    """

    format: str
    blocks: list[Block]
    pages: int | None
    alternatives: tuple[tuple[str, list[Block]], ...] = ()


def extract_bytes(data: bytes, *, name: str, pdf_password: str | None = None) -> Extraction:
    """Return the blocks of a document given as bytes, dispatching on the sniffed format."""
    fmt = sniff_format(data, name=name)
    stream = io.BytesIO(data)
    if fmt == "pdf":
        (_, blocks), *others = extract_pdf_readings(stream, name=name, password=pdf_password)
        return Extraction(fmt, blocks, count_pages(blocks), tuple(others))
    if fmt == "docx":
        return Extraction(fmt, extract_docx(stream, name=name), None)
    return Extraction(fmt, extract_txt(stream, name=name), None)
