"""The ``refresh_reports`` flow: bring the warehouse up to date with one folder, at almost no cost when nothing changed.

A file whose size and mtime equal what the warehouse recorded is not opened at all (one ``stat`` call).
A file whose size or mtime differ is hashed: the same bytes (a touch, a copy without its times) only
update the recorded size and mtime; other bytes are parsed and loaded like a new file. Known files that
are not found any more are flagged ``missing``; their reports stay in the warehouse.
"""

# No ``from __future__ import annotations`` here: a served run gets the flow function pickled by value,
# without the module globals that string annotations would need (pydantic then cannot resolve SecretStr).

import time
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from pydantic import SecretStr

from core import defaults
from core.options import ParseOptions
from core.records import LoadResult
from core.statuses import FileStatus
from flows import progress
from flows.ingest import (
    TRANSIENT_RETRIES,
    check_batch_size,
    finish_ingest_run,
    parse_and_load,
    plain,
    start_ingest_run,
)
from flows.summary import IngestSummary, publish_summary
from loaders.runs import KnownFile, known_files, record_scan, record_stats
from pipeline.discovery import discover
from pipeline.refresh_plan import (
    Confirmed,
    Plan,
    Seen,
    Stat,
    Touched,
    confirm_changes,
    folder_root,
    plan_refresh,
    stat_files,
)
from warehouse.db import make_engine


@dataclass(frozen=True)
class FolderState:
    """One folder scanned against the warehouse: what is on disk, what is known, and the plan."""

    root: str
    found: dict[str, Stat | None]
    known: dict[str, KnownFile]
    plan: Plan

    def seen(self) -> dict[str, Seen]:
        """Return the warehouse's (size, mtime, sha256) per known path."""
        return {path: (k.size, k.mtime, k.sha256) for path, k in self.known.items()}


def plan_folder(folder: str | Path, db_url: str | None = None) -> FolderState:
    """Scan a folder (stat only) and compare it with the warehouse; no Prefect, no file read, no write.

    This is the whole cost of a refresh that finds nothing to do, apart from recording the scan and the
    run: benchmarks can time it directly.
    """
    root = folder_root(folder)
    found = stat_files(discover([root]))
    engine = make_engine(db_url)
    try:
        known = known_files(engine, folder=root)
    finally:
        engine.dispose()
    plan = plan_refresh({path: (k.size, k.mtime, k.sha256) for path, k in known.items()}, found)
    return FolderState(root, found, known, plan)


@task(name="plan-refresh", cache_policy=NONE, **TRANSIENT_RETRIES)
def plan_folder_task(root: str, db_url: SecretStr | None) -> FolderState:
    """Scan the folder and decide, by size and mtime, which files need work."""
    return plan_folder(root, plain(db_url))


@task(name="check-changed", cache_policy=NONE)
def confirm_changes_task(state: FolderState) -> Confirmed:
    """Hash the files whose mtime changed to tell real changes from touches."""
    return confirm_changes(state.plan.changed_candidates, state.seen(), state.found)


@task(name="record-scan", cache_policy=NONE, **TRANSIENT_RETRIES)
def record_scan_task(db_url: SecretStr | None, state: FolderState, touched: list[Touched]) -> int:
    """Record which files were seen, the new times of touched files, and flag missing ones; return newly missing."""
    engine = make_engine(plain(db_url))
    try:
        record_stats(engine, touched)
        return record_scan(engine, present=list(state.found), folder=state.root)
    finally:
        engine.dispose()


def _describe(plan: Plan, retry: list[str], newly_missing: list[str]) -> str:
    """Return one line saying what the scan found."""
    total = len(plan.new) + len(plan.changed_candidates) + len(plan.unchanged)
    line = (f"found {total} file(s): {len(plan.new)} new, {len(plan.changed_candidates)} with a new size or mtime, "
            f"{len(plan.unchanged)} unchanged")
    if retry:
        line += f" ({len(retry)} failed before, tried again)"
    if newly_missing:
        line += f"; {len(newly_missing)} known file(s) missing"
    return line


@flow(name="refresh-reports", log_prints=False)
def refresh_reports(
    folder: str,
    db_url: SecretStr | None = None,
    batch_size: int = defaults.BATCH_SIZE,
    workers: int | None = None,
    pdf_password: SecretStr | None = None,
    max_bytes: int = defaults.MAX_BYTES,
    timeout_s: float = defaults.TIMEOUT_S,
    memory_mb: int = defaults.MEMORY_MB,
    parallel_batches: int = defaults.PARALLEL_BATCHES,
    ocr: str | None = defaults.OCR_ENGINE,
    ocr_dpi: int = defaults.OCR_DPI,
    settle_s: float | None = None,
    retry_failed: bool = False,
) -> IngestSummary:
    """Load what is new or changed in ``folder``, skip what is unchanged, flag what disappeared.

    Unchanged files that failed before are left alone unless ``retry_failed``. The run is recorded in
    ``ingest_run`` and summarised in the artifact ``refresh-summary``; without ``db_url`` the warehouse
    is ``$DMAF_DATABASE_URL`` or the default SQLite file.
    """
    started = time.monotonic()
    logger = get_run_logger()
    check_batch_size(batch_size)
    root = folder_root(folder)
    run_id = start_ingest_run(db_url, root)
    state = plan_folder_task(root, db_url)
    plan = state.plan
    retry = [p for p in plan.unchanged if retry_failed and state.known[p].status == FileStatus.FAILED]
    newly_missing = [p for p in plan.missing if not state.known[p].missing]
    description = _describe(plan, retry, newly_missing)
    logger.info("%s: %s", root, description)
    progress.note(description)
    progress.announce_total(len(plan.new) + len(plan.changed_candidates) + len(retry))
    confirmed = confirm_changes_task(state) if plan.changed_candidates else Confirmed()
    results = [LoadResult(path, FileStatus.UNCHANGED, f"{path}: touched, same content") for path, *_ in confirmed.same]
    for r in results:
        progress.report(r.path, r.status, r.message)
    record_scan_task(db_url, state, confirmed.same)
    options = ParseOptions(plain(pdf_password), max_bytes, timeout_s, memory_mb, ocr=ocr, ocr_dpi=ocr_dpi,
                           settle_s=settle_s)
    loaded = parse_and_load(sorted(plan.new + confirmed.changed + retry), options=options,
                            workers=workers if workers is not None else defaults.default_workers(), db_url=db_url,
                            batch_size=batch_size, parallel_batches=parallel_batches)
    results += loaded.results
    summary = IngestSummary(results=results, run_id=run_id, folder=root, unchanged=len(plan.unchanged) - len(retry),
                            missing=newly_missing, scan=plan.counts(), fault=str(loaded.fault) if loaded.fault else None,
                            interrupted=loaded.interrupted)
    finish_ingest_run(db_url, run_id, results, {FileStatus.UNCHANGED: summary.unchanged},
                      interrupted=loaded.interrupted is not None)
    summary.duration_s = time.monotonic() - started
    publish_summary(summary, key="refresh-summary", title="Refresh summary")
    logger.info("done: %s", summary.counts())
    return summary
