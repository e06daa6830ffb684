"""A scanned page as pixels: threshold, skew, rulings and ruled tables found on drawn images (no OCR engine)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import scan_image

DPI = 200


def _page(width: int = 1654, height: int = 2339) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """Return a white A4 page at 200 dpi and a pen on it."""
    image = Image.new("L", (width, height), 255)
    return image, ImageDraw.Draw(image)


def _text_lines(draw: ImageDraw.ImageDraw, n: int = 30, top: int = 200) -> None:
    """Draw ``n`` lines of text, 40 px apart."""
    font = ImageFont.load_default(size=28)
    for k in range(n):
        draw.text((150, top + 40 * k), "Indicator 2.c Data Team score 10 out of 20 with some words", fill=0, font=font)


def _table(draw: ImageDraw.ImageDraw, x0: int, top: int, columns: list[int], rows: int, height: int = 50) -> None:
    """Draw a ruled table: ``columns`` are the column widths, each row ``height`` px tall."""
    x1 = x0 + sum(columns)
    for r in range(rows + 1):
        draw.line((x0, top + r * height, x1, top + r * height), fill=0, width=2)
    x = x0
    for width in [0, *columns]:
        x += width
        draw.line((x, top, x, top + rows * height), fill=0, width=2)


def test_otsu_splits_ink_from_paper() -> None:
    gray = np.array([[250] * 50 + [20] * 10 + [240] * 40], dtype=np.uint8)
    dark = scan_image.dark_mask(gray)
    assert dark.sum() == 10 and dark[0, 50:60].all()


@pytest.mark.parametrize("angle", [-2.5, -0.8, 0.0, 0.4, 1.5])
def test_the_skew_of_a_page_of_text_is_found_to_a_tenth_of_a_degree(angle: float) -> None:
    image, draw = _page()
    _text_lines(draw)
    turned = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)

    found = scan_image.skew_angle(scan_image.dark_mask(np.asarray(turned)))

    assert found == pytest.approx(angle, abs=0.1)  # counter-clockwise positive, as Pillow turns it


def test_a_blank_page_has_no_skew() -> None:
    image, _ = _page(400, 400)
    assert scan_image.skew_angle(scan_image.dark_mask(np.asarray(image))) == 0.0


def test_runs_keep_only_ink_in_long_enough_runs() -> None:
    row = np.array([[0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1]], dtype=bool)
    assert scan_image.runs(row, 3, axis=1).astype(int).tolist() == [[0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]]
    assert scan_image.runs(row.T, 3, axis=0).T.tolist() == scan_image.runs(row, 3, axis=1).tolist()


def test_a_ruled_table_gives_its_rows_and_cells() -> None:
    image, draw = _page()
    _text_lines(draw, n=3, top=100)
    _table(draw, 150, 400, [200, 800, 200, 200], rows=5)

    dark = scan_image.dark_mask(np.asarray(image))
    horizontal, vertical = scan_image.find_rules(dark, DPI)
    grids = scan_image.grids(horizontal, vertical, DPI)

    assert len(grids) == 1
    grid = grids[0]
    assert len(grid.rows) == 5 and all(len(row) == 4 for row in grid.rows)
    assert grid.bbox == pytest.approx((151, 401, 1551, 651), abs=3)
    assert grid.rows[1][1][0] == pytest.approx(351, abs=3) and grid.rows[1][1][2] == pytest.approx(1151, abs=3)


def test_a_cell_merged_across_columns_is_one_cell_of_its_row() -> None:
    image, draw = _page()
    _table(draw, 150, 400, [300, 300], rows=2)
    draw.line((450, 450, 450, 500), fill=255, width=4)  # row 2 has no wall between its cells

    dark = scan_image.dark_mask(np.asarray(image))
    grid = scan_image.grids(*scan_image.find_rules(dark, DPI), DPI)[0]

    assert [len(row) for row in grid.rows] == [2, 1]


def test_tall_letters_and_a_lone_underline_make_no_table_and_erasing_keeps_the_letters() -> None:
    image, draw = _page()
    font = ImageFont.load_default(size=90)
    draw.text((150, 300), "Data Maturity Assessment", fill=0, font=font)  # strokes taller than a cell's minimum
    draw.line((150, 460, 1200, 460), fill=0, width=3)  # an underline: a horizontal ruling, no wall

    gray = np.asarray(image)
    dark = scan_image.dark_mask(gray)
    horizontal, vertical = scan_image.find_rules(dark, DPI)
    walls = scan_image.walls(horizontal, vertical, DPI)
    cleaned = scan_image.erase(gray, horizontal, walls)

    assert scan_image.grids(horizontal, vertical, DPI) == [] and walls == []
    assert (cleaned[450:470] == 255).all()  # the underline is gone
    letters = dark[280:440].sum()
    assert letters > 10_000 and (cleaned[280:440] <= scan_image.otsu(gray)).sum() == letters  # every letter's ink is still there
