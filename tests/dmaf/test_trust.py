"""A warehouse you can trust, through the real ``dmaf`` command line, on SQLite and PostgreSQL.

* ``dmaf ingest`` killed with SIGKILL mid-load leaves no half report; re-running it gives exactly the rows of an
  uninterrupted run (every table count, every view's rows); two concurrent ingests over overlapping folders
  load each report once; ingesting again changes nothing.
* a copy is a duplicate, new content for a city and cycle supersedes the old (``report_versions`` says why);
* ``dmaf sql`` refuses writes and stops runaway queries; credentials in a URL are never printed;
* everything works with ``DMAF_DATABASE_URL=postgresql+psycopg://...``, ``dmaf reprocess`` included.

The kill and concurrency tests run ``dmaf ingest`` as subprocesses talking to the session's Prefect test server.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from typer.testing import CliRunner

import parsing
from dmaf.cli import app
from loaders.batch import load_outcomes, prepare_warehouse
from pipeline.document import parse_path
from tests.loaders.city_reports import (
    checksums,
    incomplete_versions,
    smart_cities,
    snapshot,
    write_city_report,
    write_city_reports,
)
from tests.tools import missing
from warehouse.backup import find_pg_dump
from warehouse.settings import sqlite_path, sqlite_url

N_REPORTS = 15
GROUPS = 3
SECRET = "Never-Print-Me-7431"
RUNAWAY = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"
LINE = re.compile(r"^\[\d+/\d+\] (?P<status>\w+): (?P<path>.+?)(?: \([^()]*files/s[^()]*\))?$")
runner = CliRunner()


# ---------------------------------------------------------------------------------------------- helpers


def _dmaf() -> list[str]:
    """Return the command that runs the installed ``dmaf`` console script of this interpreter."""
    script = Path(sys.executable).with_name("dmaf")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dmaf"]


def _with_password(url: str) -> str:
    """Return a PostgreSQL URL carrying ``SECRET`` as its password (the test server trusts any password)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return url
    return parsed.set(password=SECRET).render_as_string(hide_password=False)


def _start_ingest(paths: list[Path], url: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start ``dmaf ingest PATHS --db URL --workers 0`` in its own process group, output beside ``log``."""
    with log.with_suffix(".out").open("w") as out, log.with_suffix(".err").open("w") as err:
        return subprocess.Popen([*_dmaf(), "ingest", *map(str, paths), "--db", url, "--workers", "0"],
                                stdout=out, stderr=err, env=env, start_new_session=True)


def _finish(proc: subprocess.Popen, log: Path, timeout: float = 300) -> tuple[int, str]:
    """Wait for an ingest and return its exit status and its whole output (stdout then stderr)."""
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    output = log.with_suffix(".out").read_text() + log.with_suffix(".err").read_text()
    return proc.returncode, output


def _ingest(paths: list[Path], url: str) -> tuple[int, str]:
    """Run ``dmaf ingest PATHS --db URL --workers 0`` in this process; return exit status and all output."""
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", url, "--workers", "0"])
    return result.exit_code, result.stdout + result.stderr


def _statuses(output: str) -> Counter:
    """Return ``{(status, path): n}`` from an ingest's per-file lines."""
    return Counter((m["status"], m["path"]) for m in map(LINE.match, output.splitlines()) if m)


def _versions(url: str) -> int:
    """Return how many report versions are committed."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT COUNT(*) FROM report_version")).scalar_one()
    finally:
        engine.dispose()


class _SqliteProbe:
    """Watches a SQLite warehouse from outside: committed versions, and whether a write transaction is open."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def committed(self) -> int:
        """Return the committed versions (0 before the file or the schema exists)."""
        if not self.path.exists():
            return 0
        with closing(sqlite3.connect(self.path, timeout=0, isolation_level=None)) as conn:
            try:
                return conn.execute("SELECT COUNT(*) FROM report_version").fetchone()[0]
            except sqlite3.OperationalError:  # no such table yet, or the schema is being created
                return 0

    def writer(self) -> bool:
        """Return True while another connection holds the write lock (``BEGIN IMMEDIATE`` cannot start)."""
        with closing(sqlite3.connect(self.path, timeout=0, isolation_level=None)) as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    return True
                raise
            conn.execute("ROLLBACK")
            return False


class _PostgresProbe:
    """Watches a PostgreSQL warehouse from another session: committed versions, and open writing transactions."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.xid: int | None = None

    def committed(self) -> int:
        """Return the committed versions (0 before the schema exists)."""
        exists = self.conn.execute(text("SELECT to_regclass('report_version') IS NOT NULL")).scalar()
        return self.conn.execute(text("SELECT COUNT(*) FROM report_version")).scalar() if exists else 0

    def writer(self) -> bool:
        """Return True when another session's transaction has written (it has a transaction id)."""
        self.xid = self.conn.execute(text(
            "SELECT backend_xid::text::bigint FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL LIMIT 1")).scalar()
        return self.xid is not None


def _kill_mid_load(proc: subprocess.Popen, url: str, *, min_loaded: int, deadline_s: float = 240) -> int | None:
    """SIGKILL ``proc`` while it has a write transaction open, once ``min_loaded`` versions are committed.

    Returns the transaction id of the killed PostgreSQL transaction (None on SQLite); fails if the ingest
    ends first.
    """
    stop = time.monotonic() + deadline_s
    file = sqlite_path(url)
    engine = None if file else create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with ExitStack() as stack:
        if engine is not None:
            stack.callback(engine.dispose)
            probe = _PostgresProbe(stack.enter_context(engine.connect()))
        else:
            probe = _SqliteProbe(file)
        while time.monotonic() < stop:
            assert proc.poll() is None, "the ingest finished before it could be killed mid-load"
            if probe.committed() >= min_loaded and probe.writer():
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=60)
                return getattr(probe, "xid", None)
            time.sleep(0.002)
    raise AssertionError("no write transaction was seen open within the deadline")


def _transaction_status(url: str, xid: int) -> str:
    """Return PostgreSQL's verdict on a transaction once it is over (committed or aborted)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        for _ in range(200):
            with engine.connect() as conn:
                status = conn.execute(text("SELECT txid_status(:x)"), {"x": xid}).scalar()
            if status != "in progress":
                return status
            time.sleep(0.05)
        return status
    finally:
        engine.dispose()


def _words(output: str) -> str:
    """Return output with every run of whitespace as one space (rich wraps long messages at 80 columns)."""
    return " ".join(output.split())


def _joined(output: str) -> str:
    """Return output without whitespace (rich wraps long lines such as URLs at 80 columns)."""
    return "".join(output.split())


def _diff(actual: dict, expected: dict) -> list[str]:
    """Return the snapshot entries that differ (for a readable assertion message)."""
    got, want = checksums(actual), checksums(expected)
    return sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))


# ---------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def reports_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Distinct real reports (the seed for N_REPORTS cities) in three subfolders g0, g1, g2."""
    root = tmp_path_factory.mktemp("reports")
    write_city_reports(root, smart_cities(N_REPORTS), groups=GROUPS)
    return root


@pytest.fixture(scope="module")
def clean_run(prefect_harness, reports_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The snapshot of an uninterrupted ``dmaf ingest`` of all reports into a fresh SQLite warehouse."""
    folder = tmp_path_factory.mktemp("clean")
    url = sqlite_url(folder / "clean.db")
    code, output = _ingest([reports_root], url)
    assert code == 0, output
    assert Counter(s for s, _ in _statuses(output)) == {"loaded": N_REPORTS}
    return snapshot(url)


@pytest.fixture
def loaded_url(db_url: str, tmp_path: Path) -> str:
    """Return a warehouse holding three real reports (loaded without Prefect, as the flow's load step does)."""
    paths = write_city_reports(tmp_path / "r", smart_cities(3))
    prepare_warehouse(db_url)
    results = load_outcomes(db_url, [parse_path(p) for p in paths], parser_version=parsing.PARSER_VERSION)
    assert [r.status for r in results] == ["loaded"] * 3
    return db_url


# ------------------------------------------------------------------------------- atomic and idempotent


@pytest.mark.slow
def test_a_killed_ingest_leaves_no_half_report_and_a_rerun_gives_exactly_the_clean_rows(
    db_url: str, cli_env: dict[str, str], reports_root: Path, clean_run: dict, tmp_path: Path
) -> None:
    """SIGKILL while a document's transaction is open: what is committed is whole; a rerun completes it."""
    url = _with_password(db_url)
    proc = _start_ingest([reports_root], url, cli_env, tmp_path / "killed")
    xid = _kill_mid_load(proc, db_url, min_loaded=2)

    assert proc.returncode == -signal.SIGKILL
    killed_output = (tmp_path / "killed.out").read_text() + (tmp_path / "killed.err").read_text()
    assert SECRET not in killed_output
    if xid is not None:  # PostgreSQL: the killed document's transaction had written rows, and was rolled back
        assert _transaction_status(db_url, xid) == "aborted"
    committed = _versions(db_url)
    assert 2 <= committed < N_REPORTS
    assert incomplete_versions(db_url) == []
    with create_engine(db_url, poolclass=NullPool).connect() as conn:
        statuses = dict(conn.execute(text("SELECT status, COUNT(*) FROM source_file GROUP BY status")).all())
    assert statuses == {"loaded": committed}  # no "load in progress" placeholder survived the kill

    code, output = _ingest([reports_root], url)
    assert code == 0, output
    assert Counter(s for s, _ in _statuses(output)) == {"skipped": committed, "loaded": N_REPORTS - committed}
    after = snapshot(db_url)
    assert _diff(after, clean_run) == []
    assert after == clean_run
    assert incomplete_versions(db_url) == []


@pytest.mark.slow
def test_two_concurrent_ingests_over_overlapping_folders_load_each_report_once_and_a_third_changes_nothing(
    db_url: str, cli_env: dict[str, str], reports_root: Path, clean_run: dict, tmp_path: Path
) -> None:
    """g0+g1 and g1+g2 at once on an empty warehouse -> the rows of one clean run; no "database is locked"."""
    url = _with_password(db_url)
    groups = sorted(p for p in reports_root.iterdir() if p.is_dir())
    first = _start_ingest(groups[:2], url, cli_env, tmp_path / "first")
    second = _start_ingest(groups[1:], url, cli_env, tmp_path / "second")
    (code1, out1), (code2, out2) = _finish(first, tmp_path / "first"), _finish(second, tmp_path / "second")

    assert (code1, code2) == (0, 0), out1 + out2
    assert "locked" not in out1 + out2 and "Traceback" not in out1 + out2
    lines = _statuses(out1) + _statuses(out2)
    loaded = [path for (status, path), n in lines.items() if status == "loaded" for _ in range(n)]
    assert sorted(loaded) == sorted(str(p) for p in reports_root.rglob("*.txt"))  # each once, by one of them
    assert sum(n for (status, _), n in lines.items() if status == "skipped") == N_REPORTS // GROUPS
    assert _diff(snapshot(db_url), clean_run) == []
    assert incomplete_versions(db_url) == []

    before = snapshot(db_url)
    code, output = _ingest([reports_root], url)
    assert code == 0, output
    assert Counter(s for s, _ in _statuses(output)) == {"skipped": N_REPORTS}
    assert snapshot(db_url) == before
    if SECRET in url:
        assert SECRET not in out1 + out2 + output
        assert "postgresql+psycopg://postgres:***@127.0.0.1" in _joined(output)


def test_a_copy_is_a_duplicate_and_new_content_for_a_city_and_cycle_supersedes_the_old_one(
    prefect_harness, db_url: str, tmp_path: Path
) -> None:
    """Same bytes under another name add no rows; a revised report becomes current, the old one says why."""
    folder = tmp_path / "reports"
    original = write_city_report(folder / "a" / "pune_cycle2.txt", "Pune", "Maharashtra")
    copy = folder / "b" / "pune_cycle2 (1).txt"  # discovered after the original
    copy.parent.mkdir()
    shutil.copy(original, copy)
    first = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "--workers", "0"])
    assert first.exit_code == 0, first.output
    assert _statuses(first.stderr) == Counter({("duplicate", str(copy)): 1, ("loaded", str(original)): 1})
    documents = _sql(db_url, "SELECT path, status, error FROM source_documents ORDER BY path")
    assert documents == [[str(original), "loaded", ""], [str(copy), "skipped", f"duplicate of {original}"]]

    revised = write_city_report(tmp_path / "revised" / "pune_cycle2_v2.txt", "Pune", "Maharashtra", first_score=20)
    second = runner.invoke(app, ["ingest", str(folder), str(revised.parent), "--db", db_url, "--workers", "0"])
    assert second.exit_code == 0, second.output
    assert Counter(s for s, _ in _statuses(second.stderr)) == {"skipped": 2, "loaded": 1}
    versions = _sql(db_url, "SELECT source_file, is_current, current_reason FROM report_versions"
                            " ORDER BY loaded_at")
    sha = _sql(db_url, f"SELECT sha256 FROM source_documents WHERE path = '{revised}'")[0][0]
    assert [(v[0], v[1] in ("1", "True", "true")) for v in versions] == [(str(original), False), (str(revised), True)]
    assert versions[0][2] == f"superseded by {sha[:12]}, loaded more recently"
    assert versions[1][2] == "the version loaded most recently"
    assert _sql(db_url, "SELECT city, cycle, score FROM city_scores") == [["Pune", "2", "30.0"]]
    assert _sql(db_url, "SELECT COUNT(*) FROM indicator_scores") == [["21"]]

    before = snapshot(db_url)
    third = runner.invoke(app, ["ingest", str(folder), str(revised.parent), "--db", db_url, "--workers", "0"])
    assert third.exit_code == 0
    assert Counter(s for s, _ in _statuses(third.stderr)) == {"skipped": 3}
    assert snapshot(db_url) == before


def _sql(url: str, query: str) -> list[list[str]]:
    """Run ``dmaf sql --format csv`` and return the data rows."""
    result = runner.invoke(app, ["sql", query, "--db", url, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))[1:]


# ---------------------------------------------------------------------------------------------- safe SQL


@pytest.mark.parametrize(
    ("statement", "kind"),
    [("drop table indicator_score", "DROP"), ("delete from indicator_score", "DELETE"),
     ("DROP VIEW city_scores", "DROP"), ("update city set name = 'X'", "UPDATE")],
)
def test_dmaf_sql_refuses_writes_with_a_clear_message_and_every_table_and_view_is_intact(
    loaded_url: str, statement: str, kind: str
) -> None:
    """Exit 2 and one line saying the statement is refused; every count and view row is unchanged."""
    before = snapshot(loaded_url)
    result = runner.invoke(app, ["sql", statement, "--db", loaded_url])
    assert result.exit_code == 2
    assert _words(result.stderr) == f"error: dmaf sql is read-only: {kind} statements are refused; the data is unchanged"
    assert result.stdout == ""
    assert snapshot(loaded_url) == before


def test_dmaf_sql_stops_a_runaway_query_at_its_timeout(loaded_url: str) -> None:
    """An endless recursive query ends with exit 2 after about ``--timeout`` seconds."""
    started = time.monotonic()
    result = runner.invoke(app, ["sql", RUNAWAY, "--db", loaded_url, "--timeout", "0.5"])
    elapsed = time.monotonic() - started
    assert result.exit_code == 2
    assert _words(result.stderr) == "error: query stopped after the 0.5 s time limit; the data is unchanged"
    print(f"\nwall-clock: runaway query stopped in {elapsed:.3f} s (bound 10 s)")
    assert elapsed < 10


# ---------------------------------------------------------------------------------------------- credentials


@pytest.fixture
def password_user(postgres_server) -> Iterator[tuple[str, str]]:
    """Yield ``(URL with the right password, URL with a wrong one)`` of a role that must log in by password."""
    admin = create_engine(postgres_server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        hba = Path(conn.execute(text("SHOW hba_file")).scalar_one())
        if not os.access(hba, os.W_OK):
            admin.dispose()
            missing("the test server's pg_hba.conf is not writable", "use the server the tests start, not "
                    "DMAF_TEST_POSTGRES_URL")
        rule = "host all dmaf_pw_user 127.0.0.1/32 scram-sha-256\n"
        if rule not in hba.read_text():
            hba.write_text(rule + hba.read_text())
        conn.execute(text("DROP ROLE IF EXISTS dmaf_pw_user"))
        conn.execute(text("CREATE ROLE dmaf_pw_user LOGIN SUPERUSER PASSWORD 'Right-Pass-123'"))
        conn.execute(text("SELECT pg_reload_conf()"))
    base = make_url(postgres_server.admin_url).set(username="dmaf_pw_user")
    right = base.set(password="Right-Pass-123").render_as_string(hide_password=False)
    try:
        yield right, base.set(password=SECRET).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text("DROP ROLE IF EXISTS dmaf_pw_user"))
        admin.dispose()


@pytest.mark.postgres
def test_a_wrong_postgresql_password_is_a_clear_error_that_never_echoes_it(
    password_user: tuple[str, str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    """sql, db backup, reprocess, db upgrade, ingest exit 3 (the warehouse cannot be reached) with "password
    authentication failed"; no output holds it."""
    right, wrong = password_user
    assert runner.invoke(app, ["sql", "SELECT 1", "--db", right]).exit_code == 0  # the role really works
    for args in (["sql", "SELECT 1"], ["db", "backup", str(tmp_path / "b.dump")], ["reprocess", "--workers", "0"]):
        result = runner.invoke(app, [*args, "--db", wrong])
        assert result.exit_code == 3, (args, result.output)
        assert "password authentication failed" in _words(result.stderr), result.output
        assert "dmaf_pw_user:***@127.0.0.1" in _joined(result.stderr)
        assert SECRET not in result.output
    upgrade = runner.invoke(app, ["db", "upgrade", "--db", wrong])
    assert upgrade.exit_code == 3 and "password authentication failed" in _words(upgrade.stderr)
    assert SECRET not in upgrade.output
    ingest = subprocess.run([*_dmaf(), "ingest", str(tmp_path), "--db", wrong, "--workers", "0"],
                            capture_output=True, text=True, env=cli_env, timeout=300, check=False)
    assert ingest.returncode == 3 and "password authentication failed" in _words(ingest.stderr)
    assert f"warehouse:{make_url(wrong).render_as_string(hide_password=True)}" in _joined(ingest.stderr)
    assert SECRET not in ingest.stdout + ingest.stderr


# ---------------------------------------------------------------------------------------------- PostgreSQL


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_everything_works_with_dmaf_database_url_pointing_at_postgresql(
    prefect_harness, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """upgrade, ingest, views, sql, reprocess and a pg_dump backup with only /usr/local/bin on PATH."""
    monkeypatch.setenv("DMAF_DATABASE_URL", _with_password(db_url).replace("postgresql+psycopg://", "postgresql://"))
    write_city_reports(tmp_path / "reports", smart_cities(2))

    upgrade = runner.invoke(app, ["db", "upgrade"])
    assert upgrade.exit_code == 0 and "postgres:***@" in _joined(upgrade.stdout)
    ingest = runner.invoke(app, ["ingest", str(tmp_path / "reports"), "--workers", "0"])
    assert ingest.exit_code == 0, ingest.output
    assert "warehouse:postgresql+psycopg://postgres:***@" in _joined(ingest.stderr)
    city_scores = runner.invoke(app, ["sql", "SELECT city, cycle, score, max_score FROM city_scores ORDER BY city",
                                      "--format", "csv"])
    expected = [f"{city},2,{10.0 + n},500.0" for n, (city, _) in enumerate(smart_cities(2))]
    assert city_scores.stdout.splitlines() == ["city,cycle,score,max_score", *expected]
    monkeypatch.setattr(parsing, "PARSER_VERSION", "upgraded")
    again = runner.invoke(app, ["reprocess", "--workers", "0"])
    assert again.exit_code == 0, again.output
    assert "2 version(s) selected: 2 reprocessed" in again.stdout

    monkeypatch.setenv("PATH", "/usr/local/bin")
    found = find_pg_dump()
    backup = runner.invoke(app, ["db", "backup", str(tmp_path / "dmaf.dump")])
    assert backup.exit_code == 0, backup.output
    listing = subprocess.run([str(Path(found).with_name("pg_restore")), "--list", str(tmp_path / "dmaf.dump")],
                             capture_output=True, text=True, check=True)
    assert "TABLE DATA public indicator_score" in listing.stdout and "VIEW public city_scores" in listing.stdout
    assert all(SECRET not in r.output for r in (upgrade, ingest, city_scores, again, backup))


# ---------------------------------------------------------------------------------------------- reprocess CLI


def test_dmaf_reprocess_rebuilds_stale_versions_and_reports_a_gone_file(
    loaded_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a parser upgrade: 3 rebuilt, nothing twice; a deleted file of a current version -> exit 1."""
    before = snapshot(loaded_url)
    monkeypatch.setattr(parsing, "PARSER_VERSION", "upgraded")
    result = runner.invoke(app, ["reprocess", "--db", loaded_url, "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "3 version(s) selected: 3 reprocessed, 0 missing, 0 changed, 0 failed"
    assert snapshot(loaded_url) == before
    assert runner.invoke(app, ["reprocess", "--db", loaded_url]).stdout.startswith("0 version(s) selected")

    gone = min((tmp_path / "r").iterdir())
    gone.unlink()
    monkeypatch.setattr(parsing, "PARSER_VERSION", "upgraded-again")
    result = runner.invoke(app, ["reprocess", "--db", loaded_url, "--workers", "0"])
    assert result.exit_code == 1
    assert f"missing: {gone}: the file is gone; version " in result.stderr
    assert "3 version(s) selected: 2 reprocessed, 1 missing, 0 changed, 0 failed" in result.stdout
    assert snapshot(loaded_url) == before
