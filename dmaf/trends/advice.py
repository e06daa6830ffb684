"""What next for a city: its open points per indicator, the peers that scored them, and advice that repeats.

Pure functions over the trend frames (``TrendFrames``): nothing here reads the warehouse. Indicators are
compared across cities and cycles by their crosswalk key, so a retitled indicator still meets its peers.

* *Open points* of an indicator = maximum − score, for the city's cycle. An indicator without a score (not
  assessed, or no score could be read) has no open points to rank: it is listed apart, never counted as 0.
* *Peers* are the other cities with a report in the same cycle that scored the indicator higher than the
  city; those of the city's state come first, then its region, then the rest of the country, each by score.
* *Moved* is the score change since the city's previous cycle with a report (None when either is missing;
  ``new_indicator`` when that cycle did not have the indicator at all).
* *Repeated* counts the cycles in a row, back from this one, whose recommendation was the ``same`` as the
  cycle before (``recommendation_changes``) while the score did not move.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from core.errors import NoData
from core.statuses import RecommendationStatus
from dmaf.trends.queries import TrendFrames
from dmaf.words import plural, short_number
from reference.gazetteer import resolve_city

SCOPES = ("state", "region", "national")
"""Where a peer is, nearest first."""


@dataclass(frozen=True)
class Peer:
    """A city of the same cycle that scored an indicator higher."""

    city: str
    state: str | None
    scope: str
    score: float
    max_score: float | None
    full_marks: bool
    recommendation: str | None


@dataclass(frozen=True)
class IndicatorAdvice:
    """One indicator of the city's cycle: where it stands, who did better, what the report advises."""

    indicator_key: str
    indicator_code: str | None
    indicator_title: str
    pillar_no: int
    score: float | None
    max_score: float | None
    points_open: float | None
    peers_full_marks: int
    peers: tuple[Peer, ...]
    recommendation: str | None
    previous_cycle: int | None
    previous_score: float | None
    new_indicator: bool
    moved: float | None
    advice_status: str | None
    repeated_cycles: int

    @property
    def repeated_without_progress(self) -> bool:
        """Return True when the same advice was given again while the score did not move."""
        return self.repeated_cycles > 0


@dataclass(frozen=True)
class CityAdvice:
    """The answer of ``dmaf advise`` for one city and cycle: ranked indicators first, unscored ones after."""

    city: str
    state: str | None
    region: str | None
    cycle: int
    score: float | None
    max_score: float | None
    ranked: tuple[IndicatorAdvice, ...]
    unscored: tuple[IndicatorAdvice, ...]

    @property
    def points_open(self) -> float:
        """Return the points open over every scored indicator."""
        return sum(a.points_open or 0.0 for a in self.ranked)

    def headline(self, top: int = 3) -> str:
        """Return the one line that opens the advice: how many points the largest gaps hold."""
        gaps = [a for a in self.ranked if (a.points_open or 0) > 0][:top]
        held = sum(a.points_open or 0.0 for a in gaps)
        where = f"{self.city}, cycle {self.cycle}: {short_number(self.score)}/{short_number(self.max_score)}"
        if not gaps:
            return f"{where}; no points open on the {plural(len(self.ranked), 'indicator')} scored."
        largest = "largest gap holds" if len(gaps) == 1 else f"{_words(len(gaps))} largest gaps hold"
        unscored = f"; {plural(len(self.unscored), 'indicator')} without a score" if self.unscored else ""
        return f"{where}. The {largest} {short_number(held)} of the {short_number(self.points_open)} points open{unscored}."

    def to_dict(self) -> dict[str, Any]:
        """Return the advice as JSON-ready data (NaN-free)."""
        return _clean({"city": self.city, "state": self.state, "region": self.region, "cycle": self.cycle,
                       "score": self.score, "max_score": self.max_score, "points_open": self.points_open,
                       "headline": self.headline(),
                       "indicators": [asdict(a) | {"repeated_without_progress": a.repeated_without_progress}
                                      for a in (*self.ranked, *self.unscored)]})


def _words(n: int) -> str:
    """Return a small count as a word ("three")."""
    return {2: "two", 3: "three", 4: "four", 5: "five"}.get(n, str(n))


def _float(value: Any) -> float | None:
    """Return a frame value as a float, None for NULL/NaN."""
    if value is None or value is pd.NA:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _clean(value: Any) -> Any:
    """Return data with NaN turned into None, recursively."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def recommendations_by_key(frames: TrendFrames) -> dict[tuple[str, int, str], str]:
    """Return ``{(city, cycle, key): recommendation}`` of the current reports (texts of one key joined)."""
    keys = frames.indicator_crosswalk.set_index(["cycle", "indicator_code"])["indicator_key"].to_dict()
    found: dict[tuple[str, int, str], list[str]] = {}
    for r in frames.indicator_scores.itertuples():
        key = keys.get((int(r.cycle), r.indicator_code), r.indicator_code)
        text = r.recommendation if isinstance(r.recommendation, str) else ""
        parts = found.setdefault((r.city, int(r.cycle), key), [])
        if text.strip():
            parts.append(text.strip())
    return {k: "\n".join(v) for k, v in found.items() if v}


def _scope(peer_state: str | None, peer_region: str | None, state: str | None, region: str | None) -> str:
    """Return how near a peer is: same state, same region, or elsewhere in the country."""
    if state and peer_state == state:
        return "state"
    if region and peer_region == region:
        return "region"
    return "national"


@lru_cache(maxsize=4096)
def _region(city: str) -> str | None:
    """Return a city's region from the gazetteer (None for a city it does not know)."""
    return resolve_city(city).region


def _repeated(changes: pd.DataFrame, key: str, cycle: int) -> tuple[str | None, int]:
    """Return the advice status of (key, cycle) against the previous cycle, and how many cycles in a row back
    from it the advice was the same while the score did not move."""
    rows = {int(r.cycle): r for r in changes[changes["indicator_key"] == key].itertuples()}
    status = rows[cycle].status if cycle in rows else None
    count, at = 0, cycle
    while at in rows:
        row = rows[at]
        moved = _float(row.score_change)
        if row.status != RecommendationStatus.SAME or moved is None or moved != 0:
            break
        count, at = count + 1, int(row.previous_cycle)
    return status, count


def _peers(cycle_rows: pd.DataFrame, city: str, key: str, score: float | None, state: str | None,
           region: str | None, texts: dict[tuple[str, int, str], str], cycle: int) -> tuple[tuple[Peer, ...], int]:
    """Return the peers that scored ``key`` higher than the city (nearest first, then by score) and how many
    other cities scored it at full marks."""
    rows = cycle_rows[(cycle_rows["indicator_key"] == key) & (cycle_rows["city"] != city)]
    full, peers = 0, []
    for r in rows.itertuples():
        peer_score, peer_max = _float(r.score), _float(r.max_score)
        if peer_score is None:
            continue
        at_full = peer_max is not None and peer_score >= peer_max
        full += at_full
        if score is None or peer_score > score:
            scope = _scope(r.state, _region(r.city), state, region)
            peers.append(Peer(r.city, r.state, scope, peer_score, peer_max, at_full, texts.get((r.city, cycle, key))))
    peers.sort(key=lambda p: (SCOPES.index(p.scope), -p.score, p.city))
    return tuple(peers), full


def city_cycles(frames: TrendFrames, city: str) -> list[int]:
    """Return the cycles the city has a report for, ascending."""
    return sorted(int(c) for c in frames.for_city("city_scores", city)["cycle"])


def advise(frames: TrendFrames, city: str, cycle: int | None = None, *,
           texts: dict[tuple[str, int, str], str] | None = None) -> CityAdvice:
    """Return the advice for a city (its warehouse name) in ``cycle`` (its latest when None); ``texts`` is
    ``recommendations_by_key(frames)`` when the caller advises many cities."""
    cycles = city_cycles(frames, city)
    if not cycles:
        raise NoData(f"no report for city {city!r} in the warehouse")
    chosen = cycles[-1] if cycle is None else cycle
    if chosen not in cycles:
        raise NoData(f"{city} has no report for cycle {chosen}; its reports are for cycle(s) "
                     f"{', '.join(map(str, cycles))}")
    earlier = [c for c in cycles if c < chosen]
    previous = earlier[-1] if earlier else None
    totals = frames.for_city("city_scores", city).set_index("cycle").loc[chosen]
    state = totals["state"] if isinstance(totals["state"], str) else None
    region = _region(city)
    trends = frames.indicator_trends
    cycle_rows = trends[trends["cycle"] == chosen]
    own = cycle_rows[cycle_rows["city"] == city]
    before = trends[(trends["city"] == city) & (trends["cycle"] == previous)].set_index("indicator_key")
    changes = frames.for_city("recommendation_changes", city)
    texts = recommendations_by_key(frames) if texts is None else texts
    items = []
    for r in own.itertuples():
        score, max_score = _float(r.score), _float(r.max_score)
        previous_score = _float(before.loc[r.indicator_key, "score"]) if r.indicator_key in before.index else None
        peers, full = _peers(cycle_rows, city, r.indicator_key, score, state, region, texts, chosen)
        status, repeated = _repeated(changes, r.indicator_key, chosen)
        items.append(IndicatorAdvice(
            indicator_key=r.indicator_key,
            indicator_code=r.indicator_code if isinstance(r.indicator_code, str) else None,
            indicator_title=r.indicator_title, pillar_no=int(r.pillar_no), score=score, max_score=max_score,
            points_open=None if score is None or max_score is None else max_score - score,
            peers_full_marks=full, peers=peers, recommendation=texts.get((city, chosen, r.indicator_key)),
            previous_cycle=previous, previous_score=previous_score,
            new_indicator=previous is not None and r.indicator_key not in before.index,
            moved=None if score is None or previous_score is None else score - previous_score,
            advice_status=status, repeated_cycles=repeated,
        ))
    ranked = sorted((a for a in items if a.points_open is not None),
                    key=lambda a: (-(a.points_open or 0.0), -a.peers_full_marks, a.pillar_no, a.indicator_key))
    unscored = sorted((a for a in items if a.points_open is None), key=lambda a: (a.pillar_no, a.indicator_key))
    return CityAdvice(city, state, region, chosen, _float(totals["score"]), _float(totals["max_score"]),
                      tuple(ranked), tuple(unscored))


def peer_summary(peers: Iterable[Peer], limit: int | None = None) -> str:
    """Return peers as one line: "Pimpri-Chinchwad 30/30 (state); Kochi 25/30" (nearest first)."""
    chosen = list(peers)
    shown = chosen if limit is None else chosen[:limit]
    text = "; ".join(f"{p.city} {short_number(p.score)}/{short_number(p.max_score)}" + (f" ({p.scope})" if p.scope != "national"
                                                                           else "") for p in shown)
    more = len(chosen) - len(shown)
    return text + (f"; +{more} more" if more > 0 else "")


CSV_COLUMNS = ("rank", "indicator_key", "indicator_code", "indicator_title", "pillar_no", "score", "max_score",
               "points_open", "peers_full_marks", "peers", "moved", "previous_cycle", "advice_status",
               "repeated_cycles", "recommendation")


def advice_frame(advice: CityAdvice) -> pd.DataFrame:
    """Return the advice as one row per indicator (ranked, then unscored with an empty rank), peers in one
    column."""
    rows = []
    for n, a in enumerate((*advice.ranked, *advice.unscored), start=1):
        rows.append({"rank": n if a.points_open is not None else None, "indicator_key": a.indicator_key,
                     "indicator_code": a.indicator_code, "indicator_title": a.indicator_title,
                     "pillar_no": a.pillar_no, "score": a.score, "max_score": a.max_score,
                     "points_open": a.points_open, "peers_full_marks": a.peers_full_marks,
                     "peers": peer_summary(a.peers), "moved": a.moved, "previous_cycle": a.previous_cycle,
                     "advice_status": a.advice_status, "repeated_cycles": a.repeated_cycles,
                     "recommendation": a.recommendation})
    frame = pd.DataFrame(rows, columns=list(CSV_COLUMNS))
    frame["rank"] = frame["rank"].astype("Int64")
    return frame
