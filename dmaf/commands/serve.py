"""``dmaf refresh`` (one incremental refresh by hand) and ``dmaf serve`` (the nightly schedule on a Prefect server)."""

from __future__ import annotations

import os
from pathlib import Path
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
from flows.defaults import DEFAULT_BATCH_SIZE

FOLDER_HELP = "Folder the reports are dropped into (default: $DMAF_REPORTS_DIR, else ./raw_reports)."
DEPLOYMENT_NAME = "nightly-refresh"
DEFAULT_CRON = "0 2 * * *"
NO_SERVER = ("dmaf serve needs a running Prefect server, and none is configured: start one with "
             "`prefect server start` and set PREFECT_API_URL=http://127.0.0.1:4200/api (see the README, 'Nightly refresh on a Prefect server')")


def register(app: typer.Typer) -> None:
    """Add the ``refresh`` and ``serve`` commands to the app."""
    app.command("refresh")(refresh_command)
    app.command("serve")(serve_command)


def local_timezone(env: dict[str, str] | None = None, etc: Path = Path("/etc")) -> str:
    """Return this machine's IANA time zone ($TZ, /etc/timezone, the /etc/localtime link), else ``UTC``."""
    env = os.environ if env is None else env
    candidates = [env.get("TZ", "").lstrip(":")]
    try:
        candidates.append((etc / "timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    link = etc / "localtime"
    if link.is_symlink():
        target = os.readlink(link)
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and _valid_timezone(name):
            return name
    return "UTC"


def _valid_timezone(name: str) -> bool:
    """Return True for a time zone name Prefect's server accepts."""
    from prefect.client.schemas.schedules import is_valid_timezone

    return is_valid_timezone(name)


def check_schedule(cron: str, timezone: str) -> None:
    """Raise ``typer.BadParameter`` unless the cron string and the time zone are valid for Prefect."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    if not _valid_timezone(timezone):
        raise typer.BadParameter(f"{timezone!r} is not an IANA time zone (e.g. Asia/Kolkata, UTC)",
                                 param_hint="--timezone")
    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValidationError as exc:
        reason = exc.errors()[0].get("msg", str(exc))
        raise typer.BadParameter(f"{cron!r}: {reason}", param_hint="--cron") from None


def _folder_or_exit(folder: Optional[Path], err: Console) -> str:
    """Return the refresh folder as an absolute path, or exit 2 saying why it cannot be used."""
    from flows.refresh import default_folder, folder_root

    try:
        return folder_root(folder if folder is not None else default_folder())
    except NotADirectoryError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def refresh_command(
    folder: Optional[Path] = typer.Argument(None, help=FOLDER_HELP),
    db: Optional[str] = db_option(),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1, help="Files per parse task."),
    workers: Optional[int] = workers_option(),
    pdf_password: Optional[str] = pdf_password_option(),
    max_mb: float = max_mb_option(),
    timeout: float = timeout_option(),
    memory_mb: int = memory_mb_option(),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Parse again unchanged files that failed before."),
) -> None:
    """Load what is new or changed in the folder, skip unchanged files unread, flag files gone; exit 1 if any failed."""
    from dmaf.prefect_env import configure_prefect

    configure_prefect()
    from pydantic import SecretStr

    from dmaf.console import print_summary, run_with_progress
    from flows.refresh import refresh_reports
    from warehouse.errors import WarehouseError
    from warehouse.settings import mask_url, resolve_url

    out, err = Console(), Console(stderr=True)
    root = _folder_or_exit(folder, err)
    url = resolve_url(db)
    err.print(f"warehouse: {mask_url(url)}; folder: {root}", markup=False, highlight=False)
    try:
        summary = run_with_progress(err, lambda: refresh_reports(
            root, db_url=SecretStr(url), batch_size=batch_size, workers=workers,
            pdf_password=SecretStr(pdf_password) if pdf_password else None,
            max_bytes=int(max_mb * 1024 * 1024), timeout_s=timeout, memory_mb=memory_mb, retry_failed=retry_failed,
        ), description="refreshing")
    except WarehouseError as exc:  # credentials are already masked in its message
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    print_summary(out, summary, title="refresh summary")
    raise typer.Exit(1 if summary.failed else 0)


def serve_command(
    cron: str = typer.Option(DEFAULT_CRON, "--cron", help="When to refresh (cron, in --timezone)."),
    timezone: Optional[str] = typer.Option(None, "--timezone",
                                           help="IANA time zone of the cron (default: this machine's, else UTC)."),
    folder: Optional[Path] = typer.Option(None, "--folder", help=FOLDER_HELP),
    db: Optional[str] = db_option(" Passed to runs through the environment."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1,
                                             help=f"Files per parse task (default {DEFAULT_BATCH_SIZE})."),
    workers: Optional[int] = workers_option(),
) -> None:
    """Serve the nightly-refresh deployment on the Prefect server of PREFECT_API_URL until stopped (Ctrl-C).

    Runs (scheduled, or started by `prefect deployment run 'refresh-reports/nightly-refresh'`) execute here;
    the database URL stays in this process's environment, never on the Prefect server.
    """
    from dmaf.prefect_env import SERVE_DEFAULTS, api_url, configure_prefect

    configure_prefect(overrides=SERVE_DEFAULTS)
    from loaders.batch import prepare_warehouse
    from warehouse.errors import WarehouseError
    from warehouse.settings import ENV_VAR, mask_url, resolve_url

    err = Console(stderr=True)
    zone = timezone or local_timezone()
    check_schedule(cron, zone)
    root = _folder_or_exit(folder, err)
    if api_url() is None:
        err.print(f"error: {NO_SERVER}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    url = resolve_url(db)
    os.environ[ENV_VAR] = url  # served runs inherit this process's environment
    try:
        prepare_warehouse(url)  # a wrong URL fails now, not at 2 a.m.
    except WarehouseError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    err.print(f"serving refresh-reports/{DEPLOYMENT_NAME}: '{cron}' ({zone}), folder {root}, warehouse "
              f"{mask_url(url)}, Prefect API {api_url()}", markup=False, highlight=False, soft_wrap=True)
    serve_refresh(root, cron=cron, timezone=zone, batch_size=batch_size, workers=workers)


def serve_refresh(folder: str, *, cron: str, timezone: str, batch_size: int | None = None,
                  workers: int | None = None) -> None:
    """Create or update the ``nightly-refresh`` deployment and run its flow runs until interrupted."""
    from prefect.schedules import Cron

    from flows.refresh import refresh_reports

    parameters: dict[str, object] = {"folder": folder}
    if batch_size is not None:
        parameters["batch_size"] = batch_size
    if workers is not None:
        parameters["workers"] = workers
    refresh_reports.serve(
        name=DEPLOYMENT_NAME, schedules=[Cron(cron, timezone=timezone)], parameters=parameters, limit=1,
        tags=["dmaf"], description=f"Incremental refresh of {folder} into the DMAF warehouse.",
    )
