"""One document from path to ParsedReport: read once, fingerprint, sniff, extract, parse.

``parse_path`` never raises for a bad document: it returns a ``ParseOutcome`` whose ``failure``
says what is wrong, in one line naming the file, so that one bad file never stops a batch.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from dmaf.errors import DocumentTooLarge, MissingMetadata, ReportError, UnreadableFile
from dmaf.parse.report import parse_blocks
from dmaf.records import ParsedReport
from extractors import extract_bytes

DEFAULT_MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """Settings for reading documents; validated on creation."""

    pdf_password: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float = 120.0
    memory_mb: int = 2048

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be positive, got {self.timeout_s}")
        if self.memory_mb < 64:
            raise ValueError(f"memory_mb must be at least 64, got {self.memory_mb}")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file as seen on disk: path, content hash, size, modification time and sniffed format."""

    path: str
    sha256: str | None
    size: int
    mtime: float
    format: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a document could not be parsed: a stable reason and a one-line message naming the file."""

    reason: str
    message: str

    @classmethod
    def of(cls, error: ReportError) -> "Failure":
        """Return the failure that a ReportError describes."""
        return cls(error.reason, error.one_line())


@dataclass(frozen=True, slots=True)
class ParseOutcome:
    """What reading one file gave: a report, or a failure (never both)."""

    source: SourceFile
    report: ParsedReport | None = None
    failure: Failure | None = None


def stat_source(path: str | Path) -> SourceFile:
    """Return size and mtime of a file without reading it (the refresh fast path)."""
    st = os.stat(path)
    return SourceFile(str(path), None, st.st_size, st.st_mtime)


def parse_path(path: str | Path, options: ParseOptions = ParseOptions()) -> ParseOutcome:
    """Read, fingerprint and parse one file; a bad file gives a failure, never an exception."""
    name = str(path)
    try:
        source = stat_source(path)
    except OSError as exc:
        error = UnreadableFile(name, f"cannot read the file: {exc.strerror or exc}")
        return ParseOutcome(SourceFile(name, None, 0, 0.0), failure=Failure.of(error))
    try:
        if source.size > options.max_bytes:
            raise DocumentTooLarge(name, f"the file is {source.size:,} bytes, over the limit of "
                                         f"{options.max_bytes:,} (raise it with --max-mb)")
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise UnreadableFile(name, f"cannot read the file: {exc.strerror or exc}") from exc
        source = SourceFile(name, hashlib.sha256(data).hexdigest(), len(data), source.mtime)
        report = parse_bytes(data, name=name, options=options)
        return ParseOutcome(SourceFile(name, source.sha256, source.size, source.mtime, report.format), report)
    except ReportError as error:
        return ParseOutcome(source, failure=Failure.of(error))


def parse_bytes(data: bytes, *, name: str, options: ParseOptions = ParseOptions()) -> ParsedReport:
    """Return the report in a document's bytes; raise a ReportError when it is not a usable report."""
    extraction = extract_bytes(data, name=name, pdf_password=options.pdf_password)
    report = parse_blocks(extraction.blocks, source=name, format=extraction.format, pages=extraction.pages)
    require_identity(report)
    return report


def require_identity(report: ParsedReport) -> None:
    """Raise MissingMetadata unless the report names its city and cycle (needed to place it)."""
    missing = [what for what, value in (("city", report.city), ("cycle", report.cycle)) if value is None]
    if missing:
        raise MissingMetadata(report.source, f"found {len(report.indicators)} indicators but no "
                                             f"{' and no '.join(missing)} in the title block "
                                             "(looked for 'City: …' and 'Cycle N')")
