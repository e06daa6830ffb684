"""Command modules of the ``dmaf`` CLI; each defines ``register(app, db_app) -> None``."""

from __future__ import annotations

from importlib import import_module

import typer

COMMAND_MODULES: list[str] = [
    "ingest",
    "database",
    "refresh",
    "serve",
    "reprocess",
    "trends",
    "advise",
    "versions",
    "review",
]


def register_all(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add every command module's commands to the app (``db_app`` holds the ``dmaf db …`` commands)."""
    for name in COMMAND_MODULES:
        import_module(f"dmaf.commands.{name}").register(app, db_app)
