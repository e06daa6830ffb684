"""Read the trend views into pandas frames, read-only, and select a city or state by printed name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from core.errors import NoData, WarehouseError, WarehouseMissing
from reference.gazetteer import normalise_name, resolve_city, resolve_state
from warehouse.readonly import readonly_engine
from warehouse.settings import mask_url, resolve_url
from warehouse.views import VIEWS

TREND_VIEWS: tuple[str, ...] = (
    "city_scores", "pillar_scores", "indicator_trends", "national_pillar_stats", "national_indicator_stats",
    "indicator_scores", "quality_issues", "indicator_crosswalk", "recommendation_changes", "national_gaps",
    "score_provenance",
)
"""The views the trends, charts and report read."""


@dataclass(frozen=True)
class TrendFrames:
    """The trend views as frames, sorted for display."""

    city_scores: pd.DataFrame
    pillar_scores: pd.DataFrame
    indicator_trends: pd.DataFrame
    national_pillar_stats: pd.DataFrame
    national_indicator_stats: pd.DataFrame
    indicator_scores: pd.DataFrame
    quality_issues: pd.DataFrame
    indicator_crosswalk: pd.DataFrame
    recommendation_changes: pd.DataFrame
    national_gaps: pd.DataFrame
    score_provenance: pd.DataFrame

    def cities(self, state: str | None = None) -> list[str]:
        """Return the cities with reports (of one state when given), sorted."""
        frame = self.city_scores if state is None else self.city_scores[self.city_scores["state"] == state]
        return sorted(frame["city"].unique())

    def cycles(self) -> list[int]:
        """Return the cycles with reports, ascending."""
        return sorted(int(c) for c in self.city_scores["cycle"].unique())

    def for_city(self, frame_name: str, city: str) -> pd.DataFrame:
        """Return one view's rows of one city."""
        frame: pd.DataFrame = getattr(self, frame_name)
        return frame[frame["city"] == city]


@contextmanager
def open_warehouse(url: str | None, timeout_s: float = 60.0) -> Iterator[Engine]:
    """Yield a read-only engine on a warehouse whose schema has the trend views; dispose it afterwards."""
    engine = readonly_engine(url, timeout_s)
    try:
        try:
            views = set(inspect(engine).get_view_names())
        except SQLAlchemyError as exc:
            raise WarehouseError(f"cannot open the warehouse at {mask_url(resolve_url(url))}: "
                                 f"{' '.join(str(exc).split())[:300]}") from None
        missing = [v for v in VIEWS if v not in views]
        if missing:
            raise WarehouseMissing(f"the warehouse at {mask_url(resolve_url(url))} lacks the view(s) "
                                   f"{', '.join(missing)}; run `dmaf db upgrade` (or `dmaf ingest`) first")
        yield engine
    finally:
        engine.dispose()


def read_view(engine: Engine, view: str) -> pd.DataFrame:
    """Return every row of one public view."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")
    with engine.connect() as conn:
        return pd.read_sql_query(text(f"SELECT * FROM {view}"), conn)


_SORT = {
    "city_scores": ["cycle", "rank", "city"],
    "pillar_scores": ["city", "cycle", "pillar_no"],
    "indicator_trends": ["city", "pillar_no", "indicator_key", "cycle"],
    "national_pillar_stats": ["cycle", "pillar_no"],
    "national_indicator_stats": ["cycle", "pillar_no", "indicator_key"],
    "indicator_scores": ["city", "cycle", "pillar_no", "indicator_code"],
    "quality_issues": ["city", "cycle", "severity", "rule", "message"],
    "indicator_crosswalk": ["cycle", "pillar_no", "indicator_code"],
    "recommendation_changes": ["city", "indicator_key", "cycle"],
    "national_gaps": ["cycle", "pillar_no", "indicator_key"],
    "score_provenance": ["city", "cycle", "indicator_code"],
}


def load_frames(engine: Engine) -> TrendFrames:
    """Read every trend view, sorted for display; raise ``NoData`` when no report is loaded."""
    frames = {name: read_view(engine, name).sort_values(_SORT[name], kind="stable").reset_index(drop=True)
              for name in TREND_VIEWS}
    if frames["city_scores"].empty:
        raise NoData("the warehouse has no loaded report yet; run `dmaf ingest <folder>` first")
    return TrendFrames(**frames)


def _lookup(name: str, candidates: Iterable[str], kind: str, plural: str) -> str:
    """Return the candidate equal to ``name`` after folding, or raise ``NoData`` listing the candidates."""
    options = sorted(set(candidates))
    for option in options:
        if normalise_name(option) == normalise_name(name):
            return option
    shown = ", ".join(options[:30]) + (" ..." if len(options) > 30 else "")
    raise NoData(f"no report for {kind} {name!r} in the warehouse; {plural} with reports: {shown or 'none'}")


def find_city(frames: TrendFrames, printed: str) -> str:
    """Return the warehouse's city for a printed name or alias ("Bangalore" -> "Bengaluru")."""
    canonical = resolve_city(printed).city
    return _lookup(canonical, frames.cities(), "city", "cities")


def find_state(frames: TrendFrames, printed: str) -> str:
    """Return the warehouse's state for a printed name or alias ("Orissa" -> "Odisha")."""
    canonical = resolve_state(printed) or printed
    return _lookup(canonical, frames.city_scores["state"].dropna(), "state", "states")
