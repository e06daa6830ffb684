"""Processes that die with their parent (``pipeline.lifeline``): real processes, checked by PID."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's")

PARENT = """
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-m", "pipeline.lifeline", str(os.getpid()), "-m", "http.server",
                          "--bind", "127.0.0.1", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(child.pid, flush=True)
time.sleep(600)
"""


def _gone(pid: int, within_s: float = 10) -> bool:
    """Return True once ``pid`` is no process (or a zombie) within ``within_s`` seconds."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def test_a_module_run_through_the_lifeline_dies_when_its_parent_is_killed(tmp_path: Path) -> None:
    """``python -m pipeline.lifeline PID -m http.server``: SIGKILL of the parent alone stops the server."""
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[2])
    try:
        child = int(parent.stdout.readline())
        time.sleep(0.5)
        assert not _gone(child, within_s=0.5), "the child should run while its parent lives"
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        assert _gone(child), "the child outlived its parent"
    finally:
        parent.kill()


def test_the_lifeline_refuses_a_command_it_cannot_run() -> None:
    """Without ``-m MODULE`` it says how to call it."""
    done = subprocess.run([sys.executable, "-m", "pipeline.lifeline", str(os.getpid())], capture_output=True,
                          text=True, check=False, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode != 0 and "usage: python -m pipeline.lifeline PARENT_PID -m MODULE" in done.stderr
