"""Versions held back, files left pending and runs interrupted (the views' SQL frozen below in ``VIEWS``).

Adds ``report_version.held_reason`` (why a new version that reads less completely than the current one was
not made current; NULL for every other version), and to ``ingest_run`` the counts ``n_pending`` (files still
being written, left for the next run) and ``n_held``, and ``interrupted`` (the run was stopped by a signal).
Replaces ``report_versions`` (with ``held_reason``, ``indicators`` and ``confidence``) and ``ingest_runs``
(with ``pending``, ``held`` and the outcome ``interrupted``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from warehouse.migrations.replaceable import create_views, drop_views, revision_views

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration.
_OLD: dict[str, str] = {}
for _revision in ("0001", "0002", "0003", "0004", "0005"):  # the newest text of each view wins
    _OLD |= revision_views(_revision)
REPLACED = {name: _OLD[name] for name in ("report_versions", "ingest_runs")}
"""The views this revision replaces, as the revisions before it created them; restored on downgrade."""

VIEWS: dict[str, str] = {
    "report_versions": """
SELECT c.name AS city, r.cycle_no AS cycle, v.sha256 AS sha256, f.path AS source_file,
       v.loaded_at AS loaded_at, v.is_current AS is_current, v.current_reason AS current_reason,
       v.held_reason AS held_reason, v.indicator_count AS indicators, v.confidence AS confidence
FROM report_version v
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id""",
    "ingest_runs": """
SELECT id AS run_id, started_at, finished_at, duration_s, folder, parser_version,
       n_loaded AS loaded, n_skipped AS skipped, n_failed AS failed, n_duplicate AS duplicate,
       n_pending AS pending, n_held AS held,
       n_loaded + n_skipped + n_failed + n_duplicate + n_pending AS files,
       CASE WHEN interrupted THEN 'interrupted'
            WHEN finished_at IS NULL THEN 'unfinished'
            WHEN n_failed > 0 THEN 'finished with failures'
            ELSE 'finished' END AS outcome
FROM ingest_run""",
}

_VERSION_COLUMNS = (("held_reason", sa.Text(), None),)
_RUN_COLUMNS = (
    ("n_pending", sa.Integer(), sa.text("0")),
    ("n_held", sa.Integer(), sa.text("0")),
    ("interrupted", sa.Boolean(), sa.false()),
)


def upgrade() -> None:
    """Apply this revision."""
    drop_views(REPLACED)
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        for name, type_, default in _VERSION_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True, server_default=default))
    with op.batch_alter_table('ingest_run', schema=None) as batch_op:
        for name, type_, default in _RUN_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=False, server_default=default))
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision (plain ``DROP COLUMN``, as 0004 explains)."""
    drop_views(VIEWS)
    for name, *_ in reversed(_RUN_COLUMNS):
        op.drop_column('ingest_run', name)
    for name, *_ in reversed(_VERSION_COLUMNS):
        op.drop_column('report_version', name)
    create_views(REPLACED)
