"""``dmaf reprocess``: rebuild the facts of loaded versions from their stored files with the current parser."""

from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console

from dmaf.commands.options import (
    db_option,
    max_mb_option,
    memory_mb_option,
    pdf_password_option,
    timeout_option,
    workers_option,
)


def register(app: typer.Typer) -> None:
    """Add the ``reprocess`` command to the app."""
    app.command("reprocess")(reprocess_command)


def reprocess_command(
    db: Optional[str] = db_option(),
    everything: bool = typer.Option(False, "--all", help="Rebuild every version, not only those of other parsers."),
    workers: Optional[int] = workers_option(),
    pdf_password: Optional[str] = pdf_password_option(),
    max_mb: float = max_mb_option(),
    timeout: float = timeout_option(),
    memory_mb: int = memory_mb_option(),
) -> None:
    """Re-parse stored files after a parser upgrade and rebuild their facts in place (no duplicates).

    Exit 1 when a current version could not be rebuilt (file gone or changed) or a new parse failed.
    """
    from dmaf.pipeline import ParseOptions
    from loaders.reprocess import current_parser_version, default_workers, reprocess
    from warehouse.errors import WarehouseError
    from warehouse.settings import mask_url, resolve_url

    out, err = Console(), Console(stderr=True)
    url = resolve_url(db)
    version = current_parser_version()
    err.print(f"warehouse: {mask_url(url)}; parser version {version}", markup=False, highlight=False)
    options = ParseOptions(pdf_password, int(max_mb * 1024 * 1024), timeout, memory_mb)

    def show(result) -> None:
        if result.status != "reprocessed":
            note = "" if result.is_current else " (superseded version)"
            err.print(f"{result.status}{note}: {result.message}", markup=False, highlight=False, soft_wrap=True)

    try:
        results = reprocess(url, everything=everything, parser_version=version, options=options,
                            workers=default_workers() if workers is None else workers, on_result=show)
    except WarehouseError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    counts = {s: sum(r.status == s for r in results) for s in ("reprocessed", "missing", "changed", "failed")}
    out.print(f"{len(results)} version(s) selected: " + ", ".join(f"{n} {s}" for s, n in counts.items()),
              markup=False, highlight=False)
    blocking = [r for r in results if r.status == "failed" or (r.status != "reprocessed" and r.is_current)]
    raise typer.Exit(1 if blocking else 0)
