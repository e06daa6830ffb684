"""The codes supplied to indicators a report names by their catalog title alone (``parsing.titles``)."""

from __future__ import annotations

from core.blocks import Block
from parsing.titles import supply_codes, title_words
from reference.catalog import load_catalog

CYCLE_2 = load_catalog().indicators_for(2)


def _line(text: str, order: int = 0) -> Block:
    return Block("paragraph", text, order, f"line {order + 1}")


def _cell(text: str) -> Block:
    return Block("table_cell", text, 0, "table 1 row 2 cell 2", table=1, row=2, col=2)


def _supplied(block: Block, known: frozenset[str] = frozenset()) -> str:
    return supply_codes([block], CYCLE_2, known)[0].text


def test_a_title_after_a_list_marker_becomes_a_coded_heading_with_its_score_below():
    assert _supplied(_line("(iv) City Data Officer (CDO): 1.5 marks out of 30;")) == \
        "Indicator 2.a: City Data Officer (CDO)\n1.5 marks out of 30;"
    assert _supplied(_line("A12 Analytics capability")) == "Indicator 3.d: Analytics capability"
    assert _supplied(_line("• Data Team – 16/20")) == "Indicator 2.c: Data Team\n16/20"


def test_a_table_cell_holding_a_title_alone_gets_its_code_and_the_longest_title_wins():
    assert _supplied(_cell("Capacity Building – City Initiative")) == "2.e Capacity Building – City Initiative"
    assert _supplied(_cell("Number of APIs on SCODP")) == "4.d Number of APIs on SCODP"
    assert _supplied(_cell("Data Team members were trained")) == "Data Team members were trained"


def test_sentences_coded_lines_and_codes_already_read_are_left_as_printed():
    for text in ("Data Team was formed in 2021 with five members.",  # a title followed by a word: a sentence
                 "Indicator 2.c: Data Team",  # its code is printed
                 "The Data Team met twice."):  # not at the start
        assert _supplied(_line(text)) == text
    assert _supplied(_line("Data Team: 16 marks out of 20"), known=frozenset({"2.c"})) == \
        "Data Team: 16 marks out of 20"


def test_titles_fold_case_dashes_and_punctuation():
    assert title_words("Data Hackathons/ Data Challenges") == ["data", "hackathons", "data", "challenges"]
    assert _supplied(_line("DATA HACKATHONS / DATA CHALLENGES: 5 marks out of 20")).startswith("Indicator 3.b: ")
