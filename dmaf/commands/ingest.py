"""``dmaf parse`` (read reports, print JSON, no database) and ``dmaf ingest`` (load them through the flow)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from core import defaults
from core.options import BatchOptions
from core.text import printable
from dmaf import api
from dmaf.commands.options import (
    Command,
    batch_size_option,
    consoles,
    db_option,
    exit_on_error,
    fail,
    interrupted_exit,
    max_mb_option,
    memory_mb_option,
    ocr_dpi_option,
    ocr_option,
    parse_options,
    pdf_password_option,
    quiet_on_closed_pipe,
    run_exit,
    settle_option,
    timeout_option,
    workers_option,
)

PATHS_HELP = "Report files or folders (folders are searched recursively)."


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add ``parse`` and ``ingest`` to the CLI."""
    app.command("parse", cls=Command)(parse)
    app.command("ingest", cls=Command)(ingest)


def parse(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help=PATHS_HELP),
    format: str = typer.Option("json", "--format", metavar="FORMAT", help="Output format: json (one object per line)."),
    pdf_password: Optional[str] = pdf_password_option(),
    ocr: str = ocr_option(),
    ocr_dpi: int = ocr_dpi_option(),
    settle: Optional[float] = settle_option(),
) -> None:
    """Parse reports and print one JSON object per document; no database, no Prefect; exit 1 if any failed."""
    out, err = consoles()
    if format != "json":
        raise typer.BadParameter("only --format json is supported", param_hint="--format")
    failed = 0
    with exit_on_error(err), quiet_on_closed_pipe():
        for outcome in api.parse(paths, options=parse_options(pdf_password, ocr=ocr, ocr_dpi=ocr_dpi,
                                                                          settle=settle)):
            if outcome.failure:
                failed += 1
                err.print(printable(outcome.failure.message), markup=False, highlight=False, soft_wrap=True)
            else:
                document = outcome.report or outcome.published or outcome.compendium
                print(json.dumps(document.to_dict(), ensure_ascii=False), flush=True)
    raise typer.Exit(1 if failed else 0)


def ingest(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help=PATHS_HELP),
    db: Optional[str] = db_option(),
    batch_size: int = batch_size_option(),
    workers: Optional[int] = workers_option(),
    pdf_password: Optional[str] = pdf_password_option(),
    max_mb: float = max_mb_option(),
    timeout: float = timeout_option(),
    memory_mb: int = memory_mb_option(),
    ocr: str = ocr_option(),
    ocr_dpi: int = ocr_dpi_option(),
    settle: Optional[float] = settle_option(),
    dask_address: Optional[str] = typer.Option(
        None, "--dask-address", envvar=defaults.DASK_ADDRESS_ENV, metavar="ADDRESS",
        help="Parse the batches on this existing Dask cluster (tcp://host:8786), one batch per Dask worker."),
) -> None:
    """Ingest reports into the warehouse through the Prefect flow; exit 1 if any file failed."""
    from dmaf.console import print_summary, run_with_progress
    from warehouse.settings import mask_url, resolve_url

    out, err = consoles()
    if dask_address and workers:
        raise typer.BadParameter("with --dask-address each batch is parsed inside a Dask worker (a daemonic "
                                 "process cannot start parse processes): leave --workers out or give 0",
                                 param_hint="--workers")
    with exit_on_error(err):
        api.existing_paths(paths)  # a path that does not exist is refused at once: nothing recorded
        options = parse_options(pdf_password, max_mb, timeout, memory_mb, ocr, ocr_dpi, settle)
        batch = BatchOptions(batch_size=batch_size, workers=workers)
        if dask_address:
            _check_dask(dask_address, err)
        err.print(f"warehouse: {mask_url(resolve_url(db))}", highlight=False, soft_wrap=True)
        with interrupted_exit(err):
            summary = run_with_progress(err, lambda: api.ingest(paths, db=db, batch=batch, options=options,
                                                                dask_address=dask_address))
    print_summary(out, summary)
    raise run_exit(err, summary)


def _check_dask(address: str, err) -> None:
    """Print how many Dask workers will parse, or exit 2 when the cluster cannot be used."""
    from flows.runners import dask_worker_count, task_runner

    try:
        task_runner(address)
        workers = dask_worker_count(address)
    except (ValueError, OSError) as exc:
        raise fail(err, f"cannot use the Dask cluster at {address}: {exc}") from None
    err.print(f"parsing on the Dask cluster at {address} ({workers} worker(s))", highlight=False)
