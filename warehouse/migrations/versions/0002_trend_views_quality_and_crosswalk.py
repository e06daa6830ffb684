"""Trend views, quality issues and crosswalk columns (the views' SQL frozen below in ``VIEWS``).

Adds ``indicator.key_method`` and ``indicator.key_similarity`` (how the crosswalk key was decided) and
replaces 0001's views with ``VIEWS``: rank and change on ``pillar_scores``/``city_scores`` and the new
``indicator_crosswalk``, ``indicator_trends``, ``national_*_stats`` and ``quality_issues`` views.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views, revision_views

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration. Editing a view later must not change
# what this revision creates; a change to a view is a new revision with the new text.
PREVIOUS = revision_views("0001")
"""The views of revision 0001, which this one replaces (and restores on downgrade)."""

VIEWS: dict[str, str] = {
    "indicator_scores": PREVIOUS["indicator_scores"],  # unchanged since 0001
    "pillar_scores": """
SELECT city, state, cycle, pillar_no, pillar, score, max_score,
       RANK() OVER (PARTITION BY cycle, pillar_no ORDER BY score DESC) AS rank,
       score - LAG(score) OVER (PARTITION BY city, pillar_no ORDER BY cycle) AS change
FROM (
    SELECT city, state, cycle, pillar_no, pillar,
           SUM(COALESCE(score, 0)) AS score, SUM(max_score) AS max_score
    FROM indicator_scores
    GROUP BY city, state, cycle, pillar_no, pillar
) AS totals""",
    "city_scores": """
SELECT city, state, cycle, score, max_score,
       RANK() OVER (PARTITION BY cycle ORDER BY score DESC) AS rank,
       score - LAG(score) OVER (PARTITION BY city ORDER BY cycle) AS change
FROM (
    SELECT city, state, cycle, SUM(COALESCE(score, 0)) AS score, SUM(max_score) AS max_score
    FROM indicator_scores
    GROUP BY city, state, cycle
) AS totals""",
    "source_documents": PREVIOUS["source_documents"],  # unchanged since 0001
    "score_provenance": PREVIOUS["score_provenance"],  # unchanged since 0001
    "report_versions": PREVIOUS["report_versions"],  # unchanged since 0001
    "parse_warnings": PREVIOUS["parse_warnings"],  # unchanged since 0001
    "indicator_crosswalk": """
SELECT i.cycle_no AS cycle, i.pillar_no AS pillar_no, i.code AS indicator_code, i.title AS indicator_title,
       i.in_catalog AS in_catalog, i.indicator_key AS indicator_key, i.key_method AS key_method,
       i.key_similarity AS key_similarity
FROM indicator i""",
    "indicator_trends": """
WITH key_titles AS (
    SELECT indicator_key, title
    FROM (
        SELECT indicator_key, title,
               ROW_NUMBER() OVER (PARTITION BY indicator_key ORDER BY
                   CASE WHEN code = indicator_key AND in_catalog THEN 0 ELSE 1 END, cycle_no DESC, id) AS rn
        FROM indicator
    ) AS candidates
    WHERE rn = 1
),
keyed AS (
    SELECT c.name AS city, c.state AS state, i.indicator_key AS indicator_key, r.cycle_no AS cycle,
           CASE WHEN COUNT(s.score) = COUNT(*) THEN SUM(s.score) END AS score,
           SUM(COALESCE(s.max_score, i.max_score)) AS max_score,
           MIN(i.pillar_no) AS pillar_no,
           CASE WHEN COUNT(*) = 1 THEN MIN(s.code) END AS indicator_code
FROM indicator_score s
JOIN report_version v ON v.id = s.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
    JOIN indicator i ON i.id = s.indicator_id
    WHERE v.is_current
    GROUP BY c.name, c.state, i.indicator_key, r.cycle_no
),
scored AS (
    SELECT keyed.*, 100.0 * score / NULLIF(max_score, 0) AS pct FROM keyed
)
SELECT s.city AS city, s.state AS state, s.indicator_key AS indicator_key, k.title AS indicator_title,
       s.cycle AS cycle, s.score AS score, s.max_score AS max_score, s.pct AS pct,
       s.score - LAG(s.score) OVER (PARTITION BY s.city, s.indicator_key ORDER BY s.cycle) AS change,
       s.pct - LAG(s.pct) OVER (PARTITION BY s.city, s.indicator_key ORDER BY s.cycle) AS pct_change,
       s.pillar_no AS pillar_no, s.indicator_code AS indicator_code
FROM scored s
JOIN key_titles k ON k.indicator_key = s.indicator_key""",
    "national_pillar_stats": """
WITH ranked AS (
    SELECT cycle, pillar_no, pillar, score AS value, max_score,
           ROW_NUMBER() OVER (PARTITION BY cycle, pillar_no, pillar ORDER BY score) AS rn,
           COUNT(*) OVER (PARTITION BY cycle, pillar_no, pillar) AS cnt,
           AVG(score) OVER (PARTITION BY cycle, pillar_no, pillar) AS mean
    FROM pillar_scores
)
SELECT cycle, pillar_no, pillar, COUNT(*) AS n, AVG(value) AS average,
       AVG(CASE WHEN rn IN ((cnt + 1) / 2, (cnt + 2) / 2) THEN value END) AS median,
       MIN(value) AS min, MAX(value) AS max,
       CASE WHEN COUNT(*) > 1 THEN SQRT(SUM((value - mean) * (value - mean)) / (COUNT(*) - 1)) END AS stddev,
       MAX(max_score) AS max_score
FROM ranked
GROUP BY cycle, pillar_no, pillar""",
    "national_indicator_stats": """
WITH ranked AS (
    SELECT cycle, pillar_no, indicator_key, indicator_title, score AS value, max_score,
           ROW_NUMBER() OVER (PARTITION BY cycle, pillar_no, indicator_key, indicator_title ORDER BY score) AS rn,
           COUNT(*) OVER (PARTITION BY cycle, pillar_no, indicator_key, indicator_title) AS cnt,
           AVG(score) OVER (PARTITION BY cycle, pillar_no, indicator_key, indicator_title) AS mean
    FROM indicator_trends
    WHERE score IS NOT NULL
)
SELECT cycle, pillar_no, indicator_key, indicator_title, COUNT(*) AS n, AVG(value) AS average,
       AVG(CASE WHEN rn IN ((cnt + 1) / 2, (cnt + 2) / 2) THEN value END) AS median,
       MIN(value) AS min, MAX(value) AS max,
       CASE WHEN COUNT(*) > 1 THEN SQRT(SUM((value - mean) * (value - mean)) / (COUNT(*) - 1)) END AS stddev,
       MAX(max_score) AS max_score
FROM ranked
GROUP BY cycle, pillar_no, indicator_key, indicator_title""",
    "quality_issues": """
SELECT f.path AS source_file, c.name AS city, r.cycle_no AS cycle, q.severity AS severity, q.rule AS rule,
       q.message AS message, q.indicator AS indicator
FROM quality_issue q
JOIN report_version v ON v.id = q.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
WHERE v.is_current""",
}


def upgrade() -> None:
    """Apply this revision."""
    drop_views(PREVIOUS)
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_method', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('key_similarity', sa.Float(), nullable=True))
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision."""
    drop_views(VIEWS)
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('key_similarity')
        batch_op.drop_column('key_method')
    create_views(PREVIOUS)
