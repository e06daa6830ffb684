"""A loaded document's confidence in words: how a load message and a run summary state it.

No database, no pandas: cheap to import.
"""

from __future__ import annotations

import math

REASONS_IN_MESSAGE = 2
"""How many of a document's confidence reasons its load message names."""


def confidence_text(confidence: float) -> str:
    """Return a confidence with two decimals, rounded down (so anything below 1 never shows as 1.00)."""
    return f"{math.floor(confidence * 100 + 1e-9) / 100:.2f}"


def confidence_note(confidence: float | None, reasons: tuple[str, ...] | list[str]) -> str:
    """Return ", confidence 0.62: first reason; second reason" for a confidence below 1, else ""."""
    if confidence is None or confidence >= 1:
        return ""
    named = "; ".join(reasons[:REASONS_IN_MESSAGE])
    if len(reasons) > REASONS_IN_MESSAGE:
        named += f"; and {len(reasons) - REASONS_IN_MESSAGE} more"
    return f", confidence {confidence_text(confidence)}" + (f": {named}" if named else "")
