"""Every warning code (``parsing.warning_codes.WARNINGS``) given by the parser on a hand-made report that calls
for it, and only the codes listed there ever given; a warning that leaves a score NULL does leave it NULL.

Each trigger is the smallest report that calls for its warning: a complete Cycle 2 report in plain text with
one thing changed, or, for what OCR and the choice between readings add, a report put together directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from core.records import ParsedIndicator, ParsedReport, ParseWarning, Provenance
from extractors import Extraction
from extractors.txt import lines_to_blocks
from parsing.arbiter import parse_document
from parsing.scanned import scanned_report
from parsing.warning_codes import NULLS, WARNINGS
from pipeline.document import compendium_from
from reference.catalog import load_catalog

CATALOG = load_catalog()
CYCLE_2 = sorted(CATALOG.indicators_for(2).values(), key=lambda i: (i.pillar_no, i.code))
TITLE = ["Data Maturity Assessment Framework Cycle 2.0", "City Performance & Recommendations",
         "City: Pune | State: Maharashtra", ""]


def _lines(sections: dict[str, list[str]] | None = None, *, title: list[str] = TITLE, drop: tuple[str, ...] = (),
           totals: dict[int, str] | None = None) -> list[str]:
    """A complete Cycle 2 report: each indicator's heading, a score (a third of its maximum) and a sentence of
    its own; ``sections`` replaces what follows a code's heading, ``drop`` leaves indicators out, ``totals``
    prints a line after a pillar."""
    lines, sections, totals = list(title), sections or {}, totals or {}
    for k, ind in enumerate(CYCLE_2):
        if ind.code not in drop:
            own = sections.get(ind.code, [f"Score: {ind.max_score // 3:g}/{ind.max_score:g}"])
            lines += [f"Indicator {ind.code.replace('&', ' & ')}: {ind.title}", "", *own, "",
                      f"The city is advised to improve {ind.title.lower()}.", ""]
        last = k + 1 == len(CYCLE_2) or CYCLE_2[k + 1].pillar_no != ind.pillar_no
        if last and ind.pillar_no in totals:
            lines += [totals[ind.pillar_no], ""]
    return lines


def _read(lines: list[str], source: str = "report.txt", *more: list[str]) -> ParsedReport:
    """Parse a text file's lines (and other readings of it, for the choice between readings)."""
    readings = [(f"reading {k}", lines_to_blocks(r, source=source)) for k, r in enumerate((lines, *more))]
    return parse_document(readings, source=source, format="txt")


def _compendium_missing_one() -> ParsedReport:
    """Two reports bound behind a contents page that lists a third city: the first report carries the warning."""
    pune = _lines()
    nagpur = [line.replace("Pune", "Nagpur") for line in _lines()]
    contents = ["Contents", "", "1. Pune Smart City ........ 2", "2. Nagpur Smart City ........ 5",
                "3. Nashik Smart City ........ 9", ""]
    blocks = lines_to_blocks(contents + pune + nagpur, source="compendium.txt")
    compendium = compendium_from(Extraction("txt", blocks, None), name="compendium.txt")
    assert compendium is not None and [s.report.city for s in compendium.sections] == ["Pune", "Nagpur"]
    return compendium.sections[0].report


def _compendium_not_told_apart() -> ParsedReport:
    """Pune's report, then Nagpur's title over pillars 1-2 and Nashik's over pillars 3-5 with no code going back
    between them: the part that holds both titles is not loaded, and Pune's report says so."""
    nagpur = [line.replace("Pune", "Nagpur") for line in _lines(drop=tuple(i.code for i in CYCLE_2 if i.pillar_no > 2))]
    nashik = [line.replace("Pune", "Nashik") for line in _lines(drop=tuple(i.code for i in CYCLE_2 if i.pillar_no < 3))]
    blocks = lines_to_blocks(_lines() + nagpur + nashik, source="compendium.txt")
    compendium = compendium_from(Extraction("txt", blocks, None), name="compendium.txt")
    assert compendium is not None and [s.report.city for s in compendium.sections] == ["Pune"]
    return compendium.sections[0].report


def _cycle_less_card(maxima: dict[str, str]) -> ParsedReport:
    """Pillar 2 as a scorecard table in a report that names no cycle (so no catalog maximum stands in for a
    printed one), each indicator scored 5, out of its catalog maximum unless ``maxima`` prints another."""
    rows = ["| Code | Indicator | Score | Max |", "|---|---|---|---|"]
    rows += [f"| {i.code} | {i.title} | 5 | {maxima.get(i.code, f'{i.max_score:g}')} |" for i in CYCLE_2
             if i.pillar_no == 2]
    return _read(["City Performance & Recommendations", "City: Pune | State: Maharashtra", "", *rows])


def _scan(indicators: list[ParsedIndicator], warnings: tuple[ParseWarning, ...] = (), **ocr) -> ParsedReport:
    """A report whose page 1 was read by OCR."""
    report = ParsedReport("scan.pdf", "pdf", "DMAF", 2, "Cycle 2.0", "Pune", "Maharashtra", tuple(indicators),
                          warnings=warnings)
    return scanned_report(report, "tesseract", (1,), 90.0, **ocr)


def _at(row: int | None = None, col: int | None = None) -> Provenance:
    return Provenance(f"page 1 row {row}", page=1, table=1 if row else None, row=row, col=col)


TRIGGERS: dict[str, tuple[Callable[[], ParsedReport], str | None]] = {
    # title block
    "city_not_found": (lambda: _read(_lines(title=["Data Maturity Assessment Framework Cycle 2.0", ""])), None),
    "state_not_found": (lambda: _read(_lines(title=["Data Maturity Assessment Framework Cycle 2.0", "City: Xanadu",
                                                    ""])), None),
    "cycle_not_found": (lambda: _read(_lines(title=["City Performance & Recommendations",
                                                    "City: Pune | State: Maharashtra", ""])), None),
    "city_candidates_conflict": (lambda: _read(_lines(title=[
        "Data Maturity Assessment Framework Cycle 2.0", "Pune", "Nagpur", ""])), None),
    "cycle_candidates_conflict": (lambda: _read(_lines(title=[
        "Data Maturity Assessment Framework Cycle 2.0", "Assessment 2022-23 (Cycle 3)",
        "City: Pune | State: Maharashtra", ""])), None),
    "city_from_file_name": (lambda: _read(_lines(title=["Data Maturity Assessment Framework Cycle 2.0", ""]),
                                          "pune_cycle2.txt"), None),
    "cycle_from_file_name": (lambda: _read(_lines(title=["City: Pune | State: Maharashtra", ""]),
                                           "pune_cycle2.txt"), None),
    "metadata_value_cut": (lambda: _read(_lines(title=["Data Maturity Assessment Framework Cycle 2.0",
                                                       "City: Pune; Camp | State: Maharashtra", ""])), None),
    "state_contradicts_city": (lambda: _read(_lines(title=["Data Maturity Assessment Framework Cycle 2.0",
                                                           "City: Pune | State: Kerala", ""])), None),
    # indicators and scores
    "indicator_without_score": (lambda: _read(_lines({"2.b": ["No evidence was submitted."]})), "2.b"),
    "score_not_assessed": (lambda: _read(_lines({"2.b": ["Score: Not assessed"]})), "2.b"),
    "unplaced_score": (lambda: _read(_lines({"2.b": ["No score."], "2.c": ["No score."],
                                             "2.d": ["Score: 5/15", "Attend the trainings.", "Score: 12/20"]})),
                       None),
    "score_placed_by_max_match": (lambda: _read(_lines({"2.b": ["No score."], "2.d": [
        "Score: 5/15", "Attend the trainings.", "Score: 12/20"]})), "2.b"),
    "max_differs_from_catalog": (lambda: _read(_lines({"2.d": ["Score: 5/20"], "2.e": ["Score: 5/10"]})), "2.d"),
    "max_inferred_from_pillar_total": (lambda: _cycle_less_card({"2.e": ""}), "2.e"),
    "indicator_not_in_catalog": (lambda: _read(_lines({"5.d": ["Score: 5/20", "", "Indicator 5.e: Data Labs", "",
                                                               "Score: 3/10"]})), "5.e"),
    "score_out_of_range": (lambda: _read(_lines({"2.b": ["Score: 25/20"]})), "2.b"),
    "duplicate_indicator": (lambda: _read(_lines({"5.d": ["Score: 6/20", "", "Indicator 2.b: Appointment of Data "
                                                          "Coordinators", "", "Coordinators were appointed."]})),
                            "2.b"),
    "score_conflict": (lambda: _read(_lines({"5.d": ["Score: 6/20", "", "Indicator 2.b: Appointment of Data "
                                                     "Coordinators", "", "Score: 9/20"]})), "2.b"),
    "text_cut": (lambda: _read(_lines({"5.d": ["Score: 6/20", *(f"Annex page {n}. " + "This page is left blank. "
                                                                 * 40 for n in range(500))]})), "5.d"),
    "pillar_maxima_mismatch": (lambda: _read(_lines(drop=("2.e",))), None),
    # refusals
    "placement_refused": (lambda: _read(_lines({"2.b": ["No score."], "2.d": [
        "Score: 5/15", "Attend the trainings.", "Score: 12/20"]}, drop=("2.e",))), "2.b"),
    "score_not_trusted": (lambda: _read(_lines({"1.b": ["Score: 10/30", "", "Indicator 1.d: Budget", "",
                                                        "Score: 10/40"]}, drop=("1.c&1.d",))), "1.d"),
    "codes_overlap": (lambda: _read(_lines({"1.c&1.d": ["Score: 10/40", "", "Indicator 1.d: Budget", "",
                                                        "Score: 10/40"]})), "1.d"),
    "pillar_overfull": (lambda: _cycle_less_card({"2.a": "60"}), "2.a"),
    "pillar_total_disagrees": (lambda: _read(_lines(totals={2: "Pillar 2 total: 90/100"})), "2.a"),
    "readings_disagree": (lambda: _read(_lines({"2.b": ["Score: 6/20"]}), "report.txt",
                                        _lines({"2.b": ["Score: 7/20"]})), "2.b"),
    # scanned pages
    "contents_section_missing": (_compendium_missing_one, None),
    "reports_not_told_apart": (_compendium_not_told_apart, None),
    "ocr_low_confidence": (lambda: _scan([ParsedIndicator("1.a", "Policy", 10.0, 30.0, heading_at=_at(),
                                                          score_at=_at())],
                                         doubts=({"page": 1, "text": "2.9", "why": "a second reading gave '25'",
                                                  "bbox": (306.5, 113.3, 322.8, 122.2)},)), None),
    "ocr_page_turned": (lambda: _scan([ParsedIndicator("1.a", "Policy", 10.0, 30.0, heading_at=_at(),
                                                       score_at=_at())], turned=((1, 180),)), None),
    "ocr_score_conflict": (lambda: _scan([ParsedIndicator("2.a", "CDO", 30.0, 30.0, heading_at=_at(),
                                                          score_at=_at())],
                                         (ParseWarning("score_conflict", "the text says 30/30, the card 10/30", "2.a"),
                                          )), "2.a"),
    "ocr_code_doubtful": (lambda: _scan([ParsedIndicator(code, "T", 10.0, 30.0, heading_at=_at(), score_at=_at())
                                         for code in ("1.a", "1.b", "1.e&1.k")]), "1.e&1.k"),
    "ocr_row_mismatch": (lambda: _scan([ParsedIndicator("5.b", "Use cases", 30.0, 30.0, heading_at=_at(15, 1),
                                                        score_at=_at(13, 3))]), "5.b"),
}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_the_parser_gives_each_warning_where_it_is_called_for(code: str) -> None:
    make, indicator = TRIGGERS[code]
    report = make()
    given = [(w.code, w.indicator) for w in report.warnings]
    assert code in [c for c, _ in given], given
    if indicator is not None:
        assert (code, indicator) in given, given
        ind = next(i for i in report.indicators if i.code == indicator)
        if code in NULLS:
            assert ind.score is None, ind
    assert {c for c, _ in given} <= set(WARNINGS), given


def test_a_clean_report_gives_no_warning() -> None:
    """The baseline every trigger changes one thing of reads with no warning at all."""
    assert _read(_lines()).warnings == ()


def test_every_listed_warning_has_a_trigger_and_every_given_one_is_listed() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (Path(__file__).parents[2] / "parsing").glob("*.py")
                       if p.name != "warning_codes.py")
    literal = set(re.findall(r"""(?:ParseWarning\(|left_empty\([^,]+,\s*)\s*"([a-z_]+)\"""", source))
    families = {f"{field}{suffix}" for field in ("city", "state", "cycle")
                for suffix in re.findall(r"""ParseWarning\(f"\{(?:field|name)\}(_[a-z_]+)\"""", source)}
    emitted = literal | {code for code in families if code in WARNINGS}
    assert set(TRIGGERS) == set(WARNINGS)
    assert literal <= set(WARNINGS) and emitted == set(WARNINGS), sorted(emitted ^ set(WARNINGS))
    assert NULLS <= set(WARNINGS)


@pytest.mark.parametrize("code", ["score_not_trusted", "codes_overlap", "pillar_overfull"])
def test_a_refused_code_is_located_at_its_heading(code: str) -> None:
    """The refusals about a code itself point at where that code's heading is printed."""
    make, indicator = TRIGGERS[code]
    report = make()
    ind = next(i for i in report.indicators if i.code == indicator)
    warning = next(w for w in report.warnings if w.code == code and w.indicator == indicator)
    assert ind.heading_at is not None and warning.location == ind.heading_at.location
