"""DOCX extraction: styles, numbering, tables, headers and text boxes, with their places."""

from __future__ import annotations

import io

import pytest
from docx import Document

from core.errors import CorruptDocument, UnsupportedFormat
from extractors.docx import extract_docx
from tests.conftest import RAW_REPORTS


def _docx(build) -> io.BytesIO:
    document = Document()
    build(document)
    stream = io.BytesIO()
    document.save(stream)
    stream.seek(0)
    return stream


def test_headings_list_items_and_paragraphs_keep_their_kind_and_index():
    def build(d):
        d.add_heading("Indicator 2.a: City Data Officer (CDO)", level=2)
        d.add_paragraph("Score: 10/30")
        d.add_paragraph("Appoint a CDO.", style="List Bullet")
    blocks = extract_docx(_docx(build), name="t.docx")
    assert [(b.kind, b.text, b.location) for b in blocks] == [
        ("heading", "Indicator 2.a: City Data Officer (CDO)", "paragraph 1"),
        ("paragraph", "Score: 10/30", "paragraph 2"),
        ("list_item", "Appoint a CDO.", "paragraph 3"),
    ]
    assert blocks[0].level == 2


def test_table_cells_carry_table_row_and_column():
    def build(d):
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "Indicator 2.a: City Data Officer (CDO)"
        t.cell(0, 1).text = "Score: 10/30"
    cells = extract_docx(_docx(build), name="t.docx")
    assert [(c.kind, c.table, c.row, c.col, c.text) for c in cells] == [
        ("table_cell", 1, 1, 1, "Indicator 2.a: City Data Officer (CDO)"),
        ("table_cell", 1, 1, 2, "Score: 10/30"),
    ]


def test_section_header_text_comes_first_as_header_blocks():
    def build(d):
        d.sections[0].header.paragraphs[0].text = "City: Pune | State: Maharashtra"
        d.add_paragraph("Body")
    blocks = extract_docx(_docx(build), name="t.docx")
    assert (blocks[0].kind, blocks[0].text) == ("header", "City: Pune | State: Maharashtra")


def test_the_real_report_rendering_has_its_headings_styled():
    blocks = extract_docx(RAW_REPORTS / "imphal_manipur_cycle2.docx")
    headings = [b.text for b in blocks if b.kind == "heading" and b.text.startswith("Indicator")]
    assert len(headings) == 21


def test_a_zip_that_is_not_word_is_refused_by_name():
    import zipfile
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as z:
        z.writestr("content.xml", "<x/>")
    with pytest.raises(UnsupportedFormat, match="OpenDocument"):
        extract_docx(io.BytesIO(stream.getvalue()), name="odt.docx")


def test_a_broken_zip_is_corrupt():
    with pytest.raises(CorruptDocument, match="broken.docx"):
        extract_docx(io.BytesIO(b"PK\x03\x04garbage"), name="broken.docx")


def test_a_table_nested_in_a_cell_follows_that_cell_as_a_table_of_its_own():
    def build(d):
        outer = d.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "Pillar 1: Policy"
        inner = outer.cell(0, 1).add_table(rows=2, cols=3)
        for r, row in enumerate([("1.a", "18 / 30", "Approval"), ("1.b", "12 / 30", "Components")]):
            for c, text in enumerate(row):
                inner.cell(r, c).text = text
    cells = [(b.table, b.row, b.col, b.text) for b in extract_docx(_docx(build), name="t.docx")
             if b.kind == "table_cell" and b.text]
    assert cells[0] == (1, 1, 1, "Pillar 1: Policy")  # the outer cell first, then what is nested in the next one
    assert cells[1:] == [
        (2, 1, 1, "1.a"), (2, 1, 2, "18 / 30"), (2, 1, 3, "Approval"),
        (2, 2, 1, "1.b"), (2, 2, 2, "12 / 30"), (2, 2, 3, "Components")]


def test_a_footnote_s_text_follows_the_paragraph_that_carries_its_mark():
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def build(d):
        heading = d.add_heading("Indicator 1.a: Approval of City Data Policy", level=2)
        heading._p.append(parse_xml(f'<w:r xmlns:w="{w}"><w:footnoteReference w:id="1"/></w:r>'))
        d.add_paragraph("Adopt the policy.")
        notes = (f'<w:footnotes xmlns:w="{w}"><w:footnote w:id="1"><w:p><w:r><w:t>1.a: 0 marks (maximum 30).'
                 f'</w:t></w:r></w:p></w:footnote></w:footnotes>').encode()
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", notes, d.part.package)
        d.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    texts = [b.text for b in extract_docx(_docx(build), name="t.docx")]
    assert texts == ["Indicator 1.a: Approval of City Data Policy", "1.a: 0 marks (maximum 30).", "Adopt the policy."]
