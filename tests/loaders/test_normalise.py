"""Specification of normalisation: pure, deterministic, canonical codes and cities."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd

from core.records import ParsedIndicator
from loaders.normalise import (
    INDICATOR_COLUMNS,
    INDICATOR_DTYPES,
    canonical_code,
    normalise_report,
    pillar_of,
    records,
    typed_frame,
)
from tests.loaders.support import imphal_report


def test_the_same_report_always_gives_the_same_rows() -> None:
    """Normalising twice gives equal frames and documents."""
    first, second = normalise_report(imphal_report()), normalise_report(imphal_report())
    pd.testing.assert_frame_equal(first.indicators, second.indicators)
    pd.testing.assert_frame_equal(first.warnings, second.warnings)
    assert first.document == second.document


def test_one_row_per_indicator_in_report_order_with_the_documented_columns() -> None:
    """21 rows, the report's order, pillar from the code, percentage of the maximum."""
    norm = normalise_report(imphal_report(scores={"2.a": 15.0}))
    frame = norm.indicators
    assert list(frame.columns) == list(INDICATOR_COLUMNS)
    assert len(frame) == 21 and list(frame["ordinal"]) == list(range(21))
    row = frame.set_index("code").loc["2.a"]
    assert (row["pillar_no"], row["score"], row["max_score"], row["pct"]) == (2, 15.0, 30.0, 50.0)
    assert bool(frame.set_index("code").loc["1.c&1.d", "in_catalog"])


def test_a_missing_score_is_nan_in_the_frame_and_none_in_records() -> None:
    """Scores are floats (NaN for none); ``records`` gives None for the database."""
    norm = normalise_report(imphal_report(scores={"4.c": None}))
    row = norm.indicators.set_index("code").loc["4.c"]
    assert math.isnan(row["score"]) and row["score_status"] == "missing"
    record = next(r for r in records(norm.indicators) if r["code"] == "4.c")
    assert record["score"] is None and record["score_line"] is None and record["heading_line"] == 138
    assert type(record["pillar_no"]) is int and type(record["heading_line"]) is int


def test_the_city_is_canonical_and_the_printed_names_are_kept() -> None:
    """An alias resolves to the gazetteer's city and state; the printed names stay in the document."""
    doc = normalise_report(imphal_report(city="Poona", state="Maharashtra")).document
    assert (doc["city"], doc["state"], doc["region"], doc["city_known"]) == ("Pune", "Maharashtra", "West", True)
    assert (doc["printed_city"], doc["printed_state"]) == ("Poona", "Maharashtra")


def test_codes_are_canonicalised_and_repeats_become_warnings() -> None:
    """"1.C & 1.D" -> "1.c&1.d"; a repeated code is loaded once and reported."""
    assert canonical_code(" 1.C & 1.D ") == "1.c&1.d"
    assert canonical_code("1.c and 1.d") == "1.c&1.d"
    assert canonical_code("2.A:") == "2.a"
    assert pillar_of("1.c&1.d") == 1 and pillar_of("x.y") is None
    report = imphal_report()
    extra = ParsedIndicator("2.A", "City Data Officer", 5.0, 30.0)
    odd = ParsedIndicator("Annex", "Not an indicator", None, None)
    norm = normalise_report(replace(report, indicators=(*report.indicators, extra, odd)))
    assert len(norm.indicators) == 21
    assert norm.indicators.set_index("code").loc["2.a", "score"] == 10.0
    assert list(norm.warnings["code"]) == ["score_displaced", "duplicate_indicator", "malformed_code"]
    assert norm.document["warning_count"] == 3


def test_a_missing_cycle_number_is_read_from_the_printed_label() -> None:
    """A report with cycle None and "Cycle 2.0" printed is placed in cycle 2."""
    assert normalise_report(imphal_report(cycle=None)).document["cycle"] == 2


def test_indicators_outside_the_catalog_are_kept_and_flagged() -> None:
    """Another cycle's indicators are not in the Cycle 2 catalog; they still load, in_catalog False."""
    norm = normalise_report(imphal_report(cycle=3))
    assert len(norm.indicators) == 21
    assert not norm.indicators["in_catalog"].any()
    assert norm.indicators["catalog_title"].isna().all()


def test_frames_are_built_in_their_dtypes_exactly_as_astype_would_make_them() -> None:
    norm = normalise_report(imphal_report())
    rows = norm.indicators.to_dict("records")
    expected = pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS)).astype(INDICATOR_DTYPES)
    pd.testing.assert_frame_equal(typed_frame(rows, INDICATOR_COLUMNS, INDICATOR_DTYPES), expected)
    empty = pd.DataFrame([], columns=list(INDICATOR_COLUMNS)).astype(INDICATOR_DTYPES)
    pd.testing.assert_frame_equal(typed_frame([], INDICATOR_COLUMNS, INDICATOR_DTYPES), empty)


def test_records_are_computed_once_and_match_the_frames() -> None:
    norm = normalise_report(imphal_report())
    assert norm.indicator_records is norm.indicator_records
    assert norm.indicator_records == records(norm.indicators)
    assert norm.warning_records == records(norm.warnings)
