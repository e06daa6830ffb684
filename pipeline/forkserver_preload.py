"""Imported by the parse pool's forkserver as a preload, for its one effect: the forkserver dies with the
process that started it (``pipeline.lifeline.die_with_parent``).

This module acts when imported, on purpose: a forkserver runs nothing of ours but its preload imports. No
other code imports it.
"""

import sys

from pipeline.lifeline import die_with_parent

if sys.argv[:1] == ["-c"] and "multiprocessing.forkserver" in sys.modules:  # inside the forkserver only
    die_with_parent()
