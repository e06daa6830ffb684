"""Freezing drafts into records, with the parse-quality warnings that go with them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from core.blocks import Block
from core.defaults import MAX_TEXT_CHARS
from core.records import ParsedIndicator, ParsedReport, ParseWarning, PrintedTotal
from core.statuses import ScoreStatus
from parsing.drafts import Draft, LooseScore, provenance_of
from parsing.metadata import MetadataReading
from reference.arithmetic import adds_up, remaining_max, within_range
from reference.catalog import Catalog


def code_sort_key(code: str) -> tuple[int, str]:
    """Sort "1.a" < "1.c&1.d" < "2.a" < "10.a"."""
    pillar, _, rest = code.partition(".")
    return int(pillar), rest


def finish_report(
    *,
    source: str,
    format: str,
    pages: int | None,
    catalog: Catalog,
    cycle: int | None,
    metadata: MetadataReading,
    drafts: list[Draft],
    loose: list[LooseScore],
    totals: list[PrintedTotal],
    unread: list[Block] = (),
) -> ParsedReport:
    """Return the frozen report: one indicator per code, sorted, with every warning. ``unread`` are the blocks
    holding a number OCR could not read (U+FFFD): a score read on the same printed row is not trusted."""
    known = catalog.indicators_for(cycle)
    warnings: list[ParseWarning] = []
    indicators: dict[str, ParsedIndicator] = {}
    for draft in drafts:  # one draft per code: repeated headings were merged (``drafts.merge_duplicates``)
        indicator, notes = _freeze(draft, known.get(draft.code), cycle, bool(known))
        indicators[draft.code] = indicator
        warnings.extend(notes)
    for item in loose:
        shown = _score_text(item.score.score, item.score.max_score)
        warnings.append(ParseWarning(
            "unplaced_score", f"score {shown} could not be matched to an indicator; it was not used",
            None, item.block.location))
    warnings.extend(metadata.warnings)
    warnings.extend(_metadata_warnings(metadata.city, metadata.state, metadata.cycle))
    ordered, inferred = _infer_missing_maxima(
        tuple(indicators[c] for c in sorted(indicators, key=code_sort_key)), catalog, cycle)
    warnings.extend(inferred)
    ordered, refused = _refuse_max_placements(ordered, catalog, cycle)
    warnings.extend(refused)
    ordered, strangers = _refuse_strangers(ordered, catalog, cycle)
    warnings.extend(strangers)
    ordered, overlaps = _refuse_overlaps(ordered)
    warnings.extend(overlaps)
    ordered, overfull = _refuse_overfull(ordered, catalog, cycle)
    warnings.extend(overfull)
    ordered, doubtful = _refuse_beside_unread(ordered, unread)
    warnings.extend(doubtful)
    warnings.extend(_pillar_warnings(ordered, catalog, cycle))
    return ParsedReport(
        source=source, format=format, framework=metadata.framework, cycle=cycle, cycle_label=metadata.cycle_label,
        city=metadata.city, state=metadata.state, indicators=ordered, warnings=tuple(warnings),
        printed_totals=tuple(totals), pages=pages, metadata=metadata.values,
        extra={"city_candidates": list(metadata.candidates)},
    )


SEPARATOR = 2
"""The characters that join two parts of a recommendation (a blank line between paragraphs)."""


def bounded_text(paragraphs: tuple[str, ...], bullets: tuple[str, ...],
                 limit: int) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """Return the paragraphs and bullets that fit in ``limit`` characters with the line breaks that join them
    (the one that crosses it cut after its last whole word and ended with "[…]"), and the whole text's length."""
    length = sum(len(t) + SEPARATOR for t in paragraphs + bullets) - SEPARATOR
    if length <= limit:
        return paragraphs, bullets, max(length, 0)
    kept: list[list[str]] = [[], []]
    room = limit
    for group, texts in enumerate((paragraphs, bullets)):
        for item in texts:
            if room <= 0:
                break
            if len(item) > room:
                head = item[:room]
                if not item[room].isspace():  # mid-word: keep only the whole words
                    head = head.rsplit(None, 1)[0] if len(head.split()) > 1 else ""
                kept[group].append(f"{head.rstrip()} [\u2026]".lstrip())
                room = 0
                break
            kept[group].append(item)
            room -= len(item) + SEPARATOR
    return tuple(kept[0]), tuple(kept[1]), length


def _score_text(score: float | None, max_score: float | None) -> str:
    """Return "10/30" or "NA/30" for messages."""
    def fmt(v: float | None) -> str:
        return "NA" if v is None else f"{v:g}"
    return f"{fmt(score)}/{fmt(max_score)}"


def _freeze(draft: Draft, entry, cycle: int | None, cycle_known: bool) -> tuple[ParsedIndicator, list[ParseWarning]]:
    """Return one draft as a record, with the warnings it raises."""
    notes: list[ParseWarning] = []
    where = draft.block.location
    score = draft.score.score if draft.score else None
    max_score = draft.score.max_score if draft.score else None
    status = ScoreStatus.SCORED
    if draft.score is None:
        status = ScoreStatus.MISSING
        notes.append(ParseWarning("indicator_without_score", f"indicator {draft.code} has no score that could be "
                                  "placed; its score is left empty", draft.code, where))
    elif score is None:
        status = ScoreStatus.NOT_ASSESSED
        notes.append(ParseWarning("score_not_assessed", f"indicator {draft.code} is printed as not assessed; its "
                                  "score is left empty", draft.code, where))
    if draft.method == "max_score_match":
        notes.append(ParseWarning("score_placed_by_max_match", f"score {_score_text(score, max_score)} was printed "
                                  f"away from indicator {draft.code} and placed by its max score",
                                  draft.code, draft.score_block.location if draft.score_block else where))
    if entry is not None:
        if max_score is not None and max_score != entry.max_score:
            notes.append(ParseWarning("max_differs_from_catalog", f"indicator {draft.code} is printed out of "
                                      f"{max_score:g}; the catalog says {entry.max_score:g}, so the score "
                                      f"{_score_text(score, max_score)} may be another indicator's; it is left empty",
                                      draft.code, where))
            score, status = None, ScoreStatus.MISSING  # a score out of another maximum: not this indicator's
        max_score = entry.max_score  # the catalog's maximum is the framework's
    else:
        reason = f"cycle {cycle} is not in the catalog" if not cycle_known else "it is not in the catalog"
        notes.append(ParseWarning("indicator_not_in_catalog", f"indicator {draft.code} ({draft.title}) loaded as "
                                  f"printed: {reason}", draft.code, where))
    if score is not None and (max_score is None or not within_range(score, max_score)):
        notes.append(ParseWarning("score_out_of_range", f"indicator {draft.code} score "
                                  f"{_score_text(score, max_score)} is outside 0..max; it is left empty",
                                  draft.code, where))
        score, status = None, ScoreStatus.MISSING
    if draft.repeats:
        notes.append(ParseWarning("duplicate_indicator", f"indicator {draft.code} is printed "
                                  f"{len(draft.repeats) + 1} times with text or a score; they were merged",
                                  draft.code, draft.repeats[0].location))
    if draft.disputed and score is not None:
        other = _score_text(draft.disputed[0].score, draft.disputed[0].max_score)
        notes.append(ParseWarning("score_conflict", f"indicator {draft.code} is printed with two scores, "
                                  f"{_score_text(score, max_score)} and {other}; its score is left empty",
                                  draft.code, draft.disputed[1].location))
        score, status = None, ScoreStatus.MISSING
    title = draft.title or (entry.title if entry else "")
    if draft.conflict:
        notes.append(ParseWarning("score_conflict", f"indicator {draft.code}: the text says "
                                  f"{_score_text(score, max_score)} but the scorecard says "
                                  f"{_score_text(draft.conflict[0].score, draft.conflict[0].max_score)}; the text's "
                                  "score is kept", draft.code, draft.conflict[1].location))
    paragraphs, bullets, length = bounded_text(tuple(draft.paragraphs), tuple(draft.bullets), MAX_TEXT_CHARS)
    if length > MAX_TEXT_CHARS:
        notes.append(ParseWarning("text_cut", f"indicator {draft.code}'s text runs to {length:,} characters, far past "
                                  "what a recommendation holds (an annex, filler or page furniture read as its text?); "
                                  f"it was cut at {MAX_TEXT_CHARS:,}", draft.code, where))
    return ParsedIndicator(
        code=draft.code, title=title, score=score, max_score=max_score,
        paragraphs=paragraphs, bullets=bullets,
        heading_at=provenance_of(draft.block),
        score_at=provenance_of(draft.score_block) if draft.score_block else None,
        score_method=draft.method if draft.score else None, score_status=status, in_catalog=entry is not None,
    ), notes


def _infer_missing_maxima(
    indicators: tuple[ParsedIndicator, ...], catalog: Catalog, cycle: int | None
) -> tuple[tuple[ParsedIndicator, ...], list[ParseWarning]]:
    """Fill the one missing max score of a pillar from the pillar's total (the framework's sums)."""
    notes: list[ParseWarning] = []
    result = list(indicators)
    for pillar in sorted({i.pillar_no for i in indicators}):
        members = [k for k, i in enumerate(result) if i.pillar_no == pillar]
        unknown = [k for k in members if result[k].max_score is None]
        if len(unknown) != 1:
            continue
        remainder = remaining_max(catalog.pillar_max(cycle, pillar),
                                  (result[k].max_score for k in members if k != unknown[0]))
        if remainder is not None:
            ind = result[unknown[0]]
            result[unknown[0]] = replace(ind, max_score=remainder)
            notes.append(ParseWarning("max_inferred_from_pillar_total", f"indicator {ind.code} prints no max "
                                      f"score; {remainder:g} is what its pillar's {catalog.pillar_max(cycle, pillar):g} "
                                      "leaves", ind.code, ind.heading_at.location if ind.heading_at else None))
    return tuple(result), notes


def _incomplete_pillars(indicators: tuple[ParsedIndicator, ...], catalog: Catalog, cycle: int | None) -> set[int]:
    """Return the pillars that look as if an indicator went missing: a catalog code absent, or maxima short."""
    known = catalog.indicators_for(cycle)
    present = {i.code for i in indicators}
    incomplete = {entry.pillar_no for code, entry in known.items() if code not in present}
    sums: dict[int, float] = defaultdict(float)
    for ind in indicators:
        sums[ind.pillar_no] += ind.max_score or 0.0
    return incomplete | {p for p, total in sums.items() if not adds_up(total, catalog.pillar_max(cycle, p))}


GUESSED_PLACEMENTS = frozenset(("max_score_match", "nearest_above"))
"""Placements made by a score's maximum or by nearness alone, not by the score being printed with its heading."""


def _refuse_max_placements(indicators: tuple[ParsedIndicator, ...], catalog: Catalog, cycle: int | None,
                           ) -> tuple[tuple[ParsedIndicator, ...], list[ParseWarning]]:
    """Leave empty every score placed by its maximum or by nearness in a pillar that lost an indicator.

    Such a score may well belong to the indicator that was lost: placing it by its maximum could put a
    wrong number on another indicator, so it is refused with a warning instead. A score closing a section
    (``end_of_section``) is refused the same way when a lost indicator of its pillar has its maximum: the lost
    indicator's heading may stand between the section and the score.
    """
    incomplete = _incomplete_pillars(indicators, catalog, cycle)
    present = {i.code for i in indicators}
    lost = {(entry.pillar_no, entry.max_score) for code, entry in catalog.indicators_for(cycle).items()
            if code not in present}
    return left_empty(indicators, "placement_refused", {
        k: (f"indicator {ind.code}: score {_score_text(ind.score, ind.max_score)} was not printed with its heading "
            f"and pillar {ind.pillar_no} looks incomplete, so it may belong to a lost indicator; its score is left "
            "empty", ind.score_at.location if ind.score_at else None)
        for k, ind in enumerate(indicators)
        if ind.score_method in GUESSED_PLACEMENTS and ind.pillar_no in incomplete
        or ind.score_method == "end_of_section" and (ind.pillar_no, ind.max_score) in lost})


def _refuse_strangers(indicators: tuple[ParsedIndicator, ...], catalog: Catalog, cycle: int | None,
                      ) -> tuple[tuple[ParsedIndicator, ...], list[ParseWarning]]:
    """Leave empty the score of an indicator outside the cycle's catalog in a pillar that misses a catalog one.

    A code the catalog does not know, in a pillar where a code it knows is missing, is most likely that
    indicator misread ("1.d" for a combined "1.c & 1.d" broken over two lines): its number is not trusted.
    """
    known = catalog.indicators_for(cycle)
    present = {i.code for i in indicators}
    short = {entry.pillar_no for code, entry in known.items() if code not in present}
    return left_empty(indicators, "score_not_trusted", {
        k: (f"indicator {ind.code} is not in the cycle {cycle} catalog and pillar {ind.pillar_no} misses a catalog "
            f"indicator, so {ind.code} may be that one misread; its score is left empty", _heading_place(ind))
        for k, ind in enumerate(indicators)
        if known and ind.code not in known and ind.pillar_no in short and ind.score is not None})


def _refuse_overlaps(indicators: tuple[ParsedIndicator, ...]) -> tuple[tuple[ParsedIndicator, ...], list[ParseWarning]]:
    """Leave empty the scores of indicators whose codes share a letter ("3.c&3.d" and "3.d"): one is misread."""
    owners: dict[str, list[str]] = defaultdict(list)
    for ind in indicators:
        for part in ind.code.split("&"):
            owners[part].append(ind.code)
    shared = {code for codes in owners.values() if len(set(codes)) > 1 for code in codes}
    return left_empty(indicators, "codes_overlap", {
        k: (f"indicator {ind.code} shares a code with "
            f"{', '.join(sorted({c for part in ind.code.split('&') for c in owners[part]} - {ind.code}))}, so one of "
            "them is misread; its score is left empty", _heading_place(ind))
        for k, ind in enumerate(indicators) if ind.code in shared and ind.score is not None})


def _refuse_overfull(indicators: tuple[ParsedIndicator, ...], catalog: Catalog, cycle: int | None,
                     ) -> tuple[tuple[ParsedIndicator, ...], list[ParseWarning]]:
    """Leave empty every score of a pillar whose indicator maxima add up to more than the pillar's maximum.

    A pillar short of its maximum may have lost an indicator, and its other scores can stand; one over it
    cannot be as printed: scores and maxima were put on the wrong indicators, so none of its numbers is kept.
    """
    sums: dict[int, float] = defaultdict(float)
    for ind in indicators:
        sums[ind.pillar_no] += ind.max_score or 0.0
    over = {p for p, total in sums.items() if total > catalog.pillar_max(cycle, p) and not adds_up(
        total, catalog.pillar_max(cycle, p))}
    return left_empty(indicators, "pillar_overfull", {
        k: (f"indicator {ind.code}: the maxima of pillar {ind.pillar_no} add up to {sums[ind.pillar_no]:g}, more than "
            f"{catalog.pillar_max(cycle, ind.pillar_no):g}, so its scores were misread; its score is left empty",
            _heading_place(ind))
        for k, ind in enumerate(indicators) if ind.pillar_no in over and ind.score is not None})


def _refuse_beside_unread(indicators: tuple[ParsedIndicator, ...], unread: list[Block],
                          ) -> tuple[tuple[ParsedIndicator, ...], list[ParseWarning]]:
    """Leave empty a score read on the printed row of a number OCR could not read: the row's numbers may have
    shifted into the wrong columns ("2.a | CDO | ▯ | 30" must not read 30 as the score)."""
    def beside(at) -> bool:
        for block in unread:
            if at.table is not None and (block.page, block.table, block.row) == (at.page, at.table, at.row):
                return True
            if at.bbox is not None and block.bbox is not None and block.page == at.page and block.table is None:
                if min(at.bbox[3], block.bbox[3]) - max(at.bbox[1], block.bbox[1]) > 0:  # they share a line
                    return True
        return False

    return left_empty(indicators, "ocr_low_confidence", {
        k: (f"indicator {ind.code}'s score {ind.score:g} stands on a row with a number OCR could not read; "
            "its score is left empty", ind.score_at.location)
        for k, ind in enumerate(indicators) if unread and ind.score is not None and ind.score_at is not None
        and beside(ind.score_at)})


def left_empty(indicators: tuple[ParsedIndicator, ...], code: str, why: dict[int, tuple[str, str | None]],
               ) -> tuple[tuple[ParsedIndicator, ...], list[ParseWarning]]:
    """Return the indicators with the scores of those in ``why`` (by position) left NULL, and one ``code``
    warning each, its (message, location) from ``why``."""
    result, notes = [], []
    for k, ind in enumerate(indicators):
        if k in why:
            notes.append(ParseWarning(code, why[k][0], ind.code, why[k][1]))
            ind = replace(ind, score=None, score_status=ScoreStatus.MISSING, score_method=None)
        result.append(ind)
    return tuple(result), notes


def _heading_place(ind: ParsedIndicator) -> str | None:
    """Return where an indicator's heading was printed, if known."""
    return ind.heading_at.location if ind.heading_at else None


def _metadata_warnings(city, state, cycle) -> list[ParseWarning]:
    """Warn about title-block fields that were not found."""
    missing = [name for name, value in (("city", city), ("state", state), ("cycle", cycle)) if value is None]
    return [ParseWarning(f"{name}_not_found", f"no {name} found in the title block") for name in missing]


def _pillar_warnings(indicators: tuple[ParsedIndicator, ...], catalog: Catalog, cycle: int | None) -> list[ParseWarning]:
    """Warn when a pillar's indicator maxima do not add up to the pillar's maximum."""
    sums: dict[int, float] = defaultdict(float)
    for ind in indicators:
        sums[ind.pillar_no] += ind.max_score or 0.0
    notes = []
    for pillar, total in sorted(sums.items()):
        expected = catalog.pillar_max(cycle, pillar)
        if not adds_up(total, expected):
            notes.append(ParseWarning("pillar_maxima_mismatch", f"pillar {pillar}: indicator maxima add up to "
                                      f"{total:g}, not {expected:g}", None, None))
    return notes
