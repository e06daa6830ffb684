"""Bookkeeping around loads: one ``ingest_run`` row per ingest, and which known files went missing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine, select, update

from loaders.load import LoadOutcome
from warehouse.db import write_transaction
from warehouse.models import IngestRun, SourceFile, utcnow

_RUN = IngestRun.__table__
_SF = SourceFile.__table__
_BATCH = 500


def start_run(engine: Engine, *, folder: str | Path | None, parser_version: str) -> int:
    """Record the start of an ingest and return its id."""
    with write_transaction(engine) as conn:
        row = {"started_at": utcnow(), "folder": str(folder) if folder is not None else None,
               "parser_version": parser_version}
        return conn.execute(_RUN.insert().values(row).returning(_RUN.c.id)).scalar_one()


def finish_run(engine: Engine, run_id: int, outcomes: Iterable[LoadOutcome]) -> dict[str, int]:
    """Record the end of an ingest with its counts per status; return the counts."""
    counts = Counter(o.status for o in outcomes)
    finished = utcnow()
    with write_transaction(engine) as conn:
        started = conn.execute(select(_RUN.c.started_at).where(_RUN.c.id == run_id)).scalar_one()
        conn.execute(
            update(_RUN).where(_RUN.c.id == run_id).values(
                finished_at=finished, duration_s=(finished - started).total_seconds(),
                n_loaded=counts["loaded"] + counts["reprocessed"], n_skipped=counts["skipped"],
                n_failed=counts["failed"], n_duplicate=counts["duplicate"],
            )
        )
    return dict(counts)


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
        prefix = str(folder).rstrip("/") + "/" if folder is not None else None
        present_set = set(seen)
        gone = [r.id for r in known if r.path not in present_set and (prefix is None or r.path.startswith(prefix))]
        for start in range(0, len(gone), _BATCH):
            conn.execute(update(_SF).where(_SF.c.id.in_(gone[start : start + _BATCH])).values(missing=True))
    return len(gone)
