"""Test support: real report files for many cities (the Imphal seed with another title line) and whole-warehouse
snapshots (every table count, every view's rows) to compare two warehouses, on either backend."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from tests.conftest import SEED_TXT

CITIES_CSV = Path(__file__).resolve().parents[2] / "reference" / "cities.csv"
SEED_TITLE = "City: Imphal | State: Manipur"
RUN_TABLES = ("ingest_run", "alembic_version")  # bookkeeping that differs between two runs by design
RUN_VIEWS = ("ingest_runs",)  # the same bookkeeping, as a view


def smart_cities(n: int) -> list[tuple[str, str]]:
    """Return ``(city, state)`` of the first ``n`` Smart Cities of the reference, sorted by name."""
    with CITIES_CSV.open(encoding="utf-8") as fh:
        rows = sorted((r["city"], r["state"]) for r in csv.DictReader(fh))
    if n > len(rows):
        raise ValueError(f"only {len(rows)} cities in the reference, {n} asked for")
    return rows[:n]


def city_report_text(city: str, state: str, *, first_score: int = 0) -> str:
    """Return the seed report's text for another city (``first_score`` replaces the 1.a score 0/30)."""
    seed = SEED_TXT.read_text(encoding="utf-8")
    if seed.count(SEED_TITLE) != 1 or seed.count("Score: 0/30") < 1:
        raise ValueError(f"{SEED_TXT} no longer has the title line {SEED_TITLE!r}")
    body = seed.replace(SEED_TITLE, f"City: {city} | State: {state}")
    return body.replace("Score: 0/30", f"Score: {first_score}/30", 1)


def write_city_report(path: Path, city: str, state: str, *, first_score: int = 0) -> Path:
    """Write one city's report to ``path`` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(city_report_text(city, state, first_score=first_score), encoding="utf-8")
    return path


def write_city_reports(folder: Path, cities: list[tuple[str, str]], *, groups: int = 1) -> list[Path]:
    """Write one report per city, spread round-robin over ``groups`` subfolders ``g0``, ``g1`` ... (1 = flat)."""
    paths = []
    for n, (city, state) in enumerate(cities):
        where = folder / f"g{n % groups}" if groups > 1 else folder
        slug = city.lower().replace(" ", "_").replace("-", "_")
        paths.append(write_city_report(where / f"{slug}_cycle2.txt", city, state, first_score=n % 31))
    return paths


def _canonical(value: Any) -> Any:
    """Return a backend-neutral value: bools as ints, numbers as floats rounded to 6 places."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (float, decimal.Decimal)):
        return round(float(value), 6)
    return value


def _is_time(value: Any) -> bool:
    """Return True for a timestamp, or SQLite's text form of one."""
    if isinstance(value, (dt.datetime, dt.date)):
        return True
    return isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in " T" and value[13] == ":"


def snapshot(url_or_engine: str | Engine) -> dict[str, Any]:
    """Return the row count of every table and the sorted rows of every view (timestamps and run records left out)."""
    engine = url_or_engine if isinstance(url_or_engine, Engine) else create_engine(url_or_engine, poolclass=NullPool)
    try:
        names = inspect(engine)
        tables, views = sorted(names.get_table_names()), sorted(names.get_view_names())
        with engine.connect() as conn:
            shot: dict[str, Any] = {
                f"table {t}": conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one()
                for t in tables if t not in RUN_TABLES
            }
            for view in (v for v in views if v not in RUN_VIEWS):
                result = conn.execute(text(f'SELECT * FROM "{view}"'))
                rows = [tuple("<time>" if _is_time(v) else _canonical(v) for v in row) for row in result]
                shot[f"view {view}"] = sorted(rows, key=repr)
    finally:
        if engine is not url_or_engine:
            engine.dispose()
    return shot


def checksums(shot: dict[str, Any]) -> dict[str, str]:
    """Return a sha256 per entry of a snapshot (short to print when two differ)."""
    return {k: hashlib.sha256(repr(v).encode()).hexdigest()[:16] for k, v in shot.items()}


def incomplete_versions(url_or_engine: str | Engine) -> list[tuple[Any, ...]]:
    """Return the versions that do not hold their full set of indicator rows, or whose file is not loaded."""
    query = text("""
        SELECT v.id, v.indicator_count, COUNT(s.id) AS rows, f.status
        FROM report_version v
        JOIN source_file f ON f.id = v.source_file_id
        LEFT JOIN indicator_score s ON s.report_version_id = v.id
        GROUP BY v.id, v.indicator_count, f.status
        HAVING COUNT(s.id) <> v.indicator_count OR v.indicator_count = 0 OR f.status <> 'loaded'
    """)
    engine = url_or_engine if isinstance(url_or_engine, Engine) else create_engine(url_or_engine, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(query)]
    finally:
        if engine is not url_or_engine:
            engine.dispose()
