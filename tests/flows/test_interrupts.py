"""Killed and terminated runs: no process of the run survives it, and SIGTERM/SIGINT stop a run cleanly.

Real ``dmaf ingest`` / ``dmaf refresh`` processes are signalled mid-run (once files are being loaded, so the
parse workers and their forkserver exist); every process that descended from the command is recorded
while it runs (from ``/proc``) and looked up by PID afterwards. Only the command's own PID is signalled,
never its process group: the children must die because they are tied to it, not because they were hit.
One run uses the temporary Prefect server the command starts itself (the process that outlived
``kill -9`` before); the others use the session's test server, to keep the suite fast.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.hostile.files import write_slow_txt
from tests.loaders.city_reports import smart_cities, write_city_reports
from warehouse.settings import sqlite_url

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; Linux only")

N_REPORTS = 100
STARTED_LINES = 4
"""The run is signalled once this many files were reported (parsing and loading are under way)."""
SENTINEL = "zz last and slow.txt"
"""Sorted after every report: a report-shaped file that takes ~20 s of CPU to parse, so that no run can end
between the state the test waits for (STARTED_LINES reported) and its signal, however fast the machine."""


def _dmaf() -> list[str]:
    """Return the command of this interpreter's ``dmaf`` console script."""
    script = Path(sys.executable).with_name("dmaf")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dmaf"]


def _children() -> dict[int, list[int]]:
    """Return {parent PID: child PIDs} of every process now."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _descendants(pid: int) -> set[int]:
    """Return the PIDs of every process below ``pid``."""
    tree, found, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """Return True when ``pid`` is a process that is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _command_line(pid: int) -> str:
    """Return a process's whole command line."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "?"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of distinct reports, enough that a run with batches of one file lasts many seconds."""
    root = tmp_path_factory.mktemp("reports")
    write_city_reports(root, smart_cities(N_REPORTS))
    write_slow_txt(root / SENTINEL)
    return root


def _signal_mid_run(args: list[str], env: dict[str, str], sig: int, log: Path) -> tuple[int, dict[int, str], str]:
    """Run ``dmaf ARGS``, send ``sig`` to its PID once ``STARTED_LINES`` files were reported, and return its exit
    status, every process that descended from it ({PID: command line}), and its output."""
    with log.open("w") as out:
        proc = subprocess.Popen([*_dmaf(), *args], stdout=out, stderr=subprocess.STDOUT, env=env, text=True)
    seen: dict[int, str] = {}
    deadline = time.monotonic() + 300

    def look() -> None:
        for pid in _descendants(proc.pid) - set(seen):
            seen[pid] = _command_line(pid)

    try:
        while log.read_text().count("] loaded: ") < STARTED_LINES:
            assert proc.poll() is None, f"the run ended before it could be signalled:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"the run never got going:\n{log.read_text()}"
            look()
            time.sleep(0.05)
        look()
        proc.send_signal(sig)
        status = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    return status, seen, log.read_text()


def _survivors(pids: dict[int, str], within_s: float = 15) -> dict[int, str]:
    """Return the processes among ``pids`` still alive after up to ``within_s`` seconds."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.2)
    left = {p: pids[p] for p in pids if _alive(p)}
    for pid in left:  # leave nothing behind for the next test, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    return left


def _committed(db: Path) -> tuple[int, list[tuple]]:
    """Return (source files recorded, ingest_runs rows as (loaded, outcome))."""
    engine = create_engine(sqlite_url(db))
    try:
        with engine.connect() as conn:
            files = conn.execute(text("SELECT count(*) FROM source_file")).scalar_one()
            runs = [tuple(r) for r in conn.execute(text("SELECT loaded, outcome FROM ingest_runs ORDER BY run_id"))]
    finally:
        engine.dispose()
    return files, runs


def _status(db: Path, name: str) -> str:
    """Return the recorded status of the file called ``name``."""
    engine = create_engine(sqlite_url(db))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT status FROM source_file WHERE path LIKE :p"),
                                {"p": f"%/{name}"}).scalar_one()
    finally:
        engine.dispose()


def _server_env(cli_env: dict[str, str]) -> dict[str, str]:
    """The test environment with no Prefect API URL: the command starts its own temporary server."""
    env = dict(cli_env)
    env.pop("PREFECT_API_URL", None)
    return env


def test_kill_9_of_an_ingest_leaves_no_process_behind_not_even_its_temporary_prefect_server(
        reports: Path, cli_env: dict[str, str], tmp_path: Path) -> None:
    """SIGKILL of the command alone: its temporary Prefect server, the forkserver and the parse workers die too."""
    db = tmp_path / "dmaf.db"
    status, seen, output = _signal_mid_run(
        ["ingest", str(reports), "--db", str(db), "--workers", "2", "--batch-size", "1"], _server_env(cli_env),
        signal.SIGKILL, tmp_path / "log.txt")
    assert status == -signal.SIGKILL
    commands = list(seen.values())
    assert any("uvicorn" in c and "prefect.server" in c for c in commands), commands  # its temporary server
    assert sum("multiprocessing.forkserver" in c for c in commands) >= 2, commands  # forkserver and workers
    assert _survivors(seen) == {}, output


@pytest.mark.parametrize(("command", "sig", "status"), [
    ("ingest", signal.SIGTERM, 143), ("refresh", signal.SIGTERM, 143), ("ingest", signal.SIGINT, 130)])
def test_a_terminated_run_stops_cleanly_summarises_what_it_committed_and_leaves_no_process(
        reports: Path, cli_env: dict[str, str], tmp_path: Path, command: str, sig: int, status: int) -> None:
    """SIGTERM/SIGINT: exit 143/130, the summary of what was committed, the run recorded as interrupted,
    no process left; after SIGTERM, the same command run again loads the rest."""
    db = tmp_path / "dmaf.db"
    args = [command, str(reports), "--db", str(db), "--workers", "2", "--batch-size", "1"]
    got, seen, output = _signal_mid_run(args, cli_env, sig, tmp_path / "log.txt")
    assert got == status, output
    assert _survivors(seen) == {}, output
    assert f"interrupted by {signal.Signals(sig).name}" in output
    files, runs = _committed(db)
    assert 0 < files < N_REPORTS
    assert output.count("] loaded: ") == files  # every committed report was reported, and no other
    assert runs == [(files, "interrupted")]
    assert re.search(rf"loaded\s+│\s+{files}\s+│", output), output  # the summary counts them
    if sig == signal.SIGINT:
        return  # the same stop as SIGTERM's from here on: the reruns below cover it
    rerun = subprocess.run([*_dmaf(), *args[:-1], "50", "--timeout", "2"], capture_output=True, text=True,
                           env=cli_env, timeout=600, check=False)  # the same command, in batches of 50
    assert rerun.returncode == 1, rerun.stderr  # every report loads; the sentinel fails, stopped at 2 s
    assert _committed(db)[0] == N_REPORTS + 1
    assert _status(db, SENTINEL) == "failed"


def test_kill_9_of_a_refresh_leaves_no_parse_worker_behind(
        reports: Path, cli_env: dict[str, str], tmp_path: Path) -> None:
    """SIGKILL of a refresh mid-run: the forkserver and every parse worker die with it."""
    db = tmp_path / "dmaf.db"
    status, seen, output = _signal_mid_run(
        ["refresh", str(reports), "--db", str(db), "--workers", "2", "--batch-size", "1"], cli_env,
        signal.SIGKILL, tmp_path / "log.txt")
    assert status == -signal.SIGKILL
    assert sum("multiprocessing.forkserver" in c for c in seen.values()) >= 2, seen  # forkserver and workers
    assert _survivors(seen) == {}, output


def test_a_signal_during_a_deferred_block_waits_for_its_end_and_a_lost_raise_is_raised_again() -> None:
    """In ``deferred()`` (a batch being loaded) SIGTERM only asks to stop, and ``Interrupted`` comes at the end of
    the block; a raise Python swallowed (inside a garbage-collector callback) is raised by the next ``check()``."""
    from flows import interrupts

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(interrupts.Interrupted, match="SIGTERM"), interrupts.interruptible():
        with interrupts.deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            assert interrupts.requested() == "SIGTERM"  # still here: the block runs to its end
        pytest.fail("the end of the deferred block should have raised")
    assert signal.getsignal(signal.SIGTERM) is before  # the handler in place before is back
    with interrupts.interruptible():
        interrupts._STATE.requested = "SIGINT"  # as if the handler's raise had been swallowed
        with pytest.raises(interrupts.Interrupted, match="SIGINT"):
            interrupts.check()
    assert interrupts.requested() is None
