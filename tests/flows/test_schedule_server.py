"""The nightly schedule on a REAL Prefect server: `dmaf serve`, a triggered run, and prefect.yaml.

A standalone ``prefect server start`` runs on a free port of 127.0.0.1 with a temporary PREFECT_HOME;
``dmaf refresh``, ``dmaf serve``, ``prefect deployment run`` and ``prefect deploy`` run as subprocesses
pointed at it with PREFECT_API_URL. Every process started here is stopped, by its own process group,
whatever happens.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prefect.client.orchestration import get_client
from prefect.exceptions import ObjectNotFound
from prefect.settings import PREFECT_API_URL, temporary_settings
from sqlalchemy import create_engine, text

from tests.conftest import BIN, REPO
from tests.flows.conftest import write_report

pytestmark = pytest.mark.slow
DEPLOYMENT = "refresh-reports/nightly-refresh"
START_TIMEOUT_S = 240.0  # ~12 s on an idle 2-core machine; far more when the machine is shared
RUN_TIMEOUT_S = 300.0


def _free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen, grace_s: float = 30.0) -> None:
    """Stop a process started in its own session, and its children: SIGTERM, then SIGKILL after ``grace_s``."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace_s)
    except ProcessLookupError:
        pass


def _start(args: list[str], env: dict[str, str], log: Path, cwd: Path | None = None) -> subprocess.Popen:
    """Start a long-running command in its own process group, its output going to ``log``."""
    with log.open("wb") as out:
        return subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=cwd,
                                start_new_session=True)


def _base_env(home: Path) -> dict[str, str]:
    """Return this environment without any Prefect server setting, with a private PREFECT_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API") and k != "PREFECT_PROFILE"}
    return env | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Yield the API URL of a standalone Prefect server started for this module."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    server = _start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                    _base_env(home), home / "server.log")
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Prefect server did not start: {(home / 'server.log').read_text()[-3000:]}")
            time.sleep(0.5)
        yield api
    finally:
        _stop(server)


@pytest.fixture
def client_env(prefect_server: str, tmp_path: Path) -> dict[str, str]:
    """Return the environment of a client process that talks to the test server."""
    return _base_env(tmp_path / "client-home") | {"PREFECT_API_URL": prefect_server}


def _run(args: list[str], env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a short command to its end and return its output."""
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                          check=False)


def _wait_for_deployment(api: str, watched: subprocess.Popen, log: Path):
    """Return the deployment once the served process has registered it."""
    deadline = time.monotonic() + START_TIMEOUT_S
    with temporary_settings(updates={PREFECT_API_URL: api}), get_client(sync_client=True) as client:
        while True:
            try:
                return client.read_deployment_by_name(DEPLOYMENT)
            except ObjectNotFound:
                pass
            if watched.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{DEPLOYMENT} was not registered: {log.read_text()[-3000:]}")
            time.sleep(0.5)


def _wait_for_run(api: str, run_id: str, watched: subprocess.Popen, log: Path):
    """Return the flow run once it has reached a final state."""
    deadline = time.monotonic() + RUN_TIMEOUT_S
    with temporary_settings(updates={PREFECT_API_URL: api}), get_client(sync_client=True) as client:
        while True:
            run = client.read_flow_run(run_id)
            if run.state is not None and run.state.is_final():
                return run
            if watched.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"run {run_id} did not finish ({run.state}): {log.read_text()[-3000:]}")
            time.sleep(0.5)


def _last_run(db: Path) -> tuple:
    """Return (n_loaded, n_skipped, n_failed, finished) of the newest ingest_run row."""
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            row = conn.execute(text("select n_loaded, n_skipped, n_failed, finished_at from ingest_run "
                                    "order by id desc limit 1")).one()
    finally:
        engine.dispose()
    return (*row[:3], row[3] is not None)


def test_dmaf_serve_schedules_nightly_refresh_and_a_triggered_run_loads_only_the_new_file(
        prefect_server, client_env, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "imphal")
    write_report(folder, "pune")
    db = tmp_path / "warehouse.db"
    by_hand = _run([str(BIN / "dmaf"), "refresh", str(folder), "--db", str(db), "--workers", "0"], client_env)
    assert by_hand.returncode == 0, by_hand.stderr
    assert _last_run(db) == (2, 0, 0, True)

    log = tmp_path / "serve.log"
    serve = _start([str(BIN / "dmaf"), "serve", "--cron", "0 2 * * *", "--timezone", "Asia/Kolkata", "--folder",
                    str(folder), "--db", str(db), "--workers", "0"],
                   client_env | {"PREFECT_RUNNER_POLL_FREQUENCY": "1"}, log)
    try:
        deployment = _wait_for_deployment(prefect_server, serve, log)
        [schedule] = deployment.schedules
        assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == (
            "0 2 * * *", "Asia/Kolkata", True)
        assert deployment.parameters == {"folder": str(folder), "workers": 0}
        assert "db_url" not in deployment.parameters  # the warehouse URL never reaches the server

        write_report(folder, "surat")
        started = _run([str(BIN / "prefect"), "deployment", "run", DEPLOYMENT], client_env)
        assert started.returncode == 0, started.stderr
        run_id = re.search(r"UUID: ([0-9a-f-]{36})", started.stdout).group(1)
        run = _wait_for_run(prefect_server, run_id, serve, log)
        assert run.state.is_completed(), f"{run.state}: {log.read_text()[-3000:]}"
    finally:
        _stop(serve)
    assert _last_run(db) == (1, 2, 0, True)  # exactly the new file loaded, the two others skipped unread
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            cities = conn.execute(text("select city from city_scores order by city")).scalars().all()
    finally:
        engine.dispose()
    assert cities == ["Imphal", "Pune", "Surat"]


def test_prefect_yaml_deploys_the_same_schedule_to_a_work_pool(prefect_server, client_env, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    pool = _run([str(BIN / "prefect"), "work-pool", "create", "dmaf-reports", "--type", "process"], client_env)
    assert pool.returncode == 0, pool.stdout + pool.stderr
    deploy = _run([str(BIN / "prefect"), "--no-prompt", "deploy", "--name", "nightly-refresh"],
                  client_env | {"DMAF_REPORTS_DIR": str(folder), "PWD": str(REPO)}, cwd=REPO)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    with temporary_settings(updates={PREFECT_API_URL: prefect_server}), get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name(DEPLOYMENT)
    [schedule] = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 2 * * *", "Asia/Kolkata")
    assert deployment.work_pool_name == "dmaf-reports"
    assert deployment.entrypoint == "flows/refresh.py:refresh_reports"
    assert deployment.parameters == {"folder": str(folder)}
    assert deployment.pull_steps == [
        {"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}]
