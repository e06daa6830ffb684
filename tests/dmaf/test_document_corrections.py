"""Specification of corrections of a document's city, state and cycle (`dmaf correct --document`), on SQLite
and PostgreSQL: the document is read again and moved to its corrected report in one transaction, stays there
through `dmaf reprocess --all`, goes back with --restore, and every step is in ``document_corrections``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from dmaf import api
from dmaf.cli import app
from flows.reprocess import reprocess
from loaders.metadata_corrections import MetadataRequest, with_metadata
from tests.corpus.spec import make_specs
from tests.dmaf.trends.conftest import ingest, render_spec
from tests.loaders.support import imphal_report
from warehouse.db import make_engine

runner = CliRunner(env={"COLUMNS": "200", "USER": "asha"})


def _rows(db: str, sql: str) -> list[tuple]:
    """Return a query's rows."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql)).all()]
    finally:
        engine.dispose()


@pytest.fixture()
def gotham(db_url: str, tmp_path: Path) -> tuple[str, Path]:
    """A warehouse holding Imphal's cycle 2 report printed as the unknown city "Gotham" (and Pune's cycle 1
    report); returns its URL and Gotham's file."""
    specs = make_specs(0)
    imphal = next(s for s in specs if s.city == "Imphal")
    pune = next(s for s in specs if (s.city, s.cycle) == ("Pune", 1))
    files = [render_spec(replace(imphal, city="Gotham", state="Nowhere"), tmp_path, "gotham.txt"),
             render_spec(pune, tmp_path, "pune.txt")]
    assert ingest(db_url, files) == ["loaded", "loaded"]
    return db_url, files[0]


def test_a_corrected_city_moves_the_document_and_survives_a_reprocess(gotham: tuple[str, Path]) -> None:
    """Gotham -> Imphal: the scores are Imphal's (state from the gazetteer), city_method says corrected, a full
    reprocess keeps it there, --restore puts it back, and the audit keeps both steps."""
    db, path = gotham
    totals = _rows(db, "SELECT city, cycle, score FROM city_scores ORDER BY city")
    gotham_total = next(t[2] for t in totals if t[0] == "Gotham")
    done = api.correct_document(MetadataRequest(str(path), "the title page names Imphal", "asha", city="Imphal"),
                                db=db)
    assert (done.before, done.after) == ("Gotham (Nowhere), cycle 2", "Imphal (Manipur), cycle 2")
    expected = sorted([("Imphal", 2, gotham_total), *[t for t in totals if t[0] != "Gotham"]])
    assert _rows(db, "SELECT city, cycle, score FROM city_scores ORDER BY city") == expected
    assert _rows(db, "SELECT state, city_method FROM report_confidence WHERE city = 'Imphal'") == [
        ("Manipur", "corrected")]
    assert [r.status for r in reprocess(db, everything=True)] == ["reprocessed", "reprocessed"]
    assert _rows(db, "SELECT city, cycle, score FROM city_scores ORDER BY city") == expected

    restored = api.restore_document(path.name, by="ravi", reason="wrong file", db=db)

    assert restored.after == "Gotham (Nowhere), cycle 2" and restored.ids == done.ids
    assert _rows(db, "SELECT city, cycle, score FROM city_scores ORDER BY city") == sorted(totals)
    assert _rows(db, "SELECT field, value_before, value, status, corrected_by, undone_by, city "
                     "FROM document_corrections") == [("city", "Gotham", "Imphal", "undone", "asha", "ravi", "Gotham")]


def test_a_corrected_cycle_and_state_and_a_replacing_correction(gotham: tuple[str, Path]) -> None:
    """A cycle correction moves the report to that cycle; a second correction of the same field replaces the
    first; a state can be corrected alone."""
    db, path = gotham
    api.correct_document(MetadataRequest(str(path), "cycle 3 report", "asha", city="Imphal", cycle=3), db=db)
    assert _rows(db, "SELECT city, cycle FROM city_scores WHERE city = 'Imphal'") == [("Imphal", 3)]
    api.correct_document(MetadataRequest(str(path), "no: cycle 1", "asha", cycle=1), db=db)
    assert _rows(db, "SELECT city, cycle FROM city_scores WHERE city = 'Imphal'") == [("Imphal", 1)]
    statuses = _rows(db, "SELECT field, value, status FROM document_corrections ORDER BY correction_id")
    assert statuses == [("city", "Imphal", "applied"), ("cycle", "3", "replaced"), ("cycle", "1", "applied")]


@pytest.mark.parametrize(("args", "message"), [
    (("--document", "missing.txt", "--city", "Pune", "--reason", "r"), "no loaded document match 'missing.txt'"),
    (("--document", "gotham.txt", "--reason", "r"), "say what the document is"),
    (("--document", "gotham.txt", "--city", "Pune"), "give a --reason"),
    (("--document", "gotham.txt", "--cycle", 9, "--reason", "r"), "cycle 9 is not a DMAF cycle (cycles: 1, 2, 3)"),
    (("--document", "gotham.txt", "--restore"), "has no correction of its city, state or cycle to restore"),
    (("--document", "gotham.txt", "--indicator", "2.a", "--score", 1), "--document corrects a document's city"),
    (("--state", "Goa", "--undo", 1), "--state and --restore go with --document only"),
])
def test_a_refused_document_correction_exits_2_and_changes_nothing(
    gotham: tuple[str, Path], args: tuple, message: str
) -> None:
    """Each refusal is one error line, exit 2; the document stays where it was."""
    db, _ = gotham
    before = _rows(db, "SELECT city, cycle, score FROM city_scores ORDER BY city")
    result = runner.invoke(app, ["correct", *map(str, args), "--db", db])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert _rows(db, "SELECT city, cycle, score FROM city_scores ORDER BY city") == before
    assert _rows(db, "SELECT COUNT(*) FROM document_corrections") == [(0,)]


def test_a_document_whose_file_is_gone_cannot_be_moved(gotham: tuple[str, Path]) -> None:
    """The document is read again to be moved: without its file, the correction is refused and not recorded."""
    db, path = gotham
    path.unlink()
    result = runner.invoke(app, ["correct", "--document", path.name, "--city", "Imphal", "--reason", "r", "--db", db])
    assert result.exit_code == 2 and "the file is gone" in result.stderr, result.output
    assert _rows(db, "SELECT COUNT(*) FROM metadata_correction") == [(0,)]


def test_with_metadata_is_pure_and_drops_what_no_longer_holds() -> None:
    """A corrected city drops the printed state unless the state is corrected too; a corrected cycle drops
    the printed label."""
    report = imphal_report()
    assert with_metadata(report, {}) is report
    moved = with_metadata(report, {"city": "Pune"})
    assert (moved.city, moved.state, moved.cycle, moved.cycle_label) == ("Pune", None, 2, report.cycle_label)
    both = with_metadata(report, {"city": "Pune", "state": "Maharashtra", "cycle": "3"})
    assert (both.city, both.state, both.cycle, both.cycle_label) == ("Pune", "Maharashtra", 3, None)
    assert with_metadata(report, {"state": "Assam"}).state == "Assam"


def test_the_cli_moves_and_restores_a_document(gotham: tuple[str, Path]) -> None:
    """`dmaf correct --document FILE --city X` prints where the document was and is; `--restore` undoes it."""
    db, path = gotham
    moved = runner.invoke(app, ["correct", "--document", path.name, "--city", "Imphal", "--reason",
                                "the title page names Imphal", "--db", db])
    assert moved.exit_code == 0, moved.output
    sha = _rows(db, "SELECT sha256 FROM metadata_correction")[0][0]
    assert moved.stdout.strip() == (f"correction 1: {path} ({sha[:12]}) corrected: Gotham (Nowhere), cycle 2 -> "
                                    "Imphal (Manipur), cycle 2")
    restored = runner.invoke(app, ["correct", "--document", path.name, "--restore", "--db", db])
    assert restored.exit_code == 0, restored.output
    assert restored.stdout.strip().endswith("restored: Imphal (Manipur), cycle 2 -> Gotham (Nowhere), cycle 2")
    assert _rows(db, "SELECT status, undone_by FROM document_corrections") == [("undone", "asha")]


def test_a_score_correction_survives_reprocess_all_a_reingest_and_a_copy_of_the_file(
    gotham: tuple[str, Path], tmp_path: Path
) -> None:
    """On real files: `reprocess --all` rebuilds every version, the same file again is skipped and a copy of
    it under another name is a duplicate; Pune's corrected 2.a stays corrected through all three."""
    from loaders.corrections import CorrectionRequest

    db, gotham_file = gotham
    pune = gotham_file.with_name("pune.txt")
    parsed = _rows(db, "SELECT score FROM indicator_scores WHERE city = 'Pune' AND indicator_code = '2.a'")[0][0]
    new = 1.0 if parsed != 1.0 else 2.0
    api.correct([CorrectionRequest("Pune", 1, "2.a", new, "printed copy", "asha")], db=db)
    shown = ("SELECT score, score_source, parsed_score FROM indicator_scores "
             "WHERE city = 'Pune' AND indicator_code = '2.a'")
    assert _rows(db, shown) == [(new, "corrected", parsed)]
    assert [r.status for r in reprocess(db, everything=True)] == ["reprocessed", "reprocessed"]
    copy = tmp_path / "copy of pune.txt"
    copy.write_bytes(pune.read_bytes())
    assert ingest(db, [pune, copy]) == ["skipped", "duplicate"]
    assert _rows(db, shown) == [(new, "corrected", parsed)]
    assert _rows(db, "SELECT status FROM corrections") == [("applied",)]
