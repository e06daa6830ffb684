"""Test support: reports built by hand from the Imphal truth file, their files, and view checksums."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from core.records import (
    ParsedIndicator,
    ParsedReport,
    ParseWarning,
    PrintedTotal,
    Provenance,
    SourceFile,
)
from pipeline.identity import source_of

TRUTH = Path(__file__).resolve().parents[1] / "seed" / "imphal_manipur_cycle2.truth.json"
PARSER_VERSION = "test-1"
VIEW_NAMES = (
    "indicator_scores", "pillar_scores", "city_scores", "source_documents", "score_provenance",
    "report_versions", "parse_warnings", "indicator_crosswalk", "indicator_trends", "national_pillar_stats",
    "national_indicator_stats", "quality_issues", "ingest_runs", "report_confidence", "recommendation_changes",
    "national_gaps", "corrections", "document_corrections", "review_queue", "published_pillar_scores",
    "published_city_scores", "city_scores_all_sources", "published_score_differences", "compendium_sections",
)
TABLE_NAMES = (
    "cycle", "pillar", "city", "indicator", "source_file", "report", "report_version", "indicator_score",
    "parse_warning", "quality_issue", "ingest_run", "recommendation_change", "score_correction",
    "metadata_correction", "published_score", "report_section",
)
TABLES_BEFORE_0010 = TABLE_NAMES[:-1]
"""The tables of revisions 0001-0009 (for tests that downgrade below 0010)."""
TABLES_BEFORE_0009 = TABLE_NAMES[:-2]
"""The tables of revisions 0001-0008 (for tests that downgrade below 0009)."""
TABLES_BEFORE_0008 = TABLE_NAMES[:-4]
"""The tables of revisions 0001-0007 (for tests that downgrade below 0008)."""
TABLES_BEFORE_0007 = TABLE_NAMES[:-5]
"""The tables of revisions 0001-0006 (for tests that downgrade below 0007)."""


def truth() -> dict[str, Any]:
    """Return the hand-checked content of the real Imphal report."""
    return json.loads(TRUTH.read_text(encoding="utf-8"))


def imphal_report(
    *, city: str | None = "Imphal", state: str | None = "Manipur", cycle: int | None = 2,
    scores: dict[str, float | None] | None = None, source: str = "imphal_manipur_cycle2.txt",
    pdf: bool = False, totals_follow: bool = False,
) -> ParsedReport:
    """Return the Imphal report as the parser would: 21 indicators, one warning, printed totals.

    ``scores`` overrides scores by code (None = no score found): the printed pillar totals stay as printed (the
    pillar no longer adds up) unless ``totals_follow``, when they follow the changed scores (a revised report
    that adds up); ``pdf`` gives page/bbox provenance.
    """
    data = truth()
    indicators = []
    for n, item in enumerate(data["indicators"]):
        code = item["code"]
        score = (scores or {}).get(code, item["score"])
        line = 12 + 9 * n
        if pdf:
            page, top = 1 + n // 5, 100.0 + 120 * (n % 5)
            heading = Provenance(f"page {page}", page=page, bbox=(56.0, top, 400.0, top + 14))
            score_at = Provenance(f"page {page}", page=page, bbox=(450.0, top, 520.0, top + 14))
        else:
            heading = Provenance(f"line {line}", line=line)
            score_at = Provenance(f"line {line + 1}", line=line + 1)
        indicators.append(ParsedIndicator(
            code=code, title=item["title"], score=score, max_score=item["max_score"],
            paragraphs=(f"The city should act on {item['title']}.",),
            bullets=("Appoint an owner", "Publish a plan") if n % 3 == 0 else (),
            heading_at=heading, score_at=score_at if score is not None else None,
            score_method="below_heading" if score is not None else None,
            score_status="scored" if score is not None else "missing",
        ))
    shift: dict[int, float] = {}
    for item in data["indicators"]:
        new = (scores or {}).get(item["code"], item["score"])
        if totals_follow and new is not None and item["score"] is not None and new != item["score"]:
            pillar = int(item["code"].split(".")[0])
            shift[pillar] = shift.get(pillar, 0.0) + new - item["score"]
    totals = tuple(PrintedTotal(int(p), t["score"] + shift.get(int(p), 0.0), t["max_score"])
                   for p, t in data["pillar_totals"].items())
    return ParsedReport(
        source=source, format="pdf" if pdf else "txt", framework=data["framework"], cycle=cycle,
        cycle_label=data["cycle_label"], city=city, state=state, indicators=tuple(indicators),
        warnings=(ParseWarning("score_displaced", "the score of 1.c&1.d is printed after 1.b", "1.c&1.d",
                               "line 40"),),
        printed_totals=totals, pages=5 if pdf else None,
    )


def renamed(report: ParsedReport, city: str, state: str) -> ParsedReport:
    """Return the same report for another city."""
    return replace(report, city=city, state=state)


def report_bytes(report: ParsedReport) -> bytes:
    """Return stand-in file bytes for a report (same report -> same bytes)."""
    return json.dumps(report.to_dict(), sort_keys=True).encode()


def write_report(folder: Path, name: str, report: ParsedReport) -> SourceFile:
    """Write a report's stand-in bytes to ``folder/name`` and return the file's info."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(report_bytes(report))
    return source_of(path, format=report.format)


def source_info(path: str, report: ParsedReport) -> SourceFile:
    """Return a file info for a report at ``path`` without writing a file."""
    data = report_bytes(report)
    return SourceFile(path, hashlib.sha256(data).hexdigest(), len(data), 1_700_000_000.0, report.format)


def _canonical(value: Any) -> Any:
    """Return a value in a backend-neutral form for comparison (bools as ints, floats rounded)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def view_rows(engine: Engine, view: str, *, exclude: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """Return a view's rows, sorted, without the ``exclude`` columns."""
    with engine.connect() as conn:
        result = conn.exec_driver_sql(f"SELECT * FROM {view}")
        keep = [n for n, c in enumerate(result.keys()) if c not in exclude]
        rows = [tuple(_canonical(r[n]) for n in keep) for r in result]
    return sorted(rows, key=repr)


def view_checksum(engine: Engine, view: str, *, exclude: tuple[str, ...] = ()) -> str:
    """Return a sha256 over a view's sorted rows."""
    return hashlib.sha256(repr(view_rows(engine, view, exclude=exclude)).encode()).hexdigest()


def table_counts(engine: Engine, tables: tuple[str, ...] = TABLE_NAMES) -> dict[str, int]:
    """Return the row count of every warehouse table (or of the tables named)."""
    with engine.connect() as conn:
        return {t: conn.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar_one() for t in tables}
