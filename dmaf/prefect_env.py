"""Operational defaults for Prefect, set by the product before Prefect is imported.

Each is a default only: a value the user already set in the environment wins.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # telemetry off; also removes a "database is locked" traceback
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",  # slow shared CI machines
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_REFRESH_CACHE": "false",
}


def project_home() -> Path:
    """Return the folder that holds this checkout (where ``.prefect/`` goes by default)."""
    return Path(__file__).resolve().parents[1]


def configure_prefect(home: str | Path | None = None) -> dict[str, str]:
    """Set Prefect's environment defaults (dedicated PREFECT_HOME under the project); return what was set."""
    chosen = dict(DEFAULTS)
    chosen["PREFECT_HOME"] = str(Path(home) if home else project_home() / ".prefect")
    applied = {}
    for key, value in chosen.items():
        if key not in os.environ:
            os.environ[key] = value
            applied[key] = value
    return applied
