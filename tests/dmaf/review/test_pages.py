"""Specification of the HTML review pages, opened in headless Chromium: for a PDF every score has a crop of its
page whose size is its region's at the page scale, that holds its box, is not blank and shows the red
outline; for DOCX and TXT the source text with the score's paragraph or line marked; corrected scores are
marked on the review and city pages. Also the pure crop geometry (``dmaf.review.crops``)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from dmaf.cli import app
from dmaf.review.crops import PdfPages, pixels, region_around
from pipeline.document import ParseOutcome
from tests.dmaf.trends.browser import rendered_dom
from tests.dmaf.trends.conftest import ingest
from warehouse.db import make_engine
from warehouse.settings import sqlite_url

runner = CliRunner(env={"COLUMNS": "200"})

MEASURE = """<script>
window.addEventListener("load", () => {
  const out = [];
  for (const img of document.querySelectorAll("img.crop")) {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const paint = canvas.getContext("2d");
    paint.drawImage(img, 0, 0);
    const d = paint.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0, red = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 100 && d[i + 1] < 100 && d[i + 2] < 100) dark++;
      if (d[i] > 170 && d[i + 1] < 70 && d[i + 2] < 70) red++;
    }
    out.push({indicator: img.closest("tr").querySelector("td").dataset.indicator, width: img.naturalWidth,
              height: img.naturalHeight, dark: dark, red: red, region: img.dataset.region,
              scale: Number(img.dataset.scale), page: Number(img.dataset.page)});
  }
  const pre = document.createElement("pre");
  pre.id = "measured"; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
});
</script>"""
"""Appended to a copy of a review page: measures each crop as Chromium decoded it."""


def _dmaf(*args: object):
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


def _provenance(db: str, city: str, cycle: int) -> dict[str, dict]:
    """Return each indicator's score_provenance row of one report, by code."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT * FROM score_provenance WHERE city = :c AND cycle = :y"),
                                {"c": city, "y": cycle}).mappings().all()
    finally:
        engine.dispose()
    return {r["indicator_code"]: dict(r) for r in rows}


@pytest.fixture(scope="module")
def review_db(tmp_path_factory: pytest.TempPathFactory, review_files: list[Path],
              review_parsed: list[ParseOutcome]) -> str:
    """The review corpus in a SQLite warehouse: the pages read the same views on both backends (the queue and
    the corrections are tested on both), so they are drawn once."""
    url = sqlite_url(tmp_path_factory.mktemp("review-pages") / "dmaf.db")
    assert ingest(url, review_files, review_parsed) == ["loaded"] * len(review_files)
    return url


@pytest.fixture(scope="module")
def site(review_db: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML report of the review corpus."""
    out = tmp_path_factory.mktemp("site")
    result = _dmaf("report", "--out", out, "--db", review_db)
    assert result.exit_code == 0, result.output
    return out


def test_every_pdf_score_has_a_crop_of_its_region_with_the_box_outlined(
    site: Path, review_db: str, review_files: list[Path], tmp_path: Path
) -> None:
    """Each PDF report's review page: one crop per indicator, as large as its region × scale, holding the
    score's box, with dark text and the red outline of the score in it."""
    pdfs = [p for p in review_files if p.suffix == ".pdf"]
    assert len(pdfs) >= 3
    engine = make_engine(review_db)
    with engine.connect() as conn:
        reports = conn.execute(text("SELECT city, cycle, source_file FROM report_versions WHERE is_current")).all()
    engine.dispose()
    by_file = {Path(r.source_file).name: (r.city, r.cycle) for r in reports}
    for pdf in pdfs:
        city, cycle = by_file[pdf.name]
        slug = re.sub(r"[^a-z0-9]+", "-", city.casefold()).strip("-")
        page = site / f"review-{slug}-c{cycle}.html"
        probe = tmp_path / page.name
        probe.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
        dom = rendered_dom(probe, tmp_path / "profile")
        measured = json.loads(html.unescape(re.search(r"<pre id=\"measured\">(.*?)</pre>", dom, re.S).group(1)))
        provenance = _provenance(review_db, city, cycle)
        assert {m["indicator"] for m in measured} == set(provenance), pdf.name
        for m in measured:
            x0, top, x1, bottom = (float(v) for v in m["region"].split(","))
            left, upper, right, lower = pixels((x0, top, x1, bottom), m["scale"])
            assert (m["width"], m["height"]) == (right - left, lower - upper), (pdf.name, m)
            assert m["dark"] > 200, (pdf.name, m)  # printed text, not a blank crop
            row = provenance[m["indicator"]]
            assert m["page"] == row["page"]
            if row["score_location"] is not None:
                assert x0 <= row["x0"] and top <= row["top"] and row["x1"] <= x1 and row["bottom"] <= bottom
                assert m["red"] > 50, (pdf.name, m)  # the score's outline


def test_docx_and_txt_pages_show_the_source_text_with_the_score_marked(
    site: Path, review_db: str, review_files: list[Path], tmp_path: Path
) -> None:
    """Each DOCX/TXT review page shows, per indicator, the text from its heading to its score, the score's
    paragraph or line marked and holding the score as loaded."""
    for path in [p for p in review_files if p.suffix in (".docx", ".txt")][:4]:
        page = next(p for p in site.glob("review-*.html") if path.name in p.read_text(encoding="utf-8"))
        dom = rendered_dom(page, tmp_path / "profile")
        rows = re.findall(r'<td id="ind-[^"]+" data-indicator="([^"]+)"[^>]*>.*?</td>.*?<td class="num">(.*?)</td>'
                          r'.*?<td>(.*?)</td>\s*<td>(.*?)</td>', dom, re.S)
        assert len(rows) >= 20, path.name
        for code, score, _, source in rows:
            assert 'class="excerpt"' in source, (path.name, code)
            marked = re.findall(r'<mark class="score">(.*?)</mark>', source, re.S)
            number = score.split("/")[0].strip()
            if number != "–":
                assert len(marked) == 1 and number in marked[0], (path.name, code, score, marked)


def test_a_corrected_score_is_marked_on_the_city_and_review_pages(review_db: str, tmp_path: Path) -> None:
    """After `dmaf correct`, the city page marks the score ✎ and names the parsed value; the review page shows
    the corrected value with the parsed one."""
    done = _dmaf("correct", "--city", "Surat", "--cycle", 2, "--indicator", "2.a", "--score", 1.5, "--reason",
                 "test", "--db", review_db)
    assert done.exit_code == 0, done.output
    correction = int(done.stdout.split(":")[0].removeprefix("correction "))
    try:
        assert _dmaf("report", "--out", tmp_path / "site", "--db", review_db).exit_code == 0
        city = rendered_dom(tmp_path / "site" / "city-surat.html", tmp_path / "profile")
        assert "1.5/30 ✎" in city and "corrected by a reviewer: 2.a in cycle 2 (parsed" in city
        assert 'href="review-surat-c2.html"' in city
        review = rendered_dom(tmp_path / "site" / "review-surat-c2.html", tmp_path / "profile")
        assert re.search(r"1\.5/30 ✎ corrected</span><br><span class=\"muted\">parsed \d", review)
    finally:
        assert _dmaf("correct", "--undo", correction, "--db", review_db).exit_code == 0


def test_a_review_page_without_its_source_file_says_so(review_db: str, review_files: list[Path],
                                                       tmp_path: Path) -> None:
    """A file moved away since it was loaded: its page still lists every score and says there are no
    pictures, and why."""
    from dmaf import api

    moved = review_files[0].with_name(review_files[0].name + ".away")
    review_files[0].rename(moved)
    try:
        pages = api.write_report(tmp_path / "site", db=review_db)
    finally:
        moved.rename(review_files[0])
    page = next(p for p in pages if p.name.startswith("review-") and review_files[0].name in p.read_text("utf-8"))
    html = page.read_text(encoding="utf-8")
    assert "cannot be read now" in html and "<img" not in html and html.count('data-indicator="') >= 20


def test_region_around_widens_by_the_margin_and_stays_on_the_page() -> None:
    """The region holds every box plus the margin, clipped to the page."""
    assert region_around([(100, 200, 300, 214), (90, 180, 250, 194)], (595, 842), 10) == (80, 170, 310, 224)
    assert region_around([(5, 5, 590, 20)], (595, 842), 12) == (0, 0, 595, 32)
    assert pixels((10.2, 20.6, 30.0, 40.0), 2.0) == (20, 41, 60, 80)


def test_a_crop_is_cut_from_the_page_rendered_once(review_files: list[Path]) -> None:
    """Two crops of one page: each as large as its region × scale; the page is rendered once."""
    pdf = next(p for p in review_files if p.suffix == ".pdf")
    with PdfPages(pdf, scale=1.5) as pages:
        one = pages.crop(1, score=(100, 100, 200, 120), heading=None, margin=0)
        two = pages.crop(1, score=(50, 300, 400, 340), heading=(50, 280, 300, 296), margin=4)
        assert len(pages._images) == 1
    assert (one.width, one.height) == (150, 30) and one.region == (100, 100, 200, 120)
    assert two.region == (46, 276, 404, 344) and (two.width, two.height) == (537, 102)
    with pytest.raises(ValueError, match="needs the score's box or the heading's"):
        PdfPages(pdf).crop(1, score=None, heading=None)
