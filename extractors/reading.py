"""Reading a path or an open binary file without ever changing or closing what the caller owns."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from core.errors import UnreadableFile


def read_bytes(source: str | Path | BinaryIO, *, name: str | None = None) -> tuple[bytes, str]:
    """Return (bytes, label) for a path (opened read-only) or a file object (read, left open)."""
    if isinstance(source, (str, Path)):
        try:
            return Path(source).read_bytes(), str(source)
        except OSError as exc:
            raise UnreadableFile(source, f"cannot read the file: {exc.strerror or exc}") from exc
    label = name or getattr(source, "name", None) or "<stream>"
    return source.read(), str(label)
