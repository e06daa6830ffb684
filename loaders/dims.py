"""Dimension rows a report needs (cycle, pillars, indicators, city, report), upserted race-safely.

Rows are inserted in one fixed order (cycle, pillars, indicators, city, report; each sorted by key), so
two transactions loading at once on PostgreSQL take their locks in the same order and cannot deadlock.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from loaders.reference import cycle_row, pillar_row
from loaders.upsert import ensure_rows, select_ids
from reference.catalog import Catalog
from warehouse.models import City, Cycle, Indicator, Pillar, Report


def indicator_dimension_rows(
    cycle_no: int, indicators: Sequence[dict[str, Any]], pillar_ids: dict[int, int]
) -> list[dict[str, Any]]:
    """Return indicator dimension rows: catalog title and maximum when known, else as printed."""
    rows = [
        {
            "cycle_no": cycle_no, "code": r["code"], "pillar_no": r["pillar_no"],
            "pillar_id": pillar_ids[r["pillar_no"]], "title": r["catalog_title"] or r["title"],
            "max_score": r["catalog_max_score"] if r["in_catalog"] else r["max_score"],
            "in_catalog": bool(r["in_catalog"]), "indicator_key": r["code"],
        }
        for r in indicators
    ]
    return sorted(rows, key=lambda r: r["code"])


def ensure_indicators(
    conn: Connection, *, cycle_no: int, cycle_label: str | None, indicators: Sequence[dict[str, Any]],
    catalog: Catalog,
) -> dict[str, int]:
    """Ensure the cycle, its pillars and the indicators exist; return ``{code: indicator id}``."""
    ensure_rows(conn, Cycle.__table__, [cycle_row(cycle_no, cycle_label)], ["cycle_no"])
    pillar_nos = sorted({int(r["pillar_no"]) for r in indicators})
    pillar_rows = [pillar_row(catalog, cycle_no, p) for p in pillar_nos]
    ensure_rows(conn, Pillar.__table__, pillar_rows, ["cycle_no", "pillar_no"])
    by_key = select_ids(conn, Pillar.__table__, ["cycle_no", "pillar_no"], [(cycle_no, p) for p in pillar_nos])
    pillar_ids = {pillar_no: pid for (_, pillar_no), pid in by_key.items()}
    rows = indicator_dimension_rows(cycle_no, indicators, pillar_ids)
    ensure_rows(conn, Indicator.__table__, rows, ["cycle_no", "code"])
    ids = select_ids(conn, Indicator.__table__, ["cycle_no", "code"], [(cycle_no, r["code"]) for r in rows])
    return {code: iid for (_, code), iid in ids.items()}


def ensure_city(conn: Connection, document: dict[str, Any]) -> int:
    """Ensure the document's (canonical) city exists and return its id."""
    row = {"name": document["city"], "state": document["state"], "region": document["region"],
           "known": bool(document["city_known"])}
    return ensure_cities(conn, [row])[row["name"]]


def ensure_cities(conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Ensure the cities exist (``name``, ``state``, ``region``, ``known``; inserted in name order); return
    ``{name: id}``."""
    ensure_rows(conn, City.__table__, sorted(rows, key=lambda r: r["name"]), ["name"])
    ids = select_ids(conn, City.__table__, ["name"], [(r["name"],) for r in rows])
    return {name: cid for (name,), cid in ids.items()}


def ensure_report(conn: Connection, *, city_id: int, cycle_no: int) -> int:
    """Ensure the (city, cycle) report exists and return its id."""
    table = Report.__table__
    ensure_rows(conn, table, [{"city_id": city_id, "cycle_no": cycle_no}], ["city_id", "cycle_no"])
    return select_ids(conn, table, ["city_id", "cycle_no"], [(city_id, cycle_no)])[(city_id, cycle_no)]


def lock_reports(conn: Connection, report_ids: Sequence[int]) -> None:
    """Lock report rows (in id order) until the transaction ends.

    Every change to a report's versions happens under its lock, so on PostgreSQL concurrent loads of the
    same report decide "which version is current" one at a time (on SQLite ``BEGIN IMMEDIATE`` already
    serialises every writer).
    """
    table = Report.__table__
    for report_id in sorted(set(report_ids)):
        conn.execute(select(table.c.id).where(table.c.id == report_id).with_for_update(key_share=True)).one()
