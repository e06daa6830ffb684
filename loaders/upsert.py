"""Race-safe inserts on natural keys: ``INSERT ... ON CONFLICT`` for SQLite and PostgreSQL alike.

Two processes inserting the same dimension row at once both succeed and leave one row: the loser's
insert does nothing (on PostgreSQL it waits for the winner to commit), then both select the row's id.
Callers pass rows sorted by key so concurrent transactions take row locks in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


def _insert(conn: Connection, table: Table) -> Insert:
    """Return the dialect's INSERT (the one that has ``on_conflict_*``)."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise ValueError(f"unsupported dialect {conn.dialect.name!r}: expected sqlite or postgresql")


def ensure_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> None:
    """Insert the rows whose natural key ``keys`` is not there yet; leave existing rows untouched."""
    if rows:  # parameters apart from the statement (executemany): compiled once, then served from the cache
        conn.execute(_insert(conn, table).on_conflict_do_nothing(index_elements=list(keys)), [dict(r) for r in rows])


def upsert_rows(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], keys: Sequence[str], update: Sequence[str]
) -> None:
    """Insert the rows, or update the ``update`` columns of those whose natural key exists."""
    if not rows:
        return
    stmt = _insert(conn, table)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_={c: stmt.excluded[c] for c in update})
    conn.execute(stmt, [dict(r) for r in rows])


def insert_returning_id(conn: Connection, table: Table, row: Mapping[str, Any], keys: Sequence[str]) -> int | None:
    """Insert one row and return its id, or None when a row with the same natural key exists."""
    stmt = _insert(conn, table).values(dict(row)).on_conflict_do_nothing(index_elements=list(keys))
    return conn.execute(stmt.returning(table.c.id)).scalar_one_or_none()


def select_ids(
    conn: Connection, table: Table, keys: Sequence[str], values: Sequence[tuple[Any, ...]] | None = None
) -> dict[tuple[Any, ...], int]:
    """Return ``{natural key tuple: id}`` for the given keys (all rows when ``values`` is None)."""
    columns = [table.c[k] for k in keys]
    query = select(*columns, table.c.id)
    if values is not None:
        if not values:
            return {}
        query = query.where(tuple_(*columns).in_(list(values)))
    return {tuple(row[:-1]): row[-1] for row in conn.execute(query)}
