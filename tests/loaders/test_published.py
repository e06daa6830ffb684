"""Loading national results tables, on SQLite and PostgreSQL: every figure, idempotent per file, one truth check
against the city reports (``published_score_differences``, ``quality_issues``, ``review_queue``)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine

from core.records import LoadResult, ParseOutcome
from core.statuses import FileStatus
from loaders.load import load_document
from loaders.published import load_published
from pipeline.document import parse_path
from tests.corpus.results import write_results
from tests.loaders.support import (
    PARSER_VERSION,
    imphal_report,
    source_info,
    table_counts,
)

IMPHAL_TABLE = """Data Maturity Assessment Framework Cycle 2.0: national results

| Rank | City | Policy | People | Process | Technology | Outcomes | Total |
|---|---|---|---|---|---|---|---|
| 1 | Surat | 90 | 85 | 80 | 75 | 70 | 400 |
| 2 | Pune | 80 | 80 | 80 | 70 | 70 | 380 |
| 3 | Bhopal | 70 | 70 | 70 | 70 | 70 | 350 |
| 4 | Imphal | 0 | {people} | 0 | 0 | 0 | {total} |
"""


def _load(engine: Engine, path: Path) -> tuple[ParseOutcome, LoadResult]:
    """Parse a file as an ingest does and load its results table."""
    outcome = parse_path(path)
    assert outcome.published is not None, outcome.failure
    return outcome, load_published(engine, source=outcome.source, table=outcome.published,
                                   parser_version=PARSER_VERSION)


def _rows(engine: Engine, sql: str) -> list[tuple]:
    """Return the rows of a query."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _imphal_and_table(engine: Engine, folder: Path, people: float) -> Path:
    """Load the Imphal report (People adds up to 10, the total too) and a results table whose Imphal row says
    ``people`` for People and in all; return the table's path."""
    report = imphal_report()
    load_document(engine, source=source_info("/r/imphal.txt", report), report=report, error=None,
                  parser_version=PARSER_VERSION)
    table = folder / "results.txt"
    table.write_text(IMPHAL_TABLE.format(people=people, total=people), encoding="utf-8")
    _load(engine, table)
    return table


def test_a_results_table_loads_every_figure_and_a_repeat_changes_nothing(db_engine: Engine, tmp_path: Path) -> None:
    """40 cities over 2 pages (header repeated, ties): totals, ranks and pillar scores as printed; the same file
    again is skipped with every row as it was."""
    path = write_results(5, tmp_path, "pdf")
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    _, done = _load(db_engine, path)
    assert done.status == FileStatus.LOADED and "40 cities, 240 scores" in done.message
    cities = _rows(db_engine, "SELECT city, score, max_score, rank, score_source, page FROM published_city_scores")
    expected = {(r["city"], r["total"], 500.0, r["rank"], "printed") for r in truth["rows"]}
    assert {row[:5] for row in cities} == expected and {row[5] for row in cities} == {1, 2}
    pillars = _rows(db_engine, "SELECT city, pillar_no, pillar, score, max_score FROM published_pillar_scores")
    names = ("Policy", "People", "Process", "Technology", "Outcomes")
    assert sorted(pillars) == sorted((r["city"], int(no), names[int(no) - 1], score, 100.0) for r in truth["rows"]
                                     for no, score in r["pillars"].items())
    counts = table_counts(db_engine)
    _, again = _load(db_engine, path)
    assert again.status == FileStatus.SKIPPED and table_counts(db_engine) == counts


def test_the_same_table_under_another_path_is_a_duplicate_and_an_edited_table_replaces_its_rows(
        db_engine: Engine, tmp_path: Path) -> None:
    """A copy adds no row; new content at the path replaces that file's figures, atomically."""
    first = write_results(5, tmp_path, "txt")
    _load(db_engine, first)
    copy = tmp_path / "copy" / first.name
    copy.parent.mkdir()
    copy.write_bytes(first.read_bytes())
    counts = table_counts(db_engine)
    _, duplicate = _load(db_engine, copy)
    assert duplicate.status == FileStatus.DUPLICATE and str(first) in duplicate.message
    assert table_counts(db_engine)["published_score"] == counts["published_score"]
    edited = write_results(6, tmp_path / "copy", "txt")
    edited.replace(copy)
    truth = json.loads(edited.with_suffix(".truth.json").read_text(encoding="utf-8"))
    _, done = _load(db_engine, copy)
    assert done.status == FileStatus.LOADED
    rows = _rows(db_engine, f"SELECT city, score, rank FROM published_city_scores WHERE source_file = '{copy}'")
    assert sorted(rows) == sorted((r["city"], r["total"], r["rank"]) for r in truth["rows"])
    assert table_counts(db_engine)["published_score"] == 2 * counts["published_score"]


def test_a_city_whose_report_disagrees_with_the_published_table_is_flagged_with_both_values(
        db_engine: Engine, tmp_path: Path) -> None:
    """Imphal's report adds up to 10 in People (and in all); the table says 15: both differences are errors in
    ``quality_issues`` and in the review queue, with both numbers; the pillars that agree are not flagged."""
    table = _imphal_and_table(db_engine, tmp_path, 15)
    differences = _rows(db_engine, "SELECT city, pillar_no, what, report_score, published_score, difference, "
                                   "report_source FROM published_score_differences ORDER BY what")
    assert differences == [("Imphal", 2, "pillar 2 (People)", 10.0, 15.0, 5.0, "/r/imphal.txt"),
                           ("Imphal", None, "total", 10.0, 15.0, 5.0, "/r/imphal.txt")]
    issues = _rows(db_engine, "SELECT source_file, city, severity, rule, message FROM quality_issues "
                              "WHERE rule = 'published_score_differs' ORDER BY message")
    assert [row[:4] for row in issues] == [("/r/imphal.txt", "Imphal", "error", "published_score_differs")] * 2
    assert "add up to 10" in issues[0][4] and "say 15" in issues[0][4] and str(table) in issues[0][4]
    queue = _rows(db_engine, "SELECT priority, kind, city, detail FROM review_queue WHERE kind = 'published_differs'")
    assert len(queue) == 2 and {row[:3] for row in queue} == {(3, "published_differs", "Imphal")}


def test_a_table_that_agrees_with_the_report_flags_nothing_and_every_city_has_its_sources(
        db_engine: Engine, tmp_path: Path) -> None:
    """``city_scores_all_sources``: Imphal from both (the report's score), the others from the table alone."""
    _imphal_and_table(db_engine, tmp_path, 10)
    assert _rows(db_engine, "SELECT * FROM published_score_differences") == []
    rows = _rows(db_engine, "SELECT city, cycle, report_score, published_score, published_rank, score, sources, "
                            "score_source FROM city_scores_all_sources ORDER BY city")
    assert rows == [("Bhopal", 2, None, 350.0, 3, 350.0, "published", "published"),
                    ("Imphal", 2, 10.0, 10.0, 4, 10.0, "both", "report"),
                    ("Pune", 2, None, 380.0, 2, 380.0, "published", "published"),
                    ("Surat", 2, None, 400.0, 1, 400.0, "published", "published")]


def test_a_table_without_totals_adds_its_pillars_and_says_so(db_engine: Engine, tmp_path: Path) -> None:
    """Every pillar printed, no total column: the published total is the pillars added (``pillars added``)."""
    text = IMPHAL_TABLE.format(people=10, total=10).replace(" Total |", "").replace("|---|---|---|---|---|---|---|---|",
                                                                                  "|---|---|---|---|---|---|---|")
    text = "\n".join(line.rsplit("|", 2)[0] + "|" if line.startswith("| ") and line[2].isdigit() else line
                     for line in text.splitlines())
    table = tmp_path / "no_totals.txt"
    table.write_text(text, encoding="utf-8")
    _load(db_engine, table)
    rows = _rows(db_engine, "SELECT city, score, max_score, rank, score_source FROM published_city_scores "
                            "ORDER BY city")
    assert rows[0] == ("Bhopal", 350.0, 500.0, 3, "pillars added") and len(rows) == 4


def test_after_a_parser_upgrade_reprocess_reads_a_results_table_again_in_place(
        db_engine: Engine, db_url: str, tmp_path: Path) -> None:
    """``reprocess`` rebuilds a results file read by an older parser (same figures, the new parser version on
    the file); a file that now holds other bytes keeps its published rows and says so."""
    from flows.reprocess import reprocess

    (tmp_path / "b").mkdir()
    kept, edited = write_results(5, tmp_path, "txt"), write_results(6, tmp_path / "b", "txt")
    for path in (kept, edited):
        outcome = parse_path(path)
        load_published(db_engine, source=outcome.source, table=outcome.published, parser_version="old")
    before = _rows(db_engine, "SELECT * FROM published_city_scores ORDER BY source_file, row_no")
    edited.write_text(edited.read_text(encoding="utf-8").replace("| 1 ", "| 9 ", 1), encoding="utf-8")
    results = {r.path: r for r in reprocess(db_url, parser_version="new")}
    assert results[str(kept)].status == FileStatus.REPROCESSED and "40 cities" in results[str(kept)].message
    assert results[str(edited)].status == FileStatus.CHANGED
    after = _rows(db_engine, "SELECT * FROM published_city_scores ORDER BY source_file, row_no")
    assert [r[:8] for r in after] == [r[:8] for r in before]
    versions = dict(_rows(db_engine, "SELECT path, parser_version FROM source_file"))
    assert versions == {str(kept): "new", str(edited): "old"}
    assert [r.path for r in reprocess(db_url, parser_version="new")] == [str(edited)]  # nothing else is stale


def test_a_path_that_now_holds_a_city_report_or_a_bad_file_forgets_its_published_scores(
        db_engine: Engine, tmp_path: Path) -> None:
    """The published rows are the path's latest content only: replaced by a report, or by a failure, they go."""
    path = write_results(5, tmp_path, "txt")
    _load(db_engine, path)
    outcome = parse_path(path)
    failed = load_document(db_engine, source=replace(outcome.source, sha256="0" * 64), report=None,
                           error=ValueError("unreadable"), parser_version=PARSER_VERSION)
    assert failed.status == FileStatus.FAILED and table_counts(db_engine)["published_score"] == 0
    _load(db_engine, path)
    report = imphal_report()
    load_document(db_engine, source=source_info(str(path), report), report=report, error=None,
                  parser_version=PARSER_VERSION)
    assert table_counts(db_engine)["published_score"] == 0
    assert _rows(db_engine, "SELECT city FROM city_scores_all_sources") == [("Imphal",)]
