"""Confidence and metadata of each report version (the views' SQL frozen below in ``VIEWS``).

Adds ``report_version.confidence``, ``confidence_reasons`` (a JSON list), ``metadata`` (a JSON list of the
title-block fields as read) and ``city_method``, ``state_method``, ``cycle_method``; replaces 0001's
``source_documents`` with one that also shows the confidence of the version loaded from each file, and adds
the view ``report_confidence`` (one row per version, with its number of error-severity quality issues).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views, revision_views

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration. Editing a view later must not change
# what this revision creates; a change to a view is a new revision with the new text.
REPLACED = {"source_documents": revision_views("0001")["source_documents"]}
"""The view this revision replaces, as 0001 created it (0002 and 0003 kept it); restored on downgrade."""

VIEWS: dict[str, str] = {
    "source_documents": """
SELECT f.path AS path, f.sha256 AS sha256, f.format AS format,
       CASE WHEN f.status = 'duplicate' THEN 'skipped' ELSE f.status END AS status,
       CASE WHEN f.status = 'duplicate' THEN 'duplicate of ' || f.duplicate_of ELSE f.error END AS error,
       f.processed_at AS loaded_at, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons
FROM source_file f
LEFT JOIN report_version v ON v.source_file_id = f.id AND v.sha256 = f.sha256 AND f.status = 'loaded'""",
    "report_confidence": """
SELECT c.name AS city, c.state AS state, r.cycle_no AS cycle, f.path AS source_file, v.is_current AS is_current,
       v.confidence AS confidence, v.confidence_reasons AS confidence_reasons, v.city_method AS city_method,
       v.state_method AS state_method, v.cycle_method AS cycle_method,
       (SELECT COUNT(*) FROM quality_issue q
        WHERE q.report_version_id = v.id AND q.severity = 'error') AS errors
FROM report_version v
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id""",
}

_COLUMNS = (
    ("confidence", sa.Float()),
    ("confidence_reasons", sa.Text()),
    ("metadata", sa.Text()),
    ("city_method", sa.String()),
    ("state_method", sa.String()),
    ("cycle_method", sa.String()),
)


def upgrade() -> None:
    """Apply this revision."""
    drop_views(REPLACED)
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        for name, type_ in _COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision.

    The columns are dropped with a plain ``ALTER TABLE … DROP COLUMN`` (SQLite 3.35+), not in batch mode: a
    batch rebuild of ``report_version`` on SQLite would trip over the views and foreign keys that name it.
    """
    drop_views(VIEWS)
    for name, _ in reversed(_COLUMNS):
        op.drop_column('report_version', name)
    create_views(REPLACED)
