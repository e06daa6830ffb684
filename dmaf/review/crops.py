"""Pictures of where a score was read: a crop of its PDF page around the score and its heading, boxes drawn.

Boxes are in PDF points with the origin at the page's top left, as the extractors give them; a page is
rendered once (pypdfium2) at ``scale`` pixels per point, and every crop of it is cut from that image, so a
crop of region (x0, top, x1, bottom) is ``round(x1 * scale) - round(x0 * scale)`` pixels wide.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from core import defaults

Box = tuple[float, float, float, float]

SCORE_OUTLINE = (200, 30, 30)
"""The colour of the score's box on a crop (red)."""
HEADING_OUTLINE = (30, 90, 200)
"""The colour of the heading's box on a crop (blue)."""
KEEP_PAGES = 2
"""Rendered pages kept for further crops (about 6 MB each at scale 2)."""


@dataclass(frozen=True, slots=True)
class Crop:
    """A PNG of part of one page: the region it shows (PDF points) and its size in pixels."""

    png: bytes
    page: int
    region: Box
    scale: float
    width: int
    height: int


def region_around(boxes: Sequence[Box], page_size: tuple[float, float],
                  margin: float = defaults.REVIEW_CROP_MARGIN) -> Box:
    """Return the smallest region holding every box, widened by ``margin`` points and kept on the page."""
    width, height = page_size
    x0 = max(0.0, min(b[0] for b in boxes) - margin)
    top = max(0.0, min(b[1] for b in boxes) - margin)
    x1 = min(width, max(b[2] for b in boxes) + margin)
    bottom = min(height, max(b[3] for b in boxes) + margin)
    return x0, top, max(x1, x0 + 1.0), max(bottom, top + 1.0)


def pixels(region: Box, scale: float) -> tuple[int, int, int, int]:
    """Return a region's pixel box on a page rendered at ``scale``."""
    return tuple(round(v * scale) for v in region)  # type: ignore[return-value]


class PdfPages:
    """One PDF (a path, or its bytes) opened once; each page rendered at most once, for all of its crops. Use
    as a context manager."""

    def __init__(self, source: str | Path | bytes, scale: float = defaults.REVIEW_CROP_SCALE) -> None:
        import pypdfium2 as pdfium

        self.scale = scale
        self._pdf = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
        self._images: dict[int, object] = {}
        self._sizes: dict[int, tuple[float, float]] = {}

    def __len__(self) -> int:
        return len(self._pdf)

    def size(self, page: int) -> tuple[float, float]:
        """Return a page's (width, height) in points (pages count from 1)."""
        if page not in self._sizes:
            handle = self._pdf[page - 1]
            self._sizes[page] = tuple(handle.get_size())  # type: ignore[assignment]
            handle.close()
        return self._sizes[page]

    def image(self, page: int):  # -> PIL.Image.Image
        """Return a page rendered at the scale; the last ``KEEP_PAGES`` pages stay cached (indicators come in
        page order, so each page is rendered once and memory stays flat in the number of pages)."""
        if page not in self._images:
            handle = self._pdf[page - 1]
            self._images[page] = handle.render(scale=self.scale).to_pil().convert("RGB")
            handle.close()
            while len(self._images) > KEEP_PAGES:
                del self._images[next(iter(self._images))]
        return self._images[page]

    def crop(self, page: int, *, score: Box | None, heading: Box | None,
             margin: float = defaults.REVIEW_CROP_MARGIN) -> Crop:
        """Return the crop of ``page`` around the score's and the heading's boxes (either may be None, not
        both), the score outlined in red and the heading in blue."""
        from PIL import ImageDraw

        boxes = [b for b in (score, heading) if b is not None]
        if not boxes:
            raise ValueError("a crop needs the score's box or the heading's")
        region = region_around(boxes, self.size(page), margin)
        left, top, right, bottom = pixels(region, self.scale)
        picture = self.image(page).crop((left, top, right, bottom))
        draw = ImageDraw.Draw(picture)
        for box, colour, width in ((heading, HEADING_OUTLINE, 2), (score, SCORE_OUTLINE, 3)):
            if box is not None:
                x0, y0, x1, y1 = pixels(box, self.scale)
                pad = width + 1
                draw.rectangle((x0 - left - pad, y0 - top - pad, x1 - left + pad, y1 - top + pad),
                               outline=colour, width=width)
        out = io.BytesIO()
        picture.save(out, format="PNG", optimize=True)
        return Crop(out.getvalue(), page, region, self.scale, right - left, bottom - top)

    def close(self) -> None:
        """Release the document and the rendered pages."""
        self._images.clear()
        self._pdf.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
