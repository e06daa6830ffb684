"""The ingest flow under Prefect's test harness, on both warehouse backends."""

from __future__ import annotations

import shutil

from prefect.artifacts import Artifact
from pydantic import SecretStr
from sqlalchemy import text

from flows.ingest import chunks, ingest_reports, parse_batch
from pipeline.document import ParseOptions
from tests.conftest import RAW_REPORTS, SEED_TXT
from tests.seed_like import write_seed_like


def test_the_flow_loads_all_three_renderings_and_records_a_bad_file(prefect_harness, db_url, db_engine, tmp_path, truth):
    folder = tmp_path / "reports"
    shutil.copytree(RAW_REPORTS, folder)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 10)
    summary = ingest_reports([str(folder)], db_url=SecretStr(db_url), batch_size=2, workers=1)
    assert summary.counts() == {"loaded": 3, "failed": 1}
    assert "broken.pdf" in summary.failed[0].message
    with db_engine.connect() as conn:
        rows = conn.execute(text("select indicator_code, score, max_score from indicator_scores")).all()
        status = dict(conn.execute(text("select path, status from source_documents")).all())
    assert sorted(rows) == sorted((i["code"], i["score"], i["max_score"]) for i in truth["indicators"])
    assert status[str(folder / "broken.pdf")] == "failed"
    assert sum(1 for s in status.values() if s == "loaded") == 3


def test_the_flow_puts_every_distinct_score_on_its_own_indicator(prefect_harness, db_url, db_engine, tmp_path):
    """The real layout with 21 distinct, non-zero scores (tests/seed_like.py), as TXT, DOCX and PDF: whichever
    rendering is current, the warehouse holds each score on its own indicator."""
    written = write_seed_like(tmp_path / "reports")
    summary = ingest_reports([str(tmp_path / "reports")], db_url=SecretStr(db_url), batch_size=3, workers=1)
    assert summary.counts() == {"loaded": 3}
    with db_engine.connect() as conn:
        rows = conn.execute(text("select indicator_code, score, max_score from indicator_scores")).all()
    truth = written[0][1]
    assert sorted(rows) == sorted((i["code"], i["score"], i["max_score"]) for i in truth["indicators"])


def test_a_second_run_skips_what_is_already_loaded(prefect_harness, db_url, db_engine, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    shutil.copy(SEED_TXT, folder / "imphal.txt")
    assert ingest_reports([str(folder)], db_url=SecretStr(db_url), workers=0).counts() == {"loaded": 1}
    assert ingest_reports([str(folder)], db_url=SecretStr(db_url), workers=0).counts() == {"skipped": 1}


def test_parse_batch_logic_runs_without_prefect_via_fn():
    outcomes = parse_batch.fn([str(SEED_TXT), "/nonexistent.pdf"], ParseOptions(), 0)
    assert outcomes[0].report.city == "Imphal"
    assert outcomes[1].failure.reason == "unreadable"


def test_chunks_split_into_batches_of_the_given_size():
    assert chunks(["a", "b", "c"], 2) == [["a", "b"], ["c"]]


def test_each_ingest_is_recorded_in_ingest_run_and_published_as_an_artifact(prefect_harness, db_url, db_engine, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    shutil.copy(SEED_TXT, folder / "imphal.txt")
    (folder / "empty.pdf").write_bytes(b"")
    first = ingest_reports([str(folder)], db_url=SecretStr(db_url), workers=0)
    second = ingest_reports([str(folder), str(SEED_TXT)], db_url=SecretStr(db_url), workers=0)
    assert second.counts() == {"skipped": 1, "failed": 1, "duplicate": 1}
    with db_engine.connect() as conn:
        runs = conn.execute(text("select id, folder, n_loaded, n_skipped, n_failed, n_duplicate from ingest_run "
                                 "where finished_at is not null and duration_s >= 0 order by id")).all()
    assert [tuple(r) for r in runs] == [(first.run_id, str(folder), 1, 0, 1, 0),
                                        (second.run_id, f"{folder}:{SEED_TXT}", 0, 1, 1, 1)]
    with db_engine.connect() as conn:
        view = conn.execute(text("select run_id, files, failed, outcome from ingest_runs order by run_id")).all()
    assert [tuple(r) for r in view] == [(first.run_id, 2, 1, "finished with failures"),
                                        (second.run_id, 3, 1, "finished with failures")]
    artifact = Artifact.get("ingest-summary")
    assert f"ingest_run id {second.run_id}" in artifact.data and "empty.pdf" in artifact.data
