"""Small pure helpers on page boxes: (x0, top, x1, bottom) in PDF points, origin top-left."""

from __future__ import annotations

from collections.abc import Iterable

from core.blocks import BBox


def union(*boxes: BBox) -> BBox:
    """Return the smallest box around all the given boxes (at least one)."""
    return union_of(boxes)


def union_of(boxes: Iterable[BBox]) -> BBox:
    """Return the smallest box around every box of an iterable; raise ValueError for none."""
    x0 = top = float("inf")
    x1 = bottom = float("-inf")
    for box in boxes:
        x0, top, x1, bottom = min(x0, box[0]), min(top, box[1]), max(x1, box[2]), max(bottom, box[3])
    if x0 == float("inf"):
        raise ValueError("union of no boxes")
    return (x0, top, x1, bottom)


def level(a: BBox, b: BBox, tolerance: float) -> bool:
    """Return True when two boxes share a horizontal band (are level on the page), within ``tolerance``."""
    return a[1] <= b[3] + tolerance and b[1] <= a[3] + tolerance
