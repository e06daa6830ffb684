"""Recommendation changes: each city's advice per crosswalk key compared with its previous cycle's.

``compare_cycles`` is pure: given one city's recommendation texts per cycle and key, it says for every
cycle after the city's first whether the advice is the ``same`` as the cycle before, ``revised``, ``new``
or ``dropped``, with the two texts' similarity. ``refresh_recommendation_changes`` rewrites the derived
``recommendation_change`` rows of some cities from their current versions; the loaders call it in the
transaction that changes which versions are current, or the keys of a cycle, so the table never disagrees
with the current versions. ``ensure_recommendation_changes`` fills it once for a warehouse upgraded from a
schema that did not have it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz
from sqlalchemy import Connection, Engine, delete, func, select

from core.defaults import SAME_ADVICE_SIMILARITY
from core.statuses import RecommendationStatus
from warehouse.db import write_transaction
from warehouse.models import (
    City,
    Indicator,
    IndicatorScore,
    RecommendationChange,
    Report,
    ReportVersion,
)

_CITY = City.__table__
_IND = Indicator.__table__
_SCORE = IndicatorScore.__table__
_REPORT = Report.__table__
_RV = ReportVersion.__table__
_CHANGE = RecommendationChange.__table__


@dataclass(frozen=True)
class AdviceChange:
    """One key's recommendation in one cycle against the city's previous cycle."""

    indicator_key: str
    cycle_no: int
    previous_cycle_no: int
    status: RecommendationStatus
    similarity: float | None
    recommendation: str | None
    previous_recommendation: str | None


def folded(text: str | None) -> str:
    """Return a recommendation with case and white space folded ("" for none): what "the same text" means."""
    return " ".join((text or "").split()).casefold()


def similarity(a: str | None, b: str | None) -> float:
    """Return how alike two recommendations are, 0-100 (rapidfuzz ``ratio`` of the folded texts)."""
    return round(float(fuzz.ratio(folded(a), folded(b))), 1)


def compare_pair(previous: str | None, current: str | None, *,
                 same_at: float = SAME_ADVICE_SIMILARITY) -> tuple[RecommendationStatus, float | None] | None:
    """Return the status and similarity of one key's advice against the cycle before; None when neither cycle
    gives any (nothing to compare)."""
    before, now = folded(previous), folded(current)
    if not before and not now:
        return None
    if not before:
        return RecommendationStatus.NEW, None
    if not now:
        return RecommendationStatus.DROPPED, None
    score = 100.0 if before == now else similarity(before, now)
    return (RecommendationStatus.SAME if score >= same_at else RecommendationStatus.REVISED), score


def compare_cycles(texts: Mapping[int, Mapping[str, str | None]], *,
                   same_at: float = SAME_ADVICE_SIMILARITY) -> list[AdviceChange]:
    """Compare one city's advice cycle by cycle: ``texts[cycle][key]`` is the recommendation of that key in
    that cycle (None or "" for an indicator without one); a cycle with a report but no indicators maps to
    ``{}``. Each cycle is compared with the city's previous cycle, so the first cycle has no rows."""
    changes: list[AdviceChange] = []
    cycles = sorted(texts)
    for previous_cycle, cycle in pairwise(cycles):
        before, now = texts[previous_cycle], texts[cycle]
        for key in sorted(set(before) | set(now)):
            compared = compare_pair(before.get(key), now.get(key), same_at=same_at)
            if compared is None:
                continue
            status, score = compared
            changes.append(AdviceChange(key, cycle, previous_cycle, status, score,
                                        _kept(now.get(key)), _kept(before.get(key))))
    return changes


def _kept(text: str | None) -> str | None:
    """Return a text as stored, or None when it is empty."""
    return text if text and text.strip() else None


def _city_texts(conn: Connection, city_ids: list[int]) -> dict[int, dict[int, dict[str, str | None]]]:
    """Return ``{city: {cycle: {key: text}}}`` of the cities' current versions (several indicators of one key
    in one cycle: their texts joined in report order)."""
    texts: dict[int, dict[int, dict[str, str | None]]] = defaultdict(dict)
    parts: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    rows = (select(_REPORT.c.city_id, _REPORT.c.cycle_no, _IND.c.indicator_key, _SCORE.c.recommendation)
            .select_from(_REPORT)
            .join(_RV, _RV.c.report_id == _REPORT.c.id)
            .outerjoin(_SCORE, _SCORE.c.report_version_id == _RV.c.id)
            .outerjoin(_IND, _IND.c.id == _SCORE.c.indicator_id)
            .where(_RV.c.is_current.is_(True), _REPORT.c.city_id.in_(city_ids))
            .order_by(_RV.c.id, _SCORE.c.ordinal))
    for row in conn.execute(rows):  # a current version without indicators gives one row with no key
        texts[row.city_id].setdefault(row.cycle_no, {})
        if row.indicator_key is None:
            continue
        found = parts[(row.city_id, row.cycle_no, row.indicator_key)]
        if row.recommendation and row.recommendation.strip():
            found.append(row.recommendation.strip())
    for (city_id, cycle, key), found in parts.items():
        texts[city_id][cycle][key] = "\n".join(found) or None
    return texts


def cities_of_cycle(conn: Connection, cycle_no: int) -> list[int]:
    """Return the cities with a report in one cycle."""
    return list(conn.execute(select(_REPORT.c.city_id).where(_REPORT.c.cycle_no == cycle_no).distinct()).scalars())


def refresh_recommendation_changes(conn: Connection, *, city_ids: Iterable[int] = (),
                                   cycle_no: int | None = None, same_at: float = SAME_ADVICE_SIMILARITY) -> int:
    """Rewrite the ``recommendation_change`` rows of some cities (and of every city with a report in
    ``cycle_no`` when given: a cycle whose crosswalk keys changed) from their current versions; return how
    many rows they have now.

    The cities' rows are locked first, in id order, so concurrent loads of one city on PostgreSQL rewrite
    its rows one at a time, each from what the other committed.
    """
    wanted = set(city_ids) | (set(cities_of_cycle(conn, cycle_no)) if cycle_no is not None else set())
    ids = sorted(wanted)
    if not ids:
        return 0
    conn.execute(select(_CITY.c.id).where(_CITY.c.id.in_(ids)).order_by(_CITY.c.id)
                 .with_for_update(key_share=True)).all()
    conn.execute(delete(_CHANGE).where(_CHANGE.c.city_id.in_(ids)))
    rows = [
        {"city_id": city_id, "indicator_key": c.indicator_key, "cycle_no": c.cycle_no,
         "previous_cycle_no": c.previous_cycle_no, "status": c.status.value, "similarity": c.similarity,
         "recommendation": c.recommendation, "previous_recommendation": c.previous_recommendation}
        for city_id, by_cycle in sorted(_city_texts(conn, ids).items())
        for c in compare_cycles(by_cycle, same_at=same_at)
    ]
    if rows:
        conn.execute(_CHANGE.insert(), rows)
    return len(rows)


def ensure_recommendation_changes(engine: Engine) -> int:
    """Fill ``recommendation_change`` for every city when it is empty while some city has current reports of
    two cycles (a warehouse loaded before the table existed); return the rows written (0: nothing to do)."""
    with engine.connect() as conn:
        if conn.execute(select(_CHANGE.c.id).limit(1)).first() is not None:
            return 0
        several = (select(_REPORT.c.city_id).join(_RV, _RV.c.report_id == _REPORT.c.id)
                   .where(_RV.c.is_current.is_(True)).group_by(_REPORT.c.city_id)
                   .having(func.count(func.distinct(_REPORT.c.cycle_no)) > 1))
        cities = list(conn.execute(several).scalars())
    if not cities:
        return 0
    with write_transaction(engine) as conn:
        return refresh_recommendation_changes(conn, city_ids=cities)
