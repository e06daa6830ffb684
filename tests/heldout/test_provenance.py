"""Provenance in the warehouse: every score of a PDF has its page and box; scores join their provenance."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from loaders.batch import load_outcomes, prepare_warehouse
from parsing import PARSER_VERSION
from pipeline.document import parse_path
from warehouse.db import make_engine
from warehouse.settings import sqlite_url

LAYOUTS = ("fpdf_two_column", "fpdf_whitespace_scorecard", "platypus_ruled_scorecard", "platypus_two_frames",
           "office_docx_two_column", "docx_table_rows", "txt_layout_dump")

JOINED = """
SELECT s.city, s.cycle, s.indicator_code, s.score, p.format, p.page, p.x0, p.top, p.x1, p.bottom, p.line,
       p.location, p.score_method
FROM indicator_scores s
JOIN score_provenance p ON p.city = s.city AND p.cycle = s.cycle AND p.indicator_code = s.indicator_code
"""


@pytest.fixture(scope="module")
def warehouse(heldout, tmp_path_factory):
    """A SQLite warehouse loaded with one document of each of a few held-out layouts."""
    docs = [next(d for d in heldout if d.layout == layout) for layout in LAYOUTS
            if any(d.layout == layout for d in heldout)]
    url = sqlite_url(tmp_path_factory.mktemp("provenance") / "warehouse.db")
    prepare_warehouse(url)
    results = load_outcomes(url, [parse_path(d.path) for d in docs], parser_version=PARSER_VERSION)
    assert [r.status for r in results] == ["loaded"] * len(docs), results
    engine = make_engine(url)
    yield engine, docs
    engine.dispose()


def _rows(engine, sql: str) -> list:
    with engine.connect() as conn:
        return list(conn.execute(text(sql)).mappings())


def test_every_pdf_score_row_has_a_page_and_a_box(warehouse):
    engine, docs = warehouse
    rows = _rows(engine, "SELECT * FROM score_provenance WHERE format = 'pdf'")
    pdf_docs = [d for d in docs if d.format == "pdf"]
    assert len(rows) == sum(len(d.expected["indicators"]) for d in pdf_docs)
    lacking = [r for r in rows if r["page"] is None or None in (r["x0"], r["top"], r["x1"], r["bottom"])]
    assert not lacking, lacking[:5]
    assert all(r["x0"] < r["x1"] and r["top"] < r["bottom"] for r in rows)


def test_indicator_scores_join_score_provenance_one_to_one(warehouse):
    engine, docs = warehouse
    scores = _rows(engine, "SELECT * FROM indicator_scores")
    joined = _rows(engine, JOINED)
    assert len(scores) == sum(len(d.expected["indicators"]) for d in docs)
    assert len(joined) == len(scores)
    assert {(r["city"], r["cycle"], r["indicator_code"]) for r in joined} == {
        (r["city"], r["cycle"], r["indicator_code"]) for r in scores}


def test_docx_and_txt_scores_point_at_a_cell_or_a_line(warehouse):
    engine, _ = warehouse
    docx = _rows(engine, "SELECT * FROM score_provenance WHERE format = 'docx'")
    txt = _rows(engine, "SELECT * FROM score_provenance WHERE format = 'txt'")
    assert docx and all(r["location"].startswith("table ") for r in docx)  # heading | score table rows
    assert txt and all(r["line"] is not None for r in txt)


def test_a_scorecard_score_points_at_the_cell_that_prints_it_not_at_the_max(heldout_measured):
    _, _, parsed = heldout_measured
    checked = 0
    for doc, outcome in parsed:
        found = [i for i in (outcome.report.indicators if outcome.report else ())
                 if i.score_method == "scorecard_table" and i.score is not None]
        if doc.format != "pdf" or not found:
            continue
        cells = {b.location: b for b in doc.extraction.blocks if b.kind == "table_cell"}  # extract_pdf's blocks
        for ind in found:
            assert float(cells[ind.score_at.location].text) == ind.score, (doc.name, ind.code)
            checked += 1
    assert checked >= 60  # the borderless (max first) and ruled (score first) scorecards
