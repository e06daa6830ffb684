"""Indicator catalogs of the three DMAF cycles, fixed once for the fuzzer.

Cycle 2 is the real catalog. Cycles 1 and 3 are invented (other titles, some
indicators added or removed, separate 1.c and 1.d in cycle 1). In every cycle
the letters are contiguous per pillar and each pillar's maxima add up to 100.
RETITLES / ABBREVIATIONS hold the printed variants of cycle-2 titles.
"""

from __future__ import annotations

from dataclasses import dataclass

PILLARS: dict[int, str] = {1: "Policy", 2: "People", 3: "Process", 4: "Technology", 5: "Outcomes"}
FRAMEWORK = "Data Maturity Assessment Framework"


@dataclass(frozen=True)
class Entry:
    """One catalog indicator; `parts` is ("1.c", "1.d") for a combined one."""

    code: str
    parts: tuple[str, ...]
    title: str
    max_score: float
    topic: str

    @property
    def pillar(self) -> int:
        return int(self.code.split(".")[0])


def _e(code: str, title: str, mx: float, topic: str) -> Entry:
    parts = tuple(code.split("&"))
    return Entry(code, parts, title, float(mx), topic)


CYCLE2: tuple[Entry, ...] = (
    _e("1.a", "Approval of City Data Policy", 30, "policy"),
    _e("1.b", "City Data Policy Components", 30, "policy_components"),
    _e("1.c&1.d", "Budget for data-related initiatives", 40, "budget"),
    _e("2.a", "City Data Officer (CDO)", 30, "cdo"),
    _e("2.b", "Appointment of Data Coordinators", 20, "coordinators"),
    _e("2.c", "Data Team", 20, "team"),
    _e("2.d", "Capacity Building – Ministry Initiative", 15, "capacity_ministry"),
    _e("2.e", "Capacity Building – City Initiative", 15, "capacity_city"),
    _e("3.a", "City Data Alliances", 30, "alliances"),
    _e("3.b", "Data Hackathons/ Data Challenges", 20, "hackathon"),
    _e("3.c", "Solving urban challenges using data", 30, "challenges"),
    _e("3.d", "Analytics capability", 20, "analytics"),
    _e("4.a", "Sensors for data collection", 10, "sensors"),
    _e("4.b", "Number of datasets on SCODP", 30, "datasets"),
    _e("4.c", "Schedule for Updating Datasets on SCODP", 30, "update"),
    _e("4.d", "Number of APIs on SCODP", 10, "api"),
    _e("4.e", "Spatial Readiness", 20, "gis"),
    _e("5.a", "Data stories/blogs", 30, "stories"),
    _e("5.b", "Data-related use cases", 30, "usecases"),
    _e("5.c", "Development of applications", 20, "apps"),
    _e("5.d", "Alerts & Notifications", 20, "alerts"),
)

CYCLE1: tuple[Entry, ...] = (
    _e("1.a", "Data Policy Formulation", 25, "policy"),
    _e("1.b", "Data Sharing Guidelines", 25, "policy_components"),
    _e("1.c", "Budget Allocation for Data Initiatives", 25, "budget"),
    _e("1.d", "Utilisation of Data Budget", 25, "budget"),
    _e("2.a", "Appointment of City Data Officer", 40, "cdo"),
    _e("2.b", "Data Champions in Departments", 30, "coordinators"),
    _e("2.c", "Training of Data Personnel", 30, "capacity_city"),
    _e("3.a", "Data Inventory and Cataloguing", 20, "datasets"),
    _e("3.b", "Data Quality Assessment", 20, "update"),
    _e("3.c", "Stakeholder Engagement", 20, "alliances"),
    _e("3.d", "Open Data Publishing Process", 20, "datasets"),
    _e("3.e", "Data Security and Privacy Protocols", 20, "policy_components"),
    _e("4.a", "Data Infrastructure", 25, "sensors"),
    _e("4.b", "Datasets Published on Open Data Portal", 35, "datasets"),
    _e("4.c", "Geographic Information System (GIS)", 20, "gis"),
    _e("4.d", "Integrated Command and Control Centre", 20, "sensors"),
    _e("5.a", "Data-driven Decision Making", 40, "challenges"),
    _e("5.b", "Citizen Services using Data", 30, "apps"),
    _e("5.c", "Data Use Cases Documented", 30, "usecases"),
)

CYCLE3: tuple[Entry, ...] = (
    _e("1.a", "City Data Policy Notification", 25, "policy"),
    _e("1.b", "Data Governance Framework", 25, "policy_components"),
    _e("1.c", "Data Budget", 30, "budget"),
    _e("1.d", "Data Privacy Guidelines", 20, "policy_components"),
    _e("2.a", "City Data Officer", 25, "cdo"),
    _e("2.b", "Departmental Data Coordinators", 20, "coordinators"),
    _e("2.c", "Data Cell", 20, "team"),
    _e("2.d", "Capacity Building Programmes", 20, "capacity_ministry"),
    _e("2.e", "Data Literacy for Citizens", 15, "capacity_city"),
    _e("3.a", "Data Alliances and Partnerships", 25, "alliances"),
    _e("3.b", "Innovation Challenges", 20, "hackathon"),
    _e("3.c", "Data-driven Problem Solving", 25, "challenges"),
    _e("3.d", "Advanced Analytics", 15, "analytics"),
    _e("3.e", "Data Quality Management", 15, "update"),
    _e("4.a", "IoT Sensor Network", 15, "sensors"),
    _e("4.b", "Datasets on Open Data Portal", 25, "datasets"),
    _e("4.c", "Dataset Update Frequency", 20, "update"),
    _e("4.d", "APIs and Data Services", 15, "api"),
    _e("4.e", "Geospatial Platform", 15, "gis"),
    _e("4.f", "Data Exchange Integration", 10, "api"),
    _e("5.a", "Published Data Stories", 25, "stories"),
    _e("5.b", "Implemented Use Cases", 30, "usecases"),
    _e("5.c", "Citizen Applications", 25, "apps"),
    _e("5.d", "Public Alerts and Dashboards", 20, "alerts"),
)

CATALOGS: dict[int, tuple[Entry, ...]] = {1: CYCLE1, 2: CYCLE2, 3: CYCLE3}

# Small wording differences seen across offices (cycle 2 only; truth keeps the catalog title).
RETITLES: dict[str, tuple[str, ...]] = {
    "1.a": ("City Data Policy Approval", "Approval of the City Data Policy"),
    "1.b": ("Components of City Data Policy", "City Data Policy - Components"),
    "1.c&1.d": ("Budget for Data-Related Initiatives", "Budget for data related initiatives"),
    "2.a": ("Appointment of City Data Officer (CDO)", "City Data Officer"),
    "2.b": ("Appointment of Data Co-ordinators", "Data Coordinators"),
    "2.c": ("City Data Team", "Data Team"),
    "2.d": ("Capacity Building - Ministry Initiative", "Capacity Building (Ministry Initiative)"),
    "2.e": ("Capacity Building - City Initiative", "Capacity Building (City Initiative)"),
    "3.a": ("City Data Alliance(s)", "City Data Alliance"),
    "3.b": ("Data Hackathons / Data Challenges", "Data Hackathons/Data Challenges"),
    "3.c": ("Solving Urban Challenges using Data", "Solving urban challenges through data"),
    "3.d": ("Analytics Capability", "Data Analytics Capability"),
    "4.a": ("Sensors for Data Collection", "Sensors for data-collection"),
    "4.b": ("Number of Datasets on SCODP", "Datasets on SCODP"),
    "4.c": ("Schedule for updating datasets on SCODP", "Dataset Updation Schedule on SCODP"),
    "4.d": ("Number of APIs on the SCODP", "APIs on SCODP"),
    "4.e": ("Spatial readiness", "Geo-spatial Readiness"),
    "5.a": ("Data Stories / Blogs", "Data Stories and Blogs"),
    "5.b": ("Data Related Use Cases", "Data-related Use-cases"),
    "5.c": ("Development of Applications", "Application Development"),
    "5.d": ("Alerts and Notifications", "Alerts & Notification"),
}

ABBREVIATIONS: dict[str, str] = {
    "1.a": "Approval of CDP",
    "1.b": "CDP Components",
    "1.c&1.d": "Data Budget",
    "2.a": "CDO",
    "2.b": "Data Coordinators",
    "2.c": "Data Team",
    "2.d": "Cap. Building – Ministry",
    "2.e": "Cap. Building – City",
    "3.a": "Data Alliances",
    "3.b": "Hackathons",
    "3.c": "Urban Challenges",
    "3.d": "Analytics",
    "4.a": "Sensors",
    "4.b": "No. of Datasets (SCODP)",
    "4.c": "Update Schedule (SCODP)",
    "4.d": "No. of APIs (SCODP)",
    "4.e": "Spatial Readiness",
    "5.a": "Data Stories",
    "5.b": "Use Cases",
    "5.c": "Applications",
    "5.d": "Alerts",
}


def _validate() -> None:
    for cycle, entries in CATALOGS.items():
        for p in PILLARS:
            rows = [e for e in entries if e.pillar == p]
            assert sum(e.max_score for e in rows) == 100, (cycle, p)
            letters = [part.split(".")[1] for e in rows for part in e.parts]
            assert letters == [chr(ord("a") + i) for i in range(len(letters))], (cycle, p)
            assert all(part.startswith(f"{p}.") for e in rows for part in e.parts)


_validate()
