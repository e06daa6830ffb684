"""Reference data as dimension rows: cycles, pillars, indicators (the catalog) and the Smart Cities.

``load_reference`` upserts everything shipped in ``reference/`` into the dimension tables; the
reference is authoritative, so it fills names that a report-driven insert left empty. Idempotent.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Engine

from loaders.upsert import ensure_rows, select_ids, upsert_rows
from reference import gazetteer
from reference.catalog import Catalog, load_catalog
from warehouse.db import write_transaction
from warehouse.models import City, Cycle, Indicator, Pillar


def _years(start: Any, end: Any) -> str | None:
    """Return "2019" or "2020-2021" from ``YYYY-MM`` assessment dates (None when unknown)."""
    first = str(start)[:4] if start else None
    last = str(end)[:4] if end else None
    if first and last and last != first:
        return f"{first}-{last}"
    return first or last


@cache
def cycle_rows() -> dict[int, dict[str, Any]]:
    """Return ``{cycle_no: cycle row}`` for the cycles the reference knows."""
    frame = gazetteer.cycles()
    return {
        int(r["cycle"]): {"cycle_no": int(r["cycle"]), "label": r["label"],
                          "years": _years(r.get("assessment_start"), r.get("assessment_end"))}
        for r in frame.to_dict("records")
    }


def cycle_row(cycle_no: int, printed_label: str | None = None) -> dict[str, Any]:
    """Return the cycle row for ``cycle_no``: the reference's, else one built from the printed label."""
    return dict(cycle_rows().get(cycle_no) or {"cycle_no": cycle_no, "label": printed_label, "years": None})


def pillar_row(catalog: Catalog, cycle_no: int, pillar_no: int) -> dict[str, Any]:
    """Return the pillar row for one cycle's pillar (name and maximum from the catalog when known)."""
    known = {p.pillar_no: p for p in catalog.pillars if p.cycle == cycle_no}
    if pillar_no in known:
        return {"cycle_no": cycle_no, "pillar_no": pillar_no, "name": known[pillar_no].name,
                "max_score": known[pillar_no].max_score}
    return {"cycle_no": cycle_no, "pillar_no": pillar_no, "name": catalog.pillar_name(cycle_no, pillar_no),
            "max_score": None}


def city_rows() -> list[dict[str, Any]]:
    """Return the Smart Cities as city rows, sorted by name."""
    rows = [
        {"name": r["city"], "state": r["state"], "region": r["region"], "known": True}
        for r in gazetteer.cities().to_dict("records")
    ]
    return sorted(rows, key=lambda r: r["name"])


def load_reference(engine: Engine, *, catalog: Catalog | None = None) -> dict[str, int]:
    """Upsert cycles, pillars, indicators and cities from the shipped reference; return row counts."""
    catalog = catalog or load_catalog()
    cycles = sorted(cycle_rows().values(), key=lambda r: r["cycle_no"])
    pillars = sorted(
        (pillar_row(catalog, p.cycle, p.pillar_no) for p in catalog.pillars),
        key=lambda r: (r["cycle_no"], r["pillar_no"]),
    )
    cities = city_rows()
    with write_transaction(engine) as conn:
        ensure_rows(conn, Cycle.__table__, [cycle_row(c) for c in catalog.cycles()], ["cycle_no"])
        upsert_rows(conn, Cycle.__table__, cycles, ["cycle_no"], ["label", "years"])
        upsert_rows(conn, Pillar.__table__, pillars, ["cycle_no", "pillar_no"], ["name", "max_score"])
        pillar_ids = select_ids(conn, Pillar.__table__, ["cycle_no", "pillar_no"])
        indicators = sorted(
            (
                {"cycle_no": i.cycle, "code": i.code, "pillar_no": i.pillar_no,
                 "pillar_id": pillar_ids[(i.cycle, i.pillar_no)], "title": i.title,
                 "max_score": i.max_score, "in_catalog": True, "indicator_key": i.code}
                for i in catalog.indicators
            ),
            key=lambda r: (r["cycle_no"], r["code"]),
        )
        upsert_rows(conn, Indicator.__table__, indicators, ["cycle_no", "code"],
                    ["pillar_no", "pillar_id", "title", "max_score", "in_catalog"])
        upsert_rows(conn, City.__table__, cities, ["name"], ["state", "region", "known"])
    return {"cycle": len(cycles), "pillar": len(pillars), "indicator": len(indicators), "city": len(cities)}
