"""Typed, frozen records that flow between the layers: files, parsed reports, outcomes, load results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from core.blocks import BBox
from core.errors import ReportError
from core.statuses import FileStatus, ScoreStatus


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a heading or a score was read: enough for a user to go back to the source."""

    location: str
    page: int | None = None
    bbox: BBox | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None

    def to_dict(self) -> dict:
        """Return the provenance as a JSON-ready dict."""
        data = asdict(self)
        if data["bbox"] is not None:
            data["bbox"] = [round(v, 2) for v in data["bbox"]]
        return data


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """One parse-quality signal: a stable ``code`` and a message naming the place."""

    code: str
    message: str
    indicator: str | None = None
    location: str | None = None

    def to_dict(self) -> dict:
        """Return the warning as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ParsedIndicator:
    """One indicator as printed in a report.

    ``score`` is None when the report says "NA"/"Not assessed" or when no score could be placed;
    a warning then says which. ``score_method`` says how the score was attached to the heading.
    """

    code: str
    title: str
    score: float | None
    max_score: float | None
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    heading_at: Provenance | None = None
    score_at: Provenance | None = None
    score_method: str | None = None
    score_status: ScoreStatus = ScoreStatus.SCORED
    in_catalog: bool = True

    @property
    def pillar_no(self) -> int:
        """Return the pillar number carried by the code ("2.a" -> 2)."""
        return int(self.code.split(".", 1)[0])

    @property
    def recommendation(self) -> str:
        """Return the recommendation text: paragraphs, then bullets as "- item" lines."""
        parts = list(self.paragraphs)
        if self.bullets:
            parts.append("\n".join(f"- {b}" for b in self.bullets))
        return "\n\n".join(parts)

    def to_dict(self) -> dict:
        """Return the indicator as a JSON-ready dict."""
        return {
            "code": self.code,
            "title": self.title,
            "score": self.score,
            "max_score": self.max_score,
            "score_status": self.score_status,
            "score_method": self.score_method,
            "in_catalog": self.in_catalog,
            "recommendation": self.recommendation,
            "paragraphs": list(self.paragraphs),
            "bullets": list(self.bullets),
            "heading_at": self.heading_at.to_dict() if self.heading_at else None,
            "score_at": self.score_at.to_dict() if self.score_at else None,
        }


@dataclass(frozen=True, slots=True)
class PrintedTotal:
    """A pillar or overall total printed in the report (pillar None = overall)."""

    pillar_no: int | None
    score: float
    max_score: float
    at: Provenance | None = None


@dataclass(frozen=True, slots=True)
class MetadataValue:
    """One title-block field as read: the value, the text it was read from, how it was found and where.

    ``method`` says how: ``label`` ("City: Pune"), ``title_block``, ``running_header``, ``first_page``,
    ``from_city`` (a state that follows from the city), ``years`` (a cycle from its assessment years),
    ``file_name`` (the last resort, always warned about).
    """

    field: str
    value: str
    printed: str
    method: str
    location: str | None = None

    def to_dict(self) -> dict:
        """Return the value as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ParsedReport:
    """Everything the parser read from one document."""

    source: str
    format: str
    framework: str | None
    cycle: int | None
    cycle_label: str | None
    city: str | None
    state: str | None
    indicators: tuple[ParsedIndicator, ...]
    warnings: tuple[ParseWarning, ...] = ()
    printed_totals: tuple[PrintedTotal, ...] = ()
    pages: int | None = None
    metadata: tuple[MetadataValue, ...] = ()
    confidence: float | None = None
    confidence_reasons: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        """Return the report as the JSON object that ``dmaf parse`` prints."""
        return {
            "source": self.source,
            "format": self.format,
            "framework": self.framework,
            "cycle": self.cycle,
            "cycle_label": self.cycle_label,
            "city": self.city,
            "state": self.state,
            "pages": self.pages,
            "indicators": [i.to_dict() for i in self.indicators],
            "printed_totals": [
                {"pillar_no": t.pillar_no, "score": t.score, "max_score": t.max_score}
                for t in self.printed_totals
            ],
            "warnings": [w.to_dict() for w in self.warnings],
            "metadata": [m.to_dict() for m in self.metadata],
            "confidence": self.confidence,
            "confidence_reasons": list(self.confidence_reasons),
            "ocr": self.extra.get("ocr"),
        }


@dataclass(frozen=True, slots=True)
class PublishedScore:
    """One published figure of a national results table: a city's pillar score (``pillar_no``) or its total
    (``pillar_no`` None) with the printed rank (totals only), as read from one table row.

    ``score`` is None when the cell was blank or the framework's arithmetic refused the reading; ``warning``
    then says why, naming the row.
    """

    city: str
    printed_city: str
    state: str | None
    city_known: bool
    pillar_no: int | None
    score: float | None
    max_score: float | None
    rank: int | None
    page: int | None
    row: int
    location: str
    warning: str | None = None

    def to_dict(self) -> dict:
        """Return the figure as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PublishedTable:
    """A national results table read from one document: a cycle's cities and their published scores."""

    source: str
    format: str
    cycle: int
    cycle_label: str | None
    scores: tuple[PublishedScore, ...]
    pages: int | None = None
    skipped: tuple[str, ...] = ()  # rows under a header that name no gazetteer city ("where: cell | cell")

    def cities(self) -> tuple[str, ...]:
        """Return the cities of the table, in the order their rows are printed."""
        return tuple(dict.fromkeys(s.city for s in self.scores))

    def to_dict(self) -> dict:
        """Return the table as the JSON object that ``dmaf parse`` prints."""
        return {"source": self.source, "format": self.format, "kind": "published_results", "cycle": self.cycle,
                "cycle_label": self.cycle_label, "pages": self.pages, "cities": len(self.cities()),
                "scores": [s.to_dict() for s in self.scores], "skipped": list(self.skipped)}


@dataclass(frozen=True, slots=True)
class ReportSection:
    """One city's report inside a compendium: the report, where it lies and the key of its content.

    ``key`` (sha256 of the section's text, ``parsing.compendium.section_key``) is the key of the report version
    the section gives, so an edit elsewhere in the file leaves it unchanged; pages are the file's own (PDF only).
    """

    number: int
    report: ParsedReport
    key: str
    first_page: int | None
    last_page: int | None
    first_location: str
    last_location: str

    def to_dict(self) -> dict:
        """Return the section as the JSON object that ``dmaf parse`` prints."""
        return {"section": self.number, "key": self.key, "first_page": self.first_page,
                "last_page": self.last_page, "from": self.first_location, "to": self.last_location,
                "report": self.report.to_dict()}


@dataclass(frozen=True, slots=True)
class Compendium:
    """A document that binds several city reports (a state compendium), read as one report per section."""

    source: str
    format: str
    sections: tuple[ReportSection, ...]
    pages: int | None = None
    warnings: tuple[ParseWarning, ...] = ()

    def to_dict(self) -> dict:
        """Return the compendium as the JSON object that ``dmaf parse`` prints."""
        return {"source": self.source, "format": self.format, "kind": "compendium", "pages": self.pages,
                "reports": len(self.sections), "warnings": [w.to_dict() for w in self.warnings],
                "sections": [s.to_dict() for s in self.sections]}


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file as seen on disk: path, content hash (None when not read), size, modification time, format."""

    path: str
    sha256: str | None
    size: int | None = None
    mtime: float | None = None
    format: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a document could not be used: a stable reason and a one-line message naming the file."""

    reason: str
    message: str

    @classmethod
    def of(cls, error: ReportError) -> Failure:
        """Return the failure that a ReportError describes."""
        return cls(error.reason, error.one_line())


@dataclass(frozen=True, slots=True)
class ParseOutcome:
    """What reading one file gave: a city report, a national results table, a compendium of reports, or a
    failure (exactly one)."""

    source: SourceFile
    report: ParsedReport | None = None
    failure: Failure | None = None
    published: PublishedTable | None = None
    compendium: Compendium | None = None


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a run did with one file: a status, a one-line message, and the version it loaded (if any)."""

    path: str
    status: FileStatus
    message: str
    report_version_id: int | None = None
    confidence: float | None = None  # of the document loaded (0-1), None when not computed or nothing loaded
    confidence_reasons: tuple[str, ...] = ()
