"""Backups of the warehouse: SQLite's online backup API, or ``pg_dump`` for PostgreSQL."""

from __future__ import annotations

import glob
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url

from core import defaults
from core.errors import BackupError, WarehouseDamaged, WarehouseMissing
from warehouse.integrity import RESTORE, check_reachable, sqlite_problems
from warehouse.settings import mask_url, redact, resolve_url, sqlite_path

PG_DUMP_TIMEOUT_S = 3600.0
PG_DUMP_ENV = defaults.PG_DUMP_ENV
PG_DUMP_DIRS = (
    "/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/usr/local/pgsql/bin", "/opt/homebrew/opt/libpq/bin",
    "/usr/local/opt/libpq/bin", "/Applications/Postgres.app/Contents/Versions/*/bin",
)
"""Where PostgreSQL packages put ``pg_dump`` outside PATH (Debian/Ubuntu, RHEL, source builds, Homebrew)."""
_SIBLINGS = ("pg_restore", "psql", "pg_ctl", "postgres", "initdb", "pg_config")


def _version_key(folder: Path) -> tuple[int, ...]:
    """Return the version numbers in a folder's path (``/usr/lib/postgresql/15/bin`` -> ``(15,)``)."""
    return tuple(int(n) for n in re.findall(r"\d+", str(folder)))


def find_pg_dump(
    explicit: str | Path | None = None, *, search_path: str | None = None, dirs: Sequence[str] | None = None
) -> str:
    """Return the ``pg_dump`` to run: ``explicit`` (else ``$DMAF_PG_DUMP``), else on PATH, else beside the
    other PostgreSQL programs on PATH (symlinks followed), else the newest in ``dirs`` (default
    ``PG_DUMP_DIRS``); raise BackupError.
    """
    dirs = PG_DUMP_DIRS if dirs is None else dirs
    chosen = explicit or os.environ.get(PG_DUMP_ENV)
    if chosen:
        if Path(chosen).is_file() and os.access(chosen, os.X_OK):
            return str(chosen)
        origin = "" if explicit else f" (from {PG_DUMP_ENV})"
        raise BackupError(f"{chosen}{origin} is not an executable file; point it at pg_dump")
    on_path = shutil.which("pg_dump", path=search_path)
    if on_path:
        return on_path
    for sibling in _SIBLINGS:
        found = shutil.which(sibling, path=search_path)
        candidate = Path(found).resolve().parent / "pg_dump" if found else None
        if candidate is not None and candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    folders = sorted({Path(f) for pattern in dirs for f in glob.glob(pattern)}, key=_version_key, reverse=True)
    for folder in folders:
        candidate = folder / "pg_dump"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise BackupError(
        "pg_dump is not on PATH nor in the usual PostgreSQL folders; install the PostgreSQL client tools "
        f"(e.g. apt-get install postgresql-client) or set {PG_DUMP_ENV} to its path"
    )


def _backup_sqlite(url: str, partial: Path) -> None:
    """Copy a live SQLite file page by page into ``partial`` (readers and writers may go on)."""
    path = sqlite_path(url)
    if path is None:
        raise BackupError("an in-memory SQLite database cannot be backed up")
    if not path.is_file():
        raise WarehouseMissing(f"no warehouse at {path}; nothing to back up")
    problems = sqlite_problems(path)
    if problems:
        raise WarehouseDamaged(f"the warehouse {path} is damaged ({problems[0]}); no backup was written (a copy "
                               f"would be damaged too); {RESTORE}")
    source_uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        with closing(sqlite3.connect(source_uri, uri=True)) as source, closing(sqlite3.connect(partial)) as target:
            source.backup(target)
    except sqlite3.DatabaseError as exc:
        raise WarehouseDamaged(f"the warehouse {path} could not be copied ({' '.join(str(exc).split())}); no "
                               f"backup was written; {RESTORE}") from None
    copied = sqlite_problems(partial, full=True)
    if copied:
        raise BackupError(f"the copy of {path} failed its integrity check ({copied[0]}); no backup was written")


def _backup_postgres(url: str, partial: Path, pg_dump: str | Path | None = None) -> None:
    """Dump a PostgreSQL database with ``pg_dump --format=custom``; the password goes by environment. A server
    that cannot be reached is ``CannotConnect`` (a fault), found before ``pg_dump`` runs."""
    pg_dump = find_pg_dump(pg_dump)
    check_reachable(url)  # a read-only database (a replica) may be backed up
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
        detail = redact(" ".join(done.stderr.split()), url) or f"exit status {done.returncode}"
        raise BackupError(f"pg_dump of {mask_url(url)} failed: {detail}")
    _verify_archive(pg_dump, partial, url)


def _verify_archive(pg_dump: str, archive: Path, url: str) -> None:
    """Read back the table of contents of a ``pg_dump`` archive with its ``pg_restore``; raise BackupError
    when it cannot be read or lists no table data."""
    restore = Path(pg_dump).with_name("pg_restore")
    program = str(restore) if restore.is_file() else (shutil.which("pg_restore") or "")
    if not program:
        raise BackupError(f"pg_restore is not beside {pg_dump} nor on PATH, so the backup of {mask_url(url)} "
                          "cannot be verified; install the PostgreSQL client tools")
    listed = subprocess.run([program, "--list", str(archive)], capture_output=True, text=True,
                            timeout=PG_DUMP_TIMEOUT_S, check=False)
    if listed.returncode != 0 or "TABLE DATA" not in listed.stdout:
        detail = " ".join(listed.stderr.split()) or "it lists no table data"
        raise BackupError(f"the pg_dump archive of {mask_url(url)} could not be read back ({detail}); "
                          "no backup was written")


def backup(
    url: str | None, dest: str | Path, *, overwrite: bool = False, pg_dump: str | Path | None = None
) -> Path:
    """Write a consistent copy of the warehouse to ``dest`` and return its path.

    SQLite gives a SQLite file; PostgreSQL gives a ``pg_dump`` custom-format archive (``pg_restore`` it),
    made by ``pg_dump`` (default: ``find_pg_dump()``). A damaged SQLite warehouse is refused
    (``WarehouseDamaged``). The copy is written beside ``dest`` first, verified (SQLite ``integrity_check``;
    ``pg_restore --list``) and only then renamed, so ``dest`` is never half-written nor damaged.
    """
    resolved = resolve_url(url)
    target = Path(dest).expanduser().resolve()
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; choose another file, or pass --overwrite to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    backend = make_url(resolved).get_backend_name()
    try:
        if backend == "sqlite":
            _backup_sqlite(resolved, partial)
        elif backend == "postgresql":
            _backup_postgres(resolved, partial, pg_dump)
        else:
            raise BackupError(f"cannot back up a {backend!r} database ({mask_url(resolved)})")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
