"""Files that bind several city reports (the views' SQL frozen below in ``VIEWS``).

Adds the table ``report_section`` (one row per city report of a compendium's latest content: its version, the
bytes it was read from, its pages and where it starts and ends), the column ``reports`` of
``source_documents`` and the view ``compendium_sections``. PostgreSQL refuses to drop a view that others read,
so every view is dropped and created again, in order.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-17 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views, revision_views

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration.
REPLACED: dict[str, str] = revision_views("0009")
"""Every view as revision 0009 left them, in creation order: dropped here, restored on downgrade."""

COMPENDIUM: dict[str, str] = {
    "source_documents": """
SELECT f.path AS path, f.sha256 AS sha256, f.format AS format,
       CASE WHEN f.status = 'duplicate' THEN 'skipped' ELSE f.status END AS status,
       CASE WHEN f.status = 'duplicate' THEN 'duplicate of ' || f.duplicate_of ELSE f.error END AS error,
       f.processed_at AS loaded_at, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons,
       v.ocr_engine AS ocr_engine, v.ocr_pages AS ocr_pages, v.ocr_confidence AS ocr_confidence,
       CASE WHEN v.id IS NOT NULL THEN 1
            ELSE (SELECT COUNT(*) FROM report_section s
                  WHERE s.source_file_id = f.id AND s.file_sha256 = f.sha256) END AS reports
FROM source_file f
LEFT JOIN report_version v ON v.source_file_id = f.id AND v.sha256 = f.sha256 AND f.status = 'loaded'""",
    "compendium_sections": """
SELECT f.path AS source_file, s.section_no AS section_no, c.name AS city, c.state AS state, r.cycle_no AS cycle,
       s.first_page AS first_page, s.last_page AS last_page, s.first_location AS first_location,
       s.last_location AS last_location, v.sha256 AS sha256, v.is_current AS is_current,
       v.indicator_count AS indicators, v.confidence AS confidence
FROM report_section s
JOIN source_file f ON f.id = s.source_file_id AND f.sha256 = s.file_sha256
JOIN report_version v ON v.id = s.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id""",
}

VIEWS: dict[str, str] = {**REPLACED, **COMPENDIUM}


def upgrade() -> None:
    """Apply this revision."""
    drop_views(REPLACED)
    op.create_table('report_section',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_file_id', sa.Integer(), nullable=False),
    sa.Column('file_sha256', sa.String(), nullable=False),
    sa.Column('section_no', sa.Integer(), nullable=False),
    sa.Column('report_version_id', sa.Integer(), nullable=False),
    sa.Column('first_page', sa.Integer(), nullable=True),
    sa.Column('last_page', sa.Integer(), nullable=True),
    sa.Column('first_location', sa.String(), nullable=False),
    sa.Column('last_location', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['report_version_id'], ['report_version.id'], ),
    sa.ForeignKeyConstraint(['source_file_id'], ['source_file.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_file_id', 'section_no', name='uq_report_section_source_file_id')
    )
    with op.batch_alter_table('report_section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_section_report_version_id'), ['report_version_id'], unique=False)
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision."""
    drop_views(VIEWS)
    with op.batch_alter_table('report_section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_section_report_version_id'))
    op.drop_table('report_section')
    create_views(REPLACED)
