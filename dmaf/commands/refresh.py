"""``dmaf refresh``: one incremental refresh of the reports folder, by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from core.options import BatchOptions
from dmaf import api
from dmaf.commands.options import (
    Command,
    batch_size_option,
    consoles,
    db_option,
    exit_on_error,
    interrupted_exit,
    max_mb_option,
    memory_mb_option,
    ocr_dpi_option,
    ocr_option,
    parse_options,
    pdf_password_option,
    run_exit,
    settle_option,
    timeout_option,
    workers_option,
)

FOLDER_HELP = "Folder the reports are dropped into (default: $DMAF_REPORTS_DIR, else ./raw_reports)."


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add the ``refresh`` command to the app."""
    app.command("refresh", cls=Command)(refresh_command)


def refresh_command(
    folder: Optional[Path] = typer.Argument(None, metavar="FOLDER", help=FOLDER_HELP),
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
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Parse again unchanged files that failed before."),
) -> None:
    """Load what is new or changed in the folder, skip unchanged files unread, flag files gone; exit 1 if any failed."""
    from dmaf.console import print_summary, run_with_progress
    from warehouse.settings import mask_url, resolve_url

    out, err = consoles()
    with exit_on_error(err):
        root = api.refresh_folder(folder)
        options = parse_options(pdf_password, max_mb, timeout, memory_mb, ocr, ocr_dpi, settle)
        batch = BatchOptions(batch_size=batch_size, workers=workers)
        err.print(f"warehouse: {mask_url(resolve_url(db))}; folder: {root}", markup=False, highlight=False)
        with interrupted_exit(err):
            summary = run_with_progress(err, lambda: api.refresh(root, db=db, batch=batch, options=options,
                                                                 retry_failed=retry_failed),
                                        description="refreshing")
    print_summary(out, summary, title="refresh summary")
    raise run_exit(err, summary)
