"""Specification of the defaults: one place, paths under the current folder, resolved when used."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import defaults
from core.options import BatchOptions, ParseOptions


def test_paths_are_under_the_current_folder_when_they_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default warehouse follows the current folder (an installed package never writes into itself)."""
    monkeypatch.chdir(tmp_path)
    assert defaults.warehouse_path() == tmp_path / "warehouse" / "dmaf.db"
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.chdir(other)
    assert defaults.warehouse_path() == other / "warehouse" / "dmaf.db"


def test_the_reports_folder_is_the_environment_s_else_raw_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """$DMAF_REPORTS_DIR wins over ./raw_reports."""
    monkeypatch.delenv(defaults.REPORTS_DIR_ENV, raising=False)
    assert defaults.reports_dir() == Path("raw_reports")
    monkeypatch.setenv(defaults.REPORTS_DIR_ENV, "/data/reports")
    assert defaults.reports_dir() == Path("/data/reports")


def test_options_take_their_defaults_from_one_place() -> None:
    """ParseOptions and BatchOptions carry core.defaults' values unless told otherwise."""
    assert ParseOptions() == ParseOptions(None, defaults.MAX_BYTES, defaults.TIMEOUT_S, defaults.MEMORY_MB)
    assert defaults.MAX_BYTES == 100 * 1024 * 1024
    assert BatchOptions().batch_size == defaults.BATCH_SIZE
    assert BatchOptions(workers=None).processes == defaults.default_workers() >= 1
    assert BatchOptions(workers=0).processes == 0


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"parallel_batches": 0}, {"workers": -1}])
def test_batch_options_refuse_values_that_cannot_work(bad: dict) -> None:
    """Zero files per batch, no batch in flight or a negative number of processes is a ValueError naming it."""
    with pytest.raises(ValueError, match=next(iter(bad)).replace("_", " ").split()[0]):
        BatchOptions(**bad)
