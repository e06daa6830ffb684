"""``dmaf versions held`` (versions kept from being current, and why) and ``dmaf versions promote`` (make one
current by hand)."""

from __future__ import annotations

from typing import Optional

import typer

from dmaf import api
from dmaf.commands.options import Command, consoles, db_option, exit_on_error

versions_app = typer.Typer(help="See and choose which version of a report is current.", no_args_is_help=True,
                           rich_markup_mode=None)


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add ``versions held`` and ``versions promote`` to the CLI."""
    app.add_typer(versions_app, name="versions")
    versions_app.command("held", cls=Command)(held)
    versions_app.command("promote", cls=Command)(promote)


def held(db: Optional[str] = db_option()) -> None:
    """List the versions held back from being current: each read less completely than the current one."""
    out, err = consoles()
    with exit_on_error(err):
        versions = api.held_versions(db)
    for v in versions:
        out.print(f"{v.sha256[:12]}  {v.city}, cycle {v.cycle}  {v.path}\n    {v.reason}", soft_wrap=True)
    err.print(f"{len(versions)} held version(s)" + ("; `dmaf versions promote SHA` makes one current"
                                                     if versions else ""))


def promote(
    sha: str = typer.Argument(..., metavar="SHA", help="The version: the first 8 or more hex digits of its sha256."),
    db: Optional[str] = db_option(),
) -> None:
    """Make a version current by hand (a held one, or an older one), superseding the current version."""
    out, err = consoles()
    with exit_on_error(err):
        version = api.promote(sha, db=db)
    out.print(f"{version.sha256[:12]} ({version.city}, cycle {version.cycle}, {version.path}) is now current",
              soft_wrap=True)
