"""The framework's arithmetic: each pillar's indicator maxima add up to the pillar's maximum (100).

Pure helpers shared by the parser (to infer or check a reading) and the quality rules (to report it).
"""

from __future__ import annotations

from collections.abc import Iterable

TOLERANCE = 1e-6


def remaining_max(pillar_max: float, known_maxima: Iterable[float]) -> float | None:
    """Return what a pillar's maximum leaves for its one indicator with no printed max, or None if nothing."""
    remainder = pillar_max - sum(known_maxima)
    return remainder if remainder > TOLERANCE else None


def adds_up(total: float, expected: float) -> bool:
    """Return True when a sum equals what the framework says it should (within rounding)."""
    return abs(total - expected) <= TOLERANCE


def within_range(score: float, max_score: float | None) -> bool:
    """Return True for a score between 0 and its maximum (any non-negative score when the max is unknown)."""
    return score >= 0 and (max_score is None or score <= max_score + TOLERANCE)
