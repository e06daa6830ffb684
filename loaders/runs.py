"""Bookkeeping around loads: one ``ingest_run`` row per ingest, which known files changed or went missing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, select, update

from core.statuses import COUNTED_AS_SKIPPED, FileStatus
from warehouse.db import write_transaction
from warehouse.models import IngestRun, SourceFileRow, utcnow

_RUN = IngestRun.__table__
_SF = SourceFileRow.__table__
_BATCH = 500


class HasStatus(Protocol):
    """Anything with a per-file ``status`` (a ``LoadResult``)."""

    @property
    def status(self) -> str:
        """The file's outcome, a ``core.statuses.FileStatus``."""
        ...


@dataclass(frozen=True, slots=True)
class KnownFile:
    """What the warehouse last recorded about one path: its size, mtime and content hash."""

    size: int | None
    mtime: float | None
    sha256: str | None
    status: str
    missing: bool


def start_run(engine: Engine, *, folder: str | Path | None, parser_version: str) -> int:
    """Record the start of an ingest and return its id."""
    with write_transaction(engine) as conn:
        row = {"started_at": utcnow(), "folder": str(folder) if folder is not None else None,
               "parser_version": parser_version}
        return conn.execute(_RUN.insert().values(row).returning(_RUN.c.id)).scalar_one()


def count_statuses(outcomes: Iterable[HasStatus], extra: Mapping[str, int] | None = None) -> dict[str, int]:
    """Return the number of outcomes per status, plus ``extra`` counts."""
    counts = Counter(o.status for o in outcomes)
    counts.update({status: n for status, n in (extra or {}).items() if n})
    return dict(counts)


def finish_run(engine: Engine, run_id: int, outcomes: Iterable[HasStatus], *,
               extra: Mapping[str, int] | None = None, interrupted: bool = False) -> dict[str, int]:
    """Record the end of an ingest with its counts per status (outcomes plus ``extra``) and whether it was
    interrupted; return the counts."""
    counts = Counter(count_statuses(outcomes, extra))
    finished = utcnow()
    with write_transaction(engine) as conn:
        started = conn.execute(select(_RUN.c.started_at).where(_RUN.c.id == run_id)).scalar_one()
        conn.execute(
            update(_RUN).where(_RUN.c.id == run_id).values(
                finished_at=finished, duration_s=(finished - started).total_seconds(),
                n_loaded=counts[FileStatus.LOADED] + counts[FileStatus.REPROCESSED] + counts[FileStatus.HELD],
                n_skipped=sum(counts[s] for s in COUNTED_AS_SKIPPED),
                n_failed=counts[FileStatus.FAILED], n_duplicate=counts[FileStatus.DUPLICATE],
                n_pending=counts[FileStatus.PENDING], n_held=counts[FileStatus.HELD], interrupted=interrupted,
            )
        )
    return dict(counts)


def _under(folder: str | Path) -> str:
    """Return the path prefix of everything below ``folder``."""
    return str(folder).rstrip("/") + "/"


def known_files(engine: Engine, *, folder: str | Path) -> dict[str, KnownFile]:
    """Return what the warehouse knows about every path below ``folder`` (missing ones included)."""
    prefix = _under(folder)
    query = select(_SF.c.path, _SF.c.size, _SF.c.mtime, _SF.c.sha256, _SF.c.status, _SF.c.missing).where(
        _SF.c.path.startswith(prefix, autoescape=True))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return {r.path: KnownFile(r.size, r.mtime, r.sha256 or None, r.status, bool(r.missing))
            for r in rows if r.path.startswith(prefix)}  # LIKE ignores ASCII case on SQLite


def record_stats(engine: Engine, stats: Iterable[tuple[str, str, int, float]]) -> int:
    """Record a new size and mtime for paths whose content (sha256) did not change; return rows updated.

    Given ``(path, sha256, size, mtime)``; a row whose stored sha256 differs is left alone. After this,
    a file that was only touched (or copied without its times) is recognised again by size and mtime.
    """
    now = utcnow()
    updated = 0
    with write_transaction(engine) as conn:
        for path, sha256, size, mtime in stats:
            result = conn.execute(update(_SF).where(_SF.c.path == path, _SF.c.sha256 == sha256).values(
                size=size, mtime=mtime, last_seen=now, missing=False))
            updated += result.rowcount
    return updated


def record_scan(engine: Engine, *, present: Iterable[str], folder: str | Path | None = None) -> int:
    """Mark the scanned paths as seen now and known paths under ``folder`` that were not found as missing.

    Returns how many paths are newly missing. Rows are never deleted: a missing file's data stays.
    """
    seen = sorted(set(present))
    now = utcnow()
    with write_transaction(engine) as conn:
        for start in range(0, len(seen), _BATCH):
            batch = seen[start : start + _BATCH]
            conn.execute(update(_SF).where(_SF.c.path.in_(batch)).values(last_seen=now, missing=False))
        query = select(_SF.c.id, _SF.c.path).where(_SF.c.missing.is_(False))
        known = conn.execute(query).all()
        prefix = _under(folder) if folder is not None else None
        present_set = set(seen)
        gone = [r.id for r in known if r.path not in present_set and (prefix is None or r.path.startswith(prefix))]
        for start in range(0, len(gone), _BATCH):
            conn.execute(update(_SF).where(_SF.c.id.in_(gone[start : start + _BATCH])).values(missing=True))
    return len(gone)
