"""Specification of loading: one transaction per document, idempotent, versioned by content sha256."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from core.errors import CorruptDocument, NotAReport, ReportError
from core.records import LoadResult, ParsedReport, SourceFile
from loaders.load import (
    already_loaded,
    load_document,
    replace_facts,
    stale_versions,
)
from tests.loaders.support import (
    PARSER_VERSION,
    VIEW_NAMES,
    imphal_report,
    source_info,
    table_counts,
    view_checksum,
    view_rows,
    write_report,
)
from tests.seed_like import SEED_LIKE_SCORES


def _load(engine: Engine, path: str, report: ParsedReport, parser_version: str = PARSER_VERSION) -> LoadResult:
    """Load a hand-built report as if read from ``path``."""
    return load_document(engine, source=source_info(path, report), report=report, error=None,
                         parser_version=parser_version)


def _fail(engine: Engine, path: str, error: ReportError, sha256: str = "f" * 64) -> LoadResult:
    """Record a read error for ``path``."""
    return load_document(engine, source=SourceFile(path, sha256, 10, 1.0, "pdf"), report=None, error=error,
                         parser_version=PARSER_VERSION)


def test_a_loaded_report_shows_21_indicators_and_10_of_500(db_engine: Engine, tmp_path: Path) -> None:
    """The Imphal report becomes 21 indicator rows, five pillars and a city score of 10/500."""
    source = write_report(tmp_path, "imphal.txt", imphal_report())
    outcome = load_document(db_engine, source=source, report=imphal_report(), error=None,
                            parser_version=PARSER_VERSION)
    assert outcome.status == "loaded" and outcome.report_version_id is not None
    scores = view_rows(db_engine, "indicator_scores")
    assert len(scores) == 21
    assert {r[0] for r in scores} == {"Imphal"} and {r[1] for r in scores} == {"Manipur"}
    assert view_rows(db_engine, "city_scores") == [("Imphal", "Manipur", 2, 10.0, 500.0, 1, None)]
    pillars = view_rows(db_engine, "pillar_scores")
    assert [(p[3], p[4], p[5], p[6]) for p in pillars] == [
        (1, "Policy", 0.0, 100.0), (2, "People", 10.0, 100.0), (3, "Process", 0.0, 100.0),
        (4, "Technology", 0.0, 100.0), (5, "Outcomes", 0.0, 100.0),
    ]
    assert view_rows(db_engine, "source_documents", exclude=("loaded_at",)) == [
        (source.path, source.sha256, "txt", "loaded", None, None, "[]", None, None, None, 1)  # no confidence, no OCR; 1 report
    ]
    assert view_rows(db_engine, "parse_warnings") == [
        (source.path, "Imphal", 2, "score_displaced", "the score of 1.c&1.d is printed after 1.b", "1.c&1.d",
         "line 40")
    ]


def test_every_score_lands_on_its_own_indicator_and_its_pillar(db_engine: Engine) -> None:
    """Distinct, non-zero scores (tests/seed_like.py): a score put on another indicator or pillar would show."""
    _load(db_engine, "/r/imphal.txt", imphal_report(scores=SEED_LIKE_SCORES, totals_follow=True))
    with db_engine.connect() as conn:
        scores = dict(conn.exec_driver_sql("SELECT indicator_code, score FROM indicator_scores").all())
    assert scores == SEED_LIKE_SCORES
    pillars = {p[3]: p[5] for p in view_rows(db_engine, "pillar_scores")}
    assert pillars == {n: sum(v for c, v in SEED_LIKE_SCORES.items() if c.startswith(f"{n}.")) for n in range(1, 6)}
    assert view_rows(db_engine, "city_scores")[0][3] == sum(SEED_LIKE_SCORES.values())


def test_indicator_scores_carry_titles_recommendations_and_joinable_provenance(db_engine: Engine) -> None:
    """Every indicator row joins to exactly one provenance row on (city, cycle, indicator_code)."""
    _load(db_engine, "/r/imphal.pdf", imphal_report(pdf=True))
    with db_engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.indicator_code, s.indicator_title, s.recommendation, p.page, p.x0, p.top, p.location,"
            " p.format, p.score_method FROM indicator_scores s JOIN score_provenance p"
            " ON p.city = s.city AND p.cycle = s.cycle AND p.indicator_code = s.indicator_code"
            " ORDER BY s.indicator_code"
        ).all()
    assert len(rows) == 21
    first = rows[0]
    assert first[:2] == ("1.a", "Approval of City Data Policy")
    assert first[2] == "The city should act on Approval of City Data Policy.\n\n- Appoint an owner\n- Publish a plan"
    assert first[3:] == (1, 450.0, 100.0, "page 1", "pdf", "below_heading")


def test_a_missing_score_is_null_and_counts_as_zero_but_its_maximum_still_counts(db_engine: Engine) -> None:
    """No score -> NULL in indicator_scores; pillar and city sums treat it as 0 out of its maximum."""
    _load(db_engine, "/r/imphal.txt", imphal_report(scores={"2.a": None, "3.a": 12.5}))
    with db_engine.connect() as conn:
        score = conn.exec_driver_sql("SELECT score FROM indicator_scores WHERE indicator_code = '2.a'").scalar()
        provenance = conn.exec_driver_sql(
            "SELECT location, line FROM score_provenance WHERE indicator_code = '2.a'").one()
    assert score is None
    assert tuple(provenance) == ("line 39", 39)  # the heading's place when the score has none
    assert view_rows(db_engine, "city_scores") == [("Imphal", "Manipur", 2, 12.5, 500.0, 1, None)]


def test_loading_the_same_file_twice_changes_nothing(db_engine: Engine) -> None:
    """Same path and bytes again -> skipped; every table count and view checksum is unchanged."""
    first = _load(db_engine, "/r/imphal.txt", imphal_report())
    counts = table_counts(db_engine)
    checksums = {v: view_checksum(db_engine, v) for v in VIEW_NAMES}
    again = _load(db_engine, "/r/imphal.txt", imphal_report())
    assert (first.status, again.status) == ("loaded", "skipped")
    assert table_counts(db_engine) == counts
    assert {v: view_checksum(db_engine, v) for v in VIEW_NAMES} == checksums
    assert already_loaded(db_engine, path="/r/imphal.txt", sha256=source_info("/r/imphal.txt", imphal_report()).sha256)


def test_the_same_bytes_under_another_path_are_a_duplicate_not_a_second_load(db_engine: Engine) -> None:
    """A copy is recorded (skipped, "duplicate of <first path>") and adds no rows."""
    _load(db_engine, "/r/imphal.txt", imphal_report())
    counts = table_counts(db_engine)
    outcome = _load(db_engine, "/r/copy/imphal (1).txt", imphal_report())
    assert outcome.status == "duplicate"
    assert "/r/imphal.txt" in outcome.message
    after = table_counts(db_engine)
    assert after == counts | {"source_file": counts["source_file"] + 1}
    documents = {r[0]: r[3:5] for r in view_rows(db_engine, "source_documents")}
    assert documents["/r/copy/imphal (1).txt"] == ("skipped", "duplicate of /r/imphal.txt")
    assert len(view_rows(db_engine, "indicator_scores")) == 21
    assert _load(db_engine, "/r/copy/imphal (1).txt", imphal_report()).status == "skipped"


def test_new_content_for_the_same_city_and_cycle_supersedes_the_old_version(db_engine: Engine) -> None:
    """The newest load is current in the views; report_versions keeps both with a reason."""
    old = _load(db_engine, "/r/2021/imphal.txt", imphal_report())
    new = _load(db_engine, "/r/2022/imphal.txt", imphal_report(scores={"1.a": 30.0}, totals_follow=True))
    assert (old.status, new.status) == ("loaded", "loaded")
    assert len(view_rows(db_engine, "indicator_scores")) == 21
    assert view_rows(db_engine, "city_scores") == [("Imphal", "Manipur", 2, 40.0, 500.0, 1, None)]
    assert {r[11] for r in view_rows(db_engine, "indicator_scores")} == {"/r/2022/imphal.txt"}
    versions = {r[3]: (bool(r[5]), r[6]) for r in view_rows(db_engine, "report_versions")}
    assert versions["/r/2022/imphal.txt"] == (True, "the version loaded most recently")
    current, reason = versions["/r/2021/imphal.txt"]
    assert not current and reason.startswith("superseded by ")
    assert table_counts(db_engine)["indicator_score"] == 42


def test_a_changed_file_becomes_a_new_version_and_its_old_content_can_come_back(db_engine: Engine) -> None:
    """Editing a file makes a new current version; restoring the old bytes makes the old one current again."""
    first = _load(db_engine, "/r/imphal.txt", imphal_report())
    second = _load(db_engine, "/r/imphal.txt", imphal_report(scores={"1.a": 30.0}, totals_follow=True))
    assert second.report_version_id != first.report_version_id
    assert view_rows(db_engine, "city_scores")[0][3] == 40.0
    back = _load(db_engine, "/r/imphal.txt", imphal_report())
    assert (back.status, back.report_version_id) == ("loaded", first.report_version_id)
    assert view_rows(db_engine, "city_scores")[0][3] == 10.0
    assert table_counts(db_engine)["report_version"] == 2


def test_a_failed_document_is_recorded_and_a_later_success_replaces_the_failure(db_engine: Engine) -> None:
    """A read error -> a failed row with the one-line message and reason; a good load of the path clears it."""
    error = CorruptDocument("/r/imphal.pdf", "truncated file\n  (no %%EOF)", where="page 3")
    outcome = _fail(db_engine, "/r/imphal.pdf", error)
    assert outcome.status == "failed"
    assert outcome.message == "/r/imphal.pdf, page 3: truncated file (no %%EOF)"
    assert view_rows(db_engine, "source_documents", exclude=("loaded_at",)) == [
        ("/r/imphal.pdf", "f" * 64, "pdf", "failed", "/r/imphal.pdf, page 3: truncated file (no %%EOF)", None, None,
         None, None, None, 0)
    ]
    with db_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT reason FROM source_file").scalar() == "corrupt"
    assert table_counts(db_engine)["report_version"] == 0
    assert _fail(db_engine, "/r/imphal.pdf", error).status == "failed"
    loaded = _load(db_engine, "/r/imphal.pdf", imphal_report(pdf=True))
    assert loaded.status == "loaded"
    (row,) = view_rows(db_engine, "source_documents", exclude=("loaded_at", "sha256"))
    assert row == ("/r/imphal.pdf", "pdf", "loaded", None, None, "[]", None, None, None, 1)
    with db_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT reason FROM source_file").scalar() is None


def test_a_report_without_a_city_is_failed_not_loaded(db_engine: Engine) -> None:
    """A parse that found no city cannot be placed; it is recorded as failed with a clear message."""
    outcome = _load(db_engine, "/r/anon.txt", imphal_report(city=None))
    assert outcome.status == "failed"
    assert outcome.message == "/r/anon.txt: no city is printed, so the report cannot be placed; it was not loaded"
    with db_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT reason FROM source_file").scalar() == "missing_metadata"
    assert table_counts(db_engine)["indicator_score"] == 0


def test_an_unexpected_exception_is_recorded_as_an_internal_error(db_engine: Engine) -> None:
    """A crash that is not a ReportError is still recorded as a failure, with its type."""
    outcome = _fail(db_engine, "/r/odd.pdf", RuntimeError("parser bug\nat line 3"))
    assert outcome.message == "/r/odd.pdf: RuntimeError: parser bug at line 3"
    with db_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT reason FROM source_file").scalar() == "internal_error"


def test_an_unknown_city_is_kept_with_its_printed_name_and_known_false(db_engine: Engine) -> None:
    """A city the gazetteer does not know is loaded under its printed name."""
    _load(db_engine, "/r/x.txt", imphal_report(city="  Atlantis ", state="Manipur"))
    with db_engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT name, state, known FROM city").one()
    assert (row[0], row[1], bool(row[2])) == ("Atlantis", "Manipur", False)


def test_an_alias_resolves_to_the_canonical_city(db_engine: Engine) -> None:
    """A printed alias is stored under the gazetteer's canonical name; the printed name is kept."""
    _load(db_engine, "/r/bbsr.txt", imphal_report(city="Bhubaneshwar", state="Odisha"))
    assert view_rows(db_engine, "city_scores")[0][:3] == ("Bhubaneswar", "Odisha", 2)
    with db_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT printed_city FROM report_version").scalar() == "Bhubaneshwar"


def test_replace_facts_rebuilds_a_version_without_duplicating_rows(db_engine: Engine) -> None:
    """Reprocessing with a new parser replaces the version's facts in place."""
    report = imphal_report()
    loaded = _load(db_engine, "/r/imphal.txt", report)
    sha = source_info("/r/imphal.txt", report).sha256
    counts = table_counts(db_engine)
    assert stale_versions(db_engine, parser_version="test-2") == [(sha, "/r/imphal.txt")]
    outcome = replace_facts(db_engine, sha256=sha, report=imphal_report(scores={"5.d": 20.0}),
                            parser_version="test-2")
    assert (outcome.status, outcome.report_version_id) == ("reprocessed", loaded.report_version_id)
    # the new 5.d score no longer adds up to the printed pillar 5 total: one quality issue, nothing duplicated
    assert table_counts(db_engine) == counts | {"quality_issue": 1}
    assert view_rows(db_engine, "city_scores")[0][3] == 30.0
    assert stale_versions(db_engine, parser_version="test-2") == []


def test_replace_facts_moves_a_version_when_the_new_parse_reads_another_city(db_engine: Engine) -> None:
    """A parser fix that reads the city correctly moves the version to that city's report."""
    wrong = imphal_report(city="Imphal City Corporation")
    _load(db_engine, "/r/imphal.txt", wrong)
    sha = source_info("/r/imphal.txt", wrong).sha256
    replace_facts(db_engine, sha256=sha, report=imphal_report(), parser_version="test-2")
    assert [r[0] for r in view_rows(db_engine, "city_scores")] == ["Imphal"]
    assert table_counts(db_engine)["report"] == 1


def test_load_document_needs_exactly_one_of_report_and_error(db_engine: Engine) -> None:
    """Passing both or neither is a programming error."""
    source = source_info("/r/x.txt", imphal_report())
    with pytest.raises(ValueError, match="exactly one"):
        load_document(db_engine, source=source, report=None, error=None, parser_version=PARSER_VERSION)
    with pytest.raises(ValueError, match="exactly one"):
        load_document(db_engine, source=source, report=imphal_report(), error=NotAReport("/r/x.txt", "no"),
                      parser_version=PARSER_VERSION)
