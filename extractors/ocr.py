"""Scanned pages to words and ruled tables: render, straighten, erase rulings, recognise (Tesseract or RapidOCR).

The result has the shape of the text-layer path (``pdf.py``): words as dicts with ``text``, ``x0``, ``x1``,
``top``, ``bottom`` (PDF points, origin top-left), ``size`` and ``fontname``, plus ``conf`` (0–100), and ruled
tables as ``(bbox, rows)`` with each row a list of ``(cell bbox, text)``. So one layout and one parser read both.
Engines load on first use, once per process; ``load_engine`` says how to install a missing one.
"""

from __future__ import annotations

import os
import re
import statistics
from dataclasses import dataclass, field

import numpy as np

from core.blocks import UNREAD
from core.defaults import OCR_ENGINES as ENGINES
from core.errors import OcrUnavailable
from extractors import scan_image

INSTALL = {
    "tesseract": "install Tesseract's English model (Debian/Ubuntu: `apt-get install tesseract-ocr-eng "
                 "tesseract-ocr-osd`; macOS: `brew install tesseract`; or set TESSDATA_PREFIX to a folder holding "
                 "eng.traineddata), or read with --ocr rapidocr",
    "rapidocr": "install it with `pip install -e '.[rapidocr]'`, or read with --ocr tesseract",
}
RETRY_CONF = 60.0  # a page read with a mean confidence below this may be turned: its orientation is checked
CELL_MARGIN = 12  # white pixels around a table cell (or a number) read alone
CELL_INSET = 4  # pixels left out at a cell's left and right: the edge of a wall drawn thicker than it was found
REREAD_SCALE = 2.0  # a number is read a second time at twice the scale of the page
NUMBER_SIGNS = "0123456789./%()-"  # what a second reading of a number may contain
OCR_FONT = "OCR"  # the font name OCR'd words carry: their size is measured, their weight unknown


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One recognised page: words and ruled tables in PDF points, and how the scan was turned to read it."""

    words: list[dict]
    tables: list
    skew: float  # degrees the scan was straightened by
    rotation: int  # degrees the page was turned counter-clockwise to stand upright (0, 90, 180, 270)
    confidence: float  # mean word confidence, 0–100
    engine: str
    low: list[dict] = field(default_factory=list)


TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")


def tessdata_dir() -> str | None:
    """Return the folder that holds Tesseract's English model (``$TESSDATA_PREFIX`` first), or None."""
    for folder in (os.environ.get("TESSDATA_PREFIX"), *TESSDATA_DIRS):
        if folder and os.path.isfile(os.path.join(folder, "eng.traineddata")):
            return folder
    return None


class _Tesseract:
    """Tesseract in-process (tesserocr): one model load per process, the page and then each table cell read."""

    name = "tesseract"
    reads_cells = True

    def __init__(self) -> None:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one thread per parse process: its own threads only spin
        import tesserocr

        folder = tessdata_dir()
        if folder is None:
            raise FileNotFoundError("Tesseract's English model (eng.traineddata) was not found")
        self._ocr = tesserocr
        _quiet_leptonica(tesserocr.__file__)
        self._api = tesserocr.PyTessBaseAPI(path=folder, lang="eng", oem=tesserocr.OEM.LSTM_ONLY)

    def words(self, image) -> list[tuple[str, tuple[float, float, float, float], float, float]]:
        """Return (text, box, confidence, line height) for each word of an image, in pixels."""
        self._api.SetPageSegMode(self._ocr.PSM.AUTO)
        self._api.SetImage(image)
        return self._recognised()

    def cell_words(self, image, boxes: list) -> list[list[tuple]]:
        """Return the words of each box of an image: the box's inside (its rulings left out), on a white margin,
        read as one block of text. Tesseract reads a short code or number far better alone than in a page."""
        from PIL import ImageOps

        api = self._api
        api.SetPageSegMode(self._ocr.PSM.SINGLE_BLOCK)
        found = []
        for box in boxes:
            left, upper, right, lower = (int(round(v)) for v in box)  # its rulings are erased: the whole box,
            left, right = left + CELL_INSET, right - CELL_INSET  # but for what is left of a wall beside it
            if right - left < 4 or lower - upper < 4:
                found.append([])
                continue
            crop = ImageOps.expand(image.crop((left, upper, right, lower)), CELL_MARGIN, fill=255)
            api.SetImage(crop)
            shift = left - CELL_MARGIN, upper - CELL_MARGIN
            found.append([(text, (b[0] + shift[0], b[1] + shift[1], b[2] + shift[0], b[3] + shift[1]), conf, line)
                          for text, b, conf, line in self._recognised()])
        return found

    def reread(self, image, box) -> str:
        """Return a second reading of one number: its box alone, half as large again, as one line of digits and
        number signs. A number both readings agree on is trusted; one they disagree on is not."""
        from PIL import Image, ImageOps

        api, ocr = self._api, self._ocr
        crop = ImageOps.expand(_crop(image, box).resize(_scaled(box, REREAD_SCALE), Image.LANCZOS), CELL_MARGIN,
                               fill=255)
        api.SetPageSegMode(ocr.PSM.SINGLE_WORD)
        api.SetVariable("tessedit_char_whitelist", NUMBER_SIGNS)
        try:
            api.SetImage(crop)
            return "".join(api.GetUTF8Text().split())
        finally:
            api.SetVariable("tessedit_char_whitelist", "")

    def _recognised(self) -> list[tuple]:
        """Return the words of the last image set, each with the top and bottom of its line (a word's own box
        depends on its letters: "a" is lower than "T"), so the words of a line share one baseline box."""
        ocr, api = self._ocr, self._api
        api.Recognize()
        found = []
        iterator = api.GetIterator()
        if iterator is None:
            return found
        line = None
        while True:
            if iterator.IsAtBeginningOf(ocr.RIL.TEXTLINE):
                line = iterator.BoundingBox(ocr.RIL.TEXTLINE)
            try:
                text = iterator.GetUTF8Text(ocr.RIL.WORD)
            except RuntimeError:  # "No text returned": an empty word (a speck the layout kept)
                text = None
            extent = iterator.BoundingBox(ocr.RIL.WORD)
            if text and text.strip() and extent:
                top, bottom = (line[1], line[3]) if line else (extent[1], extent[3])
                found.append((text.strip(), (float(extent[0]), float(top), float(extent[2]), float(bottom)),
                              float(iterator.Confidence(ocr.RIL.WORD)), float(bottom - top)))
            if not iterator.Next(ocr.RIL.WORD):
                break
        return found

    def orientation(self, image) -> int:
        """Return the quarter turn (degrees, counter-clockwise) that sets the page upright, 0 if unsure."""
        try:
            with self._ocr.PyTessBaseAPI(path=tessdata_dir(), lang="osd", psm=self._ocr.PSM.OSD_ONLY) as api:
                api.SetImage(image)
                osd = api.DetectOrientationScript()
        except RuntimeError:
            return 0
        return int(osd["orient_deg"]) if osd and osd.get("orient_conf", 0) >= 1.0 else 0


LEPTONICA_QUIET = 6  # L_SEVERITY_NONE: Leptonica prints nothing to stderr ("Error in pixScanForForeground …")


def _quiet_leptonica(module_file: str) -> None:
    """Silence the image library under Tesseract, which writes its own complaints straight to stderr, over the
    progress line. Best effort: where its bundled library is not found, nothing changes."""
    import ctypes
    from pathlib import Path

    package = Path(module_file).parent  # site-packages/tesserocr; auditwheel puts the libraries beside it
    for library in [*package.parent.glob("tesserocr.libs/libleptonica*"), *package.glob(".dylibs/libleptonica*")]:
        try:
            ctypes.CDLL(str(library)).setMsgSeverity(LEPTONICA_QUIET)
        except (OSError, AttributeError):
            continue


class _RapidOcr:
    name = "rapidocr"
    reads_cells = False

    def __init__(self) -> None:
        from rapidocr_onnxruntime import RapidOCR

        self._engine = RapidOCR()

    def words(self, image) -> list[tuple[str, tuple[float, float, float, float], float, float]]:
        """Return (text, box, confidence, line height) for each word; a text line's box is shared out by length."""
        result, _ = self._run(np.asarray(image.convert("RGB")))
        found = []
        for quad, text, score in result or ():
            xs, ys = [p[0] for p in quad], [p[1] for p in quad]
            x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
            pieces = text.split()
            total = sum(len(p) for p in pieces) + len(pieces) - 1
            at = 0
            for piece in pieces:
                a = x0 + (x1 - x0) * at / max(total, 1)
                b = x0 + (x1 - x0) * (at + len(piece)) / max(total, 1)
                found.append((piece, (a, top, b, bottom), 100.0 * float(score), bottom - top))
                at += len(piece) + 1
        return found

    def reread(self, image, box) -> str:
        """Return a second reading of one number: its box alone, half as large again, recognised without
        detection."""
        from PIL import Image, ImageOps

        crop = ImageOps.expand(_crop(image, box).resize(_scaled(box, REREAD_SCALE), Image.LANCZOS), CELL_MARGIN,
                               fill=255)
        result, _ = self._run(np.asarray(crop.convert("RGB")), use_det=False, use_cls=False, use_rec=True)
        return "".join(str(result[0][0]).split()) if result else ""

    def _run(self, pixels, **kw):
        """Run the engine; onnxruntime's allocation failure under the memory limit is a MemoryError (the file then
        fails as ``memory_limit``, naming --memory-mb), not a page that cannot be read."""
        try:
            return self._engine(pixels, **kw)
        except Exception as exc:
            if "bad_alloc" in str(exc):
                raise MemoryError("onnxruntime could not allocate memory") from None
            raise

    def orientation(self, image) -> int:
        """RapidOCR has no orientation detector: the page is tried turned and the best-read turn is kept."""
        return 0


_LOADED: dict[str, object] = {}


def load_engine(name: str, label: str):
    """Return an OCR engine by name (one per process); raise OcrUnavailable for document ``label``, naming what
    to install, when it is missing."""
    if name not in ENGINES:
        raise ValueError(f"unknown OCR engine {name!r}; choose one of {', '.join(ENGINES)}")
    if name not in _LOADED:
        try:
            _LOADED[name] = _Tesseract() if name == "tesseract" else _RapidOcr()
        except (ImportError, OSError) as exc:
            if isinstance(exc, ImportError) and name == "tesseract":
                fix = f"{exc.name} is not installed: `pip install -e .` installs it"
            else:
                missing = f"{exc.name} is not installed" if isinstance(exc, ImportError) else str(exc)
                fix = f"{missing}: {INSTALL[name]}"
            raise OcrUnavailable(label, f"it is a scan (no text layer) and needs OCR, but {fix}; then run again"
                                 ) from exc
    return _LOADED[name]


def recognise(image, dpi: float, engine, *, min_conf: float, frame_share: float = 0.5) -> OcrPage:
    """Return the words and ruled tables of one page image rendered at ``dpi``.

    A number the engine read with less than ``min_conf``, or read otherwise a second time, is replaced by U+FFFD
    (and listed in ``low``), so a doubtful number is never read as a score. Boxes taller than ``frame_share`` of
    the page frame text rather than tabulate it: their words stay text. A page read with a low mean confidence,
    or wider than tall (a portrait page fed sideways?), is turned as the engine's orientation detector says
    (Tesseract) or tried at each quarter turn (RapidOCR), and the best-read turn is kept.
    """
    from PIL import Image, ImageFilter

    gray_image = image.convert("L").filter(ImageFilter.GaussianBlur(dpi / 300))  # sensor noise smoothed
    page = _read(gray_image, dpi, engine, min_conf, frame_share)
    if page.confidence < RETRY_CONF or gray_image.width > gray_image.height:  # badly read, or on its side?
        turn = engine.orientation(gray_image)
        turns = [turn] if turn else ([] if engine.name == "tesseract" else [90, 180, 270])
        for turn in turns:
            turned = gray_image.rotate(turn, expand=True, fillcolor=255, resample=Image.BICUBIC)
            other = _read(turned, dpi, engine, min_conf, frame_share, rotation=turn)
            if len(other.words) * other.confidence > len(page.words) * page.confidence:
                page = other
    return page


def _read(gray_image, dpi: float, engine, min_conf: float, frame_share: float, *, rotation: int = 0) -> OcrPage:
    """Straighten a page, erase and keep its rulings, recognise its words and share them out to table cells."""
    from PIL import Image

    gray = np.asarray(gray_image)
    angle = scan_image.skew_angle(scan_image.dark_mask(gray))
    if abs(angle) >= 0.05:
        gray_image = gray_image.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
        gray = np.asarray(gray_image)
    dark = scan_image.dark_mask(gray)
    horizontal, vertical = scan_image.find_rules(dark, dpi)
    tables = [grid for grid in scan_image.grids(horizontal, vertical, dpi)
              if not any(cell[3] - cell[1] >= frame_share * gray.shape[0] for row in grid.rows for cell in row)]
    upright = scan_image.walls(horizontal, vertical, dpi) + scan_image.long_rules(vertical, dpi)
    clean = scan_image.erase(gray, horizontal, upright)
    scale = 72.0 / dpi
    cell_boxes = [cell for grid in tables for row in grid.rows for cell in row]
    source = Image.fromarray(clean)  # the page its words and numbers are read from
    if engine.reads_cells and cell_boxes:
        page_image = clean.copy()
        for x0, top, x1, bottom in cell_boxes:
            page_image[int(top):int(bottom) + 1, int(x0):int(x1) + 1] = 255
        found = engine.words(Image.fromarray(page_image))
        in_cells = engine.cell_words(source, cell_boxes)
    else:
        found, in_cells = engine.words(source), None
    found = _second_readings(found, engine, source)
    in_cells = None if in_cells is None else [_second_readings(f, engine, source) for f in in_cells]
    low: list[dict] = []
    words = _points(found, scale, min_conf, low)
    if in_cells is None:
        cells = [_table(grid, words, scale) for grid in tables]
    else:
        cell_texts = iter([_points(f, scale, min_conf, low) for f in in_cells])
        cells = [_table(grid, [w for row in grid.rows for _ in row for w in next(cell_texts)], scale)
                 for grid in tables]
        words += [w for _, _, taken in cells for w in taken]
    mean = statistics.fmean(w["conf"] for w in words) if words else 0.0
    inside = {id(w) for table in cells for w in table[2]}
    rest = [w for w in words if id(w) not in inside]
    return OcrPage(rest, [(bbox, rows) for bbox, rows, _ in cells], angle, rotation, mean, engine.name, low)


_CODE_LIKE = re.compile(r"(?P<digit>[0-9lI|])(?P<dot>[.,])(?P<letter>[a-hA-H¢©])(?P<rest>\W*)")
_AS_DIGIT = {"l": "1", "I": "1", "|": "1"}
_AS_LETTER = {"¢": "c", "©": "c"}


def repair_code(text: str) -> str:
    """Return an indicator code as printed when OCR took its digit for a letter or its letter for a sign
    ("l.a" → "1.a", "2.¢" → "2.c"); any other word unchanged. Only the code's shape, a digit, a dot and a
    letter, is read this way, never a number."""
    m = _CODE_LIKE.fullmatch(text)
    if m is None:
        return text
    digit = _AS_DIGIT.get(m["digit"], m["digit"])
    return f"{digit}.{_AS_LETTER.get(m['letter'], m['letter'].lower())}{m['rest']}"


def _points(found: list[tuple], scale: float, min_conf: float, low: list[dict]) -> list[dict]:
    """Return an engine's words as word dicts in points. A number read with too little confidence, or read
    otherwise the second time, becomes U+FFFD (and goes to ``low``, with its second reading)."""
    words = []
    for text, box, conf, line, second in found:
        if not _ink(text):
            continue
        text = repair_code(text)
        word = {"text": text, "x0": box[0] * scale, "x1": box[2] * scale, "top": box[1] * scale,
                "bottom": box[3] * scale, "size": round(line * scale * 0.8, 1), "fontname": OCR_FONT,
                "conf": conf, "upright": True}
        word["doctop"] = word["top"]
        if _numeric(text) and (conf < min_conf or not _agree(text, second, conf)):
            why = (f"confidence {conf:.0f}, below {min_conf:.0f}" if conf < min_conf else
                   f"a second reading gave {second!r}" if second else "a second reading found no number there")
            low.append(dict(word, second=second, why=why))
            word["text"] = UNREAD
        words.append(word)
    return words


def _crop(image, box, pad: float = 0.25):
    """Return a box of an image with a margin of ``pad`` times its height around it (inside the image, at least
    a few pixels)."""
    x0, top, x1, bottom = box
    margin = (bottom - top) * pad
    left, upper = max(0, int(x0 - margin)), max(0, int(top - margin))
    return image.crop((left, upper, max(left + 4, min(image.width, int(x1 + margin) + 1)),
                       max(upper + 4, min(image.height, int(bottom + margin) + 1))))


def _scaled(box, factor: float) -> tuple[int, int]:
    """Return the size of a box's crop (with its margin) scaled by ``factor``."""
    x0, top, x1, bottom = box
    margin = (bottom - top) * 0.25
    return max(1, int((x1 - x0 + 2 * margin) * factor)), max(1, int((bottom - top + 2 * margin) * factor))


def _second_readings(found: list[tuple], engine, image) -> list[tuple]:
    """Return the words with, for each number, a second reading of it (None for the other words)."""
    return [(*word, engine.reread(image, word[1]) if _numeric(word[0]) else None) for word in found]


def _table(grid: scan_image.Grid, words: list[dict], scale: float):
    """Return a ruled table in points with its cells' texts, and the words it took."""
    taken, rows = [], []
    for row in grid.rows:
        cells = []
        for x0, top, x1, bottom in row:
            box = (x0 * scale, top * scale, x1 * scale, bottom * scale)
            mine = [w for w in words if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2]
                    and box[1] <= (w["top"] + w["bottom"]) / 2 <= box[3]]
            taken += mine
            mine.sort(key=lambda w: (round(w["top"] / 4), w["x0"]))
            cells.append((box, " ".join(w["text"] for w in mine)))
        rows.append(cells)
    bbox = tuple(v * scale for v in grid.bbox)
    return bbox, rows, taken


def _ink(text: str) -> bool:
    """Return True for a word with a letter or digit, or a sign that means something ("&", "–", "%", "/")."""
    return any(c.isalnum() for c in text) or text in {"&", "-", "–", "—", "%", "/", ":", "+"}


SURE_CONF = 85.0  # a number read this confidently stands when its second reading finds no digit at all


def _agree(first: str, second: str | None, conf: float) -> bool:
    """Return True when a number's second reading confirms its digits (signs aside: a second reading drops or
    adds a "." or ")" more easily than it changes a digit); one that finds no digit confirms only a sure read."""
    digits = [c for c in second or "" if c.isdigit()]
    return digits == [c for c in first if c.isdigit()] if digits else conf >= SURE_CONF


def _numeric(text: str) -> bool:
    """Return True for a word that is a number as a score or maximum is printed ("17.5", "10/30", "(15)", "20%"):
    digits and number signs, no letter. A code ("2.c") or a word with a digit in it is not one."""
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)
