"""SIGTERM and SIGINT stop a run cleanly: the transaction in flight rolls back, what was committed is kept,
summarised and recorded as an interrupted run.

``interruptible()`` turns the first SIGTERM or SIGINT into ``Interrupted`` in the main thread (a
``BaseException``, like ``KeyboardInterrupt``, so no ``except Exception`` swallows it); the flow catches it
between documents, stops the parse workers and returns what it did. A second signal while it winds down
gets the default action (the process ends at once: nothing half-written, since every document is one
transaction).
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


@contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, the first SIGTERM or SIGINT raises ``Interrupted`` in the main thread; the handlers
    before it are restored afterwards. Outside the main thread (signals cannot be handled there) it does
    nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in STOPPING}

    def stop(signum: int, frame: FrameType | None) -> None:
        for sig in STOPPING:  # a second signal ends the process at once
            signal.signal(sig, signal.SIG_DFL)
        raise Interrupted(signal.Signals(signum).name)

    for sig in STOPPING:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def interrupt_name(error: BaseException) -> str | None:
    """Return the signal name of an interruption: ours (``Interrupted``) or Prefect's ``TerminationSignal``
    (raised by its SIGTERM handler outside the part of a flow that handles signals itself); else None."""
    if isinstance(error, Interrupted):
        return error.name
    number = getattr(error, "signal", None)
    if type(error).__name__ == "TerminationSignal" and isinstance(number, int):
        return signal.Signals(number).name
    return None
