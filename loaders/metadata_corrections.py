"""Reviewers' corrections of a document's city, state or cycle: recorded and restored inside the transaction
that rebuilds the version's facts (``loaders.load.replace_facts``), so the version moves to its corrected
report at once and stays there through every later reprocess.

Like score corrections they are keyed to the version's content (sha256): other bytes of the same report are
read on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection, Engine, Row, select, update

from core.errors import InvalidCorrection
from core.records import ParsedReport
from loaders.corrections import insert_replacing
from warehouse.models import (
    City,
    MetadataCorrection,
    Report,
    ReportVersion,
    SourceFileRow,
    utcnow,
)

_M = MetadataCorrection.__table__
_RV = ReportVersion.__table__
_SF = SourceFileRow.__table__
_REPORT = Report.__table__
_CITY = City.__table__

FIELDS = ("city", "state", "cycle")
"""The fields of a document that can be corrected."""


@dataclass(frozen=True, slots=True)
class MetadataRequest:
    """What a reviewer says a document is: its city, state and/or cycle (None: as read)."""

    document: str
    reason: str
    by: str
    city: str | None = None
    state: str | None = None
    cycle: int | None = None

    def values(self) -> dict[str, str]:
        """Return the fields given, as text."""
        given = {"city": self.city, "state": self.state, "cycle": self.cycle}
        return {k: str(v).strip() for k, v in given.items() if v is not None and str(v).strip()}


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored version found by path or sha256 prefix: its content, file and where it is placed now."""

    sha256: str
    path: str
    city: str
    state: str | None
    cycle: int


def check_metadata_request(request: MetadataRequest, cycles: tuple[int, ...]) -> str | None:
    """Return why a request cannot be recorded (before the warehouse is read), or None; ``cycles`` are the
    DMAF cycles there are (the gazetteer's)."""
    if not request.values():
        return "say what the document is: --city, --state and/or --cycle"
    if not request.reason.strip():
        return "give a --reason: a correction without one cannot be audited"
    if not request.by.strip():
        return "say who corrects (--by, or $USER)"
    if request.cycle is not None and request.cycle not in cycles:
        return f"cycle {request.cycle} is not a DMAF cycle (cycles: {', '.join(map(str, cycles))})"
    return None


def find_document(engine: Engine, document: str) -> StoredDocument:
    """Return the stored version a path (as recorded, or its file name if unique) or a sha256 prefix (8+ hex
    digits) names; raise ``InvalidCorrection`` listing what matched when it is not exactly one."""
    wanted = document.strip()
    query = (select(_RV.c.sha256, _SF.c.path, _CITY.c.name, _CITY.c.state, _REPORT.c.cycle_no)
             .join(_SF, _SF.c.id == _RV.c.source_file_id).join(_REPORT, _REPORT.c.id == _RV.c.report_id)
             .join(_CITY, _CITY.c.id == _REPORT.c.city_id))
    hexadecimal = len(wanted) >= 8 and all(c in "0123456789abcdef" for c in wanted.lower())
    if hexadecimal:
        query = query.where(_RV.c.sha256.startswith(wanted.lower(), autoescape=True))
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(_RV.c.id)).all()
    if not hexadecimal:
        exact = [r for r in rows if r.path == wanted]
        rows = exact or [r for r in rows if r.path.rsplit("/", 1)[-1] == wanted.rsplit("/", 1)[-1]]
    if len(rows) != 1:
        paths = ", ".join(r.path for r in rows[:5])
        what = f"{len(rows)} loaded documents ({paths})" if rows else "no loaded document"
        raise InvalidCorrection(f"{what} match {document!r}: give its path as `dmaf sql \"select source_file, "
                                "sha256 from report_versions\"` lists it, or 8+ digits of its sha256; "
                                "nothing was changed")
    row = rows[0]
    return StoredDocument(row.sha256, row.path, row.name, row.state, row.cycle_no)


def active_overrides(conn: Connection, sha256: str) -> dict[str, str]:
    """Return the active corrections of a version, ``{field: value}``."""
    rows = conn.execute(select(_M.c.field, _M.c.value).where(_M.c.sha256 == sha256, _M.c.active.is_(True))).all()
    return {r.field: r.value for r in rows}


def with_metadata(report: ParsedReport, overrides: dict[str, str]) -> ParsedReport:
    """Return the report as the corrections say it is. A corrected city without a corrected state drops the
    printed state (the gazetteer gives the city's); a corrected cycle drops the printed cycle label."""
    if not overrides:
        return report
    changes: dict[str, object] = {}
    if "city" in overrides:
        changes["city"] = overrides["city"]
        changes["state"] = overrides.get("state")
    elif "state" in overrides:
        changes["state"] = overrides["state"]
    if "cycle" in overrides:
        changes["cycle"], changes["cycle_label"] = int(overrides["cycle"]), None
    return replace(report, **changes)


def corrected_methods(overrides: dict[str, str]) -> dict[str, str]:
    """Return the ``<field>_method`` values of a corrected document ("corrected" for each field given)."""
    return {f"{field}_method": "corrected" for field in overrides}


def record_metadata(conn: Connection, document: StoredDocument, request: MetadataRequest,
                    now: datetime | None = None) -> list[int]:
    """Record a request's fields for a stored version (inside the caller's transaction), each replacing the
    active correction of the same field; return the new ids."""
    before = {"city": document.city, "state": document.state, "cycle": str(document.cycle)}
    ids = []
    for field, value in request.values().items():
        new_id, _ = insert_replacing(conn, _M, {"sha256": document.sha256, "field": field}, {
            "value": value, "value_before": before[field], "reason": request.reason.strip(),
            "corrected_by": request.by.strip(), "corrected_at": now or utcnow()})
        ids.append(new_id)
    return ids


def restore_metadata(conn: Connection, sha256: str, *, by: str, reason: str = "") -> list[Row]:
    """End every active correction of a version (inside the caller's transaction); return the rows ended.
    Raise ``InvalidCorrection`` when it has none."""
    rows = conn.execute(select(_M.c.id, _M.c.field, _M.c.value).where(_M.c.sha256 == sha256,
                                                                      _M.c.active.is_(True))).all()
    if not rows:
        raise InvalidCorrection(f"version {sha256[:12]} has no correction of its city, state or cycle to restore; "
                                "nothing was changed")
    conn.execute(update(_M).where(_M.c.id.in_([r.id for r in rows])).values(
        active=False, undone_at=utcnow(), undone_by=by.strip() or "unknown", undo_reason=reason.strip() or None))
    return rows
