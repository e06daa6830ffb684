"""Specification of choosing between readings by the framework's arithmetic, and of the confidence it gives."""

from __future__ import annotations

import json

import pytest

from core.errors import MissingMetadata
from extractors.txt import lines_to_blocks
from parsing.arbiter import choose, parse_document, violations
from pipeline.document import parse_bytes
from reference.catalog import load_catalog
from tests.conftest import SEED_TRUTH

TRUTH = json.loads(SEED_TRUTH.read_text(encoding="utf-8"))
SCORES = {"5.c": 15.0, "5.d": 5.0}  # distinct scores, so a score put on the wrong indicator shows


def _lines(drop_heading: str | None = None, drop_score: str | None = None, scores: dict | None = None) -> list[str]:
    """Return the text of a complete Cycle 2 report (Imphal's indicators), optionally with a heading or score lost."""
    lines = ["Data Maturity Assessment Framework Cycle 2.0", "City Performance & Recommendations",
             "City: Imphal | State: Manipur", ""]
    for ind in TRUTH["indicators"]:
        code, score = ind["code"], (scores or SCORES).get(ind["code"], ind["score"])
        printed = code.replace("&", " & ")
        if code != drop_heading:
            lines += [f"Indicator {printed}: {ind['title']}", ""]
        if code != drop_score:
            lines += [f"Score: {score:g}/{ind['max_score']:g}", ""]
        lines += ["The city may take the next steps for this indicator.", ""]
    return lines


def _read(*readings: list[str]):
    """Parse one document from its readings (lines of text each)."""
    blocks = [(f"reading {k}", lines_to_blocks(lines, source="r.txt")) for k, lines in enumerate(readings)]
    return parse_document(blocks, source="r.txt", format="txt")


def _score(report, code: str):
    """Return the score the report gives an indicator."""
    return next(i.score for i in report.indicators if i.code == code)


def test_a_fully_consistent_report_is_read_as_printed_with_confidence_one() -> None:
    """Every catalog code, every pillar adding up to 100, every score placed: confidence 1 and no reason."""
    report = _read(_lines())
    assert len(report.indicators) == 21 and _score(report, "5.c") == 15.0
    assert report.confidence == 1.0 and report.confidence_reasons == ()
    assert violations(report, load_catalog()) == []


def test_the_reading_whose_codes_and_maxima_add_up_is_kept() -> None:
    """A reading that lost the 5.c heading (a table heuristic that swallowed it) loses to one that did not."""
    report = _read(_lines(drop_heading="5.c"), _lines())
    assert report.extra["reading"] == "reading 1"
    assert (_score(report, "5.c"), _score(report, "5.d")) == (15.0, 5.0)
    assert report.confidence == 1.0


def test_a_score_that_may_belong_to_a_lost_indicator_is_never_placed_by_its_maximum() -> None:
    """5.c's heading is lost and 5.d's score line too: 5.c's 15/20 must not become 5.d's score (both are out of 20)."""
    report = _read(_lines(drop_heading="5.c", drop_score="5.d"))
    assert _score(report, "5.d") is None
    codes = {w.code for w in report.warnings if w.indicator == "5.d"}
    assert codes & {"placement_refused", "indicator_without_score"}
    assert report.confidence < 0.8
    assert any("5.c" in reason for reason in report.confidence_reasons)


def test_equally_consistent_readings_that_disagree_leave_the_score_empty() -> None:
    """Two readings, both consistent, one reads 2.a as 10 and the other as 20: nothing decides, so NULL + warning."""
    report = _read(_lines(scores={**SCORES, "2.a": 10.0}), _lines(scores={**SCORES, "2.a": 20.0}))
    assert _score(report, "2.a") is None
    assert any(w.code == "readings_disagree" and w.indicator == "2.a" for w in report.warnings)
    assert _score(report, "5.c") == 15.0  # where they agree, the score stands


def test_a_report_that_defeats_the_parser_says_so_in_its_confidence() -> None:
    """Half the score lines lost: the report still loads its headings, with a low confidence and one reason each."""
    lines = _lines()
    scoreless = [line for k, line in enumerate(lines) if not (line.startswith("Score:") and k % 4 == 0)]
    report = _read(scoreless)
    missing = [i.code for i in report.indicators if i.score is None]
    assert missing
    assert report.confidence <= 0.5
    assert sum("has no score" in reason for reason in report.confidence_reasons) == len(missing)


def test_choose_needs_a_reading() -> None:
    """There is nothing to choose from no reading at all."""
    with pytest.raises(ValueError, match="at least one reading"):
        choose([], load_catalog())


def test_a_report_with_no_placeable_city_fails_saying_where_it_looked() -> None:
    """Indicators but no Smart City anywhere in the title block, headers or first page: refused, with the places."""
    text = "\n".join(line for line in _lines() if not line.startswith("City:")).encode()
    with pytest.raises(MissingMetadata, match="no Smart City name was found in the title block"):
        parse_bytes(text, name="/r/unnamed.txt")
