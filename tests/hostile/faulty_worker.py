"""A stand-in for ``pipeline.pool.parse_isolated`` whose workers die or hang on cue, by file name.

No document makes a worker die on demand (that takes a native crash), so tests patch this in to
check what the pool does when one does: a name containing "sigkill" kills its worker outright; one
containing "hang" blocks the alarm signal and sleeps, as a stuck native call would.
"""

from __future__ import annotations

import os
import signal
import time

from pipeline.document import ParseOptions, ParseOutcome
from pipeline.pool import parse_isolated as real_parse_isolated


def parse_isolated(path: str, options: ParseOptions) -> ParseOutcome:
    """Kill or hang this worker for the cue names; parse every other file for real."""
    name = os.path.basename(path)
    if "sigkill" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "hang" in name:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # the alarm cannot reach C code either
        time.sleep(3600)
    return real_parse_isolated(path, options)
