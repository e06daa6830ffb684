"""Stored report versions as the warehouse records them: which to rebuild, and the files that hold their bytes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from core.statuses import FileStatus
from warehouse.models import ReportSectionRow, ReportVersion, SourceFileRow

_RV = ReportVersion.__table__
_SF = SourceFileRow.__table__
_RS = ReportSectionRow.__table__
_BATCH = 500


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """A loaded version to rebuild: its content hash, parser, and the files recorded with its bytes."""

    sha256: str
    parser_version: str | None
    is_current: bool
    paths: tuple[str, ...]  # the path it was loaded from first, then paths recorded as its duplicates


def stored_versions(engine: Engine, *, parser_version: str, everything: bool = False,
                    sha256: str | None = None) -> list[StoredVersion]:
    """Return the versions parsed by another parser than ``parser_version`` (every version if ``everything``;
    only the one of ``sha256`` when given)."""
    in_compendium = select(_RS.c.id).where(_RS.c.report_version_id == _RV.c.id).exists()
    query = (
        select(_RV.c.sha256, _RV.c.parser_version, _RV.c.is_current, _SF.c.path)
        .join(_SF, _SF.c.id == _RV.c.source_file_id)
        .where(~in_compendium)  # a compendium's sections are rebuilt from their file (``loaders.compendium``)
        .order_by(_RV.c.id)
    )
    if sha256 is not None:
        query = query.where(_RV.c.sha256 == sha256)
    if not everything:
        query = query.where((_RV.c.parser_version != parser_version) | _RV.c.parser_version.is_(None))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        shas = [r.sha256 for r in rows]
        copies: dict[str, list[str]] = {}
        for start in range(0, len(shas), _BATCH):
            batch = shas[start : start + _BATCH]
            found = conn.execute(
                select(_SF.c.sha256, _SF.c.path)
                .where(_SF.c.sha256.in_(batch), _SF.c.status == FileStatus.DUPLICATE.value)
                .order_by(_SF.c.path)
            )
            for sha, path in found:
                copies.setdefault(sha, []).append(path)
    return [StoredVersion(r.sha256, r.parser_version, bool(r.is_current), (r.path, *copies.get(r.sha256, ())))
            for r in rows]
