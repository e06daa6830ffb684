"""The refresh planner and its helpers: pure decisions by size and mtime, hashing only when they differ."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.errors import FolderNotFound
from core.records import LoadResult
from flows.summary import IngestSummary, summary_markdown
from pipeline.identity import file_sha256
from pipeline.refresh_plan import (
    Plan,
    confirm_changes,
    folder_root,
    plan_refresh,
    stat_files,
)


def test_plan_sorts_paths_into_new_changed_candidates_unchanged_and_missing():
    seen = {"/r/same": (10, 1.5, "aa"), "/r/touched": (10, 1.5, "bb"), "/r/grown": (10, 1.5, "cc"),
            "/r/gone": (10, 1.5, "dd")}
    found = {"/r/same": (10, 1.5), "/r/touched": (10, 2.5), "/r/grown": (11, 1.5), "/r/new": (3, 9.0)}
    assert plan_refresh(seen, found) == Plan(new=["/r/new"], changed_candidates=["/r/grown", "/r/touched"],
                                             unchanged=["/r/same"], missing=["/r/gone"])


def test_plan_never_calls_a_file_unchanged_without_a_recorded_hash_or_a_stat():
    seen = {"/r/unread": (10, 1.5, None), "/r/blank": (10, 1.5, ""), "/r/unstatable": (0, 0.0, "ee")}
    found = {"/r/unread": (10, 1.5), "/r/blank": (10, 1.5), "/r/unstatable": None, "/r/new-unstatable": None}
    plan = plan_refresh(seen, found)
    assert plan.unchanged == []
    assert plan.changed_candidates == ["/r/blank", "/r/unread", "/r/unstatable"]
    assert plan.new == ["/r/new-unstatable"]


def test_plan_of_an_empty_warehouse_is_all_new_and_of_an_empty_folder_all_missing():
    assert plan_refresh({}, {"/r/a": (1, 1.0)}) == Plan(["/r/a"], [], [], [])
    assert plan_refresh({"/r/a": (1, 1.0, "x")}, {}) == Plan([], [], [], ["/r/a"])


def test_confirm_hashes_only_candidates_of_the_same_size_and_tells_touches_from_changes():
    hashed: list[str] = []

    def digest(path: str) -> str:
        hashed.append(path)
        return {"/r/touched": "bb", "/r/edited": "new"}[path]

    seen = {"/r/touched": (10, 1.5, "bb"), "/r/edited": (10, 1.5, "cc"), "/r/grown": (10, 1.5, "dd")}
    found = {"/r/touched": (10, 2.5), "/r/edited": (10, 3.5), "/r/grown": (12, 1.5)}
    confirmed = confirm_changes(["/r/grown", "/r/edited", "/r/touched"], seen, found, digest=digest)
    assert confirmed.changed == ["/r/grown", "/r/edited"]
    assert confirmed.same == [("/r/touched", "bb", 10, 2.5)]
    assert hashed == ["/r/edited", "/r/touched"]  # a new size is a new content: not read


def test_confirm_treats_a_file_that_cannot_be_read_as_changed_so_parsing_records_why(tmp_path):
    gone = str(tmp_path / "gone.txt")
    confirmed = confirm_changes([gone], {gone: (4, 1.0, "aa")}, {gone: (4, 2.0)})
    assert confirmed.changed == [gone] and confirmed.same == []


def test_stat_files_returns_size_and_mtime_or_none_without_opening_anything(tmp_path):
    file = tmp_path / "a.txt"
    file.write_bytes(b"12345")
    calls: list[str] = []

    def stat(path: str) -> os.stat_result:
        calls.append(path)
        return os.stat(path)

    found = stat_files([str(file), str(tmp_path / "nope.txt")], stat=stat)
    assert found == {str(file): (5, file.stat().st_mtime), str(tmp_path / "nope.txt"): None}
    assert len(calls) == 2


def test_file_sha256_matches_hashlib(tmp_path):
    import hashlib

    file = tmp_path / "a.bin"
    file.write_bytes(b"x" * (3 << 20))
    assert file_sha256(str(file)) == hashlib.sha256(file.read_bytes()).hexdigest()


def test_folder_root_is_absolute_without_links_and_refuses_a_missing_folder_or_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "reports")
    assert folder_root("reports") == folder_root("link") == os.path.realpath(tmp_path / "reports")
    with pytest.raises(FolderNotFound, match="does not exist"):
        folder_root("unmounted")
    with pytest.raises(FolderNotFound, match="is not a folder"):
        folder_root(Path("a.txt"))


def test_summary_markdown_lists_counts_failures_and_missing_files():
    summary = IngestSummary(
        results=[LoadResult("/r/a.txt", "loaded", "ok"), LoadResult("/r/b.pdf", "failed", "/r/b.pdf: not a PDF")],
        run_id=7, folder="/r", duration_s=1.25, unchanged=3, missing=["/r/old.txt"],
    )
    text = summary_markdown(summary, title="Refresh summary")
    assert text.startswith("# Refresh summary\n")
    assert "ingest_run id 7" in text and "`/r`" in text
    assert "| loaded | 1 |\n| unchanged | 3 |\n| failed | 1 |" in text
    assert "## Failed (1)\n\n- `/r/b.pdf`: /r/b.pdf: not a PDF" in text
    assert "## Missing since the last scan (1)" in text and "- `/r/old.txt`" in text


def test_summary_markdown_caps_long_lists():
    summary = IngestSummary(results=[LoadResult(f"/r/{i}", "failed", "bad") for i in range(5)])
    text = summary_markdown(summary, title="t", limit=2)
    assert text.count("- `/r/") == 2 and "... and 3 more" in text
