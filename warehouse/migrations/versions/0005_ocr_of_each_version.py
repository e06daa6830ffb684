"""What OCR did for each report version (the views' SQL frozen below in ``VIEWS``).

Adds ``report_version.ocr_engine`` (the engine that read its scanned pages, NULL when none was scanned),
``ocr_pages`` (a JSON list of those pages) and ``ocr_confidence`` (the engine's mean word confidence, 0–100);
replaces 0004's ``source_documents`` with one that also shows them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views, revision_views

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration.
REPLACED = {"source_documents": revision_views("0004")["source_documents"]}
"""The view this revision replaces, as 0004 created it; restored on downgrade."""

VIEWS: dict[str, str] = {
    "source_documents": """
SELECT f.path AS path, f.sha256 AS sha256, f.format AS format,
       CASE WHEN f.status = 'duplicate' THEN 'skipped' ELSE f.status END AS status,
       CASE WHEN f.status = 'duplicate' THEN 'duplicate of ' || f.duplicate_of ELSE f.error END AS error,
       f.processed_at AS loaded_at, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons,
       v.ocr_engine AS ocr_engine, v.ocr_pages AS ocr_pages, v.ocr_confidence AS ocr_confidence
FROM source_file f
LEFT JOIN report_version v ON v.source_file_id = f.id AND v.sha256 = f.sha256 AND f.status = 'loaded'""",
}

_COLUMNS = (
    ("ocr_engine", sa.String()),
    ("ocr_pages", sa.Text()),
    ("ocr_confidence", sa.Float()),
)


def upgrade() -> None:
    """Apply this revision."""
    drop_views(REPLACED)
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        for name, type_ in _COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision (plain ``DROP COLUMN``, as 0004 explains)."""
    drop_views(VIEWS)
    for name, _ in reversed(_COLUMNS):
        op.drop_column('report_version', name)
    create_views(REPLACED)
