"""Properties with values: what is written is what is read back, exactly.

- A score in any supported wording and number style reads back as exactly (score, max).
- A report rendered from a random spec (city, cycle, every indicator of the cycle with a random score, one of
  several heading and score wordings) parses back to that spec: city, state, cycle, and every code, title,
  score and maximum.
- Metamorphic: inserting prose, reordering the indicators within a pillar, or adding page furniture (a running
  header and page numbers) changes no score.

Examples come from the run's seed (printed in the pytest header; ``--hypothesis-seed=N`` replays one).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.txt import lines_to_blocks
from parsing import grammar as g
from parsing.report import parse_blocks
from reference.catalog import load_catalog

CATALOG = load_catalog()
CITIES = [(r["city"], r["state"]) for r in csv.DictReader(
    (Path(__file__).resolve().parents[2] / "reference" / "cities.csv").open(encoding="utf-8"))]
PROPERTIES = settings(max_examples=60, deadline=None, database=None,
                      suppress_health_check=[HealthCheck.too_slow])

SCORE_WORDINGS = (
    "Score: {s}/{m}", "Score – {s}/{m}", "Score : {s} / {m}", "SCORE {s}/{m}", "Rating: {s}/{m}",
    "Marks obtained: {s} out of {m}", "Score awarded = {s} of {m} marks", "Score: {s} out of {m} marks",
    "Marks secured: {s} out of a maximum of {m}", "Points earned - {s} / {m}", "{s} out of {m}", "{s}/{m} marks",
    "Score obtained: {s} (Maximum: {m})", "{s} marks (of {m})", "{s} points (max. {m})", "Score: {s}/{m} ({p}%)",
    "Max. marks: {m}, Marks obtained: {s}", "Score {s} pts · Maximum {m} pts",
)
HEADING_WORDINGS = ("Indicator {c}: {t}", "Indicator {c} – {t}", "INDICATOR {c} - {t}", "{t} (Indicator {c})",
                    "Indicator No. {c} – {t}")
NUMBER_STYLES = ("plain", "one_decimal", "comma")


def number(value: float, style: str) -> str:
    """Print a number as a report would: "12.5"/"12", "12.0", or with a decimal comma "12,5"."""
    if style == "one_decimal":
        return f"{value:.1f}"
    text = f"{value:g}"
    return text.replace(".", ",") if style == "comma" else text


def printed_code(code: str) -> str:
    """The code as printed in a heading ("1.c&1.d" -> "1.c & 1.d")."""
    return code.replace("&", " & ")


@st.composite
def scores_out_of(draw, maximum: float) -> float:
    """A score between 0 and ``maximum`` in half marks."""
    return draw(st.integers(0, int(maximum * 2))) / 2


@given(st.sampled_from(SCORE_WORDINGS), st.sampled_from(NUMBER_STYLES), st.sampled_from((10, 15, 20, 25, 30, 40)),
       st.data())
@PROPERTIES
def test_a_score_in_any_supported_wording_reads_back_exactly(wording, style, maximum, data) -> None:
    score = data.draw(scores_out_of(float(maximum)))
    text = wording.format(s=number(score, style), m=number(float(maximum), style if style != "comma" else "plain"),
                          p=f"{100 * score / maximum:.1f}")
    assert g.match_score(text) == g.Score(score, float(maximum)), text


@dataclass(frozen=True)
class Spec:
    """What a generated report prints."""

    city: str
    state: str
    cycle: int
    indicators: tuple[tuple[str, str, float, float], ...]  # (code, title, score, max) in printed order
    heading: str
    wording: str
    style: str


@st.composite
def specs(draw) -> Spec:
    cycle = draw(st.sampled_from(CATALOG.cycles()))
    city, state = draw(st.sampled_from(CITIES))
    rows = tuple((i.code, i.title, draw(scores_out_of(i.max_score)), i.max_score)
                 for i in sorted(CATALOG.indicators_for(cycle).values(), key=lambda i: (i.pillar_no, i.code)))
    return Spec(city, state, cycle, rows, draw(st.sampled_from(HEADING_WORDINGS)),
                draw(st.sampled_from(SCORE_WORDINGS)), draw(st.sampled_from(NUMBER_STYLES)))


def render(spec: Spec, *, prose: dict[str, str] | None = None) -> list[str]:
    """The lines of a plain-text report printing the spec; ``prose`` adds a paragraph after a code's score."""
    lines = [f"Data Maturity Assessment Framework – Cycle {spec.cycle}.0", "City Performance & Recommendations",
             f"City: {spec.city} | State: {spec.state}", ""]
    pillar = None
    for code, title, score, maximum in spec.indicators:
        if int(code.split(".")[0]) != pillar:
            pillar = int(code.split(".")[0])
            lines += [f"Pillar {pillar}: {CATALOG.pillar_name(spec.cycle, pillar)}", ""]
        lines += [spec.heading.format(c=printed_code(code), t=title), ""]
        lines += [spec.wording.format(s=number(score, spec.style), m=f"{maximum:g}",
                                      p=f"{100 * score / maximum:.1f}"), ""]
        lines += [f"The city is advised to strengthen {title.lower()} in the next cycle.", ""]
        if prose and code in prose:
            lines += [prose[code], ""]
    return lines


def read(lines: list[str]):
    """Parse the lines of a text file."""
    return parse_blocks(lines_to_blocks(lines, source="spec.txt"), source="spec.txt", format="txt", catalog=CATALOG)


def scores(report) -> dict[str, tuple[float | None, float | None]]:
    return {i.code: (i.score, i.max_score) for i in report.indicators}


def expected_scores(spec: Spec) -> dict[str, tuple[float, float]]:
    return {code: (score, maximum) for code, _, score, maximum in spec.indicators}


@given(specs())
@PROPERTIES
def test_a_report_rendered_from_a_random_spec_parses_back_to_the_spec(spec) -> None:
    report = read(render(spec))
    assert (report.city, report.state, report.cycle) == (spec.city, spec.state, spec.cycle)
    assert {i.code: (i.title, i.score, i.max_score) for i in report.indicators} == \
        {code: (title, score, maximum) for code, title, score, maximum in spec.indicators}


@given(specs(), st.data())
@PROPERTIES
def test_inserting_prose_changes_no_score(spec, data) -> None:
    codes = data.draw(st.sets(st.sampled_from([row[0] for row in spec.indicators]), max_size=6))
    sentence = data.draw(st.sampled_from((
        "The data team met twice in the year and recorded its decisions.",
        "Evidence was submitted by the city for review in the assessment window.",
        "Departments were asked to share the datasets listed in the annexure.")))
    prose = {code: f"{sentence} ({code.replace('&', ' and ')} note {k})" for k, code in enumerate(sorted(codes))}
    assert scores(read(render(spec, prose=prose))) == expected_scores(spec)


@given(specs(), st.randoms(use_true_random=False))
@PROPERTIES
def test_reordering_the_indicators_within_a_pillar_changes_no_score(spec, rng) -> None:
    by_pillar: dict[str, list] = {}
    for row in spec.indicators:
        by_pillar.setdefault(row[0].split(".")[0], []).append(row)
    for rows in by_pillar.values():
        rng.shuffle(rows)
    shuffled = replace(spec, indicators=tuple(row for rows in by_pillar.values() for row in rows))
    assert scores(read(render(shuffled))) == expected_scores(spec)


@given(specs(), st.integers(18, 40))
@PROPERTIES
def test_page_furniture_changes_no_score(spec, page_length) -> None:
    lines = render(spec)
    with_furniture = []
    pages = (len(lines) + page_length - 1) // page_length
    for k in range(pages):
        with_furniture += [f"{spec.city} – DMAF Cycle {spec.cycle} – City Performance & Recommendations", ""]
        with_furniture += lines[k * page_length:(k + 1) * page_length]
        with_furniture += ["", f"Page {k + 1} of {pages}", "\f"]
    assert scores(read(with_furniture)) == expected_scores(spec)
