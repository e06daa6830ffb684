"""Files still being written are not read: a file modified within the settle time, or changed while read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from core.errors import StillBeingWritten
from core.options import ParseOptions
from pipeline import document
from pipeline.document import parse_path, read_source


def _aged(path: Path, seconds: float) -> Path:
    """Set a file's mtime ``seconds`` in the past; return it."""
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_file_modified_within_the_settle_time_is_still_being_written(tmp_path: Path) -> None:
    """Written now, settle 5 s: refused as pending with the age; 10 s old: read."""
    path = tmp_path / "report.txt"
    path.write_text("some report text\n" * 20)
    with pytest.raises(StillBeingWritten, match=r"modified \d\.\d s ago, within the settle time of 5 s"):
        read_source(path, max_bytes=10_000, settle_s=5)
    data, source = read_source(_aged(path, 10), max_bytes=10_000, settle_s=5)
    assert data == path.read_bytes() and source.size == len(data)
    read_source(path, max_bytes=10_000, settle_s=0)  # 0 = off


def test_a_file_that_changes_while_it_is_read_is_still_being_written(tmp_path: Path) -> None:
    """The stat after the read differs from the one before it (a copy appending to the file)."""
    path = tmp_path / "report.txt"
    path.write_text("first part\n")
    _aged(path, 60)
    before = os.stat(path)
    with path.open("a") as handle:
        handle.write("second part\n")
    with pytest.raises(StillBeingWritten, match="changed while it was read"):
        document._check_settled(str(path), before, before.st_size, 0.0, time.time())


def test_a_pending_file_is_an_outcome_not_an_error(tmp_path: Path) -> None:
    """parse_path gives a ``pending`` failure naming the file (the loader records nothing for it)."""
    path = tmp_path / "report.txt"
    path.write_text("x" * 100)
    outcome = parse_path(path, ParseOptions(settle_s=30))
    assert outcome.failure is not None and outcome.failure.reason == "pending"
    assert outcome.failure.message.startswith(f"{path}: modified ")


def test_the_settle_time_comes_from_the_environment_when_not_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """``$DMAF_SETTLE_S`` when set, else 2 s; a bad value is a clear error."""
    from core import defaults

    monkeypatch.delenv(defaults.SETTLE_ENV, raising=False)
    assert document.settle_time(ParseOptions()) == defaults.SETTLE_S == 2.0
    monkeypatch.setenv(defaults.SETTLE_ENV, "7.5")
    assert document.settle_time(ParseOptions()) == 7.5
    assert document.settle_time(ParseOptions(settle_s=1)) == 1
    monkeypatch.setenv(defaults.SETTLE_ENV, "soon")
    with pytest.raises(ValueError, match="DMAF_SETTLE_S='soon' is not a number of seconds"):
        defaults.settle_s()
