"""Every way a score is placed on its indicator (``score_method``), each alone on hand-made blocks, with the
refusals that keep a score NULL: a score that could be two indicators' stays unplaced, never guessed."""

from __future__ import annotations

import pytest

from parsing.drafts import PLACEMENTS
from tests.parsing.handmade import Page, indicator, parse, text_blocks, warning_codes

PILLAR_2 = {"2.a": ("City Data Officer (CDO)", 30), "2.b": ("Appointment of Data Coordinators", 20),
            "2.c": ("Data Team", 20), "2.d": ("Capacity Building – Ministry Initiative", 15),
            "2.e": ("Capacity Building – City Initiative", 15)}


def _pillar_2(sections: dict[str, list[str]]) -> list[str]:
    """Lines of pillar 2 of a Cycle 2 report, each heading followed by the lines given for its code (by default a
    score right under it, a third of its maximum, and a sentence of its own: a line printed in three sections is
    page furniture, and is not read)."""
    lines = []
    for code, (title, top) in PILLAR_2.items():
        own = sections.get(code, [f"Score: {top // 3}/{top}", f"The city is advised to go on with {title}."])
        lines += [f"Indicator {code}: {title}", "", *own, ""]
    return lines


def _placed(report, code: str) -> tuple[float | None, float | None, str | None]:
    ind = indicator(report, code)
    return ind.score, ind.max_score, ind.score_method


def test_same_line_a_score_printed_on_the_headings_line() -> None:
    report = parse(text_blocks(["Indicator 2.b: Appointment of Data Coordinators – 12.5/20"]), "hand.txt")
    assert _placed(report, "2.b") == (12.5, 20.0, "same_line")


def test_under_heading_a_score_line_right_after_its_heading() -> None:
    report = parse(text_blocks(_pillar_2({"2.c": ["Score: 7/20", "Data team is not limited to the CDO."]})),
                   "hand.txt")
    assert _placed(report, "2.c") == (7.0, 20.0, "under_heading")


def test_end_of_section_a_score_after_the_text_of_its_section() -> None:
    """Scores printed after each section's text (none right under a heading): each closes its own section."""
    sections = {code: [f"The city is advised to go on with {title}.", f"Score: {top // 2}/{top}"]
                for code, (title, top) in PILLAR_2.items()}
    report = parse(text_blocks(_pillar_2(sections)), "hand.txt")
    assert [_placed(report, code) for code in PILLAR_2] == [
        (15.0, 30.0, "end_of_section"), (10.0, 20.0, "end_of_section"), (10.0, 20.0, "end_of_section"),
        (7.0, 15.0, "end_of_section"), (7.0, 15.0, "end_of_section")]


def _boxes_above(scores: dict[str, str]) -> list[str]:
    """Pillar 2 with each score printed just before its heading (a score box stored before the heading)."""
    lines = ["Pillar 2: People", ""]
    for code, (title, _) in PILLAR_2.items():
        lines += [scores[code], "", f"Indicator {code}: {title}", "", f"The city is advised to go on with {title}.", ""]
    return lines


def test_above_heading_where_the_document_prints_every_score_just_before_its_heading() -> None:
    """Neighbours 2.b/2.c and 2.d/2.e share a maximum, so a score before 2.c could close 2.b's section; the first
    score stands before any indicator of the pillar and 2.a's score out of 30 cannot be the 20 of 2.b: the
    document prints its scores above their headings, each one its heading's."""
    scores = {"2.a": "Score: 10/30", "2.b": "Score: 5/20", "2.c": "Score: 7/20", "2.d": "Score: 3/15",
              "2.e": "Score: 4/15"}
    report = parse(text_blocks(_boxes_above(scores)), "hand.txt")
    assert [_placed(report, code) for code in PILLAR_2] == [
        (10.0, 30.0, "above_heading"), (5.0, 20.0, "above_heading"), (7.0, 20.0, "above_heading"),
        (3.0, 15.0, "above_heading"), (4.0, 15.0, "above_heading")]


def test_above_heading_is_not_decided_when_one_score_has_another_maximum_than_the_heading_below() -> None:
    """One score out of 20 before 2.a (out of 30): the document is not one that prints its scores above its
    headings, and no score is tied to the heading below it."""
    scores = {"2.a": "Score: 10/20", "2.b": "Score: 5/20", "2.c": "Score: 7/20", "2.d": "Score: 3/15",
              "2.e": "Score: 4/15"}
    report = parse(text_blocks(_boxes_above(scores)), "hand.txt")
    assert all(indicator(report, code).score_method != "above_heading" for code in PILLAR_2)


def test_end_of_section_refuses_a_score_whose_maximum_is_another_indicators() -> None:
    """A score out of 20 at the end of 2.d's section (out of 15) is not 2.d's: with 2.b and 2.c both waiting for
    a score out of 20, it could be either, so it stays unplaced and both stay NULL."""
    sections = {"2.b": ["No score."], "2.c": ["No score."], "2.d": ["Score: 5/15", "Attend the trainings.",
                                                                       "Score: 12/20"]}
    report = parse(text_blocks(_pillar_2(sections)), "hand.txt")
    assert _placed(report, "2.d") == (5.0, 15.0, "under_heading")
    assert indicator(report, "2.b").score is None and indicator(report, "2.c").score is None
    assert "unplaced_score" in warning_codes(report)


def test_max_score_match_the_one_indicator_in_the_section_waiting_for_that_maximum() -> None:
    """The same stray score out of 20, with only 2.b waiting for one out of 20: 2.b's, with a warning."""
    sections = {"2.b": ["No score."], "2.d": ["Score: 5/15", "Attend the trainings.", "Score: 12/20"]}
    report = parse(text_blocks(_pillar_2(sections)), "hand.txt")
    assert _placed(report, "2.b") == (12.0, 20.0, "max_score_match")
    assert "score_placed_by_max_match" in warning_codes(report, "2.b")


def test_max_score_match_refuses_two_scores_for_one_indicator() -> None:
    """Two stray scores out of 20 and one indicator waiting for one: neither is placed."""
    sections = {"2.b": ["No score."], "2.d": ["Score: 5/15", "Attend the trainings.", "Score: 12/20", "More text.",
                                   "Score: 14/20"]}
    report = parse(text_blocks(_pillar_2(sections)), "hand.txt")
    assert indicator(report, "2.b").score is None
    assert warning_codes(report).count("unplaced_score") == 2


def test_max_score_match_is_refused_in_a_pillar_that_lost_an_indicator() -> None:
    """With 2.e's heading lost, the stray score might be 2.e's own: 2.b stays NULL (placement_refused)."""
    sections = {"2.b": ["No score."], "2.d": ["Score: 5/15", "Attend the trainings.", "Score: 12/20"]}
    lines = [line for line in _pillar_2(sections) if not line.startswith("Indicator 2.e")]
    report = parse(text_blocks(lines), "hand.txt")
    assert indicator(report, "2.b").score is None
    assert "placement_refused" in warning_codes(report, "2.b")


def _score_column_page(tolerance_probe: bool = False) -> Page:
    """Headings on the left; a score box on the right printed a little above its heading's line, so that it is
    read before it (after the text of the section above): only the page's geometry says whose it is."""
    page = Page().title_block()
    page.add("Indicator 2.a: City Data Officer (CDO)", y=100.0, kind="heading").add("Score: 20/30", y=114.0)
    page.add("The CDO is advised to meet the data team every month.", y=128.0)
    page.add("Score: 11/20", x=430.0, y=149.0)
    page.add("Indicator 2.b: Appointment of Data Coordinators", y=150.0, kind="heading")
    page.add("Data coordinators help support and drive the data activities.", y=166.0)
    if tolerance_probe:  # 2.c printed two lines below 2.b, with no score of its own
        page.add("Indicator 2.c: Data Team", y=178.0, kind="heading")
        page.add("Data team is not limited to the CDO.", y=200.0)
    return page


def test_level_with_heading_a_score_box_on_its_headings_line() -> None:
    report = parse(_score_column_page().blocks)
    assert _placed(report, "2.b") == (11.0, 20.0, "level_with_heading")
    assert _placed(report, "2.a") == (20.0, 30.0, "under_heading")


def test_level_with_heading_is_not_fooled_by_the_next_heading_a_line_further_down() -> None:
    """The next heading (score-less, also out of 20) is two lines lower: not level with the box."""
    report = parse(_score_column_page(tolerance_probe=True).blocks)
    assert _placed(report, "2.b") == (11.0, 20.0, "level_with_heading")
    assert indicator(report, "2.c").score is None


def _pillar_2_page(code: str, score_x: float) -> Page:
    """Pillar 2 on a page, each score right under its heading, but ``code``'s printed after its text at
    ``score_x`` (nearness is a guess only made in a pillar that has all its indicators)."""
    page = Page().title_block()
    for k, (own, (title, top)) in enumerate(PILLAR_2.items()):
        y = 100.0 + 60.0 * k
        page.add(f"Indicator {own}: {title}", y=y, kind="heading")
        if own != code:
            page.add(f"Score: {top // 3}/{top}", y=y + 14.0)
        page.add(f"The data team is advised to act on {title}.", y=y + 28.0)
        if own == code:
            page.add("Score: 10/15", x=score_x, y=y + 42.0)
    return page


def test_nearest_above_a_score_in_the_right_column_below_its_heading() -> None:
    report = parse(_pillar_2_page("2.d", score_x=430.0).blocks)
    assert _placed(report, "2.d") == (10.0, 15.0, "nearest_above")


def test_a_score_in_the_left_column_below_the_text_is_not_placed_by_nearness() -> None:
    """In the text's own column a score after the text is no box beside it; with the next heading scored right
    under it, the section's end is no proof either: only its maximum (the one score-less 15) places it."""
    report = parse(_pillar_2_page("2.d", score_x=72.0).blocks)
    assert _placed(report, "2.d") == (10.0, 15.0, "max_score_match")


def test_below_in_column_each_card_of_a_row_takes_the_score_under_it() -> None:
    """Two cards side by side: both headings are read before both scores; each score is its column's."""
    page = Page().title_block()
    page.add("Indicator 2.d: Ministry Initiative", x=72.0, y=100.0, kind="heading")
    page.add("Indicator 2.e: City Initiative", x=320.0, y=100.0, kind="heading")
    page.add("Score: 4/15", x=72.0, y=118.0).add("Score: 13/15", x=320.0, y=118.0)
    report = parse(page.blocks)
    assert _placed(report, "2.d") == (4.0, 15.0, "below_in_column")
    assert _placed(report, "2.e") == (13.0, 15.0, "below_in_column")


@pytest.mark.parametrize("printed", ["| 2.b | Appointment of Data Coordinators | 12.5 | 20 |"])
def test_scorecard_table_a_row_of_code_title_score_and_maximum(printed: str) -> None:
    lines = ["| Code | Indicator | Score | Max |", "|---|---|---|---|", printed]
    report = parse(text_blocks(lines), "hand.txt")
    assert _placed(report, "2.b") == (12.5, 20.0, "scorecard_table")


def test_indicator_total_the_row_that_totals_an_indicators_sub_criteria() -> None:
    lines = ["Indicator 2.b: Appointment of Data Coordinators", "",
             "| Sub-criterion | Marks available | Marks given |", "|---|---|---|",
             "| Coverage across departments | 10 | 4 |", "| Quality of submission | 10 | 3.5 |",
             "| Indicator score | 20 | 7.5 |"]
    report = parse(text_blocks(lines), "hand.txt")
    assert _placed(report, "2.b") == (7.5, 20.0, "indicator_total")


def test_table_row_a_score_cell_beside_the_headings_cell() -> None:
    lines = ["| Indicator 2.b: Appointment of Data Coordinators | Score: 12.5/20 |", "| Indicator 2.c: Data Team | "
             "Score: 7/20 |"]
    report = parse(text_blocks(lines), "hand.txt")
    assert [_placed(report, code) for code in ("2.b", "2.c")] == [(12.5, 20.0, "table_row"), (7.0, 20.0, "table_row")]


def test_record_table_the_score_row_of_a_label_value_table() -> None:
    lines = ["| Code | 2.b |", "| Indicator | Appointment of Data Coordinators |", "| Score | 12.5 |",
             "| Maximum score | 20 |"]
    report = parse(text_blocks(lines), "hand.txt")
    assert _placed(report, "2.b") == (12.5, 20.0, "record_table")


def test_an_unknown_placement_is_refused() -> None:
    from parsing.drafts import Draft
    from parsing.grammar import Score

    with pytest.raises(ValueError, match="unknown score placement 'by_luck'"):
        Draft("2.b", "Data Coordinators", text_blocks(["x"], title_block=False)[0], 1).attach(Score(1.0, 20.0), None,
                                                                                              "by_luck")


def test_every_placement_method_has_a_test_of_its_own() -> None:
    """A method the parser can record (``PLACEMENTS``) without a ``test_<method>_…`` here fails this test."""
    tested = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    assert {m for m in PLACEMENTS if not any(t.startswith(f"{m}_") for t in tested)} == set()


# ------------------------------------------------------------------- the geometry and merging rules, at their edges


def test_a_box_is_level_with_a_heading_up_to_the_tolerance_and_not_beyond() -> None:
    from parsing.placement import LEVEL_TOLERANCE, _overlap

    heading = (72.0, 100.0, 300.0, 112.0)
    at_edge = (430.0, 112.0 + LEVEL_TOLERANCE, 500.0, 124.0 + LEVEL_TOLERANCE)
    beyond = (430.0, 112.5 + LEVEL_TOLERANCE, 500.0, 124.5 + LEVEL_TOLERANCE)
    assert _overlap(heading, at_edge) and _overlap(at_edge, heading)
    assert not _overlap(heading, beyond) and not _overlap(beyond, heading)


def test_blocks_in_two_columns_of_a_region_are_never_level_but_unknown_columns_may_be() -> None:
    from parsing.placement import _same_column

    def block(column: int | None):
        found = text_blocks(["x"], title_block=False)[0]
        return found if column is None else type(found)(**{**{s: getattr(found, s) for s in found.__slots__
                                                               if s != "extra"}, "extra": {"column": column}})

    assert _same_column(block(1), block(1)) and _same_column(block(2), block(2))
    assert not _same_column(block(1), block(2)) and not _same_column(block(2), block(1))
    assert _same_column(block(None), block(2)) and _same_column(block(1), block(None))
    assert _same_column(block(None), block(None))


def test_the_right_hand_column_starts_at_the_pages_middle() -> None:
    from parsing.placement import _right_of_text

    assert _right_of_text((250.0, 100.0, 300.0, 112.0)) and not _right_of_text((249.5, 100.0, 300.0, 112.0))


@pytest.mark.parametrize("body", [["- Appoint a coordinator in each department."],
                                  ["Coordinators help the data activities of each department."],
                                  ["Score: 7/20"]])
def test_a_heading_printed_twice_is_placed_where_it_has_text_or_a_score(body: list[str]) -> None:
    """A contents line and the body's heading of one code are one indicator, placed at the body's heading (the
    printing with a score, paragraphs or bullets), and the contents line is no duplicate printing."""
    lines = ["Contents", "Indicator 2.b: Appointment of Data Coordinators", "",
             *_pillar_2({"2.b": body})]
    report = parse(text_blocks(lines), "hand.txt")
    ind = indicator(report, "2.b")
    assert ind.heading_at.location == f"line {lines.index('Indicator 2.b: Appointment of Data Coordinators', 3) + 5}"
    assert "duplicate_indicator" not in warning_codes(report)
