"""The line grammar: headings, score lines, metadata and totals in the forms real reports print."""

from __future__ import annotations

import pytest

from parsing import grammar as g


@pytest.mark.parametrize("line, code, title", [
    ("Indicator 1.a: Approval of City Data Policy", "1.a", "Approval of City Data Policy"),
    ("Indicator 1.c & 1.d: Budget for data-related initiatives", "1.c&1.d", "Budget for data-related initiatives"),
    ("INDICATOR 2.A - City Data Officer", "2.a", "City Data Officer"),
    ("Indicator 2.d: Capacity Building – Ministry Initiative", "2.d", "Capacity Building – Ministry Initiative"),
    ("## **Indicator 3(b): Data Hackathons**", "3.b", "Data Hackathons"),
    ("Indicator\u00a04.b\u00a0– Number of datasets on SCODP", "4.b", "Number of datasets on SCODP"),
    ("Indicator 2.a: City Data Officer (CDO) | Score: 10/30", "2.a", "City Data Officer (CDO)"),
    ("Indicator No.: 1.a\tIndicator: Approval of City Data Policy", "1.a", "Approval of City Data Policy"),
])
def test_headings_in_their_printed_variants_give_canonical_codes(line, code, title):
    heading = g.match_heading(line)
    assert (heading.code, heading.title) == (code, title)


def test_a_bare_code_counts_as_a_heading_only_when_styled_as_one():
    assert g.match_heading("2.a: City Data Officer") is None
    assert g.match_heading("2.a: City Data Officer", allow_bare=True).code == "2.a"


@pytest.mark.parametrize("line, score, max_score", [
    ("Score: 0/30", 0.0, 30.0),
    ("Score: **0/40**", 0.0, 40.0),
    ("Score : 12.5 / 30", 12.5, 30.0),
    ("Score – 10/30", 10.0, 30.0),
    ("10 out of 30", 10.0, 30.0),
    ("Score: NA", None, None),
    ("Score: N/A", None, None),
    ("Not assessed", None, None),
    ("Score: NA/30", None, 30.0),
    ("21 marks out of 30;", 21.0, 30.0),  # an item of a list
    ("5 (out of 30)", 5.0, 30.0),
    ("12 (max. 20)", 12.0, 20.0),
    ("Marks obtained: ____ 27.5____      Maximum marks: 30", 27.5, 30.0),  # a form's blanks, filled in
    ("Marks obtained: ____ N.A.____      Maximum marks: 10", None, 10.0),
    ("Score: N.A.", None, None),
])
def test_score_lines_in_their_printed_variants(line, score, max_score):
    assert g.match_score(line) == g.Score(score, max_score)


@pytest.mark.parametrize("line", [
    "Score: 3 out of 5 departments responded",
    "Total Score: 10/500",
    "Your city scored well.",
    "Indicator 2.a: City Data Officer",
    "5 (of 30)",  # a bare "of" in brackets says nothing of a maximum
    "2 marks out of 5 sub-criteria",
    "Score: NAB",
])
def test_lines_that_are_not_score_lines(line):
    assert g.match_score(line) is None


@pytest.mark.parametrize("line, city, state", [
    ("City: Imphal | State: Manipur", "Imphal", "Manipur"),
    ("City - Pune, State - Maharashtra", "Pune", "Maharashtra"),
    ("City: Port Blair | State: Andaman & Nicobar Islands", "Port Blair", "Andaman & Nicobar Islands"),
    ("City Performance & Recommendations", None, None),
    ("Indicator 3.a: City Data Alliances", None, None),
])
def test_city_and_state_metadata(line, city, state):
    assert g.match_city_state(line) == (city, state)


@pytest.mark.parametrize("line, label, number", [
    ("Data Maturity Assessment Framework Cycle 2.0", "Cycle 2.0", 2),
    ("DMAF 3.0 — City Performance", "DMAF 3.0", 3),
    ("Cycle-II", "Cycle-II", 2),
])
def test_cycle_labels(line, label, number):
    found_label, num = g.match_cycle(line)
    assert (found_label, g.cycle_number(num)) == (label, number)


def test_totals_and_scorecard_rows():
    assert g.match_pillar_total("Pillar 2 (People) total: 10/100") == (2, 10.0, 100.0)
    assert g.match_pillar_total("People: 10/100") == (2, 10.0, 100.0)
    assert g.match_total("Total Score: 10/500") == (10.0, 500.0)
    heading, score = g.match_scorecard_line("| 1.c & 1.d | Budget for data-related initiatives | 0 | 40 |")
    assert (heading.code, heading.title, score) == ("1.c&1.d", "Budget for data-related initiatives", g.Score(0.0, 40.0))
    assert g.match_scorecard_cells(["Code", "Indicator", "Score", "Max"]) is None


def test_a_scorecard_row_whose_title_holds_another_card_is_no_row() -> None:
    """Cards side by side read as one row ("1.a | SCORE 1.5/30 | 1(b) SCORE | 21 | 30") hold two indicators: the
    row's numbers are not 1.a's, so it is not read as 1.a's row; a title with a number of its own still is."""
    assert g.match_scorecard_line("1.a | SCORE 1.5/30 | 1(c) & (d) SCORE 25/40 | 1(b) SCORE | 21 | 30") is None
    assert g.match_scorecard_line("1.a | Approval of the policy | 1(b) | 21 | 30") is None
    heading, _ = g.match_scorecard_line("5.b | 24/7 citizen services | 10 | 30")
    assert heading.title == "24/7 citizen services"
    heading, score = g.match_scorecard_line("4.b | Number of datasets on SCODP (2 of 3 portals) | 10 | 30")
    assert (heading.code, heading.title, score) == ("4.b", "Number of datasets on SCODP (2 of 3 portals)",
                                                    g.Score(10.0, 30.0))


@pytest.mark.parametrize(("line", "code"), [
    ("Framework reference: Indicator 1.a", "1.a"), ("Framework indicator 1(c) & (d)", "1.c&1.d"),
    ("(DMAF indicator 2.b)", "2.b"), ("Ref.: Indicator 3(c)", "3.c"), ("Indicator 4.e", "4.e"),
    ("The city did well on indicator 2.b", None), ("Under 1(a)", None), ("Section 2.1", None),
    ("Framework reference: Indicator 1.a, which the city met through its data policy and more", None),
])
def test_a_reference_line_names_one_framework_indicator_and_nothing_else(line, code):
    assert g.match_reference_line(line) == code


def test_a_number_printed_before_indicator_on_the_heading_line_is_no_part_of_it():
    assert g.match_code_only("28 Indicator 1(a)") == "1.a"  # its title on the next line
    assert g.match_heading("28 Indicator 1(a): Data Policy") == g.Heading("1.a", "Data Policy")
    assert g.match_heading("4. Indicator 2.a: Data Team") == g.Heading("2.a", "Data Team")
    assert g.match_heading("28 City Data Policy") is None
    assert g.office_number("2.1 Approval of City Data Policy") == "2.1 "
    assert g.office_number("2021 Approval") is None
