"""Headless Chromium for the HTML report tests (Debian's ``chromium``): without it a browser test skips
locally and fails under ``CI=true``."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.tools import require


def chromium() -> str:
    """Return the Chromium binary; skip without it, except under CI=true where it must be installed."""
    return require("chromium", "chromium-browser", fix="apt-get install chromium")


def rendered_dom(page: Path, profile: Path) -> str:
    """Return the DOM of a local page after headless Chromium rendered it."""
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--dump-dom", page.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
