"""Words of plain PDF pages through pdfium (pypdfium2), identical to pdfplumber's and ~5x cheaper.

pdfplumber builds every character through pdfminer's Python interpreter (≈90% of our PDF time);
pdfium reads the same characters in C. This module rebuilds pdfplumber's character dicts exactly
as pdfminer computes them (x0 at the glyph origin, x1 = x0 + AFM advance, bottom = baseline +
AFM descent, top = bottom + size) and groups them with pdfplumber's own ``WordExtractor``, so the
words equal ``page.extract_words``'s. Exactness is only claimed where pdfminer's metrics are
known here, so ``page_words`` returns None (read that page with pdfplumber) for a page that has:
any non-text object (a rule, box or table grid: ruled tables are pdfplumber's job; an image; a
form), a font outside the standard 14 (embedded fonts: pdfminer uses their /Widths, which
pdfium does not expose reliably), rotated, skewed or scaled text, or a shifted or rotated page box.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.utils.text import WordExtractor

_FONT_NAME_BYTES = 256
_HYPHEN_MARK = 0x02  # pdfium's code for a "-" that ends a line


class FastPdf:
    """A PDF opened with pdfium and read page by page; ``close`` frees pdfium's memory."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        self._pdf = pdfium.PdfDocument(data, password=password)

    def __len__(self) -> int:
        return len(self._pdf)

    def page_words(self, index: int, word_settings: dict) -> list[dict] | None:
        """Return the words of page ``index`` (0-based) as pdfplumber's dicts, or None to use pdfplumber."""
        try:
            page = self._pdf[index]
        except pdfium.PdfiumError:
            return None
        try:
            if not plain_page(page):
                return None
            textpage = page.get_textpage()
            try:
                chars = page_chars(textpage, page.get_height())
            finally:
                textpage.close()
        except pdfium.PdfiumError:
            return None
        finally:
            page.close()
        return None if chars is None else WordExtractor(**word_settings).extract_words(chars)

    def close(self) -> None:
        """Release the document."""
        self._pdf.close()


def open_fast(data: bytes, password: str | None, page_count: int) -> FastPdf | None:
    """Open a PDF with pdfium; None when it cannot or sees another number of pages than pdfplumber."""
    try:
        fast = FastPdf(data, password)
    except pdfium.PdfiumError:
        return None
    if len(fast) != page_count:
        fast.close()
        return None
    return fast


def plain_page(page: pdfium.PdfPage) -> bool:
    """Return True for an unrotated page with its boxes at the origin that holds text objects only."""
    if page.get_rotation() != 0:
        return False
    box = page.get_mediabox()
    if box[0] != 0 or box[1] != 0 or tuple(page.get_cropbox()) != tuple(box):
        return False
    handle = page.raw
    return all(
        raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(handle, i)) == raw.FPDF_PAGEOBJ_TEXT
        for i in range(raw.FPDFPage_CountObjects(handle))
    )


def page_chars(textpage: pdfium.PdfTextPage, height: float) -> list[dict] | None:
    """Return a page's characters as pdfplumber's dicts, or None when one cannot be matched exactly."""
    handle = textpage.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = raw.FS_MATRIX()
    fonts: dict[int, tuple | None] = {}
    chars: list[dict] = []
    for i in range(raw.FPDFText_CountChars(handle)):
        if raw.FPDFText_IsGenerated(handle, i) != 0:
            continue  # spaces and line ends pdfium infers; pdfminer only sees the real ones
        code = raw.FPDFText_GetUnicode(handle, i)
        code = 0x2D if code == _HYPHEN_MARK else code
        metrics = _standard_font(handle, i, fonts)
        if metrics is None or code in (0, 0xFFFE, 0xFFFF):
            return None
        raw.FPDFText_GetMatrix(handle, i, ctypes.byref(matrix))
        if matrix.b != 0 or matrix.c != 0 or matrix.a != matrix.d or matrix.a <= 0:
            return None
        name, descent, widths = metrics
        text = chr(code)
        advance = widths.get(text)
        if advance is None:
            return None
        size = raw.FPDFText_GetFontSize(handle, i)
        raw.FPDFText_GetCharOrigin(handle, i, ctypes.byref(x), ctypes.byref(y))
        low = y.value + descent * size
        top = height - (low + size)
        chars.append({
            "text": text, "x0": x.value, "x1": x.value + advance * size / 1000,
            "top": top, "bottom": height - low, "doctop": top, "upright": True, "size": size, "fontname": name,
        })
    return chars


def _standard_font(handle, index: int, fonts: dict[int, tuple | None]) -> tuple | None:
    """Return (name, descent per point, AFM widths) of a character's standard-14 font, else None.

    pdfminer uses its built-in AFM metrics for these fonts (embedded or not), so they are used here.
    """
    obj = raw.FPDFText_GetTextObject(handle, index)
    key = ctypes.cast(obj, ctypes.c_void_p).value or 0
    if key in fonts:
        return fonts[key]
    buffer = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    length = raw.FPDFFont_GetBaseFontName(raw.FPDFTextObj_GetFont(obj), buffer, _FONT_NAME_BYTES)
    name = buffer.raw[: max(0, length - 1)].decode("latin-1")
    metrics = FONT_METRICS.get(name)
    found = None
    if metrics is not None:
        descriptor, widths = metrics
        found = (name, -abs(float(descriptor.get("Descent", 0))) / 1000, widths)
    fonts[key] = found
    return found
