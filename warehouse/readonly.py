"""Read-only access for ``dmaf sql``: engines that cannot write, and one query with a time limit.

SQLite is opened with a ``mode=ro`` URI, ``PRAGMA query_only`` and an authorizer that refuses every
write action; a progress handler interrupts a query that runs past its deadline. PostgreSQL sessions get
``default_transaction_read_only=on`` and ``statement_timeout``; the query goes through the extended
protocol, which refuses several statements in one string.
"""

from __future__ import annotations

import math
import re
import sqlite3
import time
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from core.errors import (
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    WarehouseError,
    WarehouseMissing,
)
from warehouse.settings import cannot_connect, mask_url, resolve_url, sqlite_path

_DEADLINE = "dmaf_deadline"
_PROGRESS_STEPS = 1000
_WRITE_ACTIONS = frozenset(
    getattr(sqlite3, name)
    for name in dir(sqlite3)
    if re.fullmatch(r"SQLITE_(INSERT|UPDATE|DELETE|CREATE_\w+|DROP_\w+|ALTER_TABLE|ATTACH|DETACH|"
                    r"REINDEX|ANALYZE|SAVEPOINT)", name)
)
_READ_PRAGMAS = frozenset({
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list", "database_list", "collation_list", "function_list", "module_list",
    "pragma_list", "compile_options",
})
_WRITE_WORDS = re.compile(
    r"\b(INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|REPLACE|TRUNCATE|ATTACH|DETACH|VACUUM|REINDEX|"
    r"ANALYZE|PRAGMA|GRANT|REVOKE|COPY|COMMENT|MERGE|SET|LOCK|CLUSTER|REFRESH)\b",
    re.IGNORECASE,
)
_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


def _authorize(action: int, arg1: str | None, arg2: str | None, dbname: str | None, source: str | None) -> int:
    """SQLite authorizer: deny every write action and every pragma that sets a value."""
    if action in _WRITE_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in _READ_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _sqlite_readonly(url: str, timeout_s: float) -> Engine:
    """Return a read-only engine on an existing SQLite file."""
    path = sqlite_path(url)
    if path is None:
        raise WarehouseError("read-only queries need a SQLite file, not an in-memory database")
    if not path.is_file():
        raise WarehouseMissing(f"no warehouse at {path}; run `dmaf ingest` or `dmaf db upgrade` first")
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=timeout_s, check_same_thread=False)

    def on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")
        deadline = record.info.setdefault(_DEADLINE, [time.monotonic() + timeout_s])
        dbapi_connection.set_progress_handler(lambda: int(time.monotonic() > deadline[0]), _PROGRESS_STEPS)
        dbapi_connection.set_authorizer(_authorize)

    def arm(conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool) -> None:
        conn.info.setdefault(_DEADLINE, [math.inf])[0] = time.monotonic() + timeout_s

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    event.listen(engine, "connect", on_connect)
    event.listen(engine, "before_cursor_execute", arm)
    return engine


def _postgres_readonly(url: str, timeout_s: float) -> Engine:
    """Return an engine whose PostgreSQL sessions are read-only and time-limited."""
    ms = max(1, int(timeout_s * 1000))
    options = f"-c default_transaction_read_only=on -c statement_timeout={ms} -c lock_timeout={ms}"
    return create_engine(url, poolclass=NullPool, connect_args={"options": options})


def readonly_engine(url: str | None = None, timeout_s: float = 30.0) -> Engine:
    """Return an engine that cannot change the warehouse; each statement may run ``timeout_s`` seconds."""
    resolved = resolve_url(url)
    backend = make_url(resolved).get_backend_name()
    if backend == "sqlite":
        return _sqlite_readonly(resolved, timeout_s)
    if backend == "postgresql":
        return _postgres_readonly(resolved, timeout_s)
    raise WarehouseError(f"unsupported database backend {backend!r} in {mask_url(resolved)}")


def statement_kind(sql: str) -> str:
    """Return the write keyword a statement uses (``DROP``, ``DELETE`` ...), else its first word."""
    body = _COMMENTS.sub(" ", sql)
    match = _WRITE_WORDS.search(body)
    if match:
        return match.group(1).upper()
    words = body.split()
    return words[0].upper() if words else "empty"


def _classify(exc: Exception, sql: str, timeout_s: float) -> WarehouseError:
    """Turn a driver error into the warehouse error a user can act on."""
    sqlstate = getattr(exc, "sqlstate", None)
    message = " ".join(str(exc).split())
    lowered = message.lower()
    if sqlstate == "57014" or lowered == "interrupted":
        return QueryTimeout(f"query stopped after the {timeout_s:g} s time limit; the data is unchanged")
    if sqlstate == "25006" or "readonly database" in lowered or "not authorized" in lowered:
        kind = statement_kind(sql)
        return ReadOnlyViolation(f"dmaf sql is read-only: {kind} statements are refused; the data is unchanged")
    if "multiple commands" in lowered or "one statement at a time" in lowered:
        return QueryError("dmaf sql runs one statement at a time; split the query")
    return QueryError(f"query failed: {message}")


def run_readonly_query(
    url: str | None, sql: str, timeout_s: float = 30.0
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one statement read-only and return ``(column names, rows)``; raise a ``WarehouseError``."""
    if not _COMMENTS.sub(" ", sql).strip(" \t\r\n;"):
        raise QueryError("empty query")
    resolved = resolve_url(url)
    engine = readonly_engine(resolved, timeout_s)
    try:
        try:
            connection = engine.connect()
        except DBAPIError as exc:
            raise cannot_connect(resolved, exc) from None
        with connection as conn:
            dbapi_connection = conn.connection.dbapi_connection
            cursor = dbapi_connection.cursor()
            try:
                if conn.dialect.name == "postgresql":
                    cursor.execute(sql, prepare=True)
                else:
                    conn.info[_DEADLINE][0] = time.monotonic() + timeout_s
                    cursor.execute(sql)
                columns = [d[0] for d in cursor.description or ()]
                rows = [tuple(r) for r in cursor.fetchall()] if cursor.description else []
            except conn.dialect.loaded_dbapi.Error as exc:
                raise _classify(exc, sql, timeout_s) from None
            finally:
                cursor.close()
                dbapi_connection.rollback()
        return columns, rows
    finally:
        engine.dispose()
