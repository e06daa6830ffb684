"""Where the warehouse lives: the default SQLite file, the URL resolution order and URL masking."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from core import defaults
from core.errors import CannotConnect

ENV_VAR = defaults.DATABASE_URL_ENV

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_USERINFO = re.compile(r"^(?P<scheme>[^:/]+://)(?P<user>[^:@/]*):(?P<password>[^@/]*)@")


def sqlite_url(path: str | Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file (absolute path)."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def resolve_url(url: str | None = None) -> str:
    """Return the database URL: explicit ``url`` > env ``DMAF_DATABASE_URL`` > ``./warehouse/dmaf.db``.

    The default file is under the current directory (``core.defaults.WAREHOUSE_PATH``). A bare file path
    becomes a SQLite URL; ``postgres://`` and ``postgresql://`` use the psycopg driver.
    """
    chosen = url or os.environ.get(ENV_VAR) or str(defaults.warehouse_path())
    if not _SCHEME.match(chosen):
        return sqlite_url(chosen)
    for prefix in ("postgres://", "postgresql://"):
        if chosen.startswith(prefix):
            return "postgresql+psycopg://" + chosen[len(prefix) :]
    return chosen


def mask_url(url: str) -> str:
    """Return ``url`` with any password replaced by ``***`` (safe to print or log)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:***@", url)


def redact(text: str, url: str) -> str:
    """Return ``text`` with the URL's password (if any) replaced by ``***``, e.g. a driver's error message."""
    try:
        password = make_url(url).password
    except (ArgumentError, ValueError):
        match = _USERINFO.match(url)
        password = match["password"] if match else None
    if not password:
        return text
    return text.replace(quote(str(password), safe=""), "***").replace(str(password), "***")


def cannot_connect(url: str, error: BaseException) -> CannotConnect:
    """Return the error to show when connecting to ``url`` failed: masked URL and the driver's reason."""
    detail = " ".join(str(getattr(error, "orig", None) or error).split())
    return CannotConnect(f"cannot connect to {mask_url(url)}: {redact(detail, url)}")


def sqlite_path(url: str) -> Path | None:
    """Return the file of a SQLite URL, or None for in-memory SQLite and other backends."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    database = parsed.database
    if database.startswith("file:"):
        database = database[len("file:") :]
    return Path(database)
