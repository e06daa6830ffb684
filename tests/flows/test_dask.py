"""Scale-out: the ingest flow's parse batches on an existing Dask cluster (a LocalCluster of two processes)."""

from __future__ import annotations

import shutil

import pytest
from pydantic import SecretStr
from sqlalchemy import text
from typer.testing import CliRunner

from dmaf.cli import app
from flows.ingest import ingest_reports
from flows.runners import dask_worker_count, task_runner
from tests.conftest import RAW_REPORTS
from warehouse.settings import sqlite_url


@pytest.fixture(scope="module")
def dask_address():
    """The scheduler address of a two-worker, one-thread-each Dask cluster of real processes."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def db_url(tmp_path):
    """SQLite only here: the Dask path changes where parsing runs, not how loads reach either backend
    (the loads run in the flow's process exactly as without Dask, and are tested on both backends elsewhere)."""
    return sqlite_url(tmp_path / "dmaf.db")


@pytest.fixture
def reports(tmp_path):
    """The real Imphal report as TXT, DOCX and PDF in a fresh folder."""
    folder = tmp_path / "reports"
    shutil.copytree(RAW_REPORTS, folder)
    return folder


def test_no_address_means_prefects_default_runner():
    assert task_runner(None) is None
    assert task_runner("") is None


def test_an_address_without_a_scheme_is_refused_with_an_example():
    with pytest.raises(ValueError, match="tcp://host:8786"):
        task_runner("localhost:8786")


def test_the_worker_count_is_the_clusters(dask_address):
    assert dask_worker_count(dask_address) == 2


def test_the_flow_parses_on_dask_workers_and_loads_every_report(prefect_harness, dask_address, db_url, db_engine,
                                                                reports, truth):
    flow = ingest_reports.with_options(task_runner=task_runner(dask_address))
    summary = flow([str(reports)], db_url=SecretStr(db_url), batch_size=1, workers=0,
                   parallel_batches=dask_worker_count(dask_address))
    assert summary.counts() == {"loaded": 3}
    with db_engine.connect() as conn:
        status = conn.execute(text("select status, count(*) from source_documents group by status")).all()
        rows = conn.execute(text("select indicator_code, score, max_score from indicator_scores")).all()
    assert status == [("loaded", 3)]
    assert sorted(rows) == sorted((i["code"], i["score"], i["max_score"]) for i in truth["indicators"])


def test_dmaf_ingest_takes_the_dask_address_from_the_environment(prefect_harness, dask_address, db_url, reports,
                                                                 monkeypatch):
    monkeypatch.setenv("DMAF_DASK_ADDRESS", dask_address)
    result = CliRunner().invoke(app, ["ingest", str(reports), "--db", db_url, "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert "Dask cluster" in result.output and "2 worker(s)" in result.output


def test_dmaf_ingest_refuses_parse_processes_inside_dask_workers(dask_address, reports):
    result = CliRunner().invoke(app, ["ingest", str(reports), "--dask-address", dask_address, "--workers", "2"])
    assert result.exit_code == 2
    assert "--workers" in result.output
