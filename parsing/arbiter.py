"""Choosing between readings of one document by the framework's own arithmetic, and how far to trust the choice.

Where extraction or parsing is ambiguous (a region that may or may not be a table, plain lines that may or
may not be headings), each candidate reading is parsed and checked against DMAF's invariants: the codes
form the cycle's catalog (or contiguous letters per pillar when the cycle has none), each pillar's maxima
add up to its maximum, every score is placed once and within its maximum, printed totals equal the sums.
The most consistent reading is kept; a score on which equally consistent readings disagree is left NULL
with a warning. ``confidence`` (0–1) says what the kept reading still violates, with one reason per check.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from core.blocks import Block
from core.errors import NotAReport
from core.records import ParsedIndicator, ParsedReport
from core.statuses import ScoreStatus
from parsing.finish import left_empty
from parsing.report import parse_blocks
from reference.arithmetic import adds_up
from reference.catalog import Catalog, load_catalog

CHECKS: dict[str, tuple[float, float]] = {
    # check: (weight when choosing a reading, confidence lost per occurrence)
    "catalog_indicator_missing": (3.0, 0.15),
    "indicator_not_in_catalog": (2.0, 0.10),
    "letters_not_contiguous": (2.0, 0.10),
    "pillar_missing": (3.0, 0.15),
    "pillar_maxima_mismatch": (2.0, 0.15),
    "indicator_without_score": (1.0, 0.10),
    "unplaced_score": (1.0, 0.05),
    "score_out_of_range": (2.0, 0.10),
    "score_conflict": (1.0, 0.10),
    "printed_total_mismatch": (2.0, 0.15),
    "score_placed_by_max_match": (0.5, 0.05),
    "placement_refused": (1.0, 0.10),
    "score_not_trusted": (1.0, 0.10),
    "codes_overlap": (2.0, 0.15),
    "pillar_overfull": (1.0, 0.05),
    "max_differs_from_catalog": (1.0, 0.10),
    "readings_disagree": (1.0, 0.10),
    "pillar_total_disagrees": (1.0, 0.05),
    "city_from_file_name": (0.0, 0.30),
    "cycle_from_file_name": (0.0, 0.30),
    "city_candidates_conflict": (0.0, 0.20),
    "cycle_candidates_conflict": (0.0, 0.20),
    "state_contradicts_city": (0.0, 0.10),
}
"""Every check as data: how much a violation weighs against a reading, and how much confidence it costs."""
PILLARS = (1, 2, 3, 4, 5)
NUMBER_COLUMNS = ("swapped", "percentage last", "percentage last, swapped")
"""Other ways of reading the numbers that end a scorecard row when no header names them (see parsing.report)."""
WARNING_CHECKS = frozenset(("indicator_without_score", "unplaced_score", "score_out_of_range", "score_conflict",
                            "score_placed_by_max_match", "placement_refused", "score_not_trusted", "codes_overlap",
                            "pillar_overfull", "max_differs_from_catalog", "readings_disagree",
                            "pillar_total_disagrees", "city_from_file_name", "cycle_from_file_name", "city_candidates_conflict",
                            "cycle_candidates_conflict", "state_contradicts_city"))
"""Checks read off the parser's own warnings (one violation per warning)."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One failed check: which, and a message naming the place."""

    check: str
    message: str


def _pillars(report: ParsedReport) -> dict[int, list[ParsedIndicator]]:
    """Return the report's indicators by pillar."""
    by_pillar: dict[int, list[ParsedIndicator]] = defaultdict(list)
    for ind in report.indicators:
        by_pillar[ind.pillar_no].append(ind)
    return by_pillar


def _letters(code: str) -> list[str]:
    """Return the letters of a code ("1.c&1.d" -> ["c", "d"])."""
    return [part.split(".", 1)[1] for part in code.split("&") if "." in part]


def violations(report: ParsedReport, catalog: Catalog) -> list[Violation]:
    """Return every invariant of the framework that a parsed report breaks."""
    found: list[Violation] = []
    known = catalog.indicators_for(report.cycle)
    codes = {i.code for i in report.indicators}
    by_pillar = _pillars(report)
    if known:
        found += [Violation("catalog_indicator_missing", f"indicator {code} of the cycle {report.cycle} catalog "
                            "was not found") for code in sorted(set(known) - codes)]
        found += [Violation("indicator_not_in_catalog", f"indicator {code} is not in the cycle {report.cycle} "
                            "catalog") for code in sorted(codes - set(known))]
    else:
        for pillar, members in sorted(by_pillar.items()):
            letters = sorted(letter for ind in members for letter in _letters(ind.code))
            expected = [chr(ord("a") + k) for k in range(len(letters))]
            if letters != expected:
                found.append(Violation("letters_not_contiguous", f"pillar {pillar}: indicator letters "
                                       f"{', '.join(letters)} are not a, b, c, … without gaps"))
    found += [Violation("pillar_missing", f"pillar {p} has no indicator") for p in PILLARS if p not in by_pillar]
    for pillar, members in sorted(by_pillar.items()):
        total = sum(i.max_score or 0.0 for i in members)
        if not adds_up(total, catalog.pillar_max(report.cycle, pillar)):
            found.append(Violation("pillar_maxima_mismatch", f"pillar {pillar}: indicator maxima add up to "
                                   f"{total:g}, not {catalog.pillar_max(report.cycle, pillar):g}"))
    for total in report.printed_totals:
        members = report.indicators if total.pillar_no is None else by_pillar.get(total.pillar_no, [])
        scored = sum(i.score or 0.0 for i in members)
        if not adds_up(scored, total.score):
            what = "overall total" if total.pillar_no is None else f"pillar {total.pillar_no} total"
            found.append(Violation("printed_total_mismatch", f"printed {what} {total.score:g} but the scores "
                                   f"add up to {scored:g}"))
    found += [Violation(w.code, w.message) for w in report.warnings if w.code in WARNING_CHECKS]
    return found


def penalty(found: list[Violation]) -> float:
    """Return how strongly a set of violations speaks against a reading."""
    return sum(CHECKS[v.check][0] for v in found)


def confidence(found: list[Violation]) -> tuple[float, tuple[str, ...]]:
    """Return (confidence 0-1, one reason per violation) for the kept reading."""
    lost = sum(CHECKS[v.check][1] for v in found)
    return max(0.0, round(1.0 - lost, 3)), tuple(v.message for v in found)


def choose(readings: list[tuple[str, ParsedReport]], catalog: Catalog) -> ParsedReport:
    """Return the most consistent reading (the first among equals), scored and with its confidence.

    Scores on which equally consistent readings disagree are left NULL with a ``readings_disagree`` warning.
    """
    if not readings:
        raise ValueError("choose needs at least one reading")
    scored = [(penalty(violations(report, catalog)), k, label, report) for k, (label, report) in
              enumerate(readings)]
    best = min(scored, key=lambda item: (item[0], item[1]))
    report = best[3]
    rivals = [r for pen, _, _, r in scored if pen == best[0] and r is not report]
    report = _refuse_against_totals(_resolve_disagreements(report, rivals, best[2]))
    level, reasons = confidence(violations(report, catalog))
    extra = dict(report.extra) | {"reading": best[2], "readings": [label for label, _ in readings]}
    return replace(report, confidence=level, confidence_reasons=reasons, extra=extra)


def _refuse_against_totals(report: ParsedReport) -> ParsedReport:
    """Return the report with the scores of a pillar left NULL where the pillar's printed total says they are
    not its scores: every indicator of the pillar read (or printed as not assessed), yet they do not add up to
    the total printed for it. A misread column would otherwise put maxima or another column in as scores."""
    by_pillar: dict[int, list] = {}
    for ind in report.indicators:
        by_pillar.setdefault(ind.pillar_no, []).append(ind)
    refused: dict[int, str] = {}
    for total in report.printed_totals:
        members = by_pillar.get(total.pillar_no, []) if total.pillar_no is not None else []
        complete = members and all(i.score is not None or i.score_status == ScoreStatus.NOT_ASSESSED for i in members)
        added = sum(i.score or 0.0 for i in members)
        if complete and not adds_up(added, total.score):
            refused[total.pillar_no] = f"printed total {total.score:g} but its scores add up to {added:g}"
    return _left_empty(report, "pillar_total_disagrees", {
        ind.code: (f"indicator {ind.code}: pillar {ind.pillar_no} {refused[ind.pillar_no]}, so its score is left "
                   f"empty", ind.score_at.location if ind.score_at else None)
        for ind in report.indicators if ind.pillar_no in refused and ind.score is not None})


def _resolve_disagreements(report: ParsedReport, rivals: list[ParsedReport], label: str) -> ParsedReport:
    """Return the report with every score that an equally consistent rival reads differently left NULL."""
    why: dict[str, tuple[str, str | None]] = {}
    for ind in report.indicators:
        others = {r_ind.score for r in rivals for r_ind in r.indicators if r_ind.code == ind.code}
        if ind.score is not None and others - {ind.score}:
            shown = ", ".join(sorted(f"{o:g}" if o is not None else "none" for o in others | {ind.score}))
            why[ind.code] = (f"indicator {ind.code}: equally consistent readings of the document give {shown}; "
                             f"its score is left empty", ind.heading_at.location if ind.heading_at else None)
    return _left_empty(report, "readings_disagree", why)


def _left_empty(report: ParsedReport, code: str, why: dict[str, tuple[str, str | None]]) -> ParsedReport:
    """Return the report with the scores of the indicators in ``why`` (by code) left NULL, each with a ``code``
    warning (message, location) saying why."""
    if not why:
        return report
    indicators, notes = left_empty(report.indicators, code, {
        k: why[ind.code] for k, ind in enumerate(report.indicators) if ind.code in why})
    return replace(report, indicators=indicators, warnings=report.warnings + tuple(notes))


def parse_document(readings: list[tuple[str, list[Block]]], *, source: str, format: str, pages: int | None = None,
                   catalog: Catalog | None = None) -> ParsedReport:
    """Return the report of a document from its readings (the default first), choosing by consistency.

    Each reading is parsed as printed and, unless that is already fully consistent, also with bare-code
    lines taken as headings (every reading is parsed, so that consistent readings that disagree are seen);
    where scorecard rows end in numbers with no header naming them, the other
    column orders are tried on the most consistent reading. Raise ``NotAReport`` when no reading has an
    indicator.
    """
    catalog = catalog or load_catalog()
    candidates: list[tuple[str, ParsedReport]] = []
    tried: dict[str, tuple[list[Block], bool, frozenset[str] | None]] = {}
    refusal: NotAReport | None = None
    for label, blocks in readings:
        for bare in (False, True):
            name = f"{label}, bare-code headings" if bare else label
            try:
                report = parse_blocks(blocks, source=source, format=format, pages=pages, catalog=catalog,
                                      bare_headings=bare)
            except NotAReport as exc:
                refusal = refusal or exc
                continue
            candidates.append((name, report))
            tried[name] = (blocks, bare, None)
            if not bare and not violations(report, catalog):
                break  # this reading is fully consistent as printed: no need to take bare codes for headings
    if len(candidates) == 1 and not violations(candidates[0][1], catalog):
        return choose(candidates, catalog)
    candidates += _titled_readings(readings, candidates, tried, source=source, format=format, pages=pages,
                                   catalog=catalog)
    if not candidates:
        raise refusal or NotAReport(source, "not a DMAF report: no indicators found")
    best_name, best = min(candidates, key=lambda c: penalty(violations(c[1], catalog)))
    if best.extra.get("number_rows") and violations(best, catalog):
        blocks, bare, titled = tried[best_name]
        for order in NUMBER_COLUMNS:
            report = parse_blocks(blocks, source=source, format=format, pages=pages, catalog=catalog,
                                  bare_headings=bare, number_columns=order, titled=titled)
            candidates.append((f"{best_name}, numbers {order}", report))
    return choose(candidates, catalog)


def _titled_readings(readings: list[tuple[str, list[Block]]], candidates: list[tuple[str, ParsedReport]],
                     tried: dict[str, tuple[list[Block], bool, frozenset[str] | None]], *, source: str, format: str,
                     pages: int | None, catalog: Catalog) -> list[tuple[str, ParsedReport]]:
    """Return the readings in which indicators named by their catalog title alone are read too
    (``parsing.titles``), when no reading as printed has every indicator of its cycle's catalog: each
    reading once more, with the codes its best reading as printed already has left as they are."""
    best = min(candidates, key=lambda c: penalty(violations(c[1], catalog)))[1] if candidates else None
    if best is not None and not any(v.check == "catalog_indicator_missing" for v in violations(best, catalog)):
        return []
    known = frozenset(i.code for i in best.indicators) if best is not None else frozenset()
    found: list[tuple[str, ParsedReport]] = []
    for label, blocks in readings:
        name = f"{label}, indicators named by title"
        try:
            report = parse_blocks(blocks, source=source, format=format, pages=pages, catalog=catalog,
                                  titled=known)
        except NotAReport:
            continue
        found.append((name, report))
        tried[name] = (blocks, False, known)
    return found
