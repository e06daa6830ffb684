"""A report read (partly) by OCR: what OCR did, recorded, and the readings it makes doubtful, left empty (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.records import ParsedReport, ParseWarning
from parsing.finish import left_empty
from reference.catalog import Catalog, load_catalog


def scanned_report(report: ParsedReport, engine: str, pages: Sequence[int], confidence: float,
                   doubts: Sequence[dict] = (), turned: Sequence[tuple[int, int]] = ()) -> ParsedReport:
    """Return a report read (partly) by OCR with what OCR did recorded: the ``engine``, the ``pages`` it read and
    its mean word ``confidence`` in ``extra["ocr"]``, a warning for each number it could not trust (``doubts``:
    page, text, why, bbox) and for each page it had to turn (``turned``: page, degrees).

    Two readings OCR makes likelier are not trusted on its pages: where the parser found one indicator printed
    with two scores and kept one (``score_conflict``), the kept one is left empty; so is the score of an
    indicator whose code has a letter further down the alphabet than its pillar's letters reach, or that no cycle
    of the framework could have (a pillar it lacks, a letter past its pillar's most and one), and a score
    read on another row of the table the indicator's code stands in."""
    warnings = [ParseWarning("ocr_low_confidence",
                             f"page {d['page']}, box ({', '.join(f'{v:.0f}' for v in d['bbox'])}) pt: OCR read "
                             f"{d['text']!r} ({d['why']}): not trusted, left unread", location=f"page {d['page']}")
                for d in doubts]
    warnings += [ParseWarning("ocr_page_turned", f"page {page} was scanned turned; it was read after turning it "
                              f"{turn}° counter-clockwise", location=f"page {page}") for page, turn in turned]
    extra = {**report.extra, "ocr": {"engine": engine, "pages": list(pages), "confidence": confidence}}
    conflicts = {w.indicator for w in report.warnings if w.code == "score_conflict"}
    scanned = set(pages)
    indicators, refused = left_empty(report.indicators, "ocr_score_conflict", {
        k: (f"indicator {ind.code} is printed with two different scores and one was read by OCR (page "
            f"{ind.score_at.page}); neither is trusted, its score is left empty", ind.score_at.location)
        for k, ind in enumerate(report.indicators)
        if ind.code in conflicts and ind.score is not None and ind.score_at is not None
        and ind.score_at.page in scanned})
    gaps = _after_a_gap(indicators) | _outside_the_framework(indicators, load_catalog())
    indicators, doubtful = left_empty(indicators, "ocr_code_doubtful", {
        k: (f"indicator {ind.code}, read by OCR on page {ind.heading_at.page}, has a pillar or letter beyond what "
            "its pillar (or the framework) has: its code may be misread, its score is left empty",
            ind.heading_at.location)
        for k, ind in enumerate(indicators)
        if k in gaps and ind.score is not None and ind.heading_at is not None and ind.heading_at.page in scanned})
    indicators, strays = left_empty(indicators, "ocr_row_mismatch", {
        k: (f"indicator {ind.code}'s score was read on another row ({ind.score_at.location}) of the table its code "
            f"stands in ({ind.heading_at.location}), on a page read by OCR; its score is left empty",
            ind.score_at.location)
        for k, ind in enumerate(indicators) if ind.score is not None and _other_row(ind, scanned)})
    return replace(report, indicators=indicators,
                   warnings=(*report.warnings, *warnings, *refused, *doubtful, *strays), extra=extra)


def _other_row(ind, scanned: set[int]) -> bool:
    """Return True when an indicator's code and score were read in one table of a scanned page, on two rows."""
    heading, score = ind.heading_at, ind.score_at
    return (heading is not None and score is not None and heading.table is not None and score.page in scanned
            and (heading.page, heading.table) == (score.page, score.table) and heading.row != score.row)


def _after_a_gap(indicators) -> set[int]:
    """Return the positions of indicators with a letter that lies further down the alphabet than its pillar's
    letters reach, one missing letter allowed (1.a, 1.b, 1.c&1.d, then "1.e&1.k": k is the 11th letter of a
    pillar with 6), as a misread code's would."""
    letters: dict[int, set[str]] = {}
    for ind in indicators:
        letters.setdefault(ind.pillar_no, set()).update(_letters(ind.code))
    return {k for k, ind in enumerate(indicators)
            if any(ord(letter) - ord("a") + 1 > len(letters[ind.pillar_no]) + 1 for letter in _letters(ind.code))}


def _outside_the_framework(indicators, catalog: Catalog) -> set[int]:
    """Return the positions of indicators whose code no cycle of the framework could have: a pillar it does not
    have ("37.a"), or a letter past the most its pillar has had in any known cycle, and one more ("2.g")."""
    most: dict[int, int] = {}
    for cycle in catalog.cycles():
        for ind in catalog.indicators_for(cycle).values():
            for letter in _letters(ind.code):
                most[ind.pillar_no] = max(most.get(ind.pillar_no, 0), ord(letter) - ord("a") + 1)
    return {k for k, ind in enumerate(indicators)
            if ind.pillar_no not in most or any(ord(letter) - ord("a") + 1 > most[ind.pillar_no] + 1
                                                for letter in _letters(ind.code))}


def _letters(code: str) -> list[str]:
    """Return the letters of a code ("1.c&1.d" -> ["c", "d"])."""
    return [part.split(".", 1)[1][:1] for part in code.split("&") if "." in part]
