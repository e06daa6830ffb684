"""The pdfium fast path for PDF words gives exactly pdfplumber's words and blocks, or steps aside."""

from __future__ import annotations

import pdfplumber
import pytest

import extractors.pdf as pdf_module
from extractors.pdf import extract_pdf
from extractors.pdf_words import open_fast
from tests.conftest import RAW_REPORTS
from tests.corpus.render_pdf import render_pdf
from tests.corpus.spec import make_specs

SETTINGS = {"extra_attrs": ["size", "fontname"], "keep_blank_chars": False}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Two generated reports: a plain one (text only) and one with ruled table rows."""
    folder = tmp_path_factory.mktemp("pdfs")
    spec = make_specs(0)[0]
    paths = {}
    for layout in ("plain", "table_rows"):
        paths[layout] = folder / f"{layout}.pdf"
        render_pdf(spec, layout, paths[layout])
    return paths


def compare_pages(path) -> tuple[int, int]:
    """Assert fast words equal pdfplumber's on every page it takes; return (pages, pages taken)."""
    data = path.read_bytes()
    taken = 0
    with pdfplumber.open(path) as pdf:
        fast = open_fast(data, None, len(pdf.pages))
        for i, page in enumerate(pdf.pages):
            words = fast.page_words(i, SETTINGS)
            if words is not None:
                taken += 1
                expected = page.extract_words(**SETTINGS)
                assert [w["text"] for w in words] == [w["text"] for w in expected]
                for mine, theirs in zip(words, expected):
                    assert mine["fontname"] == theirs["fontname"]
                    for key in ("x0", "x1", "top", "bottom", "size"):
                        assert mine[key] == pytest.approx(theirs[key], abs=1e-3), (i, mine["text"], key)
            page.close()
        fast.close()
        return len(pdf.pages), taken


def test_text_only_pages_get_pdfplumbers_words_from_pdfium(pdfs):
    pages, taken = compare_pages(pdfs["plain"])
    assert taken == pages > 0


def test_pages_with_ruled_tables_are_left_to_pdfplumber(pdfs):
    pages, taken = compare_pages(pdfs["table_rows"])
    assert taken < pages


@pytest.mark.parametrize("name", ["plain", "table_rows", "real"])
def test_extract_pdf_gives_the_same_blocks_with_and_without_the_fast_path(pdfs, name, monkeypatch):
    path = RAW_REPORTS / "imphal_manipur_cycle2.pdf" if name == "real" else pdfs[name]
    fast_blocks = extract_pdf(path)
    monkeypatch.setattr(pdf_module, "open_fast", lambda *args: None)
    slow_blocks = extract_pdf(path)
    assert [(b.kind, b.text, b.page, b.table, b.row, b.col) for b in fast_blocks] == \
        [(b.kind, b.text, b.page, b.table, b.row, b.col) for b in slow_blocks]
    for fast, slow in zip(fast_blocks, slow_blocks):
        assert fast.bbox == pytest.approx(slow.bbox, abs=1e-3)


def test_a_file_pdfium_cannot_open_leaves_pdfplumber_in_charge():
    assert open_fast(b"%PDF-1.4 not really", None, 1) is None
