"""Specification of reference loading and run bookkeeping."""

from __future__ import annotations

from sqlalchemy import Engine

from core.records import LoadResult
from loaders.load import load_document
from loaders.reference import load_reference
from loaders.runs import finish_run, record_scan, start_run
from tests.loaders.support import imphal_report, source_info, table_counts, view_rows


def test_reference_load_fills_the_dimensions_and_is_idempotent(db_engine: Engine) -> None:
    """Cycles, pillars, the catalog and the 100 cities; loading twice changes nothing."""
    counts = load_reference(db_engine)
    assert counts == {"cycle": 3, "pillar": 5, "indicator": 21, "city": 100}
    first = table_counts(db_engine)
    load_reference(db_engine)
    assert table_counts(db_engine) == first
    with db_engine.connect() as conn:
        label, years = conn.exec_driver_sql("SELECT label, years FROM cycle WHERE cycle_no = 1").one()
        assert (label, years) == ("Cycle 1.0", "2019")
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM city WHERE known").scalar() == 100


def test_reports_load_into_reference_dimensions_without_new_rows(db_engine: Engine) -> None:
    """After the reference, loading Imphal adds no city, pillar or indicator."""
    load_reference(db_engine)
    before = table_counts(db_engine)
    report = imphal_report()
    load_document(db_engine, source=source_info("/r/i.txt", report), report=report, error=None,
                  parser_version="t")
    after = table_counts(db_engine)
    assert {k: after[k] for k in ("city", "pillar", "indicator", "cycle")} == {
        k: before[k] for k in ("city", "pillar", "indicator", "cycle")}


def test_ingest_runs_record_counts_per_status(db_engine: Engine) -> None:
    """A run row has its folder, parser and counts."""
    run_id = start_run(db_engine, folder="/r", parser_version="t")
    outcomes = [LoadResult("/r/a", "loaded", ""), LoadResult("/r/b", "skipped", ""),
                LoadResult("/r/c", "failed", ""), LoadResult("/r/d", "duplicate", ""),
                LoadResult("/r/e", "loaded", "")]
    assert finish_run(db_engine, run_id, outcomes) == {"loaded": 2, "skipped": 1, "failed": 1, "duplicate": 1}
    with db_engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT folder, parser_version, n_loaded, n_skipped, n_failed, n_duplicate, duration_s,"
            " finished_at FROM ingest_run").one()
    assert row[:6] == ("/r", "t", 2, 1, 1, 1)
    assert row[6] >= 0 and row[7] is not None


def test_record_scan_marks_files_that_disappeared_as_missing_but_keeps_their_data(db_engine: Engine) -> None:
    """Known paths under the folder that were not found are flagged missing; data stays."""
    for name, city in (("a.txt", "Imphal"), ("b.txt", "Pune")):
        report = imphal_report(city=city, state=None)
        load_document(db_engine, source=source_info(f"/r/{name}", report), report=report, error=None,
                      parser_version="t")
    assert record_scan(db_engine, present=["/r/a.txt"], folder="/r") == 1
    with db_engine.connect() as conn:
        missing = dict(conn.exec_driver_sql("SELECT path, missing FROM source_file").all())
    assert {k: bool(v) for k, v in missing.items()} == {"/r/a.txt": False, "/r/b.txt": True}
    assert len(view_rows(db_engine, "city_scores")) == 2
    assert record_scan(db_engine, present=["/r/a.txt", "/r/b.txt"], folder="/r") == 0
