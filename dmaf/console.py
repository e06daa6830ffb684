"""Terminal output for long runs: a rich progress bar on a terminal, plain lines elsewhere, a summary."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from flows import progress

T = TypeVar("T")


def run_with_progress(console: Console, run: Callable[[], T]) -> T:
    """Run ``run()`` while showing per-file progress (bar with files/s and ETA, or log lines)."""
    if not console.is_terminal:
        return _with_lines(console, run)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:.1f} files/s"), TimeRemainingColumn(), console=console)
    state = {"task": None, "start": time.monotonic(), "done": 0}

    def on_event(path: str, status: str, message: str | None) -> None:
        if status == "total":
            state["task"] = bar.add_task("ingesting", total=int(message or 0), rate=0.0)
            return
        state["done"] += 1
        rate = state["done"] / max(time.monotonic() - state["start"], 1e-6)
        if state["task"] is not None:
            bar.update(state["task"], advance=1, rate=rate)
        if status == "failed":
            bar.console.print(f"[red]failed[/red] {message}", highlight=False, markup=True)

    with bar, progress.listening(on_event):
        return run()


def _with_lines(console: Console, run: Callable[[], T]) -> T:
    """Run while printing one plain line per file (for logs and CI)."""
    seen = {"total": 0, "done": 0}

    def on_event(path: str, status: str, message: str | None) -> None:
        if status == "total":
            seen["total"] = int(message or 0)
            return
        seen["done"] += 1
        line = f"[{seen['done']}/{seen['total']}] {status}: {path}"
        if status == "failed" and message:
            line = f"[{seen['done']}/{seen['total']}] failed: {message}"
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    with progress.listening(on_event):
        return run()


def print_summary(console: Console, summary) -> None:
    """Print the counts per status and every failure with its one-line cause."""
    counts = summary.counts()
    table = Table("status", "files", title="ingest summary")
    for status in ("loaded", "skipped", "failed"):
        table.add_row(status, str(counts.get(status, 0)))
    for status, n in sorted(counts.items()):
        if status not in ("loaded", "skipped", "failed"):
            table.add_row(status, str(n))
    console.print(table)
    for result in summary.failed:
        console.print(f"failed: {result.message}", markup=False, highlight=False, soft_wrap=True)
