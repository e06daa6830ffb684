"""Specification of reprocessing: after a parser upgrade, facts are rebuilt from the stored files in place."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

import parsing
from core.errors import MissingMetadata
from flows.reprocess import reprocess, stored_versions
from loaders.batch import load_outcomes, prepare_warehouse
from loaders.load import load_document
from pipeline.document import parse_path
from pipeline.identity import source_of
from tests.loaders.city_reports import (
    incomplete_versions,
    smart_cities,
    snapshot,
    write_city_reports,
)
from tests.loaders.support import table_counts, view_rows


def _ingest(url: str, paths: list[Path], parser_version: str | None = None) -> list[str]:
    """Parse and load files as ``dmaf ingest`` does (without Prefect); return the statuses."""
    prepare_warehouse(url)
    outcomes = [parse_path(p) for p in paths]
    results = load_outcomes(url, outcomes, parser_version=parser_version or parsing.PARSER_VERSION)
    return [r.status for r in results]


def _versions(engine: Engine) -> list[tuple]:
    """Return ``(id, sha256, report_id, is_current, parser_version)`` of every version."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT id, sha256, report_id, is_current, parser_version FROM report_version ORDER BY id")]


@pytest.fixture
def reports(tmp_path: Path) -> list[Path]:
    """Three real reports (the Imphal seed for three other cities) and a byte-identical copy of the first."""
    paths = write_city_reports(tmp_path / "reports", smart_cities(3))
    copy = tmp_path / "reports" / "copies" / "first (copy).txt"
    copy.parent.mkdir()
    shutil.copy(paths[0], copy)
    return [*paths, copy]


def test_after_a_parser_upgrade_every_version_is_rebuilt_in_place_without_duplicates(
    db_engine: Engine, db_url: str, reports: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same counts, same views, same version ids; each version now carries the new parser version."""
    assert _ingest(db_url, reports) == ["loaded", "loaded", "loaded", "duplicate"]
    before, versions = snapshot(db_engine), _versions(db_engine)
    monkeypatch.setattr(parsing, "PARSER_VERSION", "upgraded")

    results = reprocess(db_url)

    assert [(r.path, r.status) for r in results] == [(str(p), "reprocessed") for p in reports[:3]]
    assert snapshot(db_engine) == before
    assert _versions(db_engine) == [v[:4] + ("upgraded",) for v in versions]
    assert incomplete_versions(db_engine) == []
    assert reprocess(db_url) == []  # nothing is stale any more
    assert len(reprocess(db_url, everything=True)) == 3  # --all rebuilds current versions too
    assert snapshot(db_engine) == before


def test_facts_from_an_older_parser_are_replaced_by_what_the_current_parser_reads(
    db_engine: Engine, db_url: str, reports: list[Path]
) -> None:
    """A version loaded by a parser that missed a score shows the score after reprocessing."""
    prepare_warehouse(db_url)
    good = parse_path(reports[1]).report
    buggy = dataclasses.replace(good, indicators=tuple(
        dataclasses.replace(i, score=None, score_status="missing", score_at=None, score_method=None)
        if i.code == "2.a" else i for i in good.indicators))
    outcome = load_document(db_engine, source=source_of(reports[1]), report=buggy, error=None,
                            parser_version="0-buggy")
    city = good.city
    assert view_rows(db_engine, "city_scores")[0][:4] == (city, good.state, 2, 1.0)  # 10 of 2.a missed
    counts = table_counts(db_engine)

    (result,) = reprocess(db_url)

    assert (result.status, result.path) == ("reprocessed", str(reports[1]))
    assert view_rows(db_engine, "city_scores")[0][:4] == (city, good.state, 2, 11.0)
    with db_engine.connect() as conn:
        score = conn.exec_driver_sql("SELECT score FROM indicator_scores WHERE indicator_code = '2.a'").scalar()
    assert score == 10.0
    assert counts["quality_issue"] == 1  # the missed score was flagged; the new parse has nothing to flag
    assert table_counts(db_engine) == counts | {"ingest_run": counts["ingest_run"] + 1, "quality_issue": 0}
    assert [v[0] for v in _versions(db_engine)] == [outcome.report_version_id]


def test_a_gone_or_changed_file_is_reported_and_its_version_keeps_its_facts(
    db_engine: Engine, db_url: str, reports: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No guessing: a deleted file is "missing", a file with other bytes is "changed"; nothing is rebuilt."""
    _ingest(db_url, reports[1:3])
    before, original = snapshot(db_engine), parsing.PARSER_VERSION
    reports[1].unlink()
    reports[2].write_text(reports[2].read_text(encoding="utf-8") + "\nEdited after loading.\n", encoding="utf-8")
    monkeypatch.setattr(parsing, "PARSER_VERSION", "upgraded")

    results = reprocess(db_url)

    assert [(r.path, r.status, r.is_current) for r in results] == [
        (str(reports[1]), "missing", True), (str(reports[2]), "changed", True)]
    assert results[0].message.startswith(f"{reports[1]}: the file is gone; version ")
    assert "now holds other bytes" in results[1].message
    assert snapshot(db_engine) == before
    assert {v[4] for v in _versions(db_engine)} == {original}


def test_a_recorded_copy_with_the_same_bytes_stands_in_for_a_gone_original(
    db_engine: Engine, db_url: str, reports: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The duplicate path holds the version's exact bytes (sha256 checked), so it is parsed instead."""
    _ingest(db_url, [reports[0], reports[3]])
    reports[0].unlink()
    monkeypatch.setattr(parsing, "PARSER_VERSION", "upgraded")
    (result,) = reprocess(db_url)
    assert (result.path, result.status) == (str(reports[3]), "reprocessed")
    assert [v[4] for v in _versions(db_engine)] == ["upgraded"]


def test_a_new_parse_that_fails_keeps_the_loaded_facts(
    db_engine: Engine, db_url: str, reports: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser regression on a stored file is reported as failed; the version is left as it was."""
    _ingest(db_url, reports[:1])
    before, original = snapshot(db_engine), parsing.PARSER_VERSION

    def regressed(data: bytes, *, name: str, options: object, on_scanned_page: object = None) -> None:
        raise MissingMetadata(name, "found 21 indicators but no city in the title block")

    monkeypatch.setattr("pipeline.document.read_bytes", regressed)
    monkeypatch.setattr(parsing, "PARSER_VERSION", "regressed")
    (result,) = reprocess(db_url)
    assert result.status == "failed"
    assert result.message == (f"{reports[0]}: the new parser could not read it ({reports[0]}: found 21 indicators "
                              "but no city in the title block); the loaded facts are kept")
    assert snapshot(db_engine) == before
    assert [v.parser_version for v in stored_versions(db_engine, parser_version="regressed")] == [original]
