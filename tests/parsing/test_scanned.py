"""A report read by OCR: what OCR did is recorded, and the readings OCR makes doubtful are left empty."""

from __future__ import annotations

from core.records import ParsedIndicator, ParsedReport, ParseWarning, Provenance
from parsing.scanned import scanned_report


def _indicator(code: str, score: float | None, page: int) -> ParsedIndicator:
    at = Provenance(f"page {page}", page=page)
    return ParsedIndicator(code, f"Title {code}", score, 30.0, heading_at=at, score_at=at if score is not None else None)


def _report(indicators: list[ParsedIndicator], warnings: tuple[ParseWarning, ...] = ()) -> ParsedReport:
    return ParsedReport("scan.pdf", "pdf", "DMAF", 2, "Cycle 2.0", "Pune", "Maharashtra", tuple(indicators),
                        warnings=warnings)


def test_what_ocr_did_is_recorded_with_a_warning_per_doubt_and_per_turned_page() -> None:
    doubt = {"page": 2, "text": "2.9", "why": "a second reading gave '25'", "bbox": (306.5, 113.3, 322.8, 122.2)}

    report = scanned_report(_report([_indicator("1.a", 10.0, 1)]), "tesseract", (1, 2), 93.4, (doubt,), ((2, 180),))

    assert report.extra["ocr"] == {"engine": "tesseract", "pages": [1, 2], "confidence": 93.4}
    assert [(w.code, w.location) for w in report.warnings] == [("ocr_low_confidence", "page 2"),
                                                              ("ocr_page_turned", "page 2")]
    assert "box (306, 113, 323, 122) pt: OCR read '2.9' (a second reading gave '25')" in report.warnings[0].message
    assert report.indicators[0].score == 10.0


def test_a_conflicting_score_read_by_ocr_is_left_empty_but_not_one_from_a_text_page() -> None:
    conflict = (ParseWarning("score_conflict", "the text says 30/30 but the scorecard says 10/30", "2.a"),
                ParseWarning("score_conflict", "the text says 5/30 but the scorecard says 15/30", "2.b"))
    indicators = [_indicator("2.a", 30.0, 2), _indicator("2.b", 5.0, 1)]

    report = scanned_report(_report(indicators, conflict), "tesseract", (2,), 90.0)

    assert [i.score for i in report.indicators] == [None, 5.0]
    assert [w.indicator for w in report.warnings if w.code == "ocr_score_conflict"] == ["2.a"]


def test_a_code_past_its_pillars_letters_is_doubtful_one_missing_letter_is_not() -> None:
    indicators = [_indicator(code, 10.0, 1) for code in ("1.a", "1.b", "1.e&1.k", "3.b", "3.c", "3.d")]

    report = scanned_report(_report(indicators), "tesseract", (1,), 90.0)

    assert {i.code: i.score for i in report.indicators} == {"1.a": 10.0, "1.b": 10.0, "1.e&1.k": None,
                                                            "3.b": 10.0, "3.c": 10.0, "3.d": 10.0}
    assert [w.indicator for w in report.warnings if w.code == "ocr_code_doubtful"] == ["1.e&1.k"]


def test_a_score_from_another_row_of_the_codes_table_on_a_scanned_page_is_left_empty() -> None:
    def cell(page: int, row: int, col: int) -> Provenance:
        return Provenance(f"page {page} table 2 row {row} cell {col}", page=page, table=2, row=row, col=col)

    stray = ParsedIndicator("5.b", "Use cases", 30.0, 30.0, heading_at=cell(1, 15, 1), score_at=cell(1, 13, 3))
    own = ParsedIndicator("5.a", "Stories", 2.5, 30.0, heading_at=cell(1, 14, 1), score_at=cell(1, 14, 3))

    scanned = scanned_report(_report([own, stray]), "tesseract", (1,), 90.0)
    typed = scanned_report(_report([own, stray]), "tesseract", (2,), 90.0)  # page 1 had a text layer

    assert [i.score for i in scanned.indicators] == [2.5, None]
    assert [w.indicator for w in scanned.warnings if w.code == "ocr_row_mismatch"] == ["5.b"]
    assert [i.score for i in typed.indicators] == [2.5, 30.0]


def test_a_code_no_cycle_of_the_framework_has_is_doubtful() -> None:
    codes = ("2.a", "2.b", "2.c", "2.d", "2.e", "2.g", "37.a", "5.a", "5.b", "5.c", "5.d", "5.e")

    report = scanned_report(_report([_indicator(code, 10.0, 1) for code in codes]), "tesseract", (1,), 90.0)

    assert [i.code for i in report.indicators if i.score is None] == ["2.g", "37.a"]  # 5.e: a cycle may add one
