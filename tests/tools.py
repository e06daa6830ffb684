"""The one way a test asks for a tool the project needs (LibreOffice, pg_dump, Chromium, a writable pg_hba.conf,
a tmpfs mount): found, it is returned; missing, the test is skipped on a developer's machine, and **fails** under
``CI=true`` (``.ci/run`` exports it), where every such tool is installed, so that no skip hides a missing
dependency. ``tests/test_honesty.py`` checks that no test skips any other way.
"""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    """Return True under CI (``CI=true``), where nothing the project needs may be missing."""
    return os.environ.get("CI", "").lower() == "true"


def missing(what: str, fix: str) -> None:
    """Skip the test for a missing tool, or fail it under CI; ``fix`` says how to get it."""
    message = f"{what} ({fix})"
    if in_ci():
        pytest.fail(f"{message}: under CI=true this must be present", pytrace=False)
    pytest.skip(message)


def _on_path(names: tuple[str, ...]) -> str | None:
    return next((found for name in names if (found := shutil.which(name))), None)


def require(*names: str, fix: str) -> str:
    """Return the first of ``names`` on PATH; otherwise skip, or fail under CI."""
    found = _on_path(names)
    if found is None:
        missing(f"{' or '.join(names)} is not on PATH", fix)
    return found


def optional(*names: str) -> str | None:
    """Return the first of ``names`` on PATH, or None; under CI it must be there (a build that leaves out what
    a missing tool would make fails instead of shrinking silently)."""
    found = _on_path(names)
    if found is None and in_ci():
        raise RuntimeError(f"{' or '.join(names)} is not on PATH: under CI=true it must be installed")
    return found
