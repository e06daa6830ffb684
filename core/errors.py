"""The product's one error tree: every error dmaf raises derives from ``DmafError``.

::

    DmafError
    ├── ReportError          one input document cannot be used (the message names the file and place)
    │   └── UnsupportedFormat, EmptyDocument, CorruptDocument, EncryptedDocument, NoTextLayer, OcrUnavailable,
    │       StillBeingWritten (not a failure: the file is left pending), ...
    ├── WarehouseError       the warehouse itself (connection, read-only refusal, backup, missing schema)
    │   ├── WarehouseFault   it cannot be used at all: unreachable, damaged, full, read-only (exit status 3)
    │   └── NoData           the warehouse holds no report for what was asked
    └── ConfigurationError   a setting or argument that cannot work (a folder that does not exist, ...)

``ReportError.reason`` is a short machine-readable cause used in summaries and tests. Messages are one
line and safe to print: warehouse errors never carry credentials.
"""

from __future__ import annotations

from pathlib import Path


class DmafError(Exception):
    """Root of every error the product raises on purpose."""


class ReportError(DmafError):
    """An input document cannot be used; the root of the errors about one document."""

    reason = "error"

    def __init__(self, path: str | Path | None, message: str, *, where: str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.where = where
        self.detail = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """Return ``file[, place]: message`` on one line."""
        prefix = self.path or "<input>"
        if self.where:
            prefix = f"{prefix}, {self.where}"
        return f"{prefix}: {' '.join(self.detail.split())}"


class UnsupportedFormat(ReportError):
    """The bytes are not a PDF, DOCX or text file we can read."""

    reason = "unsupported_format"


class EmptyDocument(ReportError):
    """The file has no bytes, or no text at all."""

    reason = "empty"


class CorruptDocument(ReportError):
    """The file claims a format but is damaged (truncated PDF, broken ZIP, bad XML)."""

    reason = "corrupt"


class EncryptedDocument(ReportError):
    """The PDF is password-protected."""

    reason = "encrypted"


class NoTextLayer(ReportError):
    """The PDF has pages but no extractable text: it looks scanned."""

    reason = "no_text_layer"


class OcrUnavailable(NoTextLayer):
    """The PDF needs OCR (a scan), but the OCR engine asked for is not installed; the message says how."""


class UnsafeDocument(ReportError):
    """The file carries a payload we refuse to expand (entity expansion, decompression bomb)."""

    reason = "unsafe"


class DocumentTooLarge(ReportError):
    """The file is over the configured size limit."""

    reason = "too_large"


class ExtractionTimeout(ReportError):
    """Extraction took longer than the configured wall-time limit."""

    reason = "timeout"


class ResourceLimitExceeded(ReportError):
    """Extraction went over the configured memory limit."""

    reason = "memory_limit"


class UndecodableText(ReportError):
    """A text file whose bytes are not text in any encoding we recognise."""

    reason = "undecodable"


class NotAReport(ReportError):
    """The document was read, but it is not a DMAF report (no indicators found)."""

    reason = "not_a_report"


class SeveralReports(ReportError):
    """The document binds several city reports (their title blocks name several cities) that could not be told
    apart: reading it as one report would mix their numbers."""

    reason = "several_reports"


class StillBeingWritten(ReportError):
    """The file changed while it was read, or was modified within the settle time: a copy still in progress.

    Not a failure: the file is left ``pending``, unrecorded, and the next run reads it once it is quiet.
    """

    reason = "pending"


class UnreadableFile(ReportError):
    """The operating system refused to read the file (permissions, I/O error)."""

    reason = "unreadable"


class MissingMetadata(ReportError):
    """The report has indicators but no city or cycle: it cannot be placed in the warehouse."""

    reason = "missing_metadata"


class RecordedFailure(ReportError):
    """A failure carried across a process boundary as (reason, one-line message), re-raised as an error."""

    def __init__(self, reason: str, message: str) -> None:  # noqa: D107 - the message already names the file
        self.reason = reason
        self.path, self.where, self.detail = None, None, message
        Exception.__init__(self, message)

    def one_line(self) -> str:
        """Return the recorded message unchanged."""
        return self.detail


class UnexpectedError(ReportError):
    """Reading the document raised an exception no check foresaw (a library or parser bug); the message names it."""

    reason = "internal_error"


class WarehouseError(DmafError):
    """Root of the warehouse's errors; the message is one line, safe to print (no credentials)."""


class ReadOnlyViolation(WarehouseError):
    """A read-only query tried to change the warehouse; nothing was changed."""


class QueryTimeout(WarehouseError):
    """A read-only query ran longer than its time limit and was interrupted."""


class QueryError(WarehouseError):
    """A read-only query was refused by the database (syntax error, unknown table, several statements)."""


class BackupError(WarehouseError):
    """A backup could not be written."""


class WarehouseFault(WarehouseError):
    """The warehouse cannot be used at all (unreachable, damaged, full, read-only): the CLI exits with status 3.

    The message is one line naming the warehouse (password masked), the cause and what to do.
    """


class CannotConnect(WarehouseFault):
    """The database server could not be reached or refused the login (the message names the masked URL)."""


class WarehouseDamaged(WarehouseFault):
    """The warehouse file is not a database, or its integrity check failed; nothing was written to it."""


class WarehouseFull(WarehouseFault):
    """The disk (or the database's quota) is full; what was committed before stays, the rest is not recorded."""


class WarehouseReadOnly(WarehouseFault):
    """The warehouse (file, folder or server) refuses writes."""


class WarehouseMissing(WarehouseError):
    """The warehouse does not exist yet (no database file or no schema)."""


class NoData(WarehouseError):
    """The warehouse has no report for what was asked (a city, a state, or anything at all)."""


class ConfigurationError(DmafError):
    """A setting or argument that cannot work; the message says which and how to fix it."""


class FolderNotFound(ConfigurationError):
    """A folder the command needs does not exist or is not a folder."""


class PathNotFound(ConfigurationError):
    """A file or folder named on the command line does not exist."""


class InvalidCorrection(ConfigurationError):
    """A correction that cannot be recorded (unknown city, cycle or indicator, a score above its maximum, no
    reason, a correction that is not stale or not active); the message names it, and nothing was changed."""
