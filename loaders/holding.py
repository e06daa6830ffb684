"""A new version never silently replaces a better one: when it reads clearly less than the current version.

A file still being written, a damaged copy or an export that lost its tables reads fewer indicators,
more pillars that no longer add up, or a much lower confidence than the version already current for
its (city, cycle). Such a version is loaded (nothing is lost) but *held*: not current, with the reason
in ``report_version.held_reason``. It becomes current only through ``dmaf versions promote``; a later
version that reads as completely as the current one becomes current as usual.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select, update

from core.errors import NoData
from core.statuses import Severity
from loaders.confidence import confidence_text
from loaders.dims import lock_reports
from loaders.recommendations import refresh_recommendation_changes
from warehouse.db import write_transaction
from warehouse.models import (
    City,
    QualityIssue,
    Report,
    ReportVersion,
    SourceFileRow,
    utcnow,
)

_RV = ReportVersion.__table__
_QI = QualityIssue.__table__
_CITY = City.__table__
_REPORT = Report.__table__
_SF = SourceFileRow.__table__

CONFIDENCE_DROP = 0.15
"""A new version whose confidence is this much below the current one's is held."""


@dataclass(frozen=True, slots=True)
class Reading:
    """How completely one version reads: its indicators, error-level quality issues and confidence."""

    indicators: int
    errors: int
    confidence: float | None


def worse_reading(new: Reading, current: Reading) -> str | None:
    """Return why ``new`` reads clearly less than ``current`` (fewer indicators, more error-level quality
    issues such as a pillar that no longer adds up, a confidence ``CONFIDENCE_DROP`` lower), or None."""
    reasons = []
    if new.indicators < current.indicators:
        reasons.append(f"it reads {new.indicators} indicator(s), the current version {current.indicators}")
    if new.errors > current.errors:
        reasons.append(f"it has {new.errors} error-level quality issue(s) (a pillar that does not add up, ...), "
                       f"the current version {current.errors}")
    if (new.confidence is not None and current.confidence is not None
            and new.confidence < current.confidence - CONFIDENCE_DROP):
        reasons.append(f"its confidence is {confidence_text(new.confidence)}, the current version's "
                       f"{confidence_text(current.confidence)}")
    return "; ".join(reasons) or None


def _reading(conn: Connection, version_id: int) -> Reading:
    """Return how completely a stored version reads."""
    row = conn.execute(select(_RV.c.indicator_count, _RV.c.confidence).where(_RV.c.id == version_id)).one()
    errors = conn.execute(select(func.count()).select_from(_QI).where(
        _QI.c.report_version_id == version_id, _QI.c.severity == Severity.ERROR.value)).scalar_one()
    return Reading(row.indicator_count or 0, errors, row.confidence)


def hold_if_worse(conn: Connection, *, report_id: int, version_id: int) -> str | None:
    """Hold the new version ``version_id`` back when it reads clearly less than its report's current version;
    return the reason (also stored in ``held_reason``), or None when it may become current."""
    current = conn.execute(select(_RV.c.id, _RV.c.sha256).where(
        _RV.c.report_id == report_id, _RV.c.is_current.is_(True), _RV.c.id != version_id)).first()
    if current is None:
        return None
    reason = worse_reading(_reading(conn, version_id), _reading(conn, current.id))
    if reason is None:
        return None
    held = f"{reason} ({current.sha256[:12]} stays current)"
    conn.execute(update(_RV).where(_RV.c.id == version_id).values(held_reason=held, current_reason=f"held: {held}"))
    return held


@dataclass(frozen=True, slots=True)
class HeldVersion:
    """A version held back from being current: which report, which file, and why."""

    sha256: str
    city: str
    cycle: int
    path: str
    reason: str


def held_versions(engine: Engine) -> list[HeldVersion]:
    """Return every held version, by city and cycle."""
    query = (select(_RV.c.sha256, _CITY.c.name, _REPORT.c.cycle_no, _SF.c.path, _RV.c.held_reason)
             .join(_REPORT, _REPORT.c.id == _RV.c.report_id).join(_CITY, _CITY.c.id == _REPORT.c.city_id)
             .join(_SF, _SF.c.id == _RV.c.source_file_id).where(_RV.c.held_reason.is_not(None))
             .order_by(_CITY.c.name, _REPORT.c.cycle_no, _RV.c.id))
    with engine.connect() as conn:
        return [HeldVersion(r.sha256, r.name, r.cycle_no, r.path, r.held_reason) for r in conn.execute(query)]


def promote_version(engine: Engine, sha_prefix: str) -> HeldVersion:
    """Make the version whose sha256 starts with ``sha_prefix`` (at least 8 characters) current, in one
    transaction; return it. Raise ``NoData`` when no version or several match."""
    prefix = sha_prefix.strip().lower()
    if len(prefix) < 8 or any(c not in "0123456789abcdef" for c in prefix):
        raise NoData(f"{sha_prefix!r} is not a version: give at least the first 8 hex digits of its sha256 "
                     "(the report_versions view lists them)")
    query = (select(_RV.c.id, _RV.c.sha256, _RV.c.held_reason, _CITY.c.name, _REPORT.c.cycle_no, _SF.c.path)
             .join(_REPORT, _REPORT.c.id == _RV.c.report_id).join(_CITY, _CITY.c.id == _REPORT.c.city_id)
             .join(_SF, _SF.c.id == _RV.c.source_file_id).where(_RV.c.sha256.startswith(prefix, autoescape=True)))
    with write_transaction(engine) as conn:
        rows = conn.execute(query).all()
        if len(rows) != 1:
            raise NoData(f"no version's sha256 starts with {prefix}" if not rows else
                         f"{len(rows)} versions' sha256 start with {prefix}: give more of it")
        row = rows[0]
        report_id = conn.execute(select(_RV.c.report_id).where(_RV.c.id == row.id)).scalar_one()
        lock_reports(conn, [report_id])
        promote(conn, version_id=row.id)
        city_id = conn.execute(select(_REPORT.c.city_id).where(_REPORT.c.id == report_id)).scalar_one()
        refresh_recommendation_changes(conn, city_ids=[city_id])
    return HeldVersion(row.sha256, row.name, row.cycle_no, row.path, row.held_reason or "not held")


def promote(conn: Connection, *, version_id: int) -> None:
    """Make a version current by hand (``dmaf versions promote``): its hold is lifted and the version that was
    current is superseded by it."""
    row = conn.execute(select(_RV.c.report_id, _RV.c.sha256).where(_RV.c.id == version_id)).one()
    now = utcnow().isoformat(timespec="seconds")
    conn.execute(update(_RV).where(_RV.c.report_id == row.report_id, _RV.c.id != version_id,
                                   _RV.c.is_current.is_(True))
                 .values(is_current=False, superseded_by=version_id,
                         current_reason=f"superseded by {row.sha256[:12]}, promoted by hand {now}"))
    conn.execute(update(_RV).where(_RV.c.id == version_id).values(
        is_current=True, superseded_by=None, held_reason=None, current_reason=f"promoted by hand {now}"))
