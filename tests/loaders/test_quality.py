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
