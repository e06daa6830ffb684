"""The ``dmaf`` command line: a thin typer layer over ``dmaf.api`` (each command calls one API function).

Commands live in ``dmaf/commands/`` (one module per family, each with ``register(app)``); this module
builds the app and runs it. ``main`` is the console entry point.
"""

from __future__ import annotations

import typer

from dmaf.commands import register_all

app = typer.Typer(help="Turn DMAF city assessment reports into a SQL warehouse.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
db_app = typer.Typer(help="Manage the warehouse database.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(db_app, name="db")
register_all(app, db_app)


def main() -> None:
    """Run the command line (the ``dmaf`` console script and ``python -m dmaf``)."""
    app()
