"""Finding report files under the paths a user names: recursive, link-loop safe, deterministic."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

REPORT_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".txt"})


def is_candidate(name: str) -> bool:
    """Return True for a file name that may hold a report (not hidden, not an Office lock file)."""
    return (
        Path(name).suffix.lower() in REPORT_SUFFIXES
        and not name.startswith((".", "~$"))
        and not name.endswith(".expected.json")
    )


def discover(paths: Iterable[str | Path]) -> list[str]:
    """Return report files under the given files and folders as absolute paths, sorted, each once.

    A named file is always taken, whatever its suffix; folders are walked recursively without
    following directory links (no loops); files that cannot be stat'ed are still returned so
    that they get a ``failed`` row saying why.
    """
    found: dict[str, None] = {}
    for path in paths:
        path = Path(os.path.abspath(path))
        if path.is_dir():
            for file in _walk(path):
                found.setdefault(file)
        else:
            found.setdefault(str(path))
    return sorted(found)


def _walk(root: Path) -> Iterator[str]:
    """Yield candidate files below a folder, never descending into linked folders."""
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if is_candidate(name):
                yield os.path.join(folder, name)
