"""`dmaf refresh` and `dmaf serve` on the command line: exit codes, progress lines, summary, refusals."""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Iterator

import pytest
from rich.console import Console
from typer.testing import CliRunner

from core.records import LoadResult
from dmaf.cli import app
from dmaf.console import print_summary, run_with_progress
from flows import progress
from flows.schedule import local_timezone
from flows.summary import IngestSummary
from tests.conftest import BIN
from tests.flows.conftest import write_report

runner = CliRunner()


@pytest.fixture
def restored_environ() -> Iterator[None]:
    """Put os.environ back as it was (the commands set Prefect defaults in it)."""
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_refresh_prints_progress_lines_and_a_summary_and_exits_1_when_a_file_failed(
        prefect_harness, db_url, tmp_path, restored_environ):
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "kochi")
    (folder / "bad.docx").write_text("just text", encoding="utf-8")
    first = runner.invoke(app, ["refresh", str(folder), "--db", db_url, "--workers", "0"])
    assert first.exit_code == 1, first.output
    assert "found 2 file(s): 2 new" in first.stderr
    assert f"] loaded: {folder / 'kochi.txt'} (" in first.stderr and "files/s, ETA" in first.stderr
    assert "failed: " in first.stdout and "bad.docx" in first.stdout and "plain text" in first.stdout
    assert "recorded as ingest_run id" in first.stdout

    write_report(folder, "bhopal")
    (folder / "kochi.txt").unlink()
    second = runner.invoke(app, ["refresh", str(folder), "--db", db_url, "--workers", "0"])
    assert second.exit_code == 0, second.output  # the bad file failed in an earlier run; it is unchanged
    assert "unchanged" in second.stdout and f"missing: {folder / 'kochi.txt'}" in second.stdout


def test_refresh_of_a_folder_that_does_not_exist_exits_2_and_touches_nothing(tmp_path, restored_environ):
    result = runner.invoke(app, ["refresh", str(tmp_path / "unmounted"), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "w.db").exists()


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--timezone", "Mars/Olympus_Mons", "not an IANA time zone"),
    ("--cron", "0 25 * * *", "Invalid cron"),
])
def test_serve_refuses_a_bad_schedule_before_contacting_anything(tmp_path, restored_environ, option, value, message):
    result = runner.invoke(app, ["serve", option, value, "--folder", str(tmp_path)])
    assert result.exit_code == 2
    assert message in result.output


def test_serve_without_a_prefect_server_exits_2_and_says_how_to_start_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {
        "PREFECT_HOME": str(tmp_path / "home")}
    done = subprocess.run([str(BIN / "dmaf"), "serve", "--folder", str(tmp_path),
                           "--db", str(tmp_path / "w.db")], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 2
    assert "prefect server start" in done.stderr and "PREFECT_API_URL" in done.stderr


def test_local_timezone_prefers_tz_then_etc_timezone_then_the_localtime_link(tmp_path):
    (tmp_path / "timezone").write_text("Asia/Kolkata\n")
    assert local_timezone({"TZ": "Europe/Paris"}, tmp_path) == "Europe/Paris"
    assert local_timezone({"TZ": "not/a_zone"}, tmp_path) == "Asia/Kolkata"
    (tmp_path / "timezone").unlink()
    (tmp_path / "localtime").symlink_to("/usr/share/zoneinfo/America/New_York")
    assert local_timezone({}, tmp_path) == "America/New_York"
    assert local_timezone({}, tmp_path / "empty") == "UTC"


def test_on_a_terminal_progress_is_a_bar_with_files_per_second_and_notes_above_it():
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=120)

    def run() -> str:
        progress.note("found 2 file(s): 2 new")
        progress.announce_total(2)
        progress.report("/r/a.txt", "loaded", "ok")
        progress.report("/r/b.pdf", "failed", "/r/b.pdf: not a PDF")
        return "done"

    assert run_with_progress(console, run, description="refreshing") == "done"
    shown = buffer.getvalue()
    assert "found 2 file(s): 2 new" in shown and "refreshing" in shown and "files/s" in shown
    assert "2/2" in shown and "/r/b.pdf: not a PDF" in shown


def test_the_summary_always_shows_loaded_skipped_failed_then_other_statuses():
    buffer = io.StringIO()
    summary = IngestSummary(results=[LoadResult("/r/a", "loaded", ""), LoadResult("/r/b", "failed", "/r/b: bad")],
                            unchanged=5, run_id=3)
    print_summary(Console(file=buffer, width=100), summary, title="refresh summary")
    shown = buffer.getvalue()
    rows = [line.split("│")[1:3] for line in shown.splitlines() if line.count("│") == 3]
    assert [(s.strip(), n.strip()) for s, n in rows] == [
        ("loaded", "1"), ("skipped", "0"), ("failed", "1"), ("unchanged", "5")]
    assert "failed: /r/b: bad" in shown and "ingest_run id 3" in shown
