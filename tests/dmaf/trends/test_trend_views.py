"""Specification of the trend views on both backends, against values computed by hand from the corpus specs.

The corpus (seed 0) has Pune in cycles 1, 2 and 3 and three more cities per cycle. Pune's totals are
162.5, 347.5 and 130 of 500; its City Data Officer (2.a) scores 15, 17.5 and 5 of 30.
"""

from __future__ import annotations

import math
import statistics
from pathlib import Path

from sqlalchemy import Engine

from tests.corpus.spec import ReportSpec
from tests.dmaf.trends.conftest import ingest
from warehouse.db import make_engine


def _rows(url: str, sql: str) -> list[tuple]:
    """Run a query and return its rows with floats rounded to 6 places (backend-neutral)."""
    engine: Engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(sql).all()
    finally:
        engine.dispose()
    return [tuple(round(v, 6) if isinstance(v, float) else v for v in row) for row in rows]


def test_city_scores_rank_within_the_cycle_and_change_against_the_previous_cycle(corpus_db: str) -> None:
    """Pune: 162.5 (4th of 4) -> 347.5 (+185, 2nd) -> 130 (-217.5, 4th); first cycles have no change."""
    pune = _rows(corpus_db, "SELECT cycle, score, max_score, rank, change FROM city_scores "
                            "WHERE city = 'Pune' ORDER BY cycle")
    assert pune == [(1, 162.5, 500.0, 4, None), (2, 347.5, 500.0, 2, 185.0), (3, 130.0, 500.0, 4, -217.5)]
    cycle1 = _rows(corpus_db, "SELECT city, score, rank, change FROM city_scores WHERE cycle = 1 ORDER BY rank, city")
    assert cycle1 == [("Bhopal", 382.5, 1, None), ("Guwahati", 192.5, 2, None), ("Port Blair", 175.0, 3, None),
                      ("Pune", 162.5, 4, None)]


def test_pillar_scores_share_a_rank_on_ties_and_change_per_pillar(corpus_db: str) -> None:
    """Cycle 2 Policy: Pune and Agartala both 55 share rank 1, Surat (47.5) is 3rd; Pune's pillar changes."""
    policy = _rows(corpus_db, "SELECT city, score, rank FROM pillar_scores WHERE cycle = 2 AND pillar_no = 1 "
                              "ORDER BY rank, city")
    assert policy == [("Agartala", 55.0, 1), ("Pune", 55.0, 1), ("Surat", 47.5, 3), ("Imphal", 0.0, 4)]
    technology = _rows(corpus_db, "SELECT city, rank FROM pillar_scores WHERE cycle = 1 AND pillar_no = 4 "
                                  "ORDER BY rank, city")
    assert technology == [("Bhopal", 1), ("Guwahati", 2), ("Port Blair", 3), ("Pune", 3)]
    pune = _rows(corpus_db, "SELECT pillar_no, cycle, score, change FROM pillar_scores WHERE city = 'Pune' "
                            "AND pillar_no IN (4, 5) ORDER BY pillar_no, cycle")
    assert pune == [(4, 1, 30.0, None), (4, 2, 65.0, 35.0), (4, 3, 5.0, -60.0),
                    (5, 1, 20.0, None), (5, 2, 90.0, 70.0), (5, 3, 20.0, -70.0)]


def test_indicator_trends_follow_crosswalked_indicators_across_cycles(corpus_db: str) -> None:
    """Retitled indicators share a key; the split budget indicator of cycle 1 keeps its own keys."""
    rows = _rows(corpus_db, "SELECT indicator_key, indicator_title, cycle, score, max_score, pct, change, pct_change, "
                            "indicator_code FROM indicator_trends WHERE city = 'Pune' AND indicator_key IN "
                            "('2.a', '4.b', '5.d', '1.c&1.d', 'c1:1.c', 'c1:1.d', 'c3:5.a') "
                            "ORDER BY indicator_key, cycle")
    cdo, datasets = "City Data Officer (CDO)", "Number of datasets on SCODP"
    assert rows == [
        ("1.c&1.d", "Budget for data-related initiatives", 2, 25.0, 40.0, 62.5, None, None, "1.c&1.d"),
        ("1.c&1.d", "Budget for data-related initiatives", 3, 40.0, 40.0, 100.0, 15.0, 37.5, "1.c&1.d"),
        # "City Data Officer" (cycle 1) is the same indicator as "City Data Officer (CDO)"
        ("2.a", cdo, 1, 15.0, 30.0, 50.0, None, None, "2.a"),
        ("2.a", cdo, 2, 17.5, 30.0, round(17.5 / 30 * 100, 6), 2.5, round(2.5 / 30 * 100, 6), "2.a"),
        ("2.a", cdo, 3, 5.0, 30.0, round(5 / 30 * 100, 6), -12.5, round(-12.5 / 30 * 100, 6), "2.a"),
        # "... on Open Data Portal" (cycle 1) -> "... on SCODP" (similarity 87.5)
        ("4.b", datasets, 1, 0.0, 30.0, 0.0, None, None, "4.b"),
        ("4.b", datasets, 2, 30.0, 30.0, 100.0, 30.0, 100.0, "4.b"),
        ("4.b", datasets, 3, 0.0, 30.0, 0.0, -30.0, -100.0, "4.b"),
        # 5.d's maximum halves in cycle 3: score change -20 points, -100 percentage points
        ("5.d", "Alerts & Notifications", 1, 0.0, 20.0, 0.0, None, None, "5.d"),
        ("5.d", "Alerts & Notifications", 2, 20.0, 20.0, 100.0, 20.0, 100.0, "5.d"),
        ("5.d", "Alerts & Notifications", 3, 0.0, 10.0, 0.0, -20.0, -100.0, "5.d"),
        ("c1:1.c", "Budget Allocation for Data Initiatives", 1, 10.0, 20.0, 50.0, None, None, "1.c"),
        ("c1:1.d", "Budget Utilisation for Data Initiatives", 1, 0.0, 20.0, 0.0, None, None, "1.d"),
        ("c3:5.a", "Publishing ‘DataSmart’ stories", 3, 0.0, 30.0, 0.0, None, None, "5.a"),
    ]


def test_a_not_assessed_score_has_no_pct_and_no_change(corpus_db: str) -> None:
    """Pune's 1.a is "NA" in cycle 2: NULL score and pct there, and no change into cycle 3."""
    rows = _rows(corpus_db, "SELECT cycle, score, pct, change FROM indicator_trends "
                            "WHERE city = 'Pune' AND indicator_key = '1.a' ORDER BY cycle")
    assert rows == [(1, 15.0, 50.0, None), (2, None, None, None), (3, 0.0, 0.0, None)]


def _check_stats(row: tuple, values: list[float]) -> None:
    """Compare one stats row's (n, average, median, min, max, stddev) with Python's statistics."""
    n, average, median, low, high, stddev = row
    assert n == len(values)
    assert math.isclose(average, statistics.fmean(values), abs_tol=1e-6)
    assert math.isclose(median, statistics.median(values), abs_tol=1e-6)
    assert (low, high) == (min(values), max(values))
    if len(values) > 1:
        assert math.isclose(stddev, statistics.stdev(values), abs_tol=1e-6)
    else:
        assert stddev is None


def test_national_pillar_stats_agree_with_python_statistics(corpus_db: str, specs: list[ReportSpec]) -> None:
    """Every (cycle, pillar): n, mean, median (even n), min, max and sample std. dev. of the city totals."""
    rows = _rows(corpus_db, "SELECT cycle, pillar_no, n, average, median, min, max, stddev "
                            "FROM national_pillar_stats ORDER BY cycle, pillar_no")
    assert len(rows) == 15
    assert rows[5] == (2, 1, 4, 39.375, 51.25, 0.0, 55.0, round(math.sqrt(2104.6875 / 3), 6))
    for cycle, pillar, *stats in rows:
        values = [sum(i.score or 0.0 for i in s.indicators if i.pillar == pillar) for s in specs if s.cycle == cycle]
        _check_stats(tuple(stats), values)


def test_national_indicator_stats_skip_missing_scores_and_take_the_middle_value(corpus_db: str) -> None:
    """Cycle 2's 1.a: Pune is "NA", so n = 3 and the median is the middle value, 17.5."""
    rows = _rows(corpus_db, "SELECT n, average, median, min, max, stddev FROM national_indicator_stats "
                            "WHERE cycle = 2 AND indicator_key = '1.a'")
    assert len(rows) == 1
    _check_stats(rows[0], [0.0, 17.5, 25.0])
    assert rows[0][2] == 17.5


def test_an_alias_lands_on_the_canonical_city_and_an_unknown_city_is_kept_and_flagged(
    db_url: str, renamed_txt: dict[str, Path]
) -> None:
    """"Bangalore" is Bengaluru; "Gotham" is loaded as printed and gets a city_known warning."""
    assert ingest(db_url, [renamed_txt["Bangalore"], renamed_txt["Gotham"]]) == ["loaded", "loaded"]
    cities = _rows(db_url, "SELECT city, state, cycle, score FROM city_scores ORDER BY city")
    assert cities == [("Bengaluru", "Karnataka", 3, 382.5), ("Gotham", "Nowhere", 2, 10.0)]
    printed = _rows(db_url, "SELECT c.name, v.printed_city FROM report_version v JOIN report r ON r.id = v.report_id "
                            "JOIN city c ON c.id = r.city_id ORDER BY c.name")
    assert printed == [("Bengaluru", "Bangalore"), ("Gotham", "Gotham")]
    flagged = _rows(db_url, "SELECT city, severity, rule FROM quality_issues WHERE rule = 'city_known'")
    assert flagged == [("Gotham", "warning", "city_known")]
    known = _rows(db_url, "SELECT name, known, region FROM city WHERE name IN ('Gotham', 'Bengaluru') ORDER BY name")
    assert [(n, bool(k), r) for n, k, r in known] == [("Bengaluru", True, "South"), ("Gotham", False, None)]


def test_the_crosswalk_view_says_how_each_key_was_decided(corpus_db: str) -> None:
    """Cycle 2 keys come from the catalog; the retitled 4.b is fuzzy at 87.5; the split 1.c is apart."""
    rows = _rows(corpus_db, "SELECT cycle, indicator_code, indicator_key, key_method, key_similarity "
                            "FROM indicator_crosswalk WHERE indicator_code IN ('1.c', '4.b', '1.c&1.d') "
                            "ORDER BY cycle, indicator_code")
    assert rows == [
        (1, "1.c", "c1:1.c", "cycle_specific", None), (1, "4.b", "4.b", "fuzzy", 87.5),
        (2, "1.c&1.d", "1.c&1.d", "catalog", None), (2, "4.b", "4.b", "catalog", None),
        (3, "1.c&1.d", "1.c&1.d", "fuzzy", 100.0), (3, "4.b", "4.b", "fuzzy", 100.0),
    ]
