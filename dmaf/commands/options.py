"""What every command shares: its command class, the common options (defined and documented once) and errors.

Defaults come from ``core.defaults``; help text shows them. A ``DmafError`` raised inside a command becomes
one ``error: …`` line on stderr (``exit_on_error``) and its exit status.

Exit statuses, the same for every command (docs/cli.md):

* 0 — done; every file loaded (or skipped, pending, a duplicate);
* 1 — done, but some file failed (each named on stderr and in ``source_documents``);
* 2 — usage or configuration error: nothing was done;
* 3 — warehouse error: unreachable, damaged, full or read-only (one line: the warehouse, the cause, the remedy);
* 130 / 143 — interrupted by SIGINT (Ctrl-C) / SIGTERM: what was committed is kept and summarised.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperCommand

from core import defaults
from core.errors import DmafError, WarehouseFault
from core.options import ParseOptions
from core.text import printable

FILE_FAILED = 1
"""Exit status when the run finished but some file failed."""
USAGE_ERROR = 2
"""Exit status for a usage or configuration error (as click uses for usage errors)."""
WAREHOUSE_ERROR = 3
"""Exit status when the warehouse cannot be used: unreachable, damaged, full or read-only."""
INTERRUPTED = {2: 130, 15: 143}
"""Exit status after SIGINT (2) or SIGTERM (15): 128 + the signal, as shells report it."""


class Command(TyperCommand):
    """A typer command whose --help names each argument by its metavar alone, without a ``<list[Path]>`` type."""

    def get_params(self, ctx: Any) -> list[Any]:
        """Return the command's parameters, arguments showing no type in --help."""
        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperArgument):
                param.display_type = _no_type
        return params


def _no_type(ctx: Any) -> str:
    """Return no type label (the metavar already says what the argument is)."""
    return ""


def fail(err: Console, message: object, status: int = USAGE_ERROR) -> typer.Exit:
    """Print one ``error:`` line on stderr and return the exit (status 2 unless told) for the caller to raise."""
    err.print(f"error: {printable(str(message))}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(status)


def exit_status(error: BaseException) -> int:
    """Return the exit status of an error: 3 for a ``WarehouseFault``, else 2."""
    return WAREHOUSE_ERROR if isinstance(error, WarehouseFault) else USAGE_ERROR


@contextmanager
def exit_on_error(err: Console) -> Iterator[None]:
    """Turn a ``DmafError`` (and a ``ValueError`` from a setting) into one error line and exit status 2, or 3
    for a warehouse fault."""
    try:
        yield
    except (DmafError, ValueError) as exc:  # messages are one line and never carry credentials
        raise fail(err, exc, exit_status(exc)) from None


def run_exit(err: Console, summary: Any) -> typer.Exit:
    """Return the exit of an ingest or refresh whose summary was printed: 130/143 when a signal stopped it,
    3 (after one ``error:`` line) when a warehouse fault did, 1 when some file failed, else 0."""
    if summary.interrupted:
        err.print(f"interrupted by {summary.interrupted}: the reports listed above were committed; the rest "
                  "were not recorded and the next run reads them", markup=False, highlight=False, soft_wrap=True)
        return typer.Exit(INTERRUPTED.get(signal_number(summary.interrupted), 130))
    if summary.fault:
        return fail(err, summary.fault, WAREHOUSE_ERROR)
    return typer.Exit(FILE_FAILED if summary.failed else 0)


@contextmanager
def interrupted_exit(err: Console) -> Iterator[None]:
    """Run a run's block so that SIGTERM/SIGINT stop it cleanly (``flows.interrupts``); a signal the flow could
    not turn into a summary (one met while it started or recorded its end) exits 130/143 with one line."""
    from flows.interrupts import interrupt_name, interruptible

    try:
        with interruptible():
            yield
    except BaseException as exc:
        name = interrupt_name(exc)
        if name is None:
            raise
        err.print(f"interrupted by {name} before the run could summarise itself; every report committed "
                  "so far is kept, and the next run reads the rest", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(INTERRUPTED.get(signal_number(name), 130)) from None


def signal_number(name: str) -> int:
    """Return the number of a signal named like ``SIGTERM`` (0 when unknown)."""
    import signal

    return int(getattr(signal, name, 0))


@contextmanager
def quiet_on_closed_pipe() -> Iterator[None]:
    """End the command with status 0 and no message when its reader goes away (``dmaf parse … | head``)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush of stdout must not fail again
        raise typer.Exit(0) from None


def db_option(extra_help: str = "") -> Any:
    """``--db URL``."""
    return typer.Option(None, "--db", metavar="URL", help="Database URL (default: $DMAF_DATABASE_URL, else SQLite "
                        f"at {defaults.WAREHOUSE_PATH} under the current folder).{extra_help}")


def workers_option() -> Any:
    """``--workers N``: parse processes."""
    return typer.Option(None, "--workers", min=0, metavar="N",
                        help="Parse processes (default: one per core; 0 = in-process).")


def batch_size_option() -> Any:
    """``--batch-size N``: files per parse task."""
    return typer.Option(defaults.BATCH_SIZE, "--batch-size", min=1, metavar="N", help="Files per parse task.")


def pdf_password_option() -> Any:
    """``--pdf-password``."""
    return typer.Option(None, "--pdf-password", metavar="PASSWORD", help="Password for encrypted PDFs.")


def max_mb_option() -> Any:
    """``--max-mb``: the size limit per file."""
    return typer.Option(defaults.MAX_MB, "--max-mb", metavar="MB", help="Refuse files larger than this (MB).")


def timeout_option() -> Any:
    """``--timeout``: the wall-time limit per document."""
    return typer.Option(defaults.TIMEOUT_S, "--timeout", metavar="SECONDS", help="Wall-time limit per document (s).")


def memory_mb_option() -> Any:
    """``--memory-mb``: the memory limit per parse process."""
    return typer.Option(defaults.MEMORY_MB, "--memory-mb", metavar="MB", help="Memory limit per parse process (MB).")


def ocr_option() -> Any:
    """``--ocr ENGINE|off``: which OCR engine reads scanned PDF pages."""
    return typer.Option(defaults.OCR_ENGINE, "--ocr", metavar="ENGINE", callback=_ocr_choice,
                        help=f"OCR engine for scanned PDF pages: {', '.join(defaults.OCR_ENGINES)}, or off.")


def _ocr_choice(value: str) -> str:
    """Return an ``--ocr`` value, or refuse it naming the choices."""
    if value not in (*defaults.OCR_ENGINES, "off"):
        raise typer.BadParameter(f"{value!r} is not an OCR engine; choose {', '.join(defaults.OCR_ENGINES)} or off")
    return value


def ocr_dpi_option() -> Any:
    """``--ocr-dpi``: the resolution scanned pages are rendered at for OCR."""
    return typer.Option(defaults.OCR_DPI, "--ocr-dpi", min=72, max=600, metavar="DPI",
                        help="Resolution scanned pages are read at (dpi).")


def settle_option() -> Any:
    """``--settle SECONDS``: how long a file must have been quiet before it is read."""
    return typer.Option(None, "--settle", min=0, metavar="SECONDS", envvar=defaults.SETTLE_ENV,
                        help=f"Leave files modified less than this long ago pending for the next run: a copy "
                             f"still in progress (default {defaults.SETTLE_S:g} s; 0 = off).")


def parse_options(pdf_password: str | None = None, max_mb: float = defaults.MAX_MB,
                  timeout: float = defaults.TIMEOUT_S, memory_mb: int = defaults.MEMORY_MB,
                  ocr: str = defaults.OCR_ENGINE, ocr_dpi: int = defaults.OCR_DPI,
                  settle: float | None = None) -> ParseOptions:
    """Return the parse options of a command's flags (``--ocr off`` is no OCR)."""
    return ParseOptions(pdf_password, int(max_mb * 1024 * 1024), timeout, memory_mb,
                        ocr=None if ocr == "off" else ocr, ocr_dpi=ocr_dpi, settle_s=settle)


def consoles() -> tuple[Console, Console]:
    """Return (stdout, stderr) consoles made now, so they follow the current terminal width ($COLUMNS).

    Markup and highlighting are off: what they print (paths, cities, query results) is data, and a name
    such as ``[draft]`` or ``[/red]`` must print as it is, not be read as a style.
    """
    return Console(markup=False, highlight=False), Console(stderr=True, markup=False, highlight=False)
