"""Faults a real archive meets, through the command line: exit codes a script can rely on, a damaged or full
warehouse, files still being copied, a worse version, names that look like markup.

Exit statuses: 0 all loaded, 1 some file failed, 2 usage or configuration error, 3 warehouse error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from dmaf.cli import app
from tests.flows.conftest import write_report
from tests.warehouse.test_integrity import (  # noqa: F401
    corrupt,
    loaded_warehouse,
    remount,
    small_mount,
)
from warehouse.integrity import sqlite_problems
from warehouse.settings import sqlite_url

runner = CliRunner()


def _dmaf() -> list[str]:
    """Return the command of this interpreter's ``dmaf`` console script."""
    script = Path(sys.executable).with_name("dmaf")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dmaf"]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``dmaf ARGS`` as a real process (on the session's Prefect test server)."""
    return subprocess.run([*_dmaf(), *args], capture_output=True, text=True, env=env, timeout=600, check=False)


def _one_error_line(stderr: str) -> str:
    """Return the single ``error:`` line of a command's stderr, failing if there is a traceback or several."""
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, stderr
    return errors[0]


def _scalar(db: Path, sql: str):
    """Return one value from a SQLite warehouse."""
    engine = create_engine(sqlite_url(db))
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A loaded warehouse with a damaged page (each test works on a copy)."""
    db = loaded_warehouse(tmp_path_factory.mktemp("damaged"), n=8)
    corrupt(db)
    return db


def test_every_command_that_writes_refuses_a_damaged_warehouse_with_exit_3_and_one_line(
        damaged: Path, tmp_path: Path) -> None:
    """ingest, refresh, reprocess, db upgrade, db backup: exit 3, one line naming the file and the remedy, the
    warehouse unchanged and no backup written; db check lists the damage, exit 3."""
    db = tmp_path / "dmaf.db"
    shutil.copyfile(damaged, db)
    before = db.read_bytes()
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "kochi")
    for args in (["ingest", str(folder)], ["refresh", str(folder)], ["reprocess", "--workers", "0"],
                 ["db", "upgrade"], ["db", "backup", str(tmp_path / "backup.db")]):
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 3, (args, result.output)
        line = _one_error_line(result.stderr)
        assert f"the warehouse {db} is damaged" in line and "restore it from a backup" in line, line
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("backup.db*"))
    check = runner.invoke(app, ["db", "check", "--db", str(db)])
    assert check.exit_code == 3 and "is damaged; restore it from a backup" in check.stderr
    assert check.stdout.strip()  # integrity_check's own findings


def test_db_check_of_a_sound_warehouse_says_so(tmp_path: Path) -> None:
    """Exit 0 and "is sound"; no warehouse at all is exit 2."""
    db = loaded_warehouse(tmp_path / "w", n=2)
    sound = runner.invoke(app, ["db", "check", "--db", str(db)])
    assert sound.exit_code == 0 and "integrity_check: ok" in sound.stdout and "is sound" in sound.stdout
    missing = runner.invoke(app, ["db", "check", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no warehouse at" in missing.stderr


def test_a_text_file_given_as_the_warehouse_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """Before Prefect even starts: exit 3, "not a SQLite database"."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "kochi")
    for args in (["ingest", str(folder)], ["db", "backup", str(tmp_path / "b.db")]):
        result = runner.invoke(app, [*args, "--db", str(notes)])
        assert result.exit_code == 3, result.output
        assert "is not a SQLite database" in _one_error_line(result.stderr)


def test_exit_codes_0_1_2_3(cli_env: dict[str, str], tmp_path: Path) -> None:
    """0: every file loaded; 1: a file failed; 2: a path that does not exist; 3: a damaged warehouse."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "kochi")
    db = str(tmp_path / "dmaf.db")
    assert _run(["ingest", str(folder), "--db", db, "--workers", "0"], cli_env).returncode == 0
    (folder / "bad.docx").write_text("just text", encoding="utf-8")
    assert _run(["ingest", str(folder), "--db", db, "--workers", "0"], cli_env).returncode == 1
    assert _run(["ingest", str(tmp_path / "nowhere"), "--db", db], cli_env).returncode == 2
    corrupt(Path(db))
    assert _run(["ingest", str(folder), "--db", db, "--workers", "0"], cli_env).returncode == 3


def test_a_full_disk_is_exit_3_with_a_summary_and_a_rerun_after_freeing_space_loads_the_rest(
        cli_env: dict[str, str], small_mount: Path, tmp_path: Path) -> None:  # noqa: F811
    """A 1 MB filesystem: the reports that fit are committed whole and summarised, one error line, exit 3; once
    the filesystem is larger the same command loads the rest, exit 0."""
    from tests.loaders.city_reports import smart_cities, write_city_reports

    folder = tmp_path / "reports"
    write_city_reports(folder, smart_cities(60))
    db = small_mount / "dmaf.db"
    full = _run(["ingest", str(folder), "--db", str(db), "--workers", "0", "--batch-size", "10"], cli_env)
    assert full.returncode == 3, full.stdout + full.stderr
    line = _one_error_line(full.stderr)
    assert f"the warehouse sqlite:///{db} is full" in line and "free space and run again" in line
    committed = _scalar(db, "SELECT count(*) FROM source_file")
    assert 0 < committed < 60
    assert "ingest summary" in full.stdout and full.stdout.count("loaded") >= 1
    remount(small_mount, "size=64m")
    rerun = _run(["ingest", str(folder), "--db", str(db), "--workers", "0"], cli_env)
    assert rerun.returncode == 0, rerun.stderr
    assert _scalar(db, "SELECT count(*) FROM source_file") == 60
    assert sqlite_problems(db, full=True) == []


def test_a_half_copied_file_is_pending_and_loads_complete_once_it_is_quiet(
        cli_env: dict[str, str], tmp_path: Path) -> None:
    """The first 6,000 bytes of a report, just written: pending (nothing recorded, exit 0); the whole file,
    quiet for longer than the settle time: loaded with every indicator on the next refresh."""
    folder = tmp_path / "reports"
    folder.mkdir()
    whole = write_report(tmp_path, "imphal").read_bytes()
    copy = folder / "imphal.txt"
    copy.write_bytes(whole[:6000])
    db = tmp_path / "dmaf.db"
    settle = "300"  # far longer than the command takes to start on a loaded machine: the file is still "just written"
    first = _run(["refresh", str(folder), "--db", str(db), "--workers", "0", "--settle", settle], cli_env)
    assert first.returncode == 0, first.stderr
    assert "pending: " in first.stderr and f"within the settle time of {settle} s" in first.stderr
    assert _scalar(db, "SELECT count(*) FROM source_file") == 0
    copy.write_bytes(whole)
    quiet = time.time() - 3600
    os.utime(copy, (quiet, quiet))
    second = _run(["refresh", str(folder), "--db", str(db), "--workers", "0", "--settle", settle], cli_env)
    assert second.returncode == 0, second.stderr
    assert _scalar(db, "SELECT indicator_count FROM report_version WHERE is_current") == 21


def test_a_new_version_that_reads_less_stays_not_current_until_promoted(
        cli_env: dict[str, str], tmp_path: Path) -> None:
    """A truncated copy under a new path: loaded but held (exit 0, "NOT made current"), the complete version
    stays current and the held one is listed; ``dmaf versions promote`` makes it current."""
    folder = tmp_path / "reports"
    folder.mkdir()
    good = write_report(folder, "imphal")
    db = str(tmp_path / "dmaf.db")
    assert _run(["ingest", str(folder), "--db", db, "--workers", "0"], cli_env).returncode == 0
    (folder / "imphal_rescan.txt").write_bytes(good.read_bytes()[:6000])
    second = _run(["ingest", str(folder), "--db", db, "--workers", "0"], cli_env)
    assert second.returncode == 0, second.stderr
    assert "NOT made current" in second.stderr and "the current version 21" in second.stderr
    assert _scalar(Path(db), "SELECT indicators FROM report_versions WHERE is_current") == 21
    held = runner.invoke(app, ["versions", "held", "--db", db])
    assert held.exit_code == 0 and "imphal_rescan.txt" in held.stdout and "1 held version(s)" in held.stderr
    sha = _scalar(Path(db), "SELECT sha256 FROM report_versions WHERE held_reason IS NOT NULL")
    promoted = runner.invoke(app, ["versions", "promote", sha[:12], "--db", db])
    assert promoted.exit_code == 0 and "is now current" in promoted.stdout
    assert _scalar(Path(db), "SELECT source_file FROM report_versions WHERE is_current").endswith("imphal_rescan.txt")
    assert runner.invoke(app, ["versions", "promote", "zz", "--db", db]).exit_code == 2


def test_names_that_look_like_markup_or_hold_control_characters_print_as_data(
        cli_env: dict[str, str], tmp_path: Path) -> None:
    """On a terminal (the progress bar): a failed file named ``[/red]`` does not crash the run, a folder
    ``[draft]`` keeps its name, and a newline in a name is shown escaped on one line."""
    folder = tmp_path / "[draft]"
    (folder / "bad [").mkdir(parents=True)
    write_report(folder, "kochi")
    (folder / "bad [" / "red]\ncopy.docx").write_text("just text", encoding="utf-8")  # a path holding "[/red]"
    env = dict(cli_env, FORCE_COLOR="1", COLUMNS="300")
    done = _run(["ingest", str(folder), "--db", str(tmp_path / "dmaf.db"), "--workers", "0"], env)
    assert done.returncode == 1, done.stderr
    output = done.stdout + done.stderr
    assert "MarkupError" not in output and "Traceback" not in output
    shown = f"{folder}/bad [/red]\\ncopy.docx"  # named as it is, its newline escaped: one line
    assert shown in done.stderr and f"failed: {shown}" in done.stdout
    assert _scalar(tmp_path / "dmaf.db", "SELECT count(*) FROM source_file WHERE path LIKE '%[draft]%'") == 2


# ------------------------------------------------------------------------------------------- PostgreSQL


def test_a_stopped_postgresql_server_is_exit_3_with_the_url_masked(tmp_path: Path) -> None:
    """Nobody listens on the port: ingest and reprocess say so in one line, before Prefect starts."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "kochi")
    url = "postgresql://dmaf:Hidden-Pass-9@127.0.0.1:9/dmaf"
    for args in (["ingest", str(folder)], ["reprocess", "--workers", "0"], ["db", "upgrade"]):
        result = runner.invoke(app, [*args, "--db", url])
        assert result.exit_code == 3, (args, result.output)
        line = _one_error_line(result.stderr)
        assert "cannot connect to postgresql+psycopg://dmaf:***@127.0.0.1:9/dmaf" in line
        assert "Hidden-Pass-9" not in result.output


@pytest.mark.postgres
def test_a_read_only_postgresql_database_is_refused_by_every_command_that_writes(
        postgres_server, tmp_path: Path) -> None:
    """A database whose sessions are read-only (a replica, a read-only role): exit 3, "accepts no writes"."""
    from tests.conftest_db import fresh_database

    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "kochi")
    with fresh_database(postgres_server, "dmaf_ro") as url:
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            name = conn.execute(text("SELECT current_database()")).scalar_one()
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        engine.dispose()
        for args in (["ingest", str(folder)], ["db", "upgrade"]):
            result = runner.invoke(app, [*args, "--db", url])
            assert result.exit_code == 3, (args, result.output)
            assert "accepts no writes" in _one_error_line(result.stderr)


def test_after_a_run_the_main_file_alone_holds_every_report_even_with_a_reader_open(
        cli_env: dict[str, str], tmp_path: Path) -> None:
    """A reader keeps the warehouse open (a notebook, Datasette), so SQLite would leave the last reports in the
    -wal file: the run's checkpoint puts them in dmaf.db, and a copy of that file alone has them all."""
    import sqlite3

    folder = tmp_path / "reports"
    folder.mkdir()
    for key in ("kochi", "pune", "surat"):
        write_report(folder, key)
    db = tmp_path / "dmaf.db"
    assert _run(["ingest", str(folder / "kochi.txt"), "--db", str(db), "--workers", "0"], cli_env).returncode == 0
    reader = sqlite3.connect(db)  # idle, as a notebook's connection is between queries
    try:
        assert reader.execute("SELECT count(*) FROM source_file").fetchone() == (1,)
        assert _run(["ingest", str(folder), "--db", str(db), "--workers", "0"], cli_env).returncode == 0
        wal = db.with_name(db.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        shutil.copyfile(db, tmp_path / "copy.db")
        assert _scalar(tmp_path / "copy.db", "SELECT count(*) FROM source_file") == 3
    finally:
        reader.close()
