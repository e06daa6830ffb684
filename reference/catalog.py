"""The indicator catalog: which indicators, pillars and maxima each known cycle has.

Read from ``indicators.csv`` and ``pillars.csv`` beside this module (data, not code).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

DEFAULT_PILLAR_MAX = 100.0


@dataclass(frozen=True, slots=True)
class CatalogIndicator:
    """One indicator of one cycle as the framework defines it."""

    cycle: int
    code: str
    pillar_no: int
    title: str
    max_score: float


@dataclass(frozen=True, slots=True)
class CatalogPillar:
    """One pillar of one cycle."""

    cycle: int
    pillar_no: int
    name: str
    max_score: float


@dataclass(frozen=True, slots=True)
class Catalog:
    """All known cycles' indicators and pillars."""

    indicators: tuple[CatalogIndicator, ...]
    pillars: tuple[CatalogPillar, ...]

    def cycles(self) -> tuple[int, ...]:
        """Return the cycles the catalog knows, ascending."""
        return tuple(sorted({i.cycle for i in self.indicators}))

    def indicators_for(self, cycle: int | None) -> dict[str, CatalogIndicator]:
        """Return ``{code: indicator}`` for a cycle (empty when the cycle is unknown)."""
        return {i.code: i for i in self.indicators if i.cycle == cycle}

    def pillar_max(self, cycle: int | None, pillar_no: int) -> float:
        """Return a pillar's maximum (the framework's 100 when the cycle is unknown)."""
        for p in self.pillars:
            if p.cycle == cycle and p.pillar_no == pillar_no:
                return p.max_score
        return DEFAULT_PILLAR_MAX

    def cycle_pillars(self, cycle: int | None) -> dict[int, float]:
        """Return ``{pillar no: maximum}`` of a cycle's pillars (empty when the catalog does not know them)."""
        return {p.pillar_no: p.max_score for p in sorted(self.pillars, key=lambda p: p.pillar_no) if p.cycle == cycle}

    def pillar_name(self, cycle: int | None, pillar_no: int) -> str:
        """Return a pillar's name; for an unknown cycle, the nearest known cycle's name."""
        known = [p for p in self.pillars if p.pillar_no == pillar_no]
        if not known:
            return f"Pillar {pillar_no}"
        exact = [p for p in known if p.cycle == cycle]
        if exact:
            return exact[0].name
        return min(known, key=lambda p: abs(p.cycle - (cycle or 0))).name


def _rows(name: str) -> list[dict[str, str]]:
    """Read one CSV shipped in this package."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def load_catalog() -> Catalog:
    """Return the catalog shipped with the code (read once per process)."""
    indicators = tuple(
        CatalogIndicator(int(r["cycle"]), r["code"], int(r["pillar_no"]), r["title"], float(r["max_score"]))
        for r in _rows("indicators.csv")
    )
    pillars = tuple(
        CatalogPillar(int(r["cycle"]), int(r["pillar_no"]), r["pillar"], float(r["max_score"]))
        for r in _rows("pillars.csv")
    )
    return Catalog(indicators, pillars)
