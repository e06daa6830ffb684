"""The parser on the one real report: an exact match with its hand-checked truth."""

from __future__ import annotations

from extractors.txt import extract_txt
from parsing.report import parse_blocks
from tests.conftest import SEED_TXT


def _parse():
    return parse_blocks(extract_txt(SEED_TXT), source=SEED_TXT.name, format="txt")


def test_it_reads_the_title_block(truth):
    report = _parse()
    assert (report.framework, report.cycle, report.cycle_label, report.city, report.state) == (
        truth["framework"], truth["cycle"], truth["cycle_label"], truth["city"], truth["state"])


def test_it_matches_every_indicator_code_title_score_and_max(truth):
    report = _parse()
    got = [(i.code, i.title, i.score, i.max_score) for i in report.indicators]
    expected = [(i["code"], i["title"], i["score"], i["max_score"]) for i in truth["indicators"]]
    assert got == expected


def test_it_places_the_two_displaced_scores_by_max_score_and_says_so():
    report = _parse()
    by_code = {i.code: i for i in report.indicators}
    assert by_code["1.c&1.d"].score_method == "max_score_match"
    assert by_code["4.c"].score_method == "max_score_match"
    placed = sorted(w.indicator for w in report.warnings if w.code == "score_placed_by_max_match")
    assert placed == ["1.c&1.d", "4.c"]
    assert {w.code for w in report.warnings} == {"score_placed_by_max_match"}


def test_it_keeps_paragraphs_and_the_three_column_bullet_list_as_one_list():
    by_code = {i.code: i for i in _parse().indicators}
    team = by_code["2.c"]
    assert len(team.bullets) == 11
    assert team.bullets[0] == "Data Policy & Regulatory expert"
    assert team.bullets[-1] == "GIS expert"
    budget = by_code["1.c&1.d"]
    assert len(budget.paragraphs) == 2 and len(budget.bullets) == 5
    assert budget.paragraphs[1].startswith("It is recommended that the city allocates budget")


def test_it_records_the_line_of_every_heading_and_score():
    by_code = {i.code: i for i in _parse().indicators}
    assert by_code["2.a"].heading_at.line == 57 and by_code["2.a"].score_at.line == 59
    assert by_code["4.c"].score_at.line < by_code["4.c"].heading_at.line


def test_pillar_sums_match_the_truth_totals(truth):
    report = _parse()
    for pillar, total in truth["pillar_totals"].items():
        members = [i for i in report.indicators if i.pillar_no == int(pillar)]
        assert sum(i.score for i in members) == total["score"]
        assert sum(i.max_score for i in members) == total["max_score"]


def test_the_real_layout_with_distinct_scores_reads_every_score_on_its_own_indicator(tmp_path):
    """Imphal's zeros cannot show a score put on the wrong indicator: the same layout with 21 distinct, non-zero
    scores (tests/seed_like.py), in its three renderings, reads exactly, the two displaced scores included."""
    from pipeline.document import parse_path
    from tests.seed_like import SEED_LIKE_SCORES, write_seed_like
    from tests.truth import score_document

    assert len(set(SEED_LIKE_SCORES.values())) == 21 and 0.0 not in SEED_LIKE_SCORES.values()
    for path, truth in write_seed_like(tmp_path):
        outcome = parse_path(path)
        tally = score_document(path.name, truth, outcome)
        assert (tally.misses, tally.wrong) == ([], []), tally.misses
        by_code = {i.code: i for i in outcome.report.indicators}
        assert (by_code["1.c&1.d"].score, by_code["4.c"].score) == (29.5, 21.0)
