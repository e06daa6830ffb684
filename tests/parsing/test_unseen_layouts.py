"""Specification of the mechanisms that read layouts nobody described, each alone, and of what they refuse.

Every document here is a complete Cycle 2 report (Imphal's indicators and maxima, distinct scores), printed
in one unusual way; the tests check the numbers read and, for the refusals, that a number is left empty
rather than guessed.
"""

from __future__ import annotations

import json

import pytest

from core.statuses import ScoreStatus
from pipeline.document import parse_bytes
from tests.conftest import SEED_TRUTH

TRUTH = json.loads(SEED_TRUTH.read_text(encoding="utf-8"))
INDICATORS = TRUTH["indicators"]
TEXT = "The city is advised to take the next steps for this indicator, as the framework's guidance describes."
HEAD = ["Data Maturity Assessment Framework Cycle 2.0", "City Performance & Recommendations",
        "City: Imphal | State: Manipur", ""]


def _score(ind: dict) -> float:
    """Return a score distinct per indicator (so a score put on the wrong indicator shows), within its max."""
    return min(ind["max_score"], float(INDICATORS.index(ind) % 7 + 1))


def _read(lines: list[str], name: str = "r.txt"):
    return parse_bytes("\n".join(lines).encode("utf-8"), name=name)


def _scores(report) -> dict[str, tuple[float | None, float | None]]:
    return {i.code: (i.score, i.max_score) for i in report.indicators}


def _expected() -> dict[str, tuple[float, float]]:
    return {i["code"]: (_score(i), i["max_score"]) for i in INDICATORS}


def _printed(code: str) -> str:
    return code.replace("&", " & ")


def test_a_score_line_that_looks_like_a_page_number_is_a_score_unless_the_document_numbers_its_pages_so():
    lines = list(HEAD)
    for k, ind in enumerate(INDICATORS):
        lines += [f"Indicator {_printed(ind['code'])}: {ind['title']}", "", TEXT, "",
                  f"{_score(ind):g} / {ind['max_score']:g}", ""]
        if k % 7 == 6:
            lines += [f"{k // 7 + 1} / 3", ""]  # page numbers: 1 / 3, 2 / 3, 3 / 3, counting up one at a time
    report = _read(lines)
    assert _scores(report) == _expected()
    assert not [w for w in report.warnings if w.code == "unplaced_score"]  # "2 / 3" was never taken for a score


def test_a_score_in_brackets_or_in_the_last_wide_cell_of_a_heading_line_is_the_heading_s():
    lines = list(HEAD)
    for k, ind in enumerate(INDICATORS):
        score = f"Score obtained: {_score(ind):g} (Maximum: {ind['max_score']:g})"
        if k % 2:
            lines += [f"### {_printed(ind['code'])} - {ind['title']} `[{score}]`", ""]
        else:
            lines += [f"{ind['title']} (Indicator {_printed(ind['code'])})        {score}", ""]
        lines += ["The city may take the next steps for this indicator.", ""]
    assert _scores(_read(lines)) == _expected()


def test_an_abbreviated_title_is_a_heading_but_a_sentence_citing_an_indicator_is_not():
    from parsing.grammar import match_heading

    assert match_heading("Cap. Building – Ministry (Indicator 2.d)").code == "2.d"
    assert match_heading("No. of Datasets (SCODP) (Indicator 4.b)").code == "4.b"
    assert match_heading("The city did well. This (Indicator 2.d)") is None
    assert match_heading("1.c and 1.d –", allow_bare=True) is None  # a combined code waiting for its title


def _summary_then_detail(with_summary: bool) -> list[str]:
    lines = list(HEAD)
    refs = {}
    for ind in INDICATORS:
        pillar = ind["code"][0]
        refs[ind["code"]] = f"{pillar}.{sum(1 for r in refs if r[0] == pillar) + 1}"
    if with_summary:
        lines += ["| Ref. | DMAF code | Indicator | Max | See page |", "|---|---|---|---|---|"]
        lines += [f"| {refs[i['code']]} | {_printed(i['code'])} | {i['title']} | {i['max_score']:g} | {k + 3} |"
                  for k, i in enumerate(INDICATORS)]
        lines.append("")
    for ind in INDICATORS:
        lines += [f"Indicator {refs[ind['code']]}: {ind['title']}", "",
                  f"Marks awarded: {_score(ind):g} of {ind['max_score']:g} marks", "",
                  "The city may take the next steps for this indicator.", ""]
    return lines


def test_the_report_s_own_numbers_are_read_through_the_table_that_prints_them_beside_the_codes():
    assert _scores(_read(_summary_then_detail(with_summary=True))) == _expected()


def test_a_heading_by_a_number_no_table_explains_ends_a_section_and_its_score_is_never_guessed():
    lines = list(HEAD) + ["| Code | Indicator | Max |", "|---|---|---|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | {i['max_score']:g} |" for i in INDICATORS] + [""]
    lines += _summary_then_detail(with_summary=False)[len(HEAD):]
    report = _read(lines)
    wrong = {code: got for code, got in _scores(report).items() if got[0] is not None and got != _expected()[code]}
    assert wrong == {}
    assert all(i.score is None for i in report.indicators)  # "Indicator 5.1" is no code: nothing is placed


def test_a_score_is_placed_by_its_maximum_only_where_nothing_else_competes():
    """Two loose scores out of 30 and one score-less indicator out of 30 in the section: neither is placed."""
    lines = list(HEAD)
    for ind in INDICATORS:
        lines += [f"Indicator {_printed(ind['code'])}: {ind['title']}", ""]
        if ind["code"] != "1.a":
            lines += [f"Score: {_score(ind):g}/{ind['max_score']:g}", ""]
        lines += ["The city may take the next steps for this indicator.", ""]
        if ind["code"] == "1.b":  # 1.a's score printed away from it, and another city's beside it
            lines += ["Imphal was given", "", "Score: 3/30", "", "and a neighbouring city", "", "Score: 25/30", ""]
    report = _read(lines)
    first = next(i for i in report.indicators if i.code == "1.a")
    assert first.score is None and first.score_status == ScoreStatus.MISSING


def test_a_column_headed_by_the_report_s_city_is_its_score_beside_comparison_columns():
    lines = ["Data Maturity Assessment Framework (DMAF 2.0)", "Benchmarking report", "",
             "City: Imphal Smart City Limited      State: Manipur", "",
             "| Code | Indicator | Max | Imphal (this city) | % of max | National average | Highest among cities |",
             "|---|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | {i['max_score']:g} | {_score(i):g} | 50% | 3.5 | "
              f"{i['max_score']:g} |" for i in INDICATORS]
    assert _scores(_read(lines)) == _expected()


def test_a_table_or_section_about_another_cycle_is_not_read_as_this_one():
    lines = list(HEAD) + ["| Code | Indicator | Maximum marks | Marks obtained |", "|---|---|---|---|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | {i['max_score']:g} | {_score(i):g} |" for i in INDICATORS]
    lines += ["", "| Code (Cycle 1) | Indicator | Marks obtained | Maximum marks |", "|---|---|---|---|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | 0 | {i['max_score']:g} |" for i in INDICATORS]
    lines += ["", "# Annexure - Previous cycle results: Cycle 1 (2019)", "",
              "Indicator 1.a: Data Policy Formulation", "", "Score: 40/40", ""]
    report = _read(lines)
    assert _scores(report) == _expected()
    assert not [w for w in report.warnings if w.code in ("score_conflict", "duplicate_indicator")]


def test_indicators_listed_inline_are_read_entry_by_entry_and_a_run_on_entry_is_not():
    by_pillar: dict[str, list[str]] = {}
    for ind in INDICATORS:
        by_pillar.setdefault(ind["code"][0], []).append(
            f"{_printed(ind['code'])} {ind['title']} {_score(ind):g} of {ind['max_score']:g}")
    lines = ["BRIEF FOR REVIEW MEETING", "", "Subject: Data Maturity Assessment Framework, Cycle 2 - Imphal (Manipur)",
             "", "1. Marks by pillar", ""]
    for pillar, entries in by_pillar.items():
        lines += [f"  - Pillar {pillar} (10 of 100): " + "; ".join(entries) + ".", ""]
    assert _scores(_read(lines)) == _expected()

    from parsing.grammar import match_inline_scores

    assert match_inline_scores("5.d Alerts 10 of 20. - Policy (49 of 100): 1.a Approval 0 of 30; 1.b Parts 2 of 30") == []


def test_the_row_totalling_sub_criteria_gives_the_indicator_s_score():
    lines = list(HEAD)
    for ind in INDICATORS:
        half = ind["max_score"] / 2
        lines += [f"#### {_printed(ind['code'])}  {ind['title']}", "",
                  "| Sub-criterion | Marks available | Marks given |", "|---|---|---|",
                  f"| Coverage across departments | {half:g} | 0 |",
                  f"| Quality of submission | {half:g} | {_score(ind):g} |",
                  f"| Indicator score | {ind['max_score']:g} | {_score(ind):g} |", ""]
    assert _scores(_read(lines)) == _expected()


def test_a_score_and_a_maximum_given_on_consecutive_labelled_lines_make_one_score():
    lines = list(HEAD)
    for ind in INDICATORS:
        lines += [f"{_printed(ind['code'])} {ind['title']}", "-" * 30, "", f":Marks: {_score(ind):g}",
                  f":Maximum: {ind['max_score']:g}", "", ".. note::", "", "   The city may take the next steps.", ""]
    assert _scores(_read(lines)) == _expected()


def test_a_scorecard_printed_on_its_side_is_read_column_by_column():
    codes = " | ".join(_printed(i["code"]) for i in INDICATORS)
    lines = list(HEAD) + [f"| Indicator | {codes} |", "|" + "---|" * (len(INDICATORS) + 1),
                          "| Marks obtained | " + " | ".join(f"{_score(i):g}" for i in INDICATORS) + " |",
                          "| Maximum marks | " + " | ".join(f"{i['max_score']:g}" for i in INDICATORS) + " |"]
    assert _scores(_read(lines)) == _expected()


@pytest.mark.parametrize("first", ["maxima", "scores"])
def test_a_scorecard_on_its_side_with_two_rows_called_marks_reads_the_smaller_as_the_score(first):
    """"Marks allotted" may be the maximum or the score: the row never larger than the other is the score."""
    codes = " | ".join(_printed(i["code"]) for i in INDICATORS)
    maxima = "| Marks allotted | " + " | ".join(f"{i['max_score']:g}" for i in INDICATORS) + " |"
    scores = "| Marks awarded | " + " | ".join(f"{_score(i):g}" for i in INDICATORS) + " |"
    rows = [maxima, scores] if first == "maxima" else [scores, maxima]
    lines = list(HEAD) + [f"| Indicator | {codes} |", "|" + "---|" * (len(INDICATORS) + 1), *rows]
    assert _scores(_read(lines)) == _expected()
    crossed = scores.replace(f"| {_score(INDICATORS[0]):g} |", "| 99 |", 1)  # neither row is never larger
    lines = list(HEAD) + [f"| Indicator | {codes} |", "|" + "---|" * (len(INDICATORS) + 1), maxima, crossed]
    read = _scores(_read(lines))
    assert read and all(score is None for score, _ in read.values())


def test_score_wordings_with_labelled_maxima():
    from parsing.grammar import Score, match_score

    assert match_score("Marks awarded: 16.5 out of max 25") == Score(16.5, 25.0)
    assert match_score("Score 20 pts · Maximum 30 pts · 66.7%") == Score(20.0, 30.0)
    assert match_score("Marks: 12 out of a maximum of 30") == Score(12.0, 30.0)
    assert match_score("Score 20 · 30") is None  # two numbers, neither labelled the maximum


def test_a_letterhead_city_gives_way_to_the_city_printed_beside_its_state():
    lines = ["Centre for Digital Governance", "", "New Delhi", "", "Subject: Transmission of results", "",
             "We enclose the results of the assessment of Imphal Smart City Ltd., Manipur for Cycle 2.0 of the",
             "Data Maturity Assessment Framework.", ""]
    for ind in INDICATORS:
        lines += [f"Indicator {_printed(ind['code'])}: {ind['title']}", "",
                  f"Score: {_score(ind):g}/{ind['max_score']:g}", ""]
    report = _read(lines)
    assert (report.city, report.state) == ("Imphal", "Manipur")
    assert any(w.code == "city_candidates_conflict" and "New Delhi" in w.message for w in report.warnings)


def test_a_labelled_city_abbreviation_is_resolved_by_the_gazetteer():
    from extractors.txt import lines_to_blocks
    from parsing.metadata import read_metadata

    blocks = lines_to_blocks(["DMAF Cycle 2.0", "| City | NDMC |", "| State | Delhi |", ""], source="x.txt")
    assert read_metadata(blocks, source="x.txt", first_heading=len(blocks)).city == "New Delhi"


def test_a_table_going_on_after_a_break_is_read_by_the_header_printed_once():
    rows = [f"| {_printed(i['code'])} | {i['title']} | {i['max_score']:g} | {_score(i):g} | 3.5 | {i['max_score']:g} |"
            for i in INDICATORS]
    lines = list(HEAD) + ["| Code | Indicator | Max | Marks obtained | National average | Highest |",
                          "|---|---|---|---|---|---|"] + rows[:10] + ["", "(continued on the next page)", ""] + rows[10:]
    assert _scores(_read(lines)) == _expected()


def test_a_pillar_whose_scores_do_not_add_up_to_its_printed_total_is_left_empty():
    lines = list(HEAD)
    for ind in INDICATORS:
        lines += [f"Indicator {_printed(ind['code'])}: {ind['title']}", "", f"Score: {_score(ind):g}/{ind['max_score']:g}",
                  ""]
        if ind["code"] == "1.c&1.d":
            lines += ["Pillar 1 total: 30/100", ""]  # 1 + 2 + 3 were read: these are not the pillar's scores
    report = _read(lines)
    got = _scores(report)
    assert all(got[i["code"]][0] is None for i in INDICATORS if i["code"][0] == "1")
    assert {c: v for c, v in got.items() if c[0] != "1"} == {c: v for c, v in _expected().items() if c[0] != "1"}
    assert [w.indicator for w in report.warnings if w.code == "pillar_total_disagrees"] == ["1.a", "1.b", "1.c&1.d"]
    assert report.confidence < 0.8


def test_a_pillar_per_row_matrix_is_read_by_letter_and_checked_by_its_total_column():
    letters = "abcde"
    by_pillar: dict[str, dict[str, dict]] = {}
    for ind in INDICATORS:
        if "&" not in ind["code"]:
            by_pillar.setdefault(ind["code"][0], {})[ind["code"][2]] = ind
    lines = list(HEAD) + ["| Pillar | " + " | ".join(letters) + " | Total |", "|---" * 7 + "|"]
    for pillar, row in by_pillar.items():
        cells = [f"{_score(row[x]):g} of {row[x]['max_score']:g}" if x in row else "–" for x in letters]
        total = sum(_score(i) for i in row.values()) + (pillar == "3")  # pillar 3's total is misprinted by one
        lines.append(f"| {pillar} Pillar | " + " | ".join(cells) + f" | {total:g}/100 |")
    report = _read(lines)
    got = {i.code: (i.score, i.max_score) for i in report.indicators}
    assert got["2.a"] == _expected()["2.a"] and got["5.d"] == _expected()["5.d"]
    assert all(got.get(code, (None,))[0] is None for code in _expected() if code.startswith("3"))  # not trusted


def test_labels_and_values_on_lines_of_their_own_and_labelled_observations():
    lines = list(HEAD)
    for k, ind in enumerate(INDICATORS):
        if k % 2:
            lines += [f"Obs. {k + 1} - Indicator {_printed(ind['code'])} {ind['title']}",
                      f"Rating awarded - {_score(ind):g}/{ind['max_score']:g}", ""]
        else:
            lines += [f"  {_printed(ind['code'])} {ind['title']}", "    Score awarded", f"      {_score(ind):g}",
                      "    Max. score", f"      {ind['max_score']:g}", "    Recommendation", f"      {TEXT}"]
    assert _scores(_read(lines)) == _expected()


def test_a_json_or_yaml_export_saved_as_text_is_read_record_by_record():
    import yaml

    items = [{"id": ind["code"].split("&") if "&" in ind["code"] else ind["code"], "label": ind["title"],
              "score": str(_score(ind)), "max_score": ind["max_score"]} for ind in INDICATORS]
    data = {"data": {"assessment_cycle": "Cycle 2.0", "city": {"name": "Imphal Smart City Limited", "state": "Manipur"},
                     "results": items}}
    for text in (json.dumps(data, indent=2), yaml.safe_dump(data, sort_keys=False)):
        report = parse_bytes(text.encode("utf-8"), name="export.txt")
        assert (report.city, report.cycle) == ("Imphal", 2)
        assert _scores(report) == _expected()


def test_roman_pillars_and_provisional_beside_revised_scores():
    from parsing.grammar import match_heading

    assert match_heading("II (c) & (d) Data Team", allow_bare=True).code == "2.c&2.d"
    lines = list(HEAD) + ["Code | Indicator | Max | Provisional | Revised (final) | Status",
                          "-----+-----------+-----+-------------+-----------------+-------"]
    lines += [f"{_printed(i['code'])} | {i['title']} | {i['max_score']:g} | 0 | {_score(i):g} | Appeal allowed"
              for i in INDICATORS]
    assert _scores(_read(lines)) == _expected()


def test_a_score_at_the_start_of_a_wrapped_sentence_line_is_not_a_score_line():
    lines = list(HEAD) + ["Indicator 4(b) (Number of Datasets on SCODP) could not be assessed this",
                          "time (maximum 30 marks); it has not been counted.", "",
                          "Under indicator 4(c) (Schedule for Updating Datasets on SCODP), the city",
                          "secured 0 of 30 marks.", ""]
    report = _read(lines)
    scores = {i.code: (i.score, i.max_score) for i in report.indicators}
    assert scores["4.b"] == (None, 30.0)  # 4.b was not assessed: the 0/30 at the start of the next line is not its
    assert scores.get("4.c") == (0.0, 30.0)  # it is 4(c)'s, stated in a sentence (parsing.sentences)


def test_a_scorecard_s_total_row_stays_a_printed_total_and_never_an_indicator_s_score():
    lines = list(HEAD) + ["| Code | Indicator | Marks obtained | Maximum marks |", "|---|---|---|---|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | {'NA' if i is INDICATORS[-1] else f'{_score(i):g}'} | "
              f"{i['max_score']:g} |" for i in INDICATORS]
    added = sum(_score(i) for i in INDICATORS[:-1])
    lines.append(f"| Total | | {added:g} | 500 |")
    report = _read(lines)
    assert report.indicators[-1].score is None  # printed as not assessed: the total is not put on it
    assert [(t.pillar_no, t.score) for t in report.printed_totals] == [(None, added)]


def _office_numbered(reference: str, box: bool) -> list[str]:
    """Sections numbered in the office's own scheme ("2.1 …", under "2 Policy"), each naming its framework
    indicator on the line below the title, the score in a box table with the previous cycle's score beside it."""
    lines = list(HEAD) + ["1 Introduction", "", TEXT, ""]
    for ind in INDICATORS:
        pillar = int(ind["code"][0])
        number = sum(1 for i in INDICATORS[:INDICATORS.index(ind)] if int(i["code"][0]) == pillar) + 1
        lines += [f"{pillar + 1}.{number} {ind['title']}", reference.format(code=_printed(ind["code"])), ""]
        if box:
            share = 100 * _score(ind) / ind["max_score"]
            lines += ["| Score obtained | Maximum marks | Percentage | Cycle 1 score |", "|---|---|---|---|",
                      f"| {_score(ind):g} | {ind['max_score']:g} | {share:.1f} % | 1.5 |", ""]
        else:
            lines += [f"Marks: {_score(ind):g} of {ind['max_score']:g} · "
                      f"{100 * _score(ind) / ind['max_score']:.1f} per cent", ""]
        lines += [TEXT, ""]
    return lines


def test_a_section_in_the_office_s_own_numbering_is_the_indicator_its_reference_line_names():
    for reference in ("Framework reference: Indicator {code}", "Framework indicator {code}", "(DMAF indicator {code})"):
        report = _read(_office_numbered(reference, box=False))
        assert _scores(report) == _expected(), reference
        titles = {i.code: i.title for i in report.indicators}
        assert titles == {i["code"]: i["title"] for i in INDICATORS}  # the office's number left out of the title
        assert all(i.paragraphs == (TEXT,) for i in report.indicators)  # the next title was taken back


def test_a_score_box_under_a_heading_is_its_score_and_the_other_cycle_s_column_beside_it_is_not():
    report = _read(_office_numbered("Framework reference: Indicator {code}", box=True))
    assert _scores(report) == _expected()  # never 1.5, the Cycle 1 score


def test_a_reference_line_without_a_title_above_it_or_naming_an_indicator_read_before_is_text():
    lines = list(HEAD)
    for ind in INDICATORS:
        lines += [f"Indicator {_printed(ind['code'])}: {ind['title']}", "",
                  f"Score: {_score(ind):g}/{ind['max_score']:g}", "", "The city may also see",
                  "Framework indicator 1.a", ""]  # a cross-reference under every indicator, 1.a's included
    report = _read(lines)
    assert _scores(report) == _expected()
    assert len(report.indicators) == len(INDICATORS)


def test_a_scorecard_with_a_column_of_the_previous_cycle_is_read_by_its_own_score_column():
    lines = list(HEAD) + ["| Code | Indicator | Max | Cycle 1 | Marks awarded | % of max |",
                          "|---|---|---|---|---|---|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | {i['max_score']:g} | 0.5 | {_score(i):g} | "
              f"{100 * _score(i) / i['max_score']:.1f}% |" for i in INDICATORS]
    assert _scores(_read(lines)) == _expected()


def test_a_scorecard_whose_code_column_names_the_previous_cycle_is_not_this_report_s():
    lines = list(HEAD) + ["| Code | Indicator | Score | Max |", "|---|---|---|---|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | {_score(i):g} | {i['max_score']:g} |" for i in INDICATORS]
    lines += ["", "| Code (Cycle 1) | Indicator | Marks obtained | Max |", "|---|---|---|---|"]
    lines += [f"| {_printed(i['code'])} | {i['title']} | 0.5 | {i['max_score']:g} |" for i in INDICATORS]
    report = _read(lines)
    assert _scores(report) == _expected()
    assert not [w for w in report.warnings if w.code == "conflicting_scores"]


def test_marks_in_words_and_a_margin_figure_on_the_heading_line_read_as_figures():
    from parsing.spelled import spelled_out

    words = {0.5: "half", 1.0: "one", 2.0: "two", 3.0: "three", 4.0: "four", 5.0: "five", 6.0: "six", 7.0: "seven"}
    lines = list(HEAD)
    for ind in INDICATORS:
        maximum = {10: "ten", 15: "fifteen", 20: "twenty", 25: "twenty-five", 30: "thirty", 40: "forty"}[
            int(ind["max_score"])]
        lines += [f"{_score(ind):g} Indicator {_printed(ind['code'])}", ind["title"],
                  f"Marks in words: {words[_score(ind)].capitalize()} out of {maximum}.", "", TEXT, ""]
    assert spelled_out("twenty-seven point five out of thirty") == "27.5 out of 30"
    assert _scores(_read(lines)) == _expected()


def test_a_table_naming_score_and_maximum_columns_whose_rows_name_indicators_is_no_score_box():
    """"Sub-indicator | Max. Marks | Marks Secured" names no code or title column, but its rows name what they
    score: each row is read as a scorecard row or not at all, never as a box under the heading above."""
    lines = list(HEAD)
    for pillar in range(1, 6):
        members = [i for i in INDICATORS if int(i["code"][0]) == pillar]
        lines += [f"Pillar {pillar}", "", "| Sub-indicator | Max. Marks | Marks Secured |", "|---|---|---|"]
        lines += [f"| {i['code'][2]}. {i['title']} | {i['max_score']:g} | {_score(i):g} |" for i in members]
        lines += [""] + [line for i in members for line in (f"Indicator {_printed(i['code'])}: {i['title']}", "",
                                                            TEXT, "")]
    report = _read(lines)
    wrong = {code: got for code, got in _scores(report).items() if got[0] is not None and got != _expected()[code]}
    assert wrong == {}


def test_columns_headed_by_this_cycle_and_the_previous_one_give_this_cycle_s_score():
    for order in ((1, 2), (2, 1)):
        head = {1: "Cycle 1.0 (previous)", 2: "Cycle 2.0 (current)"}
        lines = list(HEAD) + [f"| Code | Indicator | Max. Marks | {head[order[0]]} | {head[order[1]]} | Change |",
                              "|---|---|---|---|---|---|"]
        for i in INDICATORS:
            value = {1: "0.5", 2: f"{_score(i):g}"}
            lines.append(f"| {_printed(i['code'])} | {i['title']} | {i['max_score']:g} | {value[order[0]]} | "
                         f"{value[order[1]]} | n/a |")
        assert _scores(_read(lines)) == _expected(), order


PILLAR_NAMES = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
         "xvii", "xviii", "xix", "xx", "xxi"]


def _titles_only(form: str, cycle: str = "Cycle 2.0") -> list[str]:
    """A report that prints no codes: each indicator named by its catalog title in a list item, a table row
    under a header naming no indicator column, or an annexure row numbered in the office's own scheme."""
    lines = [f"Data Maturity Assessment Framework {cycle}", "City Performance & Recommendations",
             "City: Imphal | State: Manipur", "", "Data Team: the city has formed one, as the recommendations say.", ""]
    if form == "table":
        lines += ["| Pillar | Assessment Parameter | Maximum Marks | Marks Secured | Remarks |",
                  "|---|---|---|---|---|"]
    if form == "annexure":
        lines += ["| Ref. | Pillar | Indicator | Marks awarded (out of) |", "|---|---|---|---|"]
    for k, ind in enumerate(INDICATORS):
        pillar = int(ind["code"][0])
        first = k == 0 or int(INDICATORS[k - 1]["code"][0]) != pillar
        if form == "list":
            lines += [f"{PILLAR_NAMES[pillar]} pillar:", ""] if first else []
            lines.append(f"  ({ROMAN[k]}) {ind['title']}: {_score(ind):g} marks out of {ind['max_score']:g};")
        elif form == "table":
            lines.append(f"| {PILLAR_NAMES[pillar] if first else ''} | {ind['title']} | {ind['max_score']:g} | "
                         f"{_score(ind):g} | {TEXT} |")
        else:
            lines.append(f"| A{k + 1} | {PILLAR_NAMES[pillar]} | {ind['title']} | {_score(ind):g} (out of "
                         f"{ind['max_score']:g}) |")
    return lines + ["", TEXT]


def test_indicators_named_by_their_catalog_title_alone_are_read_in_a_list_a_table_and_an_annexure():
    for form in ("list", "table", "annexure"):
        report = _read(_titles_only(form))
        assert _scores(report) == _expected(), form
        assert {i.code: i.title for i in report.indicators} == {i["code"]: i["title"] for i in INDICATORS}, form


def test_titles_are_never_given_codes_of_a_cycle_the_report_is_not_of_nor_beside_codes_it_prints():
    import pytest

    from core.errors import NotAReport

    with pytest.raises(NotAReport):  # Cycle 1 has no catalog here: its codes are never guessed from Cycle 2's
        _read(_titles_only("list", cycle="Cycle 1.0"))
    lines = list(HEAD)
    for ind in INDICATORS:  # every code printed: a sentence starting with a title stays a sentence
        lines += [f"Indicator {_printed(ind['code'])}: {ind['title']}", "",
                  f"Score: {_score(ind):g}/{ind['max_score']:g}", "", f"{INDICATORS[0]['title']}: 3 marks out of 30 were awarded to a peer city.", ""]
    report = _read(lines)
    assert _scores(report) == _expected()
    assert "titled" not in report.extra["reading"] and "title" not in report.extra["reading"]


def test_a_form_with_labelled_code_and_title_and_blanks_filled_in():
    lines = list(HEAD)
    for k, ind in enumerate(INDICATORS):
        marks = "N.A." if k == 3 else f"{_score(ind):g}"
        lines += [f"Indicator No.: {_printed(ind['code'])}\tIndicator: {ind['title']}",
                  f"Marks obtained: ____ {marks}____      Maximum marks: {ind['max_score']:g}",
                  f"Assessor's note: {TEXT}", ""]
    report = _read(lines)
    expected = _expected() | {INDICATORS[3]["code"]: (None, INDICATORS[3]["max_score"])}
    assert _scores(report) == expected
    assert report.indicators[3].score_status == ScoreStatus.NOT_ASSESSED
