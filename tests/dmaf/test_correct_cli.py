"""Specification of `dmaf correct` through the command line (SQLite and PostgreSQL): one correction, a carry
over, an undo, the refusals (exit 2, nothing changed), who corrects, and `dmaf sql` still unable to write."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dmaf.cli import app
from loaders.load import load_document
from tests.loaders.support import (
    PARSER_VERSION,
    imphal_report,
    source_info,
    table_counts,
)
from warehouse.db import make_engine, upgrade
from warehouse.settings import sqlite_url

runner = CliRunner(env={"COLUMNS": "200", "USER": "asha"})


def _dmaf(*args: object):
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def warehouse(db_url: str) -> str:
    """A warehouse holding Imphal's cycle 2 report (2.a parsed 10/30); returns its URL."""
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        report = imphal_report()
        load_document(engine, source=source_info("/r/imphal.txt", report), report=report, error=None,
                      parser_version=PARSER_VERSION)
    finally:
        engine.dispose()
    return db_url


def _sql(db: str, query: str) -> str:
    """Return `dmaf sql --format csv` output."""
    result = _dmaf("sql", query, "--format", "csv", "--db", db)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_correct_then_carry_over_then_undo_through_the_cli(warehouse: str) -> None:
    """Each step prints what it did; the views follow; the audit names $USER and --by."""
    done = _dmaf("correct", "--city", "Imphal", "--cycle", 2, "--indicator", "2.a", "--score", 15, "--reason",
                 "printed 15/30", "--db", warehouse)
    assert done.exit_code == 0, done.output
    assert done.stdout.strip() == "correction 1: Imphal, cycle 2, 2.a: 10/30 (parsed) -> 15/30"
    assert "1 correction recorded" in done.stderr
    assert _sql(warehouse, "SELECT score, score_source FROM indicator_scores WHERE indicator_code = '2.a'") == (
        "score,score_source\n15.0,corrected")
    revised = imphal_report(scores={"3.a": 5.0}, source="imphal revised.txt", totals_follow=True)
    engine = make_engine(warehouse)
    load_document(engine, source=source_info("/r/imphal revised.txt", revised), report=revised, error=None,
                  parser_version=PARSER_VERSION)
    engine.dispose()
    assert "stale correction" in _dmaf("review", "--db", warehouse).stdout
    carried = _dmaf("correct", "--carry-over", "--city", "Imphal", "--by", "ravi", "--db", warehouse)
    assert carried.exit_code == 0, carried.output
    assert carried.stdout.strip() == ("correction 2: Imphal, cycle 2, 2.a: 10/30 (parsed) -> 15/30, carried over "
                                      "from correction 1")
    undone = _dmaf("correct", "--undo", 2, "--reason", "parser right", "--db", warehouse)
    assert undone.exit_code == 0 and "shows its parsed value again" in undone.stdout
    assert _sql(warehouse, "SELECT correction_id, corrected_by, status, undone_by FROM corrections "
                           "ORDER BY correction_id") == (
        "correction_id,corrected_by,status,undone_by\n1,asha,superseded,\n2,ravi,undone,asha")


@pytest.mark.parametrize(("args", "message"), [
    ((), "nothing to do: give a correction"),
    (("--undo", 1, "--file", "x.csv"), "--file and --undo: give a correction"),
    (("--city", "Imphal", "--indicator", "2.a", "--score", 1, "--reason", "r"), "a correction needs --cycle"),
    (("--city", "Imphal", "--cycle", 2, "--indicator", "2.a", "--score", 99, "--reason", "r"), "above the maximum"),
    (("--carry-over",), "say which stale corrections to carry over"),
    (("--carry-over", 1), "correction 1 is"),
    (("3", "--undo", 1), "go with --carry-over only"),
    (("--undo", 7), "there is no correction 7"),
    (("--file", "missing.csv"), "missing.csv: no such corrections file"),
])
def test_a_refused_correction_exits_2_and_changes_nothing(warehouse: str, args: tuple, message: str) -> None:
    """Every refusal is one error line naming the problem, exit status 2, and no change."""
    if args == ("--carry-over", 1):  # a correction that exists but is not stale
        assert _dmaf("correct", "--city", "Imphal", "--cycle", 2, "--indicator", "1.a", "--score", 1,
                     "--reason", "r", "--db", warehouse).exit_code == 0
    engine = make_engine(warehouse)
    before = table_counts(engine)
    result = _dmaf("correct", *args, "--db", warehouse)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and result.stderr.startswith("error: ")
    assert table_counts(engine) == before
    engine.dispose()


def test_sql_cannot_write_corrections(warehouse: str) -> None:
    """`dmaf sql` stays read-only: the corrections table is changed only by `dmaf correct`."""
    for statement in ("INSERT INTO score_correction (sha256, indicator_code, reason, corrected_by, corrected_at, "
                      "active, not_assessed) VALUES ('x', '2.a', 'r', 'me', '2026-01-01', true, false)",
                      "DELETE FROM score_correction"):
        result = _dmaf("sql", statement, "--db", warehouse)
        assert result.exit_code != 0 and "read-only" in result.stderr, result.output
    assert _sql(warehouse, "SELECT COUNT(*) AS n FROM score_correction") == "n\n0"


def test_correct_without_a_warehouse_says_how_to_make_one(tmp_path) -> None:
    """No warehouse file: exit 2 and the ingest command to run, no file created."""
    url = sqlite_url(tmp_path / "none.db")
    result = _dmaf("correct", "--undo", 1, "--db", url)
    assert result.exit_code == 2 and "dmaf ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_correct_on_an_older_schema_says_to_upgrade_first(tmp_path) -> None:
    """A warehouse at revision 0007 has no corrections table: exit 2 naming `dmaf db upgrade`, and no
    migration is run behind the user's back."""
    from warehouse.db import current_revision, head_revision

    url = sqlite_url(tmp_path / "old.db")
    upgrade(url, "0007")
    result = _dmaf("correct", "--city", "Imphal", "--cycle", 2, "--indicator", "2.a", "--score", 1, "--reason", "r",
                   "--db", url)
    assert result.exit_code == 2, result.output
    assert f"has schema revision 0007, this dmaf needs {head_revision()}: run `dmaf db upgrade`" in result.stderr
    engine = make_engine(url)
    assert current_revision(engine) == "0007"
    engine.dispose()
