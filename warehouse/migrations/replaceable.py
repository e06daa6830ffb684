"""Views as replaceable objects in migrations (Alembic's "Replaceable Objects" recipe).

Each revision holds the SQL text of the views it creates in a module-level ``VIEWS`` dict, in creation
order; a revision that replaces views reads the previous revision's frozen ``VIEWS`` with
``revision_views``. Nothing here knows what any view says.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from alembic import op

VERSIONS = Path(__file__).resolve().parent / "versions"


def create_views(views: dict[str, str]) -> None:
    """Create the views in order (later views may read earlier ones)."""
    for name, select in views.items():
        op.execute(f"CREATE VIEW {name} AS{select}")


def drop_views(views: dict[str, str]) -> None:
    """Drop the views in reverse order (if they exist)."""
    for name in reversed(list(views)):
        op.execute(f"DROP VIEW IF EXISTS {name}")


def revision_views(revision: str) -> dict[str, str]:
    """Return the frozen ``VIEWS`` of one revision's module (``0001_….py``)."""
    matches = sorted(VERSIONS.glob(f"{revision}_*.py"))
    if len(matches) != 1:
        raise LookupError(f"expected one migration file for revision {revision}, found {len(matches)}")
    module = import_module(f"{__package__}.versions.{matches[0].stem}")
    return dict(module.VIEWS)
