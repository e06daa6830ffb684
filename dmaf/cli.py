"""The ``dmaf`` command line: a thin layer over the library (every command calls one API function)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table

from dmaf.commands import register_all
from dmaf.commands.options import (
    db_option,
    max_mb_option,
    memory_mb_option,
    pdf_password_option,
    timeout_option,
    workers_option,
)
from dmaf.prefect_env import configure_prefect
from flows.defaults import DEFAULT_BATCH_SIZE

app = typer.Typer(help="Turn DMAF city assessment reports into a SQL warehouse.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
db_app = typer.Typer(help="Manage the warehouse database.", no_args_is_help=True)
app.add_typer(db_app, name="db")
out = Console()
err = Console(stderr=True)


@app.command()
def parse(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (searched recursively)."),
    format: str = typer.Option("json", "--format", help="Output format: json (one object per line)."),
    pdf_password: Optional[str] = pdf_password_option(),
) -> None:
    """Parse reports and print one JSON object per document; no database, no Prefect."""
    from dmaf.discovery import discover
    from dmaf.pipeline import ParseOptions, parse_path

    if format != "json":
        raise typer.BadParameter("only --format json is supported", param_hint="--format")
    options = ParseOptions(pdf_password=pdf_password)
    failed = 0
    for path in discover(paths):
        outcome = parse_path(path, options)
        if outcome.failure:
            failed += 1
            err.print(outcome.failure.message, markup=False, highlight=False, soft_wrap=True)
        else:
            print(json.dumps(outcome.report.to_dict(), ensure_ascii=False))
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (searched recursively)."),
    db: Optional[str] = db_option(),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1, help="Files per parse task."),
    workers: Optional[int] = workers_option(),
    pdf_password: Optional[str] = pdf_password_option(),
    max_mb: float = max_mb_option(),
    timeout: float = timeout_option(),
    memory_mb: int = memory_mb_option(),
    dask_address: Optional[str] = typer.Option(
        None, "--dask-address", envvar="DMAF_DASK_ADDRESS",
        help="Parse the batches on this existing Dask cluster (tcp://host:8786), one batch per Dask worker."),
) -> None:
    """Ingest reports into the warehouse through the Prefect flow; exit 1 if any file failed."""
    configure_prefect()
    from pydantic import SecretStr

    from dmaf.console import print_summary, run_with_progress
    from flows.ingest import ingest_reports
    from flows.runners import dask_worker_count, task_runner
    from warehouse.errors import WarehouseError
    from warehouse.settings import mask_url, resolve_url

    url = resolve_url(db)
    flow, extra = ingest_reports, {}
    if dask_address:
        if workers:
            raise typer.BadParameter("with --dask-address each batch is parsed inside a Dask worker (a daemonic "
                                     "process cannot start parse processes): leave --workers out or give 0",
                                     param_hint="--workers")
        try:
            runner, parallel = task_runner(dask_address), dask_worker_count(dask_address)
        except (ValueError, OSError) as exc:
            err.print(f"error: cannot use the Dask cluster at {dask_address}: {exc}", markup=False, highlight=False,
                      soft_wrap=True)
            raise typer.Exit(2) from None
        flow, extra, workers = ingest_reports.with_options(task_runner=runner), {"parallel_batches": parallel}, 0
        err.print(f"parsing on the Dask cluster at {dask_address} ({parallel} worker(s))", highlight=False)
    err.print(f"warehouse: {mask_url(url)}", highlight=False, soft_wrap=True)
    try:
        summary = run_with_progress(err, lambda: flow(
            [str(p.resolve()) for p in paths], db_url=SecretStr(url), batch_size=batch_size, workers=workers,
            pdf_password=SecretStr(pdf_password) if pdf_password else None,
            max_bytes=int(max_mb * 1024 * 1024), timeout_s=timeout, memory_mb=memory_mb, **extra,
        ))
    except WarehouseError as exc:
        _fail(exc)
    print_summary(out, summary)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def sql(
    query: str = typer.Argument(..., help="One SQL query (read-only)."),
    db: Optional[str] = db_option(),
    format: str = typer.Option("table", "--format", help="table, csv or json."),
    timeout: float = typer.Option(30.0, "--timeout", help="Stop the query after this many seconds."),
) -> None:
    """Run a read-only SQL query against the warehouse and print the result."""
    from warehouse.errors import WarehouseError
    from warehouse.readonly import run_readonly_query
    from warehouse.settings import resolve_url

    if format not in ("table", "csv", "json"):
        raise typer.BadParameter("choose table, csv or json", param_hint="--format")
    try:
        columns, rows = run_readonly_query(resolve_url(db), query, timeout_s=timeout)
    except WarehouseError as exc:
        _fail(exc)
    print_rows(columns, rows, format)


def _fail(exc: Exception) -> NoReturn:
    """Print a warehouse error on one line (credentials already masked) and exit 2."""
    err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(2) from None


def print_rows(columns: list[str], rows: list[tuple], format: str) -> None:
    """Print query results as a rich table, CSV or JSON lines."""
    if format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif format == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str))
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
        out.print(f"{len(rows)} row(s)", style="dim")


@db_app.command("upgrade")
def db_upgrade(db: Optional[str] = db_option()) -> None:
    """Create or migrate the warehouse schema to the latest version (Alembic)."""
    from warehouse.db import upgrade
    from warehouse.errors import WarehouseError
    from warehouse.settings import mask_url, resolve_url

    url = resolve_url(db)
    try:
        revision = upgrade(url)
    except WarehouseError as exc:
        _fail(exc)
    out.print(f"{mask_url(url)} is at revision {revision}", highlight=False, soft_wrap=True)


@db_app.command("backup")
def db_backup(
    dest: Path = typer.Argument(..., help="Where to write the backup (SQLite file or pg_dump archive)."),
    db: Optional[str] = db_option(),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing file."),
) -> None:
    """Write a consistent backup of the warehouse (SQLite online backup, or pg_dump)."""
    from warehouse.backup import backup
    from warehouse.errors import WarehouseError
    from warehouse.settings import resolve_url

    try:
        written = backup(resolve_url(db), dest, overwrite=overwrite)
    except WarehouseError as exc:
        _fail(exc)
    out.print(f"backup written to {written}", highlight=False, soft_wrap=True)


register_all(app)


def main() -> None:
    """Entry point for ``python -m dmaf``."""
    app()
