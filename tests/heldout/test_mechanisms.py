"""The general mechanisms behind the held-out results, each on a small hand-made input.

Grammar forms other offices print, contents pages, repeated headings, pillar headings, borderless
tables and two-column pages in PDF geometry and in text dumps, bold-only Word headings.
"""

from __future__ import annotations

import io

import pytest
from docx import Document

from core.blocks import Block
from extractors.docx import extract_docx
from extractors.pdf_layout import Grid, Segment
from extractors.pdf_regions import layout_page
from extractors.txt import extract_txt, reading_lines
from parsing import grammar as g
from parsing.report import parse_blocks


@pytest.mark.parametrize("line, score, max_score", [
    ("Marks obtained: 12 / 30", 12.0, 30.0),
    ("12/30 marks", 12.0, 30.0),
    ("Score 12 of 30", 12.0, 30.0),
    ("Score: 12.5/30.0", 12.5, 30.0),
    ("Marks awarded – 12 out of 30", 12.0, 30.0),
    ("Score: 12/30 (40%)", 12.0, 30.0),
    ("Marks obtained: NA", None, None),
    ("N/A / 15", None, 15.0),
])
def test_score_lines_printed_by_other_offices(line, score, max_score):
    assert g.match_score(line) == g.Score(score, max_score)


@pytest.mark.parametrize("line, code, title, score", [
    ("Indicator 1.a: Approval of City Data Policy (12/30)", "1.a", "Approval of City Data Policy", g.Score(12.0, 30.0)),
    ("INDICATOR 2.D: TRAINING OF OFFICIALS (Not assessed)", "2.d", "TRAINING OF OFFICIALS", g.Score(None, None)),
    ("Indicator 3.b – Data Quality Process 10/30 marks", "3.b", "Data Quality Process", g.Score(10.0, 30.0)),
    ("Data Team (Indicator 2.c)", "2.c", "Data Team", None),
])
def test_scores_and_codes_at_the_end_of_headings(line, code, title, score):
    heading = g.match_heading(line)
    assert (heading.code, heading.title, g.split_heading_score(line)) == (code, title, score)


def test_a_bare_code_and_a_space_is_a_heading_only_when_styled_as_one_and_needs_its_dot():
    assert g.match_heading("2.a City Data Officer (CDO)") is None
    styled = g.match_heading("2.a City Data Officer (CDO)", allow_bare=True)
    assert styled == g.Heading("2.a", "City Data Officer (CDO)")
    assert g.match_heading("2 A note on the data", allow_bare=True) is None
    assert g.match_heading("As recommended before. See the budget (Indicator 1.c)") is None


@pytest.mark.parametrize("line, label, cycle", [
    ("Second Cycle", "Second Cycle", 2), ("CYCLE-III", "CYCLE-III", 3), ("DMAF 2.0 · City Performance", "DMAF 2.0", 2),
])
def test_cycle_labels_in_words_and_roman_numerals(line, label, cycle):
    found = g.match_cycle(line)
    assert (found[0], g.cycle_number(found[1])) == (label, cycle)


def test_a_year_after_dmaf_is_not_a_cycle():
    assert g.match_cycle("DMAF 2021 report") is None


@pytest.mark.parametrize("line, city, state", [
    ("City/ULB: Nagpur", "Nagpur", None),
    ("Name of the City: Nagpur", "Nagpur", None),
    ("State/UT: Maharashtra", None, "Maharashtra"),
    ("City: Jaipur State: Rajasthan", "Jaipur", "Rajasthan"),
    ("City/ULB | Itanagar | State/UT | Arunachal Pradesh", "Itanagar", "Arunachal Pradesh"),
])
def test_city_and_state_as_forms_print_them(line, city, state):
    assert g.match_city_state(line) == (city, state)


def test_contents_entries_pillar_headings_and_scorecard_headers_are_recognised():
    assert g.is_toc_entry("Indicator 1.a: Approval of City Data Policy ........ 3")
    assert g.is_toc_entry("INDICATOR 1.A: APPROVAL\t3")
    assert not g.is_toc_entry("1.a   Approval of City Data Policy             25     30")
    assert [g.match_pillar_heading(t) for t in ("Pillar 2: People", "PILLAR 2 – PEOPLE", "Peoples")] == [2, 2, None]
    assert g.scorecard_max_first(["Code", "Indicator", "Max Marks", "Marks Obtained"]) is True
    assert g.scorecard_max_first(["S. No.", "Indicator", "Score", "Max. Score"]) is False
    assert g.match_scorecard_cells(["3", "1.c & 1.d – Budget", "32.5", "40.0"])[1] == g.Score(32.5, 40.0)


def _lines(*texts: str) -> list[Block]:
    return [Block("paragraph", t, n, f"line {n + 1}", line=n + 1) for n, t in enumerate(texts)]


def test_a_contents_page_neither_duplicates_indicators_nor_steals_their_scores():
    report = parse_blocks(_lines(
        "Data Maturity Assessment Framework Cycle 2.0", "City: Pune | State: Maharashtra", "Contents",
        "Indicator 1.a: Approval of City Data Policy ........ 3", "Indicator 1.b: City Data Policy Components ..... 3",
        "Indicator 1.a: Approval of City Data Policy", "Score: 10/30", "Adopt the policy.",
        "Indicator 1.b: City Data Policy Components", "Score: 20/30",
    ), source="toc.txt", format="txt")
    assert [(i.code, i.score, i.heading_at.line) for i in report.indicators] == [("1.a", 10.0, 6), ("1.b", 20.0, 9)]
    assert not any(w.code == "duplicate_indicator" for w in report.warnings)


def test_a_summary_list_and_a_body_section_of_one_indicator_merge_and_two_scores_for_it_give_none():
    report = parse_blocks(_lines(
        "Data Maturity Assessment Framework Cycle 2.0", "City: Pune | State: Maharashtra",
        "Indicator 1.a: Approval of City Data Policy (10/30)", "Indicator 1.b: City Data Policy Components (20/30)",
        "Indicator 1.a: Approval of City Data Policy", "Adopt the policy.",
        "Indicator 1.b: City Data Policy Components", "Score: 25/30",
    ), source="dup.txt", format="txt")
    by_code = {i.code: i for i in report.indicators}
    assert (by_code["1.a"].score, by_code["1.a"].paragraphs) == (10.0, ("Adopt the policy.",))
    assert by_code["1.b"].score is None
    assert any(w.code == "score_conflict" and w.indicator == "1.b" for w in report.warnings)


def test_a_score_right_under_a_pillar_heading_is_the_pillar_total_not_an_indicator_score():
    report = parse_blocks(_lines(
        "Data Maturity Assessment Framework Cycle 2.0", "City: Pune | State: Maharashtra",
        "Pillar 2: People", "Score: 55/100", "Indicator 2.a: City Data Officer (CDO)", "Score: 10/30",
    ), source="pillar.txt", format="txt")
    assert [(t.pillar_no, t.score, t.max_score) for t in report.printed_totals] == [(2, 55.0, 100.0)]
    assert [(i.code, i.score) for i in report.indicators] == [("2.a", 10.0)]


def _word(text: str, x0: float, top: float, size: float = 10.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 5.2 * len(text), "top": top, "bottom": top + size, "size": size,
            "fontname": "Helvetica"}


def _words(line: str, x0: float, top: float) -> list[dict]:
    words, x = [], x0
    for part in line.split(" "):
        words.append(_word(part, x, top))
        x += 5.2 * len(part) + 3.0
    return words


def test_two_columns_of_flowing_text_are_read_left_column_first():
    left = ["The assessment found that the city has", "taken first steps towards a data policy,",
            "but the effort is not yet institutional.", "Score 10 of 30 for this indicator."]
    right = ["A time-bound action plan reviewed by", "the CEO every quarter would help keep",
             "the momentum and document progress", "for the next assessment of the city."]
    words = [w for n, text in enumerate(left) for w in _words(text, 56, 100 + 14 * n)]
    words += [w for n, text in enumerate(right) for w in _words(text, 310, 101 + 14 * n)]
    texts = [s.text for s in layout_page(words, top=60, bottom=780)]
    assert texts == left + right


def test_a_borderless_scorecard_is_a_grid_with_its_header_and_a_wrapped_title_cell():
    rows = [("Code", "Indicator", "Max Marks", "Marks Obtained"), ("1.a", "Approval of City Data", "30", "12.5"),
            ("", "Policy", "", ""), ("1.b", "City Data Policy Components", "30", "NA")]
    xs = (56, 110, 380, 470)
    words = [w for r, row in enumerate(rows) for x, cell in zip(xs, row) if cell
             for w in _words(cell, x, 100 + 14 * r)]
    items = layout_page(words, top=60, bottom=780)
    assert len(items) == 1 and isinstance(items[0], Grid)
    assert [[text for _, text in row] for row in items[0].rows] == [
        ["Code", "Indicator", "Max Marks", "Marks Obtained"], ["1.a", "Approval of City Data Policy", "30", "12.5"],
        ["1.b", "City Data Policy Components", "30", "NA"]]


def test_a_label_value_block_is_read_row_by_row():
    rows = [("Name of the City", "Nagpur"), ("State/UT", "Maharashtra"), ("Assessment cycle", "Cycle 2")]
    words = [w for r, row in enumerate(rows) for x, cell in zip((56, 200), row) for w in _words(cell, x, 100 + 14 * r)]
    items = layout_page(words, top=60, bottom=780)
    assert isinstance(items[0], Grid) and [[t for _, t in row] for row in items[0].rows] == [list(r) for r in rows]
    assert all(isinstance(i, (Segment, Grid)) for i in items)


def test_a_two_column_text_dump_is_read_left_column_first_and_keeps_line_numbers():
    left = [f"left line {n} of the first column text" for n in range(12)]
    right = [f"right line {n} of the second column" for n in range(12)]
    lines = ["A title across the page"] + [f"{a:<46}    {b}" for a, b in zip(left, right)]
    ordered = reading_lines(lines)
    assert [t for _, t in ordered] == ["A title across the page"] + left + right
    assert ordered[13] == (2, right[0])


def test_an_aligned_text_scorecard_is_not_taken_for_two_columns():
    lines = ["Code  Indicator                                Score  Max Score"]
    lines += [f"1.{chr(97 + n)}   {'Indicator title number ' + str(n):<40} {n:<6} 30" for n in range(15)]
    assert [t for _, t in reading_lines(lines)] == lines
    blocks = extract_txt(io.BytesIO("\n".join(lines).encode()), name="card.txt")
    assert len(blocks) == 16 * 4 and {b.kind for b in blocks} == {"table_cell"}  # a table, read row by row
    assert [b.text for b in blocks[:8]] == ["Code", "Indicator", "Score", "Max Score", "1.a", "Indicator title number 0",
                                           "0", "30"]
    assert [(b.row, b.col) for b in blocks[4:8]] == [(2, 1), (2, 2), (2, 3), (2, 4)]


def test_word_headings_set_in_bold_by_hand_and_header_tables_are_read():
    document = Document()
    table = document.sections[0].header.add_table(rows=1, cols=4, width=document.sections[0].page_width)
    for cell, text in zip(table.rows[0].cells, ("City/ULB", "Pune", "State/UT", "Maharashtra")):
        cell.text = text
    document.add_paragraph().add_run("INDICATOR 2.A: CITY DATA OFFICER").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Marks obtained:").bold = True
    mixed.add_run(" 12 / 30")
    stream = io.BytesIO()
    document.save(stream)
    blocks = extract_docx(io.BytesIO(stream.getvalue()), name="t.docx")
    assert [(b.kind, b.text) for b in blocks] == [
        ("header", "City/ULB | Pune | State/UT | Maharashtra"), ("heading", "INDICATOR 2.A: CITY DATA OFFICER"),
        ("paragraph", "Marks obtained: 12 / 30")]
