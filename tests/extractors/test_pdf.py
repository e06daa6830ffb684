"""PDF extraction by geometry: score boxes, running headers, page breaks, hyphens, columns, tables."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from core.errors import CorruptDocument, NoTextLayer
from extractors.pdf import extract_pdf
from extractors.pdf_layout import Segment, reading_order
from tests.conftest import RAW_REPORTS

HEIGHT = A4[1]


def _pdf(pages) -> io.BytesIO:
    """Draw pages given as lists of (x, y_from_top, text, font, size)."""
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=A4, invariant=1)
    for page in pages:
        for x, top, text, font, size in page:
            canvas.setFont(font, size)
            canvas.drawString(x, HEIGHT - top, text)
        canvas.showPage()
    canvas.save()
    stream.seek(0)
    return stream


def _running(n: int) -> list:
    return [(56, 30, "DMAF Cycle 2.0 - Pune", "Helvetica", 8), (280, 820, f"Page {n} of 2", "Helvetica", 8)]


def test_a_score_box_level_with_its_heading_is_its_own_block_on_the_same_line():
    blocks = extract_pdf(_pdf([[
        (56, 100, "Indicator 2.a: City Data Officer (CDO)", "Helvetica-Bold", 12),
        (440, 100, "Score: 10/30", "Helvetica-Bold", 11),
        (56, 120, "Your city may look to appoint a full-time CDO.", "Helvetica", 10),
    ]]), name="t.pdf")
    texts = [(b.kind, b.text) for b in blocks]
    assert texts[:2] == [("heading", "Indicator 2.a: City Data Officer (CDO)"), ("heading", "Score: 10/30")]
    heading, score = blocks[0], blocks[1]
    assert heading.page == score.page == 1
    assert abs(heading.bbox[1] - score.bbox[1]) < 3 and score.bbox[0] > 400


def test_running_headers_and_page_numbers_become_header_and_footer_blocks():
    blocks = extract_pdf(_pdf([
        _running(1) + [(56, 100, "Indicator 1.a: Approval", "Helvetica-Bold", 12)],
        _running(2) + [(56, 100, "Indicator 1.b: Components", "Helvetica-Bold", 12)],
    ]), name="t.pdf")
    kinds = {(b.kind, b.text) for b in blocks}
    assert ("header", "DMAF Cycle 2.0 - Pune") in kinds and ("footer", "Page 2 of 2") in kinds
    assert [b.text for b in blocks if b.kind == "heading"] == ["Indicator 1.a: Approval", "Indicator 1.b: Components"]


def test_wrapped_lines_join_into_one_paragraph_and_hyphenated_ends_are_mended():
    line = "Your city is advised to identify the relevant data streams and opera-"
    blocks = extract_pdf(_pdf([[
        (56, 100, line + " " * 0, "Helvetica", 10),
        (56, 112, "tionalize them across all the departments of the municipal corporation.", "Helvetica", 10),
    ]]), name="t.pdf")
    assert [b.text for b in blocks] == [
        "Your city is advised to identify the relevant data streams and operationalize them across all the "
        "departments of the municipal corporation."]


def test_three_columns_of_bullets_read_column_by_column():
    rows = [["- Survey Lead", "- Statistician", "- Data Analyst"],
            ["- Data Scientist", "- Open Data expert", "- Web developer"],
            ["- Data Engineer", "- GIS expert", "- Data Architect"]]
    page = [(56 + 170 * c, 100 + 14 * r, text, "Helvetica", 10) for r, row in enumerate(rows) for c, text in enumerate(row)]
    blocks = extract_pdf(_pdf([page]), name="t.pdf")
    assert [b.text for b in blocks] == [rows[r][c] for c in range(3) for r in range(3)]
    assert {b.kind for b in blocks} == {"list_item"}


def test_reading_order_keeps_a_two_line_heading_and_score_pair_in_line_order():
    lines = [[Segment("Indicator 1.a: A", 56, 100, 200, 110, 12, True), Segment("Score: 1/30", 440, 100, 500, 110, 11, True)],
             [Segment("Indicator 1.b: B", 56, 130, 200, 140, 12, True), Segment("Score: 2/30", 440, 130, 500, 140, 11, True)]]
    assert [s.text for s in reading_order(lines)] == ["Indicator 1.a: A", "Score: 1/30", "Indicator 1.b: B", "Score: 2/30"]


def test_ruled_tables_become_cells_with_page_and_box():
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=A4, invariant=1)
    xs, tops = [56, 120, 400, 470, 540], [100, 120, 140]
    for x in xs:
        canvas.line(x, HEIGHT - tops[0], x, HEIGHT - tops[-1])
    for top in tops:
        canvas.line(xs[0], HEIGHT - top, xs[-1], HEIGHT - top)
    canvas.setFont("Helvetica", 9)
    for r, row in enumerate([["Code", "Indicator", "Score", "Max"], ["2.a", "City Data Officer (CDO)", "10", "30"]]):
        for c, text in enumerate(row):
            canvas.drawString(xs[c] + 4, HEIGHT - tops[r] - 14, text)
    canvas.save()
    stream.seek(0)
    cells = [b for b in extract_pdf(stream, name="t.pdf") if b.kind == "table_cell"]
    assert [(c.row, c.col, c.text) for c in cells if c.row == 2] == [
        (2, 1, "2.a"), (2, 2, "City Data Officer (CDO)"), (2, 3, "10"), (2, 4, "30")]
    assert all(c.page == 1 and c.bbox is not None for c in cells)


def test_a_pdf_without_text_is_said_to_look_scanned():
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=A4)
    canvas.rect(100, 100, 300, 300, fill=1)
    canvas.showPage()
    canvas.save()
    with pytest.raises(NoTextLayer, match="looks scanned"):
        extract_pdf(io.BytesIO(stream.getvalue()), name="scan.pdf")


def test_bytes_that_are_not_a_pdf_are_corrupt():
    with pytest.raises(CorruptDocument, match="not a PDF"):
        extract_pdf(io.BytesIO(b"hello"), name="x.pdf")


def test_the_real_report_rendering_has_every_heading_on_a_page():
    blocks = extract_pdf(RAW_REPORTS / "imphal_manipur_cycle2.pdf")
    headings = [b for b in blocks if b.text.startswith("Indicator ")]
    assert len(headings) == 21 and all(b.page and b.bbox for b in headings)


def test_a_table_drawn_with_box_characters_becomes_cells():
    rows = ["┌──────┬──────────────────┬───────┬─────┐",
            "│ Code │ Indicator        │ Marks │ Max │",
            "├──────┼──────────────────┼───────┼─────┤",
            "│ 1.a  │ Approval of City │ 15    │ 30  │",
            "│      │ Data Policy      │       │     │",
            "├──────┼──────────────────┼───────┼─────┤",
            "│ 1.b  │ Components       │ 7.5   │ 30  │",
            "└──────┴──────────────────┴───────┴─────┘"]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Mono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"))  # .ci/run has it
    blocks = extract_pdf(_pdf([[(56, 100 + 12 * k, row, "Mono", 9) for k, row in enumerate(rows)]]))
    cells = {(b.row, b.col): b.text for b in blocks if b.kind == "table_cell"}
    assert cells[(2, 1)] == "1.a" and cells[(2, 2)] == "Approval of City Data Policy" and cells[(2, 3)] == "15"
    assert cells[(3, 3)] == "7.5" and cells[(1, 4)] == "Max"


def test_a_score_wrapped_in_a_narrow_box_beside_its_heading_is_read_whole():
    from parsing.joins import merge_heading_fragments

    blocks = extract_pdf(_pdf([[
        (500, 171, "20.0 /", "Helvetica-Bold", 9),
        (57, 177, "Indicator 1.a: City Data Policy Notification", "Helvetica-Bold", 11),
        (504, 185, "25.0", "Helvetica-Bold", 9),
        (57, 215, "The city has made some progress on this indicator.", "Helvetica", 10),
    ]]))
    texts = [b.text for b in merge_heading_fragments(blocks)]
    assert "20.0 / 25.0" in texts and "Indicator 1.a: City Data Policy Notification" in texts


def test_a_fraction_at_the_top_of_a_page_is_a_page_number_only_where_it_can_be_one():
    page = [(56, 400, "Some recommendation text for the city.", "Helvetica", 10)]
    blocks = extract_pdf(_pdf([page, [(56, 60, "20 / 20", "Helvetica-Bold", 10)] + page,
                               [(280, 60, "3 / 3", "Helvetica", 8)] + page]))
    kinds = {b.text: b.kind for b in blocks if "/" in b.text}
    assert kinds["20 / 20"] != "header"  # page 2 of 3 cannot be numbered 20: a score set apart from the text
    assert kinds["3 / 3"] == "header"


def test_two_columns_with_more_short_heading_lines_than_text_lines_are_still_two_columns():
    from extractors.pdf_regions import split_columns

    def line(top, x0, x1, words):
        step = (x1 - x0) / words
        return [{"text": "w", "x0": x0 + k * step, "x1": x0 + (k + 1) * step - 4, "top": top, "bottom": top + 9}
                for k in range(words)]
    left = [line(94 + 14 * k, 51, 289, 8) for k in range(12)]
    right = [line(96 + 14 * k, 317, 555 if k % 3 == 2 else 360, 8 if k % 3 == 2 else 1) for k in range(12)]
    lines = [a + b for a, b in zip(left, right)]  # two short heading/score lines for each line of text on the right
    groups = split_columns(lines, [False] * len(lines), (51.0, 555.0))
    assert [column for column, _ in groups] == [1, 2]


def test_a_cell_merged_down_its_rows_keeps_the_other_cells_in_their_columns():
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    data = [["Pillar", "Code", "Marks obtained", "Maximum"], ["Policy", "1.a", "20", "30"], ["", "1.b", "7.5", "30"]]
    table = Table(data, style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (0, 1), (0, 2))]))
    stream = io.BytesIO()
    SimpleDocTemplate(stream, pagesize=A4, invariant=1).build([table])
    stream.seek(0)
    cells = {(b.row, b.col): b.text for b in extract_pdf(stream) if b.kind == "table_cell"}
    assert cells[(3, 2)] == "1.b" and cells[(3, 3)] == "7.5" and cells[(3, 4)] == "30"
