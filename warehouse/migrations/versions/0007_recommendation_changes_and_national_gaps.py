"""Recommendation changes and national gaps (the views' SQL frozen below in ``VIEWS``).

Adds the derived table ``recommendation_change`` (one row per city, crosswalk key and cycle after the
city's first: its recommendation against the previous cycle's, with a status and the texts' similarity;
written by the loaders, filled for existing reports by the first ``dmaf ingest``/``dmaf db upgrade`` after
this revision) and the views ``recommendation_changes`` and ``national_gaps``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration.
VIEWS: dict[str, str] = {
    "recommendation_changes": """
SELECT c.name AS city, c.state AS state, ch.indicator_key AS indicator_key,
       COALESCE(t.indicator_title, pt.indicator_title) AS indicator_title, ch.cycle_no AS cycle,
       ch.previous_cycle_no AS previous_cycle, ch.status AS status, ch.similarity AS similarity,
       t.score AS score, pt.score AS previous_score, t.score - pt.score AS score_change,
       ch.recommendation AS recommendation, ch.previous_recommendation AS previous_recommendation
FROM recommendation_change ch
JOIN city c ON c.id = ch.city_id
LEFT JOIN indicator_trends t
       ON t.city = c.name AND t.indicator_key = ch.indicator_key AND t.cycle = ch.cycle_no
LEFT JOIN indicator_trends pt
       ON pt.city = c.name AND pt.indicator_key = ch.indicator_key AND pt.cycle = ch.previous_cycle_no""",
    "national_gaps": """
SELECT cycle, indicator_key, MIN(indicator_title) AS indicator_title, MIN(pillar_no) AS pillar_no,
       COUNT(score) AS cities_scored, COUNT(*) - COUNT(score) AS cities_unscored,
       SUM(CASE WHEN score >= max_score THEN 1 ELSE 0 END) AS cities_full,
       CAST(SUM(CASE WHEN score >= max_score THEN 1 ELSE 0 END) AS DOUBLE PRECISION)
           / NULLIF(COUNT(score), 0) AS share_full,
       SUM(CASE WHEN score IS NOT NULL THEN max_score - score END) AS points_open,
       SUM(CASE WHEN score IS NOT NULL THEN max_score END) AS points_possible
FROM indicator_trends
GROUP BY cycle, indicator_key""",
}


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('recommendation_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('city_id', sa.Integer(), nullable=False),
    sa.Column('indicator_key', sa.String(), nullable=False),
    sa.Column('cycle_no', sa.Integer(), nullable=False),
    sa.Column('previous_cycle_no', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('recommendation', sa.Text(), nullable=True),
    sa.Column('previous_recommendation', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('same', 'revised', 'new', 'dropped')", name='ck_recommendation_change_status'),
    sa.ForeignKeyConstraint(['city_id'], ['city.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('city_id', 'indicator_key', 'cycle_no', name='uq_recommendation_change_city_key_cycle')
    )
    with op.batch_alter_table('recommendation_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_change_city_id'), ['city_id'], unique=False)
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision."""
    drop_views(VIEWS)
    with op.batch_alter_table('recommendation_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_change_city_id'))
    op.drop_table('recommendation_change')
