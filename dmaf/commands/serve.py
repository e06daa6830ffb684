"""``dmaf serve``: the nightly refresh as a deployment served on a Prefect server, until stopped."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from core import defaults
from dmaf import api
from dmaf.commands.options import (
    Command,
    consoles,
    db_option,
    exit_on_error,
    workers_option,
)
from dmaf.commands.refresh import FOLDER_HELP


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add the ``serve`` command to the app."""
    app.command("serve", cls=Command)(serve_command)


def serve_command(
    cron: str = typer.Option(defaults.CRON, "--cron", metavar="CRON", help="When to refresh (cron, in --timezone)."),
    timezone: Optional[str] = typer.Option(None, "--timezone", metavar="ZONE",
                                           help="IANA time zone of the cron (default: this machine's, else UTC)."),
    folder: Optional[Path] = typer.Option(None, "--folder", metavar="FOLDER", help=FOLDER_HELP),
    db: Optional[str] = db_option(" Passed to runs through the environment."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, metavar="N",
                                             help=f"Files per parse task (default {defaults.BATCH_SIZE})."),
    workers: Optional[int] = workers_option(),
) -> None:
    """Serve the nightly-refresh deployment on the Prefect server of PREFECT_API_URL until stopped (Ctrl-C).

    Runs (scheduled, or started by `prefect deployment run 'refresh-reports/nightly-refresh'`) execute here;
    the database URL stays in this process's environment, never on the Prefect server.
    """
    from flows.schedule import InvalidSchedule
    from warehouse.settings import mask_url, resolve_url

    out, err = consoles()
    with exit_on_error(err):
        try:
            plan = api.plan_serve(cron=cron, timezone=timezone, folder=folder, db=db)
        except InvalidSchedule as exc:
            raise typer.BadParameter(str(exc), param_hint=exc.option) from None
        api.prepare(plan.db_url)  # a wrong URL fails now, not at 2 a.m.
    err.print(f"serving refresh-reports/{defaults.DEPLOYMENT_NAME}: '{plan.cron}' ({plan.timezone}), folder "
              f"{plan.folder}, warehouse {mask_url(resolve_url(plan.db_url))}, Prefect API {plan.api_url}",
              markup=False, highlight=False, soft_wrap=True)
    api.serve(plan, batch_size=batch_size, workers=workers)
