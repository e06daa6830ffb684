"""Backups of the warehouse: SQLite's online backup API, or ``pg_dump`` for PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url

from warehouse.errors import BackupError, WarehouseMissing
from warehouse.settings import mask_url, resolve_url, sqlite_path

PG_DUMP_TIMEOUT_S = 3600.0


def _backup_sqlite(url: str, partial: Path) -> None:
    """Copy a live SQLite file page by page into ``partial`` (readers and writers may go on)."""
    path = sqlite_path(url)
    if path is None:
        raise BackupError("an in-memory SQLite database cannot be backed up")
    if not path.is_file():
        raise WarehouseMissing(f"no warehouse at {path}; nothing to back up")
    source_uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    with closing(sqlite3.connect(source_uri, uri=True)) as source, closing(sqlite3.connect(partial)) as target:
        source.backup(target)


def _backup_postgres(url: str, partial: Path) -> None:
    """Dump a PostgreSQL database with ``pg_dump --format=custom``; the password goes by environment."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError(
            "pg_dump is not on PATH; install the PostgreSQL client tools to back up a PostgreSQL warehouse"
        )
    parsed = make_url(url)
    conninfo = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    args = [pg_dump, "--format=custom", "--no-password", f"--file={partial}", f"--dbname={conninfo}"]
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=PG_DUMP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise BackupError(f"pg_dump of {mask_url(url)} took longer than {PG_DUMP_TIMEOUT_S:g} s") from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.split()) or f"exit status {done.returncode}"
        raise BackupError(f"pg_dump of {mask_url(url)} failed: {detail}")


def backup(url: str | None, dest: str | Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of the warehouse to ``dest`` and return its path.

    SQLite gives a SQLite file; PostgreSQL gives a ``pg_dump`` custom-format archive (``pg_restore`` it).
    The copy is written beside ``dest`` first and renamed, so ``dest`` is never half-written.
    """
    resolved = resolve_url(url)
    target = Path(dest).expanduser().resolve()
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; choose another file or allow overwriting")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    backend = make_url(resolved).get_backend_name()
    try:
        if backend == "sqlite":
            _backup_sqlite(resolved, partial)
        elif backend == "postgresql":
            _backup_postgres(resolved, partial)
        else:
            raise BackupError(f"cannot back up a {backend!r} database ({mask_url(resolved)})")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
