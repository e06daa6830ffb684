"""Specification of run records: ``ingest_run`` rows and the ``ingest_runs`` view, on both backends."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from loaders.runs import finish_run, start_run


@dataclass(frozen=True)
class Outcome:
    status: str


def _view(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT run_id, folder, parser_version, loaded, skipped, failed, duplicate, files, outcome, "
            "finished_at IS NOT NULL, duration_s >= 0 FROM ingest_runs ORDER BY run_id"))]


def test_ingest_runs_shows_each_run_with_its_counts_and_outcome(db_engine: Engine) -> None:
    clean = start_run(db_engine, folder="/r/a", parser_version="2")
    finish_run(db_engine, clean, [Outcome("loaded"), Outcome("unchanged"), Outcome("skipped")])
    bad = start_run(db_engine, folder="/r/b", parser_version="2")
    finish_run(db_engine, bad, [Outcome("loaded"), Outcome("failed"), Outcome("duplicate")])
    killed = start_run(db_engine, folder="/r/c", parser_version="2")  # never finished: the process died
    rows = _view(db_engine)
    assert [r[:9] for r in rows] == [
        (clean, "/r/a", "2", 1, 2, 0, 0, 3, "finished"),
        (bad, "/r/b", "2", 1, 0, 1, 1, 3, "finished with failures"),
        (killed, "/r/c", "2", 0, 0, 0, 0, 0, "unfinished"),
    ]
    assert [bool(r[9]) for r in rows] == [True, True, False]
    assert [r[10] for r in rows[:2]] in ([True, True], [1, 1])
