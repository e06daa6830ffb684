"""Specification of reviewers' corrections (``loaders.corrections``), on SQLite and PostgreSQL: a correction
changes every score view and keeps the parsed value, survives a reprocess, a re-ingest and a duplicate, goes
stale on a new version until it is carried over, can be undone, and every step stays in the audit view."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from sqlalchemy import Engine

from core.errors import InvalidCorrection
from core.records import ParsedReport
from loaders.corrections import (
    CorrectionRequest,
    carry_over,
    check_request,
    record_corrections,
    requests_from_csv,
    stale_ids,
    undo_correction,
)
from loaders.load import load_document, replace_facts
from tests.loaders.support import (
    PARSER_VERSION,
    imphal_report,
    source_info,
    table_counts,
)

CODES = ("1.a", "1.b", "1.c&1.d", "2.a", "2.b", "2.c", "2.d", "2.e", "3.a", "3.b", "3.c", "3.d", "4.a", "4.b",
         "4.c", "4.d", "4.e", "5.a", "5.b", "5.c", "5.d")
SCORES = {code: float(n % 9 + 1) for n, code in enumerate(CODES)}
"""Distinct non-zero scores (1-9, each under its maximum), so a wrong row or sum cannot hide behind zeros."""


def scored(**overrides: float | None) -> ParsedReport:
    """Return Imphal's report with the distinct scores (and ``overrides``), its pillar totals adding up."""
    return imphal_report(scores=SCORES | overrides, totals_follow=True)


def load(engine: Engine, report: ParsedReport, path: str = "/r/imphal.txt") -> str:
    """Load a report from ``path``; return the load's status."""
    return load_document(engine, source=source_info(path, report), report=report, error=None,
                         parser_version=PARSER_VERSION).status


def ask(indicator: str = "2.a", score: float | None = 15.0, **fields) -> CorrectionRequest:
    """Return a correction request for Imphal, cycle 2."""
    return CorrectionRequest(**({"city": "Imphal", "cycle": 2, "indicator": indicator, "score": score,
                                 "reason": "printed 15/30 on page 4", "by": "asha"} | fields))


def one(engine: Engine, sql: str) -> tuple:
    """Return the one row of a query."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(sql).all()
    assert len(rows) == 1, rows
    return tuple(rows[0])


def rows(engine: Engine, sql: str) -> list[tuple]:
    """Return a query's rows."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql).all()]


def score_row(engine: Engine, code: str = "2.a") -> tuple:
    """Return (score, max_score, score_source, parsed_score) of one indicator in ``indicator_scores``."""
    return one(engine, "SELECT score, max_score, score_source, parsed_score FROM indicator_scores "
                       f"WHERE indicator_code = '{code}'")


def totals(engine: Engine) -> tuple[float, float]:
    """Return (pillar 2's score, the city's total)."""
    pillar = one(engine, "SELECT score FROM pillar_scores WHERE pillar_no = 2")[0]
    return pillar, one(engine, "SELECT score FROM city_scores")[0]


def test_a_correction_changes_every_score_view_and_keeps_the_parsed_value(db_engine: Engine) -> None:
    """2.a parsed 4/30, corrected to 15: indicator, pillar, city and trend views move by 11; the parsed value,
    the provenance's correction id and the audit row say what happened."""
    assert load(db_engine, scored()) == "loaded"
    parsed_pillar, parsed_total = totals(db_engine)
    assert score_row(db_engine) == (4.0, 30.0, "parsed", 4.0)

    [done] = record_corrections(db_engine, [ask()])

    assert (done.score_before, done.max_before, done.score, done.max_score) == (4.0, 30.0, 15.0, 30.0)
    assert score_row(db_engine) == (15.0, 30.0, "corrected", 4.0)
    assert totals(db_engine) == (parsed_pillar + 11.0, parsed_total + 11.0)
    assert one(db_engine, "SELECT score FROM indicator_trends WHERE indicator_key = '2.a'") == (15.0,)
    assert one(db_engine, "SELECT score, score_source, parsed_score, correction_id FROM score_provenance "
                          "WHERE indicator_code = '2.a'") == (15.0, "corrected", 4.0, done.id)
    audit = one(db_engine, "SELECT city, cycle, indicator_code, score_before, score, reason, corrected_by, status, "
                           "status_before FROM corrections")
    assert audit == ("Imphal", 2, "2.a", 4.0, 15.0, "printed 15/30 on page 4", "asha", "applied", "scored")
    others = rows(db_engine, "SELECT indicator_code FROM indicator_scores WHERE score_source = 'corrected'")
    assert others == [("2.a",)]


def test_a_new_maximum_and_not_assessed_are_corrections_too(db_engine: Engine) -> None:
    """--max changes the maximum the sums use; not assessed makes the score NULL (0 in the totals, NULL in the
    trends), with the parsed status kept."""
    load(db_engine, scored())
    _, parsed_total = totals(db_engine)
    record_corrections(db_engine, [ask("2.a", 12.0, max_score=25.0), ask("4.c", None, not_assessed=True)])
    assert score_row(db_engine, "2.a") == (12.0, 25.0, "corrected", 4.0)
    assert score_row(db_engine, "4.c") == (None, 30.0, "corrected", SCORES["4.c"])
    assert one(db_engine, "SELECT max_score FROM city_scores")[0] == 495.0
    assert one(db_engine, "SELECT score FROM city_scores")[0] == parsed_total + 8.0 - SCORES["4.c"]
    assert one(db_engine, "SELECT score FROM indicator_trends WHERE indicator_key = '4.c'") == (None,)
    assert one(db_engine, "SELECT not_assessed, status_before FROM corrections WHERE indicator_code = '4.c'") in (
        (True, "scored"), (1, "scored"))


def test_corrections_survive_a_reprocess_a_reingest_and_a_byte_identical_copy(db_engine: Engine) -> None:
    """The correction is keyed to the content: rebuilding the version's facts, loading the same file again and
    a copy under another path all leave the corrected value in place (one row, not two)."""
    report = scored()
    load(db_engine, report)
    record_corrections(db_engine, [ask()])
    sha = source_info("/r/imphal.txt", report).sha256
    replace_facts(db_engine, sha256=sha, report=report, parser_version="test-2")
    assert score_row(db_engine) == (15.0, 30.0, "corrected", 4.0)
    assert load(db_engine, report) == "skipped"
    assert load(db_engine, report, "/r/copy of imphal.txt") == "duplicate"
    assert score_row(db_engine) == (15.0, 30.0, "corrected", 4.0)
    assert one(db_engine, "SELECT COUNT(*) FROM indicator_scores")[0] == len(CODES)
    assert one(db_engine, "SELECT status FROM corrections") == ("applied",)


def test_a_new_version_makes_the_correction_stale_until_it_is_carried_over(db_engine: Engine) -> None:
    """New bytes for the report: the new parsed value shows, the correction is stale (listed first in the
    review queue with the new value beside it) and not applied, until carried over."""
    load(db_engine, scored())
    [first] = record_corrections(db_engine, [ask()])
    assert load(db_engine, scored(**{"3.a": 8.0}), "/r/imphal revised.txt") == "loaded"

    assert score_row(db_engine) == (4.0, 30.0, "parsed", 4.0)
    assert one(db_engine, "SELECT status, current_parsed_score FROM corrections") == ("stale", 4.0)
    queue = rows(db_engine, "SELECT priority, kind, indicator_code, score, corrected_score, correction_id "
                            "FROM review_queue")
    assert queue == [(1, "stale_correction", "2.a", 4.0, 15.0, first.id)]
    assert stale_ids(db_engine) == [first.id] and stale_ids(db_engine, city="imphal", cycle=3) == []

    [carried] = carry_over(db_engine, [first.id], by="ravi")

    assert (carried.carried_from, carried.score, carried.score_before) == (first.id, 15.0, 4.0)
    assert score_row(db_engine) == (15.0, 30.0, "corrected", 4.0)
    audit = rows(db_engine, "SELECT correction_id, status, carried_from, corrected_by FROM corrections "
                            "ORDER BY correction_id")
    assert audit == [(first.id, "superseded", None, "asha"), (carried.id, "applied", first.id, "ravi")]
    assert rows(db_engine, "SELECT kind FROM review_queue") == []
    with pytest.raises(InvalidCorrection, match="is superseded, not stale"):
        carry_over(db_engine, [first.id], by="ravi")


def test_undo_restores_the_parsed_value_and_the_audit_keeps_every_step(db_engine: Engine) -> None:
    """A second correction replaces the first; undoing it shows the parsed value again; each row stays, with
    its status; an undone or replaced correction cannot be undone again."""
    load(db_engine, scored())
    [first] = record_corrections(db_engine, [ask(score=15.0)])
    [second] = record_corrections(db_engine, [ask(score=20.0, reason="15 was a typo")])
    assert second.replaced == first.id and score_row(db_engine) == (20.0, 30.0, "corrected", 4.0)

    row = undo_correction(db_engine, second.id, by="asha", reason="the parser was right")

    assert (row.status, row.undone_by, row.undo_reason) == ("undone", "asha", "the parser was right")
    assert score_row(db_engine) == (4.0, 30.0, "parsed", 4.0)
    audit = rows(db_engine, "SELECT correction_id, score, status, replaced_by FROM corrections ORDER BY correction_id")
    assert audit == [(first.id, 15.0, "replaced", second.id), (second.id, 20.0, "undone", None)]
    with pytest.raises(InvalidCorrection, match="already undone"):
        undo_correction(db_engine, second.id, by="asha")
    with pytest.raises(InvalidCorrection, match=f"replaced by correction {second.id}"):
        undo_correction(db_engine, first.id, by="asha")
    with pytest.raises(InvalidCorrection, match="there is no correction 999"):
        undo_correction(db_engine, 999, by="asha")


@pytest.mark.parametrize(("request_", "message"), [
    (ask(city="Gotham"), "no city of that name in the warehouse"),
    (ask(cycle=3), "Imphal has no report for that cycle (cycles: 2)"),
    (ask("9.z"), "has no such indicator; it has 1.a, 1.b"),
    (ask(score=31.0), "the score 31 is above the maximum 30"),
    (ask(score=26.0, max_score=25.0), "the score 26 is above the maximum 25"),
    (ask(reason="  "), "give a --reason"),
    (ask(score=None), "give a score"),
    (ask(score=-1.0), "the score -1 is not a number of points"),
    (ask(not_assessed=True), "either a score or not assessed"),
])
def test_a_correction_that_cannot_be_recorded_changes_nothing(
    db_engine: Engine, request_: CorrectionRequest, message: str
) -> None:
    """Each refusal names the request and the fix; a batch with one bad request records none of it."""
    load(db_engine, scored())
    before = table_counts(db_engine)
    with pytest.raises(InvalidCorrection, match=re.escape(message)) as raised:
        record_corrections(db_engine, [ask("1.a", 2.0), request_])
    assert "Imphal, cycle" in str(raised.value) or "Gotham" in str(raised.value)
    assert str(raised.value).endswith("nothing was changed")
    assert table_counts(db_engine) == before


def test_the_city_may_be_given_by_alias_or_in_any_case(db_engine: Engine) -> None:
    """"imphal" and the gazetteer's aliases find the warehouse's city; the indicator code is matched without
    case and stored as the report reads it."""
    load(db_engine, imphal_report(city="Bengaluru", state="Karnataka", scores=SCORES, totals_follow=True))
    [done] = record_corrections(db_engine, [ask("1.C&1.D", 3.0, city="Bangalore")])
    assert (done.city, done.indicator) == ("Bengaluru", "1.c&1.d")
    [again] = record_corrections(db_engine, [ask("1.c&1.d", 4.0, city="BENGALURU")])
    assert again.replaced == done.id


def test_check_request_is_pure_and_names_each_problem() -> None:
    """The checks made before the warehouse is read."""
    assert check_request(ask()) is None
    assert check_request(ask(score=None, not_assessed=True)) is None
    assert check_request(ask(by=" ")) == "say who corrects (--by, or $USER)"
    assert check_request(ask(max_score=0.0)) == "the maximum 0 is not a maximum"
    assert check_request(ask(score=float("nan"))) == "the score nan is not a number of points"


def test_a_corrections_csv_reads_every_column_and_names_the_row_of_a_bad_cell() -> None:
    """Header required; max, not_assessed and by optional; comma decimals read; empty rows skipped."""
    text = ("City,Cycle,Indicator,Score,Max,Not_assessed,Reason,By\n"
            "Imphal,2,2.a,\"12,5\",,,typo in the PDF,\n"
            ",,,,,,,\n"
            "Imphal,2,4.c,,,yes,printed NA,ravi\n")
    first, second = requests_from_csv(text, source="fixes.csv", by="asha")
    assert first == CorrectionRequest("Imphal", 2, "2.a", 12.5, "typo in the PDF", "asha", where="row 2 of fixes.csv")
    assert (second.not_assessed, second.score, second.by, second.where) == (True, None, "ravi", "row 4 of fixes.csv")
    with pytest.raises(InvalidCorrection, match=r"row 3 of fixes.csv: score 'twelve' is not a number"):
        requests_from_csv("city,cycle,indicator,score,reason\nImphal,2,2.a,1,r\nImphal,2,2.b,twelve,r\n",
                          source="fixes.csv", by="asha")
    with pytest.raises(InvalidCorrection, match=r"row 2 of fixes.csv: cycle 'two' is not a cycle number"):
        requests_from_csv("city,cycle,indicator,score,reason\nImphal,two,2.a,1,r\n", source="fixes.csv", by="a")
    with pytest.raises(InvalidCorrection, match="fixes.csv: missing column.s. reason"):
        requests_from_csv("city,cycle,indicator,score\nImphal,2,2.a,1\n", source="fixes.csv", by="a")
    with pytest.raises(InvalidCorrection, match="fixes.csv: unknown column.s. points"):
        requests_from_csv("city,cycle,indicator,points,reason\n", source="fixes.csv", by="a")
    with pytest.raises(InvalidCorrection, match="fixes.csv: no correction in it"):
        requests_from_csv("city,cycle,indicator,score,reason\n", source="fixes.csv", by="a")


def test_a_correction_on_a_held_version_waits_for_its_promotion(db_engine: Engine) -> None:
    """A correction applies to the current version: a new version held back (it reads fewer indicators) leaves
    the correction applied; promoting the held version makes it stale."""
    from loaders.holding import promote_version

    load(db_engine, scored())
    record_corrections(db_engine, [ask()])
    worse = scored()
    worse = replace(worse, indicators=worse.indicators[:-1], source="imphal short.txt")
    assert load(db_engine, worse, "/r/imphal short.txt") == "held"
    assert one(db_engine, "SELECT status FROM corrections") == ("applied",)
    promote_version(db_engine, source_info("/r/imphal short.txt", worse).sha256[:12])
    assert one(db_engine, "SELECT status FROM corrections") == ("stale",)
    assert score_row(db_engine) == (4.0, 30.0, "parsed", 4.0)
