"""Loading a batch of parse outcomes, one transaction per document, and preparing the warehouse."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.exc import DBAPIError, OperationalError

from core.errors import RecordedFailure
from core.records import LoadResult, ParseOutcome
from loaders.load import load_document
from loaders.reference import load_reference
from warehouse.db import make_engine, upgrade

_TRANSIENT = ("database is locked", "database is busy", "could not connect", "connection refused",
              "server closed the connection", "connection reset", "terminating connection", "deadlock detected")


def prepare_warehouse(url: str | None) -> None:
    """Create or migrate the schema (Alembic) and load the reference data; safe to run every time."""
    upgrade(url)
    engine = make_engine(url)
    try:
        load_reference(engine)
    finally:
        engine.dispose()


def load_outcomes(url: str | None, outcomes: list[ParseOutcome], *, parser_version: str) -> list[LoadResult]:
    """Load each outcome in its own transaction; return one result per file, in order."""
    engine = make_engine(url)
    try:
        return [_load_one(engine, outcome, parser_version) for outcome in outcomes]
    finally:
        engine.dispose()


def _load_one(engine, outcome: ParseOutcome, parser_version: str) -> LoadResult:
    """Load one parse outcome (a report or a failure)."""
    source = outcome.source if outcome.source.sha256 else replace(outcome.source, sha256="")
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
