"""Specification of the Smart Cities gazetteer: reference tables and exact/alias resolution."""

from __future__ import annotations

import pytest

from reference import gazetteer
from reference.gazetteer import (
    normalise_name,
    resolve_city,
    resolve_cycle,
    resolve_state,
)

REGIONS = {"North", "South", "East", "West", "Central", "North-East"}
NORTH_EAST = {"Arunachal Pradesh", "Assam", "Manipur", "Meghalaya", "Mizoram", "Nagaland", "Sikkim", "Tripura"}


def test_there_are_exactly_100_smart_cities_with_unique_canonical_names() -> None:
    """The gazetteer lists the 100 Smart Cities once each."""
    frame = gazetteer.cities()
    assert list(frame.columns) == ["city", "state", "region", "aliases"]
    assert len(frame) == 100
    assert frame["city"].is_unique
    assert frame["city"].map(normalise_name).is_unique


def test_every_city_state_is_a_canonical_state_and_every_state_has_a_city() -> None:
    """cities.csv and states.csv agree on the set of states/UTs."""
    city_states = set(gazetteer.cities()["state"])
    table_states = set(gazetteer.states()["state"])
    assert city_states == table_states
    assert all(resolve_state(s) == s for s in city_states)


def test_regions_are_from_the_fixed_list_and_north_east_means_the_eight_states() -> None:
    """Each city has one of six regions and 'North-East' is exactly the eight north-eastern states."""
    frame = gazetteer.cities()
    assert set(frame["region"]) <= REGIONS
    assert set(frame.loc[frame["region"] == "North-East", "state"]) == NORTH_EAST
    assert frame.groupby("state")["region"].nunique().max() == 1


def test_no_alias_points_at_two_cities() -> None:
    """A normalised name (canonical or alias) identifies at most one city."""
    seen: dict[str, str] = {}
    for row in gazetteer.cities().itertuples():
        for name in [row.city, *(row.aliases or "").split("|")]:
            if name:
                key = normalise_name(name)
                assert seen.setdefault(key, row.city) == row.city, name


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Bangalore", "Bengaluru"),
        ("Allahabad", "Prayagraj"),
        ("Trivandrum", "Thiruvananthapuram"),
        ("Vizag", "Visakhapatnam"),
        ("Vishakhapatnam", "Visakhapatnam"),
        ("Cochin", "Kochi"),
        ("Belgaum", "Belagavi"),
        ("Shimoga", "Shivamogga"),
        ("Tumkur", "Tumakuru"),
        ("Mangalore", "Mangaluru"),
        ("Hubli-Dharwad", "Hubballi-Dharwad"),
        ("Pondicherry", "Puducherry"),
        ("Sri Vijaya Puram", "Port Blair"),
        ("Madras", "Chennai"),
        ("Baroda", "Vadodara"),
        ("Dharamsala", "Dharamshala"),
        ("Warangal", "Greater Warangal"),
    ],
)
def test_old_names_and_spellings_resolve_by_alias(printed: str, canonical: str) -> None:
    """Known alternative names resolve to the canonical city, flagged as an alias match."""
    match = resolve_city(printed)
    assert (match.city, match.known, match.matched_by, match.printed) == (canonical, True, "alias", printed)


def test_canonical_names_resolve_exactly_whatever_the_case_dashes_and_spaces() -> None:
    """Case, hyphens and repeated spaces do not matter."""
    for printed in ["Pimpri Chinchwad", "Pimpri-Chinchwad", "PIMPRI  CHINCHWAD", "pimpri \u2013 chinchwad"]:
        assert resolve_city(printed).city == "Pimpri Chinchwad"
    assert resolve_city("kalyan dombivli").city == "Kalyan-Dombivli"
    assert resolve_city("Srinagar").matched_by == "exact"


def test_new_town_kolkata_is_its_own_city_and_kolkata_is_not_a_smart_city() -> None:
    """New Town Kolkata is a West Bengal smart city; Kolkata is unknown and kept as printed."""
    new_town = resolve_city("New Town Kolkata")
    assert (new_town.city, new_town.state, new_town.known) == ("New Town Kolkata", "West Bengal", True)
    kolkata = resolve_city("Kolkata")
    assert (kolkata.city, kolkata.printed, kolkata.known, kolkata.matched_by) == ("Kolkata", "Kolkata", False, "unknown")


def test_cities_outside_the_100_are_unknown_not_guessed() -> None:
    """No fuzzy matching: near-misses and non-members (e.g. Gurugram) stay unknown."""
    for printed in ["Gurgaon", "Gurugram", "Bengalur", "Mumbai", "Delhi"]:
        match = resolve_city(printed)
        assert (match.known, match.city, match.state) == (False, printed, None)


def test_printed_state_must_agree_with_the_city() -> None:
    """A recognised printed state filters candidates; a contradicting state makes the city unknown."""
    assert resolve_city("Aurangabad", "Maharashtra").known
    wrong = resolve_city("Aurangabad", "Bihar")
    assert (wrong.known, wrong.city, wrong.state, wrong.region) == (False, "Aurangabad", "Bihar", "East")
    assert resolve_city("Bilaspur", "Chhattisgarh").city == "Bilaspur"
    assert not resolve_city("Bilaspur", "Himachal Pradesh").known
    assert resolve_city("Jammu", "J&K").known


def test_imphal_is_in_manipur_in_the_north_east() -> None:
    """Imphal carries its state and region."""
    match = resolve_city("Imphal")
    assert (match.state, match.region) == ("Manipur", "North-East")


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Orissa", "Odisha"),
        ("Pondicherry", "Puducherry"),
        ("J&K", "Jammu and Kashmir"),
        ("Jammu & Kashmir", "Jammu and Kashmir"),
        ("jammu and kashmir", "Jammu and Kashmir"),
        ("Andaman & Nicobar Islands", "Andaman and Nicobar Islands"),
        ("Andaman and Nicobar", "Andaman and Nicobar Islands"),
        ("Dadra & Nagar Haveli", "Dadra and Nagar Haveli and Daman and Diu"),
        ("Daman & Diu", "Dadra and Nagar Haveli and Daman and Diu"),
        ("NCT of Delhi", "Delhi"),
        ("Uttaranchal", "Uttarakhand"),
        ("Chattisgarh", "Chhattisgarh"),
        ("TAMIL NADU", "Tamil Nadu"),
    ],
)
def test_state_variants_resolve_to_the_canonical_state(printed: str, canonical: str) -> None:
    """Old names, '&' and abbreviations resolve to the canonical state/UT."""
    assert resolve_state(printed) == canonical


def test_unknown_state_is_none() -> None:
    """A name that is not a state with a smart city resolves to None."""
    assert resolve_state("Ladakh") is None
    assert resolve_state("") is None


@pytest.mark.parametrize(
    ("label", "cycle"),
    [
        ("Cycle 1.0", 1), ("DMAF 1.0", 1), ("Cycle-I", 1), ("First Cycle", 1),
        ("Cycle 2.0", 2), ("DMAF 2.0", 2), ("Cycle-II", 2), ("Cycle II", 2), ("2", 2), ("2.0", 2), ("Second Cycle", 2),
        ("Cycle 3.0", 3), ("DMAF 3.0", 3), ("Cycle-III", 3), ("Cycle III", 3), ("Cycle 3", 3),
        ("Cycle IV", 4), ("cycle v", 5), ("DMAF Cycle 2.0 (2021)", 2),
    ],
)
def test_cycle_labels_resolve_to_the_cycle_number(label: str, cycle: int) -> None:
    """Arabic, decimal, roman and ordinal cycle labels all read the same."""
    assert resolve_cycle(label) == cycle


@pytest.mark.parametrize("label", ["", "City Performance", "2019", "Cycle 2.5"])
def test_unrecognised_cycle_labels_are_none(label: str) -> None:
    """Nothing recognisable means None, not a guess."""
    assert resolve_cycle(label) is None


def test_cycles_table_leaves_unknown_dates_empty() -> None:
    """Cycles 1-3 are listed; cycle 3 dates are unknown and left empty."""
    frame = gazetteer.cycles().set_index("cycle")
    assert list(frame.index) == [1, 2, 3]
    assert (frame.loc[1, "assessment_start"], frame.loc[1, "assessment_end"]) == ("2019-05", "2019-08")
    assert frame.loc[2, "assessment_start"] == "2020-11"
    assert frame.loc[3, "assessment_start"] is None and frame.loc[3, "assessment_end"] is None


def test_normalise_name_unifies_spelling_noise() -> None:
    """Diacritics, dashes, '&', dots and spacing are folded away."""
    assert normalise_name("  Pimpri\u2014Chinchwad ") == normalise_name("pimpri chinchwad")
    assert normalise_name("J & K") == normalise_name("J and K") == "j and k"
    assert normalise_name("Bengalūru") == "bengaluru"
    assert normalise_name("U.P.") == "up"


def _places(text: str, **kw: bool) -> list[tuple[str, str, str]]:
    """Return (kind, canonical, printed) of the places found in a text."""
    return [(h.kind, h.canonical, h.printed) for h in gazetteer.find_places(text, **kw)]


def test_find_places_takes_the_longest_name_first() -> None:
    """"New Delhi" is the city, "Bihar Sharif" the city, "Naya Raipur" not Raipur, "Jammu & Kashmir" the state."""
    assert _places("New Delhi Municipal Council") == [("city", "New Delhi", "New Delhi Municipal Council")]
    assert _places("Bihar Sharif, Bihar") == [("city", "Bihar Sharif", "Bihar Sharif"), ("state", "Bihar", "Bihar")]
    assert _places("Naya Raipur Atal Nagar") == [("city", "Naya Raipur", "Naya Raipur Atal Nagar")]
    assert _places("Jammu, Jammu & Kashmir") == [("city", "Jammu", "Jammu"),
                                                 ("state", "Jammu and Kashmir", "Jammu & Kashmir")]
    assert _places("Dadra and Nagar Haveli and Daman and Diu") == [
        ("state", "Dadra and Nagar Haveli and Daman and Diu", "Dadra and Nagar Haveli and Daman and Diu")]


def test_find_places_reads_names_inside_forms_aliases_capitals_and_diacritics() -> None:
    """The name is found inside "Greater X Municipal Corporation", "X Smart City Ltd", in capitals or by alias."""
    assert _places("Greater Pune Municipal Corporation") == [("city", "Pune", "Pune")]
    assert _places("Municipal Corporation of Poona") == [("city", "Pune", "Poona")]
    assert _places("SAGAR SMART CITY LTD") == [("city", "Sagar", "SAGAR")]
    assert _places("Bengalūru Smart City") == [("city", "Bengaluru", "Bengalūru")]
    assert _places("Pimpri–Chinchwad") == [("city", "Pimpri Chinchwad", "Pimpri–Chinchwad")]
    hit = gazetteer.find_places("The Belgaum Smart City")[0]
    assert (hit.start, hit.end, hit.matched_by) == (4, 11, "alias")


def test_a_span_that_names_a_city_and_a_state_gives_both() -> None:
    """Chandigarh is a city and a UT."""
    assert _places("Chandigarh") == [("city", "Chandigarh", "Chandigarh"), ("state", "Chandigarh", "Chandigarh")]


def test_find_places_matches_whole_words_and_capitalised_names_only() -> None:
    """"erode" the verb, "Kotak", "Sagarmala" and a name broken by punctuation are no places."""
    assert _places("data that erode trust") == []
    assert _places("Kotak Sagarmala") == []
    assert _places("New | Delhi") == [("state", "Delhi", "Delhi")]
    assert _places("data that erode trust", strict_case=False) == [("city", "Erode", "erode")]


def test_abbreviations_count_only_in_capitals_within_mixed_case_text() -> None:
    """"UP" is Uttar Pradesh in "Lucknow, UP", not in "follow up" nor in an all-capital line."""
    assert _places("Lucknow, UP") == [("city", "Lucknow", "Lucknow"), ("state", "Uttar Pradesh", "UP")]
    assert _places("Lucknow, follow up", strict_case=False) == [("city", "Lucknow", "Lucknow")]
    assert _places("LUCKNOW, UP") == [("city", "Lucknow", "LUCKNOW")]


def test_city_state_gives_the_state_of_a_canonical_city() -> None:
    """Only canonical Smart City names have a state."""
    assert (gazetteer.city_state("Pune"), gazetteer.city_state("Poona"), gazetteer.city_state("Gurugram")) == (
        "Maharashtra", None, None)


def test_assessment_years_map_to_cycles_and_cycle_3_has_none() -> None:
    """Cycle 1 was assessed in 2019 and cycle 2 in 2020-21 (cycles.csv ``years``); no years give cycle 3."""
    assert gazetteer.cycle_for_years(2019) == 1
    assert gazetteer.cycle_for_years(2020, 2021) == 2
    assert gazetteer.cycle_for_years(2021) is None and gazetteer.cycle_for_years(2020) is None
    assert 3 not in {gazetteer.cycle_for_years(y, y + d) for y in range(2015, 2030) for d in (0, 1)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Assessment 2020-21", [(2, "2020-21")]), ("2020\u20132021", [(2, "2020\u20132021")]),
        ("Assessment Year 2019", [(1, "2019")]), ("25 June 2021", []), ("Dated: 25/06/2021", []),
        ("2021-06-25", []), ("June, 2019", []), ("2019-20", []), ("20199", []),
    ],
)
def test_find_cycle_years_reads_year_spans_and_never_dates(text: str, found: list[tuple[int, str]]) -> None:
    """A range must be consecutive years; a year after a month name or inside a numeric date is a date."""
    assert gazetteer.find_cycle_years(text) == found
