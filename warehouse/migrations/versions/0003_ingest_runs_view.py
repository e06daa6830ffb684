"""The ``ingest_runs`` view over the ``ingest_run`` table (``warehouse.views.VIEWS_V3``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from warehouse.views import VIEWS_V3, create_statements, drop_statements

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW = {"ingest_runs": VIEWS_V3["ingest_runs"]}


def upgrade() -> None:
    """Apply this revision."""
    for statement in create_statements(NEW):
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    for statement in drop_statements(NEW):
        op.execute(statement)
