"""Specification of finding ``pg_dump`` for PostgreSQL backups when it is not on PATH."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import BackupError
from warehouse.backup import PG_DUMP_ENV, find_pg_dump


def _program(path: Path) -> Path:
    """Create an executable stand-in program at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


@pytest.fixture(autouse=True)
def _no_explicit_pg_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test decides about DMAF_PG_DUMP itself."""
    monkeypatch.delenv(PG_DUMP_ENV, raising=False)


def test_pg_dump_on_path_is_taken_first(tmp_path: Path) -> None:
    """The plain PATH lookup wins over every other place."""
    on_path = _program(tmp_path / "bin" / "pg_dump")
    _program(tmp_path / "pg" / "16" / "bin" / "pg_dump")
    assert find_pg_dump(search_path=str(tmp_path / "bin"), dirs=[str(tmp_path / "pg" / "*" / "bin")]) == str(on_path)


def test_pg_dump_is_found_beside_a_postgresql_program_linked_from_path(tmp_path: Path) -> None:
    """Debian links only pg_ctl/initdb/postgres into /usr/local/bin; pg_dump sits beside their targets."""
    real = _program(tmp_path / "usr" / "lib" / "postgresql" / "15" / "bin" / "pg_ctl")
    pg_dump = _program(real.with_name("pg_dump"))
    (tmp_path / "local-bin").mkdir()
    (tmp_path / "local-bin" / "pg_ctl").symlink_to(real)
    assert find_pg_dump(search_path=str(tmp_path / "local-bin"), dirs=()) == str(pg_dump)


def test_the_newest_pg_dump_of_the_usual_folders_is_chosen(tmp_path: Path) -> None:
    """A newer pg_dump can dump older servers, so 16 beats 15 and 9.6 (numerically, not as text)."""
    for version in ("9.6", "15", "16"):
        _program(tmp_path / "pg" / version / "bin" / "pg_dump")
    found = find_pg_dump(search_path=str(tmp_path / "empty"), dirs=[str(tmp_path / "pg" / "*" / "bin")])
    assert found == str(tmp_path / "pg" / "16" / "bin" / "pg_dump")


def test_dmaf_pg_dump_names_the_program_and_a_wrong_one_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The environment variable wins; a path that is not an executable file is refused by name."""
    chosen = _program(tmp_path / "custom" / "pg_dump")
    monkeypatch.setenv(PG_DUMP_ENV, str(chosen))
    assert find_pg_dump(search_path=str(tmp_path / "empty"), dirs=()) == str(chosen)
    monkeypatch.setenv(PG_DUMP_ENV, str(tmp_path / "nope"))
    with pytest.raises(BackupError, match=rf"{tmp_path / 'nope'} \(from DMAF_PG_DUMP\) is not an executable file"):
        find_pg_dump()


def test_no_pg_dump_anywhere_says_what_to_install(tmp_path: Path) -> None:
    """Nothing on PATH, nothing beside, nothing in the usual folders."""
    with pytest.raises(BackupError, match="pg_dump is not on PATH nor in the usual PostgreSQL folders"):
        find_pg_dump(search_path=str(tmp_path), dirs=())
