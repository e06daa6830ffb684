"""Database tasks retry with back-off on transient errors only: never on a bad file or a bad setting."""

from __future__ import annotations

import socket
import sqlite3
import time

import pytest
from prefect.client.orchestration import get_client
from prefect.exceptions import ObjectNotFound
from prefect.states import Failed
from pydantic import SecretStr
from sqlalchemy.exc import OperationalError

from core.errors import CannotConnect, UnreadableFile
from flows.ingest import RETRY_DELAYS_S, load_batch, retry_if_transient
from pipeline.document import ParseOptions, parse_path
from tests.conftest import SEED_TXT
from warehouse.db import upgrade

# tasks called outside a flow cannot send their log lines to the API; that is expected here
pytestmark = pytest.mark.filterwarnings("ignore:Logger 'prefect.task_runs' attempted:UserWarning")


def _free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_count(state, timeout_s: float = 60.0) -> int:
    """Return how many times the task run of a final state ran, once the server has recorded that state.

    Task runs reach the server as events, recorded a little later: the run is read until its state is final.
    """
    deadline = time.monotonic() + timeout_s
    with get_client(sync_client=True) as client:
        while True:
            try:
                run = client.read_task_run(state.state_details.task_run_id)
                if run.state is not None and run.state.type == state.type:
                    return run.run_count
            except ObjectNotFound:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"the server did not record task run {state.state_details.task_run_id}")
            time.sleep(0.2)


def test_the_retry_condition_accepts_busy_or_lost_databases_and_nothing_else():
    locked = OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))
    assert retry_if_transient(None, None, Failed(data=locked)) is True
    assert retry_if_transient(None, None, Failed(data=UnreadableFile("/r/a.pdf", "cannot read"))) is False
    assert retry_if_transient(None, None, Failed(data=ValueError("a bug"))) is False
    assert RETRY_DELAYS_S == sorted(RETRY_DELAYS_S) and len(RETRY_DELAYS_S) == 3  # growing back-off


def test_the_retry_condition_sees_a_lost_connection_behind_cannot_connect():
    with pytest.raises(CannotConnect) as caught:
        upgrade(f"postgresql+psycopg://dmaf@127.0.0.1:{_free_port()}/nowhere")
    assert retry_if_transient(None, None, Failed(data=caught.value)) is True
    wrong_file = OperationalError("open", {}, sqlite3.OperationalError("unable to open database file"))
    assert retry_if_transient(None, None, Failed(data=wrong_file)) is False


def test_load_batch_retries_an_unreachable_database_then_fails(prefect_harness):
    url = SecretStr(f"postgresql+psycopg://dmaf@127.0.0.1:{_free_port()}/nowhere")
    quick = load_batch.with_options(retry_delay_seconds=0)
    state = quick([parse_path(SEED_TXT, ParseOptions())], url, return_state=True)
    assert state.is_failed()
    assert _run_count(state) == 1 + len(RETRY_DELAYS_S)


def test_load_batch_does_not_retry_a_setting_error(prefect_harness):
    quick = load_batch.with_options(retry_delay_seconds=0)
    state = quick([parse_path(SEED_TXT, ParseOptions())], SecretStr("mysql://u@127.0.0.1/x"), return_state=True)
    assert state.is_failed() and "unsupported database backend" in state.message + repr(state.data)
    assert _run_count(state) == 1


def test_a_bad_file_is_a_failed_row_not_a_failed_or_retried_task(prefect_harness, db_url, db_engine, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\0" * 10)
    state = load_batch([parse_path(bad, ParseOptions())], SecretStr(db_url), return_state=True)
    assert state.is_completed() and _run_count(state) == 1
    assert [r.status for r in state.result().results] == ["failed"] and state.result().fault is None
