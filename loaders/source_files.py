"""The ``source_file`` row of a path: claimed (inserted and locked) at the start of a load, set at its end, and
the published scores and compendium sections of content it no longer holds forgotten."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, delete, select, update

from core.records import LoadResult, SourceFile
from core.statuses import FileStatus
from loaders.upsert import insert_returning_id
from warehouse.models import PublishedScoreRow, ReportSectionRow, ReportVersion, SourceFileRow

_SF = SourceFileRow.__table__
_PS = PublishedScoreRow.__table__
_RS = ReportSectionRow.__table__
_RV = ReportVersion.__table__


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


def unchanged(previous: Row | None, source: SourceFile) -> LoadResult | None:
    """Return the ``skipped`` result when the path holds the bytes it was loaded (or recorded a duplicate) with."""
    if previous is not None and previous.sha256 == source.sha256 and previous.status in (
            FileStatus.LOADED, FileStatus.DUPLICATE):
        return LoadResult(source.path, FileStatus.SKIPPED, f"{source.path}: unchanged since it was loaded")
    return None


def first_path_holding(conn: Connection, source: SourceFile, source_id: int, holds: ColumnElement[bool]) -> str | None:
    """Return the first other path loaded with the same bytes whose row ``holds`` (an EXISTS on what it holds:
    published scores, compendium sections), or None."""
    query = (select(_SF.c.path)
             .where(_SF.c.sha256 == source.sha256, _SF.c.id != source_id, _SF.c.status == FileStatus.LOADED.value,
                    holds)
             .order_by(_SF.c.id).limit(1))
    return conn.execute(query).scalar_one_or_none()


def path_of_version(conn: Connection, version_id: int) -> str:
    """Return the path a version was first loaded from."""
    query = select(_SF.c.path).join(_RV, _RV.c.source_file_id == _SF.c.id).where(_RV.c.id == version_id)
    return conn.execute(query).scalar_one()


def record_duplicate(conn: Connection, source_id: int, source: SourceFile, first: str, now: datetime, *,
                     parser_version: str, version_id: int | None = None) -> LoadResult:
    """Record the path as a duplicate of ``first``, the path the same content was loaded from."""
    set_source(conn, source_id, source, now, status=FileStatus.DUPLICATE.value, duplicate_of=first,
               parser_version=parser_version)
    return LoadResult(source.path, FileStatus.DUPLICATE, f"{source.path}: same content as {first}; not loaded twice",
                      version_id)


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
