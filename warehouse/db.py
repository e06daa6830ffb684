"""Engines, write transactions and schema migrations for the warehouse (SQLite or PostgreSQL).

SQLite files run in WAL mode with a 30 s busy timeout and foreign keys on; a write transaction on SQLite
starts with ``BEGIN IMMEDIATE`` so two processes loading at once queue instead of failing. PostgreSQL is
reached through psycopg (``postgresql+psycopg://``). The schema is created and upgraded by Alembic only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from core.errors import WarehouseError
from warehouse.backup import backup
from warehouse.readonly import readonly_engine, run_readonly_query
from warehouse.settings import cannot_connect, mask_url, resolve_url, sqlite_path

__all__ = [
    "MIGRATIONS_DIR", "alembic_config", "backup", "current_revision", "head_revision", "make_engine",
    "readonly_engine", "run_readonly_query", "upgrade", "write_transaction",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_S = 30.0
_IMMEDIATE = "dmaf_begin_immediate"
_MIGRATION_LOCK_KEY = 0x444D4146  # "DMAF": serialises concurrent upgrades on PostgreSQL


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, connection_record: Any) -> None:
    """Configure a new SQLite connection: manual transactions, WAL, busy timeout, foreign keys."""
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" listener emits BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    """Start a SQLite transaction; ``BEGIN IMMEDIATE`` (write lock up front) inside ``write_transaction``."""
    immediate = conn.get_execution_options().get(_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    """Return an engine for ``url`` (resolved by ``settings.resolve_url``), configured for its backend."""
    resolved = resolve_url(url)
    backend = make_url(resolved).get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(resolved)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(resolved, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if backend == "postgresql":
        return create_engine(resolved, echo=echo, pool_pre_ping=True)
    raise WarehouseError(f"unsupported database backend {backend!r} in {mask_url(resolved)}")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """Yield a connection inside one transaction that commits on success and rolls back on error."""
    with engine.connect() as conn:
        conn.execution_options(**{_IMMEDIATE: True})
        with conn.begin():
            yield conn


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """Return an Alembic config that finds the migrations inside the installed package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """Return the newest migration revision shipped with the code."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """Return the database's migration revision (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(url_or_engine: str | Engine | None = None, revision: str = "head") -> str | None:
    """Migrate the database to ``revision`` (creating it when new) and return the revision it is at.

    Safe to call on every ingest: at head it changes nothing; concurrent callers are serialised.
    """
    owned = not isinstance(url_or_engine, Engine)
    engine = make_engine(url_or_engine) if owned else url_or_engine
    try:
        try:
            engine.connect().close()
        except DBAPIError as exc:  # unreachable server, wrong password, unopenable file: one clear line
            raise cannot_connect(engine.url.render_as_string(hide_password=False), exc) from None
        with write_transaction(engine) as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            command.upgrade(alembic_config(conn), revision)
        return current_revision(engine)
    finally:
        if owned:
            engine.dispose()
