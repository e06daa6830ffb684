"""Specification of the data-quality rules: each rule has a report that triggers it; the clean report triggers none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import Engine

from core.records import ParsedIndicator, ParsedReport, PrintedTotal
from loaders.load import load_document, replace_facts
from loaders.normalise import normalise_report
from loaders.quality import RULES, Finding, check_report
from tests.loaders.support import PARSER_VERSION, imphal_report, source_info, view_rows


def _with_indicator(report: ParsedReport, code: str, **changes) -> ParsedReport:
    """Return the report with one indicator changed."""
    return replace(report, indicators=tuple(replace(i, **changes) if i.code == code else i for i in report.indicators))


def _without(report: ParsedReport, code: str) -> ParsedReport:
    """Return the report without one indicator."""
    return replace(report, indicators=tuple(i for i in report.indicators if i.code != code))


def _plus(report: ParsedReport, *extra: ParsedIndicator) -> ParsedReport:
    """Return the report with extra indicators at the end."""
    return replace(report, indicators=(*report.indicators, *extra))


TRIGGERS: dict[str, tuple[Callable[[], ParsedReport], str]] = {
    "has_indicators": (lambda: replace(imphal_report(), indicators=()), "the report has no indicators"),
    "score_within_range": (lambda: imphal_report(scores={"2.a": 35.0}),
                           "indicator 2.a: score 35 is outside 0..30 (at line 40)"),
    "pillar_total_matches": (lambda: imphal_report(scores={"5.d": 20.0}),
                             "printed pillar 5 total 0/100 but the indicator scores add up to 20"),
    "pillar_maxima_add_up": (lambda: _without(imphal_report(), "5.c"),
                             ("pillar 5: indicator maxima add up to 80, not 100; likely lost: 5.c Development of "
                              "applications (20)")),
    "max_matches_catalog": (lambda: _with_indicator(imphal_report(), "4.a", max_score=15.0),
                            "indicator 4.a: printed maximum 15 differs from the catalog's 10 for cycle 2"),
    "duplicate_indicator": (lambda: _plus(imphal_report(), ParsedIndicator("2.A", "City Data Officer", 5.0, 30.0)),
                            "indicator 2.a appears more than once; the first occurrence is loaded"),
    "catalog_indicator_present": (lambda: _without(imphal_report(), "4.e"),
                                  "indicator 4.e (Spatial Readiness) of the cycle 2 catalog is missing"),
    "score_present": (lambda: imphal_report(scores={"4.c": None}), "indicator 4.c: no score could be read"),
    "city_known": (lambda: imphal_report(city="Gotham", state="Nowhere"),
                   "city 'Gotham', Nowhere is not in the gazetteer of Smart Cities; loaded as printed"),
    "indicator_in_catalog": (lambda: _plus(imphal_report(), ParsedIndicator("2.f", "Data Interns", 0.0, 10.0)),
                             "indicator 2.f (Data Interns) is not in the cycle 2 catalog; loaded as printed"),
    "score_assessed": (lambda: _with_indicator(imphal_report(), "3.a", score=None, score_status="not_assessed"),
                       "indicator 3.a is printed as not assessed"),
}


def _findings(report: ParsedReport) -> list[Finding]:
    """Return the findings of every rule for a report."""
    return check_report(normalise_report(report))


def test_the_real_imphal_report_breaks_no_rule() -> None:
    """The hand-checked Imphal report (scores, maxima, totals, city all consistent) has no finding."""
    assert _findings(imphal_report()) == []


def test_every_rule_has_a_triggering_report_below() -> None:
    """The rule list and the triggers below name the same rules, so no rule goes untested."""
    assert set(TRIGGERS) == {rule.name for rule in RULES}
    assert len({rule.name for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", [r.name for r in RULES])
def test_each_rule_triggers_on_its_report_with_a_message_naming_the_place(rule: str) -> None:
    """The triggering report yields a finding of that rule, with its severity and a precise message."""
    build, message = TRIGGERS[rule]
    found = [f for f in _findings(build()) if f.rule == rule]
    assert found, f"{rule} did not trigger"
    severity = next(r.severity for r in RULES if r.name == rule)
    assert {f.severity for f in found} == {severity}
    assert any(message in f.message for f in found), [f.message for f in found]


def test_a_score_below_zero_is_out_of_range_too() -> None:
    """A negative score is an error even where the maximum is known."""
    found = [f for f in _findings(imphal_report(scores={"1.a": -5.0})) if f.rule == "score_within_range"]
    assert [(f.indicator, f.severity) for f in found] == [("1.a", "error")]


def test_a_printed_overall_total_is_checked_against_all_scores() -> None:
    """An overall total (pillar None) is compared with the sum of every indicator score."""
    report = replace(imphal_report(), printed_totals=(PrintedTotal(None, 25.0, 500.0),))
    found = [f.message for f in _findings(report) if f.rule == "pillar_total_matches"]
    assert found == ["printed overall total 25/500 but the indicator scores add up to 10"]


def test_a_cycle_without_a_catalog_is_not_checked_against_one() -> None:
    """Cycle 3 has no catalog: no missing-indicator or not-in-catalog findings for it."""
    found = {f.rule for f in _findings(_without(imphal_report(cycle=3), "4.e"))}
    assert not found & {"catalog_indicator_present", "indicator_in_catalog", "max_matches_catalog"}


def test_findings_are_recorded_with_the_load_and_do_not_block_it(db_engine: Engine) -> None:
    """A report with an error still loads; its findings are in quality_issues, and a reprocess replaces them."""
    report = imphal_report(scores={"2.a": 35.0, "4.c": None})
    source = source_info("/r/imphal.txt", report)
    outcome = load_document(db_engine, source=source, report=report, error=None, parser_version=PARSER_VERSION)
    assert outcome.status == "loaded"
    issues = view_rows(db_engine, "quality_issues")
    assert [(r[0], r[1], r[2], r[3], r[4], r[6]) for r in issues] == [
        ("/r/imphal.txt", "Imphal", 2, "error", "pillar_total_matches", None),
        ("/r/imphal.txt", "Imphal", 2, "error", "score_within_range", "2.a"),
        ("/r/imphal.txt", "Imphal", 2, "warning", "score_present", "4.c"),
    ]
    assert view_rows(db_engine, "city_scores")[0][3] == 35.0
    replace_facts(db_engine, sha256=source.sha256, report=imphal_report(), parser_version="test-2")
    assert view_rows(db_engine, "quality_issues") == []


def test_only_the_current_version_shows_its_issues(db_engine: Engine) -> None:
    """A newer, clean version of the report hides the issues of the one it supersedes."""
    bad = imphal_report(scores={"2.a": 35.0})
    load_document(db_engine, source=source_info("/r/a.txt", bad), report=bad, error=None,
                  parser_version=PARSER_VERSION)
    assert {r[4] for r in view_rows(db_engine, "quality_issues")} == {"score_within_range", "pillar_total_matches"}
    good = imphal_report(source="fixed.txt")
    load_document(db_engine, source=source_info("/r/b.txt", good), report=good, error=None,
                  parser_version=PARSER_VERSION)
    assert view_rows(db_engine, "quality_issues") == []
    with db_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM quality_issue").scalar_one() == 2


def _maxima_findings(report: ParsedReport) -> list[Finding]:
    """Return the findings of the pillar-maxima rule for a report."""
    return [f for f in _findings(report) if f.rule == "pillar_maxima_add_up"]


def test_a_pillar_missing_one_catalog_indicator_names_it_and_its_maximum() -> None:
    """One error naming the pillar, the sum and the lost catalog indicator (also its code); other pillars are
    silent."""
    (found,) = _maxima_findings(_without(imphal_report(), "4.b"))
    assert (found.severity, found.indicator) == ("error", "4.b")
    assert found.message == ("pillar 4: indicator maxima add up to 70, not 100; likely lost: 4.b Number of "
                             "datasets on SCODP (30)")


def test_two_lost_catalog_indicators_are_both_named() -> None:
    """Several missing indicators of one pillar make one finding listing each with its maximum."""
    (found,) = _maxima_findings(_without(_without(imphal_report(), "5.b"), "5.c"))
    assert found.message == ("pillar 5: indicator maxima add up to 50, not 100; likely lost: 5.b Data-related "
                             "use cases (30), 5.c Development of applications (20)")
    assert found.indicator is None


def test_without_a_catalog_the_gap_in_the_letters_is_named_with_its_marks() -> None:
    """Cycle 3 has no catalog: the finding says where the codes skip a letter and how many marks are lost."""
    cycle3 = imphal_report(cycle=3)
    assert _maxima_findings(cycle3) == []
    messages = {code: [f.message for f in _maxima_findings(_without(cycle3, code))] for code in ("5.c", "5.a", "5.d")}
    assert messages == {
        "5.c": [("pillar 5: indicator maxima add up to 80, not 100; likely lost: an indicator between 5.b and "
                 "5.d, 20 marks")],
        "5.a": ["pillar 5: indicator maxima add up to 70, not 100; likely lost: an indicator before 5.b, 30 marks"],
        "5.d": ["pillar 5: indicator maxima add up to 80, not 100; likely lost: an indicator after 5.c, 20 marks"],
    }
    (two,) = _maxima_findings(_without(_without(cycle3, "5.b"), "5.c"))
    assert two.message.endswith("likely lost: 2 indicators between 5.a and 5.d, 50 marks")


def test_maxima_above_the_pillar_maximum_are_an_error_too() -> None:
    """An extra indicator pushes the sum past 100: reported, without inventing a lost indicator."""
    (found,) = _maxima_findings(_plus(imphal_report(), ParsedIndicator("2.f", "Data Interns", 0.0, 10.0)))
    assert found.message.startswith("pillar 2: indicator maxima add up to 110, not 100; more than the pillar holds")


def test_a_catalog_maximum_stands_in_for_an_unprinted_one_and_an_unknown_one_skips_the_pillar() -> None:
    """No printed max -> the catalog's counts (still adds up); a max known nowhere leaves the pillar unchecked."""
    assert _maxima_findings(_with_indicator(imphal_report(), "3.a", max_score=None)) == []
    unknown = _with_indicator(imphal_report(cycle=3), "3.a", max_score=None)
    assert _maxima_findings(unknown) == []
