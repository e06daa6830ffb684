"""What a held-out report says, independent of how it is printed: cities, cycles, indicators, scores.

Written apart from ``tests/corpus`` on purpose (other cities, other indicator sets for cycles 1
and 3, other wording), so that the parser is measured on content its authors did not generate.
``expected(spec, printed)`` is the answer key, computed from the spec, never by running the parser.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

FRAMEWORK = "Data Maturity Assessment Framework"


@dataclass(frozen=True)
class Item:
    """One indicator: canonical code ("2.a", "1.c&1.d"), title, score (None = not assessed), maximum."""

    code: str
    title: str
    score: float | None
    max_score: float
    text: tuple[str, ...]  # recommendation sentences
    steps: tuple[str, ...]  # numbered recommendations

    @property
    def pillar(self) -> int:
        """Return the pillar number the code carries."""
        return int(self.code.split(".", 1)[0])


@dataclass(frozen=True)
class Report:
    """One city's report for one cycle; ``key`` makes file names unique."""

    key: str
    city: str
    state: str
    cycle: int
    items: tuple[Item, ...]


PILLARS = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}

# The real Cycle 2 framework (the published list; each pillar 100 marks).
CYCLE2: tuple[tuple[str, str, float], ...] = (
    ("1.a", "Approval of City Data Policy", 30), ("1.b", "City Data Policy Components", 30),
    ("1.c&1.d", "Budget for data-related initiatives", 40),
    ("2.a", "City Data Officer (CDO)", 30), ("2.b", "Appointment of Data Coordinators", 20),
    ("2.c", "Data Team", 20), ("2.d", "Capacity Building – Ministry Initiative", 15),
    ("2.e", "Capacity Building – City Initiative", 15),
    ("3.a", "City Data Alliances", 30), ("3.b", "Data Hackathons/ Data Challenges", 20),
    ("3.c", "Solving urban challenges using data", 30), ("3.d", "Analytics capability", 20),
    ("4.a", "Sensors for data collection", 10), ("4.b", "Number of datasets on SCODP", 30),
    ("4.c", "Schedule for Updating Datasets on SCODP", 30), ("4.d", "Number of APIs on SCODP", 10),
    ("4.e", "Spatial Readiness", 20),
    ("5.a", "Data stories/blogs", 30), ("5.b", "Data-related use cases", 30),
    ("5.c", "Development of applications", 20), ("5.d", "Alerts & Notifications", 20),
)
# Invented for the held-out set: other counts per pillar and other maxima than tests/corpus uses.
CYCLE1: tuple[tuple[str, str, float], ...] = (
    ("1.a", "Data Policy drafted and notified", 40), ("1.b", "Data Sharing Guidelines", 30),
    ("1.c", "Data Budget Head", 30),
    ("2.a", "Chief Data Officer appointed", 25), ("2.b", "Departmental Data Champions", 25),
    ("2.c", "Data Cell staffing", 25), ("2.d", "Training of officials", 25),
    ("3.a", "Data Inventory", 40), ("3.b", "Data Quality Process", 30), ("3.c", "Open Data Challenges", 30),
    ("4.a", "IoT Sensor Network", 20), ("4.b", "Datasets published on the portal", 20),
    ("4.c", "Dataset refresh frequency", 20), ("4.d", "APIs exposed", 20), ("4.e", "GIS Layers", 20),
    ("5.a", "Data-driven Decisions", 50), ("5.b", "Citizen-facing Dashboards", 25),
    ("5.c", "Published Case Studies", 25),
)
CYCLE3: tuple[tuple[str, str, float], ...] = (
    ("1.a", "City Data Policy in force", 25), ("1.b", "Data Policy implementation plan", 25),
    ("1.c", "Dedicated data budget", 25), ("1.d", "Data privacy safeguards", 25),
    ("2.a", "City Data Officer – full time", 30), ("2.b", "Data Coordinators in every department", 20),
    ("2.c&2.d", "Data team and capacity building", 50),
    ("3.a", "Partnerships with academia", 25), ("3.b", "Data challenges & hackathons", 25),
    ("3.c", "Use of analytics in governance", 25), ("3.d", "Integrated Command & Control Centre data use", 25),
    ("4.a", "Sensor coverage", 15), ("4.b", "Datasets on the open data portal", 20),
    ("4.c", "Timeliness of dataset updates", 20), ("4.d", "APIs published", 15), ("4.e", "Geospatial layers", 15),
    ("4.f", "Data interoperability standards", 15),
    ("5.a", "Data stories published", 20), ("5.b", "Use cases in service delivery", 20),
    ("5.c", "Applications built on city data", 20), ("5.d", "Citizen alerts", 20),
    ("5.e", "Outcome monitoring framework", 20),
)
FRAMEWORKS = {1: CYCLE1, 2: CYCLE2, 3: CYCLE3}

CITIES: tuple[tuple[str, str], ...] = (
    ("Nagpur", "Maharashtra"), ("Indore", "Madhya Pradesh"), ("Varanasi", "Uttar Pradesh"),
    ("Coimbatore", "Tamil Nadu"), ("Visakhapatnam", "Andhra Pradesh"), ("Jaipur", "Rajasthan"),
    ("Hubballi-Dharwad", "Karnataka"), ("Srinagar", "Jammu and Kashmir"), ("Shillong", "Meghalaya"),
    ("Kohima", "Nagaland"), ("Dehradun", "Uttarakhand"), ("Raipur", "Chhattisgarh"), ("Ranchi", "Jharkhand"),
    ("Bhubaneswar", "Odisha"), ("Thiruvananthapuram", "Kerala"), ("Chandigarh", "Chandigarh"),
    ("Gangtok", "Sikkim"), ("Aizawl", "Mizoram"), ("Kalyan-Dombivli", "Maharashtra"), ("Ahmedabad", "Gujarat"),
    ("Lucknow", "Uttar Pradesh"), ("Tumakuru", "Karnataka"), ("Itanagar", "Arunachal Pradesh"),
    ("Puducherry", "Puducherry"), ("Silvassa", "Dadra and Nagar Haveli and Daman and Diu"),
)

_OPENERS = (
    "The assessment found that {topic} is at an early stage in the city.",
    "Evidence submitted by the city shows partial progress on {topic}.",
    "The city has taken first steps towards {topic}, but the effort is not yet institutionalised.",
    "No documentary evidence was available on {topic} at the time of the assessment.",
    "The city performs well on {topic} compared with its peers.",
)
_FOLLOW = (
    "It is suggested that the Smart City SPV works with the municipal corporation to assign clear ownership.",
    "A time-bound action plan, reviewed every quarter by the CEO, would help sustain the momentum.",
    "The city may refer to the guidelines issued by MoHUA and to the practices of the leading cities.",
    "Data collected by line departments should be catalogued and shared through the city portal.",
    "Progress should be documented so that it can be verified in the next assessment.",
)
_STEPS = (
    "Notify a nodal officer for {topic} within the next three months",
    "Prepare a budget estimate and include it in the annual plan",
    "Conduct a workshop with department heads on {topic}",
    "Publish the outcome on the city website and the open data portal",
    "Track progress in the monthly review meeting of the SPV",
    "Document at least two examples of {topic} for the next cycle",
)


def _score(rng: random.Random, maximum: float) -> float:
    """Return a plausible score: mostly multiples of 5, sometimes a half mark."""
    steps = int(maximum // 5)
    value = 5.0 * rng.randint(0, steps)
    if rng.random() < 0.15 and value + 2.5 <= maximum:
        value += 2.5
    return value


def _item(rng: random.Random, code: str, title: str, maximum: float) -> Item:
    """Return one indicator with random score and text."""
    topic = title.lower()
    text = (rng.choice(_OPENERS).format(topic=topic), rng.choice(_FOLLOW))
    steps = tuple(s.format(topic=topic) for s in rng.sample(_STEPS, rng.randint(2, 4)))
    return Item(code, title, _score(rng, maximum), float(maximum), text, steps)


def make_reports(seed: int = 7, count: int = 24) -> list[Report]:
    """Return ``count`` deterministic reports over cycles 1-3 (a few scores not assessed)."""
    rng = random.Random(seed)
    reports = []
    for n in range(count):
        city, state = CITIES[n % len(CITIES)]
        cycle = (2, 1, 3)[n % 3]
        items = [_item(rng, *row) for row in FRAMEWORKS[cycle]]
        if n % 4 == 1:  # one indicator not assessed, never two in a pillar
            k = rng.randrange(len(items))
            items[k] = replace(items[k], score=None)
        slug = city.lower().replace("-", "_").replace(" ", "_")
        reports.append(Report(f"{slug}_c{cycle}_{n:02d}", city, state, cycle, tuple(items)))
    return reports


def pillar_total(report: Report, pillar: int) -> tuple[float, float]:
    """Return (score, max) of one pillar (not-assessed counts as 0)."""
    members = [i for i in report.items if i.pillar == pillar]
    return sum(i.score or 0.0 for i in members), sum(i.max_score for i in members)


def expected(report: Report, *, source: str, cycle_label: str, titles: dict[str, str] | None = None) -> dict:
    """Return the answer key of a rendered report, in the shape of tests/corpus expected JSON.

    ``titles`` overrides printed titles by code (an upper-case layout prints them upper-case).
    """
    titles = titles or {}
    return {
        "source": source,
        "framework": FRAMEWORK,
        "cycle": report.cycle,
        "cycle_label": cycle_label,
        "city": report.city,
        "state": report.state,
        "indicators": [
            {"code": i.code, "title": titles.get(i.code, i.title), "score": i.score, "max_score": i.max_score}
            for i in sorted(report.items, key=lambda i: (i.pillar, i.code))
        ],
    }
