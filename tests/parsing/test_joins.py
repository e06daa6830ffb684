"""Things printed in pieces put back together (``parsing.joins``), each rule alone on hand-made blocks."""

from __future__ import annotations

from dataclasses import replace

from parsing.joins import (
    ends_title,
    join_rows_broken_by_pages,
    join_titles_wrapped_in_cells,
    merge_heading_fragments,
)
from tests.parsing.handmade import Page, indicator, parse


def _row_layout(below: str, *, neighbour: bool = True) -> Page:
    """A heading in a narrow column with its score beside it, and one more line printed right under it."""
    page = Page().title_block()
    page.add("Indicator 1.b – Data Sharing", y=200.0, width=150.0)
    if neighbour:
        page.add("25/30 marks", x=306.0, y=200.0)
    page.add(below, y=214.0)
    page.add("The assessment found that data sharing is at an early stage in the city and needs a plan.", y=240.0)
    return page


def test_a_title_wrapped_in_a_narrow_column_is_joined() -> None:
    """"Indicator 1.b – Data Sharing" | "25/30 marks", then "Guidelines" under the heading: one title."""
    joined = join_titles_wrapped_in_cells(_row_layout("Guidelines").blocks)
    assert [b.text for b in joined[3:5]] == ["Indicator 1.b – Data Sharing Guidelines", "25/30 marks"]
    ind = indicator(parse(_row_layout("Guidelines").blocks), "1.b")
    assert (ind.title, ind.score, ind.max_score) == ("Data Sharing Guidelines", 25.0, 30.0)


def test_a_line_under_a_heading_with_nothing_beside_it_is_not_joined() -> None:
    """Without a neighbour on the heading's line the column is not known to be narrow: the line stays apart."""
    blocks = _row_layout("Guidelines", neighbour=False).blocks
    assert [b.text for b in join_titles_wrapped_in_cells(blocks)] == [b.text for b in blocks]


def test_a_sentence_a_score_or_a_bullet_under_a_heading_is_not_its_title() -> None:
    for line in ("The city has begun this work.", "Score: 25/30", "• Publish the guidelines", "Recommendations:"):
        blocks = _row_layout(line).blocks
        assert [b.text for b in join_titles_wrapped_in_cells(blocks)] == [b.text for b in blocks], line


def test_another_pillars_name_under_a_heading_opens_that_pillar_but_its_own_ends_the_title() -> None:
    """"Process" under 1.b names pillar 3: not 1.b's title. Under 3.b ("Data Quality" / "Process") it is."""
    blocks = _row_layout("Process").blocks
    assert [b.text for b in join_titles_wrapped_in_cells(blocks)] == [b.text for b in blocks]
    page = Page().title_block()
    page.add("Indicator 3.b: Data Quality", y=200.0, kind="heading").add("Process", y=214.0, kind="heading")
    page.add("Score 15 of 20", y=230.0)
    ind = indicator(parse(page.blocks), "3.b")
    assert (ind.title, ind.score) == ("Data Quality Process", 15.0)


def test_ends_title_reads_a_broken_off_title_and_refuses_text() -> None:
    assert ends_title("Data Policy drafted", "and notified")  # starts in lower case
    assert ends_title("Number of datasets on", "SCODP and other portals of the city")  # the title dangles
    assert ends_title("Departmental Data", "Champions")  # a few capitalised words
    assert not ends_title("Departmental Data", "Champions are appointed in every department of the city")
    assert not ends_title("Data Team.", "Champions")  # the title ended
    assert not ends_title("Data Team", "Score: 10/20")


def _broken_row(second_page_cells: list[tuple[int, str]]) -> Page:
    """A table row whose title cell a page break cut: page 1 ends with 4.d's row, page 2 opens another table."""
    page = Page()
    page.add("Indicator 4.c: Schedule for Updating Datasets", y=580.0, width=216.0, kind="table_cell", table=16,
             row=1, col=1)
    page.add("Score: 10/30", x=301.0, y=580.0, width=216.0, kind="table_cell", table=16, row=1, col=2)
    page.add("Indicator 4.d: Number of APIs on", y=705.0, width=216.0, kind="table_cell", table=17, row=1, col=1)
    page.add("Score: 5/10", x=301.0, y=705.0, width=216.0, kind="table_cell", table=17, row=1, col=2)
    for col, text in second_page_cells:
        page.add(text, x=72.0 + 229.0 * (col - 1), y=72.0, width=216.0, kind="table_cell", table=18, row=1, col=col,
                 page=2)
    page.add("In addition to static datasets, your city is advised to publish APIs.", y=90.0, page=2)
    return page


def test_a_table_row_cut_by_a_page_break_is_put_back_together() -> None:
    joined = join_rows_broken_by_pages(_broken_row([(1, "SCODP")]).blocks)
    assert [b.text for b in joined if b.kind == "table_cell"][2] == "Indicator 4.d: Number of APIs on\nSCODP"
    assert all(b.table != 18 for b in joined)


def test_a_full_row_that_opens_the_next_page_is_a_row_of_its_own() -> None:
    blocks = _broken_row([(1, "Indicator 4.e: Spatial Readiness"), (2, "Score: 0/20")]).blocks
    assert join_rows_broken_by_pages(blocks) == blocks


def test_a_score_line_under_a_heading_stays_out_of_its_title() -> None:
    """"Indicator 2.c : Data Team" over "Score – 0/20" (one line below): the score is read, the title is the
    heading's own; a heading that breaks off its score ("… Score obtained: 5" / "(Maximum: 20)") is joined."""
    page = Page().title_block()
    page.add("Indicator 2.c : Data Team", y=189.0, kind="heading").add("Score – 5/20", y=203.0)
    page.add("Data team is not limited to CDO and data coordinators.", y=230.0)
    assert [b.text for b in merge_heading_fragments(page.blocks)][3:5] == ["Indicator 2.c : Data Team",
                                                                            "Score – 5/20"]
    ind = indicator(parse(page.blocks), "2.c")
    assert (ind.title, ind.score, ind.max_score) == ("Data Team", 5.0, 20.0)
    broken = Page().title_block()
    broken.add("Indicator 2.c : Data Team | Score obtained: 5", y=189.0, kind="heading")
    broken.add("(Maximum: 20)", y=203.0, kind="heading")
    assert [b.text for b in merge_heading_fragments(broken.blocks)][3] == \
        "Indicator 2.c : Data Team | Score obtained: 5 (Maximum: 20)"


# ------------------------------------------------------------------------------ the geometry, at its edges


def _box(x0: float, top: float, x1: float, bottom: float, *, page: int = 1, text: str = "Guidelines"):
    from core.blocks import Block

    return Block("paragraph", text, 0, f"page {page}", page=page, bbox=(x0, top, x1, bottom))


def test_a_line_below_starts_at_the_headings_left_edge_within_a_line_height_and_is_one_line() -> None:
    from parsing.joins import CONTINUATION_GAP, HEADING_ALIGN, _line_below

    head = _box(72.0, 200.0, 240.0, 212.0)  # a 12-point line
    assert _line_below(head, _box(72.0 + HEADING_ALIGN, 212.0 + 12.0 * CONTINUATION_GAP, 130.0, 230.0))
    assert _line_below(head, _box(72.0 - HEADING_ALIGN, 211.0, 130.0, 229.0))  # overlapping by a point
    assert not _line_below(head, _box(72.0 + HEADING_ALIGN + 0.5, 214.0, 130.0, 226.0))  # indented
    assert not _line_below(head, _box(72.0, 212.5 + 12.0, 130.0, 236.5))  # a paragraph gap lower
    assert not _line_below(head, _box(72.0, 210.5, 130.0, 222.5))  # above the heading's bottom by more than 1
    assert not _line_below(head, _box(72.0, 214.0, 130.0, 232.5))  # taller than a line and a half: a paragraph
    assert _line_below(head, _box(72.0, 214.0, 130.0, 232.0))  # exactly a line and a half
    assert not _line_below(head, _box(72.0, 214.0, 130.0, 226.0, page=2))


def test_a_block_right_of_a_heading_starts_past_its_end_and_shares_most_of_its_line() -> None:
    from parsing.joins import _right_of

    head = _box(72.0, 200.0, 240.0, 212.0)
    assert _right_of(head, _box(240.0, 200.0, 300.0, 212.0))  # starting where the heading ends
    assert not _right_of(head, _box(239.5, 200.0, 300.0, 212.0))
    assert _right_of(head, _box(306.0, 205.5, 380.0, 217.5))  # sharing 6.5 of 12 points
    assert not _right_of(head, _box(306.0, 206.0, 380.0, 218.0))  # sharing exactly half
    assert not _right_of(head, _box(306.0, 200.0, 380.0, 212.0, page=2))


def test_joined_blocks_keep_the_heads_place_and_cover_both_boxes() -> None:
    from parsing.joins import joined

    head, tail = _box(72.0, 200.0, 240.0, 212.0, text="Indicator 1.b – Data Sharing"), _box(72.0, 214.0, 130.0, 226.0)
    both = joined(head, tail)
    assert (both.text, both.bbox, both.location, both.order) == ("Indicator 1.b – Data Sharing Guidelines",
                                                                  (72.0, 200.0, 240.0, 226.0), "page 1", 0)
    no_box = joined(head, replace(tail, bbox=None))
    assert no_box.bbox == head.bbox


def test_a_title_ends_with_a_line_of_one_letter_up_to_the_longest_wrapped_line() -> None:
    from parsing.joins import WRAPPED_TITLE_MAX

    assert ends_title("Capacity building for", "a")
    assert not ends_title("Capacity building for", "")
    assert ends_title("Capacity building for", "x" * WRAPPED_TITLE_MAX)
    assert not ends_title("Capacity building for", "x" * (WRAPPED_TITLE_MAX + 1))
    assert ends_title("Data Policy drafted", "aNd notified by the state government")  # lower case first: enough
    assert not ends_title("Data Policy drafted", "Notified and published in the gazette of the state")


def test_a_combined_codes_pillar_is_its_first_codes() -> None:
    from parsing.joins import opens_pillar

    assert not opens_pillar("Policy", "1.c&1.d") and opens_pillar("People", "1.c&1.d")
    assert not opens_pillar("Process", "3.b") and opens_pillar("Process", "2.b")
