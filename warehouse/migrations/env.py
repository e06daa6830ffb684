"""Alembic environment: the warehouse's SQLModel metadata; the URL or connection comes from the caller."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import warehouse.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from warehouse.db import make_engine, write_transaction
from warehouse.settings import resolve_url

config = context.config
target_metadata = SQLModel.metadata


def _url() -> str:
    """Return the URL given to Alembic, else the one the settings resolve."""
    return resolve_url(config.get_main_option("sqlalchemy.url") or None)


def _run(connection: Connection) -> None:
    """Run the migrations on one connection (batch mode on SQLite, which cannot ALTER much)."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Emit the migration SQL for the configured URL without connecting."""
    url = _url()
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        compare_type=True,
        render_as_batch=url.startswith("sqlite"),
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on the caller's connection, or on a new engine for the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    try:
        with write_transaction(engine) as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
