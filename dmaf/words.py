"""Small wording helpers for messages a person reads."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """Return "1 city" or "3 cities": the count with the noun in the form it takes."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def short_number(value: float | None) -> str:
    """Return a score as short text ("12.5", "40"), or "–" when there is none."""
    return "–" if value is None else f"{round(value, 2):g}"
