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
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from dmaf.pipeline import (
    Failure,
    ParseOptions,
    ParseOutcome,
    out_of_memory,
    parse_path,
    stat_or_blank,
)

GRACE_S = 15.0  # beyond the soft limit, how long before an unresponsive worker is killed
CRASHED = "the worker parsing this file died (out of memory or a crash in a native library)"


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
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, options.timeout_s)
            return parse_path(path, options)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:  # also when the alarm fires just as parse_path returns: the file took the whole limit
        return _failed(path, "timeout", f"extraction took longer than {options.timeout_s:g} s and was stopped "
                                        "(raise it with --timeout)")
    except MemoryError:  # parse_path turns its own MemoryErrors into failures; this is one in between
        return ParseOutcome(stat_or_blank(path), failure=Failure.of(out_of_memory(path, options)))


def _failed(path: str, reason: str, message: str) -> ParseOutcome:
    """Return a failed outcome for a file with a one-line message naming it."""
    return ParseOutcome(stat_or_blank(path), failure=Failure(reason, f"{path}: {message}"))


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
            if not done:  # no worker answered in time: one is stuck where the alarm cannot reach it
                _kill(pool)
                yield from _one_by_one(running, options)
                pool = _pool(workers, options)
                continue
            broken = False
            for future in done:
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                except Exception as exc:  # noqa: BLE001 - the outcome could not come back (not picklable?): a bug
                    outcome = _failed(running[future], "internal_error", f"the worker's result was lost "
                                                                         f"({type(exc).__name__}: {exc})")
                del running[future]
                yield outcome
            if broken:  # a worker died: any file in flight may be the cause, so each is tried alone
                _kill(pool)
                yield from _one_by_one(running, options)
                pool = _pool(workers, options)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool and kill its worker processes (stuck or already dead)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _one_by_one(running: dict[Future, str], options: ParseOptions) -> Iterator[ParseOutcome]:
    """Parse again, each alone in a fresh worker, the files that were in flight in a failed pool."""
    paths = list(running.values())
    running.clear()
    for path in paths:
        yield parse_alone(path, options)


def parse_alone(path: str, options: ParseOptions) -> ParseOutcome:
    """Parse one file in its own worker process; fail it if the worker dies or stops answering."""
    pool = _pool(1, options)
    try:
        future = pool.submit(parse_isolated, path, options)
        try:
            return future.result(timeout=options.timeout_s + GRACE_S)
        except BrokenProcessPool:
            return _failed(path, "crashed", CRASHED)
        except FutureTimeout:
            return _failed(path, "timeout", f"extraction did not finish within {options.timeout_s:g} s and its "
                                            "worker was killed")
        except Exception as exc:  # noqa: BLE001 - the outcome could not come back (not picklable?): a bug
            return _failed(path, "internal_error", f"the worker's result was lost ({type(exc).__name__}: {exc})")
    finally:
        _kill(pool)
