"""Task runners for the ingest flow: Prefect's default threads, or an existing Dask cluster.

With a Dask address, each parse batch runs on a Dask worker (the flow run, its loads into the
warehouse and Prefect's API stay where the flow was started). Dask workers are daemonic
processes, which may not start child processes, so a batch is parsed in the worker itself
(``workers=0``) and the cluster's workers are the parallelism: one batch in flight per worker.
"""

from __future__ import annotations

ADDRESS_ENV = "DMAF_DASK_ADDRESS"


def task_runner(dask_address: str | None):
    """Return a DaskTaskRunner for the cluster at ``dask_address`` (tcp://host:port), or None for the default."""
    if not dask_address:
        return None
    if "://" not in dask_address:
        raise ValueError(f"a Dask scheduler address looks like tcp://host:8786, got {dask_address!r}")
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(address=dask_address)


def dask_worker_count(dask_address: str, *, timeout_s: float = 30.0) -> int:
    """Return how many workers the Dask cluster at ``dask_address`` has now (at least 1)."""
    from distributed import Client

    with Client(dask_address, timeout=timeout_s, set_as_default=False) as client:
        return max(1, len(client.nthreads()))
