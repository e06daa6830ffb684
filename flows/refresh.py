"""The ``refresh_reports`` flow: bring the warehouse up to date with one folder, at almost no cost when nothing changed.

A file whose size and mtime equal what the warehouse recorded is not opened at all (one ``stat`` call).
A file whose size or mtime differ is hashed: the same bytes (a touch, a copy without its times) only
update the recorded size and mtime; other bytes are parsed and loaded like a new file. Known files that
are not found any more are flagged ``missing``; their reports stay in the warehouse.
"""

# No ``from __future__ import annotations`` here: a served run gets the flow function pickled by value,
# without the module globals that string annotations would need (pydantic then cannot resolve SecretStr).

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from pydantic import SecretStr

from dmaf.discovery import discover
from dmaf.pipeline import DEFAULT_MAX_BYTES, ParseOptions
from flows import progress
from flows.ingest import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_PARALLEL_BATCHES,
    TRANSIENT_RETRIES,
    check_batch_size,
    default_workers,
    finish_ingest_run,
    parse_and_load,
    plain,
    start_ingest_run,
)
from flows.summary import IngestSummary, publish_summary
from loaders.batch import LoadResult
from loaders.runs import KnownFile, known_files, record_scan, record_stats
from warehouse.db import make_engine

FOLDER_ENV = "DMAF_REPORTS_DIR"
Stat = tuple[int, float]
"""(size in bytes, mtime) of a file as found on disk."""
Seen = tuple[int | None, float | None, str | None]
"""(size, mtime, sha256) of a file as the warehouse recorded it."""
Touched = tuple[str, str, int, float]
"""(path, sha256, size, mtime) of a file whose times changed but whose bytes did not."""


@dataclass(frozen=True)
class Plan:
    """What a refresh must do with each path: parse it, hash it first, leave it, or flag it missing."""

    new: list[str]
    changed_candidates: list[str]
    unchanged: list[str]
    missing: list[str]

    def counts(self) -> dict[str, int]:
        """Return how many paths fall in each group."""
        return {"new": len(self.new), "with a new size or mtime": len(self.changed_candidates),
                "unchanged": len(self.unchanged), "missing": len(self.missing)}


def plan_refresh(seen: Mapping[str, Seen], found: Mapping[str, Stat | None]) -> Plan:
    """Compare what the warehouse recorded with what is on disk, by size and mtime only (no file is read).

    ``found`` maps each path on disk to its (size, mtime), or None when it could not be stat'ed (such a
    file is never unchanged, so parsing it records why it cannot be read).
    """
    new, candidates, unchanged = [], [], []
    for path in sorted(found):
        stat = found[path]
        if path not in seen:
            new.append(path)
        elif stat is not None and seen[path][:2] == stat and seen[path][2]:
            unchanged.append(path)
        else:
            candidates.append(path)
    missing = sorted(path for path in seen if path not in found)
    return Plan(new, candidates, unchanged, missing)


@dataclass(frozen=True)
class Confirmed:
    """Changed candidates sorted out: really ``changed`` (to parse), or the ``same`` bytes (only touched)."""

    changed: list[str] = field(default_factory=list)
    same: list[Touched] = field(default_factory=list)


def file_sha256(path: str) -> str:
    """Return the sha256 of a file's bytes, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for piece in iter(lambda: file.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()


def confirm_changes(candidates: Iterable[str], seen: Mapping[str, Seen], found: Mapping[str, Stat | None], *,
                    digest: Callable[[str], str] = file_sha256) -> Confirmed:
    """Hash the candidates whose size is unchanged (another size is another content: no read needed)."""
    changed: list[str] = []
    same: list[Touched] = []
    for path in candidates:
        old_size, _, old_sha = seen[path]
        stat = found.get(path)
        if stat is None or not old_sha or (old_size is not None and old_size != stat[0]):
            changed.append(path)
            continue
        try:
            sha = digest(path)
        except OSError:  # vanished or unreadable since the scan: parsing it records what is wrong
            changed.append(path)
            continue
        if sha == old_sha:
            same.append((path, sha, stat[0], stat[1]))
        else:
            changed.append(path)
    return Confirmed(changed, same)


def stat_files(paths: Iterable[str], *, stat: Callable[[str], os.stat_result] = os.stat) -> dict[str, Stat | None]:
    """Return (size, mtime) of each path, or None when it cannot be stat'ed; nothing is opened."""
    found: dict[str, Stat | None] = {}
    for path in paths:
        try:
            st = stat(path)
        except OSError:
            found[path] = None
        else:
            found[path] = (st.st_size, st.st_mtime)
    return found


def default_folder() -> Path:
    """Return the folder refreshed by default: ``$DMAF_REPORTS_DIR``, else ``raw_reports`` in the current folder."""
    return Path(os.environ.get(FOLDER_ENV) or "raw_reports")


def folder_root(folder: str | Path) -> str:
    """Return the folder as an absolute path without links (as ``dmaf ingest`` stores paths); raise when it is
    not an existing folder (then nothing is flagged missing)."""
    root = os.path.realpath(os.fspath(folder))
    if not os.path.isdir(root):
        what = "is not a folder" if os.path.exists(root) else "does not exist"
        raise NotADirectoryError(f"{root} {what}: a refresh needs the folder the reports are dropped into "
                                 "(an unmounted share would otherwise look as if every file were gone)")
    return root


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
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    pdf_password: SecretStr | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout_s: float = 120.0,
    memory_mb: int = 2048,
    parallel_batches: int = DEFAULT_PARALLEL_BATCHES,
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
    retry = [p for p in plan.unchanged if retry_failed and state.known[p].status == "failed"]
    newly_missing = [p for p in plan.missing if not state.known[p].missing]
    description = _describe(plan, retry, newly_missing)
    logger.info("%s: %s", root, description)
    progress.note(description)
    progress.announce_total(len(plan.new) + len(plan.changed_candidates) + len(retry))
    confirmed = confirm_changes_task(state) if plan.changed_candidates else Confirmed()
    results = [LoadResult(path, "unchanged", f"{path}: touched, same content") for path, *_ in confirmed.same]
    for r in results:
        progress.report(r.path, r.status, r.message)
    record_scan_task(db_url, state, confirmed.same)
    options = ParseOptions(plain(pdf_password), max_bytes, timeout_s, memory_mb)
    results += parse_and_load(sorted(plan.new + confirmed.changed + retry), options=options,
                              workers=workers if workers is not None else default_workers(), db_url=db_url,
                              batch_size=batch_size, parallel_batches=parallel_batches)
    summary = IngestSummary(results=results, run_id=run_id, folder=root, unchanged=len(plan.unchanged) - len(retry),
                            missing=newly_missing, scan=plan.counts())
    finish_ingest_run(db_url, run_id, results, {"unchanged": summary.unchanged})
    summary.duration_s = time.monotonic() - started
    publish_summary(summary, key="refresh-summary", title="Refresh summary")
    logger.info("done: %s", summary.counts())
    return summary
