"""Specification of recommendation changes (``loaders.recommendations``): the pure comparison of a city's advice
between cycles, then the derived table and the ``recommendation_changes`` view on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import Engine

from core.records import ParsedReport
from core.statuses import RecommendationStatus as S
from loaders.batch import prepare_warehouse
from loaders.holding import promote_version
from loaders.load import load_document, replace_facts
from loaders.recommendations import (
    compare_cycles,
    compare_pair,
    ensure_recommendation_changes,
    folded,
    similarity,
)
from tests.loaders.support import PARSER_VERSION, imphal_report, source_info, view_rows
from warehouse.db import alembic_config, make_engine, write_transaction

CDO = "Appoint a full-time City Data Officer and notify the role."


def test_folding_ignores_case_and_white_space_only() -> None:
    """Line breaks, repeated spaces and case do not make advice different; punctuation and words do."""
    assert folded("  Appoint a full-time\nCity  Data Officer ") == folded("appoint a FULL-TIME city data officer")
    assert folded("Appoint an officer.") != folded("Appoint an officer")
    assert folded(None) == folded("") == folded(" \n ") == ""


@pytest.mark.parametrize(("previous", "current", "expected"), [
    (CDO, CDO.upper().replace(" ", "\n  "), (S.SAME, 100.0)),  # re-wrapped, re-cased: the same text
    (CDO, None, (S.DROPPED, None)),
    ("", CDO, (S.NEW, None)),
    (None, "   ", None),  # neither cycle advises anything: no row
    (CDO, "Publish 200 datasets on the portal and refresh them monthly.", S.REVISED),
])
def test_each_pair_gets_its_status(previous: str | None, current: str | None, expected: object) -> None:
    """same (folded texts equal), dropped, new, nothing to compare, revised (a different text)."""
    got = compare_pair(previous, current)
    if expected is S.REVISED:
        assert got is not None and got[0] is S.REVISED and got[1] is not None and got[1] < 90
    else:
        assert got == expected


def test_a_small_edit_is_the_same_advice_and_the_threshold_decides() -> None:
    """One word changed in a long sentence stays above 90 (same); the threshold is a parameter."""
    edited = CDO.replace("notify", "announce")
    score = similarity(CDO, edited)
    assert 90 <= score < 100
    assert compare_pair(CDO, edited) == (S.SAME, score)
    assert compare_pair(CDO, edited, same_at=score + 0.1) == (S.REVISED, score)


def test_cycles_compare_with_the_previous_cycle_the_city_has() -> None:
    """Cycles 1 and 3 (no cycle 2 report): cycle 3 compares with 1; the first cycle has no rows; a key only in
    one of the two cycles is new or dropped; an indicator without text in both gives nothing."""
    texts = {
        3: {"2.a": CDO, "4.b": "Publish more datasets.", "c3:5.a": "Write DataSmart stories.", "5.d": None},
        1: {"2.a": " appoint a full-time city data officer and notify the role.", "1.x": "Old advice.",
            "4.b": "Publish datasets.", "5.d": ""},
    }
    changes = {c.indicator_key: c for c in compare_cycles(texts)}
    assert set(changes) == {"2.a", "4.b", "c3:5.a", "1.x"}
    assert all((c.cycle_no, c.previous_cycle_no) == (3, 1) for c in changes.values())
    assert (changes["2.a"].status, changes["2.a"].similarity) == (S.SAME, 100.0)
    assert changes["2.a"].recommendation == CDO  # stored as printed, not folded
    assert changes["4.b"].status is S.REVISED and changes["4.b"].previous_recommendation == "Publish datasets."
    assert (changes["c3:5.a"].status, changes["c3:5.a"].previous_recommendation) == (S.NEW, None)
    assert (changes["1.x"].status, changes["1.x"].recommendation) == (S.DROPPED, None)


def test_a_city_with_one_cycle_has_no_changes_and_an_empty_cycle_drops_everything() -> None:
    """One cycle: nothing to compare. A report whose indicators were all lost drops every piece of advice."""
    assert compare_cycles({2: {"2.a": CDO}}) == []
    dropped = compare_cycles({2: {"2.a": CDO}, 3: {}})
    assert [(c.indicator_key, c.status) for c in dropped] == [("2.a", S.DROPPED)]


# --- the derived table and its view, on both backends -----------------------------------------------------

REVISED_4B = ("Publish 200 datasets on SCODP, one per department, and refresh each of them every month "
              "from the source systems.")


def _pune(cycle: int, texts: dict[str, str | None], scores: dict[str, float | None] | None = None) -> ParsedReport:
    """Return a Pune report of ``cycle`` (the Imphal indicators) whose recommendations are ``texts`` by code
    (None: no text) and "Keep it up." elsewhere."""
    report = imphal_report(city="Pune", state="Maharashtra", cycle=cycle, scores=scores,
                           source=f"pune_cycle{cycle}.txt")
    indicators = tuple(
        replace(i, paragraphs=(() if texts.get(i.code, "Keep it up.") is None else (texts.get(i.code, "Keep it up."),)),
                bullets=())
        for i in report.indicators)
    return replace(report, indicators=indicators)


CYCLE_2 = _pune(2, {"2.a": CDO, "4.b": "Publish datasets.", "2.b": "Appoint data coordinators.", "2.c": None},
                {"2.a": 10.0, "4.b": 0.0})
CYCLE_3 = _pune(3, {"2.a": CDO.upper().replace(" ", "  "), "4.b": REVISED_4B, "2.b": None,
                    "2.c": "Form a data team."}, {"2.a": 10.0, "4.b": 30.0})


def _load(engine: Engine, *reports: ParsedReport) -> None:
    """Load reports in order, each from its own path."""
    for report in reports:
        result = load_document(engine, source=source_info(f"/r/{report.source}", report), report=report,
                               error=None, parser_version=PARSER_VERSION)
        assert result.status == "loaded", result.message


def _changes(engine: Engine) -> dict[str, tuple]:
    """Return the view's rows of Pune's cycle 3 by key: status, similarity, scores and change."""
    rows = view_rows(engine, "recommendation_changes", exclude=("city", "state", "indicator_title",
                                                                 "recommendation", "previous_recommendation"))
    assert all(r[1:3] == (3, 2) for r in rows), rows  # (cycle, previous_cycle)
    return {r[0]: r[3:] for r in rows}


def test_the_view_classifies_a_constructed_pair_of_cycles(db_engine: Engine) -> None:
    """same (re-cased, re-spaced), revised (with its similarity), dropped, new; scores and change beside."""
    _load(db_engine, CYCLE_2, CYCLE_3)
    changes = _changes(db_engine)
    assert changes["2.a"] == ("same", 100.0, 10.0, 10.0, 0.0)
    status, score, *rest = changes["4.b"]
    assert (status, rest) == ("revised", [30.0, 0.0, 30.0]) and score == similarity("Publish datasets.", REVISED_4B)
    assert changes["2.b"][:2] == ("dropped", None) and changes["2.c"][:2] == ("new", None)
    assert {k: v[0] for k, v in changes.items() if k not in ("2.a", "4.b", "2.b", "2.c")} == {
        k: "same" for k in changes if k not in ("2.a", "4.b", "2.b", "2.c")}
    with db_engine.connect() as conn:
        texts = conn.exec_driver_sql("SELECT recommendation, previous_recommendation FROM recommendation_changes "
                                     "WHERE indicator_key = '4.b'").one()
    assert tuple(texts) == (REVISED_4B, "Publish datasets.")


def test_the_changes_follow_the_current_versions_in_any_load_order(db_engine: Engine) -> None:
    """Cycle 3 loaded before cycle 2 gives the same rows; a new version of cycle 2 rewrites cycle 3's
    comparison in its own transaction; a reprocess that reads another text does too."""
    _load(db_engine, CYCLE_3, CYCLE_2)
    assert _changes(db_engine)["2.a"][0] == "same"
    edited = _pune(2, {"2.a": "Hire a data officer.", "4.b": "Publish datasets.", "2.b": "Appoint data coordinators.",
                       "2.c": None}, {"2.a": 10.0, "4.b": 0.0})
    _load(db_engine, replace(edited, source="pune_cycle2_v2.txt"))
    assert _changes(db_engine)["2.a"][0] == "revised"
    sha = source_info(f"/r/{CYCLE_3.source}", CYCLE_3).sha256
    reread = _pune(3, {"2.a": "Hire a data officer.", "4.b": REVISED_4B, "2.b": None, "2.c": "Form a data team."},
                   {"2.a": 10.0, "4.b": 30.0})
    replace_facts(db_engine, sha256=sha, report=reread, parser_version=PARSER_VERSION)
    assert _changes(db_engine)["2.a"][:2] == ("same", 100.0)


def test_an_upgrade_fills_the_table_for_reports_loaded_before_it(db_url: str) -> None:
    """Reports loaded, then the schema taken back to 0006 (no table): the next prepare fills it again."""
    prepare_warehouse(db_url)
    engine = make_engine(db_url)
    try:
        _load(engine, CYCLE_2, CYCLE_3)
        before = view_rows(engine, "recommendation_changes")
        with write_transaction(engine) as conn:
            command.downgrade(alembic_config(conn), "0006")
        prepare_warehouse(db_url)
        assert view_rows(engine, "recommendation_changes") == before and len(before) == 21
        assert ensure_recommendation_changes(engine) == 0  # filled: nothing more to do
    finally:
        engine.dispose()


def test_a_held_version_changes_nothing_until_it_is_promoted(db_engine: Engine) -> None:
    """A cycle 3 version that lost indicators is held (not current): the comparison keeps the current one's
    text; promoting it by hand rewrites the comparison in that transaction."""
    _load(db_engine, CYCLE_2, CYCLE_3)
    lost = replace(_pune(3, {"2.a": "Hire a data officer.", "4.b": REVISED_4B}), source="pune_cycle3_short.txt")
    lost = replace(lost, indicators=lost.indicators[:10])
    source = source_info(f"/r/{lost.source}", lost)
    held = load_document(db_engine, source=source, report=lost, error=None, parser_version=PARSER_VERSION)
    assert held.status == "held"
    assert _changes(db_engine)["2.a"][0] == "same"
    promote_version(db_engine, source.sha256[:12])
    changes = _changes(db_engine)
    assert changes["2.a"][0] == "revised" and changes["4.d"][0] == "dropped"  # 4.d is past the first ten
