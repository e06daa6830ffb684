"""Specification of concurrent loading: two processes loading the same documents leave one set of rows, their
loads of one city leave its derived rows true, and corrections made while a report is loaded are all kept."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from loaders.load import load_document
from loaders.recommendations import refresh_recommendation_changes
from tests.loaders.concurrent_worker import (
    CITIES,
    COPY_OF_FIRST,
    city_report,
    jobs,
    load_many,
    load_or_correct,
    load_versions,
    pune_version,
)
from tests.loaders.support import source_info, table_counts, view_rows
from warehouse.db import make_engine, upgrade, write_transaction
from warehouse.settings import sqlite_url

COMPARED_VIEWS = ("indicator_scores", "pillar_scores", "city_scores", "score_provenance", "parse_warnings")
NOT_COMPARED = ("source_file", "loaded_at")  # which of two identical files wins is up to the race


def _sequential_reference(tmp_path: Path) -> Engine:
    """Load every document once, in order, into a fresh SQLite warehouse."""
    engine = make_engine(sqlite_url(tmp_path / "reference.db"))
    upgrade(engine)
    for path, city in jobs(reverse=False, rounds=1):
        report = city_report(city)
        load_document(engine, source=source_info(path, report), report=report, error=None, parser_version="t")
    return engine


def _in_two_processes(target: Callable[..., None], url: str, work: list[Any]) -> list[Any]:
    """Run ``target(url, work[i], barrier, results)`` in two spawned processes started together; return what
    each put on ``results``, failing on a traceback."""
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=target, args=(url, part, barrier, results)) for part in work]
    for worker in workers:
        worker.start()
    answers = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    errors = [a for a in answers if isinstance(a, str)]
    assert not errors, errors[0] if errors else ""
    return answers


def test_two_processes_loading_overlapping_documents_leave_exactly_one_set_of_rows(
    db_engine: Engine, db_url: str, tmp_path: Path
) -> None:
    """Both processes load all documents (in opposite orders, twice): each is loaded exactly once."""
    answers = _in_two_processes(load_many, db_url, [jobs(reverse=reverse, rounds=2) for reverse in (False, True)])
    statuses = Counter(status for answer in answers for _, status in answer)
    assert statuses == {"loaded": len(CITIES), "duplicate": 1, "skipped": 4 * (len(CITIES) + 1) - len(CITIES) - 1}

    reference = _sequential_reference(tmp_path)
    try:
        assert table_counts(db_engine) == table_counts(reference)
        for view in COMPARED_VIEWS:
            assert view_rows(db_engine, view, exclude=NOT_COMPARED) == view_rows(
                reference, view, exclude=NOT_COMPARED), view
    finally:
        reference.dispose()
    documents = {r[0]: (r[3], r[4]) for r in view_rows(db_engine, "source_documents")}
    pair = {documents[f"/r/{CITIES[0]}.txt"], documents[COPY_OF_FIRST]}
    assert pair in (
        {("loaded", None), ("skipped", f"duplicate of {COPY_OF_FIRST}")},
        {("loaded", None), ("skipped", f"duplicate of /r/{CITIES[0]}.txt")},
    )


def test_concurrent_loads_of_one_city_keep_its_recommendation_changes_true(db_engine: Engine, db_url: str) -> None:
    """Two processes load new versions of Pune's cycles 1-3 at once: the derived ``recommendation_change`` rows
    at the end are what the final current versions give (each load rewrote them under the city's lock)."""
    answers = _in_two_processes(load_versions, db_url, [[f"{name}{n}" for n in range(3)] for name in ("a", "b")])
    assert Counter(status for answer in answers for _, status in answer) == {"loaded": 18}
    seen = view_rows(db_engine, "recommendation_changes")
    assert len(seen) == 2 * 21 and {r[6] for r in seen} <= {"same", "revised"}
    with write_transaction(db_engine) as conn:
        pune = conn.exec_driver_sql("SELECT id FROM city WHERE name = 'Pune'").scalar_one()
        refresh_recommendation_changes(conn, city_ids=[pune])
    assert view_rows(db_engine, "recommendation_changes") == seen


def test_corrections_made_while_new_versions_load_are_all_kept(db_engine: Engine, db_url: str) -> None:
    """One process loads six new versions of Pune's cycle 2 report while the other records six corrections of
    its 2.a: every version and every correction is stored, each correction on a version that was current when
    it was made, and the score shown is the current version's own correction or its parsed value."""
    first = pune_version(2, "start")
    load_document(db_engine, source=source_info(f"/r/{first.source}", first), report=first, error=None,
                  parser_version="t")
    loads = [("load", f"v{n}") for n in range(6)]
    corrections = [("correct", float(n + 1)) for n in range(6)]
    answers = _in_two_processes(load_or_correct, db_url, [loads, corrections])
    done = [what for answer in answers for what in answer]
    assert [status for kind, status in done if kind == "load"] == ["loaded"] * 6
    assert len({correction for kind, correction in done if kind == "correct"}) == 6
    with db_engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT sha256, score, active FROM score_correction ORDER BY id").all()
        versions = set(conn.exec_driver_sql("SELECT sha256 FROM report_version").scalars())
        current = conn.exec_driver_sql("SELECT sha256 FROM report_version WHERE is_current").scalar_one()
        shown = conn.exec_driver_sql("SELECT score, score_source FROM indicator_scores "
                                     "WHERE indicator_code = '2.a'").one()
    assert len(versions) == 7 and sorted(r.score for r in stored) == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert {r.sha256 for r in stored} <= versions
    assert len([r for r in stored if r.active]) == len({r.sha256 for r in stored})  # one active per version
    own = [r.score for r in stored if r.sha256 == current and r.active]
    assert tuple(shown) == ((own[0], "corrected") if own else (10.0, "parsed"))
