"""Specification of backups: a consistent copy that can be read back."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from core.errors import BackupError
from loaders.load import load_document
from tests.loaders.support import imphal_report, source_info
from tests.tools import require
from warehouse.db import backup


@pytest.fixture
def loaded(db_engine: Engine) -> Engine:
    """Return a warehouse holding the Imphal report."""
    report = imphal_report()
    load_document(db_engine, source=source_info("/r/imphal.txt", report), report=report, error=None,
                  parser_version="t")
    return db_engine


def test_a_backup_holds_the_same_data(loaded: Engine, db_url: str, db_backend: str, tmp_path: Path) -> None:
    """SQLite: a readable SQLite copy; PostgreSQL: a pg_dump archive that pg_restore lists."""
    if db_backend == "postgresql":
        require("pg_dump", fix="the PostgreSQL client: apt-get install postgresql-client")
    target = backup(db_url, tmp_path / "backups" / "dmaf.backup")
    assert target.is_file() and not list(target.parent.glob("*.partial"))
    if db_backend == "sqlite":
        with sqlite3.connect(target) as copy:
            assert copy.execute("SELECT COUNT(*) FROM indicator_scores").fetchone() == (21,)
    else:
        listing = subprocess.run(["pg_restore", "--list", str(target)], capture_output=True, text=True, check=True)
        assert "indicator_score" in listing.stdout and "VIEW public city_scores" in listing.stdout


def test_a_backup_never_overwrites_by_accident(loaded: Engine, db_url: str, tmp_path: Path) -> None:
    """An existing destination is refused unless overwriting is asked for."""
    target = tmp_path / "dmaf.backup"
    target.write_bytes(b"keep me")
    with pytest.raises(BackupError, match="already exists"):
        backup(db_url, target)
    assert target.read_bytes() == b"keep me"


def test_pg_dump_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without pg_dump on PATH nor in the usual folders, a PostgreSQL backup says what to install."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("warehouse.backup.PG_DUMP_DIRS", ())
    with pytest.raises(BackupError, match="pg_dump is not on PATH"):
        backup("postgresql+psycopg://u:secret@127.0.0.1:1/db", tmp_path / "x.dump")
