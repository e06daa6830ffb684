"""Integrity before trust: is the warehouse usable for writing, is a copy sound, and what a database error means.

Every command that writes calls ``check_writable`` first: a damaged, read-only or unreachable warehouse is
refused with one line (a ``WarehouseFault``) before anything is read or recorded. On SQLite that is
``PRAGMA quick_check`` (it reads every page once, skips the index cross-checks); ``check_full`` runs the full
``integrity_check`` for ``dmaf db check``. ``fault_of`` turns a driver error met in the middle of a run
(disk full, read-only, damaged) into the same one-line fault, so a run can stop cleanly instead of
ending in a traceback.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from core.errors import (
    CannotConnect,
    WarehouseDamaged,
    WarehouseFault,
    WarehouseFull,
    WarehouseMissing,
    WarehouseReadOnly,
)
from warehouse.settings import (
    cannot_connect,
    mask_url,
    redact,
    resolve_url,
    sqlite_path,
)

SQLITE_HEADER = b"SQLite format 3\x00"
RESTORE = "restore it from a backup (`dmaf db backup` writes one), or run `dmaf db check` for the full report"
FULL_CHECK_SHOWN = 20
"""How many of ``integrity_check``'s messages ``dmaf db check`` prints (it finds at most 100)."""

_FULL = ("database or disk is full", "no space left on device", "could not extend file", "disk quota exceeded")
_READ_ONLY = ("attempt to write a readonly database", "read-only transaction", "read-only file system",
              "readonly database")
_DAMAGED = ("database disk image is malformed", "file is not a database", "disk i/o error",
            "database corruption", "invalid page header")


@dataclass(frozen=True)
class CheckReport:
    """What ``dmaf db check`` found: the warehouse (masked), whether it is sound, and the check's messages."""

    warehouse: str
    ok: bool
    messages: tuple[str, ...]


def _ro_uri(path: Path) -> str:
    """Return a read-only SQLite URI for ``path`` (never creates the file)."""
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def sqlite_problems(path: Path, *, full: bool = False) -> list[str]:
    """Return what is wrong with the SQLite file at ``path`` (empty when sound): its header, then
    ``quick_check`` (or ``integrity_check`` with ``full``). A file of zero bytes is an empty, sound database."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if not head:
        return []
    if head != SQLITE_HEADER:
        return ["it is not a SQLite database (its first bytes are not a SQLite header)"]
    pragma = "integrity_check" if full else "quick_check"
    try:
        with closing(sqlite3.connect(_ro_uri(path), uri=True, timeout=30)) as conn:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [" ".join(str(exc).split())]
    return [] if rows == ["ok"] else rows


def check_writable(url: str | None) -> None:
    """Raise a ``WarehouseFault`` (one line: the warehouse, the cause, what to do) unless the warehouse can
    be written: SQLite — the file (if any) is a sound database and it and its folder are writable;
    PostgreSQL — the server answers and the database accepts writes. A missing SQLite file is fine
    (the first ingest creates it)."""
    resolved = resolve_url(url)
    backend = make_url(resolved).get_backend_name()
    if backend == "sqlite":
        _check_sqlite_writable(sqlite_path(resolved))
    elif backend == "postgresql":
        _check_postgres_writable(resolved)


def _check_sqlite_writable(path: Path | None) -> None:
    """Check a SQLite warehouse file (None: in memory, nothing to check)."""
    if path is None:
        return
    folder = _existing_parent(path)
    if path.exists() and not path.is_file():
        raise WarehouseDamaged(f"the warehouse {path} is not a file; point --db at a SQLite file")
    if not path.exists():
        if not os.access(folder, os.W_OK):
            raise WarehouseReadOnly(f"cannot create the warehouse {path}: the folder {folder} is not writable; "
                                    "choose another --db or make the folder writable")
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        what = path if not os.access(path, os.W_OK) else path.parent
        raise WarehouseReadOnly(f"the warehouse {path} is read-only ({what} is not writable; SQLite also writes "
                                "its -wal and -shm files beside it); make it writable or copy it elsewhere")
    try:
        problems = sqlite_problems(path)
    except OSError as exc:
        raise WarehouseDamaged(f"cannot read the warehouse {path}: {exc.strerror or exc}") from None
    if problems:
        raise WarehouseDamaged(f"the warehouse {path} is damaged ({problems[0]}); nothing was written to it; "
                               f"{RESTORE}")


def _existing_parent(path: Path) -> Path:
    """Return the nearest folder of ``path`` that exists."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def check_reachable(url: str) -> bool:
    """Return whether the PostgreSQL database at ``url`` is read-only; raise ``CannotConnect`` (one line, the
    URL masked) when the server does not answer or refuses the login."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW transaction_read_only")).scalar_one()).lower() == "on"
    except DBAPIError as exc:
        raise cannot_connect(url, exc) from None
    finally:
        engine.dispose()


def _check_postgres_writable(url: str) -> None:
    """Check that the PostgreSQL server answers and the database is not read-only."""
    if check_reachable(url):
        raise WarehouseReadOnly(f"the warehouse {mask_url(url)} accepts no writes (a read-only server or role: "
                                "default_transaction_read_only is on); connect to the primary or another role")


def check_full(url: str | None) -> CheckReport:
    """Run the full check of ``dmaf db check``: SQLite ``integrity_check``; PostgreSQL a connection and a
    query of every table the warehouse has (PostgreSQL checks its pages as it reads them)."""
    resolved = resolve_url(url)
    masked = mask_url(resolved)
    backend = make_url(resolved).get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(resolved)
        if path is None or not path.is_file():
            raise WarehouseMissing(f"no warehouse at {path}; nothing to check")
        problems = sqlite_problems(path, full=True)
        return CheckReport(masked, not problems, tuple(problems[:FULL_CHECK_SHOWN]) or ("integrity_check: ok",))
    return _check_postgres_tables(resolved)


def _check_postgres_tables(url: str) -> CheckReport:
    """Count the rows of every table in the warehouse's schema; a read error is a message."""
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    messages: list[str] = []
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            for table in tables:
                try:
                    conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
                except DBAPIError as exc:
                    conn.rollback()
                    messages.append(f"{table}: {' '.join(str(exc.orig).split())}")
    except DBAPIError as exc:
        return CheckReport(mask_url(url), False, (str(cannot_connect(url, exc)),))
    finally:
        engine.dispose()
    ok = not messages
    return CheckReport(mask_url(url), ok, tuple(messages) or (f"{len(tables)} table(s) read",))


def fault_of(error: BaseException, url: str) -> WarehouseFault | None:
    """Return the fault a database error means (disk full, read-only, damaged, unreachable), or None when it
    is not about the warehouse itself (a bug, a constraint, a lock to retry)."""
    if isinstance(error, WarehouseFault):
        return error
    if not isinstance(error, (DBAPIError, sqlite3.Error, SQLAlchemyError)):
        return None
    detail = redact(" ".join(str(getattr(error, "orig", None) or error).split()), url)
    lowered = detail.lower()
    where = mask_url(url)
    if any(m in lowered for m in _FULL):
        return WarehouseFull(f"the warehouse {where} is full ({detail}); the reports committed so far are kept; "
                             "free space and run again to load the rest")
    if any(m in lowered for m in _READ_ONLY):
        return WarehouseReadOnly(f"the warehouse {where} refuses writes ({detail}); make it writable and run again")
    if any(m in lowered for m in _DAMAGED):
        return WarehouseDamaged(f"the warehouse {where} is damaged ({detail}); {RESTORE}")
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return CannotConnect(f"lost the connection to {where}: {detail}; run again when the server is back")
    return None


def checkpoint(engine: Engine) -> None:
    """Copy a SQLite warehouse's write-ahead log into the main file and empty it (``wal_checkpoint(TRUNCATE)``),
    so the file alone holds every committed report (a copy without its ``-wal`` loses nothing). A busy
    checkpoint (a reader still open) is left to SQLite's next automatic one. Nothing to do on PostgreSQL."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()  # outside SQLAlchemy's BEGIN: a checkpoint cannot run inside a transaction
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.fetchall()
        cursor.close()
    finally:
        raw.close()
