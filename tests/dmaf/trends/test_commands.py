"""The trends, report and export commands: after `dmaf ingest raw_reports/`, and on the fixture corpus.

The HTML report is opened in headless Chromium (``tests.dmaf.trends.browser``).
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from PIL import Image
from sqlalchemy import text
from typer.testing import CliRunner

from dmaf.cli import app
from dmaf.trends.html_report import write_report
from dmaf.trends.queries import load_frames, open_warehouse
from loaders.batch import prepare_warehouse
from loaders.load import load_document
from tests.conftest import RAW_REPORTS
from tests.dmaf.trends.browser import rendered_dom
from tests.loaders.support import PARSER_VERSION, imphal_report, source_info
from warehouse.db import make_engine, upgrade
from warehouse.settings import sqlite_url
from warehouse.views import VIEWS

REPO = Path(__file__).resolve().parents[3]
runner = CliRunner(env={"COLUMNS": "200"})


def _dmaf(*args: str) -> object:
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


def _assert_png(path: Path, size: tuple[int, int]) -> None:
    """The file is a PNG image of the given size that decodes completely."""
    with Image.open(path) as image:
        assert (image.format, image.size) == ("PNG", size)
        image.load()


@pytest.fixture(scope="module")
def raw_db(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite warehouse after `dmaf ingest raw_reports/` (the real Imphal report as TXT, DOCX and PDF)."""
    url = sqlite_url(tmp_path_factory.mktemp("raw-db") / "dmaf.db")
    result = _dmaf("ingest", RAW_REPORTS, "--db", url, "--workers", "0")
    assert result.exit_code == 0, result.output
    return url


def test_trends_for_imphal_prints_its_pillars_and_writes_pngs_that_open(raw_db: str, tmp_path: Path) -> None:
    """`dmaf trends --city Imphal`: 10/500 (rank 1 of 1), People 10/100, and two PNG charts."""
    result = _dmaf("trends", "--city", "Imphal", "--db", raw_db, "--out", tmp_path / "charts")
    assert result.exit_code == 0, result.output
    assert "Imphal (Manipur): pillar scores by cycle" in result.stdout
    assert "10/500 (1 of 1)" in result.stdout and "2 People" in result.stdout and "10/100" in result.stdout
    assert "City Data Officer (CDO)" in result.stdout
    _assert_png(tmp_path / "charts" / "imphal_pillars.png", (800, 450))
    _assert_png(tmp_path / "charts" / "national_pillars.png", (900, 450))


def test_report_pages_render_in_headless_chromium_with_the_city_scores(raw_db: str, tmp_path: Path) -> None:
    """`dmaf report`: index and Imphal pages open in a browser and show 10/500 and the People pillar."""
    site = tmp_path / "site"
    result = _dmaf("report", "--out", site, "--db", raw_db)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in site.iterdir()) == ["city-imphal.html", "index.html", "review-imphal-c2.html"]
    index = rendered_dom(site / "index.html", tmp_path / "profile")
    assert re.search(r'<a href="city-imphal.html">Imphal</a>', index)
    assert re.search(r'data-cycle="2">10/500</td>', index)
    city = rendered_dom(site / "city-imphal.html", tmp_path / "profile")
    assert "<h1>Imphal</h1>" in city and "10/500" in city and "2 People" in city and "10/100" in city
    assert "City Data Officer (CDO)" in city and "What next, cycle 2" in city


def test_report_pages_are_self_contained_with_decodable_charts(raw_db: str, tmp_path: Path) -> None:
    """No external resource: styles inline, charts are data-URI PNGs that decode."""
    assert _dmaf("report", "--out", tmp_path, "--db", raw_db).exit_code == 0
    for page in tmp_path.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', html), page.name
        assert "<script" not in html and "<link" not in html
        images = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
        if page.name.startswith("review-"):  # a crop per score of a PDF, none for TXT/DOCX
            assert len(images) in (0, html.count('data-indicator="')), page.name
        else:
            assert len(images) == (2 if page.name == "index.html" else 1), page.name  # index: distribution, gaps
        for image in images:
            Image.open(io.BytesIO(base64.b64decode(image))).load()


def test_every_text_from_the_warehouse_is_escaped(tmp_path: Path) -> None:
    """A city printed as markup shows as text, never as an element."""
    url = sqlite_url(tmp_path / "dmaf.db")
    prepare_warehouse(url)
    report = imphal_report(city='<img src=x onerror="alert(1)">', state="Nowhere & Co")
    engine = make_engine(url)
    try:
        load_document(engine, source=source_info("/r/x.txt", report), report=report, error=None,
                      parser_version=PARSER_VERSION)
    finally:
        engine.dispose()
    with open_warehouse(url) as readonly:
        frames = load_frames(readonly)
    pages = write_report(frames, tmp_path / "site")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html and 'onerror="alert' not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "Nowhere &amp; Co" in pages[1].read_text(encoding="utf-8")


def test_trends_by_state_and_by_alias_on_the_corpus(corpus_db: str, tmp_path: Path) -> None:
    """--state Maharashtra lists Pune and Pimpri Chinchwad only; --city Bangalore is Bengaluru."""
    result = _dmaf("trends", "--state", "maharashtra", "--db", corpus_db, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert "Pune" in result.stdout and "Pimpri Chinchwad" in result.stdout and "Bhopal" not in result.stdout
    assert "347.5/500 (2)" in result.stdout and "+185" in result.stdout and "-217.5" in result.stdout
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        "national_pillars.png", "pimpri-chinchwad_pillars.png", "pune_pillars.png"]
    alias = _dmaf("trends", "--city", "Bangalore", "--db", corpus_db, "--out", tmp_path)
    assert alias.exit_code == 0 and "Bengaluru (Karnataka): pillar scores by cycle" in alias.stdout


def test_export_writes_every_view_as_csv_and_parquet(corpus_db: str, tmp_path: Path) -> None:
    """One file per public view; the files hold the views' rows (Pune's three totals, for one)."""
    for fmt in ("csv", "parquet"):
        result = _dmaf("export", "--format", fmt, "--out", tmp_path / fmt, "--db", corpus_db)
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == sorted(f"{v}.{fmt}" for v in VIEWS)
    for frame in (pd.read_csv(tmp_path / "csv" / "city_scores.csv"),
                  pd.read_parquet(tmp_path / "parquet" / "city_scores.parquet")):
        pune = frame[frame["city"] == "Pune"].sort_values("cycle")
        assert list(pune["score"]) == [162.5, 347.5, 130.0] and list(pune["rank"]) == [4, 2, 4]
        assert len(frame) == 12
    trends = pd.read_parquet(tmp_path / "parquet" / "indicator_trends.parquet")
    assert trends["pct"].dtype == "float64"
    assert len(trends) == len(pd.read_csv(tmp_path / "csv" / "indicator_trends.csv")) == 4 * 21 + 8 * 22


def test_datasette_canned_queries_run_on_the_warehouse(corpus_db: str) -> None:
    """Every canned query of warehouse/datasette.yaml runs and returns rows; described views exist."""
    metadata = yaml.safe_load((REPO / "warehouse" / "datasette.yaml").read_text(encoding="utf-8"))
    database = metadata["databases"]["dmaf"]
    assert set(database["tables"]) <= set(VIEWS)
    params = {"city": "Pune", "cycle": 2}
    engine = make_engine(corpus_db)
    try:
        with engine.connect() as conn:
            for name, query in database["queries"].items():
                rows = conn.execute(text(query["sql"]), params).all()
                assert rows or name in ("quality_errors", "review_first"), name  # the plain corpus reads clean
    finally:
        engine.dispose()


def test_commands_fail_clearly_without_a_usable_warehouse(tmp_path: Path) -> None:
    """No file, an old schema, no report, an unknown city, a bad format: one clear line, exit 2."""
    missing = _dmaf("report", "--out", tmp_path / "site", "--db", sqlite_url(tmp_path / "none.db"))
    assert missing.exit_code == 2 and "no warehouse at" in missing.stderr
    old = sqlite_url(tmp_path / "old.db")
    upgrade(old, "0001")
    outdated = _dmaf("trends", "--db", old, "--out", tmp_path)
    assert outdated.exit_code == 2 and "run `dmaf db upgrade`" in outdated.stderr
    empty = sqlite_url(tmp_path / "empty.db")
    upgrade(empty)
    nothing = _dmaf("export", "--out", tmp_path / "x", "--db", empty, "--format", "csv")
    assert nothing.exit_code == 0  # an empty warehouse exports empty views
    assert _dmaf("trends", "--db", empty, "--out", tmp_path).exit_code == 2
    bad = _dmaf("export", "--format", "xlsx", "--out", tmp_path, "--db", empty)
    assert bad.exit_code == 2 and "csv or parquet" in bad.output


def test_an_unknown_city_lists_the_cities_with_reports(raw_db: str, tmp_path: Path) -> None:
    """--city Gotham: exit 2 naming the cities that have reports."""
    result = _dmaf("trends", "--city", "Gotham", "--db", raw_db, "--out", tmp_path)
    assert result.exit_code == 2
    assert "no report for city 'Gotham'" in result.stderr and "cities with reports: Imphal" in result.stderr
