"""PDF files to blocks: words with page and position, ruled tables as cells.

Every page is read through pdfium (``pdf_page``: characters, ruling edges, images), its words grouped in
``pdf_words`` and its ruled tables found by pdfplumber's table finder over pdfium's edges (no pdfminer parse);
page geometry decisions live in ``pdf_layout`` and ``pdf_regions`` (pure). This module opens the document,
reads it page by page (each page closed after use: flat memory on long files), sends scanned pages to OCR and
turns failures into our errors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pdfplumber.table import TableFinder

from core import defaults
from core.blocks import Block
from core.errors import CorruptDocument, EncryptedDocument, NoTextLayer, ReportError
from core.geometry import union, union_of
from extractors import pdf_layout as lay
from extractors import pdf_page, pdf_regions, pdf_words
from extractors.reading import read_bytes
from extractors.txt import drawn_table_rows

BAND = 0.08  # top and bottom fraction of a page where running headers and footers live


@dataclass(frozen=True, slots=True)
class OcrSummary:
    """Which pages of a PDF were read by OCR, with what engine and mean word confidence (0–100), and the numbers
    it could not trust (each ``{"page", "text", "conf", "why", "bbox"}``, the box in points)."""

    engine: str
    pages: tuple[int, ...]
    confidence: float
    doubts: tuple[dict, ...] = ()
    turned: tuple[tuple[int, int], ...] = ()  # (page, degrees turned counter-clockwise) for pages scanned turned


@dataclass(frozen=True, slots=True)
class PdfReading:
    """The readings of a PDF (label, blocks) and what OCR did, if anything."""

    readings: list[tuple[str, list[Block]]]
    ocr: OcrSummary | None = None


def extract_pdf(
    source: str | Path | BinaryIO, *, name: str | None = None, password: str | None = None,
    ocr: str | None = defaults.OCR_ENGINE, ocr_dpi: int = defaults.OCR_DPI,
) -> list[Block]:
    """Return the blocks of a PDF in reading order, each with its page and bounding box."""
    return read_pdf(source, name=name, password=password, ocr=ocr, ocr_dpi=ocr_dpi).readings[0][1]


def extract_pdf_readings(
    source: str | Path | BinaryIO, *, name: str | None = None, password: str | None = None,
    ocr: str | None = defaults.OCR_ENGINE, ocr_dpi: int = defaults.OCR_DPI,
) -> list[tuple[str, list[Block]]]:
    """Return the readings of a PDF: ``("default", blocks)``, and ``("no borderless tables", blocks)`` too when
    some page has rows aligned like a table without rules (which may or may not be one: the parser decides
    by the framework's arithmetic which reading is consistent)."""
    return read_pdf(source, name=name, password=password, ocr=ocr, ocr_dpi=ocr_dpi).readings


def read_pdf(
    source: str | Path | BinaryIO, *, name: str | None = None, password: str | None = None,
    ocr: str | None = defaults.OCR_ENGINE, ocr_dpi: int = defaults.OCR_DPI,
    min_conf: float = defaults.OCR_MIN_CONFIDENCE, on_scanned_page: Callable[[], None] | None = None,
) -> PdfReading:
    """Return the readings of a PDF and what OCR did. Pages without a text layer that hold an image (a scan)
    are read by the OCR engine ``ocr`` (None: not at all) from a rendering at ``ocr_dpi``; ``on_scanned_page``
    is called before each."""
    data, label = read_bytes(source, name=name)
    pages, scans = [], []
    pdf = _open(data, label, password)
    try:
        engine = None
        for number in range(1, len(pdf) + 1):
            try:
                content = pdf_page.read_page(pdf, number - 1)
                if _scanned(content) and ocr is not None:
                    if on_scanned_page is not None:
                        on_scanned_page()
                    if engine is None:
                        from extractors import ocr as engines

                        engine = engines.load_engine(ocr, label)
                    scan = _scan(pdf, number - 1, ocr_dpi, engine, min_conf)
                    scans.append((number, scan))
                    pages.append(_layout(number, content.height, scan.words, scan.tables))
                else:
                    pages.append(_read_page(content, number))
            except ReportError:
                raise
            except Exception as exc:
                raise CorruptDocument(label, f"page {number} cannot be read ({type(exc).__name__}: {exc})",
                                      where=f"page {number}") from exc
    finally:
        pdf.close()
    if pages and not any(p.segments or p.tables for p in pages):
        off = " (OCR is off: run without --ocr off to read scans)" if ocr is None else ""
        what = "it looks scanned, and OCR read no text from it" if scans else "it looks scanned"
        raise NoTextLayer(label, f"none of its {len(pages)} page(s) has a text layer: {what}{off}")
    readings = [("default", _document_blocks(pages, label))]
    if any(isinstance(item, lay.Grid) for page in pages for item in page.items):
        plain = [_layout(p.number, p.height, p.words, p.tables, grids=False) for p in pages]
        readings.append(("no borderless tables", _document_blocks(plain, label)))
    return PdfReading(readings, _summary(scans))


SCAN_MAX_CHARS = 20  # a page with fewer characters than this over an image is a scan (a stamp's text at most)
SCAN_IMAGE_SHARE = 0.1  # of the page's area: images covering this much make a textless page a scan


def _scanned(content: pdf_page.PageContent) -> bool:
    """Return True for a page that shows its content as an image: (next to) no text layer over a picture."""
    if len(content.columns) + content.turned >= SCAN_MAX_CHARS:
        return False
    return content.image_share() >= SCAN_IMAGE_SHARE


def _scan(pdf: pdfium.PdfDocument, index: int, dpi: int, engine, min_conf: float):
    """Return the OCR reading of page ``index`` (0-based), rendered by pdfium at ``dpi``."""
    from extractors import ocr

    page = pdf[index]
    try:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        page.close()
    return ocr.recognise(image, dpi, engine, min_conf=min_conf, frame_share=FRAME_SHARE)


def _summary(scans: list) -> OcrSummary | None:
    """Return what OCR did over a document's scanned pages, or None when it read none."""
    if not scans:
        return None
    words = [w for _, scan in scans for w in scan.words]
    confidence = sum(w["conf"] for w in words) / len(words) if words else 0.0
    doubts = tuple({"page": number, "text": w["text"], "conf": round(w["conf"], 1), "why": w["why"],
                    "bbox": tuple(round(w[k], 1) for k in ("x0", "top", "x1", "bottom"))}
                   for number, scan in scans for w in scan.low)
    turned = tuple((number, scan.rotation) for number, scan in scans if scan.rotation)
    return OcrSummary(scans[0][1].engine, tuple(n for n, _ in scans), round(confidence, 1), doubts, turned)


def _document_blocks(pages: list[_Page], label: str) -> list[Block]:
    """Return the blocks of laid-out pages: running lines as header/footer, the rest as paragraphs and cells."""
    running = _running_texts(pages)
    width = _text_right(pages)
    blocks: list[Block] = []
    for page in pages:
        _page_blocks(page, running, blocks, label, width, len(pages))
    return blocks


_PAGE_NUMBER = re.compile(r"(?:page\s*)?(?P<n>\d+)(?:\s*(?:of|/)\s*(?P<total>\d+))?", re.IGNORECASE)


def _running(text: str, running: set[str], page: int, pages: int) -> bool:
    """Return True for a running header/footer line: repeated in the band of other pages, or a page number.

    A page number with its total ("Page 3 of 9", "3 / 9") is one only where it can be: n no more than the page
    it stands on, N no more than the document's pages. "20 / 20" at the top of page 4 is a score set apart
    from the text above, whatever repeats elsewhere.
    """
    m = _PAGE_NUMBER.fullmatch(text.strip())
    if m is not None and m["total"]:
        return 1 <= int(m["n"]) <= min(page, int(m["total"])) and int(m["total"]) <= pages
    return m is not None or _key(text) in running


def count_pages(blocks: list[Block]) -> int | None:
    """Return the number of the last page that has a block."""
    return max((b.page for b in blocks if b.page), default=None)


def _open(data: bytes, label: str, password: str | None) -> pdfium.PdfDocument:
    """Open a PDF from bytes with pdfium, translating its failures into ReportErrors."""
    if b"%PDF" not in data[:1024]:
        raise CorruptDocument(label, "not a PDF: the file does not start with %PDF")
    if b"%%EOF" not in data[-1024:]:
        raise CorruptDocument(label, f"the PDF is truncated: its {len(data):,} bytes do not end with the %%EOF "
                                     "marker (an interrupted download or copy?); get the whole file again")
    try:
        return pdfium.PdfDocument(data, password=password)
    except MemoryError:
        raise
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_raw.FPDF_ERR_PASSWORD:
            hint = "the password given is wrong" if password else "give it with --pdf-password"
            raise EncryptedDocument(label, f"the PDF is password-protected; {hint}") from exc
        raise CorruptDocument(label, f"the PDF is damaged or truncated ({exc})") from exc
    except Exception as exc:
        raise CorruptDocument(label, f"the PDF cannot be opened ({type(exc).__name__}: {exc})") from exc


class _Page:
    """What one page yields: its text segments and borderless tables in reading order, and its ruled tables."""

    def __init__(self, number: int, height: float, items: list[lay.Segment | lay.Grid], tables: list,
                 words: list[dict]) -> None:
        self.number, self.height, self.items, self.tables, self.words = number, height, items, tables, words
        self.segments = [item for item in items if isinstance(item, lay.Segment)]


def _read_page(content: pdf_page.PageContent, number: int) -> _Page:
    """Lay out one page's words and ruled tables (pdfplumber's table finder over pdfium's edges and chars)."""
    tables = []
    if content.edges:
        for table in TableFinder(content).tables:
            inside = content.columns.within(table.bbox)  # every cell's characters, sifted once per table
            rows = []
            for row in table.rows:  # a cell None is merged into the one above
                rows.append([(bbox, pdf_words.cell_text(inside, bbox).strip() if bbox else "") for bbox in row.cells])
            if not _is_frame(rows, content.height):
                tables.append((table.bbox, rows))
    words = pdf_words.extract_words(content.columns)
    if tables:
        boxes = [t[0] for t in tables]
        words = [w for w in words if not any(_inside(w, b) for b in boxes)]
    return _layout(number, content.height, words, tables)


FRAME_SHARE = 0.5  # of the page's height: a "cell" this tall is a panel around text (a slide), not a table's


def _is_frame(rows: list, height: float) -> bool:
    """Return True for ruled boxes that frame text rather than tabulate it: a cell half the page tall or more.
    Its words are then laid out like any other text."""
    return any(bbox[3] - bbox[1] >= FRAME_SHARE * height for row in rows for bbox, _ in row if bbox is not None)


def _layout(number: int, height: float, words: list[dict], tables: list, *, grids: bool = True) -> _Page:
    """Return a page laid out: borderless tables (unless ``grids`` is False), two-column regions and lines."""
    items = pdf_regions.layout_page(words, top=height * BAND, bottom=height * (1 - BAND), grids=grids)
    return _Page(number, height, items, tables, words)


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


def _text_right(pages: list[_Page]) -> float:
    """Return where full-width text lines end in this document (the median over its fuller pages)."""
    edges = [lay.right_edge(full) for p in pages if len(full := [s for s in p.segments if s.column == 0]) >= 12]
    return sorted(edges)[len(edges) // 2] if edges else 0.0


def _page_blocks(page: _Page, running: set[str], blocks: list[Block], label: str, width: float = 0.0,
                 pages: int = 0) -> None:
    """Append one page's blocks: running lines as header/footer, the rest merged into paragraphs.

    ``width`` is where the document's full lines end, so that a sparse page (a cover) does not take
    its longest line for a full one.
    """
    body = lay.body_size(page.segments)
    columns = {s.column for s in page.segments}
    right = {c: lay.right_edge([s for s in page.segments if s.column == c]) for c in columns}
    right[0] = max(right.get(0, 0.0), width)
    tables = sorted(page.tables, key=lambda t: t[0][1])
    shared = _shared_lines(page.segments)
    lead = lay.line_gap(page.segments)
    current: list[lay.Segment] = []

    def flush() -> None:
        if current:
            _emit(current, body, page.number, blocks, label)
            current.clear()

    items = _drawn_tables(page.items)
    for segment in items:
        if isinstance(segment, _DrawnTable):
            flush()
            _emit_table((segment.bbox, segment.rows), page.number, blocks, label)
            continue
        while tables and tables[0][0][1] <= segment.top:
            flush()
            _emit_table(tables.pop(0), page.number, blocks, label)
        if isinstance(segment, lay.Grid):  # a borderless table, already in reading order
            flush()
            _emit_table((segment.bbox, segment.rows), page.number, blocks, label)
            continue
        cell = None if current else _wrapped_cell(blocks, segment, page.number)
        if cell is not None:
            _join_cell(blocks, cell, segment, label)
            continue
        band = _band(segment, page.height)
        if band and _running(segment.text, running, page.number, pages or page.number):
            flush()
            _add_running(blocks, band, segment, page.number, label)
            continue
        starts_row = id(segment) in shared and id(current[-1]) not in shared if current else False
        if current and (starts_row or not lay.joins(current[-1], segment, body, right[segment.column], lead)):
            flush()
        current.append(segment)
    flush()
    for table in tables:
        _emit_table(table, page.number, blocks, label)


class _DrawnTable:
    """A table drawn with box characters in a monospaced PDF (┌──┬──┐ / │ a │ b │): its cells by row."""

    def __init__(self, lines: list[list[lay.Segment]]) -> None:
        texts = [(k, " ".join(s.text for s in sorted(line, key=lambda s: s.x0))) for k, line in enumerate(lines)]
        self.rows = []
        for first, cells in drawn_table_rows(texts):
            box = union_of([s.bbox for s in lines[first]])
            self.rows.append([(box, cell) for cell in cells])
        self.bbox = union_of([s.bbox for line in lines for s in line])
        self.top = self.bbox[1]


def _drawn_tables(items: list) -> list:
    """Return a page's items with each run of lines drawn as a box table replaced by one _DrawnTable.

    A run is the consecutive lines that start with a box character (the segments of one line, split at wide
    gaps inside cells, taken together); fewer than two such lines are left as they are."""
    out: list = []
    run: list[list[lay.Segment]] = []

    def flush() -> None:
        if len(run) >= 2:
            out.append(_DrawnTable(run))
        else:
            out.extend(s for line in run for s in line)
        run.clear()

    for item in items:
        if isinstance(item, lay.Segment) and run and abs(item.top - run[-1][0].top) <= lay.LINE_TOLERANCE:
            run[-1].append(item)  # the rest of a table line, split at a wide gap inside a cell
        elif isinstance(item, lay.Segment) and _BOX_START.match(item.text):
            run.append([item])
        else:
            flush()
            out.append(item)
    flush()
    return out


_BOX_START = re.compile(r"^\s*[\u2500-\u257f]")


def _shared_lines(segments: list[lay.Segment]) -> set[int]:
    """Return the ids of segments that share their line with another segment of their column (table-like rows).

    A paragraph never runs on into such a line: "Indicator 1.b – …" with its score cell beside it starts anew.
    """
    by_line: dict[tuple[int, int], list[lay.Segment]] = {}
    for s in segments:
        by_line.setdefault((s.column, round(s.top / lay.LINE_TOLERANCE)), []).append(s)
    shared = set()
    for s in segments:
        key = round(s.top / lay.LINE_TOLERANCE)
        near = [t for k in (key - 1, key, key + 1) for t in by_line.get((s.column, k), ())]
        if any(t is not s and abs(t.top - s.top) <= lay.LINE_TOLERANCE for t in near):
            shared.add(id(s))
    return shared


def _emit(lines: list[lay.Segment], body: float, page: int, blocks: list[Block], label: str) -> None:
    """Append one paragraph, list item or heading made of consecutive lines."""
    text = lines[0].text
    for line in lines[1:]:
        text = lay.join_lines(text, line.text)
    bbox = union_of(s.bbox for s in lines)
    if lay.is_bullet_start(lines[0].text):
        kind = "list_item"
    elif lay.is_heading(lines[0], body):
        kind = "heading"
    else:
        kind = "paragraph"
    _add(blocks, kind, text, page, bbox, label, column=lines[0].column)


def _emit_table(table, page: int, blocks: list[Block], label: str) -> None:
    """Append one cell block per non-empty cell of a table (ruled, or found from alignment)."""
    number = 1 + max((b.table for b in blocks if b.table is not None), default=0)
    for r, row in enumerate(table[1], start=1):
        for c, (bbox, text) in enumerate(row, start=1):  # a cell merged from the row above keeps its column's place
            if text and bbox is not None:
                blocks.append(Block("table_cell", text, len(blocks), f"page {page} table {number} row {r} cell {c}",
                                    page=page, bbox=tuple(bbox), table=number, row=r, col=c, source=label))


def _add_running(blocks: list[Block], kind: str, segment: lay.Segment, page: int, label: str) -> None:
    """Append a running header/footer segment; pieces of one line become one block ("City | Pune | State | …")."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind != kind or last.page != page or abs(last.bbox[1] - segment.top) > lay.LINE_TOLERANCE:
        return _add_piece(blocks, kind, [(segment.x0, segment.text)], page, segment.bbox, label)
    blocks.pop()
    _add_piece(blocks, last.kind, [*last.extra["pieces"], (segment.x0, segment.text)], page, _union(last.bbox, segment),
               label)


def _wrapped_cell(blocks: list[Block], segment: lay.Segment, page: int) -> int | None:
    """Return which cell of the header row just above a segment it continues ("Arunachal" / "Pradesh"), if any."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind != "header" or last.page != page or len(last.extra.get("pieces", ())) < 2:
        return None
    if not 0 <= segment.top - last.bbox[3] <= 0.5 * (segment.bottom - segment.top):
        return None
    return next((k for k, (x0, _) in enumerate(last.extra["pieces"]) if abs(x0 - segment.x0) <= 3.0), None)


def _join_cell(blocks: list[Block], cell: int, segment: lay.Segment, label: str) -> None:
    """Append a wrapped line to one cell of the header row block just above it."""
    last = blocks.pop()
    pieces = list(last.extra["pieces"])
    pieces[cell] = (pieces[cell][0], f"{pieces[cell][1]} {segment.text}")
    _add_piece(blocks, last.kind, pieces, last.page, _union(last.bbox, segment), label)


def _union(bbox, segment: lay.Segment) -> tuple[float, float, float, float]:
    """Return the box around a box and a segment."""
    return union(bbox, segment.bbox)


def _add_piece(blocks: list[Block], kind: str, pieces: list[tuple[float, str]], page: int, bbox, label: str) -> None:
    """Append a header/footer block made of pieces of one row, remembering the pieces."""
    blocks.append(Block(kind, " | ".join(text for _, text in pieces), len(blocks), f"page {page}", page=page,
                        bbox=tuple(bbox), source=label, extra={"pieces": pieces}))


def _add(blocks: list[Block], kind: str, text: str, page: int, bbox, label: str, *, column: int = 0) -> None:
    """Append one block located on a page (``column`` 1 or 2 inside a two-column region, else 0)."""
    blocks.append(Block(kind, text, len(blocks), f"page {page}", page=page, bbox=tuple(bbox), source=label,
                        extra={"column": column} if column else {}))
