"""Bounded text: filler after the last indicator is not stored as its recommendation."""

from __future__ import annotations

from core.defaults import MAX_TEXT_CHARS
from core.options import ParseOptions
from parsing.finish import bounded_text
from pipeline.document import parse_bytes
from tests.conftest import SEED_TXT


def test_pages_of_filler_after_the_last_indicator_are_cut_with_a_warning() -> None:
    """400 KB of filler paragraphs after 5.d: its text stops at the bound, ends with "[…]", and says why."""
    filler = "".join(f"\n\nAnnex page {n}. " + "This page is intentionally left blank for printing. " * 12
                     for n in range(600))
    report = parse_bytes((SEED_TXT.read_text(encoding="utf-8") + filler).encode(), name="long.txt",
                         options=ParseOptions(settle_s=0))
    last = report.indicators[-1]
    assert len(last.recommendation) <= MAX_TEXT_CHARS + 10 and last.recommendation.endswith("[\u2026]")
    cut = [w for w in report.warnings if w.code == "text_cut"]
    assert [w.indicator for w in cut] == [last.code]
    assert f"cut at {MAX_TEXT_CHARS:,}" in cut[0].message
    assert len(report.indicators) == 21 and all(len(i.recommendation) < 5000 for i in report.indicators[:-1])


def test_text_within_the_bound_is_kept_whole() -> None:
    paragraphs, bullets = ("one two three", "four five"), ("six",)
    assert bounded_text(paragraphs, bullets, 100) == (paragraphs, bullets, 29)  # 25 characters, 2 line breaks
    kept, kept_bullets, length = bounded_text(paragraphs, bullets, 21)
    assert length == 29 and kept == ("one two three", "four [\u2026]") and kept_bullets == ()
    assert bounded_text(("onelongword",), (), 5)[0] == ("[\u2026]",)  # no whole word fits
