"""Specification of the review queue: ``dmaf review`` on the review corpus (SQLite and PostgreSQL) lists the
scores placed by a guess and the NULL scores first, each with where it was read; a correction takes an item
off the list; the pure ordering and filters of ``dmaf.review.queue``."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from dmaf.cli import app
from dmaf.review.queue import select_queue
from pipeline.document import ParseOutcome
from tests.dmaf.review.conftest import UNSCORED

runner = CliRunner(env={"COLUMNS": "200"})


def _dmaf(*args: object):
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


def _guessed(parsed: list[ParseOutcome]) -> set[tuple[str, int, str]]:
    """Return (city, cycle, code) of every score the parser placed by a guess."""
    return {(o.report.city, o.report.cycle, i.code) for o in parsed for i in o.report.indicators
            if i.score_method in ("max_score_match", "nearest_above")}


def test_review_lists_guessed_placements_and_null_scores_first_with_their_place(
    review_db: str, review_parsed: list[ParseOutcome]
) -> None:
    """Every guessed placement of the corpus and the deleted score are listed, before anything else, each with
    its file and line or page; the NULL score says why it is NULL."""
    result = _dmaf("review", "--format", "json", "--db", review_db)
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    guessed = _guessed(review_parsed)
    assert len(guessed) >= 8  # the displaced layout places some scores by their maximum in every report
    head = items[: len(guessed) + 1]
    assert {i["kind"] for i in head} == {"guessed_placement", "null_score"}
    assert {(i["city"], i["cycle"], i["indicator_code"]) for i in head if i["kind"] == "guessed_placement"} == guessed
    [unscored] = [i for i in head if i["kind"] == "null_score"]
    assert (unscored["city"], unscored["cycle"], unscored["indicator_code"]) == UNSCORED
    assert unscored["score"] is None and "3.b" in unscored["detail"] and unscored["location"].startswith("line ")
    assert all(i["source_file"] and (i["page"] or i["location"]) for i in head)
    assert [i["priority"] for i in items] == sorted(i["priority"] for i in items)
    assert "items to review" in result.stderr


def test_a_correction_takes_its_item_off_the_queue(review_db: str, tmp_path) -> None:
    """Correcting the deleted score (from a CSV) leaves every other item; undoing it lists it again."""
    before = json.loads(_dmaf("review", "--format", "json", "--db", review_db).stdout)
    city, cycle, code = UNSCORED
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(f"city,cycle,indicator,score,reason\n{city},{cycle},{code},5,read off the printed copy\n",
                     encoding="utf-8")
    done = _dmaf("correct", "--file", fixes, "--by", "tester", "--db", review_db)
    assert done.exit_code == 0, done.output
    correction = int(done.stdout.split(":")[0].removeprefix("correction "))
    try:
        after = json.loads(_dmaf("review", "--format", "json", "--db", review_db).stdout)
        assert [i for i in before if i["indicator_code"] != code or i["city"] != city] == after
    finally:
        assert _dmaf("correct", "--undo", correction, "--db", review_db).exit_code == 0
    assert json.loads(_dmaf("review", "--format", "json", "--db", review_db).stdout) == before


def test_review_filters_by_city_alias_and_cycle_and_prints_a_table(review_db: str) -> None:
    """--city takes an alias, --cycle one cycle, --limit the first N; the table names kind, place and why."""
    result = _dmaf("review", "--city", "Poona", "--cycle", 2, "--db", review_db)
    assert result.exit_code == 0, result.output
    assert "null score" in result.stdout and "Pune" in result.stdout and "Bhopal" not in result.stdout
    assert "pune_maharashtra_cycle2_displaced.txt" in result.stdout
    limited = _dmaf("review", "--limit", 1, "--format", "csv", "--db", review_db)
    assert len(limited.stdout.strip().splitlines()) == 2 and "the first 1 shown" in limited.stderr
    assert _dmaf("review", "--format", "xml", "--db", review_db).exit_code == 2


def _queue(**rows: list) -> pd.DataFrame:
    """Return a queue frame with the view's sorting columns."""
    return pd.DataFrame(rows)


def test_select_queue_orders_by_priority_then_confidence_and_filters_low_confidence() -> None:
    """Priority first; within it the document of lowest confidence; then natural code order; a document listed
    for its confidence alone only below the threshold."""
    queue = _queue(
        priority=[2, 2, 2, 1, 4, 4],
        kind=["guessed_placement", "guessed_placement", "null_score", "stale_correction", "low_confidence",
              "low_confidence"],
        city=["Surat", "Surat", "Agra", "Pune", "Agra", "Surat"],
        cycle=[2, 2, 1, 3, 1, 2],
        indicator_code=["2.10", "2.9", "1.a", "4.c", None, None],
        confidence=[0.95, 0.95, 0.7, None, 0.7, 0.95],
    )
    ordered = select_queue(queue, min_confidence=0.8)
    assert list(zip(ordered["city"], ordered["indicator_code"].fillna("-"))) == [
        ("Pune", "4.c"), ("Agra", "1.a"), ("Surat", "2.9"), ("Surat", "2.10"), ("Agra", "-")]
    assert len(select_queue(queue, min_confidence=1.0)) == 6
    assert list(select_queue(queue, city="surat", cycle=2)["indicator_code"]) == ["2.9", "2.10"]
    assert select_queue(queue, cycle=5).empty
