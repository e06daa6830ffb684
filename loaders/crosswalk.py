"""Crosswalk keys in the warehouse: recompute ``indicator.indicator_key`` for a cycle from its stored titles.

Keys are decided per cycle over every indicator row the warehouse holds for it (so the one-indicator-per-key
rule sees the whole cycle), with ``reference.crosswalk.assign_keys``. Only rows whose key, method or
similarity changed are updated, in id order, so concurrent loads of one cycle take row locks in the same
order; a load of another cycle touches other rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select, update

from reference.catalog import Catalog
from reference.crosswalk import Crosswalk, CrosswalkOptions, IndicatorTitle, assign_keys
from warehouse.models import Indicator

_IND = Indicator.__table__


def _changed(row: Any, key: str, method: str, similarity: float | None) -> bool:
    """Return True when a stored row differs from its computed key."""
    stored = None if row.key_similarity is None else round(row.key_similarity, 6)
    wanted = None if similarity is None else round(similarity, 6)
    return (row.indicator_key, row.key_method, stored) != (key, method, wanted)


def refresh_indicator_keys(
    conn: Connection, *, cycle_no: int | None = None, catalog: Catalog | None = None,
    crosswalk: Crosswalk | None = None, options: CrosswalkOptions | dict | None = None,
) -> int:
    """Recompute the keys of one cycle's indicators (every cycle when None); return how many rows changed."""
    columns = (_IND.c.id, _IND.c.cycle_no, _IND.c.code, _IND.c.pillar_no, _IND.c.title, _IND.c.indicator_key,
               _IND.c.key_method, _IND.c.key_similarity)
    query = select(*columns).order_by(_IND.c.id)
    if cycle_no is not None:
        query = query.where(_IND.c.cycle_no == cycle_no)
    by_cycle: dict[int, list[Any]] = defaultdict(list)
    for row in conn.execute(query):
        by_cycle[row.cycle_no].append(row)
    updates = []
    for cycle, rows in sorted(by_cycle.items()):
        titles = [IndicatorTitle(r.code, r.pillar_no, r.title) for r in rows]
        keys = assign_keys(cycle, titles, catalog=catalog, crosswalk=crosswalk, options=options)
        for row in rows:
            match = keys[row.code]
            if _changed(row, match.indicator_key, match.method, match.similarity):
                updates.append((row.id, match))
    for row_id, match in sorted(updates, key=lambda u: u[0]):
        conn.execute(update(_IND).where(_IND.c.id == row_id).values(
            indicator_key=match.indicator_key, key_method=match.method, key_similarity=match.similarity))
    return len(updates)
