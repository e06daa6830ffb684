"""CPU seconds by process for one command and everything it starts: where an ingest's time goes.

Usage (from the repository root)::

    .venv/bin/python bench/cpu_by_process.py .venv/bin/python -m bench.phases ingest --workers 2 \\
        --corpus "$PWD/bench/out/corpus-300" --json /tmp/ingest.json

Samples the process tree every 0.3 s (a process's CPU is read while it is alive, so parse workers
and Prefect's temporary API server are counted before they exit) and prints each process's user +
system CPU seconds with its command line, largest first.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


def cpu_by_process(command: list[str], interval: float = 0.3) -> dict[int, tuple[str, float]]:
    """Run ``command`` and return ``{pid: (command line, CPU seconds)}`` for it and every descendant."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen(command, cwd=REPO, env=env)
    root = psutil.Process(child.pid)
    seen: dict[int, tuple[str, float]] = {}
    while child.poll() is None:
        try:
            processes = [root, *root.children(recursive=True)]
        except psutil.Error:
            processes = []
        for process in processes:
            try:
                times = process.cpu_times()
                seen[process.pid] = (" ".join(process.cmdline())[:120], times.user + times.system)
            except psutil.Error:
                pass
        time.sleep(interval)
    return seen


def main(argv: list[str] | None = None) -> None:
    """Run the command given as arguments and print its CPU by process."""
    command = list(sys.argv[1:] if argv is None else argv)
    if not command:
        raise SystemExit(__doc__)
    seen = cpu_by_process(command)
    for pid, (line, cpu) in sorted(seen.items(), key=lambda item: -item[1][1]):
        if cpu >= 0.05:
            print(f"{cpu:8.1f} s  pid {pid}  {line}")
    print(f"{sum(cpu for _, cpu in seen.values()):8.1f} s  total")


if __name__ == "__main__":
    main()
