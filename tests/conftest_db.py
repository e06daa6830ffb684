"""Pytest plugin with real-database fixtures: every warehouse test runs on SQLite and on PostgreSQL.

* ``postgres_server`` (session): a throwaway PostgreSQL 15 on 127.0.0.1 in a temp dir, or the server of
  ``DMAF_TEST_POSTGRES_URL`` (which must allow CREATE DATABASE). As root, the server runs as ``postgres``.
  Without PostgreSQL binaries the postgresql tests are skipped, except under ``CI=true`` where they fail.
* ``db_url`` (parametrised sqlite/postgresql): an empty database: a file in ``tmp_path``, or a new
  PostgreSQL database per test, dropped afterwards.
* ``db_engine``: an engine on ``db_url`` migrated to head.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.tools import missing
from warehouse.db import make_engine, upgrade
from warehouse.settings import resolve_url, sqlite_url

PG_BINARIES = ("initdb", "pg_ctl", "postgres")
PG_USER = "postgres"
START_ATTEMPTS = 3


@dataclass(frozen=True)
class PostgresServer:
    """A reachable PostgreSQL server and the URL of its maintenance database."""

    admin_url: str

    def database_url(self, name: str) -> str:
        """Return the URL of database ``name`` on this server."""
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)


def _skip_or_fail(message: str) -> None:
    """Skip locally; fail under CI, where PostgreSQL must be tested."""
    missing(message, "the PostgreSQL 15 binaries (initdb, pg_ctl) on PATH, or DMAF_TEST_POSTGRES_URL")


def _free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(args: list[str]) -> list[str]:
    """Run a PostgreSQL binary as ``postgres`` when we are root (PostgreSQL refuses to run as root)."""
    return ["runuser", "-u", PG_USER, "--", *args] if os.geteuid() == 0 else args


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a server command, raising with its output on failure."""
    done = subprocess.run(_as_server_user(args), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    return done


def _start_server(root: Path) -> tuple[int, Path]:
    """Create a cluster in ``root`` and start it; return its port and data directory."""
    data = root / "data"
    _run(["initdb", "-D", str(data), "-U", PG_USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
    log = root / "server.log"
    for attempt in range(START_ATTEMPTS):
        port = _free_port()
        options = (f"-p {port} -h 127.0.0.1 -k {root} -F -c max_connections=200 "
                   "-c full_page_writes=off -c synchronous_commit=off")
        try:
            _run(["pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", options, "start"])
            return port, data
        except RuntimeError:
            if attempt == START_ATTEMPTS - 1:
                raise RuntimeError(f"PostgreSQL did not start: {log.read_text(errors='replace')[-2000:]}") from None
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Yield a PostgreSQL 15 server for the whole session (started here unless given by env)."""
    given = os.environ.get("DMAF_TEST_POSTGRES_URL")
    if given:
        yield PostgresServer(resolve_url(given))
        return
    missing = [b for b in PG_BINARIES if shutil.which(b) is None]
    if missing:
        _skip_or_fail(f"PostgreSQL binaries not on PATH: {', '.join(missing)}")
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam(PG_USER)
        except KeyError:
            _skip_or_fail(f"running as root and there is no {PG_USER!r} user to run PostgreSQL as")
    root = Path(tempfile.mkdtemp(prefix="dmaf-pg-"))
    if os.geteuid() == 0:
        os.chown(root, account.pw_uid, account.pw_gid)
    try:
        port, data = _start_server(root)
        try:
            yield PostgresServer(f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/postgres")
        finally:
            subprocess.run(_as_server_user(["pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop"]),
                           capture_output=True, timeout=60)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _admin_engine(server: PostgresServer) -> Engine:
    """Return an autocommit engine on the server's maintenance database."""
    return create_engine(server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of a new, empty database on each backend."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "dmaf.db")
        return
    with fresh_database(request.getfixturevalue("postgres_server"), "dmaf_test") as url:
        yield url


@contextmanager
def fresh_database(server: PostgresServer, prefix: str) -> Iterator[str]:
    """Create a new, empty PostgreSQL database named ``<prefix>_<random>``; yield its URL; drop it after."""
    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    admin = _admin_engine(server)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield server.database_url(name)
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture
def db_engine(db_url: str) -> Iterator[Engine]:
    """Yield an engine on a new database migrated to head."""
    engine = make_engine(db_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def db_backend(db_url: str) -> str:
    """Return the backend of ``db_url`` (``sqlite`` or ``postgresql``)."""
    return make_url(db_url).get_backend_name()
