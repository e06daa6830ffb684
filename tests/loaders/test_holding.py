"""A new version never silently replaces a better one (``loaders.holding``)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Engine

from core.records import ParsedReport, SourceFile
from loaders.holding import Reading, held_versions, promote_version, worse_reading
from loaders.load import load_document
from tests.loaders.support import PARSER_VERSION, imphal_report, source_info, view_rows


def test_fewer_indicators_more_errors_or_a_much_lower_confidence_read_worse() -> None:
    current = Reading(indicators=21, errors=0, confidence=0.9)
    assert worse_reading(Reading(21, 0, 0.9), current) is None
    assert worse_reading(Reading(22, 0, 0.8), current) is None  # a small drop in confidence is not held
    assert "it reads 10 indicator(s), the current version 21" in worse_reading(Reading(10, 0, 0.9), current)
    assert "1 error-level quality issue(s)" in worse_reading(Reading(21, 1, 0.9), current)
    assert "its confidence is 0.60, the current version's 0.90" in worse_reading(Reading(21, 0, 0.6), current)
    assert worse_reading(Reading(21, 0, None), current) is None  # no confidence to compare


def _first_ten(report: ParsedReport) -> ParsedReport:
    """Return the report as a truncated copy reads: its first ten indicators only."""
    return replace(report, indicators=report.indicators[:10])


def _load(engine: Engine, path: str, report) -> object:
    source: SourceFile = source_info(path, report)
    return load_document(engine, source=source, report=report, error=None, parser_version=PARSER_VERSION)


def test_a_version_missing_indicators_is_held_and_a_complete_one_after_it_becomes_current(db_engine: Engine) -> None:
    """Held: the old version stays current and the views do not move; a later complete version is current."""
    _load(db_engine, "/r/imphal.txt", imphal_report())
    before = view_rows(db_engine, "city_scores")
    partial = _first_ten(imphal_report())
    held = _load(db_engine, "/r/imphal_rescan.txt", partial)
    assert held.status == "held" and "NOT made current" in held.message
    assert view_rows(db_engine, "city_scores") == before
    (one,) = held_versions(db_engine)
    assert one.path == "/r/imphal_rescan.txt" and one.reason.startswith("it reads 10 indicator(s)")
    revised = _load(db_engine, "/r/imphal_2.txt", imphal_report(scores={"1.a": 30.0}, totals_follow=True))
    assert revised.status == "loaded"
    current = {r[3]: bool(r[5]) for r in view_rows(db_engine, "report_versions")}
    assert current == {"/r/imphal.txt": False, "/r/imphal_rescan.txt": False, "/r/imphal_2.txt": True}


def test_promote_makes_a_held_version_current(db_engine: Engine) -> None:
    _load(db_engine, "/r/imphal.txt", imphal_report())
    partial = _first_ten(imphal_report())
    _load(db_engine, "/r/imphal_rescan.txt", partial)
    (held,) = held_versions(db_engine)
    promote_version(db_engine, held.sha256[:8])
    rows = {r[3]: (bool(r[5]), r[7]) for r in view_rows(db_engine, "report_versions")}
    assert rows["/r/imphal_rescan.txt"] == (True, None)
    assert rows["/r/imphal.txt"][0] is False
    assert held_versions(db_engine) == []
