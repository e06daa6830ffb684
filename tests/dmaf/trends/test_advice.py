"""Specification of ``dmaf advise`` and of ``national_gaps`` on the fixture corpus, on both backends.

Cycle 3 of the corpus (seed 0) has Pune (130/500), Pimpri Chinchwad (Maharashtra, like Pune), Kochi and
Bengaluru. The expectations below were read off the corpus specs by hand (``tests.corpus.spec``): for
instance 4.b "Number of datasets on SCODP" is 0/30 for Pune, 30 for Pimpri-Chinchwad and Bengaluru, 15 for
Kochi, and 30/30 in Pune's cycle 2 report.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from dmaf import api
from dmaf.cli import app
from tests.corpus.spec import ReportSpec
from tests.dmaf.trends.browser import chromium
from warehouse.db import make_engine

runner = CliRunner(env={"COLUMNS": "200"})

PUNE_CYCLE_3_TOP = [
    # key, score, max, open, peers at full marks, peers (city, scope, score) nearest first, moved since cycle 2
    ("4.b", 0.0, 30.0, 30.0, 2, [("Pimpri Chinchwad", "state", 30.0), ("Bengaluru", "national", 30.0),
                                 ("Kochi", "national", 15.0)], -30.0),
    ("1.a", 0.0, 30.0, 30.0, 1, [("Pimpri Chinchwad", "state", 30.0), ("Kochi", "national", 25.0),
                                 ("Bengaluru", "national", 15.0)], None),  # not assessed in cycle 2
    ("4.c", 0.0, 30.0, 30.0, 1, [("Bengaluru", "national", 30.0), ("Kochi", "national", 10.0)], -15.0),
    ("c3:5.a", 0.0, 30.0, 30.0, 0, [("Pimpri Chinchwad", "state", 15.0), ("Bengaluru", "national", 20.0),
                                    ("Kochi", "national", 20.0)], None),  # a cycle 3 indicator
    ("2.a", 5.0, 30.0, 25.0, 0, [("Pimpri Chinchwad", "state", 10.0), ("Kochi", "national", 20.0),
                                 ("Bengaluru", "national", 17.5)], -12.5),
    ("2.b", 0.0, 20.0, 20.0, 2, [("Pimpri Chinchwad", "state", 20.0), ("Bengaluru", "national", 20.0),
                                 ("Kochi", "national", 10.0)], -20.0),
]


def _dmaf(*args: object) -> object:
    """Run the CLI in-process and return the result."""
    return runner.invoke(app, [str(a) for a in args])


def test_advise_ranks_pune_by_open_points_with_named_peers(corpus_db: str) -> None:
    """Ties on open points go to the indicator more peers scored in full; a Maharashtra peer comes first;
    Pimpri Chinchwad, which has no score for 4.c, is no peer for it; 3.a (not assessed) is listed apart."""
    advice = api.advise("Pune", db=corpus_db)
    assert (advice.city, advice.cycle, advice.score, advice.max_score) == ("Pune", 3, 130.0, 500.0)
    got = [(a.indicator_key, a.score, a.max_score, a.points_open, a.peers_full_marks,
            [(p.city, p.scope, p.score) for p in a.peers], a.moved) for a in advice.ranked[:6]]
    assert got == PUNE_CYCLE_3_TOP
    assert [a.indicator_key for a in advice.unscored] == ["3.a"]
    assert advice.ranked[3].new_indicator and not advice.ranked[1].new_indicator
    # every scored indicator is ranked, largest gap first; the open points add up to the report's total
    opens = [a.points_open for a in advice.ranked]
    assert opens == sorted(opens, reverse=True) and len(advice.ranked) == 21
    assert advice.points_open == 500 - 130 - 30  # 3.a's 30 marks are unknown, not open
    assert advice.headline() == ("Pune, cycle 3: 130/500. The three largest gaps hold 90 of the 340 points "
                                 "open; 1 indicator without a score.")
    assert advice.ranked[0].recommendation.startswith("Your city is advised to utilize dataset templates")


def test_advise_an_earlier_cycle_puts_a_peer_of_the_region_before_the_rest(corpus_db: str) -> None:
    """Cycle 2: Surat (Gujarat, West like Pune) is a regional peer, Agartala a national one."""
    advice = api.advise("Poona", cycle=2, db=corpus_db)
    scopes = {(p.city, p.scope) for a in advice.ranked for p in a.peers}
    assert ("Surat", "region") in scopes and ("Agartala", "national") in scopes
    for item in advice.ranked:
        order = [("state", "region", "national").index(p.scope) for p in item.peers]
        assert order == sorted(order)
        assert all(p.score > (item.score or 0) for p in item.peers)


def test_repeated_advice_without_progress_is_flagged(corpus_db: str) -> None:
    """2.d: the same text in cycles 1, 2 and 3 and 5/15 each time: repeated for two cycles in a row."""
    by_key = {a.indicator_key: a for a in api.advise("Pune", db=corpus_db).ranked}
    assert (by_key["2.d"].advice_status, by_key["2.d"].repeated_cycles, by_key["2.d"].moved) == ("same", 2, 0.0)
    assert by_key["4.b"].advice_status == "same" and not by_key["4.b"].repeated_without_progress  # score moved


def test_advise_formats_json_csv_and_table(corpus_db: str) -> None:
    """--format json parses to the same advice; csv has a row per indicator; the table names the peers."""
    result = _dmaf("advise", "--city", "Pune", "--format", "json", "--db", corpus_db)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["headline"].startswith("Pune, cycle 3: 130/500.")
    first = data["indicators"][0]
    assert (first["indicator_key"], first["points_open"], first["peers"][0]["city"]) == ("4.b", 30.0,
                                                                                          "Pimpri Chinchwad")
    assert data["indicators"][-1]["indicator_key"] == "3.a" and data["indicators"][-1]["points_open"] is None
    rows = list(csv.DictReader(io.StringIO(_dmaf("advise", "--city", "Pune", "--format", "csv", "--db",
                                                 corpus_db).stdout)))
    assert len(rows) == 22 and rows[0]["rank"] == "1" and rows[-1]["rank"] == ""
    assert rows[0]["peers"] == "Pimpri Chinchwad 30/30 (state); Bengaluru 30/30; Kochi 15/30"
    table = _dmaf("advise", "--city", "Pune", "--db", corpus_db)
    assert table.exit_code == 0 and "The three largest gaps hold 90 of the 340 points open" in table.stdout
    assert "same advice, no progress ×2" in table.stdout and "Pimpri Chinchwad 30/30 (state)" in table.stdout


def test_advise_refuses_what_it_cannot_answer(corpus_db: str) -> None:
    """A cycle the city has no report for, and a city without reports: exit 2 with what exists."""
    result = _dmaf("advise", "--city", "Pune", "--cycle", "5", "--db", corpus_db)
    assert result.exit_code == 2 and "Pune has no report for cycle 5; its reports are for cycle(s) 1, 2, 3" \
        in result.stderr
    result = _dmaf("advise", "--city", "Nagpur", "--db", corpus_db)
    assert result.exit_code == 2 and "no report for city 'Nagpur'" in result.stderr
    assert _dmaf("advise", "--city", "Pune", "--format", "xml", "--db", corpus_db).exit_code == 2


def test_national_gaps_add_up_the_open_points_of_the_current_reports(corpus_db: str,
                                                                    specs: list[ReportSpec]) -> None:
    """Per cycle, the points open of every indicator sum to Σ(max − score) over the specs' scored
    indicators; cities at full marks and without a score are counted."""
    engine = make_engine(corpus_db)
    try:
        with engine.connect() as conn:
            totals = dict(conn.exec_driver_sql(
                "SELECT cycle, SUM(points_open) FROM national_gaps GROUP BY cycle").all())
            row = conn.exec_driver_sql(
                "SELECT cities_scored, cities_unscored, cities_full, share_full, points_open, points_possible "
                "FROM national_gaps WHERE cycle = 3 AND indicator_key = '4.c'").one()
    finally:
        engine.dispose()
    for cycle in (1, 2, 3):
        expected = sum(i.max_score - i.score for s in specs if s.cycle == cycle for i in s.indicators
                       if i.score is not None)
        assert math.isclose(totals[cycle], expected), cycle
    # 4.c in cycle 3: Bengaluru 30, Kochi 10, Pune 0 of 30; Pimpri-Chinchwad not assessed
    assert tuple(round(v, 6) for v in row) == (3, 1, 1, round(1 / 3, 6), 50.0, 90.0)


def test_the_overview_gaps_chart_renders_in_chromium(corpus_db: str, tmp_path: Path) -> None:
    """The overview page holds the gaps chart; Chromium paints it (a screenshot of it alone has the bars'
    red) and the city page shows Pune's advice with the repeated-advice flag and a word diff."""
    import base64
    import re
    import subprocess

    pages = api.write_report(tmp_path / "site", db=corpus_db)
    index = pages[0].read_text(encoding="utf-8")
    found = re.search(r'<img class="chart" alt="Points open per indicator across cities, cycle 3" '
                      r'src="data:image/png;base64,([^"]+)">', index)
    assert found, "no gaps chart on the overview page"
    png = Image.open(io.BytesIO(base64.b64decode(found.group(1))))
    alone = tmp_path / "chart.html"
    alone.write_text(f'<html><body style="margin:0">{found.group(0)}</body></html>', encoding="utf-8")
    shot = tmp_path / "shot.png"
    done = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                           f"--window-size={png.width},{png.height}", alone.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    painted = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    red, green, blue = painted[..., 0], painted[..., 1], painted[..., 2]
    reds = int(((red > 180) & (green < 110) & (blue < 110)).sum())
    assert reds > 0.02 * png.width * png.height  # the bars, not a blank page
    pune = next(p for p in pages if p.name == "city-pune.html").read_text(encoding="utf-8")
    assert "What next, cycle 3" in pune and "same advice, no progress ×2" in pune
    assert "How the advice changed, cycle 3" in pune and "<ins>" in pune and "<del>" in pune


@pytest.mark.parametrize("city", ["Imphal", "Bhopal"])
def test_a_city_with_one_report_gets_advice_without_movement(corpus_db: str, city: str) -> None:
    """No earlier cycle: nothing moved, nothing repeated, no indicator called new."""
    advice = api.advise(city, db=corpus_db)
    assert all(a.moved is None and a.previous_cycle is None and not a.new_indicator and a.repeated_cycles == 0
               for a in (*advice.ranked, *advice.unscored))
