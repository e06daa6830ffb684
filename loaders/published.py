"""Loading a national results table: its published scores, as the file's latest content, in one transaction.

* the same path with the same bytes again -> ``skipped``; nothing changes;
* the same bytes under another path -> ``duplicate`` of the first path; no second set of rows;
* new content for the path -> its published rows are replaced by the new table's, atomically.

A results table is no city's report: it adds no report version and changes no report-based view; the views
``published_*`` and ``city_scores_all_sources`` read it, and ``published_score_differences`` compares it with
the reports.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from core.records import LoadResult, PublishedTable, SourceFile
from core.statuses import FileStatus
from loaders.dims import ensure_cities
from loaders.reference import cycle_row, pillar_row
from loaders.source_files import (
    claim_source,
    first_path_holding,
    forget_contents,
    record_duplicate,
    set_source,
    unchanged,
)
from loaders.upsert import ensure_rows
from reference.catalog import Catalog, load_catalog
from reference.gazetteer import resolve_city
from warehouse.db import write_transaction
from warehouse.models import (
    Cycle,
    Pillar,
    PublishedScoreRow,
    SourceFileRow,
    utcnow,
)

_SF = SourceFileRow.__table__
_PS = PublishedScoreRow.__table__


def load_published(engine: Engine, *, source: SourceFile, table: PublishedTable, parser_version: str,
                   catalog: Catalog | None = None, rebuild: bool = False) -> LoadResult:
    """Record one results table in one transaction (see the module for what a repeat does); ``rebuild``
    replaces the rows of a file loaded before, with the same bytes (a reprocess after a parser upgrade)."""
    now = utcnow()
    with write_transaction(engine) as conn:
        previous, source_id = claim_source(conn, source, now)
        if not rebuild and (skipped := unchanged(previous, source)) is not None:
            return skipped
        held_here = select(_PS.c.id).where(_PS.c.source_file_id == _SF.c.id).exists()
        first = None if rebuild else first_path_holding(conn, source, source_id, held_here)
        if first is not None:
            return record_duplicate(conn, source_id, source, first, now, parser_version=parser_version)
        rows = _rows(conn, table, source_id, catalog or load_catalog())
        forget_contents(conn, source_id)
        if rows:
            conn.execute(_PS.insert(), rows)
        set_source(conn, source_id, source, now, status=FileStatus.LOADED.value, parser_version=parser_version)
    if rebuild:
        return LoadResult(source.path, FileStatus.REPROCESSED, f"{source.path}: reprocessed with parser "
                                                                f"{parser_version}: {published_summary(table)}")
    return LoadResult(source.path, FileStatus.LOADED, f"{source.path}: {published_summary(table)}")


def stale_published(engine: Engine, *, parser_version: str, everything: bool = False) -> list[tuple[str, str]]:
    """Return ``(sha256, path)`` of the results files read by another parser than ``parser_version`` (every
    results file with ``everything``)."""
    query = (select(_SF.c.sha256, _SF.c.path)
             .where(_SF.c.status == FileStatus.LOADED.value,
                    select(_PS.c.id).where(_PS.c.source_file_id == _SF.c.id).exists())
             .order_by(_SF.c.id))
    if not everything:
        query = query.where((_SF.c.parser_version != parser_version) | _SF.c.parser_version.is_(None))
    with engine.connect() as conn:
        return [(r.sha256, r.path) for r in conn.execute(query)]


def published_summary(table: PublishedTable) -> str:
    """Return what a results table holds, in words, for the run's report of the file."""
    refused = sum(1 for s in table.scores if s.warning is not None)
    what = (f"loaded the published results of cycle {table.cycle}: {len(table.cities())} cities, "
            f"{sum(1 for s in table.scores if s.score is not None)} scores")
    if refused:
        what += f"; {refused} figure(s) kept as NULL with a warning (see published_pillar_scores.warning)"
    if table.skipped:
        what += f"; {len(table.skipped)} row(s) name no Smart City and were not read: {table.skipped[0]}"
    return what


def _rows(conn: Connection, table: PublishedTable, source_id: int, catalog: Catalog) -> list[dict]:
    """Ensure the cycle, its pillars and the cities exist; return the ``published_score`` rows."""
    ensure_rows(conn, Cycle.__table__, [cycle_row(table.cycle, table.cycle_label)], ["cycle_no"])
    pillar_nos = sorted({s.pillar_no for s in table.scores if s.pillar_no is not None}
                        | set(catalog.cycle_pillars(table.cycle)))
    ensure_rows(conn, Pillar.__table__, [pillar_row(catalog, table.cycle, p) for p in pillar_nos],
                ["cycle_no", "pillar_no"])
    cities = {}
    for s in table.scores:
        match = resolve_city(s.city)
        cities[s.city] = {"name": s.city, "state": s.state, "region": match.region, "known": s.city_known}
    ids = ensure_cities(conn, list(cities.values()))
    return [{"source_file_id": source_id, "city_id": ids[s.city], "cycle_no": table.cycle,
             "pillar_no": s.pillar_no, "printed_city": s.printed_city, "score": s.score, "max_score": s.max_score,
             "rank": s.rank, "page": s.page, "row_no": s.row, "location": s.location, "warning": s.warning}
            for s in table.scores]

