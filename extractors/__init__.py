"""Format-specific extraction: each file format to one common list of ``Block``s.

``extract_file`` reads a file once, sniffs its real format from the bytes and dispatches to
``extract_txt``, ``extract_docx`` or ``extract_pdf`` (same signature each).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from core.blocks import Block
from core import defaults
from extractors.docx import extract_docx
from extractors.pdf import OcrSummary, count_pages, extract_pdf, read_pdf
from extractors.sniff import sniff_format
from extractors.txt import extract_txt

__all__ = ["Block", "Extraction", "OcrSummary", "extract_bytes", "extract_docx", "extract_pdf", "extract_txt",
           "sniff_format"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """The blocks of one document, with its detected format and page count (PDF only).

    ``alternatives`` are other readings of the same document where the layout is ambiguous, each with a
    label (e.g. "no borderless tables"); the parser keeps the reading the framework's arithmetic supports.
    ``ocr`` says which pages of a PDF were scans read by OCR, and how well (None: none was).
    """

    format: str
    blocks: list[Block]
    pages: int | None
    alternatives: tuple[tuple[str, list[Block]], ...] = ()
    ocr: OcrSummary | None = None


def extract_bytes(data: bytes, *, name: str, pdf_password: str | None = None,
                  ocr: str | None = defaults.OCR_ENGINE, ocr_dpi: int = defaults.OCR_DPI,
                  ocr_min_confidence: float = defaults.OCR_MIN_CONFIDENCE,
                  on_scanned_page: Callable[[], None] | None = None) -> Extraction:
    """Return the blocks of a document given as bytes, dispatching on the sniffed format. Scanned PDF pages are
    read by the OCR engine ``ocr`` (None: not read)."""
    fmt = sniff_format(data, name=name)
    stream = io.BytesIO(data)
    if fmt == "pdf":
        reading = read_pdf(stream, name=name, password=pdf_password, ocr=ocr, ocr_dpi=ocr_dpi,
                           min_conf=ocr_min_confidence, on_scanned_page=on_scanned_page)
        (_, blocks), *others = reading.readings
        pages = reading.ocr and max(reading.ocr.pages)
        return Extraction(fmt, blocks, max(count_pages(blocks) or 0, pages or 0) or None, tuple(others), reading.ocr)
    if fmt == "docx":
        return Extraction(fmt, extract_docx(stream, name=name), None)
    return Extraction(fmt, extract_txt(stream, name=name), None)
