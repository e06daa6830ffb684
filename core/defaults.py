"""Every default of the product in one place: limits, batch sizes, timeouts, paths and environment names.

Importable without Prefect, pandas or a database driver (the CLI shows these values in ``--help``).
Paths are relative to the **current directory** and resolved when they are used, never at import time,
so an installed package never writes into its own folder.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_MB = 100.0
"""Files larger than this (MB) are refused unread (``--max-mb``)."""
MAX_BYTES = int(MAX_MB * 1024 * 1024)

TIMEOUT_S = 120.0
"""Wall-time limit for reading one document (``--timeout``)."""

MAX_TEXT_CHARS = 20_000
"""An indicator's recommendation text is cut after this many characters, with a ``text_cut`` warning: real
recommendations run to a few hundred, so more is an annex, filler or page furniture read as its text."""

SETTLE_S = 2.0
"""A file modified less than this many seconds ago is still being written: it is left ``pending`` for the next
run (``--settle``; ``$DMAF_SETTLE_S``)."""
SETTLE_ENV = "DMAF_SETTLE_S"

MEMORY_MB = 2048
"""Address-space limit of one parse process (``--memory-mb``)."""

MIN_MEMORY_MB = 64
"""The smallest memory limit a parse process can run with at all."""

OCR_ENGINE = "tesseract"
"""The OCR engine that reads scanned PDF pages (``--ocr``; ``off`` reads text layers only). See docs/ocr.md."""

OCR_ENGINES = ("tesseract", "rapidocr")
"""The OCR engines the product can use."""

OCR_DPI = 300
"""Scanned pages are rendered at this resolution for OCR (``--ocr-dpi``)."""

OCR_PAGE_S = 15.0
"""Each scanned page read by OCR adds this many seconds to its document's time limit (``--timeout``)."""

OCR_TIME_FACTOR = 10
"""With OCR the time limit grows page by page up to this many times ``--timeout`` (a stuck worker is then
noticed this much later too)."""

OCR_MIN_CONFIDENCE = 60.0
"""A number OCR read with less confidence than this (0–100) is not trusted: its score is left empty."""

BATCH_SIZE = 50
"""Files per parse task. Measured (docs/operations.md): 324 mixed PDF/DOCX/TXT reports on 2 cores ingest
in 64.6 s with batches of 50, 67.4 s with 200 and 84.5 s with 10; a batch of 50 is a few seconds to 30 s
of parsing, so the progress bar and a retried load move in small steps."""

PARALLEL_BATCHES = 2
"""Parse tasks in flight at once. Their files share one pool of worker processes, so the next batch's
files keep the cores busy while a batch's last file finishes. Measured (bench, 300 mixed reports, 2
cores): 6 batches of 50 one at a time on one pool 32.8 s, two at a time 28.7 s, all files in one
call 27.7 s."""

FILES_PER_POOL = 500
"""A parse pool's workers are replaced (old ones exit first) after this many files: memory stays bounded."""

GRACE_S = 15.0
"""Beyond the per-document time limit, how long before an unresponsive worker is killed."""

SQL_TIMEOUT_S = 30.0
"""``dmaf sql`` stops a query after this many seconds (``--timeout``)."""

READ_TIMEOUT_S = 60.0
"""Trends, report and export stop a warehouse query after this many seconds."""

SAME_ADVICE_SIMILARITY = 90.0
"""Two cycles' recommendations for one indicator are the ``same`` advice when their texts (case and spacing
folded) are at least this similar (rapidfuzz ``ratio``, 0-100); below it the advice was ``revised``."""

ADVICE_PEERS = 5
"""``dmaf advise`` names this many peer cities per indicator in its table (JSON and CSV name them all)."""

REVIEW_MIN_CONFIDENCE = 0.8
"""``dmaf review`` lists a document for its confidence alone when it is below this (0-1)."""

REVIEW_CROP_SCALE = 2.0
"""Pixels per PDF point of the crops on the HTML review pages (2.0 = 144 dpi)."""

REVIEW_CROP_MARGIN = 12.0
"""PDF points of page shown around a score and its heading on the review pages."""

CRON = "0 2 * * *"
"""When ``dmaf serve`` refreshes by default (in the machine's time zone)."""

DEPLOYMENT_NAME = "nightly-refresh"
"""The Prefect deployment ``dmaf serve`` and ``prefect.yaml`` create."""

REPORTS_DIR = Path("raw_reports")
"""The folder ``dmaf refresh`` and ``dmaf serve`` read when neither an argument nor $DMAF_REPORTS_DIR names one."""

WAREHOUSE_PATH = Path("warehouse") / "dmaf.db"
"""The SQLite warehouse used when neither --db nor $DMAF_DATABASE_URL names one (under the current directory)."""

PREFECT_HOME = Path(".prefect")
"""Prefect's files (its local database, profiles) when $PREFECT_HOME is not set (under the current directory)."""

DATABASE_URL_ENV = "DMAF_DATABASE_URL"
REPORTS_DIR_ENV = "DMAF_REPORTS_DIR"
DASK_ADDRESS_ENV = "DMAF_DASK_ADDRESS"
PG_DUMP_ENV = "DMAF_PG_DUMP"


def default_workers() -> int:
    """Return the number of parse processes: one per core available to this process."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def warehouse_path() -> Path:
    """Return the default SQLite warehouse as an absolute path under the current directory."""
    return Path.cwd() / WAREHOUSE_PATH


def reports_dir() -> Path:
    """Return the folder refreshed by default: ``$DMAF_REPORTS_DIR``, else ``raw_reports`` in the current folder."""
    return Path(os.environ.get(REPORTS_DIR_ENV) or REPORTS_DIR)


def settle_s() -> float:
    """Return the settle time: ``$DMAF_SETTLE_S`` when set (seconds, 0 = off), else ``SETTLE_S``."""
    value = os.environ.get(SETTLE_ENV)
    if not value:
        return SETTLE_S
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"{SETTLE_ENV}={value!r} is not a number of seconds") from None
    if seconds < 0:
        raise ValueError(f"{SETTLE_ENV} must be 0 or more seconds, got {value}")
    return seconds
