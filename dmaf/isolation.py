"""Parsing many files in worker processes, each document under a wall-time and a memory limit.

A pathological file can make pdfminer spin or allocate without end; here it costs one failed
row ("timeout" / "memory_limit"), never the batch. A worker that dies is replaced.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from dmaf.pipeline import Failure, ParseOptions, ParseOutcome, SourceFile, parse_path

GRACE_S = 15.0  # beyond the soft limit, how long before an unresponsive worker is killed


class _Timeout(BaseException):
    """Raised inside a worker by the alarm signal (a BaseException so no parser code swallows it)."""


def _limit_memory(memory_mb: int) -> None:
    """Cap this worker's address space (set once per worker process)."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _alarm(signum, frame) -> None:
    """Turn SIGALRM into a _Timeout in the worker's main thread."""
    raise _Timeout()


def parse_isolated(path: str, options: ParseOptions) -> ParseOutcome:
    """Parse one file under the wall-time limit (runs inside a worker process)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, options.timeout_s)
    try:
        return parse_path(path, options)
    except _Timeout:
        return _failed(path, "timeout", f"extraction took longer than {options.timeout_s:g} s and was stopped "
                                        "(raise it with --timeout)")
    except MemoryError:
        return _failed(path, "memory_limit", f"extraction needed more than {options.memory_mb} MB and was stopped "
                                             "(raise it with --memory-mb)")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _failed(path: str, reason: str, message: str) -> ParseOutcome:
    """Return a failed outcome for a file with a one-line message naming it."""
    return ParseOutcome(SourceFile(path, None, 0, 0.0), failure=Failure(reason, f"{path}: {message}"))


def _pool(workers: int, options: ParseOptions) -> ProcessPoolExecutor:
    """Return a pool of forkserver workers with the memory limit applied."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["dmaf.pipeline"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_limit_memory, initargs=(options.memory_mb,))


def parse_files(paths: Iterable[str], options: ParseOptions, *, workers: int) -> Iterator[ParseOutcome]:
    """Yield one outcome per path, parsed in ``workers`` processes (0 = in this process, no limits)."""
    if workers <= 0:
        for path in paths:
            yield parse_path(path, options)
        return
    pending = iter(paths)
    pool = _pool(workers, options)
    running: dict[Future, str] = {}
    try:
        while True:
            while len(running) < 2 * workers:
                path = next(pending, None)
                if path is None:
                    break
                running[pool.submit(parse_isolated, path, options)] = path
            if not running:
                return
            done, _ = wait(running, timeout=options.timeout_s + GRACE_S, return_when=FIRST_COMPLETED)
            if not done:
                yield from _kill_stuck(pool, running, options)
                pool = _pool(workers, options)
                continue
            for future in done:
                path = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    yield _failed(path, "crashed", "the worker parsing this file died (out of memory or a crash "
                                                   "in a native library)")
                    yield from _requeue(running, options)
                    pool = _pool(workers, options)
                    break
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _kill_stuck(pool: ProcessPoolExecutor, running: dict[Future, str], options: ParseOptions) -> Iterator[ParseOutcome]:
    """Kill a pool whose workers stopped answering; fail the files they held."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for path in running.values():
        yield _failed(path, "timeout", f"extraction did not finish within {options.timeout_s:g} s and its worker "
                                       "was killed")
    running.clear()


def _requeue(running: dict[Future, str], options: ParseOptions) -> Iterator[ParseOutcome]:
    """Re-parse in a fresh single worker the files that were in flight when a worker died."""
    paths = list(running.values())
    running.clear()
    for path in paths:
        try:
            with _pool(1, options) as one:
                yield one.submit(parse_isolated, path, options).result()
        except BrokenProcessPool:
            yield _failed(path, "crashed", "the worker parsing this file died (out of memory or a crash in a "
                                           "native library)")
