"""How the command line behaves for a newcomer: usage errors are one line and record nothing, help is readable,
a closed pipe is a quiet exit, refusals name the flag that resolves them, wide tables fold."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dmaf.cli import app
from dmaf.commands.database import WIDE_HINT
from tests.conftest import BIN, RAW_REPORTS

runner = CliRunner()


def _commands() -> list[list[str]]:
    """Return every command path of the CLI (``["db", "backup"]`` for a sub-command)."""
    group = typer.main.get_command(app)
    paths = []
    for name, command in group.commands.items():
        subs = getattr(command, "commands", None)
        paths += [[name, sub] for sub in subs] if subs else [[name]]
    return paths


@pytest.mark.parametrize("missing", [["/does/not/exist"], [str(RAW_REPORTS), "/no/such/folder"]])
def test_ingest_of_a_path_that_does_not_exist_is_a_usage_error_that_records_nothing(tmp_path: Path, missing) -> None:
    """Exit 2 at once, one line naming the path, no warehouse created (no failed row, no run)."""
    db = tmp_path / "w.db"
    started = time.monotonic()
    result = runner.invoke(app, ["ingest", *missing, "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and missing[-1] in result.stderr
    assert "error:" in result.stderr and "does not exist" in result.stderr
    assert not db.exists()
    elapsed = time.monotonic() - started
    print(f"\nwall-clock: usage error in {elapsed:.3f} s (bound 5 s)")
    assert elapsed < 5  # no Prefect server was started for it (one takes 7-25 s)


def test_parse_of_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    """The same rule for parse: exit 2, one line."""
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_shows_readable_metavars_not_python_types(command: list[str]) -> None:
    """No ``<bool>``, ``<str>`` or ``<list[Path]>`` in any --help."""
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert not re.search(r"<(?:bool|str|int|float|list\[[A-Za-z]+\]|Path|int range|float range)>", result.stdout)


def test_a_closed_pipe_ends_parse_quietly() -> None:
    """``dmaf parse raw_reports/ | head -c 10``: exit 0, nothing on stderr (no traceback, no 'Broken pipe')."""
    process = subprocess.Popen([str(BIN / "dmaf"), "parse", str(RAW_REPORTS)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout.read(10)
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0
    assert stderr == b""


def test_a_backup_refusal_names_the_flag_that_allows_it(tmp_path: Path) -> None:
    """An existing destination is refused, and the message says --overwrite."""
    db = tmp_path / "w.db"
    assert runner.invoke(app, ["db", "upgrade", "--db", str(db)]).exit_code == 0
    dest = tmp_path / "copy.db"
    dest.write_bytes(b"keep me")
    result = runner.invoke(app, ["db", "backup", str(dest), "--db", str(db)])
    assert result.exit_code == 2 and "--overwrite" in result.stderr
    assert dest.read_bytes() == b"keep me"
    assert runner.invoke(app, ["db", "backup", str(dest), "--db", str(db), "--overwrite"]).exit_code == 0


def test_a_wide_result_folds_its_cells_and_points_to_csv(tmp_path: Path) -> None:
    """On an 80-column terminal nothing is cut to "…": long values fold onto more lines, and a hint names --format csv."""
    from rich.console import Console

    from dmaf.commands.database import print_rows

    columns = ["run_id", "started_at", "finished_at", "duration_s", "folder", "parser_version", "loaded", "skipped"]
    row = (1, "2026-12-01 09:17:30.123456+00:00", "2026-12-01 09:18:02.654321+00:00", 32.5,
           "/data/dmaf/reports/archive-2021", "2", 300, 0)
    out = Console(width=80, force_terminal=True, record=True)
    err = Console(width=80, force_terminal=True, record=True)
    print_rows(columns, [row], "table", out=out, err=err)
    text = out.export_text()
    assert "…" not in text
    assert "/data/dm" in text and "ve-2021" in text  # the folder, folded over lines of its column
    assert WIDE_HINT in " ".join(err.export_text().split())
