"""Specification of the confidence and metadata of a report version: normalised, stored, shown in the views,
rewritten by reprocessing, and named in the load message. Reports are built by hand: nothing here depends on
the parser computing a confidence."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import Engine

from core.records import MetadataValue, ParsedReport
from loaders.batch import load_outcomes
from loaders.confidence import confidence_note
from loaders.load import load_document, replace_facts
from loaders.normalise import normalise_report
from tests.loaders.support import PARSER_VERSION, imphal_report, source_info, view_rows

REASONS = ("pillar 3: indicator maxima add up to 90, not 100", "city read from the file name")
METADATA = (
    MetadataValue("city", "Imphal", "City: Imphal", "label", "line 3"),
    MetadataValue("state", "Manipur", "Manipur", "from_city"),
    MetadataValue("cycle", "2", "Cycle 2.0", "title_block", "line 1"),
)


def doubtful(report: ParsedReport | None = None, confidence: float = 0.5,
             reasons: tuple[str, ...] = REASONS) -> ParsedReport:
    """Return the Imphal report with a confidence, its reasons and the metadata as read."""
    return replace(report or imphal_report(), confidence=confidence, confidence_reasons=reasons, metadata=METADATA)


def _load(engine: Engine, path: str, report: ParsedReport):
    """Load a hand-built report as if read from ``path``."""
    return load_document(engine, source=source_info(path, report), report=report, error=None,
                         parser_version=PARSER_VERSION)


def _version_columns(engine: Engine) -> list[tuple]:
    """Return the confidence columns of every report version."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT confidence, confidence_reasons, metadata, city_method, state_method, cycle_method"
            " FROM report_version ORDER BY id")]


def test_normalisation_puts_the_confidence_reasons_and_methods_into_the_document() -> None:
    """The document dict carries the values as read; a report without them gets None and empty lists."""
    doc = normalise_report(doubtful()).document
    assert (doc["confidence"], doc["confidence_reasons"]) == (0.5, list(REASONS))
    assert (doc["city_method"], doc["state_method"], doc["cycle_method"]) == ("label", "from_city", "title_block")
    assert doc["metadata"][0] == {"field": "city", "value": "Imphal", "printed": "City: Imphal", "method": "label",
                                  "location": "line 3"}
    plain = normalise_report(imphal_report()).document
    assert (plain["confidence"], plain["confidence_reasons"], plain["metadata"], plain["city_method"]) == (
        None, [], [], None)
    assert normalise_report(replace(imphal_report(), confidence=float("nan"))).document["confidence"] is None


def test_a_doubtful_report_round_trips_into_report_confidence_and_source_documents(db_engine: Engine) -> None:
    """Confidence 0.5 with two reasons: stored on the version, shown by both views; errors are counted."""
    report = doubtful(imphal_report(scores={"2.a": 35.0}))  # out of range and off the printed total: 2 errors
    outcome = _load(db_engine, "/r/imphal.txt", report)
    assert outcome.status == "loaded"
    stored = _version_columns(db_engine)
    assert stored == [(0.5, json.dumps(list(REASONS)), json.dumps([m.to_dict() for m in METADATA]),
                       "label", "from_city", "title_block")]
    assert view_rows(db_engine, "report_confidence") == [
        ("Imphal", "Manipur", 2, "/r/imphal.txt", 1, 0.5, json.dumps(list(REASONS)), "label", "from_city",
         "title_block", 2),
    ]
    (document,) = view_rows(db_engine, "source_documents", exclude=("loaded_at", "sha256"))
    assert document == ("/r/imphal.txt", "txt", "loaded", None, 0.5, json.dumps(list(REASONS)), None, None, None, 1)
    with db_engine.connect() as conn:
        reasons = conn.exec_driver_sql("SELECT confidence_reasons FROM report_confidence").scalar_one()
    assert json.loads(reasons) == list(REASONS)


def test_failed_and_duplicate_files_show_no_confidence(db_engine: Engine) -> None:
    """Only the file a version was loaded from shows its confidence; a copy and a failure show NULL."""
    report = doubtful()
    _load(db_engine, "/r/imphal.txt", report)
    assert _load(db_engine, "/r/copy.txt", report).status == "duplicate"
    assert _load(db_engine, "/r/anon.txt", doubtful(imphal_report(city=None))).status == "failed"
    documents = {r[0]: (r[3], r[6], r[7]) for r in view_rows(db_engine, "source_documents")}
    assert documents == {
        "/r/imphal.txt": ("loaded", 0.5, json.dumps(list(REASONS))),
        "/r/copy.txt": ("skipped", None, None),
        "/r/anon.txt": ("failed", None, None),
    }


def test_every_version_is_listed_and_an_old_one_keeps_its_own_confidence(db_engine: Engine) -> None:
    """report_confidence has one row per version; each keeps its own confidence, current or not."""
    _load(db_engine, "/r/2021/imphal.txt", doubtful(confidence=0.4))
    _load(db_engine, "/r/2022/imphal.txt", doubtful(imphal_report(scores={"1.a": 30.0}), confidence=0.9,
                                                    reasons=("cycle read from its years",)))
    rows = {r[3]: (r[4], r[5], r[10]) for r in view_rows(db_engine, "report_confidence")}
    # 1.a = 30 no longer adds up to the printed pillar 1 total: one error on the newer version, which the
    # current one has not, so the newer version is held back and the older stays current
    assert rows == {"/r/2021/imphal.txt": (1, 0.4, 0), "/r/2022/imphal.txt": (0, 0.9, 1)}
    with db_engine.connect() as conn:
        lowest = conn.exec_driver_sql(
            "SELECT source_file FROM report_confidence ORDER BY confidence IS NULL, confidence").first()
    assert lowest == ("/r/2021/imphal.txt",)


def test_a_report_without_a_confidence_stores_null(db_engine: Engine) -> None:
    """The parser did not compute one: NULL confidence, an empty list of reasons, NULL methods."""
    _load(db_engine, "/r/imphal.txt", imphal_report())
    assert _version_columns(db_engine) == [(None, "[]", "[]", None, None, None)]
    assert view_rows(db_engine, "report_confidence")[0][5:] == (None, "[]", None, None, None, 0)


def test_reprocessing_rewrites_the_confidence_and_metadata(db_engine: Engine) -> None:
    """A new parse of the same bytes replaces the confidence, reasons and methods of that version in place."""
    report = doubtful()
    _load(db_engine, "/r/imphal.txt", report)
    better = replace(imphal_report(), confidence=1.0, confidence_reasons=(),
                     metadata=(MetadataValue("city", "Imphal", "City: Imphal", "title_block"),))
    done = replace_facts(db_engine, sha256=source_info("/r/imphal.txt", report).sha256, report=better,
                         parser_version="test-2")
    assert done.status == "reprocessed"
    assert _version_columns(db_engine) == [
        (1.0, "[]", json.dumps([better.metadata[0].to_dict()]), "title_block", None, None)]
    assert view_rows(db_engine, "report_confidence")[0][5:] == (1.0, "[]", "title_block", None, None, 0)
    assert view_rows(db_engine, "source_documents", exclude=("loaded_at",))[0][5:] == (1.0, "[]", None, None, None, 1)


def test_the_load_message_and_result_carry_a_confidence_below_one(db_engine: Engine) -> None:
    """The message names the confidence and the first two reasons; the result carries the exact values, also
    through a batch load; a confidence of 1 or none adds nothing to the message."""
    three = (*REASONS, "a score placed by its maximum")
    outcome = _load(db_engine, "/r/imphal.txt", doubtful(confidence=0.625, reasons=three))
    assert outcome.message == ("/r/imphal.txt: loaded Imphal, cycle 2 (21 indicators, confidence 0.62: "
                               f"{REASONS[0]}; {REASONS[1]}; and 1 more)")
    assert (outcome.confidence, outcome.confidence_reasons) == (0.625, three)
    sure = _load(db_engine, "/r/pune.txt", doubtful(imphal_report(city="Pune", state="Maharashtra"),
                                                     confidence=1.0, reasons=()))
    assert sure.message == "/r/pune.txt: loaded Pune, cycle 2 (21 indicators)"
    assert sure.confidence == 1.0
    assert confidence_note(0.999, ()) == ", confidence 0.99"  # rounded down: never shown as 1.00


def test_a_batch_load_keeps_the_confidence_of_each_result(db_url: str) -> None:
    """load_outcomes (what the flow's load task runs) returns results that still carry the confidence."""
    from core.records import ParseOutcome
    from loaders.batch import prepare_warehouse

    prepare_warehouse(db_url)
    report = doubtful(confidence=0.3)
    (result,) = load_outcomes(db_url, [ParseOutcome(source_info("/r/imphal.txt", report), report)],
                              parser_version=PARSER_VERSION)
    assert (result.status, result.confidence, result.confidence_reasons) == ("loaded", 0.3, REASONS)
    assert result.report_version_id is None
