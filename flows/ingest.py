"""The ``ingest_reports`` flow: discover files, parse them in batches, load each document atomically.

Tasks are few and coarse (one per batch of files, not per file): Prefect's client costs ~6–7 ms a
task and its server records ~50 task runs/s, so per-file tasks would cost more than parsing.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from pydantic import SecretStr

from dmaf.discovery import discover
from dmaf.isolation import parse_files
from dmaf.parse import PARSER_VERSION
from dmaf.pipeline import DEFAULT_MAX_BYTES, ParseOptions, ParseOutcome
from flows import progress
from loaders.batch import LoadResult, load_outcomes, prepare_warehouse

DEFAULT_BATCH_SIZE = 200


@dataclass
class IngestSummary:
    """What a run did: one result per file, and counts per status."""

    results: list[LoadResult] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Return {status: number of files}."""
        out: dict[str, int] = {}
        for r in self.results:
            out[r.status] = out.get(r.status, 0) + 1
        return out

    @property
    def failed(self) -> list[LoadResult]:
        """Return the files that failed."""
        return [r for r in self.results if r.status == "failed"]


def default_workers() -> int:
    """Return the number of parse worker processes: one per core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@task(name="discover-files", cache_policy=NONE)
def discover_files(paths: list[str]) -> list[str]:
    """Find report files under the given paths."""
    return discover(paths)


@task(name="parse-batch", cache_policy=NONE)
def parse_batch(paths: list[str], options: ParseOptions, workers: int) -> list[ParseOutcome]:
    """Parse a batch of files in worker processes; bad files come back as failures."""
    return list(parse_files(paths, options, workers=workers))


@task(name="load-batch", cache_policy=NONE, retries=3, retry_delay_seconds=[2, 5, 15],
      retry_condition_fn=lambda task, run, state: _transient(state))
def load_batch(outcomes: list[ParseOutcome], db_url: SecretStr | None) -> list[LoadResult]:
    """Load each parsed document in its own transaction (retried only on transient database errors)."""
    results = load_outcomes(_plain(db_url), outcomes, parser_version=PARSER_VERSION)
    for r in results:
        progress.report(r.path, r.status, r.message)
    return results


def _transient(state) -> bool:
    """Return True when a task failed on a database hiccup worth retrying (busy, connection lost)."""
    from loaders.batch import is_transient

    try:
        state.result()
    except Exception as exc:  # the task's own exception, re-raised by Prefect
        return is_transient(exc)
    return False


def _plain(url: SecretStr | str | None) -> str | None:
    """Return the database URL as a plain string (it travels as a secret so the UI never shows it)."""
    return url.get_secret_value() if isinstance(url, SecretStr) else url


def chunks(items: list[str], size: int) -> list[list[str]]:
    """Split a list into consecutive batches of at most ``size`` items."""
    if size <= 0:
        raise ValueError(f"batch size must be positive, got {size}")
    return [items[i: i + size] for i in range(0, len(items), size)]


@flow(name="ingest-reports", log_prints=False)
def ingest_reports(
    paths: list[str],
    db_url: SecretStr | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    pdf_password: SecretStr | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout_s: float = 120.0,
    memory_mb: int = 2048,
    parallel_batches: int = 1,
) -> IngestSummary:
    """Ingest report files and folders into the warehouse; one bad file never stops the batch.

    Parse batches are submitted to the flow's task runner (threads locally, a Dask cluster when
    the flow runs with a DaskTaskRunner) with ``parallel_batches`` of them in flight; each batch
    is loaded as soon as it is parsed, while the next ones parse.
    """
    logger = get_run_logger()
    options = ParseOptions(_plain(pdf_password), max_bytes, timeout_s, memory_mb)
    prepare_warehouse(_plain(db_url))
    files = discover_files(paths)
    progress.announce_total(len(files))
    logger.info("ingesting %d file(s) in batches of %d", len(files), batch_size)
    summary = IngestSummary()
    processes = workers if workers is not None else default_workers()
    in_flight: deque = deque()
    for batch in chunks(files, batch_size):
        if len(in_flight) >= max(1, parallel_batches):
            summary.results.extend(load_batch(in_flight.popleft().result(), db_url))
        in_flight.append(parse_batch.submit(batch, options, processes))
    while in_flight:
        summary.results.extend(load_batch(in_flight.popleft().result(), db_url))
    logger.info("done: %s", summary.counts())
    return summary
