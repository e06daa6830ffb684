"""What a fixture report says: cities, cycles, indicators and scores, independent of layout.

``make_specs`` builds them deterministically; ``expected`` turns one into the JSON shape of
``tests/seed/imphal_manipur_cycle2.truth.json`` (a copy of ../shared/seeds) (without the derived totals and notes).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from .seed_text import SEED_TEXT
from .text import fmt_num, split_sentences

FRAMEWORK = "Data Maturity Assessment Framework"


@dataclass(frozen=True)
class IndicatorSpec:
    """One indicator as printed: its code, title, score (None = "NA"), maximum and text.

    ``code`` is canonical ("1.a", combined "1.c&1.d"); the bullets follow the first paragraph;
    ``score_text``, when set, is printed verbatim instead of the layout's own score line.
    """

    code: str
    title: str
    score: float | None
    max_score: float
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    score_text: str | None = None

    @property
    def pillar(self) -> int:
        """Return the pillar number carried by the code."""
        return int(self.code.split(".", 1)[0])


@dataclass(frozen=True)
class ReportSpec:
    """One city's report for one cycle."""

    city: str
    state: str
    cycle: int
    cycle_label: str
    indicators: tuple[IndicatorSpec, ...]
    framework: str = FRAMEWORK


# (code, title, max score) per cycle. Cycle 2 is the truth file's list; 1 and 3 are synthetic
# variations of it with the same five pillars of 100 marks each.
CYCLE2_CATALOG: tuple[tuple[str, str, float], ...] = (
    ("1.a", "Approval of City Data Policy", 30),
    ("1.b", "City Data Policy Components", 30),
    ("1.c&1.d", "Budget for data-related initiatives", 40),
    ("2.a", "City Data Officer (CDO)", 30),
    ("2.b", "Appointment of Data Coordinators", 20),
    ("2.c", "Data Team", 20),
    ("2.d", "Capacity Building – Ministry Initiative", 15),
    ("2.e", "Capacity Building – City Initiative", 15),
    ("3.a", "City Data Alliances", 30),
    ("3.b", "Data Hackathons/ Data Challenges", 20),
    ("3.c", "Solving urban challenges using data", 30),
    ("3.d", "Analytics capability", 20),
    ("4.a", "Sensors for data collection", 10),
    ("4.b", "Number of datasets on SCODP", 30),
    ("4.c", "Schedule for Updating Datasets on SCODP", 30),
    ("4.d", "Number of APIs on SCODP", 10),
    ("4.e", "Spatial Readiness", 20),
    ("5.a", "Data stories/blogs", 30),
    ("5.b", "Data-related use cases", 30),
    ("5.c", "Development of applications", 20),
    ("5.d", "Alerts & Notifications", 20),
)

_CYCLE1_CHANGES: dict[str, tuple[str, float] | None] = {
    "1.c&1.d": None,
    "1.c": ("Budget Allocation for Data Initiatives", 20),
    "1.d": ("Budget Utilisation for Data Initiatives", 20),
    "2.a": ("City Data Officer", 30),
    "3.b": ("Data Hackathons", 20),
    "4.b": ("Number of datasets on Open Data Portal", 30),
}
_CYCLE3_CHANGES: dict[str, tuple[str, float] | None] = {
    "2.d": ("Capacity Building — Ministry Initiative", 15),
    "5.a": ("Publishing ‘DataSmart’ stories", 30),
    "5.d": ("Alerts & Notifications", 10),
    "5.e": ("Data-driven budgeting", 10),
}

# Where a synthetic indicator has no text of its own in the seed, it borrows this one's.
_TEXT_SOURCE = {"1.c": "1.c&1.d", "1.d": "1.c&1.d", "5.e": "1.c&1.d"}

CYCLE_LABELS = {1: "Cycle 1.0", 2: "Cycle 2.0", 3: "DMAF 3.0"}

# (city, state, cycle); Imphal's Cycle 2 spec is the real report's content.
_REPORTS: tuple[tuple[str, str, int], ...] = (
    ("Pune", "Maharashtra", 2),
    ("Imphal", "Manipur", 2),
    ("Bhopal", "Madhya Pradesh", 1),
    ("Kochi", "Kerala", 3),
    ("Bengaluru", "Karnataka", 3),
    ("Guwahati", "Assam", 1),
    ("Surat", "Gujarat", 2),
    ("Agartala", "Tripura", 2),
    ("Pimpri-Chinchwad", "Maharashtra", 3),
    ("Port Blair", "Andaman and Nicobar Islands", 1),
    ("Pune", "Maharashtra", 1),
    ("Pune", "Maharashtra", 3),
)

# Imphal's real Cycle 2 scores (the truth file): all 0 except 2.a.
_IMPHAL_SCORES = {"2.a": 10.0}


def code_key(code: str) -> tuple[int, str]:
    """Return the sort key of a canonical code: pillar number, then letters."""
    pillar, _, rest = code.partition(".")
    return int(pillar), rest


def catalog(cycle: int) -> tuple[tuple[str, str, float], ...]:
    """Return (code, title, max score) of every indicator of a cycle, sorted by code."""
    changes = {1: _CYCLE1_CHANGES, 2: {}, 3: _CYCLE3_CHANGES}.get(cycle)
    if changes is None:
        raise ValueError(f"no catalog for cycle {cycle!r}; expected 1, 2 or 3")
    rows = {code: (title, mx) for code, title, mx in CYCLE2_CATALOG}
    for code, change in changes.items():
        if change is None:
            del rows[code]
        else:
            rows[code] = change
    return tuple((code, *rows[code]) for code in sorted(rows, key=code_key))


CANONICAL_CITY = {"Pimpri-Chinchwad": "Pimpri Chinchwad"}
"""Cities the specs print by an alias: what a report reads is the gazetteer's name (reference/cities.csv)."""


def expected(spec: ReportSpec, source_name: str) -> dict:
    """Return what a parser should extract from a rendering of ``spec`` named ``source_name``."""
    indicators = sorted(spec.indicators, key=lambda ind: code_key(ind.code))
    return {
        "source": source_name,
        "framework": spec.framework,
        "cycle": spec.cycle,
        "cycle_label": spec.cycle_label,
        "city": CANONICAL_CITY.get(spec.city, spec.city),
        "state": spec.state,
        "indicators": [
            {
                "code": ind.code,
                "title": ind.title,
                "score": None if ind.score is None else float(ind.score),
                "max_score": float(ind.max_score),
            }
            for ind in indicators
        ],
    }


def map_text(spec: ReportSpec, fn: Callable[[str], str]) -> ReportSpec:
    """Return ``spec`` with ``fn`` applied to every printed string (not to codes)."""

    def indicator(ind: IndicatorSpec) -> IndicatorSpec:
        return replace(
            ind,
            title=fn(ind.title),
            paragraphs=tuple(map(fn, ind.paragraphs)),
            bullets=tuple(map(fn, ind.bullets)),
            score_text=None if ind.score_text is None else fn(ind.score_text),
        )

    return replace(
        spec,
        city=fn(spec.city),
        state=fn(spec.state),
        cycle_label=fn(spec.cycle_label),
        framework=fn(spec.framework),
        indicators=tuple(map(indicator, spec.indicators)),
    )


def make_specs(seed: int = 0) -> list[ReportSpec]:
    """Return the fixture reports: several real Smart Cities over synthetic Cycles 1-3."""
    rng = random.Random(seed)
    specs = []
    for city, state, cycle in _REPORTS:
        if (city, cycle) == ("Imphal", 2):
            specs.append(_imphal_spec())
        else:
            specs.append(_random_spec(rng, city, state, cycle))
    return specs


def _imphal_spec() -> ReportSpec:
    """Return the real Imphal Cycle 2 report's content, with its text verbatim."""
    indicators = tuple(
        IndicatorSpec(code, title, _IMPHAL_SCORES.get(code, 0.0), mx, *SEED_TEXT[code])
        for code, title, mx in catalog(2)
    )
    return ReportSpec("Imphal", "Manipur", 2, CYCLE_LABELS[2], indicators)


def _random_spec(rng: random.Random, city: str, state: str, cycle: int) -> ReportSpec:
    """Return a spec with scores around a city-wide maturity level and shuffled seed text."""
    level = rng.uniform(0.15, 0.85)
    rows = catalog(cycle)
    none_pillars = set(rng.sample(range(1, 6), k=rng.choice((0, 1, 2))))
    indicators = []
    for code, title, mx in rows:
        paragraphs, bullets = _text_for(rng, code)
        score = _score(rng, level, mx)
        indicators.append(IndicatorSpec(code, title, score, mx, paragraphs, bullets))
    indicators = _with_nones(rng, indicators, none_pillars)
    indicators = _with_decimal(rng, indicators)
    indicators = _with_score_text(rng, indicators)
    return ReportSpec(city, state, cycle, CYCLE_LABELS[cycle], tuple(indicators))


def _score(rng: random.Random, level: float, max_score: float) -> float:
    """Return a score near ``level`` × max: a multiple of 5, or now and then of 2.5."""
    raw = min(max(rng.gauss(level, 0.3), 0.0), 1.0) * max_score
    step = 2.5 if rng.random() < 0.1 else 5.0
    return float(round(raw / step) * step)


def _with_nones(
    rng: random.Random, indicators: list[IndicatorSpec], pillars: set[int]
) -> list[IndicatorSpec]:
    """Return indicators with one score per listed pillar set to None (printed "NA")."""
    out = list(indicators)
    for pillar in sorted(pillars):
        positions = [i for i, ind in enumerate(out) if ind.pillar == pillar]
        i = rng.choice(positions)
        out[i] = replace(out[i], score=None)
    return out


def _with_decimal(rng: random.Random, indicators: list[IndicatorSpec]) -> list[IndicatorSpec]:
    """Return indicators with at least one score that is an odd multiple of 2.5."""
    if any(ind.score is not None and not ind.score.is_integer() for ind in indicators):
        return indicators
    out = list(indicators)
    i = rng.choice([i for i, ind in enumerate(out) if ind.score is not None])
    odd_halves = [k * 2.5 for k in range(1, int(out[i].max_score / 2.5), 2)]
    out[i] = replace(out[i], score=rng.choice(odd_halves))
    return out


def _with_score_text(rng: random.Random, indicators: list[IndicatorSpec]) -> list[IndicatorSpec]:
    """Return indicators where about one in twelve prints its score in its own words."""
    forms = ("Score: {s}/{m} marks", "Score obtained: {s}/{m}", "Score: {s} marks out of {m}")
    out = []
    for ind in indicators:
        if ind.score is not None and rng.random() < 1 / 12:
            text = rng.choice(forms).format(s=fmt_num(ind.score), m=fmt_num(ind.max_score))
            ind = replace(ind, score_text=text)
        out.append(ind)
    return out


def _text_for(rng: random.Random, code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return shuffled seed paragraphs and bullets for an indicator code.

    The first sentence stays first; a sentence ending in ":" (it introduces the bullets) closes
    the first paragraph.
    """
    paragraphs, bullets = SEED_TEXT[_TEXT_SOURCE.get(code, code)]
    sentences = [s for p in paragraphs for s in split_sentences(p)]
    head, rest = sentences[0], [s for s in sentences[1:] if not s.endswith(":")]
    intro = [s for s in sentences[1:] if s.endswith(":")]
    rng.shuffle(rest)
    if not bullets and len(rest) >= 4 and rng.random() < 0.3:
        bullets, rest = tuple(rest[:3]), rest[3:]
    elif bullets:
        bullets = tuple(rng.sample(bullets, k=max(3, len(bullets) - rng.randint(0, 2))))
    cut = rng.randint(1, max(1, len(rest)))
    groups = [[head, *rest[:cut], *intro], rest[cut:]]
    return tuple(" ".join(g) for g in groups if g), bullets
