"""The temporary Prefect server of one command, started so that it dies with the command.

Without ``PREFECT_API_URL`` Prefect starts a temporary server for the process (``SubprocessASGIServer``),
and a ``kill -9`` of the process leaves it running, still listening on its port. This starts the same
server (the same uvicorn app and environment as Prefect's) through ``pipeline.lifeline``, so the kernel
stops it when the command dies however it dies, and stops it at the end of the block otherwise.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager

from core.errors import ConfigurationError

DRAIN_S = 5.0
"""How long Prefect may take to send its last logs and events before the server stops."""
STOP_WAIT_S = 5.0
"""How long the server gets to stop after SIGTERM before it is killed (what Prefect gives its own)."""


def _free_port() -> int:
    """Return a TCP port on the loopback interface that is free now."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command(port: int) -> list[str]:
    """Return the command of Prefect's temporary server on ``port``, run by ``pipeline.lifeline``."""
    import prefect

    return [sys.executable, "-m", "pipeline.lifeline", str(os.getpid()), "-m", "uvicorn",
            "--app-dir", str(prefect.__module_path__.parent), "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"]


def _environment() -> dict[str, str]:
    """Return the server's environment, as Prefect gives its own temporary server."""
    from prefect.settings import get_current_settings

    return {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True)}


def _wait_ready(process: subprocess.Popen, url: str, timeout_s: float) -> bool:
    """Wait until the server answers ``/health``; return False when it exited first (its port was taken)."""
    import httpx

    deadline = time.monotonic() + timeout_s
    with httpx.Client() as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            try:
                if client.get(f"{url}/health", timeout=5).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
    raise ConfigurationError(f"the temporary Prefect server did not answer within {timeout_s:g} s (a very busy "
                             "machine?); raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS or start one with "
                             "`prefect server start` and set PREFECT_API_URL")


def _stop(process: subprocess.Popen) -> None:
    """Stop the server: SIGTERM, then SIGKILL after ``STOP_WAIT_S``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_WAIT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def temporary_server() -> Iterator[str | None]:
    """Run the block against a temporary Prefect server that dies with this process; yield its API URL.

    With ``PREFECT_API_URL`` set (a standing server) nothing is started and None is yielded. Prefect must be
    configured first (``flows.prefect_env.configure_prefect``).
    """
    from prefect.settings import (
        PREFECT_API_URL,
        get_current_settings,
        temporary_settings,
    )

    if get_current_settings().api.url:
        yield None
        return
    timeout_s = float(get_current_settings().server.ephemeral.startup_timeout_seconds)
    for _attempt in range(5):
        port = _free_port()
        url = f"http://127.0.0.1:{port}/api"
        # its own session: a Ctrl-C meant for the command (sent to the whole foreground group) must not stop the
        # server before the run has recorded how it ended; it still dies with this process (pipeline.lifeline)
        process = subprocess.Popen(_command(port), env=_environment(), stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            ready = _wait_ready(process, url, timeout_s)
        except BaseException:
            _stop(process)
            raise
        if ready:
            break
    else:
        raise ConfigurationError("the temporary Prefect server could not find a free port in 5 attempts")
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            try:
                yield url
            finally:
                _drain()
    finally:
        _stop(process)


def _drain() -> None:
    """Send the logs and events Prefect still holds to the server before it stops (else they fail at exit)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=DRAIN_S)
        except Exception:  # noqa: BLE001 - best effort: the run's own outcome is already decided
            pass
