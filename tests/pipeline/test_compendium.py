"""A generated compendium in each format is read as one report per section, exactly (``tests.compendium_truth``):
every section's city, state, cycle, pages (PDF) and each indicator's score, maximum and title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.options import ParseOptions
from core.records import Compendium
from pipeline.document import parse_path
from tests.compendium_truth import Tally, score_file
from tests.corpus.compendium import write_compendium


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
@pytest.mark.parametrize("seed", [11, 12])
def test_every_field_of_every_section_is_read(tmp_path: Path, fmt: str, seed: int) -> None:
    path = write_compendium(seed, tmp_path, fmt, n=3 + seed % 2)
    tally = Tally()
    score_file(path, json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8")), tally)
    assert tally.misses == [] and tally.right == tally.total > 0


def test_a_compendium_prints_as_json_with_its_sections(tmp_path: Path) -> None:
    """``dmaf parse`` prints one object for the file: its kind, how many reports and each section's report."""
    outcome = parse_path(write_compendium(11, tmp_path, "pdf", n=3), ParseOptions(settle_s=0))
    assert isinstance(outcome.compendium, Compendium) and outcome.report is None and outcome.failure is None
    printed = json.loads(json.dumps(outcome.compendium.to_dict()))
    assert printed["kind"] == "compendium" and printed["reports"] == 3
    assert [s["section"] for s in printed["sections"]] == [1, 2, 3]
    assert all(s["first_page"] <= s["last_page"] for s in printed["sections"])
    assert len({s["key"] for s in printed["sections"]}) == 3


def test_a_single_report_holding_two_cities_title_blocks_is_refused(tmp_path: Path) -> None:
    """Two reports whose codes cannot tell them apart (pillars 1-2 of one, 3-5 of the other) are not read as one:
    the file fails, saying why, and no number of it is loaded."""
    from tests.parsing.test_warning_codes import CYCLE_2, _lines

    nagpur = [line.replace("Pune", "Nagpur") for line in _lines(drop=tuple(i.code for i in CYCLE_2 if i.pillar_no > 2))]
    nashik = [line.replace("Pune", "Nashik") for line in _lines(drop=tuple(i.code for i in CYCLE_2 if i.pillar_no < 3))]
    path = tmp_path / "two.txt"
    path.write_text("\n".join(nagpur + nashik) + "\n", encoding="utf-8")
    outcome = parse_path(path, ParseOptions(settle_s=0))
    assert outcome.report is None and outcome.compendium is None
    assert outcome.failure.reason == "several_reports" and "Nagpur" in outcome.failure.message
    assert "Nashik" in outcome.failure.message
