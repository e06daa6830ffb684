"""Integrity before trust: a damaged or read-only warehouse is refused, a backup is never a damaged copy, the
WAL is checkpointed, and a driver error met mid-run is named as the fault it is."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from core.errors import (
    CannotConnect,
    WarehouseDamaged,
    WarehouseFull,
    WarehouseReadOnly,
)
from loaders.batch import load_outcomes, prepare_warehouse
from pipeline.document import parse_path
from tests.loaders.city_reports import smart_cities, write_city_reports
from tests.tools import missing
from warehouse.backup import backup
from warehouse.db import make_engine
from warehouse.integrity import (
    check_full,
    check_writable,
    checkpoint,
    fault_of,
    sqlite_problems,
)
from warehouse.settings import sqlite_url

N_REPORTS = 12


def loaded_warehouse(folder: Path, n: int = N_REPORTS) -> Path:
    """Return a SQLite warehouse file holding ``n`` real reports (parsed from their text)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = write_city_reports(folder / "reports", smart_cities(n))
    db = folder / "dmaf.db"
    url = sqlite_url(db)
    prepare_warehouse(url)
    results = load_outcomes(url, [parse_path(p) for p in paths], parser_version="test")
    assert {r.status for r in results} == {"loaded"}
    engine = make_engine(url)
    checkpoint(engine)
    engine.dispose()
    return db


def corrupt(db: Path, *, seed: int = 4) -> None:
    """Overwrite 4 KB in the middle of a SQLite file with random bytes (a page of its tables)."""
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.seek((size // 2) // 4096 * 4096)
        handle.write(random.Random(seed).randbytes(4096))


@pytest.fixture(scope="module")
def sound_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A loaded warehouse, never changed by the tests (copy it first)."""
    return loaded_warehouse(tmp_path_factory.mktemp("sound"))


@pytest.fixture
def damaged_db(sound_db: Path, tmp_path: Path) -> Path:
    """A copy of the loaded warehouse with a damaged page."""
    db = tmp_path / "damaged.db"
    shutil.copyfile(sound_db, db)
    corrupt(db)
    return db


def test_a_sound_warehouse_passes_and_a_missing_one_may_be_created(sound_db: Path, tmp_path: Path) -> None:
    """quick_check finds nothing in a loaded file; a file not there yet is fine (the first ingest makes it)."""
    assert sqlite_problems(sound_db) == []
    check_writable(sqlite_url(sound_db))
    check_writable(sqlite_url(tmp_path / "new" / "dmaf.db"))
    assert not (tmp_path / "new").exists()  # checking creates nothing


def test_a_damaged_page_is_found_and_the_warehouse_refused_with_one_line(damaged_db: Path) -> None:
    """The message names the file and what to do; the file is left as it was."""
    before = damaged_db.read_bytes()
    with pytest.raises(WarehouseDamaged) as refused:
        check_writable(sqlite_url(damaged_db))
    message = str(refused.value)
    assert "\n" not in message and str(damaged_db) in message and "is damaged" in message
    assert "restore it from a backup" in message and "dmaf db check" in message
    assert damaged_db.read_bytes() == before
    report = check_full(sqlite_url(damaged_db))
    assert not report.ok and report.messages and report.messages != ("integrity_check: ok",)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    """A text file given as the warehouse is named as not a SQLite database."""
    text = tmp_path / "notes.txt"
    text.write_text("these are my notes\n" * 50)
    with pytest.raises(WarehouseDamaged, match="not a SQLite database"):
        check_writable(sqlite_url(text))
    with pytest.raises(WarehouseDamaged, match="is not a file"):
        check_writable(sqlite_url(tmp_path))


def test_a_backup_of_a_damaged_warehouse_is_refused_and_nothing_is_written(damaged_db: Path, tmp_path: Path) -> None:
    """No backup file and no partial file: a damaged copy would be restored from one day."""
    dest = tmp_path / "backup.db"
    with pytest.raises(WarehouseDamaged, match="no backup was written"):
        backup(sqlite_url(damaged_db), dest)
    assert list(tmp_path.glob("backup.db*")) == []


def test_a_backup_is_verified_before_it_is_put_in_place(sound_db: Path, tmp_path: Path) -> None:
    """The written copy passes integrity_check and holds every report."""
    written = backup(sqlite_url(sound_db), tmp_path / "backup.db")
    assert sqlite_problems(written, full=True) == []
    with sqlite3.connect(written) as conn:
        assert conn.execute("SELECT count(*) FROM report_version").fetchone() == (N_REPORTS,)


def test_after_a_load_the_main_file_alone_holds_every_committed_report(sound_db: Path, tmp_path: Path) -> None:
    """The load's checkpoint empties the WAL: a copy of dmaf.db without its -wal file loses nothing."""
    wal = sound_db.with_name(sound_db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    alone = tmp_path / "copied.db"
    shutil.copyfile(sound_db, alone)
    with sqlite3.connect(alone) as conn:
        assert conn.execute("SELECT count(*) FROM source_file").fetchone() == (N_REPORTS,)


@pytest.mark.parametrize(("driver_message", "fault"), [
    ("database or disk is full", WarehouseFull),
    ("could not extend file \"base/16384/2619\": No space left on device", WarehouseFull),
    ("attempt to write a readonly database", WarehouseReadOnly),
    ("cannot execute INSERT in a read-only transaction", WarehouseReadOnly),
    ("database disk image is malformed", WarehouseDamaged),
    ("file is not a database", WarehouseDamaged),
])
def test_a_driver_error_is_named_as_the_fault_it_is(driver_message: str, fault: type) -> None:
    """Each is one line naming the warehouse (password masked) and what to do; other errors are not faults."""
    url = "postgresql+psycopg://dmaf:S3cret@db.example:5432/dmaf"
    error = OperationalError("INSERT ...", {}, Exception(driver_message))
    found = fault_of(error, url)
    assert type(found) is fault
    assert "S3cret" not in str(found) and "dmaf:***@db.example" in str(found) and "\n" not in str(found)
    assert fault_of(OperationalError("SELECT", {}, Exception("no such table: city")), url) is None
    assert fault_of(ValueError("database or disk is full"), url) is None


def test_an_unreachable_server_is_a_fault_before_anything_runs() -> None:
    """A PostgreSQL port nobody listens on: CannotConnect naming the masked URL."""
    with pytest.raises(CannotConnect, match=r"cannot connect to postgresql\+psycopg://dmaf:\*\*\*@127\.0\.0\.1:9"):
        check_writable("postgresql+psycopg://dmaf:S3cret@127.0.0.1:9/dmaf")


# ------------------------------------------------------------------------------------- real filesystems


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs mounted for the test (root only: skipped where mounting is not allowed)."""
    point = tmp_path / "mnt"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        missing(f"cannot mount a tmpfs here ({done.stderr.strip()})", "run the tests as root")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def remount(point: Path, options: str) -> None:
    """Remount a test tmpfs with other options (``ro``, ``size=64m``)."""
    subprocess.run(["mount", "-o", f"remount,{options}", str(point)], check=True)


def test_a_warehouse_on_a_read_only_filesystem_is_refused(sound_db: Path, small_mount: Path) -> None:
    """Even for root, whom file permissions do not stop: the filesystem refuses writes."""
    remount(small_mount, "size=8m")
    shutil.copyfile(sound_db, small_mount / "dmaf.db")
    remount(small_mount, "ro")
    with pytest.raises(WarehouseReadOnly, match="is read-only"):
        check_writable(sqlite_url(small_mount / "dmaf.db"))
    with pytest.raises(WarehouseReadOnly, match="is not writable"):
        check_writable(sqlite_url(small_mount / "new.db"))


def test_a_full_disk_stops_the_load_at_a_whole_report_and_names_the_fault(small_mount: Path, tmp_path: Path) -> None:
    """On a 1 MB filesystem: the reports before the full disk are committed whole, the fault is one line,
    and after space is freed the same load commits the rest."""
    paths = write_city_reports(tmp_path / "reports", smart_cities(60))
    outcomes = [parse_path(p) for p in paths]
    url = sqlite_url(small_mount / "dmaf.db")
    prepare_warehouse(url)
    with pytest.raises(WarehouseFull) as full:
        load_outcomes(url, outcomes, parser_version="test")
    assert "is full" in str(full.value) and "free space and run again" in str(full.value)
    with sqlite3.connect(small_mount / "dmaf.db") as conn:
        committed = conn.execute("SELECT count(*) FROM source_file").fetchone()[0]
        whole = conn.execute("SELECT count(*) FROM report_version v WHERE indicator_count = "
                             "(SELECT count(*) FROM indicator_score s WHERE s.report_version_id = v.id)").fetchone()
    assert 0 < committed < len(paths) and whole == (committed,)
    remount(small_mount, "size=64m")
    results = load_outcomes(url, outcomes, parser_version="test")
    assert sum(r.status == "loaded" for r in results) == len(paths) - committed
    assert sqlite_problems(small_mount / "dmaf.db", full=True) == []
