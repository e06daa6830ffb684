"""SIGTERM and SIGINT stop a run cleanly: between two documents, what was committed kept, summarised and
recorded as an interrupted run.

``interruptible()`` turns the first SIGTERM or SIGINT into ``Interrupted`` in the main thread (a
``BaseException``, like ``KeyboardInterrupt``, so no ``except Exception`` swallows it). While a batch is being
loaded (``deferred()``) the signal only asks to stop: the loader finishes the document it is on, so every
committed report is in the run's results, and ``Interrupted`` is raised when the batch returns. The flow
catches it, stops the parse workers and returns what it did. A second signal while it winds down gets the
default action (the process ends at once: nothing half-written, since every document is one transaction).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOPPING = (signal.SIGTERM, signal.SIGINT)


class Interrupted(BaseException):
    """A signal asked the run to stop; ``name`` is the signal's (``SIGTERM``, ``SIGINT``)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"interrupted by {name}")
        self.name = name


class _State:
    """The signal asked for (None: none yet) and how deep the code is in blocks that must not be cut."""

    requested: str | None = None
    deferring: int = 0


_STATE = _State()


@contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, the first SIGTERM or SIGINT raises ``Interrupted`` in the main thread (at once, or at the
    end of a ``deferred`` block); the handlers before it are restored afterwards. Outside the main thread
    (signals cannot be handled there) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in STOPPING}

    def stop(signum: int, frame: FrameType | None) -> None:
        for sig in STOPPING:  # a second signal ends the process at once
            signal.signal(sig, signal.SIG_DFL)
        _STATE.requested = signal.Signals(signum).name
        if not _STATE.deferring:
            raise Interrupted(_STATE.requested)

    _STATE.requested, _STATE.deferring = None, 0
    for sig in STOPPING:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _STATE.requested = None


@contextmanager
def deferred() -> Iterator[None]:
    """Within the block a signal only asks to stop (``requested``); ``Interrupted`` is raised when it ends. For
    work whose outcome must be recorded once it is done: loading a batch, one transaction per document, whose
    loader stops between documents when ``requested()`` says so."""
    _STATE.deferring += 1
    try:
        yield
    finally:
        _STATE.deferring -= 1
    check()


def requested() -> str | None:
    """Return the name of the signal that asked the run to stop, or None."""
    return _STATE.requested


def check() -> None:
    """Raise ``Interrupted`` if a signal asked to stop (a raise from the handler can be lost: one met inside a
    garbage collector's callback is printed and ignored by Python), unless inside a ``deferred`` block."""
    if _STATE.requested and not _STATE.deferring:
        raise Interrupted(_STATE.requested)


def interrupt_name(error: BaseException) -> str | None:
    """Return the signal name of an interruption: ours (``Interrupted``) or Prefect's ``TerminationSignal``
    (raised by its SIGTERM handler outside the part of a flow that handles signals itself); else None."""
    if isinstance(error, Interrupted):
        return error.name
    number = getattr(error, "signal", None)
    if type(error).__name__ == "TerminationSignal" and isinstance(number, int):
        return signal.Signals(number).name
    return None
