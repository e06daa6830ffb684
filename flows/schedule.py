"""The nightly schedule: validating a cron and time zone the way Prefect will, and serving the deployment."""

from __future__ import annotations

import os
from pathlib import Path

from core import defaults
from core.errors import ConfigurationError


class InvalidSchedule(ConfigurationError):
    """A cron string or time zone Prefect would refuse; ``option`` names the flag to correct."""

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        super().__init__(message)


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
        if name and valid_timezone(name):
            return name
    return "UTC"


def valid_timezone(name: str) -> bool:
    """Return True for a time zone name Prefect's server accepts."""
    from prefect.client.schemas.schedules import is_valid_timezone

    return is_valid_timezone(name)


def check_schedule(cron: str, timezone: str) -> None:
    """Raise ``InvalidSchedule`` unless the cron string and the time zone are valid for Prefect."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    if not valid_timezone(timezone):
        raise InvalidSchedule("--timezone", f"{timezone!r} is not an IANA time zone (e.g. Asia/Kolkata, UTC)")
    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValidationError as exc:
        reason = exc.errors()[0].get("msg", str(exc))
        raise InvalidSchedule("--cron", f"{cron!r}: {reason}") from None


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
        name=defaults.DEPLOYMENT_NAME, schedules=[Cron(cron, timezone=timezone)], parameters=parameters, limit=1,
        tags=["dmaf"], description=f"Incremental refresh of {folder} into the DMAF warehouse.",
    )
