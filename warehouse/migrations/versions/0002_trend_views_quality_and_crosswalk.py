"""Trend views, quality issues and crosswalk columns (``warehouse.views.VIEWS_V2``).

Adds ``indicator.key_method`` and ``indicator.key_similarity`` (how the crosswalk key was decided) and
replaces the views with ``VIEWS_V2``: rank and change on ``pillar_scores``/``city_scores`` and the new
``indicator_crosswalk``, ``indicator_trends``, ``national_*_stats`` and ``quality_issues`` views.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.views import VIEWS_V1, VIEWS_V2, create_statements, drop_statements

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    for statement in drop_statements(VIEWS_V1):
        op.execute(statement)
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_method', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('key_similarity', sa.Float(), nullable=True))
    for statement in create_statements(VIEWS_V2):
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    for statement in drop_statements(VIEWS_V2):
        op.execute(statement)
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('key_similarity')
        batch_op.drop_column('key_method')
    for statement in create_statements(VIEWS_V1):
        op.execute(statement)
