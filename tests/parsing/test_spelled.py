"""Numbers in words: whole phrases become digits, everything else is left as printed."""

from __future__ import annotations

import pytest

from parsing.grammar import Score, match_score
from parsing.spelled import has_number_words, spelled_out


@pytest.mark.parametrize(("words", "figures"), [
    ("zero", "0"), ("nil", "0"), ("nine", "9"), ("nineteen", "19"), ("twenty", "20"), ("twenty-seven", "27"),
    ("Twenty seven", "27"), ("one hundred", "100"), ("a hundred", "100"),
    ("two hundred and forty-five", "245"), ("half", "0.5"), ("one-half", "0.5"), ("one and a half", "1.5"),
    ("nineteen and a half", "19.5"), ("zero point five", "0.5"), ("twenty-seven point five", "27.5"),
    ("twelve point two five", "12.25"),
])
def test_a_phrase_of_number_words_is_its_figure(words, figures):
    assert spelled_out(words) == figures


def test_only_number_phrases_change_and_words_containing_them_do_not():
    assert spelled_out("often the tenure of someone") == "often the tenure of someone"
    assert spelled_out("half marks out of thirty") == "0.5 marks out of 30"
    assert spelled_out("thirty-one (out of a maximum of forty)") == "31 (out of a maximum of 40)"
    assert not has_number_words("Evidence of regular updating")
    assert has_number_words("Marks in words: Fourteen out of twenty.")


@pytest.mark.parametrize(("line", "score"), [
    ("Marks awarded: twenty-seven point five out of thirty (91.67%).", Score(27.5, 30.0)),
    ("Marks in words: One and a half out of forty.", Score(1.5, 40.0)),
    ("Marks: 12 of 30 · 40.0 per cent", Score(12.0, 30.0)),
    ("Score awarded: nil out of twenty", Score(0.0, 20.0)),
])
def test_a_score_line_in_words_reads_as_the_same_line_in_figures(line, score):
    assert match_score(line) == score


def test_a_sentence_with_number_words_is_no_score_line():
    assert match_score("One of the five departments out of ten") is None
    assert match_score("The city scored twelve out of thirty and was advised to improve.") is None
