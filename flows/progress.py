"""A process-local hook through which flows report per-file progress to whoever listens (the CLI).

Prefect parameters must be serialisable, so a progress callback cannot be one; this hook is set by
the caller for the duration of a run and is a no-op otherwise (e.g. in a run started by a deployment).
Events are ``(path, status, message)``: status ``total`` announces how many files will be reported,
``note`` carries a line of text for the user, any other status is one file's outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str, str, str | None, float | None], None]  # (path, status, message, confidence)
TOTAL = "total"
NOTE = "note"
_listeners: list[Listener] = []


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call ``listener`` for every file outcome reported while the block runs."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def announce_total(total: int) -> None:
    """Tell listeners how many files a run will handle (path "", status "total")."""
    for listener in list(_listeners):
        listener("", TOTAL, str(total), None)


def note(message: str) -> None:
    """Tell listeners one line about the run as a whole (path "", status "note")."""
    for listener in list(_listeners):
        listener("", NOTE, message, None)


def report(path: str, status: str, message: str | None = None, confidence: float | None = None) -> None:
    """Tell listeners one file's outcome (and the confidence of the document it loaded, if any)."""
    for listener in list(_listeners):
        listener(path, status, message, confidence)
