"""End to end: ``dmaf ingest`` over the hostile folder loads every good report and records every bad file.

Runs the real CLI (Prefect flow, worker processes, loader) on each database backend, then reads
the ``source_documents`` view back through ``dmaf sql``. Skipped, naming the import error, while
the ingest flow or its loader cannot be imported. Nothing here imports Prefect before the CLI has
set its environment defaults (``configure_prefect``): settings read earlier would ignore them.
"""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from tests.hostile.files import LOOP, MAX_BYTES, build_folder, unlock

INGEST_SECONDS = 180  # wall-clock bound, ~8x the median (docs/development.md#timing-bounds)

pytestmark = pytest.mark.slow


def invoke(*args: str):
    """Run one ``dmaf`` command in-process and return click's result."""
    from dmaf.cli import app

    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def source_documents(db_url: str) -> dict[str, dict]:
    """Return the rows of the source_documents view, by path."""
    result = invoke("sql", "SELECT path, status, error FROM source_documents", "--db", db_url, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {row["path"]: row for row in rows}


def test_ingesting_the_hostile_folder_loads_the_good_and_records_each_bad_file(tmp_path, db_url):
    folder = tmp_path / "reports – ü folder"
    cases = build_folder(folder)
    try:
        start = time.perf_counter()
        result = invoke("ingest", str(folder), "--db", db_url, "--workers", "2", "--timeout", "60",
                        "--max-mb", repr(MAX_BYTES / 2**20))
        elapsed = time.perf_counter() - start
        rows = source_documents(db_url)
    finally:
        unlock(folder)

    assert result.exit_code != 0, "bad files were ingested, yet the command reported success"
    print(f"\nwall-clock: bad folder ingested in {elapsed:.3f} s (bound {INGEST_SECONDS} s)")
    assert elapsed < INGEST_SECONDS
    assert sorted(rows) == sorted(str(folder / c.name) for c in cases)
    assert not any(f"/{LOOP}/" in path for path in rows), "ingest followed the folder's link to itself"
    for case in cases:
        row = rows[str(folder / case.name)]
        if case.ok:
            assert row["status"] == "loaded", (case.name, row)
        else:
            assert row["status"] == "failed", (case.name, row)
            assert case.says in row["error"] and str(folder / case.name) in row["error"], (case.name, row)
