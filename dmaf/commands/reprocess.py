"""``dmaf reprocess``: rebuild the facts of loaded versions from their stored files with the current parser."""

from __future__ import annotations

from typing import Optional

import typer

from core.statuses import REPROCESS_STATUSES, FileStatus
from dmaf import api
from dmaf.commands.options import (
    Command,
    consoles,
    db_option,
    exit_on_error,
    max_mb_option,
    memory_mb_option,
    ocr_dpi_option,
    ocr_option,
    parse_options,
    pdf_password_option,
    timeout_option,
    workers_option,
)


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add the ``reprocess`` command to the app."""
    app.command("reprocess", cls=Command)(reprocess_command)


def reprocess_command(
    db: Optional[str] = db_option(),
    everything: bool = typer.Option(False, "--all", help="Rebuild every version, not only those of other parsers."),
    workers: Optional[int] = workers_option(),
    pdf_password: Optional[str] = pdf_password_option(),
    max_mb: float = max_mb_option(),
    timeout: float = timeout_option(),
    memory_mb: int = memory_mb_option(),
    ocr: str = ocr_option(),
    ocr_dpi: int = ocr_dpi_option(),
) -> None:
    """Re-parse stored files after a parser upgrade and rebuild their facts in place (no duplicates).

    Exit 1 when a current version could not be rebuilt (file gone or changed) or a new parse failed.
    """
    from warehouse.settings import mask_url, resolve_url

    out, err = consoles()
    err.print(f"warehouse: {mask_url(resolve_url(db))}; parser version {api.parser_version()}", markup=False,
              highlight=False)

    def show(result) -> None:
        if result.status != FileStatus.REPROCESSED:
            note = "" if result.is_current else " (superseded version)"
            err.print(f"{result.status}{note}: {result.message}", markup=False, highlight=False, soft_wrap=True)

    with exit_on_error(err):
        options = parse_options(pdf_password, max_mb, timeout, memory_mb, ocr, ocr_dpi)
        results = api.reprocess(db=db, everything=everything, options=options, workers=workers, on_result=show)
    counts = {s: sum(r.status == s for r in results) for s in REPROCESS_STATUSES}
    out.print(f"{len(results)} version(s) selected: " + ", ".join(f"{n} {s}" for s, n in counts.items()),
              markup=False, highlight=False)
    blocking = [r for r in results if r.status == FileStatus.FAILED
                or (r.status != FileStatus.REPROCESSED and r.is_current)]
    raise typer.Exit(1 if blocking else 0)
