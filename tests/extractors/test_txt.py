"""TXT extraction: encodings, line provenance, bullets and pipe tables."""

from __future__ import annotations

import io

import pytest

from core.errors import UndecodableText
from extractors.txt import extract_txt, lines_to_blocks
from tests.conftest import SEED_TXT


def test_every_block_of_the_real_report_keeps_its_line_number():
    blocks = extract_txt(SEED_TXT)
    lines = SEED_TXT.read_text(encoding="utf-8").splitlines()
    assert blocks[0].text == "Data Maturity Assessment Framework Cycle 2.0" and blocks[0].line == 7
    for block in blocks:
        assert block.location == f"line {block.line}"
        assert lines[block.line - 1].strip() == block.text


def test_bullets_become_list_items():
    blocks = extract_txt(io.BytesIO(b"Intro\n\n- one\n- two\n"), name="x.txt")
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "Intro"), ("list_item", "- one"), ("list_item", "- two")]


@pytest.mark.parametrize("encoded", [
    "\ufeffCity: Pune | State: Maharashtra\r\nIndicator 2.a – CDO\r\n".encode("utf-8"),
    "City: Pune | State: Maharashtra\r\nIndicator 2.a – CDO\r\n".encode("cp1252"),
    "City: Pune | State: Maharashtra\nIndicator 2.a – CDO\n".encode("utf-16"),
])
def test_boms_crlf_and_windows_1252_decode_to_the_same_text(encoded):
    blocks = extract_txt(io.BytesIO(encoded), name="x.txt")
    assert [b.text for b in blocks] == ["City: Pune | State: Maharashtra", "Indicator 2.a – CDO"]


def test_latin1_bytes_that_are_not_utf8_still_decode():
    blocks = extract_txt(io.BytesIO("Café Data Policy\n".encode("latin-1")), name="x.txt")
    assert blocks[0].text == "Café Data Policy"


def test_pipe_tables_become_cells_with_row_and_column():
    text = b"| Code | Indicator | Score | Max |\n|---|---|---|---|\n| 1.a | Approval | 0 | 30 |\n"
    cells = extract_txt(io.BytesIO(text), name="x.txt")
    assert [(c.row, c.col, c.text) for c in cells if c.row == 2] == [(2, 1, "1.a"), (2, 2, "Approval"), (2, 3, "0"), (2, 4, "30")]
    assert {c.kind for c in cells} == {"table_cell"}


def test_binary_bytes_are_refused_with_the_file_name():
    with pytest.raises(UndecodableText, match="blob.txt"):
        extract_txt(io.BytesIO(bytes(range(256)) * 4), name="blob.txt")


def test_a_caller_opened_file_is_not_closed():
    stream = io.BytesIO(b"Hello\n")
    extract_txt(stream, name="x.txt")
    assert not stream.closed


def test_a_bulleted_heading_keeps_its_indented_lines_apart():
    text = b"  * 1.a Approval of City Data Policy [9]Guidance\n    Score 20 pts \xc2\xb7 Maximum 30 pts\n    Text.\n" \
           b"  * A plain bullet\n    that goes on\n"
    blocks = extract_txt(io.BytesIO(text), name="x.txt")
    assert [(b.kind, b.text) for b in blocks] == [
        ("list_item", "* 1.a Approval of City Data Policy [9]Guidance"),
        ("paragraph", "Score 20 pts \u00b7 Maximum 30 pts"), ("paragraph", "Text."),
        ("list_item", "* A plain bullet that goes on")]


def test_quoted_csv_lines_inside_the_text_are_a_table():
    text = b'.. csv-table:: Marks\n   :header: "Code", "Indicator", "Marks"\n\n   "1.a", "Approval, of policy", "12.5"\n'
    cells = [(b.table, b.row, b.col, b.text) for b in extract_txt(io.BytesIO(text), name="x.txt")
             if b.kind == "table_cell"]
    assert cells == [(1, 1, 1, "Code"), (1, 1, 2, "Indicator"), (1, 1, 3, "Marks"),  # the blank line parts them:
                     (2, 1, 1, "1.a"), (2, 1, 2, "Approval, of policy"), (2, 1, 3, "12.5")]  # a header read on


def test_a_table_drawn_with_bars_and_plus_rules_is_not_taken_for_a_space_aligned_one():
    text = ("Dear Sir / Madam,\n\nPlease find enclosed the report prepared on the documents submitted.\n\n"
            "City Recommendations\n\n"
            "+------------------+-------------+--------------------+\n"
            "| Indicator        | Score       | Recommendations    |\n"
            "+------------------+-------------+--------------------+\n"
            "| 1.a Approval of  | Marks       | The city has fully |\n"
            "| City Data Policy | obtained:   | met it.            |\n"
            "|                  | 30 out of   |                    |\n"
            "|                  | 30          |                    |\n"
            "+------------------+-------------+--------------------+\n"
            "| 1.b Components   | Marks: 5/30 | Draft it.          |\n"
            "+------------------+-------------+--------------------+\n").encode()
    cells = {(b.row, b.col): b.text for b in extract_txt(io.BytesIO(text), name="x.txt") if b.kind == "table_cell"}
    assert cells[(2, 1)] == "1.a Approval of City Data Policy"
    assert cells[(2, 2)] == "Marks obtained: 30 out of 30"


def test_rows_a_grid_encloses_in_one_group_are_split_where_a_value_column_gets_its_next_value():
    text = ("+--------+------+-----------+------------------------+\n"
            "|  MARKS |  MAX | CODE      | INDICATOR              |\n"
            "+--------+------+-----------+------------------------+\n"
            "|   13.5 |   30 | 1.a       | Approval of City Data  |\n"
            "|        |      |           | Policy                 |\n"
            "|   22.5 |   30 | 1.b       | Coverage of essential  |\n"
            "|        |      |           | Components             |\n"
            "|      - |   40 | 1.c &     | Budget allocation      |\n"
            "|        |      | 1.d       |                        |\n"
            "+--------+------+-----------+------------------------+\n"
            "|   36.0 |  100 |           | PILLAR 1 SUBTOTAL      |\n"
            "+--------+------+-----------+------------------------+\n").encode()
    rows: dict[int, list[str]] = {}
    for b in extract_txt(io.BytesIO(text), name="x.txt"):
        rows.setdefault(b.row, []).append(b.text)
    assert list(rows.values()) == [["MARKS", "MAX", "CODE", "INDICATOR"],
                                   ["13.5", "30", "1.a", "Approval of City Data Policy"],
                                   ["22.5", "30", "1.b", "Coverage of essential Components"],
                                   ["-", "40", "1.c & 1.d", "Budget allocation"],
                                   ["36.0", "100", "", "PILLAR 1 SUBTOTAL"]]


def test_a_sentence_ends_a_table_laid_out_in_columns() -> None:
    """A scorecard laid out in spaces, then prose, then headings with their score far to the right: the headings
    are lines of text in reading order, not rows of the table above (which swallowed them and moved them up)."""
    lines = ["Code   Indicator                      Score   Max",
             "1.a    Approval of City Data Policy    10      30",
             "1.b    City Data Policy Components     20      30",
             "",
             "Your city is advised to get this policy approved by the Municipal Commissioner soon.",
             "",
             "Indicator 1.a: Approval of City Data Policy                Score: 10/30"]
    blocks = lines_to_blocks(lines, source="card.txt")
    assert [b.line for b in blocks if b.kind == "table_cell"] == [1] * 4 + [2] * 4 + [3] * 4
    assert [b.line for b in blocks] == sorted(b.line for b in blocks)
    assert blocks[-1].kind == "paragraph" and blocks[-1].text.startswith("Indicator 1.a")
