"""The public Python API: what the ``dmaf`` command line does, as functions (the CLI only calls these).

Every function takes its settings as parameters with the defaults of ``core.defaults``, raises only
``core.errors.DmafError`` subclasses for conditions a user can fix, and imports Prefect, pandas or a
database driver only when it needs them (``import dmaf.api`` stays cheap)::

    from dmaf import api
    summary = api.ingest(["raw_reports"], db="sqlite:///warehouse/dmaf.db", workers=0)
    columns, rows = api.query("select city, cycle, score from city_scores")
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from core import defaults
from core.errors import ConfigurationError, InvalidCorrection, PathNotFound
from core.options import BatchOptions, ParseOptions
from core.records import ParseOutcome

if TYPE_CHECKING:
    from dmaf.trends.advice import CityAdvice
    from dmaf.trends.queries import TrendFrames
    from flows.reprocess import ReprocessResult
    from flows.summary import IngestSummary
    from loaders.corrections import Correction, CorrectionRequest
    from loaders.holding import HeldVersion
    from loaders.metadata_corrections import MetadataRequest
    from warehouse.integrity import CheckReport

T = TypeVar("T")


def existing_paths(paths: Iterable[str | Path]) -> list[str]:
    """Return the paths as absolute strings; raise ``PathNotFound`` naming every one that does not exist."""
    chosen = [Path(p) for p in paths]
    if not chosen:
        raise PathNotFound("no file or folder given: name the reports to read, e.g. raw_reports/")
    missing = [str(p) for p in chosen if not os.path.lexists(p)]
    if missing:
        plural = "s do" if len(missing) > 1 else " does"
        raise PathNotFound(f"the path{plural} not exist: {', '.join(missing)}; nothing was read or recorded")
    return [os.path.abspath(p) for p in chosen]


def parse(paths: Iterable[str | Path], *, options: ParseOptions = ParseOptions()) -> Iterator[ParseOutcome]:
    """Yield one outcome per report file found under ``paths`` (no database, no Prefect), in path order."""
    from pipeline.discovery import discover
    from pipeline.document import parse_path

    for path in discover(existing_paths(paths)):
        yield parse_path(path, options)


def ingest(paths: Iterable[str | Path], *, db: str | None = None, batch: BatchOptions = BatchOptions(),
           options: ParseOptions = ParseOptions(), dask_address: str | None = None) -> IngestSummary:
    """Ingest files and folders through the Prefect flow; one bad file never stops the others.

    With ``dask_address`` the parse batches run on that Dask cluster, one batch per Dask worker, each
    parsed inside the worker (``batch.workers`` must then be None or 0).
    """
    chosen = existing_paths(paths)
    check_warehouse(db)
    from flows.prefect_env import configure_prefect

    configure_prefect()
    from pydantic import SecretStr

    from flows.ingest import ingest_reports
    from flows.temporary_server import temporary_server
    from warehouse.settings import resolve_url

    flow, extra, workers = ingest_reports, {}, batch.workers
    if dask_address:
        if batch.workers:
            raise ValueError("with a Dask cluster each batch is parsed inside a Dask worker (a daemonic process "
                             "cannot start parse processes): give workers=0 or None")
        from flows.runners import dask_worker_count, task_runner

        flow = ingest_reports.with_options(task_runner=task_runner(dask_address))
        extra, workers = {"parallel_batches": dask_worker_count(dask_address)}, 0
    else:
        extra = {"parallel_batches": batch.parallel_batches}
    with temporary_server(), faults_as_errors(db):
        return flow(chosen, db_url=SecretStr(resolve_url(db)), batch_size=batch.batch_size, workers=workers,
                    pdf_password=SecretStr(options.pdf_password) if options.pdf_password else None,
                    max_bytes=options.max_bytes, timeout_s=options.timeout_s, memory_mb=options.memory_mb,
                    ocr=options.ocr, ocr_dpi=options.ocr_dpi, settle_s=options.settle_s, **extra)


def refresh_folder(folder: str | Path | None = None) -> str:
    """Return the folder a refresh reads (argument, else $DMAF_REPORTS_DIR, else ./raw_reports) as an absolute
    path; raise ``FolderNotFound`` when it is not an existing folder."""
    from pipeline.refresh_plan import folder_root

    return folder_root(folder if folder is not None else defaults.reports_dir())


def refresh(folder: str | Path | None = None, *, db: str | None = None, batch: BatchOptions = BatchOptions(),
            options: ParseOptions = ParseOptions(), retry_failed: bool = False) -> IngestSummary:
    """Load what is new or changed in a folder, skip unchanged files unread, flag files gone."""
    root = refresh_folder(folder)
    check_warehouse(db)
    from flows.prefect_env import configure_prefect

    configure_prefect()
    from pydantic import SecretStr

    from flows.refresh import refresh_reports
    from flows.temporary_server import temporary_server
    from warehouse.settings import resolve_url

    with temporary_server(), faults_as_errors(db):
        return refresh_reports(root, db_url=SecretStr(resolve_url(db)), batch_size=batch.batch_size,
                               workers=batch.workers, parallel_batches=batch.parallel_batches,
                               pdf_password=SecretStr(options.pdf_password) if options.pdf_password else None,
                               max_bytes=options.max_bytes, timeout_s=options.timeout_s,
                               memory_mb=options.memory_mb, ocr=options.ocr, ocr_dpi=options.ocr_dpi,
                               settle_s=options.settle_s, retry_failed=retry_failed)


def reprocess(*, db: str | None = None, everything: bool = False, options: ParseOptions = ParseOptions(),
              workers: int | None = None,
              on_result: Callable[[ReprocessResult], None] | None = None) -> list[ReprocessResult]:
    """Re-parse the stored files of versions made by another parser (all with ``everything``), rebuilding facts."""
    from flows.reprocess import reprocess as run
    from warehouse.settings import resolve_url

    check_warehouse(db)
    with faults_as_errors(db):
        return run(resolve_url(db), everything=everything, options=options,
                   workers=defaults.default_workers() if workers is None else workers, on_result=on_result)


def parser_version() -> str:
    """Return the version of the parser this code runs."""
    from flows.reprocess import current_parser_version

    return current_parser_version()


def query(sql: str, *, db: str | None = None,
          timeout_s: float = defaults.SQL_TIMEOUT_S) -> tuple[list[str], list[tuple]]:
    """Run one read-only SQL query; return (column names, rows). Writes are refused (``ReadOnlyViolation``)."""
    from warehouse.readonly import run_readonly_query
    from warehouse.settings import resolve_url

    return run_readonly_query(resolve_url(db), sql, timeout_s=timeout_s)


def upgrade(db: str | None = None) -> str | None:
    """Create or migrate the warehouse schema to the newest revision (filling the derived tables a revision
    added); return the revision it is at."""
    from loaders.recommendations import ensure_recommendation_changes
    from warehouse.db import make_engine
    from warehouse.db import upgrade as migrate

    check_warehouse(db)
    revision = migrate(db)
    engine = make_engine(db)
    try:
        ensure_recommendation_changes(engine)
    finally:
        engine.dispose()
    return revision


@contextmanager
def faults_as_errors(db: str | None) -> Iterator[None]:
    """Turn a database error that means the warehouse itself failed (disk full, read-only, damaged, gone) into
    its one-line ``WarehouseFault``; any other error passes unchanged."""
    try:
        yield
    except Exception as exc:
        from warehouse.integrity import fault_of
        from warehouse.settings import resolve_url

        fault = fault_of(exc, resolve_url(db))
        if fault is None or fault is exc:
            raise
        raise fault from None


def check_warehouse(db: str | None = None) -> None:
    """Refuse a warehouse that cannot be written (damaged, read-only, unreachable) with one ``WarehouseFault``
    line; what every command that writes does first, before anything is read or recorded."""
    from warehouse.integrity import check_writable

    check_writable(db)


def check(db: str | None = None) -> CheckReport:
    """Run the full integrity check of the warehouse (SQLite ``integrity_check``; PostgreSQL: every table read)."""
    from warehouse.integrity import check_full

    return check_full(db)


def backup(dest: str | Path, *, db: str | None = None, overwrite: bool = False) -> Path:
    """Write a verified backup of the warehouse (SQLite online backup, or pg_dump); return its path. A damaged
    warehouse is refused, and a copy that fails its own integrity check is never put in place."""
    from warehouse.backup import backup as write
    from warehouse.settings import resolve_url

    return write(resolve_url(db), dest, overwrite=overwrite)


def held_versions(db: str | None = None) -> list[HeldVersion]:
    """Return the versions held back from being current (they read less completely than the current one)."""
    from loaders.holding import held_versions as held
    from warehouse.db import make_engine

    engine = make_engine(_existing(db))
    try:
        return held(engine)
    finally:
        engine.dispose()


def promote(sha_prefix: str, *, db: str | None = None) -> HeldVersion:
    """Make a stored version current by hand (a held one, or any other); return it."""
    from loaders.holding import promote_version

    return _writing(db, lambda engine: promote_version(engine, sha_prefix))


def reviewer() -> str:
    """Return who is correcting: ``$USER`` (or the login name), else "unknown"."""
    import getpass

    try:
        return os.environ.get("USER") or getpass.getuser() or "unknown"
    except (OSError, KeyError):
        return "unknown"


def _writing(db: str | None, write: Callable[..., T]) -> T:
    """Run ``write(engine)`` on a checked, existing warehouse at the newest schema, driver faults turned into
    ``WarehouseFault``; an older schema is refused with the command that upgrades it (nothing is migrated
    behind the user's back by a correction or a promotion)."""
    from core.errors import WarehouseMissing
    from warehouse.db import current_revision, head_revision, make_engine
    from warehouse.settings import mask_url

    check_warehouse(db)
    url = _existing(db)
    engine = make_engine(url)
    try:
        with faults_as_errors(db):
            revision, head = current_revision(engine), head_revision()
            if revision != head:
                raise WarehouseMissing(f"the warehouse at {mask_url(url)} has schema revision {revision or 'none'}, "
                                       f"this dmaf needs {head}: run `dmaf db upgrade` (or `dmaf ingest`) first")
            return write(engine)
    finally:
        engine.dispose()


def correct(requests: Iterable[CorrectionRequest], *, db: str | None = None) -> list[Correction]:
    """Record reviewers' corrections of scores, all in one transaction (or none, with ``InvalidCorrection``
    naming the first that cannot be recorded); return them. Each applies to its report's current version."""
    from loaders.corrections import record_corrections

    batch = list(requests)
    return _writing(db, lambda engine: record_corrections(engine, batch))


def correct_from_csv(path: str | Path, *, by: str | None = None, db: str | None = None) -> list[Correction]:
    """Record the corrections of a CSV file (``loaders.corrections.CSV_COLUMNS``), all or none."""
    from loaders.corrections import requests_from_csv

    file = Path(path)
    if not file.is_file():
        raise PathNotFound(f"{file}: no such corrections file")
    try:
        content = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidCorrection(f"{file}: not UTF-8 text; save the CSV as UTF-8; nothing was changed") from None
    return correct(requests_from_csv(content, source=str(file), by=by or reviewer()), db=db)


def undo_correction(correction_id: int, *, by: str | None = None, reason: str = "", db: str | None = None) -> Any:
    """End a correction (the parsed value shows again); return its audit row from the ``corrections`` view."""
    from loaders.corrections import undo_correction as undo

    return _writing(db, lambda engine: undo(engine, correction_id, by=by or reviewer(), reason=reason))


def carry_over(ids: Iterable[int] = (), *, city: str | None = None, cycle: int | None = None,
               by: str | None = None, reason: str = "", db: str | None = None) -> list[Correction]:
    """Apply stale corrections (those ``ids``, or every stale one of ``city``/``cycle``) to their report's
    current version; return the new corrections."""
    from loaders.corrections import carry_over as carry
    from loaders.corrections import stale_ids

    wanted = list(ids)

    def write(engine: Any) -> list[Correction]:
        chosen = wanted or stale_ids(engine, city=city, cycle=cycle)
        return carry(engine, chosen, by=by or reviewer(), reason=reason) if chosen else []

    return _writing(db, write)


@dataclass(frozen=True)
class DocumentCorrection:
    """What ``correct_document``/``restore_document`` did: the document, where it was and where it is now."""

    sha256: str
    path: str
    before: str
    after: str
    ids: tuple[int, ...]

    def describe(self, verb: str = "corrected") -> str:
        """Return one line for the command line."""
        ids = f"correction {', '.join(map(str, self.ids))}: " if self.ids else ""
        return f"{ids}{self.path} ({self.sha256[:12]}) {verb}: {self.before} -> {self.after}"


def _placed(document: Any) -> str:
    """Return where a stored document is placed, as text."""
    return f"{document.city} ({document.state or 'no state'}), cycle {document.cycle}"


def _rebuild_document(db: str | None, document: str, change: Callable[..., Any]) -> DocumentCorrection:
    """Find a stored document, re-read its file and rebuild it with ``change`` in the same transaction."""
    from flows.reprocess import reparse_version
    from loaders.metadata_corrections import find_document

    ids: list[int] = []

    def write(engine: Any) -> DocumentCorrection:
        found = find_document(engine, document)
        reparse_version(engine, found.sha256, change=lambda conn: ids.extend(change(conn, found)))
        now = find_document(engine, found.sha256)
        return DocumentCorrection(found.sha256, found.path, _placed(found), _placed(now), tuple(ids))

    return _writing(db, write)


def correct_document(request: MetadataRequest, *, db: str | None = None) -> DocumentCorrection:
    """Correct a stored document's city, state and/or cycle: recorded and applied in one transaction (the file
    is read again, so it must still hold the version's bytes); return where the document was and is now."""
    from loaders.metadata_corrections import check_metadata_request, record_metadata
    from reference.gazetteer import cycles

    if problem := check_metadata_request(request, tuple(int(c) for c in cycles()["cycle"])):
        raise InvalidCorrection(f"{request.document}: {problem}; nothing was changed")
    return _rebuild_document(db, request.document, lambda conn, found: record_metadata(conn, found, request))


def restore_document(document: str, *, by: str | None = None, reason: str = "",
                     db: str | None = None) -> DocumentCorrection:
    """End a document's corrections of its city, state and cycle: it is placed as its file reads again."""
    from loaders.metadata_corrections import restore_metadata

    def change(conn: Any, found: Any) -> list[int]:
        return [r.id for r in restore_metadata(conn, found.sha256, by=by or reviewer(), reason=reason)]

    return _rebuild_document(db, document, change)


def review_queue(*, city: str | None = None, cycle: int | None = None,
                 min_confidence: float = defaults.REVIEW_MIN_CONFIDENCE, db: str | None = None) -> Any:
    """Return what needs a look, most doubtful first, as a frame of the ``review_queue`` view (read-only)."""
    from dmaf.review.queue import select_queue
    from dmaf.trends.queries import open_warehouse, read_view

    with open_warehouse(db, defaults.READ_TIMEOUT_S) as engine:
        return select_queue(read_view(engine, "review_queue"), city=city, cycle=cycle, min_confidence=min_confidence)


def _existing(db: str | None) -> str:
    """Return the warehouse URL, refusing a SQLite file that does not exist (nothing to list or change)."""
    from core.errors import WarehouseMissing
    from warehouse.settings import resolve_url, sqlite_path

    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise WarehouseMissing(f"no warehouse at {path}; ingest reports first (dmaf ingest raw_reports/)")
    return url


def prepare(db: str | None = None) -> None:
    """Create or migrate the warehouse and load the reference data (what every ingest does first)."""
    from loaders.batch import prepare_warehouse

    prepare_warehouse(db)


def trends(db: str | None = None) -> TrendFrames:
    """Return the trend views of the warehouse as frames (read-only); raise ``NoData`` when it is empty."""
    from dmaf.trends.queries import load_frames, open_warehouse

    with open_warehouse(db, defaults.READ_TIMEOUT_S) as engine:
        return load_frames(engine)


def advise(city: str, *, cycle: int | None = None, db: str | None = None) -> CityAdvice:
    """Return what next for a city (name or alias) in ``cycle`` (its latest when None): indicators ranked by
    the points still open, the peers that scored them, and advice repeated without progress (read-only)."""
    from dmaf.trends.advice import advise as advise_city
    from dmaf.trends.queries import find_city

    frames = trends(db)
    return advise_city(frames, find_city(frames, city), cycle)


def write_report(out_dir: str | Path, *, db: str | None = None, review: bool = True) -> list[Path]:
    """Write the static HTML report (overview, one page per city and, with ``review``, one review page per
    document); return the pages, index first."""
    from dmaf.trends.html_report import write_report as write

    return write(trends(db), out_dir, review=review)


def export(out_dir: str | Path, *, format: str = "csv", db: str | None = None) -> list[Path]:
    """Write every public view as a CSV or Parquet file; return the files."""
    from dmaf.trends.export import export_views
    from dmaf.trends.queries import open_warehouse

    with open_warehouse(db, defaults.READ_TIMEOUT_S) as engine:
        return export_views(engine, out_dir, format=format)



NO_SERVER = ("dmaf serve needs a running Prefect server, and none is configured: start one with "
             "`prefect server start` and set PREFECT_API_URL=http://127.0.0.1:4200/api (see docs/operations.md)")


class NoPrefectServer(ConfigurationError):
    """``dmaf serve`` was started without a Prefect server to serve on (PREFECT_API_URL is not set)."""


@dataclass(frozen=True)
class ServePlan:
    """What ``serve`` will do: the checked schedule, the folder, the warehouse and the Prefect API."""

    cron: str
    timezone: str
    folder: str
    db_url: str
    api_url: str


def plan_serve(*, cron: str = defaults.CRON, timezone: str | None = None, folder: str | Path | None = None,
               db: str | None = None) -> ServePlan:
    """Check everything ``serve`` needs before it starts; raise ``InvalidSchedule``, ``FolderNotFound`` or
    ``NoPrefectServer`` naming what to fix. The database URL is put in this process's environment, where
    served runs find it (it is never sent to the Prefect server)."""
    from flows.prefect_env import SERVE_DEFAULTS, api_url, configure_prefect

    configure_prefect(overrides=SERVE_DEFAULTS)
    from flows.schedule import check_schedule, local_timezone
    from warehouse.settings import resolve_url

    zone = timezone or local_timezone()
    check_schedule(cron, zone)
    root = refresh_folder(folder)
    server = api_url()
    if server is None:
        raise NoPrefectServer(NO_SERVER)
    url = resolve_url(db)
    os.environ[defaults.DATABASE_URL_ENV] = url  # served runs inherit this process's environment
    return ServePlan(cron, zone, root, url, server)


def serve(plan: ServePlan, *, batch_size: int | None = None, workers: int | None = None) -> None:
    """Serve the ``nightly-refresh`` deployment of ``plan`` and execute its runs until interrupted."""
    from flows.schedule import serve_refresh

    serve_refresh(plan.folder, cron=plan.cron, timezone=plan.timezone, batch_size=batch_size, workers=workers)
