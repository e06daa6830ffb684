"""Fact rows of one report version: indicator scores and parse warnings, written or replaced in bulk."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, select, update

from loaders.normalise import NormalisedReport
from warehouse.models import (
    IndicatorScore,
    ParseWarningRow,
    QualityIssue,
    ReportVersion,
)

_RENAMED = {"method": "score_method"}
_SCORE_COLUMNS = frozenset(IndicatorScore.__table__.c.keys())
_WARNING_COLUMNS = frozenset(ParseWarningRow.__table__.c.keys())


def version_attributes(norm: NormalisedReport, *, parser_version: str, source_format: str | None) -> dict[str, Any]:
    """Return the ``report_version`` columns that come from the parsed document."""
    doc = norm.document
    return {
        "printed_city": doc["printed_city"], "printed_state": doc["printed_state"],
        "cycle_label": doc["cycle_label"], "framework": doc["framework"],
        "format": doc["format"] or source_format, "pages": doc["pages"], "parser_version": parser_version,
        "printed_totals": json.dumps(doc["printed_totals"]), "indicator_count": doc["indicator_count"],
        "warning_count": doc["warning_count"], "confidence": doc["confidence"],
        "confidence_reasons": json.dumps(doc["confidence_reasons"], ensure_ascii=False),
        "metadata": json.dumps(doc["metadata"], ensure_ascii=False),
        "city_method": doc["city_method"], "state_method": doc["state_method"], "cycle_method": doc["cycle_method"],
        "ocr_engine": doc["ocr_engine"], "ocr_confidence": doc["ocr_confidence"],
        "ocr_pages": json.dumps(doc["ocr_pages"]) if doc["ocr_pages"] else None,
    }


def score_rows(norm: NormalisedReport, *, version_id: int, indicator_ids: dict[str, int]) -> list[dict[str, Any]]:
    """Return the ``indicator_score`` rows of one version."""
    rows = []
    for record in norm.indicator_records:
        row = {_RENAMED.get(k, k): v for k, v in record.items() if _RENAMED.get(k, k) in _SCORE_COLUMNS}
        rows.append(row | {"report_version_id": version_id, "indicator_id": indicator_ids[record["code"]]})
    return rows


def warning_rows(norm: NormalisedReport, *, version_id: int) -> list[dict[str, Any]]:
    """Return the ``parse_warning`` rows of one version."""
    return [
        {k: v for k, v in record.items() if k in _WARNING_COLUMNS} | {"report_version_id": version_id}
        for record in norm.warning_records
    ]


def insert_facts(conn: Connection, norm: NormalisedReport, *, version_id: int, indicator_ids: dict[str, int]) -> None:
    """Insert the scores and warnings of a new version."""
    scores = score_rows(norm, version_id=version_id, indicator_ids=indicator_ids)
    if scores:
        conn.execute(IndicatorScore.__table__.insert(), scores)
    warnings = warning_rows(norm, version_id=version_id)
    if warnings:
        conn.execute(ParseWarningRow.__table__.insert(), warnings)


def delete_facts(conn: Connection, *, version_id: int) -> None:
    """Delete every fact of one version (scores, warnings, quality issues)."""
    for model in (IndicatorScore, ParseWarningRow, QualityIssue):
        table = model.__table__
        conn.execute(delete(table).where(table.c.report_version_id == version_id))


def recompute_current(conn: Connection, *, report_id: int) -> int | None:
    """Make the most recently loaded version of a report current (ties: the newest id); return its id.

    Held versions (``held_reason`` set: they read less completely than the version that was current) are
    passed over while any other version exists.
    """
    table = ReportVersion.__table__
    newest = conn.execute(
        select(table.c.id, table.c.sha256)
        .where(table.c.report_id == report_id)
        .order_by(table.c.held_reason.is_not(None), table.c.loaded_at.desc(), table.c.id.desc())
        .limit(1)
    ).first()
    if newest is None:
        return None
    conn.execute(
        update(table)
        .where(table.c.report_id == report_id, table.c.id != newest.id, table.c.is_current.is_(True))
        .values(is_current=False, superseded_by=newest.id,
                current_reason=f"superseded by {newest.sha256[:12]}, loaded more recently")
    )
    conn.execute(
        update(table).where(table.c.id == newest.id, table.c.is_current.is_(False))
        .values(is_current=True, superseded_by=None, current_reason="the version loaded most recently")
    )
    return newest.id
