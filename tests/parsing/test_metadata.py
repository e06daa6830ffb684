"""Specification of the metadata reader: city, state and cycle read by zone of trust, never guessed silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.blocks import Block
from extractors import extract_txt
from parsing import grammar as g
from parsing.metadata import MetadataReading, read_metadata

SEED = Path(__file__).resolve().parents[1] / "seed" / "imphal_manipur_cycle2.txt"
HEADING = "Indicator 1.a: Approval of City Data Policy"
BODY = [HEADING, "Score: 10/30", "Cities like Surat and Pune have published their data policies."]


def _blocks(*texts: str, kinds: dict[int, str] | None = None, pages: list[int] | None = None) -> list[Block]:
    """Return paragraph blocks (other kinds by index), on the given pages or without pages."""
    kinds = kinds or {}
    return [
        Block(kinds.get(i, "paragraph"), t, i, f"page {pages[i]}" if pages else f"line {i + 1}",
              page=pages[i] if pages else None)
        for i, t in enumerate(texts)
    ]


def _read(blocks: list[Block], source: str = "report.pdf") -> MetadataReading:
    """Read the metadata, with the first indicator heading found as the parser finds it."""
    first = next((i for i, b in enumerate(blocks) if g.match_heading(b.text, allow_bare=b.kind == "heading")),
                 len(blocks))
    return read_metadata(blocks, source=source, first_heading=first)


def _method(reading: MetadataReading, field: str) -> str:
    """Return how a field was read."""
    return next(v.method for v in reading.values if v.field == field)


def _codes(reading: MetadataReading) -> list[str]:
    """Return the warning codes."""
    return [w.code for w in reading.warnings]


@pytest.mark.parametrize(
    ("printed", "city"),
    [
        ("Surat Smart City Development Limited — DMAF 2.0 Assessment", "Surat"),
        ("SAGAR", "Sagar"),
        ("Greater Prayagraj Municipal Corporation", "Prayagraj"),
        ("Municipal Corporation of Aurangabad", "Aurangabad"),
        ("Shimla Smart City Ltd.", "Shimla"),
        ("Thanjavur Nagar Nigam", "Thanjavur"),
        ("Poona Smart City Limited", "Pune"),
        ("Bengalūru", "Bengaluru"),
        ("NEW DELHI MUNICIPAL COUNCIL", "New Delhi"),
        ("Bihar Sharif Smart City Limited", "Bihar Sharif"),
        ("Naya Raipur Atal Nagar", "Naya Raipur"),
    ],
)
def test_a_city_printed_in_the_title_block_in_any_form_is_found_without_a_label(printed: str, city: str) -> None:
    """The title block names the city inside its organisation's name, in capitals, or by an alias."""
    reading = _read(_blocks("Data Maturity Assessment Framework", printed, *BODY))
    assert (reading.city, _method(reading, "city")) == (city, "title_block")
    assert _codes(reading) == []


def test_the_address_block_of_a_cover_letter_names_the_city_and_the_state_follows_from_it() -> None:
    """"The Municipal Commissioner, / Silvassa Municipal Council," is the city; its state comes from the gazetteer."""
    reading = _read(_blocks("To,\nThe Municipal Commissioner,\nSilvassa Municipal Council,\nSilvassa - 396230", *BODY))
    assert (reading.city, reading.state) == ("Silvassa", "Dadra and Nagar Haveli and Daman and Diu")
    assert _method(reading, "state") == "from_city"


def test_the_ministry_address_of_the_sender_is_not_the_city() -> None:
    """"… Nirman Bhawan, New Delhi" is where the letter comes from."""
    reading = _read(_blocks("Ministry of Housing and Urban Affairs, Nirman Bhawan, New Delhi", "Kota Smart City Ltd",
                            *BODY))
    assert reading.city == "Kota" and reading.candidates == ("Kota (title block, line 2)",)


def test_a_running_header_names_the_city_when_the_title_block_does_not() -> None:
    """Header and footer blocks are read anywhere in the document."""
    blocks = _blocks("DMAF Cycle 2.0", *BODY, "Dahod Smart City | Cycle 2.0", kinds={4: "header"})
    reading = _read(blocks)
    assert (reading.city, _method(reading, "city")) == ("Dahod", "running_header")


def test_a_short_line_repeated_on_many_pages_is_a_running_header() -> None:
    """Text exports have no header blocks: the repeated line is the header."""
    reading = _read(_blocks("DMAF 2.0", *BODY, "Karnal | DMAF 2.0", "Text.", "Karnal | DMAF 2.0", "Karnal | DMAF 2.0"))
    assert (reading.city, _method(reading, "city")) == ("Karnal", "running_header")


def test_a_short_line_on_the_first_page_after_the_first_heading_counts_but_not_on_later_pages() -> None:
    """The first page may print the city below a summary; later pages are recommendation text."""
    pages = [1, 1, 1, 1]
    assert _method(_read(_blocks(HEADING, "Score: 1/30", "Score card", "JHANSI", pages=pages)), "city") == "first_page"
    assert _read(_blocks(HEADING, "Score: 1/30", "Score card", "JHANSI", pages=[1, 1, 2, 2])).city is None


def test_cities_mentioned_in_the_recommendations_are_never_the_city() -> None:
    """Body text after the first heading is read only through a label."""
    reading = _read(_blocks("DMAF 2.0", *BODY, "Learn from the Indore Smart City portal."))
    assert (reading.city, reading.candidates) == (None, ())


def test_a_label_anywhere_names_the_city_and_a_label_in_the_title_block_beats_a_name_beside_it() -> None:
    """"ULB: Madurai" in the body counts; "City: Pune" wins over another city printed next to it, with a warning."""
    assert _method(_read(_blocks("DMAF 2.0", *BODY, "ULB: Madurai")), "city") == "label"
    reading = _read(_blocks("Surat Municipal Corporation", "City: Pune", *BODY))
    assert (reading.city, _method(reading, "city")) == ("Pune", "label")
    assert _codes(reading) == ["city_candidates_conflict"] and "Surat" in reading.warnings[0].message


def test_a_table_cell_pair_is_a_label() -> None:
    """"Smart City" | "Coimbatore" and "State / UT" | "Tamil Nadu" are read as labelled values."""
    cells = [Block("table_cell", t, i, f"table 1 row {i // 2 + 1} cell {i % 2 + 1}", table=1, row=i // 2 + 1,
                   col=i % 2 + 1) for i, t in enumerate(["Smart City", "Coimbatore", "State / UT", "Tamil Nadu"])]
    reading = _read(cells + _blocks(*BODY))
    assert (reading.city, reading.state, _method(reading, "city"), _method(reading, "state")) == (
        "Coimbatore", "Tamil Nadu", "label", "label")


def test_two_cities_in_the_title_block_give_a_warning_and_a_printed_state_decides() -> None:
    """Never a silent pick: the city that agrees with the printed state wins, and the warning names both."""
    reading = _read(_blocks("Surat Municipal Corporation", "Pune Smart City Ltd", "State: Maharashtra", *BODY))
    assert reading.city == "Pune"
    [warning] = reading.warnings
    assert warning.code == "city_candidates_conflict" and "Surat" in warning.message and "Pune" in warning.message


def test_without_label_or_state_the_first_printed_city_wins_with_a_warning() -> None:
    """Equal evidence: the first printed, and a warning."""
    reading = _read(_blocks("Rajkot Smart City Ltd", "Vadodara Smart City Ltd", *BODY))
    assert (reading.city, _codes(reading)) == ("Rajkot", ["city_candidates_conflict"])


def test_an_unknown_city_under_a_label_is_kept_as_printed_with_its_printed_state() -> None:
    """Gurugram is not a Smart City: the loader flags it, the reader does not drop it."""
    reading = _read(_blocks("City: Gurugram | State: Haryana", "DMAF 2.0", *BODY))
    assert (reading.city, reading.state, _codes(reading)) == ("Gurugram", "Haryana", [])


def test_a_printed_state_that_contradicts_the_city_is_warned_and_the_gazetteer_state_kept() -> None:
    """Pune is in Maharashtra, whatever the report says."""
    reading = _read(_blocks("City: Pune | State: Bihar", *BODY))
    assert (reading.state, _codes(reading), _method(reading, "state")) == (
        "Maharashtra", ["state_contradicts_city"], "from_city")


def test_a_printed_state_that_agrees_is_recorded_as_printed() -> None:
    """"Shimla Smart City Ltd, HP": the abbreviation agrees with the city."""
    reading = _read(_blocks("Shimla Smart City Ltd, HP — Cycle 1.0", *BODY))
    state = next(v for v in reading.values if v.field == "state")
    assert (state.value, state.printed, state.method) == ("Himachal Pradesh", "HP", "title_block")


def test_names_match_whole_words_only_and_words_in_lower_case_are_not_names() -> None:
    """"erode", "Kotak" and "Sagarmala" are no cities."""
    reading = _read(_blocks("Data that erode trust", "Kotak Sagarmala Report", *BODY))
    assert reading.city is None


@pytest.mark.parametrize(
    ("printed", "cycle", "label"),
    [
        ("Data Maturity Assessment Framework Cycle 2.0", 2, "Cycle 2.0"),
        ("Data Maturity Assessment Framework (DMAF 1.0)", 1, "DMAF 1.0"),
        ("Cycle-II – City Report", 2, "Cycle-II"),
        ("Data Maturity Assessment Framework (DMAF Cycle III)", 3, "DMAF Cycle III"),
        ("Second Cycle Assessment", 2, "Second Cycle"),
        ("DMAF 2nd Cycle", 2, "2nd Cycle"),
        ("Data Maturity Assessment Framework – Assessment 2020–21", 2, "2020–21"),
        ("DMAF Assessment 2020-2021", 2, "2020-2021"),
        ("Assessment Year: 2019", 1, "2019"),
    ],
)
def test_the_cycle_is_read_from_its_printed_forms(printed: str, cycle: int, label: str) -> None:
    """Decimal, roman, ordinal and the assessment years all name a cycle."""
    reading = _read(_blocks(printed, *BODY))
    assert (reading.cycle, reading.cycle_label) == (cycle, label)


def test_a_cycle_broken_over_two_title_lines_is_joined() -> None:
    """A PDF title wraps "(DMAF" / "2.0)"."""
    assert _read(_blocks("Data Maturity Assessment Framework (DMAF", "2.0)", *BODY)).cycle_label == "DMAF 2.0"


@pytest.mark.parametrize(
    "printed",
    ["Dated: 25/06/2021 – DMAF", "DMAF report, 25 June 2021", "Assessment 2021", "2020-21", "Cycle 2.5",
     "DMAF Assessment 2019-20"],
)
def test_dates_years_of_no_cycle_and_years_out_of_context_give_no_cycle(printed: str) -> None:
    """A date is not an assessment year; "2021" alone is no known cycle; years need a DMAF context."""
    assert _read(_blocks(printed, *BODY)).cycle is None


def test_explicit_cycle_beats_years_and_a_disagreement_is_warned() -> None:
    """"DMAF 3.0" is explicit; "2020-21" elsewhere contradicts it."""
    agreeing = _read(_blocks("DMAF Cycle 2.0 (Assessment 2020-21)", *BODY))
    assert (agreeing.cycle, _method(agreeing, "cycle"), _codes(agreeing)) == (2, "title_block", [])
    reading = _read(_blocks("Assessment 2020-21", "DMAF 3.0", *BODY))
    assert (reading.cycle, _codes(reading)) == (3, ["cycle_candidates_conflict"])


def test_years_alone_give_the_cycle_with_method_years() -> None:
    """The mapping comes from reference/cycles.csv."""
    assert _method(_read(_blocks("DMAF Assessment 2020-21", *BODY)), "cycle") == "years"


def test_a_cycle_mentioned_in_the_recommendations_is_ignored() -> None:
    """"… in the next cycle (Cycle 3.0)" is body text."""
    assert _read(_blocks("Data Maturity Assessment Framework", *BODY, "Prepare for the next cycle (Cycle 3.0).")).cycle \
        is None


def test_the_file_name_is_the_last_resort_and_always_warned_about() -> None:
    """Nothing printed: the file name names city and cycle, with a warning each."""
    reading = _read(_blocks("Data Maturity Assessment Framework", *BODY), source="/data/in/pune_cycle2.pdf")
    assert (reading.city, reading.state, reading.cycle) == ("Pune", "Maharashtra", 2)
    assert set(_codes(reading)) == {"city_from_file_name", "cycle_from_file_name"}
    assert _method(reading, "city") == "file_name"
    printed = _read(_blocks("Agra Smart City Ltd", *BODY), source="pune.pdf")
    assert (printed.city, _codes(printed)) == ("Agra", [])


def test_two_cities_in_the_file_name_give_none_and_a_warning() -> None:
    """No guess from a file name that names two cities."""
    reading = _read(_blocks("DMAF 2.0", *BODY), source="pune_vs_surat.pdf")
    assert (reading.city, _codes(reading)) == (None, ["city_candidates_conflict"])


def test_every_city_candidate_is_listed_for_the_error_message() -> None:
    """Candidates name the value and the zone it came from."""
    reading = _read(_blocks("Surat Municipal Corporation", "City: Pune", *BODY))
    assert reading.candidates == ("Surat (title block, line 1)", "Pune (label, line 2)")


def test_the_real_imphal_report_reads_imphal_manipur_cycle_2() -> None:
    """The seed report's title block: "… Cycle 2.0" and "City: Imphal | State: Manipur"."""
    reading = _read(extract_txt(SEED))
    assert (reading.city, reading.state, reading.cycle, reading.cycle_label, reading.framework) == (
        "Imphal", "Manipur", 2, "Cycle 2.0", "Data Maturity Assessment Framework")
    assert _method(reading, "city") == "label" and reading.warnings == ()


def test_a_labelled_value_cut_at_a_semicolon_is_read_and_says_what_was_left() -> None:
    """"City: Imphal; DROP TABLE city;--": Imphal, and a warning quoting what followed the semicolon as printed;
    a city that is only punctuation and SQL is no city at all (the report is refused naming why, never stored
    cut)."""
    from core.errors import MissingMetadata
    from core.options import ParseOptions
    from pipeline.document import parse_bytes
    from tests.conftest import SEED_TXT

    seed = SEED_TXT.read_text(encoding="utf-8")
    title = "City: Imphal | State: Manipur"
    cut = parse_bytes(seed.replace(title, "City: Imphal; DROP TABLE city;-- | State: Manipur").encode(),
                      name="cut.txt", options=ParseOptions(settle_s=0))
    assert (cut.city, cut.state) == ("Imphal", "Manipur")
    (warning,) = [w for w in cut.warnings if w.code == "metadata_value_cut"]
    assert "printed 'Imphal' then '; DROP TABLE city;--' after a semicolon; only Imphal was read" in warning.message
    whole = parse_bytes(seed.encode(), name="whole.txt", options=ParseOptions(settle_s=0))
    assert not [w for w in whole.warnings if w.code == "metadata_value_cut"]
    hostile = seed.replace(title, "City: Robert'); DROP TABLE city;-- | State: Manipur").encode()
    with pytest.raises(MissingMetadata, match="no city could be placed"):
        parse_bytes(hostile, name="hostile.txt", options=ParseOptions(settle_s=0))


def test_a_cycle_called_the_previous_one_is_never_the_report_s() -> None:
    blocks = _blocks("Comparative Performance Statement", "Smart City: Pune | State: Maharashtra",
                     "Current assessment: Cycle-II (compared with the previous round, Cycle 1.0)",
                     "Cycle 1.0\n(previous)", "Cycle-II\n(current)", *BODY)
    assert _read(blocks).cycle == 2
    alone = _blocks("City Performance", "Smart City: Pune | State: Maharashtra", "Cycle 1 (previous)", *BODY)
    assert _read(alone).cycle is None  # the only cycle printed is called an earlier one: not placed, not guessed
