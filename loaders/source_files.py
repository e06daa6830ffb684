"""The ``source_file`` row of a path: claimed (inserted and locked) at the start of a load, set at its end, and
the published scores and compendium sections of content it no longer holds forgotten."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, select, update

from core.records import SourceFile
from core.statuses import FileStatus
from loaders.upsert import insert_returning_id
from warehouse.models import PublishedScoreRow, ReportSectionRow, SourceFileRow

_SF = SourceFileRow.__table__
_PS = PublishedScoreRow.__table__
_RS = ReportSectionRow.__table__


def claim_source(conn: Connection, source: SourceFile, now: datetime) -> tuple[Row | None, int]:
    """Return ``(previous row or None, id)`` of the path's row, inserting and locking it."""
    placeholder = {"path": source.path, "sha256": source.sha256, "status": FileStatus.FAILED.value,
                   "error": "load in progress", "processed_at": now, "first_seen": now, "last_seen": now,
                   "missing": False}
    new_id = insert_returning_id(conn, _SF, placeholder, ["path"])
    if new_id is not None:
        return None, new_id
    query = select(_SF.c.id, _SF.c.sha256, _SF.c.status, _SF.c.error).where(_SF.c.path == source.path)
    row = conn.execute(query.with_for_update()).one()
    return row, row.id


def set_source(conn: Connection, source_id: int, source: SourceFile, now: datetime, **values: Any) -> None:
    """Record the path's latest content and outcome."""
    values = {"error": None, "reason": None, "duplicate_of": None} | values
    conn.execute(
        update(_SF).where(_SF.c.id == source_id).values(
            sha256=source.sha256, size=source.size, mtime=source.mtime, format=source.format,
            processed_at=now, last_seen=now, missing=False, **values,
        )
    )


def forget_published(conn: Connection, source_id: int) -> None:
    """Delete the published scores the path's earlier content gave (a results table it no longer holds)."""
    conn.execute(delete(_PS).where(_PS.c.source_file_id == source_id))


def forget_sections(conn: Connection, source_id: int) -> None:
    """Delete the sections the path's earlier content was read as (a compendium): its versions stay."""
    conn.execute(delete(_RS).where(_RS.c.source_file_id == source_id))


def forget_contents(conn: Connection, source_id: int) -> None:
    """Forget what the path's earlier content held besides versions of its own: published scores, sections."""
    forget_published(conn, source_id)
    forget_sections(conn, source_id)
