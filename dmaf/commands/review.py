"""``dmaf review`` (what needs a look, most doubtful first) and ``dmaf correct`` (fix a score, keep the fix)."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from core import defaults
from core.errors import InvalidCorrection
from dmaf import api
from dmaf.commands.options import Command, consoles, db_option, exit_on_error, fail
from dmaf.words import plural, short_number

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "json", "csv")


def _value(value: Any) -> Any:
    """Return a frame cell as plain JSON (NaN -> None, numpy numbers -> Python)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _where(row: Any) -> str:
    """Return where an item was read: the file's name, and the page or place in it."""
    place = [Path(str(row.source_file)).name]
    if _value(row.page) is not None:
        place.append(f"page {int(row.page)}")
    if _value(row.location) and not str(row.location).startswith("page "):
        place.append(str(row.location))
    return ", ".join(place)


def queue_table(queue: pd.DataFrame) -> Table:
    """Return the review queue as a rich table (every value escaped)."""
    table = Table(title="What needs a look, most doubtful first")
    for name, justify in (("#", "right"), ("Kind", "left"), ("City", "left"), ("Cycle", "right"),
                          ("Indicator", "left"), ("Score", "right"), ("Where", "left"), ("Why", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for n, row in enumerate(queue.itertuples(), start=1):
        score = "" if _value(row.indicator_code) is None else (
            f"{short_number(_value(row.score))}/{short_number(_value(row.max_score))}")
        if row.kind == "stale_correction":  # the current version's value, then the correction's
            score += f" → {short_number(_value(row.corrected_score))}"
        table.add_row(str(n), row.kind.replace("_", " "), escape(str(row.city)), str(int(row.cycle)),
                      escape(str(_value(row.indicator_code) or "")), score, escape(_where(row)),
                      escape(str(_value(row.detail) or "")))
    return table


def review(
    city: Optional[str] = typer.Option(None, "--city", metavar="NAME", help="Only this city (name or alias)."),
    cycle: Optional[int] = typer.Option(None, "--cycle", metavar="N", help="Only this cycle."),
    min_confidence: float = typer.Option(defaults.REVIEW_MIN_CONFIDENCE, "--min-confidence", metavar="X",
                                         min=0.0, max=1.0, help="List a document for its confidence alone when "
                                         "that is below X (0-1)."),
    limit: Optional[int] = typer.Option(None, "--limit", metavar="N", min=1, help="Show the first N items."),
    format: str = typer.Option("table", "--format", metavar="FORMAT", help="table, json or csv."),
    db: Optional[str] = db_option(),
) -> None:
    """List what needs a look, most doubtful first: corrections made on an older version of a report, NULL
    scores and scores placed by a guess, error-severity quality issues, documents of low confidence and cities
    the gazetteer does not know, each with where it was read. Fix a score with `dmaf correct`."""
    if format not in FORMATS:
        raise typer.BadParameter("choose table, json or csv", param_hint="--format")
    out, err = consoles()
    with exit_on_error(err):
        queue = api.review_queue(city=city, cycle=cycle, min_confidence=min_confidence, db=db)
    total = len(queue)
    shown = queue.head(limit) if limit else queue
    if format == "json":
        records = [{k: _value(v) for k, v in row.items()} for row in shown.to_dict(orient="records")]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif format == "csv":
        sys.stdout.write(shown.to_csv(index=False, lineterminator="\n"))
    elif total:
        out.print(queue_table(shown), markup=True)
    counts = queue["kind"].value_counts()
    parts = [f"{counts[k]} {k.replace('_', ' ')}" for k in counts.index]
    err.print(f"{plural(total, 'item')} to review" + (f" ({', '.join(parts)})" if parts else "")
              + (f", the first {len(shown)} shown" if len(shown) < total else "")
              + ("; `dmaf correct --help` says how to fix a score" if total else ""),
              markup=False, highlight=False, soft_wrap=True)


def _one_mode(err: Any, modes: dict[str, bool]) -> str:
    """Return the one mode asked for, or exit 2 naming the clash."""
    chosen = [name for name, on in modes.items() if on]
    if len(chosen) != 1:
        what = " and ".join(chosen) if chosen else "nothing to do"
        raise fail(err, f"{what}: give a correction (--city, --cycle, --indicator and --score or --not-assessed), "
                        "--file CSV, --undo ID, --carry-over or --document")
    return chosen[0]


def correct(
    ids: Optional[list[int]] = typer.Argument(None, metavar="ID", help="With --carry-over: the stale "
                                              "corrections to carry over (the corrections view lists them)."),
    city: Optional[str] = typer.Option(None, "--city", metavar="NAME", help="The city (name or alias); with "
                                       "--document: the city the document is."),
    cycle: Optional[int] = typer.Option(None, "--cycle", metavar="N", help="The cycle of the report; with "
                                        "--document: the cycle the document is."),
    state: Optional[str] = typer.Option(None, "--state", metavar="NAME", help="With --document: the state the "
                                        "document is."),
    document: Optional[str] = typer.Option(None, "--document", metavar="PATH|SHA", help="Correct a loaded "
                                           "document's city, state or cycle (its path, or 8+ digits of its sha256)."),
    restore: bool = typer.Option(False, "--restore", help="With --document: end its city/state/cycle "
                                 "corrections; it is placed as its file reads."),
    indicator: Optional[str] = typer.Option(None, "--indicator", metavar="CODE", help="The indicator, e.g. 2.a."),
    score: Optional[float] = typer.Option(None, "--score", metavar="POINTS", help="The right score."),
    max_score: Optional[float] = typer.Option(None, "--max", metavar="POINTS", help="The right maximum, when the "
                                              "report prints another than the one read."),
    not_assessed: bool = typer.Option(False, "--not-assessed", help="The indicator was not assessed (no score)."),
    file: Optional[Path] = typer.Option(None, "--file", metavar="CSV", help="Record every row of a CSV (columns "
                                        "city, cycle, indicator, score, max, not_assessed, reason, by), all or none."),
    undo: Optional[int] = typer.Option(None, "--undo", metavar="ID", help="End correction ID: the parsed value "
                                       "shows again."),
    carry: bool = typer.Option(False, "--carry-over", help="Apply stale corrections (IDs, or every stale one of "
                               "--city/--cycle) to the report's new version."),
    reason: str = typer.Option("", "--reason", metavar="TEXT", help="Why (required for a correction)."),
    by: Optional[str] = typer.Option(None, "--by", metavar="NAME", help="Who corrects [default: $USER]."),
    db: Optional[str] = db_option(),
) -> None:
    """Correct a score the parser got wrong, keyed to the document's content: the score views show the
    corrected value (score_source = corrected) and the parsed one stays queryable. A correction survives
    reprocessing, re-ingests and byte-identical copies; a new version of the report lists it as stale in
    `dmaf review` until `--carry-over`. `--document FILE --city X` (or --state, --cycle) says what a loaded
    document is: it is read again and moved to that report. Every step is kept in the corrections and
    document_corrections views."""
    out, err = consoles()
    single = any(v is not None for v in (indicator, score, max_score)) or not_assessed
    mode = _one_mode(err, {"a correction": single and not carry and document is None, "--file": file is not None,
                           "--undo": undo is not None, "--carry-over": carry, "--document": document is not None})
    if ids and mode != "--carry-over":
        raise fail(err, f"correction ids ({' '.join(map(str, ids))}) go with --carry-over only")
    if mode == "--document" and single:
        raise fail(err, "--document corrects a document's city, state or cycle; correct a score with --city, "
                        "--cycle and --indicator")
    if (state is not None or restore) and mode != "--document":
        raise fail(err, "--state and --restore go with --document only")
    who = by or api.reviewer()
    with exit_on_error(err):
        if mode == "--document":
            _document(out, err, document, city=city, state=state, cycle=cycle, restore=restore, reason=reason,
                      by=who, db=db)
            return
        if mode == "--undo":
            row = api.undo_correction(undo, by=who, reason=reason, db=db)
            out.print(f"correction {row.correction_id} undone: {row.city}, cycle {row.cycle}, {row.indicator_code} "
                      "shows its parsed value again", markup=False, highlight=False, soft_wrap=True)
            return
        if mode == "--carry-over":
            if not ids and city is None and cycle is None:
                raise InvalidCorrection("say which stale corrections to carry over: their IDs, or --city and/or "
                                        "--cycle (`dmaf review` lists them)")
            done = api.carry_over(ids or (), city=city, cycle=cycle, by=who, reason=reason, db=db)
        elif mode == "--file":
            done = api.correct_from_csv(file, by=who, db=db)
        else:
            missing = [flag for flag, value in (("--city", city), ("--cycle", cycle), ("--indicator", indicator))
                       if value is None]
            if missing:
                raise InvalidCorrection(f"a correction needs {', '.join(missing)}")
            from loaders.corrections import CorrectionRequest

            done = api.correct([CorrectionRequest(city=city, cycle=cycle, indicator=indicator, score=score,
                                                  reason=reason, by=who, max_score=max_score,
                                                  not_assessed=not_assessed)], db=db)
    for correction in done:
        out.print(correction.describe(), markup=False, highlight=False, soft_wrap=True)
    verb = "carried over" if mode == "--carry-over" else "recorded"
    err.print(f"{plural(len(done), 'correction')} {verb}" + ("" if done else " (none was stale)"),
              markup=False, highlight=False)


def _document(out: Any, err: Any, document: str, *, city: str | None, state: str | None, cycle: int | None,
              restore: bool, reason: str, by: str, db: str | None) -> None:
    """Correct (or restore) a document's city, state and cycle, and say where it is now."""
    if restore:
        if any(v is not None for v in (city, state, cycle)):
            raise InvalidCorrection("--restore ends the document's corrections: give no --city, --state or --cycle")
        done = api.restore_document(document, by=by, reason=reason, db=db)
        out.print(done.describe("restored"), markup=False, highlight=False, soft_wrap=True)
        return
    from loaders.metadata_corrections import MetadataRequest

    done = api.correct_document(MetadataRequest(document, reason, by, city=city, state=state, cycle=cycle), db=db)
    out.print(done.describe(), markup=False, highlight=False, soft_wrap=True)
    err.print(f"{plural(len(done.ids), 'correction')} recorded; the document was read again and moved",
              markup=False, highlight=False)


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add ``review`` and ``correct`` to the CLI."""
    app.command("review", cls=Command)(review)
    app.command("correct", cls=Command)(correct)
