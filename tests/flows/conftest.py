"""Helpers for flow tests: distinct reports written fast from the real one, and a record of opened files."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import SEED_TXT

CITIES = {"imphal": ("Imphal", "Manipur"), "pune": ("Pune", "Maharashtra"), "surat": ("Surat", "Gujarat"),
          "kochi": ("Kochi", "Kerala"), "bhopal": ("Bhopal", "Madhya Pradesh")}
_watching: list[list[str]] = []
_hooked = False


def report_text(city: str, state: str, *, note: str = "") -> str:
    """Return the real Imphal report retitled for another city (a distinct, valid cycle 2 report)."""
    text = SEED_TXT.read_text(encoding="utf-8")
    return text.replace("City: Imphal | State: Manipur", f"City: {city} | State: {state}") + note


def write_report(folder: Path, key: str, *, note: str = "") -> Path:
    """Write ``<key>.txt`` (a report of the city ``CITIES[key]``) into ``folder`` and return its path."""
    path = folder / f"{key}.txt"
    city, state = CITIES[key]
    path.write_text(report_text(city, state, note=note), encoding="utf-8")
    return path


def _audit(event: str, args: tuple) -> None:
    """Audit hook: remember every file path opened by this process while someone is watching."""
    if event == "open" and _watching and isinstance(args[0], (str, bytes, os.PathLike)):
        for opened in _watching:
            opened.append(os.fsdecode(args[0]))


@contextmanager
def opened_files() -> Iterator[list[str]]:
    """Yield a list that collects the paths this process opens (``open``, ``os.open``) while the block runs."""
    global _hooked
    if not _hooked:  # audit hooks cannot be removed; this one does nothing unless a block is running
        sys.addaudithook(_audit)
        _hooked = True
    opened: list[str] = []
    _watching.append(opened)
    try:
        yield opened
    finally:
        _watching.remove(opened)
