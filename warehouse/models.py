"""The warehouse's tables: a small star schema of SQLModel tables with explicit keys and indexes.

Dimensions: ``cycle``, ``pillar``, ``city``, ``indicator``. Files and versions: ``source_file`` (one row
per path seen), ``report`` (one per city and cycle), ``report_version`` (one per distinct content
sha256 that parsed). Facts: ``indicator_score``, ``parse_warning``, ``quality_issue``; derived from them,
``recommendation_change``. Human review: ``score_correction``, ``metadata_correction``. Runs: ``ingest_run``.
National results: ``published_score``. Files that bind several reports: ``report_section``.
Times are aware UTC datetimes. The schema is created by Alembic (``warehouse/migrations``), never by ``create_all``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    Index,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlmodel import Field, SQLModel

from core.statuses import SOURCE_STATUSES, RecommendationStatus, ScoreStatus, Severity

SCORE_STATUSES = tuple(ScoreStatus)
SEVERITIES = tuple(Severity)
RECOMMENDATION_STATUSES = tuple(RecommendationStatus)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp, stored in UTC; SQLite's naive values are read back as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Refuse naive datetimes; convert aware ones to UTC."""
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Return the stored time as an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    """Return a SQL ``column IN (...)`` check expression."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


class Cycle(SQLModel, table=True):
    """One DMAF assessment cycle (natural key ``cycle_no``)."""

    __tablename__ = "cycle"

    cycle_no: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    label: str | None = None
    years: str | None = None


class Pillar(SQLModel, table=True):
    """One pillar of one cycle."""

    __tablename__ = "pillar"
    __table_args__ = (UniqueConstraint("cycle_no", "pillar_no", name="uq_pillar_cycle_no_pillar_no"),)

    id: int | None = Field(default=None, primary_key=True)
    cycle_no: int = Field(foreign_key="cycle.cycle_no", index=True)
    pillar_no: int
    name: str | None = None
    max_score: float | None = None


class City(SQLModel, table=True):
    """One city; ``known`` is False for a name the gazetteer does not recognise."""

    __tablename__ = "city"
    __table_args__ = (UniqueConstraint("name", name="uq_city_name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    state: str | None = None
    region: str | None = None
    known: bool = False


class Indicator(SQLModel, table=True):
    """One indicator of one cycle; ``indicator_key`` is the cross-cycle crosswalk key.

    ``key_method`` says how the key was decided (catalog, explicit, fuzzy, cycle_specific) and
    ``key_similarity`` is the title similarity (0-100) of a fuzzy match.
    """

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("cycle_no", "code", name="uq_indicator_cycle_no_code"),)

    id: int | None = Field(default=None, primary_key=True)
    cycle_no: int = Field(foreign_key="cycle.cycle_no", index=True)
    code: str
    pillar_id: int = Field(foreign_key="pillar.id", index=True)
    pillar_no: int
    title: str | None = None
    max_score: float | None = None
    in_catalog: bool = False
    indicator_key: str = Field(index=True)
    key_method: str | None = None
    key_similarity: float | None = None


class SourceFileRow(SQLModel, table=True):
    """One path seen by an ingest, with the outcome of its latest content."""

    __tablename__ = "source_file"
    __table_args__ = (
        UniqueConstraint("path", name="uq_source_file_path"),
        CheckConstraint(_in("status", SOURCE_STATUSES), name="ck_source_file_status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    path: str
    sha256: str = Field(index=True)
    size: int | None = Field(default=None, sa_type=BigInteger)
    mtime: float | None = None
    format: str | None = None
    status: str
    error: str | None = Field(default=None, sa_type=Text)
    reason: str | None = None
    duplicate_of: str | None = None
    parser_version: str | None = None
    processed_at: datetime = Field(sa_type=UTCDateTime)
    first_seen: datetime = Field(sa_type=UTCDateTime)
    last_seen: datetime = Field(sa_type=UTCDateTime)
    missing: bool = False


class Report(SQLModel, table=True):
    """The report of one city in one cycle; its content lives in versions."""

    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("city_id", "cycle_no", name="uq_report_city_id_cycle_no"),)

    id: int | None = Field(default=None, primary_key=True)
    city_id: int = Field(foreign_key="city.id", index=True)
    cycle_no: int = Field(foreign_key="cycle.cycle_no", index=True)


class ReportVersion(SQLModel, table=True):
    """One distinct content (sha256) that parsed; exactly one version per report is current.

    ``confidence`` (0-1, NULL when the parser did not compute it) and ``confidence_reasons`` (a JSON list of
    what lowered it) say how far the reading can be trusted; ``metadata`` is the JSON list of the title-block
    fields as read (field, value, printed, method, location), and ``city_method``, ``state_method`` and
    ``cycle_method`` repeat how each of the three was found. ``ocr_engine``, ``ocr_pages`` (a JSON list) and
    ``ocr_confidence`` (mean word confidence, 0–100) say which pages were scans read by OCR (NULL: none).
    ``held_reason`` says why a version that reads less completely than the current one was held back from
    being current (NULL: not held); ``dmaf versions promote`` makes such a version current.
    """

    __tablename__ = "report_version"
    __table_args__ = (
        UniqueConstraint("sha256", name="uq_report_version_sha256"),
        Index("ix_report_version_report_id_is_current", "report_id", "is_current"),
    )

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id")
    source_file_id: int = Field(foreign_key="source_file.id", index=True)
    sha256: str
    printed_city: str | None = None
    printed_state: str | None = None
    cycle_label: str | None = None
    framework: str | None = None
    format: str | None = None
    pages: int | None = None
    parser_version: str | None = None
    printed_totals: str | None = Field(default=None, sa_type=Text)
    indicator_count: int = 0
    warning_count: int = 0
    loaded_at: datetime = Field(sa_type=UTCDateTime)
    is_current: bool = False
    superseded_by: int | None = Field(default=None, foreign_key="report_version.id")
    current_reason: str | None = Field(default=None, sa_type=Text)
    confidence: float | None = None
    confidence_reasons: str | None = Field(default=None, sa_type=Text)
    # the column is "metadata"; the attribute is metadata_ because SQLModel.metadata is the table registry
    metadata_: str | None = Field(default=None, sa_type=Text, sa_column_kwargs={"name": "metadata"})
    city_method: str | None = None
    state_method: str | None = None
    cycle_method: str | None = None
    ocr_engine: str | None = None
    ocr_pages: str | None = Field(default=None, sa_type=Text)
    held_reason: str | None = Field(default=None, sa_type=Text)
    ocr_confidence: float | None = None


class IndicatorScore(SQLModel, table=True):
    """One indicator of one report version: score, recommendation and where both were read."""

    __tablename__ = "indicator_score"
    __table_args__ = (
        UniqueConstraint("report_version_id", "code", name="uq_indicator_score_report_version_id_code"),
        CheckConstraint(_in("score_status", SCORE_STATUSES), name="ck_indicator_score_score_status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    report_version_id: int = Field(foreign_key="report_version.id")
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    ordinal: int
    code: str
    title: str | None = None
    score: float | None = None
    max_score: float | None = None
    score_status: str
    score_method: str | None = None
    recommendation: str | None = Field(default=None, sa_type=Text)
    paragraphs: str | None = Field(default=None, sa_type=Text)
    bullets: str | None = Field(default=None, sa_type=Text)
    heading_page: int | None = None
    heading_x0: float | None = None
    heading_top: float | None = None
    heading_x1: float | None = None
    heading_bottom: float | None = None
    heading_line: int | None = None
    heading_table_no: int | None = None
    heading_row_no: int | None = None
    heading_col_no: int | None = None
    heading_location: str | None = None
    score_page: int | None = None
    score_x0: float | None = None
    score_top: float | None = None
    score_x1: float | None = None
    score_bottom: float | None = None
    score_line: int | None = None
    score_table_no: int | None = None
    score_row_no: int | None = None
    score_col_no: int | None = None
    score_location: str | None = None


class ParseWarningRow(SQLModel, table=True):
    """One parse warning of one report version."""

    __tablename__ = "parse_warning"

    id: int | None = Field(default=None, primary_key=True)
    report_version_id: int = Field(foreign_key="report_version.id", index=True)
    ordinal: int
    code: str
    message: str = Field(sa_type=Text)
    indicator: str | None = None
    location: str | None = None


class QualityIssue(SQLModel, table=True):
    """One data-quality finding about one report version (rules in ``loaders.quality``)."""

    __tablename__ = "quality_issue"
    __table_args__ = (CheckConstraint(_in("severity", SEVERITIES), name="ck_quality_issue_severity"),)

    id: int | None = Field(default=None, primary_key=True)
    report_version_id: int = Field(foreign_key="report_version.id", index=True)
    severity: str
    rule: str
    message: str = Field(sa_type=Text)
    indicator: str | None = None


class RecommendationChange(SQLModel, table=True):
    """A city's recommendation for one crosswalk key and cycle, compared with its previous cycle's.

    Derived from the current versions (``loaders.recommendation_changes``) in the transaction that changes
    them: ``status`` is ``same``, ``revised``, ``new`` or ``dropped``; ``similarity`` (0-100) compares the two
    texts when both exist. One row per city, key and cycle that has a previous cycle of the city.
    """

    __tablename__ = "recommendation_change"
    __table_args__ = (
        UniqueConstraint("city_id", "indicator_key", "cycle_no", name="uq_recommendation_change_city_key_cycle"),
        CheckConstraint(_in("status", RECOMMENDATION_STATUSES), name="ck_recommendation_change_status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    city_id: int = Field(foreign_key="city.id", index=True)
    indicator_key: str
    cycle_no: int
    previous_cycle_no: int
    status: str
    similarity: float | None = None
    recommendation: str | None = Field(default=None, sa_type=Text)
    previous_recommendation: str | None = Field(default=None, sa_type=Text)


class ScoreCorrection(SQLModel, table=True):
    """A reviewer's correction of one indicator's score in one document version (``dmaf correct``).

    Keyed to the version's content (``sha256``) and the indicator ``code``, so it survives a reprocess, a
    re-ingest and a byte-identical copy, and is never applied to other bytes: a new version of the report
    leaves it *stale* until it is carried over (a new row, ``carried_from`` this one). ``score``/``max_score``
    are the corrected values (``not_assessed``: the indicator was not assessed, score NULL);
    ``score_before``/``max_before``/``status_before`` what the parser had read. At most one correction per
    version and indicator is ``active``: a newer one replaces it (``replaced_by``), ``dmaf correct --undo``
    ends it (``undone_at``, ``undone_by``, ``undo_reason``). Rows are never deleted: the table is the audit.
    """

    __tablename__ = "score_correction"
    __table_args__ = (
        Index("uq_score_correction_active", "sha256", "indicator_code", unique=True,
              sqlite_where=text("active"), postgresql_where=text("active")),
        CheckConstraint("score IS NULL OR score >= 0", name="ck_score_correction_score"),
    )

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(index=True)
    indicator_code: str
    score: float | None = None
    max_score: float | None = None
    not_assessed: bool = False
    score_before: float | None = None
    max_before: float | None = None
    status_before: str | None = None
    reason: str = Field(sa_type=Text)
    corrected_by: str
    corrected_at: datetime = Field(sa_type=UTCDateTime)
    active: bool = True
    replaced_by: int | None = Field(default=None, foreign_key="score_correction.id")
    carried_from: int | None = Field(default=None, foreign_key="score_correction.id")
    undone_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    undone_by: str | None = None
    undo_reason: str | None = Field(default=None, sa_type=Text)


class MetadataCorrection(SQLModel, table=True):
    """A reviewer's correction of a document version's city, state or cycle (``dmaf correct --document``).

    Keyed to the version's content (``sha256``) and the ``field``; ``value`` is what the document is, and
    ``value_before`` what it was placed as. Every rebuild of the version's facts (``dmaf reprocess``) reads the
    document with the active corrections, so the version stays in its corrected report. At most one correction
    per version and field is ``active``; a newer one replaces it, ``dmaf correct --document … --restore`` ends
    them (``undone_at``). Rows are never deleted.
    """

    __tablename__ = "metadata_correction"
    __table_args__ = (
        Index("uq_metadata_correction_active", "sha256", "field", unique=True,
              sqlite_where=text("active"), postgresql_where=text("active")),
        CheckConstraint("field IN ('city', 'state', 'cycle')", name="ck_metadata_correction_field"),
    )

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(index=True)
    field: str
    value: str
    value_before: str | None = None
    reason: str = Field(sa_type=Text)
    corrected_by: str
    corrected_at: datetime = Field(sa_type=UTCDateTime)
    active: bool = True
    replaced_by: int | None = Field(default=None, foreign_key="metadata_correction.id")
    undone_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    undone_by: str | None = None
    undo_reason: str | None = Field(default=None, sa_type=Text)


class IngestRun(SQLModel, table=True):
    """One ingest of a folder: when, what parser, and how many files ended in each status."""

    __tablename__ = "ingest_run"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    duration_s: float | None = None
    folder: str | None = Field(default=None, sa_type=Text)
    parser_version: str | None = None
    n_loaded: int = 0
    n_skipped: int = 0
    n_failed: int = 0
    n_duplicate: int = 0
    n_pending: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    n_held: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    interrupted: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class PublishedScoreRow(SQLModel, table=True):
    """One figure of a national results table: a city's published pillar score (``pillar_no``) or total
    (``pillar_no`` NULL, with the printed ``rank``), from the file's latest content.

    ``score`` is NULL when the cell was blank or the framework's arithmetic refused the reading; ``warning`` then
    says why. ``page``, ``row_no`` (the city's row, counted down the whole table) and ``location`` say where it
    was printed.
    """

    __tablename__ = "published_score"
    __table_args__ = (Index("ix_published_score_cycle_no_city_id", "cycle_no", "city_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_file_id: int = Field(foreign_key="source_file.id", index=True)
    city_id: int = Field(foreign_key="city.id")
    cycle_no: int = Field(foreign_key="cycle.cycle_no")
    pillar_no: int | None = None
    printed_city: str
    score: float | None = None
    max_score: float | None = None
    rank: int | None = None
    page: int | None = None
    row_no: int
    location: str
    warning: str | None = Field(default=None, sa_type=Text)


class ReportSectionRow(SQLModel, table=True):
    """One city report inside a file that binds several (a compendium), as the file's latest content holds it.

    ``report_version_id`` is the section's version (keyed by the sha256 of the section's text, so an edit of
    another section leaves it as it is); ``file_sha256`` the bytes it was read from; ``first_page`` and
    ``last_page`` its pages in the file (PDF; NULL otherwise), ``first_location``/``last_location`` where it
    starts and ends in any format.
    """

    __tablename__ = "report_section"
    __table_args__ = (UniqueConstraint("source_file_id", "section_no", name="uq_report_section_source_file_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_file_id: int = Field(foreign_key="source_file.id")
    file_sha256: str
    section_no: int
    report_version_id: int = Field(foreign_key="report_version.id", index=True)
    first_page: int | None = None
    last_page: int | None = None
    first_location: str
    last_location: str


TABLES = (
    Cycle, Pillar, City, Indicator, SourceFileRow, Report, ReportVersion,
    IndicatorScore, ParseWarningRow, QualityIssue, IngestRun, RecommendationChange, ScoreCorrection,
    MetadataCorrection, PublishedScoreRow, ReportSectionRow,
)
