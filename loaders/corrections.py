"""Reviewers' corrections of scores: recorded, replaced, undone and carried over, each in one transaction.

A correction is keyed to a document version's content (sha256) and an indicator code, never to a row id, so
``dmaf reprocess`` (which rebuilds the version's facts), a re-ingest (skipped) and a byte-identical copy
(a duplicate of the same version) all keep it; the views apply it (``warehouse.views``). New bytes for the
same report are a new version: the correction stays on the old one and is listed as *stale* until a
reviewer carries it over. Nothing is ever deleted; the ``corrections`` view is the audit.

Every change locks the report's row (as the loaders do), so on PostgreSQL a correction and a concurrent load
of the same report happen one after the other and neither is lost.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, Table, select, text, update

from core.errors import InvalidCorrection
from core.text import short_number
from loaders.dims import lock_reports
from reference.gazetteer import normalise_name, resolve_city
from warehouse.db import write_transaction
from warehouse.models import (
    City,
    Indicator,
    IndicatorScore,
    Report,
    ReportVersion,
    ScoreCorrection,
    utcnow,
)

_K = ScoreCorrection.__table__
_RV = ReportVersion.__table__
_REPORT = Report.__table__
_CITY = City.__table__
_IS = IndicatorScore.__table__
_IND = Indicator.__table__

CSV_COLUMNS = ("city", "cycle", "indicator", "score", "max", "not_assessed", "reason", "by")
"""The columns of a corrections CSV (``dmaf correct --file``); ``max``, ``not_assessed`` and ``by`` may be
left out or empty."""

_TRUE = frozenset(("1", "true", "yes", "y", "x"))
_FALSE = frozenset(("", "0", "false", "no", "n"))


@dataclass(frozen=True, slots=True)
class CorrectionRequest:
    """What a reviewer asks: this city's report of this cycle, this indicator, this score (or not assessed).

    ``where`` names the request in messages ("row 3 of fixes.csv"); empty for the command line.
    """

    city: str
    cycle: int
    indicator: str
    score: float | None
    reason: str
    by: str
    max_score: float | None = None
    not_assessed: bool = False
    where: str = ""


@dataclass(frozen=True, slots=True)
class Correction:
    """One stored correction, as the command line reports it."""

    id: int
    city: str
    cycle: int
    indicator: str
    score: float | None
    max_score: float | None
    not_assessed: bool
    score_before: float | None
    max_before: float | None
    reason: str
    corrected_by: str
    sha256: str
    replaced: int | None = None
    carried_from: int | None = None

    def describe(self) -> str:
        """Return one line: which score became what, and what it replaced."""
        after = "not assessed" if self.not_assessed else f"{short_number(self.score)}/{short_number(self.max_score)}"
        line = (f"correction {self.id}: {self.city}, cycle {self.cycle}, {self.indicator}: "
                f"{short_number(self.score_before)}/{short_number(self.max_before)} (parsed) -> {after}")
        if self.carried_from is not None:
            line += f", carried over from correction {self.carried_from}"
        if self.replaced is not None:
            line += f" (replaces correction {self.replaced})"
        return line


def check_request(request: CorrectionRequest) -> str | None:
    """Return why a request cannot be a correction (before the warehouse is read), or None."""
    if not request.reason.strip():
        return "give a --reason: a correction without one cannot be audited"
    if not request.by.strip():
        return "say who corrects (--by, or $USER)"
    if request.not_assessed:
        return "give either a score or not assessed, not both" if request.score is not None else None
    if request.score is None:
        return "give a score (or --not-assessed)"
    for name, value in (("score", request.score), ("maximum", request.max_score)):
        if value is not None and (math.isnan(value) or math.isinf(value) or value < 0):
            return f"the {name} {value:g} is not a number of points"
    if request.max_score is not None and request.max_score <= 0:
        return f"the maximum {request.max_score:g} is not a maximum"
    return None


def _refuse(request: CorrectionRequest, problem: str) -> InvalidCorrection:
    """Return the error naming the request and what is wrong; nothing is changed."""
    where = f"{request.where}: " if request.where else ""
    return InvalidCorrection(f"{where}{request.city}, cycle {request.cycle}, {request.indicator}: {problem}; "
                             "nothing was changed")


def _city_id(conn: Connection, printed: str) -> tuple[int, str] | None:
    """Return the warehouse city for a printed name or alias (folded, then through the gazetteer), or None."""
    rows = conn.execute(select(_CITY.c.id, _CITY.c.name)).all()
    for wanted in (normalise_name(printed), normalise_name(resolve_city(printed).city)):
        for row in rows:
            if normalise_name(row.name) == wanted:
                return row.id, row.name
    return None


def _current_version(conn: Connection, request: CorrectionRequest) -> dict[str, Any]:
    """Return the current version (id, sha256, report_id, city) of the request's report, locked."""
    found = _city_id(conn, request.city)
    if found is None:
        names = sorted(conn.execute(select(_CITY.c.name)).scalars())
        shown = ", ".join(names[:30]) + (" ..." if len(names) > 30 else "")
        raise _refuse(request, f"no city of that name in the warehouse (cities: {shown or 'none'})")
    city_id, city = found
    report_id = conn.execute(select(_REPORT.c.id).where(_REPORT.c.city_id == city_id,
                                                        _REPORT.c.cycle_no == request.cycle)).scalar()
    if report_id is None:
        cycles = sorted(conn.execute(select(_REPORT.c.cycle_no).where(_REPORT.c.city_id == city_id)).scalars())
        raise _refuse(request, f"{city} has no report for that cycle (cycles: {', '.join(map(str, cycles))})")
    lock_reports(conn, [report_id])
    return conn.execute(select(_RV.c.id, _RV.c.sha256, _RV.c.report_id).where(
        _RV.c.report_id == report_id, _RV.c.is_current.is_(True))).one()._asdict() | {"city": city}


def _parsed(conn: Connection, version_id: int, code: str) -> Row | None:
    """Return the parsed score, maximum (the indicator's when none was printed) and status of one indicator."""
    query = (select(_IS.c.code, _IS.c.score, _IS.c.score_status, _IS.c.max_score, _IND.c.max_score.label("catalog_max"))
             .join(_IND, _IND.c.id == _IS.c.indicator_id).where(_IS.c.report_version_id == version_id))
    rows = conn.execute(query).all()
    wanted = code.strip().casefold()
    return next((r for r in rows if r.code.casefold() == wanted), None)


def _codes(conn: Connection, version_id: int) -> list[str]:
    """Return the indicator codes read from a version, in report order."""
    return list(conn.execute(select(_IS.c.code).where(_IS.c.report_version_id == version_id)
                             .order_by(_IS.c.ordinal)).scalars())


def insert_replacing(conn: Connection, table: Table, keys: dict[str, Any],
                     values: dict[str, Any]) -> tuple[int, int | None]:
    """Insert an active correction into ``table``, replacing the active one with the same ``keys`` (it is
    deactivated first, for the unique index, then pointed at its replacement); return (new id, replaced id)."""
    same = [table.c[name] == value for name, value in keys.items()]
    previous = conn.execute(select(table.c.id).where(*same, table.c.active.is_(True))).scalar()
    if previous is not None:
        conn.execute(update(table).where(table.c.id == previous).values(active=False))
    new_id = conn.execute(table.insert().values(active=True, **keys, **values).returning(table.c.id)).scalar_one()
    if previous is not None:
        conn.execute(update(table).where(table.c.id == previous).values(replaced_by=new_id))
    return new_id, previous


def _record(conn: Connection, request: CorrectionRequest, now: datetime, carried_from: int | None = None) -> Correction:
    """Record one request against its report's current version (inside the caller's transaction)."""
    version = _current_version(conn, request)
    parsed = _parsed(conn, version["id"], request.indicator)
    if parsed is None:
        raise _refuse(request, f"the current version ({version['sha256'][:12]}) has no such indicator; it has "
                               f"{', '.join(_codes(conn, version['id']))}")
    max_before = parsed.max_score if parsed.max_score is not None else parsed.catalog_max
    max_score = request.max_score if request.max_score is not None else max_before
    if not request.not_assessed and max_score is not None and request.score > max_score:
        raise _refuse(request, f"the score {request.score:g} is above the maximum {max_score:g} (give --max if the "
                               "report prints another maximum)")
    values = {
        "score": None if request.not_assessed else request.score,
        "max_score": request.max_score,
        "not_assessed": request.not_assessed, "score_before": parsed.score, "max_before": max_before,
        "status_before": parsed.score_status, "reason": request.reason.strip(), "corrected_by": request.by.strip(),
        "corrected_at": now, "carried_from": carried_from,
    }
    new_id, previous = insert_replacing(conn, _K, {"sha256": version["sha256"], "indicator_code": parsed.code},
                                        values)
    return Correction(new_id, version["city"], request.cycle, parsed.code, values["score"], max_score,
                      request.not_assessed, parsed.score, max_before, values["reason"], values["corrected_by"],
                      version["sha256"], previous, carried_from)


def record_corrections(engine: Engine, requests: Sequence[CorrectionRequest]) -> list[Correction]:
    """Record every request in one transaction (all or none); return the stored corrections.

    Raise ``InvalidCorrection`` naming the first request that cannot be recorded; then nothing is changed.
    """
    for request in requests:
        if problem := check_request(request):
            raise _refuse(request, problem)
    now = utcnow()
    with write_transaction(engine) as conn:
        return [_record(conn, request, now) for request in requests]


def _stored(conn: Connection, correction_id: int) -> Row:
    """Return one row of the ``corrections`` view, or raise ``InvalidCorrection``."""
    row = conn.execute(text("SELECT * FROM corrections WHERE correction_id = :id"), {"id": correction_id}).first()
    if row is None:
        raise InvalidCorrection(f"there is no correction {correction_id} (the corrections view lists them); "
                                "nothing was changed")
    return row


def _lock_version_report(conn: Connection, sha256: str) -> None:
    """Lock the report row of the version a correction belongs to."""
    lock_reports(conn, [conn.execute(select(_RV.c.report_id).where(_RV.c.sha256 == sha256)).scalar_one()])


def undo_correction(engine: Engine, correction_id: int, *, by: str, reason: str = "") -> Row:
    """End an active correction (the parsed value shows again); return its audit row as it is now.

    Raise ``InvalidCorrection`` for an unknown id, or one already undone or replaced by a newer correction.
    """
    with write_transaction(engine) as conn:
        row = _stored(conn, correction_id)
        _lock_version_report(conn, row.sha256)
        row = _stored(conn, correction_id)
        if row.status == "undone":
            raise InvalidCorrection(f"correction {correction_id} was already undone by {row.undone_by}; "
                                    "nothing was changed")
        if row.status == "replaced":
            raise InvalidCorrection(f"correction {correction_id} was replaced by correction {row.replaced_by}; undo "
                                    "that one instead; nothing was changed")
        conn.execute(update(_K).where(_K.c.id == correction_id).values(
            active=False, undone_at=utcnow(), undone_by=by.strip() or "unknown", undo_reason=reason.strip() or None))
        return _stored(conn, correction_id)


def stale_ids(engine: Engine, *, city: str | None = None, cycle: int | None = None) -> list[int]:
    """Return the ids of the stale corrections (of one city and/or cycle when given), oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT correction_id, city, cycle FROM corrections WHERE status = 'stale' "
                                 "ORDER BY correction_id")).all()
        wanted = None
        if city is not None:
            found = _city_id(conn, city)
            wanted = found[1] if found else city
    return [r.correction_id for r in rows
            if (wanted is None or r.city == wanted) and (cycle is None or r.cycle == cycle)]


def carry_over(engine: Engine, ids: Iterable[int], *, by: str, reason: str = "") -> list[Correction]:
    """Apply stale corrections to their report's current version, in one transaction; return the new ones.

    Each new correction repeats the old one's score (or not assessed) and reason, records the new version's
    parsed value as its "before", and points back to the old one (``carried_from``). Raise
    ``InvalidCorrection`` for an id that is not stale; then nothing is changed.
    """
    now = utcnow()
    carried = []
    with write_transaction(engine) as conn:
        for correction_id in ids:
            row = _stored(conn, correction_id)
            if row.status != "stale":
                raise InvalidCorrection(f"correction {correction_id} is {row.status}, not stale: only a correction "
                                        "of an older version can be carried over; nothing was changed")
            note = f"{row.reason} (carried over from correction {correction_id}" + (f": {reason.strip()})"
                                                                                    if reason.strip() else ")")
            request = CorrectionRequest(city=row.city, cycle=row.cycle, indicator=row.indicator_code, score=row.score,
                                        reason=note, by=by, max_score=row.max_score,
                                        not_assessed=bool(row.not_assessed), where=f"correction {correction_id}")
            if problem := check_request(request):
                raise _refuse(request, problem)
            carried.append(_record(conn, request, now, carried_from=correction_id))
    return carried


def _cell(row: dict[str, str | None], name: str) -> str:
    """Return a CSV cell, stripped ("" when the column is absent or empty)."""
    return (row.get(name) or "").strip()


def _float(value: str, what: str) -> float | None:
    """Read a number cell ("12.5", "12,5"); None when empty."""
    if not value:
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a number") from None


def requests_from_csv(content: str, *, source: str, by: str) -> list[CorrectionRequest]:
    """Read a corrections CSV (``CSV_COLUMNS``; header required, ``by`` defaulting to ``by``).

    Raise ``InvalidCorrection`` naming the row and column of the first cell that cannot be read.
    """
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = [(h or "").strip().casefold() for h in reader.fieldnames or ()]
    missing = [c for c in ("city", "cycle", "indicator", "reason") if c not in header]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if missing or unknown:
        problem = f"missing column(s) {', '.join(missing)}" if missing else f"unknown column(s) {', '.join(unknown)}"
        raise InvalidCorrection(f"{source}: {problem}; the columns are {', '.join(CSV_COLUMNS)}; nothing was changed")
    requests = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().casefold(): v for k, v in raw.items() if k is not None}
        where = f"row {number} of {source}"
        if not any(_cell(row, c) for c in CSV_COLUMNS):
            continue
        try:
            cycle_text = _cell(row, "cycle")
            if not cycle_text.isdigit():
                raise ValueError(f"cycle {cycle_text!r} is not a cycle number")
            flag = _cell(row, "not_assessed").casefold()
            if flag not in _TRUE | _FALSE:
                raise ValueError(f"not_assessed {flag!r} is not yes or no")
            request = CorrectionRequest(
                city=_cell(row, "city"), cycle=int(cycle_text), indicator=_cell(row, "indicator"),
                score=_float(_cell(row, "score"), "score"), reason=_cell(row, "reason"),
                by=_cell(row, "by") or by, max_score=_float(_cell(row, "max"), "max"), not_assessed=flag in _TRUE,
                where=where)
        except ValueError as exc:
            raise InvalidCorrection(f"{where}: {exc}; nothing was changed") from None
        if not request.city or not request.indicator:
            raise InvalidCorrection(f"{where}: the city and the indicator are needed; nothing was changed")
        requests.append(request)
    if not requests:
        raise InvalidCorrection(f"{source}: no correction in it (the columns are {', '.join(CSV_COLUMNS)})")
    return requests

