"""The ``ingest_runs`` view over the ``ingest_run`` table (its SQL frozen below in ``VIEWS``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from warehouse.migrations.replaceable import create_views, drop_views

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen SQL: never import ``warehouse.views`` in a migration. Editing a view later must not change
# what this revision creates; a change to a view is a new revision with the new text.
VIEWS: dict[str, str] = {
    "ingest_runs": """
SELECT id AS run_id, started_at, finished_at, duration_s, folder, parser_version,
       n_loaded AS loaded, n_skipped AS skipped, n_failed AS failed, n_duplicate AS duplicate,
       n_loaded + n_skipped + n_failed + n_duplicate AS files,
       CASE WHEN finished_at IS NULL THEN 'unfinished'
            WHEN n_failed > 0 THEN 'finished with failures'
            ELSE 'finished' END AS outcome
FROM ingest_run""",
}


def upgrade() -> None:
    """Apply this revision."""
    create_views(VIEWS)


def downgrade() -> None:
    """Revert this revision."""
    drop_views(VIEWS)
