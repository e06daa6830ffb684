"""Small wording helpers for messages a person reads."""

from __future__ import annotations

from core.text import short_number

__all__ = ["plural", "short_number"]


def plural(count: int, one: str, many: str | None = None) -> str:
    """Return "1 city" or "3 cities": the count with the noun in the form it takes."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
