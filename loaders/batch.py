"""Loading a batch of parse outcomes, one transaction per document, and preparing the warehouse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.exc import DBAPIError, OperationalError

from core.errors import RecordedFailure, StillBeingWritten, WarehouseFault
from core.records import LoadResult, ParseOutcome
from core.statuses import FileStatus
from loaders.compendium import load_compendium
from loaders.load import load_document
from loaders.published import load_published
from loaders.recommendations import ensure_recommendation_changes
from loaders.reference import load_reference
from warehouse.db import make_engine, upgrade
from warehouse.integrity import check_writable, fault_of

_TRANSIENT = ("database is locked", "database is busy", "could not connect", "connection refused",
              "server closed the connection", "connection reset", "terminating connection", "deadlock detected")


def prepare_warehouse(url: str | None) -> None:
    """Check the warehouse can be written (``check_writable``), create or migrate the schema (Alembic), load
    the reference data and fill derived tables a migration added; safe to run every time."""
    check_writable(url)
    upgrade(url)
    engine = make_engine(url)
    try:
        load_reference(engine)
        ensure_recommendation_changes(engine)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class BatchLoad:
    """What loading a batch did: one result per outcome loaded, in order, and the warehouse fault that stopped
    it before the rest (disk full, read-only, damaged; its message is one line), None when every outcome was
    loaded. For a whole run, ``interrupted`` names the signal that stopped it (``SIGTERM``), None when it ran
    to the end."""

    results: list[LoadResult]
    fault: WarehouseFault | None = None
    interrupted: str | None = None


def load_batch_outcomes(url: str | None, outcomes: list[ParseOutcome], *, parser_version: str,
                        stop: Callable[[], str | None] | None = None) -> BatchLoad:
    """Load each outcome in its own transaction, stopping at a warehouse fault (what was committed stays), or
    before the next document once ``stop()`` names a reason (an interrupted run).

    A transient error (locked, a lost connection) is raised, for the caller's retries; any other error that
    is not about the warehouse (a bug) is raised too.
    """
    engine = make_engine(url)
    results: list[LoadResult] = []
    try:
        for outcome in outcomes:
            if stop is not None and (reason := stop()):
                return BatchLoad(results, interrupted=reason)
            try:
                results.append(_load_one(engine, outcome, parser_version))
            except Exception as exc:
                fault = None if is_transient(exc) else fault_of(exc, engine.url.render_as_string(hide_password=False))
                if fault is None:
                    raise
                return BatchLoad(results, fault)
        return BatchLoad(results)
    finally:
        engine.dispose()


def load_outcomes(url: str | None, outcomes: list[ParseOutcome], *, parser_version: str) -> list[LoadResult]:
    """Load each outcome in its own transaction; return one result per file, in order (a warehouse fault is
    raised as ``WarehouseFault``, after the outcomes before it were committed)."""
    done = load_batch_outcomes(url, outcomes, parser_version=parser_version)
    if done.fault is not None:
        raise done.fault
    return done.results


def _load_one(engine, outcome: ParseOutcome, parser_version: str) -> LoadResult:
    """Load one parse outcome (a report, a results table, a compendium or a failure); a file still being written is left
    pending, unrecorded."""
    if outcome.failure is not None and outcome.failure.reason == StillBeingWritten.reason:
        return LoadResult(outcome.source.path, FileStatus.PENDING, outcome.failure.message)
    source = outcome.source if outcome.source.sha256 else replace(outcome.source, sha256="")
    if outcome.published is not None:
        return load_published(engine, source=source, table=outcome.published, parser_version=parser_version)
    if outcome.compendium is not None:
        return load_compendium(engine, source=source, compendium=outcome.compendium, parser_version=parser_version)
    error = RecordedFailure(outcome.failure.reason, outcome.failure.message) if outcome.failure else None
    done = load_document(engine, source=source, report=outcome.report, error=error, parser_version=parser_version)
    return replace(done, report_version_id=None)


def is_transient(exc: BaseException) -> bool:
    """Return True for database errors worth retrying: busy/locked SQLite, a lost PostgreSQL connection."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, OperationalError):
        text = str(exc).lower()
        return any(marker in text for marker in _TRANSIENT)
    return False
