"""One document from path to ParsedReport (or PublishedTable): read once, fingerprint, sniff, extract, parse.

``parse_path`` never raises for a bad document: it returns a ``ParseOutcome`` whose ``failure``
says what is wrong, in one line naming the file, so that one bad file never stops a batch. Running
out of memory is a ``memory_limit`` failure; an exception no check foresaw (a bug) is an
``internal_error`` failure naming it.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from core import defaults
from core.blocks import Block
from core.errors import (
    DocumentTooLarge,
    MissingMetadata,
    NotAReport,
    NoTextLayer,
    ReportError,
    ResourceLimitExceeded,
    SeveralReports,
    StillBeingWritten,
    UnexpectedError,
    UnreadableFile,
)
from core.options import ParseOptions
from core.records import (
    Compendium,
    Failure,
    ParsedReport,
    ParseOutcome,
    PublishedTable,
    ReportSection,
    SourceFile,
)
from extractors import Extraction, extract_bytes
from parsing.arbiter import parse_document
from parsing.compendium import (
    Cut,
    complete,
    contents_warnings,
    find_cuts,
    merge_unread,
    not_told_apart,
    section_key,
    several_cities,
    survey,
)
from parsing.published import published_table
from parsing.scanned import scanned_report
from pipeline.identity import sha256_bytes, stat_source


def parse_path(path: str | Path, options: ParseOptions = ParseOptions(),
               on_scanned_page: Callable[[], None] | None = None) -> ParseOutcome:
    """Read, fingerprint and parse one file; a bad file gives a failure, never an exception.
    ``on_scanned_page`` is called before each page OCR reads (the pool extends the time limit)."""
    name = str(path)
    source = SourceFile(name, None, 0, 0.0)
    try:
        data, source = read_source(path, max_bytes=options.max_bytes, settle_s=settle_time(options))
        document = read_bytes(data, name=name, options=options, on_scanned_page=on_scanned_page)
        read = SourceFile(name, source.sha256, source.size, source.mtime, document.format)
        if isinstance(document, PublishedTable):
            return ParseOutcome(read, published=document)
        if isinstance(document, Compendium):
            return ParseOutcome(read, compendium=document)
        return ParseOutcome(read, document)
    except ReportError as error:
        if not _caused_by(error, MemoryError):
            return ParseOutcome(source if source.sha256 else stat_or_blank(name), failure=Failure.of(error))
    except MemoryError:
        pass  # leave the except block first: its traceback holds whatever filled the memory
    except Exception as exc:  # noqa: BLE001 - a library or parser bug: one failed row naming it, not a dead batch
        error = UnexpectedError(name, f"reading it raised {type(exc).__name__}: {exc} (a bug in dmaf or a "
                                      "library; please report it with this file)")
        return ParseOutcome(source, failure=Failure.of(error))
    return ParseOutcome(source, failure=Failure.of(out_of_memory(name, options)))


def stat_or_blank(path: str | Path) -> SourceFile:
    """Return size and mtime of a file for a failed row, or zeros when it cannot even be stat'ed."""
    try:
        return stat_source(path)
    except OSError:
        return SourceFile(str(path), None, 0, 0.0)


def out_of_memory(name: str, options: ParseOptions) -> ResourceLimitExceeded:
    """Return the error for a document whose extraction ran out of memory."""
    return ResourceLimitExceeded(name, f"extraction needed more than the {options.memory_mb} MB a parse process "
                                       "may use and was stopped (raise it with --memory-mb)")


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    """Return True when ``kind`` is somewhere in the error's chain of causes (a wrapped MemoryError)."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, kind):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def settle_time(options: ParseOptions) -> float:
    """Return the settle time of ``options`` (None: ``defaults.settle_s()``)."""
    return defaults.settle_s() if options.settle_s is None else options.settle_s


def read_source(path: str | Path, *, max_bytes: int, settle_s: float = 0.0,
                now: Callable[[], float] = time.time) -> tuple[bytes, SourceFile]:
    """Return the bytes of a regular file and what it is on disk; raise UnreadableFile, DocumentTooLarge or
    StillBeingWritten.

    The file is opened without blocking and checked to be a regular file before it is read, so a
    FIFO or a device named like a report fails at once instead of hanging; at most ``max_bytes``
    are ever read, even if the file grows meanwhile. A file modified less than ``settle_s`` seconds ago,
    or whose size or mtime differ after the read, is a copy still in progress (``StillBeingWritten``).
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnreadableFile(name, f"cannot read the file: {exc.strerror or exc}") from exc
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
        os.close(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(name, f"not a regular file (it is {_kind(st.st_mode)}); nothing was read")
        raise DocumentTooLarge(name, _too_large(st.st_size, max_bytes))
    with os.fdopen(fd, "rb") as file:
        try:
            data = file.read(st.st_size + 1)  # not read(max_bytes + 1): that reserves max_bytes up front
            if len(data) > st.st_size:  # it grew since the stat (or is a /proc-like file of size 0)
                data += file.read(max_bytes + 1 - len(data))
        except OSError as exc:
            raise UnreadableFile(name, f"cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise DocumentTooLarge(name, _too_large(len(data), max_bytes, growing=True))
    _check_settled(name, st, len(data), settle_s, now())
    return data, SourceFile(name, sha256_bytes(data), len(data), st.st_mtime)


def _check_settled(name: str, before: os.stat_result, read: int, settle_s: float, now: float) -> None:
    """Raise StillBeingWritten when the file changed during the read or was modified within ``settle_s``."""
    try:
        after = os.stat(name)
    except OSError:
        after = None  # gone or replaced since it was opened: what was read is judged on its own stat
    changed = after is not None and (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns)
    if changed or read != before.st_size:
        raise StillBeingWritten(name, "the file changed while it was read (a copy still in progress?); it is left "
                                      "pending for the next run")
    age = now - before.st_mtime
    if 0 <= age < settle_s:
        raise StillBeingWritten(name, f"modified {age:.1f} s ago, within the settle time of {settle_s:g} s (a copy "
                                      "still in progress?); it is left pending for the next run (--settle)")


def _too_large(size: int, max_bytes: int, *, growing: bool = False) -> str:
    """Return the message for a file over the size limit."""
    what = "the file grew while it was read, past" if growing else f"the file is {size:,} bytes, over"
    return f"{what} the limit of {max_bytes:,} bytes (raise it with --max-mb)"


def _kind(mode: int) -> str:
    """Return what a non-regular file is, in words."""
    for test, words in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO, a named pipe"),
                        (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                        (stat.S_ISBLK, "a block device")):
        if test(mode):
            return words
    return "of an unknown kind"


def parse_bytes(data: bytes, *, name: str, options: ParseOptions = ParseOptions(),
                on_scanned_page: Callable[[], None] | None = None) -> ParsedReport:
    """Return the report in a document's bytes; raise a ReportError when it is not a usable report."""
    return report_from(_extract(data, name, options, on_scanned_page), name=name, options=options)


def read_bytes(data: bytes, *, name: str, options: ParseOptions = ParseOptions(),
               on_scanned_page: Callable[[], None] | None = None) -> ParsedReport | PublishedTable | Compendium:
    """Return the city report, the national results table, or the compendium of city reports in a document's
    bytes; raise a ReportError when it is none of them."""
    extraction = _extract(data, name, options, on_scanned_page)
    cuts, named = survey(extraction.blocks)
    compendium = compendium_from(extraction, name=name, options=options, cuts=cuts)
    if compendium is not None:
        return compendium
    try:
        report = report_from(extraction, name=name, options=options)
    except NotAReport:
        table = published_table(extraction.blocks, source=name, format=extraction.format, pages=extraction.pages)
        if table is None:
            raise
        return table
    one_report(name, named)
    return report


def compendium_from(extraction: Extraction, *, name: str, options: ParseOptions = ParseOptions(),
                    cuts: list[Cut] | None = None) -> Compendium | None:
    """Return the city reports of a document that binds several (``parsing.compendium``), or None when it holds one
    report or none. A section that does not read as a report is joined to the one before it, and so is one whose
    start only its title shows (the codes do not go back there) unless it and the one before are both whole
    reports (every pillar). A section that still holds the title blocks of several cities is not loaded (its
    numbers could be any of theirs): a ``reports_not_told_apart`` warning on the first report says so. ``cuts``
    are the document's sections when already found (``parsing.compendium.survey``)."""
    cuts = find_cuts(extraction.blocks) if cuts is None else cuts
    while cuts is not None and len(cuts) >= 2:
        reports: list[ParsedReport | None] = []
        for cut in cuts:
            try:
                reports.append(report_from(_section(extraction, cut), name=name, options=options))
            except ReportError:
                reports.append(None)
        read = [r is not None and (cut.by_codes or k == 0 or reports[k - 1] is not None and complete(r)
                                   and complete(reports[k - 1]))
                for k, (cut, r) in enumerate(zip(cuts, reports, strict=True))]
        merged = merge_unread(cuts, read)
        if len(merged) == len(cuts):
            break
        cuts = merged
    else:
        return None
    blocks = extraction.blocks
    kept, unread = [], []
    for cut, report in zip(cuts, reports, strict=True):
        if report is not None and (doubt := not_told_apart(blocks, cut, report)) is not None:
            unread.append(doubt)
        elif report is not None:
            kept.append((cut, report))
    if not kept:
        one_report(name, several_cities(blocks))
        return None
    sections = tuple(
        ReportSection(n, report, section_key(blocks[cut.start:cut.end]), blocks[cut.start].page,
                      blocks[cut.end - 1].page, blocks[cut.start].location, blocks[cut.end - 1].location)
        for n, (cut, report) in enumerate(kept, start=1))
    warnings = tuple(unread + contents_warnings(blocks[:cuts[0].start], [s.report for s in sections]))
    if warnings:  # the file's own warnings are stored with its first report
        first = sections[0]
        sections = (replace(first, report=replace(first.report, warnings=first.report.warnings + warnings)),
                    *sections[1:])
    return Compendium(name, extraction.format, sections, extraction.pages, warnings)


def one_report(name: str, cities: list[str]) -> None:
    """Raise ``SeveralReports`` when a document read as one report holds the title blocks of several reports
    (``cities``, from ``parsing.compendium.several_cities``)."""
    if len(cities) > 1:
        raise SeveralReports(name, f"it holds the title blocks of {len(cities)} reports ({', '.join(cities)}) "
                                   "that could not be told apart: no number of it was loaded; save each report "
                                   "as a file of its own")


def _section(extraction: Extraction, cut: Cut) -> Extraction:
    """Return the extraction of one section: its blocks, and on paged documents the same pages of each other
    reading."""
    blocks = extraction.blocks[cut.start:cut.end]
    alternatives: tuple[tuple[str, list[Block]], ...] = ()
    first, last = blocks[0].page, blocks[-1].page
    if first is not None and last is not None:
        alternatives = tuple((label, [b for b in other if b.page is not None and first <= b.page <= last])
                             for label, other in extraction.alternatives)
        pages: int | None = last - first + 1
    else:
        pages = None
    return replace(extraction, blocks=blocks, alternatives=alternatives, pages=pages)


def _extract(data: bytes, name: str, options: ParseOptions,
             on_scanned_page: Callable[[], None] | None) -> Extraction:
    """Return the blocks of a document's bytes, as ``options`` say to read them."""
    return extract_bytes(data, name=name, pdf_password=options.pdf_password, ocr=options.ocr,
                         ocr_dpi=options.ocr_dpi, on_scanned_page=on_scanned_page)


def report_from(extraction: Extraction, *, name: str, options: ParseOptions = ParseOptions()) -> ParsedReport:
    """Return the report in a document's extracted blocks (the parsing half of ``parse_bytes``); raise a
    ReportError when it is not a usable report."""
    if extraction.format == "pdf" and not any(b.text.strip() for b in extraction.blocks):
        raise NoTextLayer(name, "the PDF has no text layer: it looks scanned"
                          + (" (OCR is off)" if options.ocr is None else ", and OCR read no text from it"))
    readings = [("as laid out", extraction.blocks), *extraction.alternatives]
    report = parse_document(readings, source=name, format=extraction.format, pages=extraction.pages)
    if extraction.ocr is not None:
        ocr = extraction.ocr
        report = scanned_report(report, ocr.engine, ocr.pages, ocr.confidence, ocr.doubts, ocr.turned)
    require_identity(report)
    return report


def require_identity(report: ParsedReport) -> None:
    """Raise MissingMetadata unless the report names its city and cycle (needed to place it)."""
    missing = [what for what, value in (("city", report.city), ("cycle", report.cycle)) if value is None]
    if missing:
        seen = report.extra.get("city_candidates") or []
        candidates = f"; city candidates seen: {', '.join(seen)}" if seen and "city" in missing else (
            "; no Smart City name was found in the title block, running headers or first page" if "city" in missing
            else "")
        raise MissingMetadata(report.source, f"found {len(report.indicators)} indicators but no "
                                             f"{' and no '.join(missing)} could be placed{candidates}")
