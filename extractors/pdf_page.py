"""What pdfium shows of a PDF page: its characters with boxes and fonts, its ruling edges and its images.

Every page is read through pdfium's C text and object API (pypdfium2), whatever its fonts; pdfminer, behind
pdfplumber, costs 10-20x more per page in Python. Characters come as columns (``Chars``: numpy arrays of
``x0``, ``x1``, ``top``, ``bottom`` in points from the page box's top-left, with text and font), read with two
pdfium calls each; edges and the page box are in pdfplumber's shapes, so its table finder reads them.

- A character's box follows pdfminer's convention, which the layout code was tuned on: from its origin to
  its advance, its bottom at the font's descent below the baseline, its top one font size above the bottom.
  For the standard 14 fonts the advance and descent are the AFM metrics PDF readers use, so the boxes are
  pdfminer's to the thousandth of a point; for embedded fonts they come from pdfium (its loose box, the font's
  descent).
- Characters pdfium infers (spaces and line ends that are not in the content) are left out, and so is text
  set at an angle (a watermark), whose count is kept: a scan with a stamp still looks scanned.
- Edges are the horizontal and vertical straight segments of painted paths (rules, boxes, table grids),
  inside form XObjects too.
- Images are kept as their boxes, to tell a scanned page from a text page.
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pypdfium2_raw import bindings

LEVEL_TOLERANCE = 1e-3  # a text object whose matrix turns it more than this is set at an angle
_FONT_NAME_BYTES = 256
_HYPHEN_MARK = "\x02"  # pdfium's code for a "-" that ends a line
_NO_TEXT = frozenset("\x00\ufffe\uffff")
_UNSPELT = "\ufffe"
_SAME_POINT = 0.01  # points: a loose box this close to a character's advance is that advance
_NO_FONT = (0, 0.0, None, 0.0)
_LINE_SEGMENT = raw.FPDF_SEGMENT_LINETO
_FORM_DEPTH = 8  # form XObjects nested deeper than this are not looked into


@dataclass(frozen=True, slots=True)
class Chars:
    """A page's level characters in content order, as columns: text, box (points from the page box's top-left)
    and an index into ``fonts`` ((font name, size) pairs)."""

    text: list[str]
    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    font: np.ndarray
    fonts: list[tuple[str, float]]

    def __len__(self) -> int:
        return len(self.text)

    def within(self, bbox: tuple[float, float, float, float]) -> Chars:
        """Return the characters whose middle lies in a box, its right and bottom edges excluded."""
        x0, top, x1, bottom = bbox
        mid_x, mid_y = (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2
        return self.subset(np.flatnonzero((mid_x >= x0) & (mid_x < x1) & (mid_y >= top) & (mid_y < bottom)))

    def subset(self, index: np.ndarray) -> Chars:
        """Return the characters at ``index`` (ascending: content order is kept)."""
        return Chars([self.text[i] for i in index.tolist()], self.x0[index], self.x1[index], self.top[index],
                     self.bottom[index], self.font[index], self.fonts)


_NO_CHARS = Chars([], np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.intp), [])


@dataclass(frozen=True, slots=True)
class PageContent:
    """One page as pdfium sees it: size, level characters, edges, image boxes and turned characters' count.

    ``edges`` and ``bbox`` are what pdfplumber's table finder reads of a page."""

    width: float
    height: float
    columns: Chars
    edges: list[dict]
    images: list[tuple[float, float, float, float]]
    turned: int = 0

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def image_share(self) -> float:
        """Return the share of the page's area that images cover."""
        area = self.width * self.height
        covered = sum(max(0.0, x1 - x0) * max(0.0, b - t) for x0, t, x1, b in self.images)
        return covered / area if area > 0 else 0.0


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    """Return what page ``index`` (0-based) of a pdfium document holds (characters, edges, images), in points
    from its box's top-left. The page is loaded through pdfium's own calls and closed again."""
    page = raw.FPDF_LoadPage(pdf.raw, index)
    if not page:
        raise pdfium.PdfiumError(f"pdfium cannot load page {index + 1}")
    try:
        frame = raw.FS_RECTF()
        raw.FPDF_GetPageBoundingBox(page, ctypes.byref(frame))  # the crop box, inherited if not the page's own
        place = _Placement(frame.left, frame.top)
        edges: list[dict] = []
        images: list[tuple[float, float, float, float]] = []
        _walk(page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, _IDENTITY, place, edges, images, 0)
        textpage = raw.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError(f"pdfium cannot read the text of page {index + 1}")
        try:
            chars, turned = _chars(textpage, place)
        finally:
            raw.FPDFText_ClosePage(textpage)
    finally:
        raw.FPDF_ClosePage(page)
    return PageContent(float(frame.right - frame.left), float(frame.top - frame.bottom), chars, edges, images, turned)


class _Placement:
    """Turns PDF user space (origin bottom-left) into page points from the box's top-left."""

    __slots__ = ("left", "top")

    def __init__(self, left: float, top: float) -> None:
        self.left, self.top = float(left), float(top)


class _Native:
    """pdfium's per-character calls with plain pointer types: a third of the cost of the checked bindings."""

    def __init__(self) -> None:
        lib = ctypes.CDLL(bindings._libs["pdfium"]._name)  # the library pypdfium2 loaded (dlopen finds it again)
        vp, num = ctypes.c_void_p, ctypes.c_int
        self.text_object = ctypes.CFUNCTYPE(vp, vp, num)(("FPDFText_GetTextObject", lib))
        self.origin = ctypes.CFUNCTYPE(num, vp, num, vp, vp)(("FPDFText_GetCharOrigin", lib))
        self.loose_box = ctypes.CFUNCTYPE(num, vp, num, vp)(("FPDFText_GetLooseCharBox", lib))
        self.text = ctypes.CFUNCTYPE(num, vp, num, num, vp)(("FPDFText_GetText", lib))


@functools.cache
def _native() -> _Native:
    return _Native()


_BOX = 16  # bytes of one FS_RECTF (left, top, right, bottom as float32)


def _chars(textpage, place: _Placement) -> tuple[Chars, int]:
    """Return the level, real characters of a text page, and how many were set at an angle.

    Two pdfium calls per character (its text object, its loose box) fill C arrays, a third (its origin) where
    the loose box cannot give the origin; the rest is done per text object (font, size, baseline: one per
    object, as each text-showing operator makes its own) and over whole columns."""
    native = _native()
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return _NO_CHARS, 0
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = native.text(handle, 0, count, buffer)
    codes = buffer.raw[: 2 * count].decode("utf-16-le", errors="replace")
    if written != count + 1 or len(codes) != count:  # characters outside the BMP: ask one by one
        codes = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count))
    boxes = (ctypes.c_float * (4 * count))()
    base = ctypes.addressof(boxes)
    text_object, loose_box = native.text_object, native.loose_box
    keys = [text_object(handle, i) or 0 for i in range(count)]  # 0: a space or line end pdfium generated
    for i, address in zip(range(count), range(base, base + _BOX * count, _BOX)):
        if keys[i]:
            loose_box(handle, i, address)
    box = np.frombuffer(boxes, dtype=np.float32).reshape(count, 4).astype(float)
    objects, first, inverse = np.unique(np.array(keys, dtype=np.uint64), return_index=True, return_inverse=True)
    fonts: dict[tuple[str, float, float], int] = {}
    infos = [None if key == 0 else _font(textpage, int(i), int(key), fonts)
             for key, i in zip(objects.tolist(), first.tolist())]
    level = np.array([info is not None for info in infos])[inverse]
    real = np.array([key != 0 for key in objects.tolist()])[inverse]
    spelt = np.fromiter((c not in _NO_TEXT or c == _UNSPELT for c in codes), dtype=bool, count=count)
    turned = int((real & ~level).sum())
    keep = np.flatnonzero(level & spelt)
    if keep.size == 0:
        return _NO_CHARS, turned
    which = inverse[keep]
    table = [info if info is not None else _NO_FONT for info in infos]
    font = np.array([t[0] for t in table], dtype=np.intp)[which]
    baseline = np.array([t[1] for t in table])[which]
    left, right = box[keep, 0], box[keep, 2]
    text = [codes[i] for i in keep.tolist()]
    for k, t in enumerate(text):
        if t == _UNSPELT or t == _HYPHEN_MARK:  # the bulk text's mark for a line-end hyphen
            text[k] = _hyphen(textpage, int(keep[k]))
    x0, x1 = left.copy(), right.copy()
    _advances(native, handle, keep, which, table, text, x0, x1)
    names = list(fonts)
    size = np.array([n[1] for n in names] or [0.0])[font]
    descent = np.array([n[2] for n in names] or [0.0])[font]
    bottom = place.top - (baseline + descent)
    ok = np.array([t not in _NO_TEXT for t in text], dtype=bool)
    chars = Chars(text, x0 - place.left, x1 - place.left, bottom - size, bottom, font, [(n, s) for n, s, _ in names])
    return (chars if ok.all() else chars.subset(np.flatnonzero(ok))), turned


def _hyphen(textpage, index: int) -> str:
    """Return what a character the bulk text could not spell is: "-" for pdfium's line-end hyphen mark."""
    code = raw.FPDFText_GetUnicode(textpage, index)
    return "-" if code == 0x02 else chr(code or 0xFFFE)


def _advances(native, handle, keep, which, table, text, x0, x1) -> None:
    """Set each character's x0 at its origin, and x1 at its AFM advance in the standard 14 fonts.

    pdfium's loose box spans the glyph where it overhangs the advance ("/", "f", "j"). For the standard fonts
    the AFM advance tells those apart, so the origin is asked for only there (elsewhere the box's left is the
    origin); for any other font it is asked for every character, and x1 stays the loose box's right.
    Widths are looked up once per (object, character)."""
    standard = np.array([t[2] is not None for t in table])[which]
    ask = np.flatnonzero(~standard)
    at = np.flatnonzero(standard)
    if at.size:
        pairs = which[at].astype(np.int64) * 0x110000 + np.fromiter((ord(text[k]) for k in at.tolist()),
                                                                    dtype=np.int64, count=at.size)
        unique, inverse = np.unique(pairs, return_inverse=True)
        looked = []
        for pair in unique.tolist():
            widths, scale = table[pair // 0x110000][2:4]
            advance = widths.get(chr(pair % 0x110000))
            looked.append(np.nan if advance is None else advance * scale)
        width = np.array(looked)[inverse]
        known = ~np.isnan(width)
        ask = np.concatenate((ask, at[~known]))
        at, width = at[known], width[known]
        ask = np.concatenate((ask, at[np.abs((x1[at] - x0[at]) - width) > _SAME_POINT]))  # overhanging glyphs
    if ask.size:
        origin = (ctypes.c_double * 2)()
        address = ctypes.addressof(origin)
        for k in ask.tolist():
            native.origin(handle, int(keep[k]), address, address + 8)
            x0[k] = origin[0]
    if at.size:
        x1[at] = x0[at] + width


def _font_name(font) -> str:
    """Return a font's base name (without a subset prefix, as pdfium gives it)."""
    buffer = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    length = raw.FPDFFont_GetBaseFontName(font, buffer, _FONT_NAME_BYTES)
    return buffer.raw[: max(0, length - 1)].decode("latin-1")


def _font(textpage, index: int, key: int, fonts: dict) -> tuple | None:
    """Return (index in ``fonts``, baseline, AFM advance widths or None, their scale) for a level text object
    (``index``: its first character), or None for text set at an angle. ``fonts`` maps (name, size, descent in
    points) to its index.

    The standard 14 fonts take pdfminer's AFM metrics (advance and descent, as PDF readers use for them); any
    other font pdfium's: its descent, and each character's loose box for its advance."""
    matrix = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
    if abs(matrix.b) > LEVEL_TOLERANCE or abs(matrix.c) > LEVEL_TOLERANCE or matrix.a <= 0 or matrix.d <= 0:
        return None
    font = raw.FPDFTextObj_GetFont(ctypes.cast(key, raw.FPDF_PAGEOBJECT))
    name = _font_name(font)
    size = float(raw.FPDFText_GetFontSize(textpage, index))
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    baseline = y.value
    metrics = FONT_METRICS.get(name)
    if metrics is not None:
        descriptor, widths = metrics
        descent = -abs(float(descriptor.get("Descent", 0))) * size / 1000
    else:
        widths = None
        value = ctypes.c_float()
        raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(value))
        descent = -abs(value.value)
    where = fonts.setdefault((name, size, descent), len(fonts))
    return where, baseline, widths, size / 1000


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: tuple, outer: tuple) -> tuple:
    """Return the matrix that applies ``inner`` then ``outer`` (PDF's a b c d e f)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    """Return a point transformed by a matrix."""
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _walk(parent, count, get, outer: tuple, place: _Placement, edges: list, images: list, depth: int) -> None:
    """Collect the edges of painted paths and the boxes of images among ``parent``'s objects, forms included."""
    matrix = raw.FS_MATRIX()
    for k in range(count(parent)):
        obj = get(parent, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
            own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            _path_edges(obj, _compose(own, outer), place, edges)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            images.append(_bounds(obj, outer, place))
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _FORM_DEPTH:
            raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
            own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            _walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, _compose(own, outer), place,
                  edges, images, depth + 1)


def _bounds(obj, outer: tuple, place: _Placement) -> tuple[float, float, float, float]:
    """Return an object's box (x0, top, x1, bottom) on the page."""
    lo_x, lo_y, hi_x, hi_y = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, ctypes.byref(lo_x), ctypes.byref(lo_y), ctypes.byref(hi_x), ctypes.byref(hi_y))
    corners = [_apply(outer, x, y) for x in (lo_x.value, hi_x.value) for y in (lo_y.value, hi_y.value)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return (min(xs) - place.left, place.top - max(ys), max(xs) - place.left, place.top - min(ys))


def _path_edges(obj, matrix: tuple, place: _Placement, edges: list) -> None:
    """Append an edge for each horizontal or vertical straight segment of a painted path (its closing one too)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
    if not fill.value and not stroke.value:
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    start = last = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = _apply(matrix, x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == _LINE_SEGMENT and last is not None:
            _add_edge(last, point, place, edges)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        last = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(point, start, place, edges)
            last = start


def _add_edge(a: tuple[float, float], b: tuple[float, float], place: _Placement, edges: list) -> None:
    """Append the segment a–b as pdfplumber's edge dict when it is horizontal or vertical."""
    x0, x1 = sorted((a[0] - place.left, b[0] - place.left))
    top, bottom = sorted((place.top - a[1], place.top - b[1]))
    if abs(top - bottom) < LEVEL_TOLERANCE:
        orientation = "h"
    elif abs(x0 - x1) < LEVEL_TOLERANCE:
        orientation = "v"
    else:
        return
    edges.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
                  "orientation": orientation, "object_type": "edge", "doctop": top})
