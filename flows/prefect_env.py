"""Operational defaults for Prefect, set by the product before Prefect is imported.

Each is a default only: a value the user already set in the environment wins. Prefect reads its
settings when it is first imported, so ``configure_prefect`` must run before any ``import prefect``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from core import defaults

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # telemetry off; also removes a "database is locked" traceback
    "DO_NOT_TRACK": "1",  # the client-side (SDK) telemetry switch
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",  # temporary server; ~7-9 s normally, slow shared CI
    "PREFECT_SERVER_DATABASE_TIMEOUT": "30",  # Prefect's own SQLite under a loaded CI machine (default 10 s)
    "PREFECT_API_REQUEST_TIMEOUT": "120",  # client calls to a busy server (default 60 s)
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_REFRESH_CACHE": "false",
}
SERVE_DEFAULTS = {
    "PREFECT_LOGGING_LEVEL": "INFO",  # a served run's log is read in the UI, not on a terminal
}
"""Overrides of ``DEFAULTS`` for a long-running ``dmaf serve`` process."""


def configure_prefect(home: str | Path | None = None, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Set Prefect's environment defaults (PREFECT_HOME ``./.prefect`` under the current directory); return what was set.

    ``overrides`` replaces some defaults (e.g. ``SERVE_DEFAULTS``); a variable already set still wins.
    """
    chosen = dict(DEFAULTS) | dict(overrides or {})
    chosen["PREFECT_HOME"] = str(Path(home) if home else Path.cwd() / defaults.PREFECT_HOME)
    applied = {}
    for key, value in chosen.items():
        if key not in os.environ:
            os.environ[key] = value
            applied[key] = value
    return applied


def api_url() -> str | None:
    """Return the Prefect API URL this process will use (env or profile), or None for a temporary server."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url
