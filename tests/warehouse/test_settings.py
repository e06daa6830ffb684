"""Specification of the warehouse settings: where the database is and how its URL is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import defaults
from warehouse.settings import mask_url, resolve_url, sqlite_path


def test_the_default_database_is_warehouse_dmaf_db_under_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without an argument or env, the warehouse is ./warehouse/dmaf.db of the current folder, never the package's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DMAF_DATABASE_URL", raising=False)
    assert defaults.warehouse_path() == tmp_path / "warehouse" / "dmaf.db"
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'warehouse' / 'dmaf.db'}"


def test_resolve_url_prefers_the_argument_then_the_environment_then_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Explicit URL > DMAF_DATABASE_URL > default SQLite file."""
    monkeypatch.delenv("DMAF_DATABASE_URL", raising=False)
    assert resolve_url(None) == f"sqlite:///{defaults.warehouse_path()}"
    monkeypatch.setenv("DMAF_DATABASE_URL", "sqlite:////tmp/from-env.db")
    assert resolve_url(None) == "sqlite:////tmp/from-env.db"
    assert resolve_url("sqlite:////tmp/explicit.db") == "sqlite:////tmp/explicit.db"


def test_resolve_url_turns_a_path_into_sqlite_and_postgres_into_psycopg(tmp_path: Path) -> None:
    """A bare path is a SQLite file; postgres:// URLs use the psycopg driver."""
    assert resolve_url(str(tmp_path / "w.db")) == f"sqlite:///{tmp_path / 'w.db'}"
    assert resolve_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("postgresql://u@h:5433/db") == "postgresql+psycopg://u@h:5433/db"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://dmaf:s3cr%40t@db.example:5432/dmaf", "postgresql+psycopg://dmaf:***@db.example:5432/dmaf"),
        ("postgresql+psycopg://dmaf@db.example/dmaf", "postgresql+psycopg://dmaf@db.example/dmaf"),
        ("sqlite:////tmp/dmaf.db", "sqlite:////tmp/dmaf.db"),
        ("weird://user:hunter2@host:bad-port/x", "weird://user:***@host:bad-port/x"),
    ],
)
def test_mask_url_never_shows_a_password(url: str, shown: str) -> None:
    """Passwords become *** and nothing else changes."""
    assert mask_url(url) == shown
    assert "s3cr" not in mask_url(url) and "hunter2" not in mask_url(url)


def test_sqlite_path_reads_the_file_of_a_sqlite_url(tmp_path: Path) -> None:
    """The file of a SQLite URL; None for memory and other backends."""
    assert sqlite_path(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("postgresql+psycopg://u@h/db") is None
