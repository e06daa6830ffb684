"""The refresh plan: which files of a folder need work, decided by size and mtime alone (no file is read).

A file whose size and mtime equal what the warehouse recorded is unchanged; one whose size differs is
changed; one whose mtime alone differs is hashed to tell a real change from a touch. Known files not
found any more are missing. Pure but for ``stat_files`` and the hashing in ``confirm_changes``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import FolderNotFound
from pipeline.identity import file_sha256

Stat = tuple[int, float]
"""(size in bytes, mtime) of a file as found on disk."""
Seen = tuple[int | None, float | None, str | None]
"""(size, mtime, sha256) of a file as the warehouse recorded it."""
Touched = tuple[str, str, int, float]
"""(path, sha256, size, mtime) of a file whose times changed but whose bytes did not."""


@dataclass(frozen=True)
class Plan:
    """What a refresh must do with each path: parse it, hash it first, leave it, or flag it missing."""

    new: list[str]
    changed_candidates: list[str]
    unchanged: list[str]
    missing: list[str]

    def counts(self) -> dict[str, int]:
        """Return how many paths fall in each group."""
        return {"new": len(self.new), "with a new size or mtime": len(self.changed_candidates),
                "unchanged": len(self.unchanged), "missing": len(self.missing)}


def plan_refresh(seen: Mapping[str, Seen], found: Mapping[str, Stat | None]) -> Plan:
    """Compare what the warehouse recorded with what is on disk, by size and mtime only (no file is read).

    ``found`` maps each path on disk to its (size, mtime), or None when it could not be stat'ed (such a
    file is never unchanged, so parsing it records why it cannot be read).
    """
    new, candidates, unchanged = [], [], []
    for path in sorted(found):
        stat = found[path]
        if path not in seen:
            new.append(path)
        elif stat is not None and seen[path][:2] == stat and seen[path][2]:
            unchanged.append(path)
        else:
            candidates.append(path)
    missing = sorted(path for path in seen if path not in found)
    return Plan(new, candidates, unchanged, missing)


@dataclass(frozen=True)
class Confirmed:
    """Changed candidates sorted out: really ``changed`` (to parse), or the ``same`` bytes (only touched)."""

    changed: list[str] = field(default_factory=list)
    same: list[Touched] = field(default_factory=list)


def confirm_changes(candidates: Iterable[str], seen: Mapping[str, Seen], found: Mapping[str, Stat | None], *,
                    digest: Callable[[str], str] = file_sha256) -> Confirmed:
    """Hash the candidates whose size is unchanged (another size is another content: no read needed)."""
    changed: list[str] = []
    same: list[Touched] = []
    for path in candidates:
        old_size, _, old_sha = seen[path]
        stat = found.get(path)
        if stat is None or not old_sha or (old_size is not None and old_size != stat[0]):
            changed.append(path)
            continue
        try:
            sha = digest(path)
        except OSError:  # vanished or unreadable since the scan: parsing it records what is wrong
            changed.append(path)
            continue
        if sha == old_sha:
            same.append((path, sha, stat[0], stat[1]))
        else:
            changed.append(path)
    return Confirmed(changed, same)


def stat_files(paths: Iterable[str], *, stat: Callable[[str], os.stat_result] = os.stat) -> dict[str, Stat | None]:
    """Return (size, mtime) of each path, or None when it cannot be stat'ed; nothing is opened."""
    found: dict[str, Stat | None] = {}
    for path in paths:
        try:
            st = stat(path)
        except OSError:
            found[path] = None
        else:
            found[path] = (st.st_size, st.st_mtime)
    return found


def folder_root(folder: str | Path) -> str:
    """Return the folder as an absolute path without links (as ``dmaf ingest`` stores paths); raise when it is
    not an existing folder (then nothing is flagged missing)."""
    root = os.path.realpath(os.fspath(folder))
    if not os.path.isdir(root):
        what = "is not a folder" if os.path.exists(root) else "does not exist"
        raise FolderNotFound(f"{root} {what}: a refresh needs the folder the reports are dropped into "
                                 "(an unmounted share would otherwise look as if every file were gone)")
    return root
