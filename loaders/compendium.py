"""Load a file that binds several city reports (a compendium) in one transaction: one version per section.

Each section is a report version keyed by the sha256 of the section's own text (``ReportSection.key``), so:

* the same path with the same bytes again -> ``skipped``; nothing changes;
* the same bytes under another path -> ``duplicate`` of the first path;
* an edited compendium -> a new version only for each section whose text changed; the other sections keep
  their versions (and their corrections), with their pages as the new file prints them;
* the file's sections are recorded in ``report_section`` (the file's latest content), shown by the views
  ``compendium_sections`` and ``source_documents.reports``.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from core.records import Compendium, LoadResult, SourceFile
from core.statuses import FileStatus
from loaders.load import add_version, describe
from loaders.normalise import normalise_report
from loaders.source_files import (
    claim_source,
    first_path_holding,
    forget_contents,
    path_of_version,
    record_duplicate,
    set_source,
    unchanged,
)
from reference.catalog import Catalog, load_catalog
from warehouse.db import write_transaction
from warehouse.models import City, Report, ReportSectionRow, ReportVersion, SourceFileRow, utcnow

_RS = ReportSectionRow.__table__
_RV = ReportVersion.__table__
_SF = SourceFileRow.__table__


def load_compendium(engine: Engine, *, source: SourceFile, compendium: Compendium, parser_version: str,
                    catalog: Catalog | None = None) -> LoadResult:
    """Record one compendium in one transaction (see the module for what a repeat or an edit does)."""
    catalog = catalog or load_catalog()
    norms = [normalise_report(section.report, catalog=catalog) for section in compendium.sections]
    now = utcnow()
    with write_transaction(engine) as conn:
        previous, source_id = claim_source(conn, source, now)
        if (skipped := unchanged(previous, source)) is not None:
            return skipped
        held_here = select(_RS.c.id).where(_RS.c.source_file_id == _SF.c.id, _RS.c.file_sha256 == _SF.c.sha256)
        if (first := first_path_holding(conn, source, source_id, held_here.exists())) is not None:
            return record_duplicate(conn, source_id, source, first, now, parser_version=parser_version)
        forget_contents(conn, source_id)
        loaded, held, elsewhere = [], [], []
        for section, norm in zip(compendium.sections, norms, strict=True):
            added = add_version(conn, source_id=source_id, key=section.key, norm=norm, source_format=source.format,
                                parser_version=parser_version, catalog=catalog, now=now, reread=True)
            version_id = added.version_id if added.duplicate_of is None else added.duplicate_of
            conn.execute(_RS.insert().values(
                source_file_id=source_id, file_sha256=source.sha256, section_no=section.number,
                report_version_id=version_id, first_page=section.first_page, last_page=section.last_page,
                first_location=section.first_location, last_location=section.last_location))
            what = f"{describe(norm.document)}{_pages(section.first_page, section.last_page)}"
            if added.duplicate_of is not None:
                elsewhere.append(f"{what}: same text as {path_of_version(conn, added.duplicate_of)}")
            elif added.held:
                held.append(f"{what} NOT made current: {added.held} (`dmaf versions promote {section.key[:12]}` "
                            "if it is right)")
            else:
                loaded.append(what)
        set_source(conn, source_id, source, now, status=FileStatus.LOADED.value, parser_version=parser_version)
    parts = [f"loaded {len(compendium.sections)} reports bound in one file: {'; '.join(loaded)}" if loaded else
             f"loaded {len(compendium.sections)} reports bound in one file"]
    parts += [f"held back: {'; '.join(held)}"] if held else []
    parts += [f"already loaded: {'; '.join(elsewhere)}"] if elsewhere else []
    status = FileStatus.HELD if held else FileStatus.LOADED
    return LoadResult(source.path, status, f"{source.path}: {' | '.join(parts)}")


def stale_compendiums(engine: Engine, *, parser_version: str, everything: bool = False) -> list[tuple[str, str]]:
    """Return ``(sha256, path)`` of the loaded compendiums one of whose sections was read by another parser than
    ``parser_version`` (every loaded compendium with ``everything``)."""
    query = (
        select(_SF.c.sha256, _SF.c.path).distinct()
        .join(_RS, (_RS.c.source_file_id == _SF.c.id) & (_RS.c.file_sha256 == _SF.c.sha256))
        .join(_RV, _RV.c.id == _RS.c.report_version_id)
        .where(_SF.c.status == FileStatus.LOADED.value)
        .order_by(_SF.c.path)
    )
    if not everything:
        query = query.where((_RV.c.parser_version != parser_version) | _RV.c.parser_version.is_(None))
    with engine.connect() as conn:
        return [(r.sha256, r.path) for r in conn.execute(query)]


def section_versions(engine: Engine, *, path: str) -> list[tuple[int, str, str, int]]:
    """Return ``(section no, version sha256, city, cycle)`` of each section the path's latest content holds."""
    city, report = City.__table__, Report.__table__
    query = (
        select(_RS.c.section_no, _RV.c.sha256, city.c.name, report.c.cycle_no)
        .join(_SF, (_SF.c.id == _RS.c.source_file_id) & (_SF.c.sha256 == _RS.c.file_sha256))
        .join(_RV, _RV.c.id == _RS.c.report_version_id)
        .join(report, report.c.id == _RV.c.report_id)
        .join(city, city.c.id == report.c.city_id)
        .where(_SF.c.path == path)
        .order_by(_RS.c.section_no)
    )
    with engine.connect() as conn:
        return [(r.section_no, r.sha256, r.name, r.cycle_no) for r in conn.execute(query)]


def section_of(engine: Engine, sha256: str) -> tuple[str, str, int] | None:
    """Return ``(path, file sha256, section no)`` of the compendium whose latest content holds version ``sha256``
    as a section, or None when no compendium does."""
    query = (select(_SF.c.path, _SF.c.sha256, _RS.c.section_no)
             .join(_RS, (_RS.c.source_file_id == _SF.c.id) & (_RS.c.file_sha256 == _SF.c.sha256))
             .join(_RV, _RV.c.id == _RS.c.report_version_id)
             .where(_RV.c.sha256 == sha256).order_by(_SF.c.id).limit(1))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else (row.path, row.sha256, row.section_no)


def _pages(first: int | None, last: int | None) -> str:
    """Return " pages 3-7" (nothing when the format has no pages)."""
    if first is None:
        return ""
    return f" page {first}" if first == last else f" pages {first}-{last}"
