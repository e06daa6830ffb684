"""``dmaf sql`` (read-only queries) and ``dmaf db upgrade`` / ``dmaf db backup`` (manage the warehouse)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table

from core import defaults
from dmaf import api
from dmaf.commands.options import (
    WAREHOUSE_ERROR,
    Command,
    consoles,
    db_option,
    exit_on_error,
    fail,
    quiet_on_closed_pipe,
)

FORMATS = ("table", "csv", "json")
WIDE_HINT = "the table is wider than the terminal, so cells are folded; --format csv prints it unfolded"


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add ``sql``, ``db upgrade``, ``db backup`` and ``db check`` to the CLI."""
    app.command("sql", cls=Command)(sql)
    db_app.command("upgrade", cls=Command)(db_upgrade)
    db_app.command("backup", cls=Command)(db_backup)
    db_app.command("check", cls=Command)(db_check)


def sql(
    query: str = typer.Argument(..., metavar="QUERY", help="One SQL query (read-only)."),
    db: Optional[str] = db_option(),
    format: str = typer.Option("table", "--format", metavar="FORMAT", help="table, csv or json."),
    timeout: float = typer.Option(defaults.SQL_TIMEOUT_S, "--timeout", metavar="SECONDS",
                                  help="Stop the query after this many seconds."),
) -> None:
    """Run a read-only SQL query against the warehouse and print the result."""
    if format not in FORMATS:
        raise typer.BadParameter("choose table, csv or json", param_hint="--format")
    out, err = consoles()
    with exit_on_error(err):
        columns, rows = api.query(query, db=db, timeout_s=timeout)
    with quiet_on_closed_pipe():
        print_rows(columns, rows, format, out=out, err=err)


def print_rows(columns: list[str], rows: list[tuple], format: str, *, out: Console, err: Console) -> None:
    """Print query results as a table (cells folded, never cut), CSV or JSON lines."""
    if format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif format == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str))
    else:
        table = Table(show_lines=False)
        for name in columns:
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
        out.print(f"{len(rows)} row(s)", style="dim")
        natural = Measurement.get(out, out.options.update(max_width=1_000_000), table).maximum
        if out.is_terminal and natural > out.width:
            err.print(WIDE_HINT, style="dim", highlight=False)


def db_upgrade(db: Optional[str] = db_option()) -> None:
    """Create or migrate the warehouse schema to the latest version (Alembic)."""
    from warehouse.settings import mask_url, resolve_url

    out, err = consoles()
    with exit_on_error(err):
        revision = api.upgrade(db)
    out.print(f"{mask_url(resolve_url(db))} is at revision {revision}", highlight=False, soft_wrap=True)


def db_backup(
    dest: Path = typer.Argument(..., metavar="DEST", help="Where to write the backup (SQLite file or pg_dump archive)."),
    db: Optional[str] = db_option(),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing file."),
) -> None:
    """Write a consistent backup of the warehouse (SQLite online backup, or pg_dump)."""
    out, err = consoles()
    with exit_on_error(err):
        written = api.backup(dest, db=db, overwrite=overwrite)
    out.print(f"backup written to {written}", highlight=False, soft_wrap=True)


def db_check(db: Optional[str] = db_option()) -> None:
    """Check the whole warehouse (SQLite integrity_check; PostgreSQL: every table read); exit 3 when damaged."""
    out, err = consoles()
    with exit_on_error(err):
        report = api.check(db)
    for message in report.messages:
        out.print(message, soft_wrap=True)
    if not report.ok:
        raise fail(err, f"the warehouse {report.warehouse} is damaged; restore it from a backup", WAREHOUSE_ERROR)
    out.print(f"{report.warehouse} is sound", soft_wrap=True)
