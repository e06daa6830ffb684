"""Measuring a stretch of work: wall time, CPU time and the peak memory of this process tree."""

from __future__ import annotations

import os
import resource
import threading
import time
from dataclasses import dataclass, field

import psutil


@dataclass
class Measured:
    """What one stretch of work cost: seconds of wall and CPU time, peak tree RSS in MB."""

    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_tree_mb: float = 0.0
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Return the measurement as a JSON-ready dict."""
        return {"wall_s": round(self.wall_s, 3), "cpu_s": round(self.cpu_s, 3),
                "peak_tree_mb": round(self.peak_tree_mb, 1), **self.extra}


class TreeMemory:
    """Sample the summed RSS of this process and all its descendants every ``interval`` seconds."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(me))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss(psutil.Process()))


def tree_rss(process: psutil.Process) -> int:
    """Return the summed RSS in bytes of a process and its live descendants."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def tree_cpu(process: psutil.Process) -> float:
    """Return CPU seconds used so far by a process, its live descendants and its reaped children."""
    total = sum(os.times()[:4]) if process.pid == os.getpid() else 0.0
    for p in process.children(recursive=True):
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


class Stopwatch:
    """Time a block: wall time, CPU time of the process tree, and its peak summed RSS."""

    def __enter__(self) -> Stopwatch:
        self.memory = TreeMemory().__enter__()
        self._me = psutil.Process()
        self._wall, self._cpu = time.perf_counter(), tree_cpu(self._me)
        return self

    def __exit__(self, *exc) -> None:
        cpu = tree_cpu(self._me)
        self.result = Measured(time.perf_counter() - self._wall, cpu - self._cpu)
        self.memory.__exit__(*exc)
        self.result.peak_tree_mb = self.memory.peak / 2**20


def max_rss_mb() -> dict:
    """Return getrusage's peak RSS in MB of this process and of its largest reaped child."""
    return {"self_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "children_max_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}
