"""Specification of ``ParsePool``: one pool of workers for many batches, some of them at once.

A run keeps one pool for all its batches (a pool per batch left a core idle at each batch's end);
batches may share it concurrently, and a worker that dies in one batch must cost only its own file,
never a file of the other batch that happened to be in flight on the same pool.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

import pipeline.pool
from pipeline.document import ParseOptions
from pipeline.pool import ParsePool, parse_files
from tests.conftest import SEED_TXT as SEED


def _reports(folder, names):
    for name in names:
        (folder / name).write_bytes(SEED.read_bytes().replace(b"Imphal", name[0].upper().encode() + b"city"))
    return [str(folder / n) for n in names]


def _status(outcomes):
    return {os.path.basename(o.source.path): (o.failure.reason if o.failure else "ok") for o in outcomes}


def test_concurrent_batches_on_one_pool_lose_nothing_to_a_worker_killed_in_one(tmp_path, monkeypatch):
    from tests.hostile import faulty_worker

    monkeypatch.setattr(pipeline.pool, "parse_isolated", faulty_worker.parse_isolated)
    first = _reports(tmp_path, ["a.txt", "b.txt", "sigkill.txt", "c.txt", "d.txt"])
    second = _reports(tmp_path, ["e.txt", "f.txt", "g.txt", "h.txt", "i.txt", "j.txt"])
    options = ParseOptions(timeout_s=30.0)

    with ParsePool(2, options.memory_mb) as pool, ThreadPoolExecutor(2) as threads:
        runs = [threads.submit(lambda b: list(parse_files(b, options, workers=2, pool=pool)), batch)
                for batch in (first, second)]
        got_first, got_second = (_status(r.result(timeout=120)) for r in runs)

    assert got_first == {"a.txt": "ok", "b.txt": "ok", "sigkill.txt": "crashed", "c.txt": "ok", "d.txt": "ok"}
    assert got_second == {os.path.basename(p): "ok" for p in second}  # each batch gets exactly its own files


def test_a_pool_serves_batch_after_batch_and_renews_its_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.pool, "FILES_PER_POOL", 3)
    paths = _reports(tmp_path, ["a.txt", "b.txt", "c.txt", "d.txt"])
    options = ParseOptions()
    with ParsePool(1, options.memory_mb) as pool:
        first = list(parse_files(paths[:2], options, workers=1, pool=pool))
        executor = pool._executor
        second = list(parse_files(paths[2:3], options, workers=1, pool=pool))
        assert pool._executor is executor  # 3 files given: the same workers
        third = list(parse_files(paths[3:], options, workers=1, pool=pool))
        assert pool._executor is not executor  # past FILES_PER_POOL: fresh workers for the next batch
    assert [o.report.city for o in first + second + third] == ["Acity", "Bcity", "Ccity", "Dcity"]
    assert pool._executor is None  # closed with the block


def test_a_pool_refuses_options_with_another_memory_limit():
    with ParsePool(1, 512) as pool, pytest.raises(ValueError, match="512 MB"):
        list(pool.parse(["x.txt"], ParseOptions(memory_mb=1024)))
