"""The review queue (``dmaf review``): the ``review_queue`` view, filtered and ordered, most doubtful first."""

from __future__ import annotations

import re

import pandas as pd

from core import defaults
from reference.gazetteer import normalise_name, resolve_city

KINDS = ("stale_correction", "null_score", "guessed_placement", "quality_error", "published_differs", "low_confidence",
         "unknown_city")
"""What the queue lists, in the order of the view's priorities."""


def _code_key(code: object) -> tuple:
    """Return a sort key that puts "2.b" before "2.10" and "10.a" after "9.z"."""
    if not isinstance(code, str):
        return ((1, ""),)
    return tuple((0, f"{int(part):09d}") if part.isdigit() else (0, part) for part in re.split(r"(\d+)", code) if part)


def select_queue(queue: pd.DataFrame, *, city: str | None = None, cycle: int | None = None,
                 min_confidence: float = defaults.REVIEW_MIN_CONFIDENCE) -> pd.DataFrame:
    """Return the queue's rows of one city and/or cycle, most doubtful first.

    A document is listed for its confidence alone (``low_confidence``) only when that is below
    ``min_confidence``. Order: priority, then the document's confidence (lowest first, unknown last), city,
    cycle and indicator code.
    """
    rows = queue
    if city is not None:
        wanted = {normalise_name(city), normalise_name(resolve_city(city).city)}
        rows = rows[rows["city"].map(lambda name: normalise_name(str(name)) in wanted)]
    if cycle is not None:
        rows = rows[rows["cycle"] == cycle]
    rows = rows[(rows["kind"] != "low_confidence") | (rows["confidence"] < min_confidence)]
    doc_confidence = rows.groupby(["city", "cycle"])["confidence"].transform("min")
    ordered = rows.assign(_confidence=doc_confidence.fillna(2.0), _code=rows["indicator_code"].map(_code_key))
    ordered = ordered.sort_values(["priority", "_confidence", "city", "cycle", "_code", "kind"], kind="stable")
    return ordered.drop(columns=["_confidence", "_code"]).reset_index(drop=True)
