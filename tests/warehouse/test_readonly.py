"""Specification of ``dmaf sql``'s read-only queries: answers, refusals, time limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from core.errors import QueryError, QueryTimeout, ReadOnlyViolation, WarehouseMissing
from loaders.load import load_document
from tests.loaders.support import (
    VIEW_NAMES,
    imphal_report,
    source_info,
    table_counts,
    view_checksum,
)
from warehouse.db import readonly_engine, run_readonly_query

RUNAWAY = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"


@pytest.fixture
def loaded(db_engine: Engine) -> Engine:
    """Return a warehouse holding the Imphal report."""
    report = imphal_report()
    load_document(db_engine, source=source_info("/r/imphal.txt", report), report=report, error=None,
                  parser_version="t")
    return db_engine


def test_a_select_returns_columns_and_rows(loaded: Engine, db_url: str) -> None:
    """A query on the views answers with column names and tuples."""
    columns, rows = run_readonly_query(db_url, "SELECT city, score, max_score FROM city_scores")
    assert columns == ["city", "score", "max_score"]
    assert rows == [("Imphal", 10.0, 500.0)]
    _, rows = run_readonly_query(db_url, "SELECT COUNT(*) FROM indicator_scores WHERE indicator_code LIKE '2.%'")
    assert rows == [(5,)]


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        ("drop table indicator_score", "DROP"),
        ("DELETE FROM source_file", "DELETE"),
        ("update city set name = 'X'", "UPDATE"),
        ("insert into cycle (cycle_no) values (9)", "INSERT"),
        ("create table t (x int)", "CREATE"),
        ("-- harmless?\n  drop view city_scores", "DROP"),
    ],
)
def test_writes_are_refused_with_a_clear_error_and_the_data_is_intact(
    loaded: Engine, db_url: str, sql: str, kind: str
) -> None:
    """Every write fails with ReadOnlyViolation; counts and views are unchanged."""
    counts = table_counts(loaded)
    checksums = {v: view_checksum(loaded, v) for v in VIEW_NAMES}
    with pytest.raises(ReadOnlyViolation) as caught:
        run_readonly_query(db_url, sql)
    assert str(caught.value) == f"dmaf sql is read-only: {kind} statements are refused; the data is unchanged"
    assert table_counts(loaded) == counts
    assert {v: view_checksum(loaded, v) for v in VIEW_NAMES} == checksums


def test_a_smuggled_second_statement_is_refused(loaded: Engine, db_url: str) -> None:
    """Only one statement runs: "SELECT 1; DROP TABLE ..." is refused as a whole."""
    counts = table_counts(loaded)
    with pytest.raises((QueryError, ReadOnlyViolation)):
        run_readonly_query(db_url, "SELECT 1; DROP TABLE indicator_score")
    with pytest.raises((QueryError, ReadOnlyViolation)):
        run_readonly_query(db_url, "COMMIT; SET default_transaction_read_only = off; DROP TABLE city")
    assert table_counts(loaded) == counts


def test_a_runaway_query_is_stopped_at_the_time_limit(loaded: Engine, db_url: str) -> None:
    """An endless recursive query ends with QueryTimeout after the limit."""
    with pytest.raises(QueryTimeout, match=r"0\.3 s time limit"):
        run_readonly_query(db_url, RUNAWAY, timeout_s=0.3)


def test_a_bad_query_is_a_query_error_naming_the_problem(loaded: Engine, db_url: str) -> None:
    """Unknown tables and syntax errors are reported, not raised as driver errors."""
    with pytest.raises(QueryError, match="no_such_view"):
        run_readonly_query(db_url, "SELECT * FROM no_such_view")
    with pytest.raises(QueryError, match="empty query"):
        run_readonly_query(db_url, "  ;  ")


def test_the_readonly_engine_itself_cannot_write(loaded: Engine, db_url: str) -> None:
    """An engine from readonly_engine refuses writes through SQLAlchemy too."""
    engine = readonly_engine(db_url, timeout_s=5)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM indicator_scores").scalar() == 21
            with pytest.raises(Exception, match=r"(?i)read-only|readonly|not authorized"):
                conn.exec_driver_sql("DELETE FROM indicator_score")
    finally:
        engine.dispose()
    assert table_counts(loaded)["indicator_score"] == 21


def test_querying_a_sqlite_warehouse_that_does_not_exist_says_so(tmp_path: Path) -> None:
    """No file is created by a read-only query."""
    with pytest.raises(WarehouseMissing, match="no warehouse at"):
        run_readonly_query(f"sqlite:///{tmp_path}/none.db", "SELECT 1")
    assert not (tmp_path / "none.db").exists()
