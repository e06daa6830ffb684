"""PDF files to blocks with pdfplumber: words with page and position, ruled tables as cells.

Page geometry decisions live in ``pdf_layout`` (pure); this module only talks to pdfplumber,
closes every page after use (flat memory on long files) and turns its failures into our errors.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import BinaryIO

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from dmaf.errors import CorruptDocument, EncryptedDocument, NoTextLayer
from extractors import pdf_layout as lay
from extractors.blocks import Block
from extractors.reading import read_bytes

BAND = 0.08  # top and bottom fraction of a page where running headers and footers live
_WORD_ATTRS = ["size", "fontname"]


def extract_pdf(
    source: str | Path | BinaryIO, *, name: str | None = None, password: str | None = None
) -> list[Block]:
    """Return the blocks of a PDF in reading order, each with its page and bounding box."""
    data, label = read_bytes(source, name=name)
    pages = []
    with _open(data, label, password) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(_read_page(page, number))
            except Exception as exc:
                raise CorruptDocument(label, f"page {number} cannot be read ({type(exc).__name__}: {exc})",
                                      where=f"page {number}") from exc
            finally:
                page.close()
    if pages and not any(p.segments or p.tables for p in pages):
        raise NoTextLayer(label, f"none of its {len(pages)} page(s) has a text layer: it looks scanned "
                                 "(OCR is not supported)")
    running = _running_texts(pages)
    blocks: list[Block] = []
    for page in pages:
        _page_blocks(page, running, blocks, label)
    return blocks


def count_pages(blocks: list[Block]) -> int | None:
    """Return the number of the last page that has a block."""
    return max((b.page for b in blocks if b.page), default=None)


def _open(data: bytes, label: str, password: str | None):
    """Open a PDF from bytes, translating pdfminer's failures into ReportErrors."""
    if b"%PDF" not in data[:1024]:
        raise CorruptDocument(label, "not a PDF: the file does not start with %PDF")
    if b"%%EOF" not in data[-1024:]:
        raise CorruptDocument(label, f"the PDF is truncated: its {len(data):,} bytes do not end with the %%EOF "
                                     "marker (an interrupted download or copy?); get the whole file again")
    try:
        return pdfplumber.open(io.BytesIO(data), password=password)
    except MemoryError:
        raise
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        kind = type(cause).__name__
        if kind in ("PDFPasswordIncorrect", "PDFEncryptionError") or "password" in kind.lower():
            hint = "the password given is wrong" if password else "give it with --pdf-password"
            raise EncryptedDocument(label, f"the PDF is password-protected; {hint}") from exc
        raise CorruptDocument(label, f"the PDF is damaged or truncated ({kind}: {cause})") from exc
    except Exception as exc:
        raise CorruptDocument(label, f"the PDF cannot be opened ({type(exc).__name__}: {exc})") from exc


class _Page:
    """What one page yields: its text segments in reading order and its ruled tables."""

    def __init__(self, number: int, height: float, segments: list[lay.Segment], tables: list) -> None:
        self.number, self.height, self.segments, self.tables = number, height, segments, tables


def _read_page(page, number: int) -> _Page:
    """Read words and ruled tables of one page."""
    tables = []
    for table in page.find_tables():
        rows = []
        for row, texts in zip(table.rows, table.extract()):
            rows.append([(bbox, (text or "").strip()) for bbox, text in zip(row.cells, texts) if bbox is not None])
        tables.append((table.bbox, rows))
    boxes = [t[0] for t in tables]
    words = [
        w for w in page.extract_words(extra_attrs=_WORD_ATTRS, keep_blank_chars=False)
        if not any(_inside(w, b) for b in boxes)
    ]
    lines = [lay.line_to_segments(line) for line in lay.words_to_lines(words)]
    return _Page(number, float(page.height), lay.reading_order(lines), tables)


def _inside(word: dict, bbox: tuple[float, float, float, float]) -> bool:
    """Return True when a word's centre lies within a box."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _band(segment: lay.Segment, height: float) -> str | None:
    """Return "header"/"footer" for a segment in the page's top/bottom band."""
    if segment.bottom <= height * BAND:
        return "header"
    if segment.top >= height * (1 - BAND):
        return "footer"
    return None


def _key(text: str) -> str:
    """Return a text with its numbers masked, so "Page 3" and "Page 4" are one running line."""
    return re.sub(r"\d+", "#", text.strip().lower())


def _running_texts(pages: list[_Page]) -> set[str]:
    """Return the masked texts that repeat in the header/footer band of two or more pages."""
    seen = Counter()
    for page in pages:
        seen.update({_key(s.text) for s in page.segments if _band(s, page.height)})
    return {key for key, n in seen.items() if n >= 2}


def _page_blocks(page: _Page, running: set[str], blocks: list[Block], label: str) -> None:
    """Append one page's blocks: running lines as header/footer, the rest merged into paragraphs."""
    body = lay.body_size(page.segments)
    right = lay.right_edge(page.segments)
    tables = sorted(page.tables, key=lambda t: t[0][1])
    current: list[lay.Segment] = []

    def flush() -> None:
        if current:
            _emit(current, body, page.number, blocks, label)
            current.clear()

    for segment in page.segments:
        while tables and tables[0][0][1] <= segment.top:
            flush()
            _emit_table(tables.pop(0), page.number, blocks, label)
        band = _band(segment, page.height)
        if band and (_key(segment.text) in running or re.fullmatch(r"(page\s*)?#(\s*(of|/)\s*#)?", _key(segment.text))):
            flush()
            _add(blocks, band, segment.text, page.number, segment.bbox, label)
            continue
        if current and not lay.joins(current[-1], segment, body, right):
            flush()
        current.append(segment)
    flush()
    for table in tables:
        _emit_table(table, page.number, blocks, label)


def _emit(lines: list[lay.Segment], body: float, page: int, blocks: list[Block], label: str) -> None:
    """Append one paragraph, list item or heading made of consecutive lines."""
    text = lines[0].text
    for line in lines[1:]:
        text = lay.join_lines(text, line.text)
    bbox = (min(s.x0 for s in lines), lines[0].top, max(s.x1 for s in lines), lines[-1].bottom)
    if lay.is_bullet_start(lines[0].text):
        kind = "list_item"
    elif lay.is_heading(lines[0], body):
        kind = "heading"
    else:
        kind = "paragraph"
    _add(blocks, kind, text, page, bbox, label)


def _emit_table(table, page: int, blocks: list[Block], label: str) -> None:
    """Append one cell block per non-empty cell of a ruled table."""
    number = 1 + max((b.table for b in blocks if b.table is not None), default=0)
    for r, row in enumerate(table[1], start=1):
        for c, (bbox, text) in enumerate(row, start=1):
            if text:
                blocks.append(Block("table_cell", text, len(blocks), f"page {page} table {number} row {r} cell {c}",
                                    page=page, bbox=tuple(bbox), table=number, row=r, col=c, source=label))


def _add(blocks: list[Block], kind: str, text: str, page: int, bbox, label: str) -> None:
    """Append one block located on a page."""
    blocks.append(Block(kind, text, len(blocks), f"page {page}", page=page, bbox=tuple(bbox), source=label))
