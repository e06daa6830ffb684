"""Terminal output for long runs: a rich progress bar on a terminal, plain lines elsewhere, a summary."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from core.statuses import ALWAYS_SHOWN, FileStatus
from core.text import printable
from flows import progress
from flows.summary import (
    LOW_CONFIDENCE,
    LOW_CONFIDENCE_SHOWN,
    IngestSummary,
    confidence_line,
    ordered_counts,
)
from loaders.confidence import confidence_text

T = TypeVar("T")
_TOLD = (FileStatus.FAILED, FileStatus.PENDING, FileStatus.HELD)
"""Statuses whose progress line gives the message (why), not only the path."""
MISSING_SHOWN = 50


class _Rate:
    """Files per second since the run announced its total (Prefect's start-up is not counted)."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.done = 0
        self.total = 0

    def begin(self, total: int) -> None:
        """Start counting a run of ``total`` files."""
        self.start, self.done, self.total = time.monotonic(), 0, total

    def tick(self) -> float:
        """Count one file and return the rate so far."""
        self.done += 1
        return self.done / max(time.monotonic() - self.start, 1e-6)

    def eta(self, rate: float) -> str:
        """Return the time left at ``rate``, as H:MM:SS."""
        left = max(self.total - self.done, 0) / rate if rate > 0 else 0
        return str(timedelta(seconds=round(left)))


def run_with_progress(console: Console, run: Callable[[], T], *, description: str = "ingesting") -> T:
    """Run ``run()`` while showing per-file progress (bar with files/s and ETA, or log lines)."""
    if not console.is_terminal:
        return _with_lines(console, run)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:.1f} files/s"), TimeRemainingColumn(), console=console)
    rate = _Rate()
    state: dict = {"task": None}

    def on_event(path: str, status: str, message: str | None, confidence: float | None = None) -> None:
        if status == progress.NOTE:
            bar.console.print(message or "", markup=False, highlight=False, soft_wrap=True)
            return
        if status == progress.TOTAL:
            rate.begin(int(message or 0))
            state["task"] = bar.add_task(description, total=rate.total, rate=0.0)
            return
        files_per_s = rate.tick()
        if state["task"] is not None:
            bar.update(state["task"], advance=1, rate=files_per_s)
        if status == FileStatus.FAILED:
            bar.console.print(Text.assemble(("failed", "red"), " ", printable(message or path)), soft_wrap=True)
        elif status in (FileStatus.PENDING, FileStatus.HELD):
            bar.console.print(f"{status}: {printable(message or path)}", markup=False, highlight=False,
                              soft_wrap=True)
        elif (note := _confidence_of(status, confidence)) is not None:
            bar.console.print(f"loaded: {printable(path)} ({note})", highlight=False, markup=False, soft_wrap=True)

    with bar, progress.listening(on_event):
        return run()


def _confidence_of(status: str, confidence: float | None) -> str | None:
    """Return "confidence 0.62" for a loaded file whose document has a confidence below 1, else None."""
    if status != FileStatus.LOADED or confidence is None or confidence >= 1:
        return None
    return f"confidence {confidence_text(confidence)}"


def _with_lines(console: Console, run: Callable[[], T]) -> T:
    """Run while printing one plain line per file, with files/s and ETA (for logs and CI)."""
    rate = _Rate()

    def on_event(path: str, status: str, message: str | None, confidence: float | None = None) -> None:
        if status == progress.NOTE:
            console.print(message or "", markup=False, highlight=False, soft_wrap=True)
            return
        if status == progress.TOTAL:
            rate.begin(int(message or 0))
            return
        files_per_s = rate.tick()
        what = printable(message if status in _TOLD and message else path)
        note = _confidence_of(status, confidence)
        rates = f"{files_per_s:.1f} files/s, ETA {rate.eta(files_per_s)}"
        line = f"[{rate.done}/{rate.total}] {status}: {what} ({f'{note}, ' if note else ''}{rates})"
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    with progress.listening(on_event):
        return run()


def print_summary(console: Console, summary: IngestSummary, *, title: str = "ingest summary") -> None:
    """Print the counts per status, the loaded documents of low confidence (lowest first), every failure with its
    one-line cause, and files gone missing."""
    counts = summary.counts()
    table = Table("status", "files", title=title)
    for status in ALWAYS_SHOWN:
        table.add_row(str(status), str(counts.get(status, 0)))
    for status, n in ordered_counts(counts):
        if status not in ALWAYS_SHOWN:
            table.add_row(status, str(n))
    console.print(table)
    _print_low_confidence(console, summary)
    for result in summary.failed:
        console.print(f"failed: {printable(result.message or result.path)}", markup=False, highlight=False,
                      soft_wrap=True)
    missing = getattr(summary, "missing", [])
    for path in missing[:MISSING_SHOWN]:
        console.print(f"missing: {printable(path)} (its reports stay in the warehouse)", markup=False, highlight=False,
                      soft_wrap=True)
    if len(missing) > MISSING_SHOWN:
        console.print(f"missing: ... and {len(missing) - MISSING_SHOWN} more", markup=False, highlight=False)
    if getattr(summary, "run_id", None) is not None:
        console.print(f"recorded as ingest_run id {summary.run_id}", markup=False, highlight=False, style="dim")


def _print_low_confidence(console: Console, summary: IngestSummary) -> None:
    """Print the documents loaded with a confidence below 0.8, lowest first, with their first two reasons: at most
    20 lines under the heading (the last one saying how many more there are)."""
    low = getattr(summary, "low_confidence", None)
    doubtful = low() if low is not None else []
    if not doubtful:
        return
    console.print(f"confidence below {LOW_CONFIDENCE:g} ({len(doubtful)} loaded), lowest first:", markup=False,
                  highlight=False)
    shown = doubtful if len(doubtful) <= LOW_CONFIDENCE_SHOWN else doubtful[:LOW_CONFIDENCE_SHOWN - 1]
    for result in shown:
        console.print(f"  {confidence_line(result)}", markup=False, highlight=False, soft_wrap=True)
    if len(shown) < len(doubtful):
        console.print(f"  ... and {len(doubtful) - len(shown)} more (sort the report_confidence view by "
                      "confidence)", markup=False, highlight=False)
