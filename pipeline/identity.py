"""File identity: the content hash that keys every load, and size + mtime for the refresh fast path."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from core.records import SourceFile

CHUNK = 1 << 20  # bytes read at a time when hashing a file


def sha256_bytes(data: bytes) -> str:
    """Return the hex sha256 of bytes already in memory."""
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: str | Path) -> str:
    """Return the hex sha256 of a file's bytes, read in 1 MiB pieces; raise OSError when it cannot be read."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for piece in iter(lambda: file.read(CHUNK), b""):
            digest.update(piece)
    return digest.hexdigest()


def stat_source(path: str | Path) -> SourceFile:
    """Return size and mtime of a file without reading it (the refresh fast path)."""
    st = os.stat(path)
    return SourceFile(str(path), None, st.st_size, st.st_mtime)


def source_of(path: str | Path, *, format: str | None = None) -> SourceFile:
    """Return a file's identity with its content hash (reads the whole file)."""
    st = os.stat(path)
    return SourceFile(str(path), file_sha256(path), st.st_size, st.st_mtime, format)
