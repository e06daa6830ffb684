"""Scores stated in sentences of running text (``parsing.sentences``): read where the framework says which number
is which, refused everywhere else."""

from __future__ import annotations

import pytest

from core.blocks import Block
from parsing.grammar import Heading, Score
from parsing.sentences import sentence_scores
from reference.catalog import load_catalog

CYCLE_2 = load_catalog().indicators_for(2)


def _lines(*texts: str, kind: str = "paragraph") -> list[Block]:
    return [Block(kind, text, k, f"line {k + 1}") for k, text in enumerate(texts)]


def _stated(*texts: str, known: frozenset[str] = frozenset(), city: str | None = "Imphal") -> list[str]:
    """Return the entries the sentence reader found, as "code: title = score/max" at the block order they are at."""
    found = sentence_scores(_lines(*texts), CYCLE_2, city, 2, known)
    return [f"{order}: {h.code} {h.title!r} = {s.score}/{s.max_score}" for order, entries in sorted(found.items())
            for h, s in entries or ()]


def _covered(*texts: str) -> dict[int, bool]:
    """Return, by block order, whether the block holds entries (True) or is only covered by a sentence (False)."""
    found = sentence_scores(_lines(*texts), CYCLE_2, "Imphal", 2)
    return {order: entries is not None for order, entries in found.items()}


@pytest.mark.parametrize(("sentence", "entries"), [
    ("On Data stories/blogs (indicator 5.a) the assessment committee awarded 20 marks of a possible 30.",
     ["0: 5.a 'Data stories/blogs' = 20.0/30.0"]),
    ("Against a maximum of 30 marks for City Data Policy Components (1.b), Imphal secured 5.",  # maximum first
     ["0: 1.b 'City Data Policy Components' = 5.0/30.0"]),
    ("The city scored 12.5 out of 20 on “Appointment of Data Coordinators” (indicator 2.b).",
     ["0: 2.b 'Appointment of Data Coordinators' = 12.5/20.0"]),
    ("For indicator 4.c, Schedule for Updating Datasets on SCODP, the marks awarded were 2/30.",
     ["0: 4.c 'Schedule for Updating Datasets on SCODP' = 2.0/30.0"]),
    ("On Budget for data-related initiatives (indicator 1.c&1.d) the committee awarded 38.5 marks of a possible 40.",
     ["0: 1.c&1.d 'Budget for data-related initiatives' = 38.5/40.0"]),  # "5 mar(ks)" is no month
    ("2.2 Under 1(b) – “City Data Policy Components” – Imphal scored twenty-three and a half out of a possible "
     "thirty marks.", ["0: 1.b 'City Data Policy Components' = 23.5/30.0"]),  # section number, words
    ("The city has been awarded eighteen marks out of twenty under “Constitution of the City Data Team "
     "(specialists and analysts)” (indicator 2(c)).",
     ["0: 2.c 'Constitution of the City Data Team (specialists and analysts)' = 18.0/20.0"]),
    ("In DMAF Cycle 2.0 the city secured 10 marks out of 30 under indicator 1.a.", ["0: 1.a '' = 10.0/30.0"]),
    ("On 10 September 2021 the committee awarded 12 marks (40 %) of 30 under indicator 1.a.",  # date, percentage
     ["0: 1.a '' = 12.0/30.0"]),
    ("Against “City-led Capacity Building Initiatives for the data team” (2(e)), the city secured 12.5 marks "
     "out of fifteen.",  # "data team" inside 2(e)'s printed title names no other indicator
     ["0: 2.e 'City-led Capacity Building Initiatives for the data team' = 12.5/15.0"]),
    ("City Data Officer (CDO): the city was awarded 30 marks out of 30.",
     ["0: 2.a 'City Data Officer (CDO)' = 30.0/30.0"]),
    ("The city earned full marks (40/40) for Budget for data-related initiatives (indicator 1.c and 1.d).",
     ["0: 1.c&1.d 'Budget for data-related initiatives' = 40.0/40.0"]),  # "and" holds no letters of a code
    ("Indicator 5.c, Development of applications, was not assessed (maximum 20 marks).",
     ["0: 5.c 'Development of applications' = None/20.0"]),
])
def test_a_sentence_naming_one_indicator_and_its_marks_gives_its_heading_and_score(sentence, entries):
    assert _stated(sentence) == entries


@pytest.mark.parametrize("sentence", [
    "In the previous cycle the city scored 10 out of 30 on Approval of City Data Policy (indicator 1.a).",
    "Surat scored 25 out of 30 on Approval of City Data Policy (indicator 1.a).",  # another city
    "The marks for indicator 4.c should read 8.5/30 instead of 0/30.",  # a correction
    "The city could score 30 out of 30 on indicator 1.a with an approved policy.",  # a possibility
    "The national average for indicator 1.a was 12 out of 30.",
    "The city scored 12 out of 25 on indicator 1.a.",  # 25 is not 1.a's maximum: which number is which?
    "The city scored 10 out of 30 on indicators 1.a and 1.b.",  # two indicators
    "Under indicator 1.a the city scored 10 out of 30 in 3 of its 4 wards.",  # more numbers than a score
    "Indicator 1.a, Approval of City Data Policy: the policy was approved by the council.",  # no marks
    "Under indicator 9.a the city scored 10 out of 30.",  # a code this cycle does not have
    "Under indicator 2.b, City Data Officer (CDO), the city scored 10 out of 20.",  # code and title disagree
    "Indicator 5.c was not assessed; its maximum is 30 marks.",  # 30 is not 5.c's maximum
    "Indicator 4.b was not assessed in Cycle 1.",  # another cycle
    "In Cycle I the city secured 10 marks out of 30 under indicator 1.a.",
    "Note: indicators 1.c and 1.d are assessed together as one indicator (1.c & d) with a maximum of 40 marks.",
])
def test_a_sentence_whose_numbers_the_framework_cannot_tell_apart_gives_nothing(sentence):
    assert _stated(sentence) == []


def test_a_sentence_wrapped_over_lines_is_read_where_it_ends_and_indicators_read_already_are_left_alone():
    lines = ("3.1 Under 2(a) – “City Data Officer (CDO)” – the city scored",
             "sixteen out of a possible thirty marks. The city may appoint",
             "a full-time officer.",
             "3.2 Under 2(b) the city scored one out of a possible twenty marks.")
    assert _stated(*lines) == ["1: 2.a 'City Data Officer (CDO)' = 16.0/30.0", "3: 2.b '' = 1.0/20.0"]
    assert _covered(*lines) == {0: False, 1: True, 3: True}  # the text of line 3 is no sentence that was read
    assert _stated(lines[3], known=frozenset({"2.b"})) == []


def test_a_sentence_over_a_heading_as_printed_is_left_to_the_reading_as_printed():
    assert _stated("Indicator 2.b: Appointment of Data Coordinators",
                   "the city scored one out of a possible twenty marks.") == []


def test_without_a_catalog_for_the_cycle_and_outside_running_text_nothing_is_read():
    text = "The city scored 10 out of 30 on indicator 1.a."
    assert sentence_scores(_lines(text), {}, "Imphal", 1) == {}
    assert sentence_scores(_lines(text), CYCLE_2, "Imphal", 2) == {0: [(Heading("1.a", ""), Score(10.0, 30.0))]}
    cell = Block("table_cell", text, 0, "table 1 row 2 cell 1", table=1, row=2, col=1)
    assert sentence_scores(_lines(text, kind="heading") + [cell], CYCLE_2, "Imphal", 2) == {}
