"""Placing loose score lines on score-less indicators: by geometry, then by max score and distance.

Never invents a score: a score that cannot be placed unambiguously stays loose (and is warned about).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from parsing.drafts import Draft, LooseScore
from reference.arithmetic import remaining_max
from reference.catalog import Catalog

LEVEL_TOLERANCE = 3.0  # points: a score box this close to a heading's line counts as level with it
CARD_REACH = 40.0  # points: a card's score is printed within this distance below its heading


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Return True when two boxes share a horizontal band (are level on the page)."""
    return a[1] <= b[3] + LEVEL_TOLERANCE and b[1] <= a[3] + LEVEL_TOLERANCE


def place_by_geometry(loose: list[LooseScore], drafts: list[Draft]) -> list[LooseScore]:
    """Attach scores level with a score-less heading on the same page; return the rest."""
    rest: list[LooseScore] = []
    for item in loose:
        box, page = item.block.bbox, item.block.page
        level = [
            d for d in drafts
            if d.score is None and box and d.block.bbox and d.block.page == page and _overlap(box, d.block.bbox)
            and _same_column(item.block, d.block)
        ]
        if len(level) == 1:
            level[0].attach(item.score, item.block, "level_with_heading")
        else:
            rest.append(item)
    return rest


def _same_column(a, b) -> bool:
    """Return True unless two blocks sit in different columns of a two-column region (then they are not level)."""
    first, second = a.extra.get("column", 0), b.extra.get("column", 0)
    return not (first and second and first != second)


def place_in_card(loose: list[LooseScore], drafts: list[Draft]) -> list[LooseScore]:
    """Attach each score of a grid of cards (headings side by side on one line) to the heading above it in its
    column; return the rest.

    Read line by line, a row of cards puts all its headings before all its scores, so "right after the
    heading" would give every score to the row's last heading; the page's geometry says whose each one is.
    """
    rest: list[LooseScore] = []
    for item in loose:
        owner = _card_above(item, drafts)
        if owner is not None and owner.score is None:
            owner.attach(item.score, item.block, "below_in_column")
        else:
            rest.append(item)
    return rest


def _card_above(item: LooseScore, drafts: list[Draft]) -> Draft | None:
    """Return the heading whose card a score sits in, when the row of headings above it holds two or more."""
    box = item.block.bbox
    if box is None:
        return None
    above = [d for d in drafts if d.block.page == item.block.page and d.block.bbox and d.block.bbox[1] < box[1]
             and box[1] - d.block.bbox[3] <= CARD_REACH]
    if not above:
        return None
    top = max(d.block.bbox[1] for d in above)
    row = sorted((d for d in above if abs(d.block.bbox[1] - top) <= LEVEL_TOLERANCE), key=lambda d: d.block.bbox[0])
    if len(row) < 2:
        return None
    centre = (box[0] + box[2]) / 2
    for k, draft in enumerate(row):
        end = row[k + 1].block.bbox[0] if k + 1 < len(row) else float("inf")
        if draft.block.bbox[0] - LEVEL_TOLERANCE <= centre < end:
            return draft
    return None


def place_under_heading(loose: list[LooseScore]) -> list[LooseScore]:
    """Attach a score printed right after a score-less heading to that heading; return the rest."""
    rest: list[LooseScore] = []
    for item in loose:
        if item.direct and item.after is not None and item.after.score is None:
            item.after.attach(item.score, item.block, "under_heading")
        else:
            rest.append(item)
    return rest


def place_below_heading(loose: list[LooseScore], drafts: list[Draft]) -> list[LooseScore]:
    """Attach a score in the flow under a score-less heading when that heading is the nearest above it."""
    rest: list[LooseScore] = []
    for item in loose:
        box, page = item.block.bbox, item.block.page
        if box is None:
            rest.append(item)
            continue
        above = [d for d in drafts if d.block.page == page and d.block.bbox and d.block.bbox[1] <= box[1]]
        nearest = max(above, key=lambda d: d.block.bbox[1], default=None)
        if nearest is not None and nearest.score is None and nearest is item.after and _right_of_text(box):
            nearest.attach(item.score, item.block, "nearest_above")
        else:
            rest.append(item)
    return rest


ABOVE_MIN = 3  # scores printed just before a heading: fewer say nothing about where a document prints its scores


def place_above_heading(loose: list[LooseScore], drafts: list[Draft], catalog: Catalog,
                        cycle: int | None) -> tuple[list[LooseScore], bool]:
    """Attach each score printed just before a heading to that heading when the document prints its scores
    above their headings (a score box anchored in the heading, a framed paragraph stored before it); return
    the rest and whether the document does.

    A score just before a heading may close the section above or open the one below, and where neighbours
    share a maximum only the document as a whole can tell. It prints scores above their headings when no
    heading has a score right under it, at least ``ABOVE_MIN`` scores stand just before a heading, every one
    of them has the maximum of the heading below, and at least one cannot be the section above's: it stands
    before the first indicator of a pillar, or its maximum is not the one the indicator above expects.
    """
    expected = expected_maxima(drafts, catalog, cycle)
    before = [item for item in loose if item.heads is not None and not item.direct]
    if len(before) < ABOVE_MIN or any(item.direct for item in loose) or any(
            d.method in ("under_heading", "same_line") for d in drafts):
        return loose, False

    def fits(draft: Draft | None, item: LooseScore) -> bool:
        return draft is not None and draft.score is None and expected.get(id(draft)) == item.score.max_score

    if not all(fits(item.heads, item) for item in before):
        return loose, False
    if not any(item.after is None or _pillar(item.after) != _pillar(item.heads) or not fits(item.after, item)
               for item in before):
        return loose, False
    for item in before:
        item.heads.attach(item.score, item.block, "above_heading")
    return [item for item in loose if item not in before], True


def place_end_of_section(loose: list[LooseScore], drafts: list[Draft], catalog: Catalog,
                         cycle: int | None) -> list[LooseScore]:
    """Attach a score printed at the end of a score-less indicator's text (before the next heading) to it.

    Only when its maximum is the one that indicator should have (or none is known), and the next heading
    does not carry a score printed right under it: then the score closes the section above. A table
    listing several indicators has no section below each row: the text after a scorecard is not its rows'.
    """
    expected = expected_maxima(drafts, catalog, cycle)
    listed = Counter(d.block.table for d in drafts if d.block.kind == "table_cell")
    rest: list[LooseScore] = []
    for item in loose:
        owner = item.after
        wanted = expected.get(id(owner)) if owner is not None else None
        in_list = owner is not None and owner.block.kind == "table_cell" and listed[owner.block.table] > 1
        fits = owner is not None and owner.score is None and not item.direct and not in_list and (
            wanted is None or item.score.max_score is None or wanted == item.score.max_score)
        if fits and item.score.max_score is not None and not _next_scored_directly(item, drafts, loose):
            owner.attach(item.score, item.block, "end_of_section")
        else:
            rest.append(item)
    return rest


def _next_scored_directly(item: LooseScore, drafts: list[Draft], loose: list[LooseScore]) -> bool:
    """Return True when the heading after a loose score has a score printed right under it (scores follow headings)."""
    following = min((d for d in drafts if d.seq > item.seq), key=lambda d: d.seq, default=None)
    return following is not None and following.method == "under_heading"


def _right_of_text(box: tuple[float, float, float, float]) -> bool:
    """Return True for a box in a right-hand column (its left edge past the page's middle)."""
    return box[0] >= 250.0


def expected_maxima(drafts: list[Draft], catalog: Catalog, cycle: int | None) -> dict[int, float]:
    """Return the max score each score-less draft should have (by id), from the catalog or pillar sums."""
    known = catalog.indicators_for(cycle)
    result: dict[int, float] = {}
    by_pillar: dict[int, list[Draft]] = defaultdict(list)
    for d in drafts:
        by_pillar[int(d.code.split(".")[0])].append(d)
    for pillar, members in by_pillar.items():
        unknown = []
        total = 0.0
        for d in members:
            if d.code in known:
                total += known[d.code].max_score
                if d.score is None:
                    result[id(d)] = known[d.code].max_score
            elif d.score is not None and d.score.max_score is not None:
                total += d.score.max_score
            else:
                unknown.append(d)
        if len(unknown) == 1 and unknown[0].score is None:
            remainder = remaining_max(catalog.pillar_max(cycle, pillar), [total])
            if remainder is not None:
                result[id(unknown[0])] = remainder
    return result


def _pillar(draft: Draft) -> int:
    """Return the pillar a draft's code carries."""
    return int(draft.code.split(".")[0])


def _pillars_around(item: LooseScore, drafts: list[Draft]) -> set[int]:
    """Return the pillars of the headings printed just before and just after a loose score.

    The framework prints a pillar's indicators together, so a score set apart from its heading still lies
    in its own pillar's section; a score among another pillar's headings is never moved across, and one in
    front of every heading or inside a table that was not read as a scorecard has no section at all.
    """
    before = max((d for d in drafts if d.seq < item.seq), key=lambda d: d.seq, default=None)
    after = min((d for d in drafts if d.seq > item.seq), key=lambda d: d.seq, default=None)
    if before is None or item.block.kind == "table_cell":
        return set()  # before every heading, or in a table not read as a scorecard: no section to place it in
    return {_pillar(d) for d in (before, after) if d is not None}


def place_by_max_score(
    loose: list[LooseScore], drafts: list[Draft], catalog: Catalog, cycle: int | None
) -> list[LooseScore]:
    """Attach a loose score to the score-less draft whose expected max equals its max, where that pairing is
    the only one: the score has one such draft in its section, and no other loose score could go there.

    A maximum is shared by many indicators; it tells which indicator a score belongs to only when nothing
    else competes. Two scores out of 30 and one score-less indicator out of 30 are left alone.
    """
    expected = expected_maxima(drafts, catalog, cycle)

    def candidates(item: LooseScore) -> list[Draft]:
        pillars = _pillars_around(item, drafts)
        return [d for d in drafts if d.score is None and item.score.max_score is not None
                and expected.get(id(d)) == item.score.max_score and _pillar(d) in pillars]

    options = {id(item): candidates(item) for item in loose}
    suitors: dict[int, int] = defaultdict(int)
    for found in options.values():
        for d in found:
            suitors[id(d)] += 1
    rest: list[LooseScore] = []
    for item in loose:
        found = options[id(item)]
        if len(found) == 1 and suitors[id(found[0])] == 1:
            found[0].attach(item.score, item.block, "max_score_match")
        else:
            rest.append(item)
    return rest
