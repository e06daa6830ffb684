"""Parsing many files in worker processes, each document under a wall-time and a memory limit.

A pathological file can make pdfminer spin or allocate without end; here it costs one failed
row ("timeout" / "memory_limit"), never the batch. A worker that dies or stops answering is
replaced, and every file it may have held is parsed again alone, so only the file that really
kills a worker is failed ("crashed" / "timeout"): no innocent file is lost with it.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from core import defaults
from core.options import ParseOptions
from core.records import Failure, ParseOutcome
from pipeline.document import out_of_memory, parse_path, stat_or_blank
from pipeline.lifeline import die_with_parent

FILES_PER_POOL = defaults.FILES_PER_POOL
GRACE_S = defaults.GRACE_S
STOP_POLL_S = 0.5
"""How often a batch waiting for its files looks whether the pool was stopped (an interrupted run)."""
CRASHED = "the worker parsing this file died (out of memory or a crash in a native library)"


class PoolStopped(RuntimeError):
    """The pool was stopped (``ParsePool.stop``: the run was interrupted); no more files are parsed on it."""


class _Timeout(BaseException):
    """Raised inside a worker by the alarm signal (a BaseException so no parser code swallows it)."""


def _start_worker(memory_mb: int) -> None:
    """Set up a worker process: it dies with its parent (the forkserver), and its address space is capped."""
    die_with_parent()
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _alarm(signum, frame) -> None:
    """Turn SIGALRM into a _Timeout in the worker's main thread."""
    raise _Timeout()


def parse_isolated(path: str, options: ParseOptions) -> ParseOutcome:
    """Parse one file under the wall-time limit (runs inside a worker process)."""
    signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()

    def scanned_page() -> None:  # a page read by OCR: more time, up to the cap
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        cap = options.longest_s - (time.monotonic() - started)
        if left > 0 and cap > left:
            signal.setitimer(signal.ITIMER_REAL, min(left + defaults.OCR_PAGE_S, cap))

    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, options.timeout_s)
            return parse_path(path, options, on_scanned_page=scanned_page)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:  # also when the alarm fires just as parse_path returns: the file took the whole limit
        return _failed(path, "timeout", f"extraction took longer than {options.timeout_s:g} s and was stopped "
                                        "(raise it with --timeout)")
    except MemoryError:  # parse_path turns its own MemoryErrors into failures; this is one in between
        return ParseOutcome(stat_or_blank(path), failure=Failure.of(out_of_memory(path, options)))


def _bound(path: str, options: ParseOptions) -> float:
    """Return how long a worker may hold a file before it is taken for stuck: the time limit and a grace, the
    limit a scanned PDF can grow to (page by page, by OCR) for a PDF."""
    limit = options.longest_s if path.lower().endswith(".pdf") else options.timeout_s
    return limit + GRACE_S


def _failed(path: str, reason: str, message: str) -> ParseOutcome:
    """Return a failed outcome for a file with a one-line message naming it."""
    return ParseOutcome(stat_or_blank(path), failure=Failure(reason, f"{path}: {message}"))


def _pool(workers: int, memory_mb: int) -> ProcessPoolExecutor:
    """Return a pool of forkserver workers with the memory limit applied.

    Not ``max_tasks_per_child``: on Python 3.11-3.13 it can deadlock the pool (CPython gh-115634).
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.forkserver_preload", "pipeline.document"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(memory_mb,))


class ParsePool:
    """Worker processes kept across the batches of a run, which may be parsed concurrently.

    A pool per batch cost 19% of parsing time (300 mixed reports on 2 cores, batches of 50: 30.8 s vs
    25.9 s in one pool), mostly a core idle while a batch's last file finished; with one pool, the
    next batch's files fill that gap. A stuck or dead worker means killing the pool: each batch then
    parses its own in-flight files again alone, so no batch loses a file to another's bad one. The
    workers are replaced once they have been given ``FILES_PER_POOL`` files (the old ones finish
    what they hold and exit first), so memory stays bounded however many files a run parses.
    """

    def __init__(self, workers: int, memory_mb: int) -> None:
        if workers < 1:
            raise ValueError(f"a parse pool needs at least one worker, got {workers}")
        self.workers, self.memory_mb = workers, memory_mb
        self._executor: ProcessPoolExecutor | None = None
        self._given = 0  # files submitted to the current executor
        self._lock = threading.Lock()
        self._stopped = False

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes (a later batch would start new ones)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        """Kill the worker processes now and parse nothing more on this pool (an interrupted run): batches
        still parsing end with ``PoolStopped``."""
        with self._lock:
            self._stopped = True
            executor, self._executor = self._executor, None
        if executor is not None:
            _kill(executor)

    def _check_running(self) -> None:
        """Raise PoolStopped once the pool was stopped."""
        if self._stopped:
            raise PoolStopped("the parse pool was stopped")

    def _wait(self, running: dict[Future, tuple[str, ProcessPoolExecutor]], bound: float) -> set[Future]:
        """Return the futures done within ``bound`` seconds (empty: none), looking every ``STOP_POLL_S`` whether
        the pool was stopped (its killed workers' futures may never complete)."""
        deadline = time.monotonic() + bound
        while True:
            left = deadline - time.monotonic()
            done, _ = wait(running, timeout=max(0.0, min(STOP_POLL_S, left)), return_when=FIRST_COMPLETED)
            self._check_running()
            if done or left <= STOP_POLL_S:
                return done

    def _submit(self, path: str, options: ParseOptions) -> tuple[Future, ProcessPoolExecutor]:
        """Submit one file to the current executor (starting or renewing it); return the future and executor."""
        with self._lock:
            self._check_running()
            if self._executor is not None and self._given >= FILES_PER_POOL:
                _retire(self._executor, options.longest_s + GRACE_S)
                self._executor = None
            if self._executor is None:
                self._executor, self._given = _pool(self.workers, self.memory_mb), 0
            self._given += 1
            return self._executor.submit(parse_isolated, path, options), self._executor

    def _discard(self, executors: Iterable[ProcessPoolExecutor]) -> None:
        """Kill executors that hold a stuck or dead worker (the next submit starts a fresh one)."""
        for executor in set(executors):
            with self._lock:
                if self._executor is executor:
                    self._executor = None
            _kill(executor)

    def parse(self, paths: Iterable[str], options: ParseOptions) -> Iterator[ParseOutcome]:
        """Yield one outcome per path, in completion order; several batches may use the pool at once."""
        if options.memory_mb != self.memory_mb:
            raise ValueError(f"this pool's workers are limited to {self.memory_mb} MB, not {options.memory_mb}")
        pending = iter(paths)
        running: dict[Future, tuple[str, ProcessPoolExecutor]] = {}
        try:
            while True:
                while len(running) < 2 * self.workers:
                    path = next(pending, None)
                    if path is None:
                        break
                    future, executor = self._submit(path, options)
                    running[future] = (path, executor)
                if not running:
                    return
                bound = max(_bound(path, options) for path, _ in running.values())
                done = self._wait(running, bound)
                if not done:  # no worker answered in time: one is stuck where the alarm cannot reach it
                    self._discard(executor for _, executor in running.values())
                    yield from _one_by_one(running, options)
                    continue
                broken = []
                for future in done:
                    path, executor = running[future]
                    try:
                        outcome = future.result()
                    except BrokenProcessPool:
                        broken.append(executor)
                        continue
                    except Exception as exc:  # noqa: BLE001 - the outcome could not come back (not picklable?): a bug
                        outcome = _failed(path, "internal_error", f"the worker's result was lost "
                                                                  f"({type(exc).__name__}: {exc})")
                    del running[future]
                    yield outcome
                if broken:  # a worker died: any file in flight may be the cause, so each is tried alone
                    self._check_running()  # ... unless the pool was stopped under it
                    self._discard(broken)
                    yield from _one_by_one(running, options)
        finally:
            for future in running:  # the caller stopped early: drop what has not started
                future.cancel()


def parse_files(paths: Iterable[str], options: ParseOptions, *, workers: int,
                pool: ParsePool | None = None) -> Iterator[ParseOutcome]:
    """Yield one outcome per path, parsed in ``workers`` processes (0 = in this process, no limits).

    With ``pool`` the files are parsed on that long-lived pool; otherwise on one started for this call.
    """
    if workers <= 0:
        for path in paths:
            yield parse_path(path, options)
        return
    if pool is not None:
        yield from pool.parse(paths, options)
        return
    with ParsePool(workers, options.memory_mb) as own:
        yield from own.parse(paths, options)


def _retire(pool: ProcessPoolExecutor, timeout_s: float) -> None:
    """Let a pool's workers finish the files they hold and exit (waiting up to ``timeout_s``).

    Waiting keeps old and new workers from adding up: without it a renewal briefly ran four
    workers on two cores and raised the peak memory of a 10,000-file parse by half. A worker
    still busy after the limit is left to the batch whose file it holds (its wait times out).
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False)
    deadline = time.monotonic() + timeout_s
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool and kill its worker processes (stuck or already dead)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _one_by_one(running: dict[Future, tuple[str, ProcessPoolExecutor]],
                options: ParseOptions) -> Iterator[ParseOutcome]:
    """Parse again, each alone in a fresh worker, the files that were in flight in a failed pool."""
    paths = [path for path, _ in running.values()]
    running.clear()
    for path in paths:
        yield parse_alone(path, options)


def parse_alone(path: str, options: ParseOptions) -> ParseOutcome:
    """Parse one file in its own worker process; fail it if the worker dies or stops answering."""
    pool = _pool(1, options.memory_mb)
    try:
        future = pool.submit(parse_isolated, path, options)
        try:
            return future.result(timeout=_bound(path, options))
        except BrokenProcessPool:
            return _failed(path, "crashed", CRASHED)
        except FutureTimeout:
            return _failed(path, "timeout", f"extraction did not finish within {options.timeout_s:g} s and its "
                                            "worker was killed")
        except Exception as exc:  # noqa: BLE001 - the outcome could not come back (not picklable?): a bug
            return _failed(path, "internal_error", f"the worker's result was lost ({type(exc).__name__}: {exc})")
    finally:
        _kill(pool)
