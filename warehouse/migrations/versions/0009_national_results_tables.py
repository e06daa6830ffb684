"""National results tables (the views' SQL frozen below in ``VIEWS``).

Adds the table ``published_score`` (one row per figure of a national results table: a city's published pillar
score or total, with its rank, warning and place, from the file's latest content) and the views
``published_pillar_scores``, ``published_city_scores``, ``city_scores_all_sources`` and
``published_score_differences``; ``quality_issues`` and ``review_queue`` gain the differences between a report
and the published table as errors. PostgreSQL refuses to drop a view that others read, so every view is dropped
and created again, in order.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views, revision_views

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration.
REPLACED: dict[str, str] = {}
for _revision in ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008"):  # the newest text wins
    REPLACED |= revision_views(_revision)
"""Every view as revision 0008 left them, in creation order: dropped here, restored on downgrade."""

PUBLISHED: dict[str, str] = {
    "published_pillar_scores": """
SELECT c.name AS city, c.state AS state, p.cycle_no AS cycle, p.pillar_no AS pillar_no, pl.name AS pillar,
       p.score AS score, p.max_score AS max_score, p.warning AS warning, p.printed_city AS printed_city,
       f.path AS source_file, f.processed_at AS loaded_at, p.page AS page, p.row_no AS row_no,
       p.location AS location
FROM published_score p
JOIN city c ON c.id = p.city_id
JOIN source_file f ON f.id = p.source_file_id
LEFT JOIN pillar pl ON pl.cycle_no = p.cycle_no AND pl.pillar_no = p.pillar_no
WHERE p.pillar_no IS NOT NULL""",
    "published_city_scores": """
WITH rows AS (
    SELECT p.source_file_id AS source_file_id, p.city_id AS city_id, p.cycle_no AS cycle,
           MAX(CASE WHEN p.pillar_no IS NULL THEN p.score END) AS total,
           MAX(CASE WHEN p.pillar_no IS NULL THEN p.max_score END) AS total_max,
           MAX(CASE WHEN p.pillar_no IS NULL THEN p.rank END) AS rank,
           SUM(CASE WHEN p.pillar_no IS NOT NULL THEN p.score END) AS pillar_sum,
           SUM(CASE WHEN p.pillar_no IS NOT NULL THEN p.max_score END) AS pillar_max,
           COUNT(CASE WHEN p.pillar_no IS NOT NULL THEN p.score END) AS pillars_scored,
           MIN(p.page) AS page, MIN(p.row_no) AS row_no, MIN(p.location) AS location,
           MIN(p.warning) AS warning
    FROM published_score p
    GROUP BY p.source_file_id, p.city_id, p.cycle_no
),
pillars AS (
    SELECT cycle_no, COUNT(*) AS n FROM pillar GROUP BY cycle_no
)
SELECT c.name AS city, c.state AS state, r.cycle AS cycle,
       CASE WHEN r.total IS NOT NULL THEN r.total WHEN r.pillars_scored = n.n THEN r.pillar_sum END AS score,
       CASE WHEN r.total IS NOT NULL THEN r.total_max WHEN r.pillars_scored = n.n THEN r.pillar_max
            ELSE r.total_max END AS max_score,
       r.rank AS rank,
       CASE WHEN r.total IS NOT NULL THEN 'printed' WHEN r.pillars_scored = n.n THEN 'pillars added'
       END AS score_source,
       r.warning AS warning, f.path AS source_file, f.processed_at AS loaded_at, r.page AS page,
       r.row_no AS row_no, r.location AS location
FROM rows r
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = r.source_file_id
LEFT JOIN pillars n ON n.cycle_no = r.cycle""",
    "city_scores_all_sources": """
WITH published AS (
    SELECT city, state, cycle, score, max_score, rank, source_file,
           ROW_NUMBER() OVER (PARTITION BY city, cycle ORDER BY loaded_at DESC, source_file) AS rn
    FROM published_city_scores
    WHERE score IS NOT NULL
)
SELECT r.city AS city, r.state AS state, r.cycle AS cycle, r.score AS report_score,
       r.max_score AS report_max_score, p.score AS published_score, p.max_score AS published_max_score,
       p.rank AS published_rank, r.score AS score, r.max_score AS max_score,
       CASE WHEN p.city IS NULL THEN 'report' ELSE 'both' END AS sources, 'report' AS score_source,
       p.source_file AS published_source
FROM city_scores r
LEFT JOIN published p ON p.city = r.city AND p.cycle = r.cycle AND p.rn = 1
UNION ALL
SELECT p.city, p.state, p.cycle, NULL, NULL, p.score, p.max_score, p.rank, p.score, p.max_score,
       'published', 'published', p.source_file
FROM published p
WHERE p.rn = 1 AND NOT EXISTS (SELECT 1 FROM city_scores r WHERE r.city = p.city AND r.cycle = p.cycle)""",
    "published_score_differences": """
WITH report_files AS (
    SELECT c.name AS city, r.cycle_no AS cycle, f.path AS source_file, v.sha256 AS sha256
    FROM report_version v
    JOIN report r ON r.id = v.report_id
    JOIN city c ON c.id = r.city_id
    JOIN source_file f ON f.id = v.source_file_id
    WHERE v.is_current
),
differences AS (
    SELECT r.city AS city, r.state AS state, r.cycle AS cycle, r.pillar_no AS pillar_no,
           'pillar ' || CAST(r.pillar_no AS VARCHAR(8)) || COALESCE(' (' || r.pillar || ')', '') AS what,
           r.score AS report_score, p.score AS published_score, p.source_file AS published_source,
           p.location AS published_location
    FROM pillar_scores r
    JOIN published_pillar_scores p ON p.city = r.city AND p.cycle = r.cycle AND p.pillar_no = r.pillar_no
    WHERE p.score IS NOT NULL AND ABS(p.score - r.score) > 0.005
    UNION ALL
    SELECT r.city, r.state, r.cycle, NULL, 'total', r.score, p.score, p.source_file, p.location
    FROM city_scores r
    JOIN published_city_scores p ON p.city = r.city AND p.cycle = r.cycle
    WHERE p.score IS NOT NULL AND ABS(p.score - r.score) > 0.005
)
SELECT d.city AS city, d.state AS state, d.cycle AS cycle, d.pillar_no AS pillar_no, d.what AS what,
       d.report_score AS report_score, d.published_score AS published_score,
       d.published_score - d.report_score AS difference, f.source_file AS report_source,
       d.published_source AS published_source, d.published_location AS published_location, f.sha256 AS sha256,
       'the report''s indicators add up to ' || CAST(d.report_score AS VARCHAR(32)) || ' for the ' || d.what
           || ' but the published results (' || d.published_source || ', ' || d.published_location
           || ') say ' || CAST(d.published_score AS VARCHAR(32)) AS message
FROM differences d
JOIN report_files f ON f.city = d.city AND f.cycle = d.cycle""",
}

_QUALITY = """
UNION ALL
SELECT report_source, city, cycle, 'error', 'published_score_differs', message, NULL
FROM published_score_differences"""

_REVIEW = """
UNION ALL
SELECT 3, 'published_differs', city, state, cycle, NULL, report_score, NULL, NULL, message,
       NULL, NULL, NULL, NULL, report_source, NULL, NULL, sha256
FROM published_score_differences"""

VIEWS: dict[str, str] = {
    **{name: select for name, select in REPLACED.items() if name not in ("quality_issues", "review_queue")},
    **PUBLISHED,
    "quality_issues": REPLACED["quality_issues"] + _QUALITY,
    "review_queue": REPLACED["review_queue"] + _REVIEW,
}


def upgrade() -> None:
    """Apply this revision."""
    drop_views(REPLACED)
    op.create_table('published_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_file_id', sa.Integer(), nullable=False),
    sa.Column('city_id', sa.Integer(), nullable=False),
    sa.Column('cycle_no', sa.Integer(), nullable=False),
    sa.Column('pillar_no', sa.Integer(), nullable=True),
    sa.Column('printed_city', sa.String(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('max_score', sa.Float(), nullable=True),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('row_no', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('warning', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['city_id'], ['city.id'], ),
    sa.ForeignKeyConstraint(['cycle_no'], ['cycle.cycle_no'], ),
    sa.ForeignKeyConstraint(['source_file_id'], ['source_file.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('published_score', schema=None) as batch_op:
        batch_op.create_index('ix_published_score_cycle_no_city_id', ['cycle_no', 'city_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_published_score_source_file_id'), ['source_file_id'], unique=False)
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision."""
    drop_views(VIEWS)
    with op.batch_alter_table('published_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_published_score_source_file_id'))
        batch_op.drop_index('ix_published_score_cycle_no_city_id')
    op.drop_table('published_score')
    create_views(REPLACED)
