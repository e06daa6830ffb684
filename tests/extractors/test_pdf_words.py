"""Words and cell texts from pdfium's characters are pdfplumber's, on every producer's PDFs and on made-up pages."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import TableFinder
from pdfplumber.utils.text import WordExtractor, extract_text

from extractors import pdf_page, pdf_words
from extractors.pdf_page import Chars

SETTINGS = {"extra_attrs": ["size", "fontname"], "keep_blank_chars": False}  # what the layout was tuned on


def as_dicts(chars: Chars) -> list[dict]:
    """The characters as pdfplumber's dicts, for its own word extractor."""
    return [{"text": t, "x0": a, "x1": b, "top": c, "bottom": d, "doctop": c, "upright": True,
             "size": chars.fonts[f][1], "fontname": chars.fonts[f][0]}
            for t, a, b, c, d, f in zip(chars.text, chars.x0.tolist(), chars.x1.tolist(), chars.top.tolist(),
                                        chars.bottom.tolist(), chars.font.tolist())]


def made(rows: list[tuple[str, float, float, float, int]], fonts=(("Helvetica", 10.0), ("Helvetica-Bold", 10.0))):
    """Characters from (text, x0, x1, top, font) rows, 10 points tall."""
    text = [r[0] for r in rows]
    x0, x1, top = (np.array([r[k] for r in rows], dtype=float) for k in (1, 2, 3))
    return Chars(text, x0, x1, top, top + 10.0, np.array([r[4] for r in rows], dtype=np.intp), list(fonts))


def spelt(rows, **kwargs) -> list[str]:
    return [w["text"] for w in pdf_words.extract_words(made(rows), **kwargs)]


def test_a_space_a_wide_gap_and_a_font_change_each_end_a_word():
    rows = [("a", 0, 5, 0, 0), ("b", 5, 10, 0, 0), (" ", 10, 13, 0, 0), ("c", 13, 18, 0, 0),
            ("d", 21.5, 26, 0, 0), ("e", 26, 31, 0, 1)]
    assert spelt(rows) == ["ab", "c", "d", "e"]
    assert spelt(rows, by_font=False) == ["ab", "c", "de"]  # a cell's text: the font does not split


def test_lines_are_told_apart_by_their_tops_and_read_left_to_right():
    rows = [("y", 10, 15, 20, 0), ("x", 0, 5, 21.5, 0), ("z", 0, 5, 40, 0)]
    words = pdf_words.extract_words(made(rows))
    assert [w["text"] for w in words] == ["x", "y", "z"]  # x and y: tops 1.5 apart, one line; z below it
    assert (words[0]["top"], words[0]["bottom"]) == (21.5, 31.5)


def test_ligatures_are_spelt_out():
    assert spelt([("\ufb01", 0, 5, 0, 0), ("n", 5, 10, 0, 0), ("e", 10, 15, 0, 0)]) == ["fine"]


def test_a_cell_holds_the_characters_whose_middle_is_inside_it_line_by_line():
    rows = [("1", 2, 7, 2, 0), ("2", 7, 12, 2, 1), ("a", 2, 7, 20, 0), ("z", 45, 55, 2, 0)]
    assert pdf_words.cell_text(made(rows), (0, 0, 50, 40)) == "12\na"  # "z" is centred at x = 50: outside


_chars = st.lists(st.tuples(st.sampled_from(["a", "b", " ", "1", "\ufb02"]), st.floats(0, 200), st.floats(0, 8),
                            st.sampled_from([0.0, 0.5, 2.9, 3.1, 12.0, 30.0]), st.integers(0, 1)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_chars)
def test_words_equal_pdfplumbers_for_any_characters(rows):
    chars = made([(t, x, x + w, top, f) for t, x, w, top, f in rows])
    assert pdf_words.extract_words(chars) == WordExtractor(**SETTINGS).extract_words(as_dicts(chars))
    whole = (0.0, 0.0, 300.0, 300.0)
    assert pdf_words.cell_text(chars, whole) == extract_text(as_dicts(chars))


@pytest.fixture(scope="module")
def producer_pdfs(heldout) -> list:
    """The held-out corpus's PDFs: fpdf2, reportlab (platypus) and, where installed, LibreOffice exports."""
    return [doc.path for doc in heldout if doc.format == "pdf"]


def test_words_and_ruled_cells_equal_pdfplumbers_on_every_page_of_every_producer(producer_pdfs):
    pages = cells = 0
    for path in producer_pdfs:
        pdf = pdfium.PdfDocument(path)
        try:
            for index in range(len(pdf)):
                content = pdf_page.read_page(pdf, index)
                chars = as_dicts(content.columns)
                assert pdf_words.extract_words(content.columns) == WordExtractor(**SETTINGS).extract_words(chars)
                for table in TableFinder(content).tables:
                    for row in table.rows:
                        for bbox in filter(None, row.cells):
                            inside = [c for c in chars if bbox[0] <= (c["x0"] + c["x1"]) / 2 < bbox[2]
                                      and bbox[1] <= (c["top"] + c["bottom"]) / 2 < bbox[3]]
                            assert pdf_words.cell_text(content.columns, bbox) == extract_text(inside)
                            cells += 1
                pages += 1
        finally:
            pdf.close()
    assert pages >= 30 and cells >= 20, (pages, cells)
