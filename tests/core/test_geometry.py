"""Specification of the page-box helpers."""

from __future__ import annotations

import pytest

from core.geometry import level, union, union_of


def test_union_is_the_smallest_box_around_all() -> None:
    """x0 and top are the least, x1 and bottom the greatest."""
    assert union((10, 20, 30, 40), (5, 25, 50, 35)) == (5, 20, 50, 40)
    assert union_of(iter([(1, 2, 3, 4)])) == (1, 2, 3, 4)


def test_union_of_nothing_is_an_error() -> None:
    """There is no box around no boxes."""
    with pytest.raises(ValueError, match="no boxes"):
        union_of([])


def test_level_means_sharing_a_horizontal_band_within_the_tolerance() -> None:
    """Two boxes are level when their vertical extents overlap, allowing ``tolerance`` points."""
    assert level((0, 100, 10, 110), (300, 105, 320, 115), 0.0)
    assert not level((0, 100, 10, 110), (300, 112, 320, 120), 1.0)
    assert level((0, 100, 10, 110), (300, 112, 320, 120), 3.0)
