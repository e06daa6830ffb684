"""The fixture corpus: every layout in every format, truthful expectations, real geometry."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from tests.conftest import SEED_TXT

from .build import FORMATS, CorpusDoc, build_corpus
from .elements import LAYOUTS, txt_codec
from .render_docx import render_docx
from .render_pdf import render_pdf
from .render_txt import render_txt
from .spec import CYCLE_LABELS, catalog, expected, make_specs
from .text import TXT_CODECS

HEADER_ZONE, FOOTER_ZONE = 60.0, 790.0  # pdfplumber "top" limits of running header / footer


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[CorpusDoc]:
    """Two specs: enough for every layout × format."""
    return build_corpus(tmp_path_factory.mktemp("corpus"), n_specs=2)


def _one(corpus: list[CorpusDoc], layout: str, fmt: str) -> CorpusDoc:
    """Return the first document of a layout and format."""
    return next(doc for doc in corpus if doc.layout == layout and doc.format == fmt)


def _pdf_lines(page: pdfplumber.page.Page) -> list[list[dict]]:
    """Return the page's words grouped into lines by rounded bottom, top to bottom."""
    lines: dict[int, list[dict]] = defaultdict(list)
    for word in page.extract_words():
        lines[round(word["bottom"])].append(word)
    return [sorted(lines[key], key=lambda w: w["x0"]) for key in sorted(lines)]


def test_every_layout_is_built_in_every_format(corpus: list[CorpusDoc]) -> None:
    built = {(doc.layout, doc.format) for doc in corpus}
    assert {(layout, fmt) for layout in LAYOUTS for fmt in FORMATS} <= built
    extra = built - {(layout, fmt) for layout in LAYOUTS for fmt in FORMATS}
    assert extra <= {("libreoffice", "pdf")}  # LibreOffice's PDFs of the DOCX, where soffice is installed


def test_each_document_has_its_expected_json_beside_it(corpus: list[CorpusDoc]) -> None:
    for doc in corpus:
        beside = doc.path.with_name(doc.path.name + ".expected.json")
        assert json.loads(beside.read_text(encoding="utf-8")) == doc.expected
        assert doc.expected["source"] == doc.path.name


def test_expected_scores_lie_between_zero_and_the_maximum() -> None:
    for spec in make_specs():
        for ind in expected(spec, "x")["indicators"]:
            assert ind["score"] is None or 0 <= ind["score"] <= ind["max_score"], (spec.city, ind)


def test_each_pillar_of_each_cycle_is_worth_100() -> None:
    for cycle in CYCLE_LABELS:
        totals: dict[str, float] = defaultdict(float)
        for code, _, max_score in catalog(cycle):
            totals[code.split(".")[0]] += max_score
        assert totals == {str(p): 100 for p in range(1, 6)}, cycle


def test_the_imphal_spec_is_the_real_report(truth: dict) -> None:
    imphal = next(s for s in make_specs() if (s.city, s.cycle) == ("Imphal", 2))
    got = expected(imphal, truth["source"])
    assert got == {key: truth[key] for key in got}


def test_the_displaced_txt_of_imphal_is_the_seed_text(corpus: list[CorpusDoc]) -> None:
    doc = next(d for d in corpus if d.path.name == "imphal_manipur_cycle2_displaced.txt")
    nonblank = [line for line in doc.path.read_text(encoding="utf-8").splitlines() if line]
    seed = [line for line in SEED_TXT.read_text(encoding="utf-8").splitlines() if line]
    assert nonblank == seed


def test_the_pdf_scorecard_table_is_found_by_pdfplumber(corpus: list[CorpusDoc]) -> None:
    doc = _one(corpus, "scorecard", "pdf")
    with pdfplumber.open(doc.path) as pdf:
        (table,) = pdf.pages[0].extract_tables()
    assert table[0] == ["Code", "Indicator", "Score", "Max Score"]
    assert [(row[1], row[3]) for row in table[1:]] == [
        (ind["title"], f"{ind['max_score']:g}") for ind in doc.expected["indicators"]
    ]


def test_designed_pdf_boxes_each_score_level_with_its_heading(corpus: list[CorpusDoc]) -> None:
    doc = _one(corpus, "designed", "pdf")
    pairs = 0
    with pdfplumber.open(doc.path) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            for heading in (w for w in words if w["text"] == "Indicator"):
                level = [w for w in words if abs(w["bottom"] - heading["bottom"]) <= 2]
                scores = [w for w in level if w["x0"] > 400 and w["text"].startswith("Score")]
                assert scores, f"no score box beside the heading on page {page.page_number}"
                pairs += 1
            assert len(page.rects) == sum(w["text"] == "Indicator" for w in words)
    assert pairs == len(doc.expected["indicators"])


def test_designed_pdf_has_page_furniture_hyphens_and_a_split_paragraph(
    corpus: list[CorpusDoc],
) -> None:
    doc = _one(corpus, "designed", "pdf")
    city = doc.expected["city"]
    with pdfplumber.open(doc.path) as pdf:
        pages = [_pdf_lines(page) for page in pdf.pages]
    body = [[ln for ln in lines if HEADER_ZONE < ln[0]["top"] < FOOTER_ZONE] for lines in pages]
    for n, lines in enumerate(pages, start=1):
        assert " ".join(w["text"] for w in lines[0]).endswith(f"— {city}")
        assert " ".join(w["text"] for w in lines[-1]) == f"Page {n} of {len(pages)}"
    assert any(re.search(r"[a-z]-$", line[-1]["text"]) for lines in body for line in lines)
    assert any(nxt[0][0]["text"][0].islower() for nxt in body[1:])


def test_displaced_pdf_lays_the_data_team_out_in_three_columns(corpus: list[CorpusDoc]) -> None:
    doc = _one(corpus, "displaced", "pdf")
    with pdfplumber.open(doc.path) as pdf:
        lines = [line for page in pdf.pages for line in _pdf_lines(page)]
    markers = [[w for w in line if w["text"] == "-"] for line in lines]
    assert any(len(m) == 3 and m[1]["x0"] > 200 and m[2]["x0"] > 350 for m in markers)


def test_docx_layouts_use_heading_list_and_table_structure(corpus: list[CorpusDoc]) -> None:
    n = len(_one(corpus, "plain", "docx").expected["indicators"])
    plain = Document(_one(corpus, "plain", "docx").path)
    styles = [p.style.name for p in plain.paragraphs]
    assert styles.count("Heading 2") == n and "List Bullet" in styles
    designed = Document(_one(corpus, "designed", "docx").path)
    assert designed.sections[0].header.paragraphs[0].text.startswith("DMAF ")
    rows = Document(_one(corpus, "table_rows", "docx").path).tables
    assert rows[0].rows[0].cells[0].text == "City"
    assert sum(t.rows[0].cells[0].text.startswith("Indicator ") for t in rows) == n
    scorecard = Document(_one(corpus, "scorecard", "docx").path).tables[0]
    assert len(scorecard.rows) == n + 1


def test_variants_txt_rotates_through_four_encodings() -> None:
    assert {txt_codec("variants", i) for i in range(4)} == set(TXT_CODECS)


@pytest.mark.parametrize("render", [render_txt, render_docx, render_pdf])
def test_rendering_is_byte_identical_run_to_run(render, tmp_path: Path) -> None:
    spec = make_specs()[0]
    first, second = tmp_path / "a", tmp_path / "b"
    render(spec, "designed", first)
    render(spec, "designed", second)
    assert first.read_bytes() == second.read_bytes()
