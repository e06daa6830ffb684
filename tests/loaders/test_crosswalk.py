"""Specification of the crosswalk: retitled indicators share a key, split and combined ones do not, explicit wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from loaders.crosswalk import refresh_indicator_keys
from loaders.load import load_document
from loaders.normalise import normalise_report
from reference.catalog import load_catalog
from reference.crosswalk import (
    DEFAULT_THRESHOLD,
    Crosswalk,
    CrosswalkOptions,
    IndicatorTitle,
    assign_keys,
    load_crosswalk,
    read_crosswalk,
    title_similarity,
)
from tests.corpus.spec import CYCLE2_CATALOG, catalog
from tests.loaders.support import PARSER_VERSION, imphal_report, source_info
from warehouse.db import write_transaction

NONE = Crosswalk({})


def _titles(cycle: int) -> list[IndicatorTitle]:
    """Return the fixture corpus's (synthetic) indicator list of a cycle."""
    return [IndicatorTitle(code, int(code[0]), title) for code, title, _ in catalog(cycle)]


def _keys(cycle: int, indicators: list[IndicatorTitle], crosswalk: Crosswalk = NONE, **options) -> dict[str, str]:
    """Return ``{code: key}``."""
    found = assign_keys(cycle, indicators, crosswalk=crosswalk, options=options or None)
    return {code: m.indicator_key for code, m in found.items()}


def test_cycle2_catalog_indicators_are_their_own_keys() -> None:
    """The key cycle's catalog codes are the keys; an unknown code there stays apart."""
    found = assign_keys(2, [*_titles(2), IndicatorTitle("2.f", 2, "Data Interns")], crosswalk=NONE)
    assert {c: (m.indicator_key, m.method) for c, m in found.items() if c in ("2.a", "1.c&1.d", "2.f")} == {
        "2.a": ("2.a", "catalog"), "1.c&1.d": ("1.c&1.d", "catalog"), "2.f": ("c2:2.f", "cycle_specific")}


def test_retitled_indicators_match_the_catalog_title_of_their_pillar() -> None:
    """"City Data Officer" -> 2.a, "Data Hackathons" -> 3.b, "... on Open Data Portal" -> 4.b at 87.5."""
    found = assign_keys(1, _titles(1), crosswalk=NONE)
    assert (found["2.a"].indicator_key, found["2.a"].similarity) == ("2.a", 100.0)
    assert found["3.b"].indicator_key == "3.b"
    assert (found["4.b"].indicator_key, found["4.b"].method, found["4.b"].similarity) == ("4.b", "fuzzy", 87.5)


def test_separate_1c_and_1d_are_not_equated_with_the_combined_1c_and_1d() -> None:
    """Cycle 1's budget parts look like the combined title (87) but measure half of it: they stay apart."""
    assert title_similarity("Budget Allocation for Data Initiatives", "Budget for data-related initiatives") > 85
    keys = _keys(1, _titles(1))
    assert (keys["1.c"], keys["1.d"]) == ("c1:1.c", "c1:1.d")
    assert "1.c&1.d" not in keys.values()


def test_an_unrelated_new_title_gets_a_cycle_specific_key() -> None:
    """Cycle 3's "Data-driven budgeting" (56) and "Publishing 'DataSmart' stories" (56) match nothing."""
    keys = _keys(3, _titles(3))
    assert (keys["5.e"], keys["5.a"]) == ("c3:5.e", "c3:5.a")
    assert keys["2.d"] == "2.d"  # "Capacity Building — Ministry Initiative" (em dash) is the en-dash title


def test_dashes_quotes_and_case_do_not_matter() -> None:
    """Titles are folded before comparison."""
    assert title_similarity("CAPACITY BUILDING — MINISTRY INITIATIVE", "Capacity Building – Ministry Initiative") == 100


def test_one_indicator_per_key_the_best_title_wins() -> None:
    """Two cycle-1 titles that both fit 2.d: the closer one takes it, the other stays apart."""
    indicators = [IndicatorTitle("2.d", 2, "Capacity Building - Ministry Initiative"),
                  IndicatorTitle("2.x", 2, "Capacity Building – Ministry Initiatives")]
    found = assign_keys(1, indicators, crosswalk=NONE)
    assert (found["2.d"].indicator_key, found["2.x"].indicator_key) == ("2.d", "c1:2.x")


def test_the_threshold_is_a_validated_option() -> None:
    """A stricter threshold keeps the 87.5 match apart; out-of-range thresholds are refused."""
    assert _keys(1, _titles(1), threshold=90.0)["4.b"] == "c1:4.b"
    assert DEFAULT_THRESHOLD == 85.0
    with pytest.raises(ValueError, match="threshold 0"):
        CrosswalkOptions(threshold=0)
    with pytest.raises(ValueError, match="threshold 101"):
        CrosswalkOptions(threshold=101)


def test_the_threshold_is_above_every_unrelated_pair_and_below_every_retitling() -> None:
    """The numbers behind 85: retitlings of the fixture cycles score >= 87.5, titles of other things <= 56."""
    keyed = {code: title for code, title, _ in CYCLE2_CATALOG}
    retitled = [("City Data Officer", "2.a"), ("Data Hackathons", "3.b"),
                ("Number of datasets on Open Data Portal", "4.b"), ("Capacity Building — Ministry Initiative", "2.d")]
    assert min(title_similarity(t, keyed[k]) for t, k in retitled) == 87.5
    unrelated = [("Data-driven budgeting", "5"), ("Publishing ‘DataSmart’ stories", "5")]
    best = max(title_similarity(t, title) for t, p in unrelated for code, title in keyed.items() if code[0] == p)
    assert best < 60


def test_explicit_mappings_override_fuzzy_matching(tmp_path: Path) -> None:
    """crosswalk.csv can join cycle 1's parts to the combined key, or keep a good fuzzy match apart."""
    path = tmp_path / "crosswalk.csv"
    path.write_text("cycle,code,indicator_key,note\n1,1.c,1.c&1.d,budget parts summed\n1,1.D,1.c&1.d,\n"
                    "1,4.b,,Open Data Portal is not SCODP\n", encoding="utf-8")
    crosswalk = read_crosswalk(path)
    found = assign_keys(1, _titles(1), crosswalk=crosswalk)
    assert {c: (found[c].indicator_key, found[c].method) for c in ("1.c", "1.d", "4.b")} == {
        "1.c": ("1.c&1.d", "explicit"), "1.d": ("1.c&1.d", "explicit"), "4.b": ("c1:4.b", "explicit")}


@pytest.mark.parametrize(("text", "error"), [
    ("cycle,code,indicator_key\n1,2.a,2.a\n1,2.A,2.b\n", "line 3: cycle 1 indicator 2.a is mapped twice"),
    ("cycle,code,indicator_key\none,2.a,2.a\n", "line 2: cycle 'one' is not a number"),
    ("cycle,code,indicator_key\n1,Annex,2.a\n", "line 2: 'Annex' is not an indicator code"),
    ("cycle,code\n1,2.a\n", "line 2: missing column(s) indicator_key"),
])
def test_a_malformed_crosswalk_file_is_refused_naming_the_line(tmp_path: Path, text: str, error: str) -> None:
    """Duplicates, bad cycles, bad codes and missing columns are clear errors."""
    path = tmp_path / "crosswalk.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=error.replace("(", r"\(").replace(")", r"\)")):
        read_crosswalk(path)


def test_the_shipped_crosswalk_is_valid_and_invents_no_other_cycle() -> None:
    """The shipped file parses; it maps nothing, since only Cycle 2's indicator list is known for real."""
    assert load_crosswalk().mappings == {}
    assert load_catalog().cycles() == (2,)


def test_normalisation_carries_the_key_and_canonical_title() -> None:
    """Each row has its catalog title and key; a cycle-3 copy of the report is matched by title."""
    cycle2 = normalise_report(imphal_report()).indicators.set_index("code")
    assert (cycle2.loc["2.a", "indicator_key"], cycle2.loc["2.a", "key_method"]) == ("2.a", "catalog")
    cycle3 = normalise_report(imphal_report(cycle=3)).indicators.set_index("code")
    assert (cycle3.loc["1.c&1.d", "indicator_key"], cycle3.loc["1.c&1.d", "key_method"]) == ("1.c&1.d", "fuzzy")
    assert cycle3.loc["2.d", "canonical_title"] == "Capacity Building – Ministry Initiative"


def test_the_warehouse_keys_follow_the_crosswalk_and_refreshing_is_idempotent(db_engine: Engine) -> None:
    """Loading sets keys per cycle; an explicit crosswalk re-keys the rows; a second refresh changes nothing."""
    report = imphal_report(cycle=3)
    load_document(db_engine, source=source_info("/r/c3.txt", report), report=report, error=None,
                  parser_version=PARSER_VERSION)
    query = "SELECT indicator_key, key_method FROM indicator WHERE cycle_no = 3 AND code = '2.a'"
    with db_engine.connect() as conn:
        assert tuple(conn.exec_driver_sql(query).one()) == ("2.a", "fuzzy")
    explicit = Crosswalk({(3, "2.a"): None})
    with write_transaction(db_engine) as conn:
        assert refresh_indicator_keys(conn, cycle_no=3, crosswalk=explicit) == 1
        assert refresh_indicator_keys(conn, cycle_no=3, crosswalk=explicit) == 0
        assert tuple(conn.exec_driver_sql(query).one()) == ("c3:2.a", "explicit")
