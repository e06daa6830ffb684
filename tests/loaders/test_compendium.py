"""Loading files that bind several city reports (compendiums), on SQLite and PostgreSQL: one report per section
with its pages and exact fields, nothing changed by a repeat, one new version for one edited section."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from core.options import ParseOptions
from core.records import LoadResult, ParseOutcome
from core.statuses import FileStatus
from loaders.batch import load_outcomes
from pipeline.document import parse_path
from tests.corpus.compendium import compendium_specs, edit_section, write_compendium
from tests.loaders.support import PARSER_VERSION, table_counts

SEED = 7  # four sections: Solapur, Pune, Thane, Nashik (cycle 1), each in a layout and a length of its own


def _load(engine: Engine, path: Path) -> tuple[ParseOutcome, LoadResult]:
    """Parse a file as an ingest does and load it."""
    outcome = parse_path(path, ParseOptions(settle_s=0))
    assert outcome.compendium is not None, outcome.failure or outcome.report
    [done] = load_outcomes(str(engine.url.render_as_string(hide_password=False)), [outcome],
                           parser_version=PARSER_VERSION)
    return outcome, done


def _rows(engine: Engine, sql: str) -> list[tuple]:
    """Return the rows of a query."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _truth(path: Path) -> dict:
    """Return the truth written beside a compendium."""
    return json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_compendium_loads_as_one_report_per_section_and_a_repeat_changes_nothing(
        db_engine: Engine, tmp_path: Path, fmt: str) -> None:
    path = write_compendium(SEED, tmp_path, fmt, n=4)
    truth = _truth(path)
    _, done = _load(db_engine, path)
    assert done.status == FileStatus.LOADED and "loaded 4 reports bound in one file" in done.message, done.message
    sections = _rows(db_engine, "SELECT section_no, city, state, cycle, first_page, last_page, is_current "
                                "FROM compendium_sections ORDER BY section_no")
    assert sections == [(n, r["city"], r["state"], r["cycle"], r["first_page"], r["last_page"], True)
                        for n, r in enumerate(truth["reports"], start=1)]
    scores = _rows(db_engine, "SELECT city, cycle, indicator_code, indicator_title, score, max_score "
                              "FROM indicator_scores")
    assert sorted(scores, key=repr) == sorted(((r["city"], r["cycle"], i["code"], i["title"], i["score"],
                                                i["max_score"]) for r in truth["reports"] for i in r["indicators"]),
                                              key=repr)
    assert _rows(db_engine, "SELECT path, status, reports FROM source_documents") == [(str(path), "loaded", 4)]
    if fmt == "pdf":  # each score's provenance is on a page of its own section
        pages = dict(_rows(db_engine, "SELECT city, MIN(page) FROM score_provenance GROUP BY city"))
        assert pages == {r["city"]: pages[r["city"]] for r in truth["reports"]}
        assert all(r["first_page"] <= pages[r["city"]] <= r["last_page"] for r in truth["reports"])
    counts = table_counts(db_engine)
    _, again = _load(db_engine, path)
    assert again.status == FileStatus.SKIPPED and table_counts(db_engine) == counts


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_editing_one_section_gives_that_report_one_new_version_and_leaves_the_others(
        db_engine: Engine, tmp_path: Path, fmt: str) -> None:
    path = write_compendium(SEED, tmp_path, fmt, n=4)
    _load(db_engine, path)
    before = dict(_rows(db_engine, "SELECT city, sha256 FROM compendium_sections"))
    versions = table_counts(db_engine)["report_version"]
    _, sections = compendium_specs(SEED, 4)
    edited = edit_section(sections, 2)
    write_compendium(SEED, tmp_path, fmt, n=4, sections=edited, name=path.stem)
    city = edited[2][0].city
    changed = next(i for i, (a, b) in enumerate(zip(sections[2][0].indicators, edited[2][0].indicators)) if a != b)
    code, score = edited[2][0].indicators[changed].code, edited[2][0].indicators[changed].score

    _, done = _load(db_engine, path)

    assert done.status == FileStatus.LOADED, done.message
    assert table_counts(db_engine)["report_version"] == versions + 1
    after = dict(_rows(db_engine, "SELECT city, sha256 FROM compendium_sections"))
    assert {c for c in after if after[c] != before[c]} == {city}
    assert _rows(db_engine, f"SELECT score FROM indicator_scores WHERE city = '{city}' "
                            f"AND indicator_code = '{code}'") == [(score,)]
    assert _rows(db_engine, f"SELECT COUNT(*), SUM(CASE WHEN is_current THEN 1 ELSE 0 END) FROM report_versions "
                            f"WHERE city = '{city}'") == [(2, 1)]


def test_the_same_compendium_under_another_path_is_a_duplicate(db_engine: Engine, tmp_path: Path) -> None:
    path = write_compendium(SEED, tmp_path / "a", "pdf", n=3)
    copy = tmp_path / "b" / path.name
    copy.parent.mkdir()
    shutil.copyfile(path, copy)
    _load(db_engine, path)
    counts = table_counts(db_engine)
    _, done = _load(db_engine, copy)
    assert done.status == FileStatus.DUPLICATE and str(path) in done.message
    assert {k: v for k, v in table_counts(db_engine).items() if k != "source_file"} == {
        k: v for k, v in counts.items() if k != "source_file"}
    assert _rows(db_engine, "SELECT reports FROM source_documents ORDER BY path") == [(3,), (0,)]


def test_a_path_that_held_a_compendium_and_now_holds_one_report_forgets_its_sections(
        db_engine: Engine, tmp_path: Path) -> None:
    from tests.corpus.render_txt import render_txt

    path = write_compendium(SEED, tmp_path, "txt", n=3)
    _load(db_engine, path)
    spec, layout = compendium_specs(SEED, 3)[1][0]
    render_txt(spec, layout, path)
    outcome = parse_path(path, ParseOptions(settle_s=0))
    assert outcome.report is not None and outcome.compendium is None
    load_outcomes(str(db_engine.url.render_as_string(hide_password=False)), [outcome], parser_version=PARSER_VERSION)
    assert _rows(db_engine, "SELECT COUNT(*) FROM compendium_sections") == [(0,)]
    assert _rows(db_engine, "SELECT reports FROM source_documents") == [(1,)]


def test_after_a_parser_upgrade_reprocess_rebuilds_each_section_in_place(
        db_engine: Engine, db_url: str, tmp_path: Path) -> None:
    """Every section's version is rebuilt from a new reading of its file (same versions, same scores, the new
    parser on each); then nothing is stale."""
    from flows.reprocess import reprocess
    from loaders.compendium import load_compendium

    path = write_compendium(SEED, tmp_path, "pdf", n=3)
    outcome = parse_path(path, ParseOptions(settle_s=0))
    load_compendium(db_engine, source=outcome.source, compendium=outcome.compendium, parser_version="old")
    before = _rows(db_engine, "SELECT city, indicator_code, score FROM indicator_scores ORDER BY 1, 2")
    versions = _rows(db_engine, "SELECT sha256 FROM report_version ORDER BY id")

    results = reprocess(db_url, parser_version="new", options=ParseOptions(settle_s=0))

    assert [r.status for r in results] == [FileStatus.REPROCESSED] * 3, [r.message for r in results]
    assert _rows(db_engine, "SELECT city, indicator_code, score FROM indicator_scores ORDER BY 1, 2") == before
    assert _rows(db_engine, "SELECT sha256 FROM report_version ORDER BY id") == versions
    assert _rows(db_engine, "SELECT DISTINCT parser_version FROM report_version") == [("new",)]
    assert reprocess(db_url, parser_version="new", options=ParseOptions(settle_s=0)) == []


def test_a_section_is_corrected_by_its_sha256_and_a_path_alone_is_refused(db_url: str, tmp_path: Path) -> None:
    """`dmaf correct --document` on a compendium: its path names several reports (refused, saying how to name
    one); a section's sha256 prefix moves that report alone."""
    from core.errors import InvalidCorrection
    from dmaf import api
    from loaders.metadata_corrections import MetadataRequest
    from warehouse.db import make_engine

    path = write_compendium(SEED, tmp_path, "pdf", n=3)
    engine = make_engine(db_url)
    try:
        from warehouse.db import upgrade

        upgrade(engine)
        _load(engine, path)
        [(sha, city)] = _rows(engine, "SELECT sha256, city FROM compendium_sections WHERE section_no = 2")
        with pytest.raises(InvalidCorrection, match="3 loaded documents"):
            api.correct_document(MetadataRequest(str(path), "typo", "asha", city="Nagpur"), db=db_url)
        done = api.correct_document(MetadataRequest(sha[:12], "the title names Nagpur", "asha", city="Nagpur"),
                                    db=db_url)
        assert done.before.startswith(city) and done.after.startswith("Nagpur")
        cities = [c for (c,) in _rows(engine, "SELECT city FROM compendium_sections ORDER BY section_no")]
        assert cities[1] == "Nagpur" and city not in cities
    finally:
        engine.dispose()
