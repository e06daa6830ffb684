"""Processes that die with their parent: nothing a killed ``dmaf`` started may outlive it.

On Linux a child asks the kernel for a signal when its parent dies (``prctl(PR_SET_PDEATHSIG)``): the
temporary Prefect server, the forkserver and every parse worker do, so ``kill -9`` of a run leaves no
process behind. Elsewhere this is a no-op; there a terminated run still stops its children itself
(``flows.interrupts``), but a ``kill -9`` cannot be caught.

``python -m pipeline.lifeline PARENT_PID -m MODULE ARGS...`` runs ``python -m MODULE ARGS...`` in a process
that dies with ``PARENT_PID`` (how the temporary Prefect server is started).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import runpy
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None, sig: int = signal.SIGKILL) -> bool:
    """Ask to be sent ``sig`` when this process's parent dies; return True when the kernel took the request.

    When ``parent_pid`` is given and the parent is already someone else (it died before the request), the
    process exits at once.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        taken = libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)
    return taken


def main(argv: list[str]) -> None:
    """Run ``-m MODULE ARGS...`` as ``__main__`` in this process, which dies with the parent ``argv[0]``."""
    if len(argv) < 3 or argv[1] != "-m":
        raise SystemExit("usage: python -m pipeline.lifeline PARENT_PID -m MODULE [ARGS...]")
    die_with_parent(int(argv[0]), signal.SIGTERM)  # SIGTERM: the server shuts down its database cleanly
    module = argv[2]
    sys.argv = [module, *argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
