"""Command modules of the ``dmaf`` CLI beyond the core ones in ``dmaf.cli``.

Each module listed in ``COMMAND_MODULES`` defines ``register(app: typer.Typer) -> None``.
"""

from __future__ import annotations

from importlib import import_module

import typer

COMMAND_MODULES: list[str] = [
    "serve",
    "reprocess",
    "trends",
]


def register_all(app: typer.Typer) -> None:
    """Add every command module's commands to the app."""
    for name in COMMAND_MODULES:
        import_module(f"dmaf.commands.{name}").register(app)
