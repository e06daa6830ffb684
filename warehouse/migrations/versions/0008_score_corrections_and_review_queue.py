"""Reviewers' corrections and the review queue (the views' SQL frozen below in ``VIEWS``).

Adds the table ``score_correction`` (a reviewer's correction of one indicator's score in one document
version, keyed to the version's sha256; never deleted, so it is its own audit) with a unique index that lets
at most one correction per version and indicator be active, and the table ``metadata_correction`` (the same
for a version's city, state or cycle). Replaces ``indicator_scores`` (the corrected
score where one applies, ``score_source``, ``parsed_score``, ``parsed_max_score``), ``score_provenance`` (with
``score_source``, ``parsed_score``, ``correction_id``) and ``indicator_trends`` (corrected scores); adds
``corrections`` (the audit, with each correction's state), ``document_corrections`` and ``review_queue``. PostgreSQL refuses to drop a
view that others read, so every view is dropped and created again, in order.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views, revision_views

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration.
REPLACED: dict[str, str] = {}
for _revision in ("0001", "0002", "0003", "0004", "0005", "0006", "0007"):  # the newest text of each view wins
    REPLACED |= revision_views(_revision)
"""Every view as revision 0007 left them, in creation order: dropped here, restored on downgrade."""

VIEWS: dict[str, str] = {
    **REPLACED,
    "indicator_scores": """
SELECT c.name AS city, c.state AS state, r.cycle_no AS cycle,
       COALESCE(v.cycle_label, cy.label) AS cycle_label,
       i.pillar_no AS pillar_no, p.name AS pillar, s.code AS indicator_code,
       COALESCE(i.title, s.title) AS indicator_title, CASE WHEN k.id IS NULL THEN s.score ELSE k.score END AS score,
       COALESCE(CASE WHEN k.id IS NULL THEN s.max_score ELSE COALESCE(k.max_score, s.max_score) END, i.max_score) AS max_score, s.recommendation AS recommendation,
       f.path AS source_file, CASE WHEN k.id IS NULL THEN 'parsed' ELSE 'corrected' END AS score_source, s.score AS parsed_score,
       COALESCE(s.max_score, i.max_score) AS parsed_max_score
FROM indicator_score s
JOIN report_version v ON v.id = s.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
JOIN cycle cy ON cy.cycle_no = r.cycle_no
JOIN indicator i ON i.id = s.indicator_id
JOIN pillar p ON p.id = i.pillar_id
LEFT JOIN score_correction k ON k.sha256 = v.sha256 AND k.indicator_code = s.code AND k.active
WHERE v.is_current""",
    "score_provenance": """
SELECT c.name AS city, r.cycle_no AS cycle, s.code AS indicator_code, CASE WHEN k.id IS NULL THEN s.score ELSE k.score END AS score,
       f.path AS source_file, v.format AS format,
       CASE WHEN s.score_location IS NOT NULL THEN s.score_page ELSE s.heading_page END AS page, CASE WHEN s.score_location IS NOT NULL THEN s.score_x0 ELSE s.heading_x0 END AS x0, CASE WHEN s.score_location IS NOT NULL THEN s.score_top ELSE s.heading_top END AS top,
       CASE WHEN s.score_location IS NOT NULL THEN s.score_x1 ELSE s.heading_x1 END AS x1, CASE WHEN s.score_location IS NOT NULL THEN s.score_bottom ELSE s.heading_bottom END AS bottom, CASE WHEN s.score_location IS NOT NULL THEN s.score_line ELSE s.heading_line END AS line,
       CASE WHEN s.score_location IS NOT NULL THEN s.score_location ELSE s.heading_location END AS location, s.score_method AS score_method, CASE WHEN k.id IS NULL THEN 'parsed' ELSE 'corrected' END AS score_source,
       s.score AS parsed_score, k.id AS correction_id, s.heading_page AS heading_page,
       s.heading_x0 AS heading_x0, s.heading_top AS heading_top, s.heading_x1 AS heading_x1,
       s.heading_bottom AS heading_bottom, s.heading_location AS heading_location,
       s.score_location AS score_location, v.sha256 AS sha256
FROM indicator_score s
JOIN report_version v ON v.id = s.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
LEFT JOIN score_correction k ON k.sha256 = v.sha256 AND k.indicator_code = s.code AND k.active
WHERE v.is_current""",
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
           CASE WHEN COUNT(CASE WHEN k.id IS NULL THEN s.score ELSE k.score END) = COUNT(*) THEN SUM(CASE WHEN k.id IS NULL THEN s.score ELSE k.score END) END AS score,
           SUM(COALESCE(CASE WHEN k.id IS NULL THEN s.max_score ELSE COALESCE(k.max_score, s.max_score) END, i.max_score)) AS max_score,
           MIN(i.pillar_no) AS pillar_no,
           CASE WHEN COUNT(*) = 1 THEN MIN(s.code) END AS indicator_code
FROM indicator_score s
JOIN report_version v ON v.id = s.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
    JOIN indicator i ON i.id = s.indicator_id
    LEFT JOIN score_correction k ON k.sha256 = v.sha256 AND k.indicator_code = s.code AND k.active
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
    "corrections": """
SELECT k.id AS correction_id, c.name AS city, c.state AS state, r.cycle_no AS cycle,
       k.indicator_code AS indicator_code, k.score_before AS score_before, k.max_before AS max_before,
       k.status_before AS status_before, k.score AS score, k.max_score AS max_score,
       k.not_assessed AS not_assessed, k.reason AS reason, k.corrected_by AS corrected_by,
       k.corrected_at AS corrected_at,
       CASE WHEN k.undone_at IS NOT NULL THEN 'undone'
            WHEN k.replaced_by IS NOT NULL THEN 'replaced'
            WHEN v.is_current THEN 'applied'
            WHEN EXISTS (SELECT 1 FROM score_correction ck
                         WHERE ck.sha256 = cv.sha256 AND ck.indicator_code = k.indicator_code
                           AND (ck.active OR ck.carried_from = k.id)) THEN 'superseded'
            ELSE 'stale' END AS status,
       k.replaced_by AS replaced_by, k.carried_from AS carried_from, k.undone_at AS undone_at,
       k.undone_by AS undone_by, k.undo_reason AS undo_reason, k.sha256 AS sha256, f.path AS source_file,
       cv.sha256 AS current_sha256, cs.score AS current_parsed_score,
       COALESCE(cs.max_score, ci.max_score) AS current_parsed_max_score
FROM score_correction k
JOIN report_version v ON v.sha256 = k.sha256
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
LEFT JOIN report_version cv ON cv.report_id = v.report_id AND cv.is_current
LEFT JOIN indicator_score cs ON cs.report_version_id = cv.id AND cs.code = k.indicator_code
LEFT JOIN indicator ci ON ci.id = cs.indicator_id""",
    "document_corrections": """
SELECT m.id AS correction_id, m.sha256 AS sha256, f.path AS source_file, m.field AS field,
       m.value_before AS value_before, m.value AS value, m.reason AS reason, m.corrected_by AS corrected_by,
       m.corrected_at AS corrected_at,
       CASE WHEN m.undone_at IS NOT NULL THEN 'undone'
            WHEN m.replaced_by IS NOT NULL THEN 'replaced'
            ELSE 'applied' END AS status,
       m.replaced_by AS replaced_by, m.undone_at AS undone_at, m.undone_by AS undone_by,
       m.undo_reason AS undo_reason, c.name AS city, r.cycle_no AS cycle, v.is_current AS is_current
FROM metadata_correction m
JOIN report_version v ON v.sha256 = m.sha256
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id""",
    "review_queue": """
WITH current_versions AS (
    SELECT v.id AS version_id, v.sha256 AS sha256, c.name AS city, c.state AS state, c.known AS known,
           r.cycle_no AS cycle, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons,
           f.path AS source_file
    FROM report_version v
    JOIN report r ON r.id = v.report_id
    JOIN city c ON c.id = r.city_id
    JOIN source_file f ON f.id = v.source_file_id
    WHERE v.is_current
),
doubtful AS (
    SELECT d.version_id AS version_id, d.sha256 AS sha256, d.city AS city, d.state AS state, d.cycle AS cycle,
           d.confidence AS confidence, d.source_file AS source_file, s.code AS indicator_code,
           s.score AS score, COALESCE(s.max_score, i.max_score) AS max_score, s.score_method AS score_method,
           CASE WHEN s.score_location IS NOT NULL THEN s.score_page ELSE s.heading_page END AS page, CASE WHEN s.score_location IS NOT NULL THEN s.score_location ELSE s.heading_location END AS location
    FROM indicator_score s
    JOIN current_versions d ON d.version_id = s.report_version_id
    JOIN indicator i ON i.id = s.indicator_id
    LEFT JOIN score_correction k ON k.sha256 = d.sha256 AND k.indicator_code = s.code AND k.active
    WHERE k.id IS NULL
      AND ((s.score IS NULL AND s.score_status = 'missing')
           OR s.score_method IN ('max_score_match', 'nearest_above'))
)
SELECT 1 AS priority, 'stale_correction' AS kind, city, state, cycle, indicator_code,
       current_parsed_score AS score, current_parsed_max_score AS max_score, NULL AS score_method,
       'corrected' || CASE WHEN not_assessed THEN ' to not assessed' ELSE '' END || ' by ' || corrected_by
           || ' on an older version (' || SUBSTR(sha256, 1, 12) || '): ' || reason
           || '; not applied to the current version ' || SUBSTR(current_sha256, 1, 12) AS detail,
       score AS corrected_score, max_score AS corrected_max_score, correction_id,
       NULL AS confidence, source_file, NULL AS page, NULL AS location, current_sha256 AS sha256
FROM corrections
WHERE status = 'stale'
UNION ALL
SELECT 2, CASE WHEN score IS NULL THEN 'null_score' ELSE 'guessed_placement' END, city, state, cycle,
       indicator_code, score, max_score, score_method,
       CASE WHEN score IS NULL
            THEN COALESCE((SELECT MIN(w.message) FROM parse_warning w
                           WHERE w.report_version_id = doubtful.version_id
                             AND w.indicator = doubtful.indicator_code),
                          'no score was read')
            ELSE 'placed by ' || score_method || ', a guess' END,
       NULL, NULL, NULL, confidence, source_file, page, location, sha256
FROM doubtful
UNION ALL
SELECT 3, 'quality_error', d.city, d.state, d.cycle, q.indicator, NULL, NULL, NULL, q.rule || ': ' || q.message,
       NULL, NULL, NULL, d.confidence, d.source_file, NULL, NULL, d.sha256
FROM quality_issue q
JOIN current_versions d ON d.version_id = q.report_version_id
WHERE q.severity = 'error'
UNION ALL
SELECT 4, 'low_confidence', city, state, cycle, NULL, NULL, NULL, NULL, confidence_reasons,
       NULL, NULL, NULL, confidence, source_file, NULL, NULL, sha256
FROM current_versions
WHERE confidence < 1
UNION ALL
SELECT 4, 'unknown_city', city, state, cycle, NULL, NULL, NULL, NULL,
       'the gazetteer does not know this city: check its printed name', NULL, NULL, NULL, confidence,
       source_file, NULL, NULL, sha256
FROM current_versions
WHERE NOT known""",
}

_INDEX = 'uq_score_correction_active'
_METADATA_INDEX = 'uq_metadata_correction_active'


def upgrade() -> None:
    """Apply this revision."""
    drop_views(REPLACED)
    op.create_table('score_correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('indicator_code', sa.String(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('max_score', sa.Float(), nullable=True),
    sa.Column('not_assessed', sa.Boolean(), nullable=False),
    sa.Column('score_before', sa.Float(), nullable=True),
    sa.Column('max_before', sa.Float(), nullable=True),
    sa.Column('status_before', sa.String(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('corrected_by', sa.String(), nullable=False),
    sa.Column('corrected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('replaced_by', sa.Integer(), nullable=True),
    sa.Column('carried_from', sa.Integer(), nullable=True),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('undone_by', sa.String(), nullable=True),
    sa.Column('undo_reason', sa.Text(), nullable=True),
    sa.CheckConstraint('score IS NULL OR score >= 0', name='ck_score_correction_score'),
    sa.ForeignKeyConstraint(['carried_from'], ['score_correction.id'], ),
    sa.ForeignKeyConstraint(['replaced_by'], ['score_correction.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('score_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_correction_sha256'), ['sha256'], unique=False)
        batch_op.create_index(_INDEX, ['sha256', 'indicator_code'], unique=True,
                              sqlite_where=sa.text('active'), postgresql_where=sa.text('active'))
    op.create_table('metadata_correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('field', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.Column('value_before', sa.String(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('corrected_by', sa.String(), nullable=False),
    sa.Column('corrected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('replaced_by', sa.Integer(), nullable=True),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('undone_by', sa.String(), nullable=True),
    sa.Column('undo_reason', sa.Text(), nullable=True),
    sa.CheckConstraint("field IN ('city', 'state', 'cycle')", name='ck_metadata_correction_field'),
    sa.ForeignKeyConstraint(['replaced_by'], ['metadata_correction.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('metadata_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_metadata_correction_sha256'), ['sha256'], unique=False)
        batch_op.create_index(_METADATA_INDEX, ['sha256', 'field'], unique=True,
                              sqlite_where=sa.text('active'), postgresql_where=sa.text('active'))
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision."""
    drop_views(VIEWS)
    with op.batch_alter_table('metadata_correction', schema=None) as batch_op:
        batch_op.drop_index(_METADATA_INDEX)
        batch_op.drop_index(batch_op.f('ix_metadata_correction_sha256'))
    op.drop_table('metadata_correction')
    with op.batch_alter_table('score_correction', schema=None) as batch_op:
        batch_op.drop_index(_INDEX)
        batch_op.drop_index(batch_op.f('ix_score_correction_sha256'))
    op.drop_table('score_correction')
    create_views(REPLACED)
