"""The ``ingest_reports`` flow: discover files, parse them in batches, load each document atomically.

Tasks are few and coarse (one per batch of files, not per file): Prefect's client costs ~6–7 ms a
task and its server records ~50 task runs/s, so per-file tasks would cost more than parsing. Each
file's outcome is recorded in the warehouse (``source_file``), each run in ``ingest_run``, and the
run's summary is published as a Prefect artifact.
"""

# No ``from __future__ import annotations`` here: a served run gets the flow function pickled by value,
# without the module globals that string annotations would need (pydantic then cannot resolve SecretStr).

import os
import time
from collections import deque
from contextlib import nullcontext
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.utilities.annotations import quote
from pydantic import SecretStr

from core import defaults
from core.errors import WarehouseFault
from core.options import ParseOptions
from core.records import LoadResult, ParseOutcome
from core.statuses import FileStatus
from flows import interrupts, progress
from flows.interrupts import Interrupted
from flows.summary import IngestSummary, publish_summary
from loaders.batch import (
    BatchLoad,
    is_transient,
    load_batch_outcomes,
    prepare_warehouse,
)
from loaders.runs import count_statuses, finish_run, start_run
from parsing import PARSER_VERSION
from pipeline.discovery import discover
from pipeline.pool import ParsePool, PoolStopped, parse_files
from warehouse.db import make_engine
from warehouse.integrity import checkpoint, fault_of

RETRY_DELAYS_S = [2, 5, 15]


def retry_if_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect retry condition: retry only a task that failed on a transient database error (busy, lost).

    The error's causes count too: ``CannotConnect`` hides the driver's error it was raised from.
    """
    error = state.data if isinstance(state.data, BaseException) else None
    if error is None:
        try:
            state.result()
        except Exception as exc:  # the task's own exception, re-raised by Prefect
            error = exc
    return any(is_transient(e) for e in _causes(error))


def _causes(error: BaseException | None) -> list[BaseException]:
    """Return the error and the chain of errors it was raised from or while handling."""
    chain: list[BaseException] = []
    while error is not None and all(error is not seen for seen in chain):
        chain.append(error)
        error = error.__cause__ or error.__context__
    return chain


TRANSIENT_RETRIES: dict[str, Any] = {"retries": len(RETRY_DELAYS_S), "retry_delay_seconds": RETRY_DELAYS_S,
                                     "retry_condition_fn": retry_if_transient}
"""Task options for database work: back-off retries on transient errors, never on anything else."""


def plain(url: SecretStr | str | None) -> str | None:
    """Return a secret parameter as a plain string (it travels as a secret so the UI never shows it)."""
    return url.get_secret_value() if isinstance(url, SecretStr) else url


@task(name="discover-files", cache_policy=NONE)
def discover_files(paths: list[str]) -> list[str]:
    """Find report files under the given paths."""
    return discover(paths)


@task(name="start-run", cache_policy=NONE, **TRANSIENT_RETRIES)
def start_ingest_run(db_url: SecretStr | None, folder: str) -> int:
    """Create or migrate the warehouse, then record the start of a run in ``ingest_run``; return its id."""
    url = plain(db_url)
    prepare_warehouse(url)
    engine = make_engine(url)
    try:
        return start_run(engine, folder=folder, parser_version=PARSER_VERSION)
    finally:
        engine.dispose()


@task(name="finish-run", cache_policy=NONE, **TRANSIENT_RETRIES)
def finish_ingest_run(db_url: SecretStr | None, run_id: int, results: list[LoadResult],
                      extra: dict[str, int], interrupted: bool = False) -> dict[str, int]:
    """Record the end of a run in ``ingest_run`` with its counts per status, then checkpoint the warehouse
    (SQLite: the main file alone holds every committed report). On a warehouse fault (a full disk) the run
    stays recorded as unfinished and the counts are only returned."""
    engine = make_engine(plain(db_url))
    try:
        counts = finish_run(engine, run_id, results, extra=extra, interrupted=interrupted)
        checkpoint(engine)
        return counts
    except Exception as exc:
        if fault_of(exc, engine.url.render_as_string(hide_password=False)) is None or is_transient(exc):
            raise
        return count_statuses(results, extra)
    finally:
        engine.dispose()


@task(name="parse-batch", cache_policy=NONE)
def parse_batch(paths: list[str], options: ParseOptions, workers: int,
                pool: ParsePool | None = None) -> list[ParseOutcome]:
    """Parse a batch of files in worker processes (``pool``'s when given); bad files come back as failures.
    A batch whose pool was stopped (the run was interrupted) returns what it parsed before, unloaded."""
    outcomes: list[ParseOutcome] = []
    try:
        outcomes.extend(parse_files(paths, options, workers=workers, pool=pool))
    except PoolStopped:
        pass
    return outcomes


@task(name="load-batch", cache_policy=NONE, **TRANSIENT_RETRIES)
def load_batch(outcomes: list[ParseOutcome], db_url: SecretStr | None) -> BatchLoad:
    """Load each parsed document in its own transaction (retried only on transient database errors); a
    warehouse fault (disk full, read-only) stops the batch and comes back with the results."""
    done = load_batch_outcomes(plain(db_url), outcomes, parser_version=PARSER_VERSION, stop=interrupts.requested)
    logger = get_run_logger()
    for r in done.results:
        if r.status == FileStatus.FAILED:
            logger.warning("%s", r.message)
        progress.report(r.path, r.status, r.message, r.confidence)
    return done  # a fault is the run's to report, once (its summary, the command's one error line)


def check_batch_size(size: int) -> None:
    """Raise ValueError for a batch size that is not a positive number of files."""
    if size <= 0:
        raise ValueError(f"batch size must be positive, got {size}")


def chunks(items: list[str], size: int) -> list[list[str]]:
    """Split a list into consecutive batches of at most ``size`` items."""
    check_batch_size(size)
    return [items[i: i + size] for i in range(0, len(items), size)]


def parse_and_load(files: list[str], *, options: ParseOptions, workers: int, db_url: SecretStr | None,
                   batch_size: int, parallel_batches: int) -> BatchLoad:
    """Parse files in batches submitted to the flow's task runner and load each batch as it is parsed.

    Must run inside a flow. ``parallel_batches`` parse batches are in flight at once (threads locally,
    a Dask cluster when the flow runs with a DaskTaskRunner); each batch's files are parsed in
    ``workers`` processes, one pool of them kept for the whole run. Parsed batches reach the load task
    ``quote``-d: Prefect would otherwise walk every object of every parsed report looking for futures
    (2.5 s of CPU per 100 reports, measured).

    A warehouse fault (disk full, read-only) stops the loading: the batches still parsing are awaited and
    dropped, unrecorded, so the next run reads them again; the fault comes back with the results. An
    ``Interrupted`` (SIGTERM, SIGINT) stops the run between two documents (a batch being loaded finishes the
    document it is on, so every committed report is in the results), the parse workers are killed, and the
    results so far come back with the signal's name.
    """
    results: list[LoadResult] = []
    in_flight: deque = deque()
    fault: WarehouseFault | None = None
    pool = ParsePool(workers, options.memory_mb) if workers > 0 else None

    def load(parsed: list[ParseOutcome]) -> None:
        nonlocal fault
        if fault is None:
            with interrupts.deferred():  # a signal stops the batch between documents: each result is kept
                done = load_batch(quote(parsed), db_url)
                results.extend(done.results)
                fault = done.fault

    try:
        # inside the flow Prefect's own SIGTERM handler is installed: for a run started by a command, ours takes
        # over while files are worked on; a deployment's run keeps Prefect's (its runner cancels by SIGTERM)
        with interrupts.interruptible() if not _deployed() else nullcontext(), \
                pool if pool is not None else nullcontext():
            for batch in chunks(files, batch_size):
                interrupts.check()
                if fault is not None:
                    break
                parsed = in_flight.popleft().result() if len(in_flight) >= max(1, parallel_batches) else None
                in_flight.append(parse_batch.submit(batch, options, workers, pool))  # the next batch parses ...
                if parsed is not None:
                    load(parsed)  # ... while this one loads
            while in_flight:
                interrupts.check()
                load(in_flight.popleft().result())
            interrupts.check()
    except Interrupted as stop:
        if pool is not None:
            pool.stop()
        return BatchLoad(results, fault, interrupted=stop.name)
    return BatchLoad(results, fault)


def _deployed() -> bool:
    """Return True inside a flow run of a deployment (``dmaf serve``, a worker), False for a direct call."""
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    return bool(context and context.flow_run and context.flow_run.deployment_id)


@flow(name="ingest-reports", log_prints=False)
def ingest_reports(
    paths: list[str],
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
) -> IngestSummary:
    """Ingest report files and folders into the warehouse; one bad file never stops the batch.

    Parse batches are submitted to the flow's task runner (threads locally, a Dask cluster when
    the flow runs with a DaskTaskRunner) with ``parallel_batches`` of them in flight; each batch
    is loaded as soon as it is parsed, while the next ones parse. The run is recorded in
    ``ingest_run`` and summarised in the artifact ``ingest-summary``.
    """
    started = time.monotonic()
    logger = get_run_logger()
    check_batch_size(batch_size)
    options = ParseOptions(plain(pdf_password), max_bytes, timeout_s, memory_mb, ocr=ocr, ocr_dpi=ocr_dpi,
                           settle_s=settle_s)
    folder = os.pathsep.join(paths)
    run_id = start_ingest_run(db_url, folder)
    files = discover_files(paths)
    progress.announce_total(len(files))
    logger.info("ingesting %d file(s) in batches of %d", len(files), batch_size)
    processes = workers if workers is not None else defaults.default_workers()
    loaded = parse_and_load(files, options=options, workers=processes, db_url=db_url, batch_size=batch_size,
                            parallel_batches=parallel_batches)
    summary = IngestSummary(results=loaded.results, run_id=run_id, folder=folder, fault=str(loaded.fault) if loaded.fault else None,
                            interrupted=loaded.interrupted)
    finish_ingest_run(db_url, run_id, loaded.results, {}, interrupted=loaded.interrupted is not None)
    summary.duration_s = time.monotonic() - started
    publish_summary(summary, key="ingest-summary", title="Ingest summary")
    logger.info("done: %s", summary.counts())
    return summary
