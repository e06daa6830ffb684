"""Load one document into the warehouse in one transaction: idempotent and versioned by content sha256.

* the same path with the same bytes again -> ``skipped``; nothing changes;
* the same bytes under another path -> ``duplicate`` of the first path; no second set of rows;
* new content for a (city, cycle) -> a new version that becomes current; older versions stay, not current;
* a document that could not be read -> ``failed`` with the one-line error; a later success replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from core.errors import MissingMetadata, ReportError, WarehouseError
from core.records import LoadResult, ParsedReport, SourceFile
from core.statuses import FileStatus
from loaders.confidence import confidence_note
from loaders.crosswalk import refresh_indicator_keys
from loaders.dims import ensure_city, ensure_indicators, ensure_report, lock_reports
from loaders.facts import (
    delete_facts,
    insert_facts,
    recompute_current,
    version_attributes,
)
from loaders.holding import hold_if_worse
from loaders.metadata_corrections import (
    active_overrides,
    corrected_methods,
    with_metadata,
)
from loaders.normalise import NormalisedReport, normalise_report
from loaders.quality import record_quality
from loaders.recommendations import refresh_recommendation_changes
from loaders.source_files import (
    claim_source,
    forget_contents,
    path_of_version,
    record_duplicate,
    set_source,
    unchanged,
)
from loaders.upsert import insert_returning_id
from reference.catalog import Catalog, load_catalog
from warehouse.db import write_transaction
from warehouse.models import Report, ReportVersion, SourceFileRow, utcnow

_SF = SourceFileRow.__table__
_RV = ReportVersion.__table__


def _describe(path: str, error: Exception) -> tuple[str, str]:
    """Return the one-line message and reason to record for a document that could not be read."""
    if isinstance(error, ReportError):
        return error.one_line(), error.reason
    return f"{path}: {type(error).__name__}: {' '.join(str(error).split())}", "internal_error"


def _unplaceable(document: dict[str, Any]) -> str | None:
    """Return why a parsed report cannot be placed in the star schema, or None."""
    if not document["city"]:
        return "no city is printed, so the report cannot be placed; it was not loaded"
    if document["cycle"] is None:
        return "no DMAF cycle is printed, so the report cannot be placed; it was not loaded"
    return None


def _duplicate(conn: Connection, source_id: int, source: SourceFile, version_id: int, parser_version: str,
               now: datetime) -> LoadResult:
    """Record the path as a duplicate of the path the same bytes were first loaded from."""
    return record_duplicate(conn, source_id, source, path_of_version(conn, version_id), now,
                            parser_version=parser_version, version_id=version_id)


@dataclass(frozen=True)
class AddedVersion:
    """What adding one parsed content did: its version, the report's city, why it was held back from being
    current (None: it was not), or the version of another path that already holds the same content."""

    version_id: int | None
    city_id: int | None = None
    held: str | None = None
    duplicate_of: int | None = None


def add_version(conn: Connection, *, source_id: int, key: str, norm: NormalisedReport, source_format: str | None,
                parser_version: str, catalog: Catalog, now: datetime, reread: bool = False) -> AddedVersion:
    """Add the version ``key`` of a parsed report read from path ``source_id`` (or find it again: an old content
    of this path back is its newest version again) and recompute which version of its report is current.

    With ``reread`` a version found again has its facts rebuilt from ``norm``: the same text read where it now
    stands (a compendium's section that other sections' edits moved to other pages)."""
    doc = norm.document
    known = conn.execute(select(_RV.c.id, _RV.c.source_file_id).where(_RV.c.sha256 == key)).first()
    if known is not None and known.source_file_id != source_id:
        return AddedVersion(None, duplicate_of=known.id)
    indicator_ids = ensure_indicators(conn, cycle_no=doc["cycle"], cycle_label=doc["cycle_label"],
                                      indicators=norm.indicator_records, catalog=catalog)
    keys_changed = refresh_indicator_keys(conn, cycle_no=doc["cycle"], catalog=catalog)
    city_id = ensure_city(conn, doc)
    report_id = ensure_report(conn, city_id=city_id, cycle_no=doc["cycle"])
    lock_reports(conn, [report_id])
    held: str | None = None
    if known is not None:
        version_id = known.id
        conn.execute(update(_RV).where(_RV.c.id == version_id).values(loaded_at=now))
        if reread and not active_overrides(conn, key):  # a corrected city or cycle: kept as corrected
            delete_facts(conn, version_id=version_id)
            insert_facts(conn, norm, version_id=version_id, indicator_ids=indicator_ids)
            record_quality(conn, norm, version_id=version_id, catalog=catalog)
            attributes = version_attributes(norm, parser_version=parser_version, source_format=source_format)
            conn.execute(update(_RV).where(_RV.c.id == version_id).values(**attributes))
    else:
        attributes = version_attributes(norm, parser_version=parser_version, source_format=source_format)
        row = attributes | {"report_id": report_id, "source_file_id": source_id, "sha256": key,
                            "loaded_at": now, "is_current": False}
        version_id = insert_returning_id(conn, _RV, row, ["sha256"])
        if version_id is None:  # the same content was committed meanwhile under another path
            other = conn.execute(select(_RV.c.id).where(_RV.c.sha256 == key)).scalar_one()
            return AddedVersion(None, duplicate_of=other)
        insert_facts(conn, norm, version_id=version_id, indicator_ids=indicator_ids)
        record_quality(conn, norm, version_id=version_id, catalog=catalog)
        held = hold_if_worse(conn, report_id=report_id, version_id=version_id)
    recompute_current(conn, report_id=report_id)
    refresh_recommendation_changes(conn, city_ids=[city_id], cycle_no=doc["cycle"] if keys_changed else None)
    return AddedVersion(version_id, city_id, held)


def describe(doc: dict[str, Any]) -> str:
    """Return what a loaded report is, in words: "Pune, cycle 2 (21 indicators)"."""
    note = confidence_note(doc["confidence"], doc["confidence_reasons"])
    return f"{doc['city']}, cycle {doc['cycle']} ({doc['indicator_count']} indicators{note})"


def _load_new_content(conn: Connection, source_id: int, source: SourceFile, norm: NormalisedReport,
                      parser_version: str, catalog: Catalog, now: datetime) -> LoadResult:
    """Load content that parsed: a new version (or an old version of this path back), made current."""
    doc = norm.document
    added = add_version(conn, source_id=source_id, key=source.sha256, norm=norm, source_format=source.format,
                        parser_version=parser_version, catalog=catalog, now=now)
    if added.duplicate_of is not None:
        return _duplicate(conn, source_id, source, added.duplicate_of, parser_version, now)
    set_source(conn, source_id, source, now, status=FileStatus.LOADED.value, parser_version=parser_version)
    what = describe(doc)
    if added.held:
        message = (f"{source.path}: loaded {what} but NOT made current: {added.held}; check it, then "
                   f"`dmaf versions promote {source.sha256[:12]}` if it is right")
        return LoadResult(source.path, FileStatus.HELD, message, added.version_id, doc["confidence"],
                          tuple(doc["confidence_reasons"]))
    return LoadResult(source.path, FileStatus.LOADED, f"{source.path}: loaded {what}", added.version_id,
                      doc["confidence"], tuple(doc["confidence_reasons"]))


def load_document(
    engine: Engine, *, source: SourceFile, report: ParsedReport | None, error: Exception | None,
    parser_version: str, catalog: Catalog | None = None,
) -> LoadResult:
    """Record one document (parsed ``report`` or read ``error``, exactly one) in one transaction.

    ``error`` is normally a ``ReportError``; any other exception is recorded as ``internal_error``.
    """
    if (report is None) == (error is None):
        raise ValueError("load_document needs exactly one of report= or error=")
    norm = normalise_report(report, catalog=catalog) if report is not None else None
    now = utcnow()
    with write_transaction(engine) as conn:
        previous, source_id = claim_source(conn, source, now)
        same_bytes = previous is not None and previous.sha256 == source.sha256
        if (skipped := unchanged(previous, source)) is not None:
            return skipped
        forget_contents(conn, source_id)  # a results table or a compendium before: something else now
        if norm is None:
            message, reason = _describe(source.path, error)
        elif problem := _unplaceable(norm.document):
            message, reason = _describe(source.path, MissingMetadata(source.path, problem))
        else:
            return _load_new_content(conn, source_id, source, norm, parser_version, catalog or load_catalog(), now)
        if not (same_bytes and previous.status == FileStatus.FAILED and previous.error == message):
            set_source(conn, source_id, source, now, status=FileStatus.FAILED.value, error=message, reason=reason,
                        parser_version=parser_version)
        return LoadResult(source.path, FileStatus.FAILED, message)


def replace_facts(
    engine: Engine, *, sha256: str, report: ParsedReport, parser_version: str, catalog: Catalog | None = None,
    change: Callable[[Connection], object] | None = None,
) -> LoadResult:
    """Rebuild the facts of an existing version from a new parse, in one transaction (reprocessing).

    The report is read as the version's active metadata corrections say (``loaders.metadata_corrections``):
    ``change``, when given, runs first in the same transaction (it records or restores such corrections), so a
    corrected city or cycle moves the version to its report atomically.
    """
    with write_transaction(engine) as conn:
        query = select(_RV.c.id, _RV.c.report_id, _SF.c.path).join(_SF, _SF.c.id == _RV.c.source_file_id)
        version = conn.execute(query.where(_RV.c.sha256 == sha256)).first()
        if version is None:
            raise WarehouseError(f"no report version with sha256 {sha256}; load the document first")
        if change is not None:
            change(conn)
        overrides = active_overrides(conn, sha256)
        norm = normalise_report(with_metadata(report, overrides), catalog=catalog)
        doc = norm.document
        doc.update(corrected_methods(overrides))
        if problem := _unplaceable(doc):
            return LoadResult(version.path, FileStatus.FAILED, f"{version.path}: {problem}; the loaded version is kept",
                               version.id)
        indicator_ids = ensure_indicators(conn, cycle_no=doc["cycle"], cycle_label=doc["cycle_label"],
                                          indicators=norm.indicator_records, catalog=catalog or load_catalog())
        keys_changed = refresh_indicator_keys(conn, cycle_no=doc["cycle"], catalog=catalog or load_catalog())
        city_id = ensure_city(conn, doc)
        report_id = ensure_report(conn, city_id=city_id, cycle_no=doc["cycle"])
        lock_reports(conn, [report_id, version.report_id])
        old_city_id = conn.execute(select(Report.__table__.c.city_id)
                                   .where(Report.__table__.c.id == version.report_id)).scalar_one()
        version = conn.execute(query.where(_RV.c.sha256 == sha256)).one()  # as of the locks
        delete_facts(conn, version_id=version.id)
        insert_facts(conn, norm, version_id=version.id, indicator_ids=indicator_ids)
        record_quality(conn, norm, version_id=version.id, catalog=catalog or load_catalog())
        attributes = version_attributes(norm, parser_version=parser_version, source_format=None)
        conn.execute(update(_RV).where(_RV.c.id == version.id).values(report_id=report_id, **attributes))
        if report_id != version.report_id:  # the new parse reads another city or cycle
            recompute_current(conn, report_id=version.report_id)
            recompute_current(conn, report_id=report_id)
            _drop_empty_report(conn, version.report_id)
        refresh_recommendation_changes(conn, city_ids=[city_id, old_city_id],
                                       cycle_no=doc["cycle"] if keys_changed else None)
    return LoadResult(version.path, FileStatus.REPROCESSED, f"{version.path}: reprocessed with parser {parser_version}",
                       version.id)


def _drop_empty_report(conn: Connection, report_id: int) -> None:
    """Delete a report row that no version belongs to any more."""
    if conn.execute(select(_RV.c.id).where(_RV.c.report_id == report_id).limit(1)).first() is None:
        table = Report.__table__
        conn.execute(table.delete().where(table.c.id == report_id))


def already_loaded(engine: Engine, *, path: str, sha256: str) -> bool:
    """Return True when ``path`` with these bytes is already loaded or recorded as a duplicate."""
    query = select(_SF.c.id).where(
        _SF.c.path == path, _SF.c.sha256 == sha256, _SF.c.status.in_((FileStatus.LOADED.value, FileStatus.DUPLICATE.value))
    )
    with engine.connect() as conn:
        return conn.execute(query).first() is not None


def stale_versions(engine: Engine, *, parser_version: str) -> list[tuple[str, str]]:
    """Return ``(sha256, path)`` of versions parsed by another parser whose file still holds them."""
    query = (
        select(_RV.c.sha256, _SF.c.path)
        .join(_SF, (_SF.c.id == _RV.c.source_file_id) & (_SF.c.sha256 == _RV.c.sha256))
        .where((_RV.c.parser_version != parser_version) | _RV.c.parser_version.is_(None))
        .order_by(_RV.c.id)
    )
    with engine.connect() as conn:
        return [(r.sha256, r.path) for r in conn.execute(query)]
