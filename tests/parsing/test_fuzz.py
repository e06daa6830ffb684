"""Property tests: the pure parser and its grammar take any text without crashing or inventing scores.

Random text and mutations of the real report (lines shuffled, deleted, duplicated, random unicode
and random "Score: x/y" lines inserted) go through ``lines_to_blocks`` + ``parse_blocks``: the only
exception allowed is a ``ReportError`` (e.g. NotAReport), and no indicator may come out with a
negative score or a score above its maximum. Every grammar function must take arbitrary text.
The budget is fixed; the examples come from the run's seed (printed in the pytest header, see tests/conftest.py).
"""

from __future__ import annotations

import inspect
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import ReportError
from extractors.txt import lines_to_blocks
from parsing import grammar as g
from parsing.report import parse_blocks
from reference.catalog import load_catalog
from tests.conftest import SEED_TXT

SEED_LINES = SEED_TXT.read_text(encoding="utf-8").splitlines()
CATALOG = load_catalog()

FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ_FEW = settings(FUZZ, max_examples=60)  # for whole mutated reports, which take ~20 ms each

# Pieces of the report grammar, and characters that case-fold or look like digits, mixed into text.
TOKENS = (
    "Indicator ", "Ind. ", "Score: ", "Marks obtained ", "out of ", "/", ":", " & ", "|", "-", "–", "**", "__",
    "1.a", "2.c", "1.c & 1.d", "4 (b)", "10", "0", "30", "100", "500", "12,5", "NA", "Not assessed", "nil",
    "Cycle 2.0", "DMAF II", "Cycle-IV", "City: ", "State: ", "Pillar 3 total: ", "People: ", "Total Score: ",
    "Data Maturity Assessment Framework", "Page 3 of 9", "- ", "• ", "(a) ", "# ",
    "\u017f", "\u212a", "\u0130", "\u00a0", "\u200b", "\ufeff", "\u0661\u0662", "\u0967\u0966", "\u00b2", "\n", "\t",
)
texts = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=14).map("".join),
)
numbers = st.one_of(
    st.integers(-1000, 100_000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda x: f"{x:g}"),
    st.decimals(min_value=-100, max_value=1000, places=2).map(str).map(lambda s: s.replace(".", ",")),
    st.sampled_from(["NA", "N/A", "-", "nil", "", " ", "1e9", "inf", "nan", "\u0663\u0660"]),
)
score_lines = st.builds(lambda pre, score, sep, top, post: f"{pre}{score}{sep}{top}{post}",
                        st.sampled_from(["Score: ", "Score: **", "score ", "Marks: ", "Points = ", "", "Rating: "]),
                        numbers, st.sampled_from(["/", " / ", " out of ", " of "]), numbers,
                        st.sampled_from(["", "**", " marks", ".", " points"]))
# Lines the grammar knows, with letters swapped for characters that case-fold onto them
# (long s, Kelvin sign, dotted capital I) or changed in case: IGNORECASE matches them all.
KNOWN_LINES = (
    "Process: 10/100", "Outcomes total: 5/100", "Policy 30/100", "Technology: 20/100", "People: 10/100",
    "Pillar 3 total: 10/100", "Indicator 2.k: Skills", "Score: 10/30", "Total Score: 100/500",
    "City: Kochi | State: Kerala", "Cycle 2.0", "DMAF II", "1.a | Approval of City Data Policy | 0 | 30",
)
_CONFUSABLE = {"s": "\u017f", "k": "\u212a", "i": "\u0130", "K": "\u212a", "S": "\u017f", "I": "\u0130"}
confusable_lines = st.sampled_from(KNOWN_LINES).flatmap(lambda line: st.lists(
    st.sampled_from(["keep", "confuse", "swapcase"]), min_size=len(line), max_size=len(line)).map(
    lambda ops: "".join(_CONFUSABLE.get(ch, ch) if op == "confuse" else ch.swapcase() if op == "swapcase" else ch
                        for ch, op in zip(line, ops))))
texts = st.one_of(texts, confusable_lines)
heading_lines = st.builds(lambda p, letter, title: f"Indicator {p}.{letter}: {title}",
                          st.integers(0, 99), st.sampled_from("abcdefghijkz\u017f\u212a"), texts)


@st.composite
def mutated_report(draw) -> list[str]:
    """Return the seed report's lines after a few random edits."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert_text", "insert_score", "insert_heading",
                                   "replace_score", "shuffle_block"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if op == "delete" and lines:
            del lines[at]
        elif op == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif op == "swap" and lines:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif op == "insert_text":
            lines.insert(at, draw(texts))
        elif op in ("insert_score", "replace_score"):
            line = draw(score_lines)
            if op == "replace_score" and lines:
                lines[at] = line
            else:
                lines.insert(at, line)
        elif op == "insert_heading":
            lines.insert(at, draw(heading_lines))
        elif op == "shuffle_block" and lines:
            piece = lines[at: at + draw(st.integers(2, 20))]
            lines[at: at + len(piece)] = draw(st.permutations(piece))
    return lines


def assert_parses_sanely(lines: list[str]) -> None:
    """Parse lines as a TXT export; allow only ReportErrors; no score outside 0..max."""
    blocks = lines_to_blocks(lines, source="fuzz.txt")
    try:
        report = parse_blocks(blocks, source="fuzz.txt", format="txt", catalog=CATALOG)
    except ReportError as error:
        assert error.one_line().startswith("fuzz.txt")
        return
    for indicator in report.indicators:
        if indicator.score is not None:
            assert math.isfinite(indicator.score), indicator
            assert indicator.score >= 0, indicator
            assert indicator.max_score is not None and indicator.score <= indicator.max_score, indicator
        if indicator.max_score is not None:
            assert indicator.max_score >= 0, indicator


@FUZZ
@given(st.lists(st.one_of(texts, score_lines, heading_lines), max_size=40))
def test_random_lines_parse_or_raise_a_report_error(lines):
    assert_parses_sanely(lines)


@FUZZ_FEW
@given(mutated_report())
def test_a_mutated_real_report_parses_or_raises_a_report_error(lines):
    assert_parses_sanely(lines)


@FUZZ
@given(st.lists(st.one_of(score_lines, heading_lines, st.sampled_from(SEED_LINES)), min_size=1, max_size=30))
def test_random_scores_under_real_headings_stay_within_their_maxima(lines):
    assert_parses_sanely(["Data Maturity Assessment Framework Cycle 2.0", "City: Pune | State: Maharashtra", *lines])


def _text_functions() -> list:
    """Return every public grammar function whose first parameter is a line of text (new ones included)."""
    found = []
    for name, fn in inspect.getmembers(g, inspect.isfunction):
        params = list(inspect.signature(fn).parameters.values())
        if "__mutmut" in name:
            continue  # the copies of a function mutation testing makes (x_match_score__mutmut_3) are not the grammar
        if fn.__module__ == g.__name__ and not name.startswith("_") and params and params[0].annotation == "str":
            found.append(fn)
    return found


TEXT_FUNCTIONS = _text_functions()


def test_the_grammar_fuzz_covers_the_grammar():
    names = {fn.__name__ for fn in TEXT_FUNCTIONS}

    assert names >= {"clean_text", "match_heading", "match_score", "split_heading_score", "match_cycle",
                     "cycle_number", "has_framework", "match_city_state", "match_pillar_total", "match_total",
                     "is_page_number", "strip_bullet", "match_scorecard_line"}


@FUZZ
@given(texts)
def test_no_grammar_function_raises_on_any_text(text):
    for fn in TEXT_FUNCTIONS:
        fn(text)
    assert g.match_heading(text, allow_bare=True) is None or g.match_heading(text, allow_bare=True).code
    for score in (g.match_score(text), g.split_heading_score(text)):
        assert score is None or score.score is None or score.score >= 0
    cycle = g.match_cycle(text)
    if cycle:
        g.cycle_number(cycle[1])
    g.match_scorecard_cells(text.split("|"))


@FUZZ
@given(st.lists(texts, max_size=6))
def test_scorecard_cells_of_any_text_do_not_raise(cells):
    g.match_scorecard_cells(cells)


@FUZZ
@given(numbers)
def test_cycle_number_of_any_number_text_does_not_raise(text):
    assert g.cycle_number(text) is None or isinstance(g.cycle_number(text), int)
