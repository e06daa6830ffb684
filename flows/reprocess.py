"""Re-parsing stored raw files after a parser upgrade: rebuild each version's facts in place, never guess.

A version is rebuilt only from a file that holds exactly its bytes (the sha256 of the bytes read is
checked): the path it was loaded from, else a path recorded as a duplicate of it. A file that is gone or
now holds other bytes is reported and its version keeps the facts it has. Each version is rebuilt in one
transaction (``loaders.load.replace_facts``): same version id, no second set of rows, and an interrupted
reprocess leaves every version either wholly old or wholly new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

import parsing
from core.options import ParseOptions
from core.records import LoadResult, ParseOutcome
from core.statuses import FileStatus
from loaders.batch import prepare_warehouse
from loaders.compendium import section_of, section_versions, stale_compendiums
from loaders.load import replace_facts
from loaders.published import load_published, stale_published
from loaders.runs import finish_run, start_run
from loaders.versions import StoredVersion, stored_versions
from pipeline.identity import file_sha256
from pipeline.pool import parse_files
from reference.catalog import Catalog, load_catalog
from warehouse.db import make_engine


@dataclass(frozen=True, slots=True)
class ReprocessResult:
    """What happened to one version: ``status`` is one of ``core.statuses.REPROCESS_STATUSES``."""

    sha256: str
    path: str
    status: FileStatus
    message: str
    is_current: bool


def current_parser_version() -> str:
    """Return the parser version of the code running now (read at call time, not import time)."""
    return parsing.PARSER_VERSION


def _sha256_or_none(path: str) -> str | None:
    """Return the sha256 of a file's bytes, or None when it cannot be read (gone, not a file, no access)."""
    try:
        return file_sha256(path)
    except OSError:
        return None


def locate(version: StoredVersion) -> tuple[str | None, ReprocessResult | None]:
    """Return ``(a path holding the version's bytes, None)``, or ``(None, why none does)``."""
    changed: list[str] = []
    for path in version.paths:
        sha = _sha256_or_none(path)
        if sha == version.sha256:
            return path, None
        if sha is not None:
            changed.append(path)
    keep = f"version {version.sha256[:12]} keeps the facts of parser {version.parser_version}"
    if changed:
        message = (f"{changed[0]}: the file now holds other bytes than the loaded version; {keep} "
                   "(ingest the file to load its new content)")
        return None, _result(version, changed[0], FileStatus.CHANGED, message)
    where = " or ".join(version.paths)
    return None, _result(version, version.paths[0], FileStatus.MISSING, f"{where}: the file is gone; {keep}")


def _result(version: StoredVersion, path: str, status: FileStatus, message: str) -> ReprocessResult:
    """Return a result for one version."""
    return ReprocessResult(version.sha256, path, status, message, version.is_current)


def rebuild(
    engine: Engine, version: StoredVersion, outcome: ParseOutcome, *, parser_version: str, catalog: Catalog
) -> ReprocessResult:
    """Replace a version's facts with a new parse of its file, unless the parse failed or read other bytes."""
    path = outcome.source.path
    if outcome.failure is not None:
        message = f"the new parser could not read it ({outcome.failure.message}); the loaded facts are kept"
        return _result(version, path, FileStatus.FAILED, f"{path}: {message}")
    if outcome.source.sha256 != version.sha256:
        message = f"{path}: the file changed while it was reprocessed; version {version.sha256[:12]} is unchanged"
        return _result(version, path, FileStatus.CHANGED, message)
    if outcome.report is None:
        what = "a national results table" if outcome.published is not None else "a file of several reports"
        message = f"{path}: the new parser reads it as {what}, not one city report; the loaded facts are kept"
        return _result(version, path, FileStatus.FAILED, message)
    done = replace_facts(engine, sha256=version.sha256, report=outcome.report, parser_version=parser_version,
                         catalog=catalog)
    return _result(version, path, done.status, done.message)


def reprocess(
    url: str | None, *, everything: bool = False, parser_version: str | None = None,
    options: ParseOptions = ParseOptions(), workers: int = 0,
    on_result: Callable[[ReprocessResult], None] | None = None,
) -> list[ReprocessResult]:
    """Re-parse the stored files of stale versions (all with ``everything``) and rebuild their facts.

    ``parser_version`` defaults to ``parsing.PARSER_VERSION``; ``workers`` parse processes (0 = in this
    process); one result per selected version, in version order.
    """
    version = parser_version or current_parser_version()
    prepare_warehouse(url)
    engine = make_engine(url)
    try:
        selected = stored_versions(engine, parser_version=version, everything=everything)
        results: dict[str, ReprocessResult] = {}
        located: dict[str, StoredVersion] = {}
        for stored in selected:
            path, problem = locate(stored)
            if problem is not None:
                results[stored.sha256] = _emit(problem, on_result)
            else:
                located[path] = stored
        table_results: dict[str, ReprocessResult] = {}  # results files and compendiums, by path
        tables = _published_files(engine, version, everything, table_results, on_result)
        bound = _files_holding(stale_compendiums(engine, parser_version=version, everything=everything),
                               "its reports are kept", table_results, on_result)
        if located or tables or bound:
            run_id = start_run(engine, folder=None, parser_version=version)
            catalog = load_catalog()
            for outcome in parse_files([*located, *tables, *bound], options, workers=workers):
                if outcome.source.path in tables:
                    done = _rebuild_table(engine, tables[outcome.source.path], outcome, version, catalog)
                    table_results[outcome.source.path] = _emit(done, on_result)
                    continue
                if outcome.source.path in bound:
                    for done in _rebuild_compendium(engine, bound[outcome.source.path], outcome, version, catalog):
                        table_results[f"{outcome.source.path}#{done.sha256}"] = _emit(done, on_result)
                    continue
                stored = located[outcome.source.path]
                done = rebuild(engine, stored, outcome, parser_version=version, catalog=catalog)
                results[stored.sha256] = _emit(done, on_result)
            finish_run(engine, run_id, _as_load_results([*results.values(), *table_results.values()]))
        return [results[s.sha256] for s in selected] + list(table_results.values())
    finally:
        engine.dispose()


def _published_files(engine: Engine, version: str, everything: bool, results: dict[str, ReprocessResult],
                     on_result: Callable[[ReprocessResult], None] | None) -> dict[str, str]:
    """Return ``{path: sha256}`` of the national results files to read again; a file that is gone or holds other
    bytes gets its result in ``results`` now, by path (its published rows are kept)."""
    return _files_holding(stale_published(engine, parser_version=version, everything=everything),
                          "its published scores are kept", results, on_result)


def _files_holding(stored: list[tuple[str, str]], kept: str, results: dict[str, ReprocessResult],
                   on_result: Callable[[ReprocessResult], None] | None) -> dict[str, str]:
    """Return ``{path: sha256}`` of the ``(sha256, path)`` files that still hold those bytes; each other one gets
    its result (gone, or changed) in ``results`` now, by path, saying what is ``kept``."""
    files: dict[str, str] = {}
    for sha256, path in stored:
        found = _sha256_or_none(path)
        if found == sha256:
            files[path] = sha256
            continue
        status, why = ((FileStatus.MISSING, "the file is gone") if found is None else
                       (FileStatus.CHANGED, "the file now holds other bytes (ingest it to load its new content)"))
        result = ReprocessResult(sha256, path, status, f"{path}: {why}; {kept}", True)
        results[path] = _emit(result, on_result)
    return files


def _rebuild_compendium(engine: Engine, sha256: str, outcome: ParseOutcome, version: str,
                        catalog: Catalog) -> list[ReprocessResult]:
    """Rebuild each section version of a compendium from a new reading of the same bytes, when the new parser
    finds the same reports in the same order; otherwise every section keeps its facts."""
    path = outcome.source.path
    stored = section_versions(engine, path=path)
    found = outcome.compendium.sections if outcome.compendium is not None else ()
    if outcome.source.sha256 != sha256:
        why = "the file changed while it was reprocessed"
    elif [(c, y) for _, _, c, y in stored] != [(s.report.city, s.report.cycle) for s in found]:
        now = ", ".join(f"{s.report.city} {s.report.cycle}" for s in found) or (
            outcome.failure.message if outcome.failure is not None else "one report")
        why = f"the new parser finds other reports in it ({now}); ingest it again with the new parser to reload it"
    else:
        results = []
        for (_, key, _, _), section in zip(stored, found, strict=True):
            done = replace_facts(engine, sha256=key, report=section.report, parser_version=version, catalog=catalog)
            results.append(ReprocessResult(key, path, done.status, done.message, True))
        return results
    return [ReprocessResult(key, path, FileStatus.FAILED, f"{path}: {why}; its reports are kept", True)
            for _, key, _, _ in stored]


def _rebuild_table(engine: Engine, sha256: str, outcome: ParseOutcome, version: str,
                   catalog: Catalog) -> ReprocessResult:
    """Replace a results file's published rows with a new reading of the same bytes, unless it failed."""
    path = outcome.source.path
    if outcome.source.sha256 != sha256:
        return ReprocessResult(sha256, path, FileStatus.CHANGED, f"{path}: the file changed while it was "
                               "reprocessed; its published scores are kept", True)
    if outcome.published is None:
        why = outcome.failure.message if outcome.failure is not None else "it now reads as a city report"
        return ReprocessResult(sha256, path, FileStatus.FAILED, f"{path}: the new parser does not read it as a "
                               f"results table ({why}); its published scores are kept", True)
    done = load_published(engine, source=outcome.source, table=outcome.published, parser_version=version,
                          catalog=catalog, rebuild=True)
    return ReprocessResult(sha256, path, done.status, done.message, True)


def _emit(result: ReprocessResult, on_result: Callable[[ReprocessResult], None] | None) -> ReprocessResult:
    """Pass a result to the caller's callback (progress output) and return it."""
    if on_result is not None:
        on_result(result)
    return result


def _as_load_results(results: Iterable[ReprocessResult]) -> list[LoadResult]:
    """Return the results as load results for the run's counts (gone or changed files count as skipped)."""
    return [LoadResult(r.path, r.status, r.message) for r in results]


def reparse_version(
    engine: Engine, sha256: str, *, change: Callable[[Any], object], options: ParseOptions = ParseOptions(),
) -> ReprocessResult:
    """Re-parse one stored version from a file holding its bytes and rebuild its facts with ``change`` run first
    in the same transaction (a metadata correction recorded or restored); raise ``InvalidCorrection`` when no
    file holds the version's bytes any more or the parser cannot read it now."""
    from core.errors import InvalidCorrection
    from pipeline.document import parse_path

    section = section_of(engine, sha256)
    if section is not None:
        return _reparse_section(engine, sha256, section, change=change, options=options)
    [version] = stored_versions(engine, parser_version="", everything=True, sha256=sha256)
    path, problem = locate(version)
    if problem is not None:
        raise InvalidCorrection(f"{problem.message}: a document's city, state or cycle is corrected by reading its "
                                "file again; nothing was changed")
    outcome = parse_path(path, options)
    if outcome.report is None or outcome.source.sha256 != sha256:
        why = (outcome.failure.message if outcome.failure is not None else "the file changed while it was read"
               if outcome.source.sha256 != sha256 else "it no longer reads as one city report")
        raise InvalidCorrection(f"{path}: {why}; nothing was changed")
    done = replace_facts(engine, sha256=sha256, report=outcome.report, parser_version=current_parser_version(),
                         change=change)
    return _result(version, path, done.status, done.message)


def _reparse_section(engine: Engine, sha256: str, section: tuple[str, str, int], *, change: Callable[[Any], object],
                     options: ParseOptions) -> ReprocessResult:
    """``reparse_version`` for a compendium's section: the file is read again and the section of the same number
    rebuilds the version."""
    from core.errors import InvalidCorrection
    from pipeline.document import parse_path

    path, file_sha, number = section
    outcome = parse_path(path, options)
    found = [s for s in outcome.compendium.sections if s.number == number] if outcome.compendium else []
    if outcome.source.sha256 != file_sha or not found:
        why = "the file changed since it was loaded" if outcome.source.sha256 != file_sha else (
            f"the parser no longer reads a report {number} in it")
        raise InvalidCorrection(f"{path}: {why}; nothing was changed")
    done = replace_facts(engine, sha256=sha256, report=found[0].report, parser_version=current_parser_version(),
                         change=change)
    return ReprocessResult(sha256, path, done.status, done.message, True)
