"""Data-quality rules as data: each ``Rule`` checks one normalised report and yields findings.

Findings become ``quality_issue`` rows of the report version, in the load's transaction. They never block
a load: a report that cannot be placed (no city or cycle) is refused by ``loaders.load`` before any rule
runs; everything else loads and carries its issues (see the ``quality_issues`` view).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection

from core.statuses import ScoreStatus, Severity
from loaders.normalise import NormalisedReport
from reference.arithmetic import adds_up, remaining_max, within_range
from reference.catalog import Catalog, CatalogIndicator, load_catalog
from warehouse.models import QualityIssue


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found: which rule, how bad, what (a message naming the place), which indicator."""

    rule: str
    severity: Severity
    message: str
    indicator: str | None = None


@dataclass(frozen=True)
class Subject:
    """What the rules look at: the report's document attributes, its indicator rows and the catalog."""

    document: dict[str, Any]
    indicators: list[dict[str, Any]]
    warnings: list[dict[str, Any]]
    catalog: Catalog

    @classmethod
    def of(cls, norm: NormalisedReport, catalog: Catalog) -> Subject:
        """Return the subject of one normalised report."""
        return cls(norm.document, norm.indicator_records, norm.warning_records, catalog)

    @property
    def expected(self) -> dict[str, CatalogIndicator]:
        """Return the catalog indicators of the report's cycle (empty for a cycle without a catalog)."""
        return self.catalog.indicators_for(self.document["cycle"])


Check = Callable[[Subject], Iterator[tuple[str, str | None]]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: a stable name, the severity of its findings, what it checks, and the check."""

    name: str
    severity: Severity
    description: str
    check: Check

    def run(self, subject: Subject) -> list[Finding]:
        """Return this rule's findings for one report."""
        return [Finding(self.name, self.severity, message, code) for message, code in self.check(subject)]


def _num(value: float) -> str:
    """Format a score without a needless ".0"."""
    return f"{value:g}"


def _where(row: dict[str, Any]) -> str:
    """Return " (at <location>)" for an indicator row, or ""."""
    place = row.get("score_location") or row.get("heading_location")
    return f" (at {place})" if place else ""


def _score_within_range(s: Subject) -> Iterator[tuple[str, str | None]]:
    """Scores are between 0 and the indicator's maximum."""
    for row in s.indicators:
        score, top = row["score"], row["max_score"] if row["max_score"] is not None else row["catalog_max_score"]
        if score is None:
            continue
        if not within_range(score, top):
            limit = f"0..{_num(top)}" if top is not None else "0 or more"
            yield f"indicator {row['code']}: score {_num(score)} is outside {limit}{_where(row)}", row["code"]


def _max_matches_catalog(s: Subject) -> Iterator[tuple[str, str | None]]:
    """A printed maximum equals the catalog's maximum for that indicator."""
    for row in s.indicators:
        printed, known = row["max_score"], row["catalog_max_score"]
        if row["in_catalog"] and printed is not None and known is not None and not adds_up(printed, known):
            yield (f"indicator {row['code']}: printed maximum {_num(printed)} differs from the catalog's "
                   f"{_num(known)} for cycle {s.document['cycle']}{_where(row)}"), row["code"]


def _duplicate_indicator(s: Subject) -> Iterator[tuple[str, str | None]]:
    """An indicator appears once per report (a repeat is reported by normalisation; the first is loaded)."""
    for warning in s.warnings:
        if warning["code"] == "duplicate_indicator":
            place = f" (at {warning['location']})" if warning.get("location") else ""
            yield (f"indicator {warning['indicator']} appears more than once; the first occurrence is "
                   f"loaded{place}"), warning["indicator"]


def _pillar_totals_match(s: Subject) -> Iterator[tuple[str, str | None]]:
    """A printed pillar (or overall) total equals the sum of the indicator scores loaded for it."""
    for total in s.document["printed_totals"]:
        pillar = total["pillar_no"]
        rows = [r for r in s.indicators if pillar is None or r["pillar_no"] == pillar]
        found = sum(r["score"] or 0.0 for r in rows)
        label = "overall total" if pillar is None else f"pillar {pillar} total"
        if not adds_up(found, total["score"]):
            yield (f"printed {label} {_num(total['score'])}/{_num(total['max_score'])} but the indicator "
                   f"scores add up to {_num(found)}"), None


def _indicator_max(row: dict[str, Any]) -> float | None:
    """Return an indicator row's maximum: the printed one, else the catalog's (None when neither is known)."""
    return row["max_score"] if row["max_score"] is not None else row["catalog_max_score"]


def _position(code: str) -> int | None:
    """Return where a one-part code stands in its pillar ("5.c" -> 3, "5.3" -> 3), or None ("1.c&1.d" -> None)."""
    part = code.partition(".")[2]
    if len(part) == 1 and "a" <= part <= "z":
        return ord(part) - ord("a") + 1
    return int(part) if part.isdigit() else None


def _positions(code: str) -> list[int]:
    """Return the positions a code covers ("1.c&1.d" -> [3, 4]); empty when one part is not a letter or number."""
    found = [_position(part) for part in code.split("&")]
    return [] if None in found else [n for n in found if n is not None]


def _some(n: int) -> str:
    """Return "an indicator" or "<n> indicators"."""
    return "an indicator" if n == 1 else f"{n} indicators"


def _letter_gaps(pillar: int, codes: list[str]) -> str:
    """Return where a pillar's codes skip a place ("an indicator between 5.b and 5.d"), else "an indicator
    after" the last one; just "an indicator" when the codes are not letters or numbers."""
    places = sorted({n for code in codes for n in _positions(code)})
    if not places:
        return "an indicator"
    numeric = all(part.partition(".")[2].isdigit() for code in codes for part in code.split("&"))

    def at(n: int) -> str:
        return f"{pillar}.{n}" if numeric else f"{pillar}.{chr(ord('a') + n - 1)}"

    gaps = [f"{_some(places[0] - 1)} before {at(places[0])}"] if places[0] > 1 else []
    gaps += [f"{_some(high - low - 1)} between {at(low)} and {at(high)}"
             for low, high in pairwise(places) if high - low > 1]
    return " or ".join(gaps) if gaps else f"an indicator after {at(places[-1])}"


def _pillar_maxima_add_up(s: Subject) -> Iterator[tuple[str, str | None]]:
    """Each pillar's indicator maxima (printed, else the catalog's) add up to the pillar's maximum; a shortfall
    names the indicators likely lost (the catalog's, or the gap in the letters for a cycle without one)."""
    cycle, expected = s.document["cycle"], s.expected
    by_pillar: dict[int, list[dict[str, Any]]] = {}
    for row in s.indicators:
        if row["pillar_no"] is not None:
            by_pillar.setdefault(row["pillar_no"], []).append(row)
    for pillar, rows in sorted(by_pillar.items()):
        maxima = [_indicator_max(row) for row in rows]
        if None in maxima:  # an indicator of unknown maximum: the pillar cannot be added up
            continue
        total, pillar_max = sum(maxima), s.catalog.pillar_max(cycle, pillar)
        if adds_up(total, pillar_max):
            continue
        head = f"pillar {pillar}: indicator maxima add up to {_num(total)}, not {_num(pillar_max)}"
        gap = remaining_max(pillar_max, maxima)
        if gap is None:
            yield (f"{head}; more than the pillar holds: an indicator read twice, one not of this pillar, or a "
                   "wrong maximum"), None
            continue
        if expected:
            present = {row["code"] for row in rows}
            lost = [e for code, e in sorted(expected.items()) if e.pillar_no == pillar and code not in present]
            if lost:
                named = ", ".join(f"{e.code} {e.title} ({_num(e.max_score)})" for e in lost)
                yield f"{head}; likely lost: {named}", lost[0].code if len(lost) == 1 else None
            else:
                yield f"{head}; no catalog indicator is missing, so a maximum was likely misread", None
        else:
            yield f"{head}; likely lost: {_letter_gaps(pillar, [r['code'] for r in rows])}, {_num(gap)} marks", None


def _catalog_indicator_present(s: Subject) -> Iterator[tuple[str, str | None]]:
    """Every indicator of the cycle's catalog is in the report (cycles without a catalog are not checked)."""
    present = {r["code"] for r in s.indicators}
    for code, entry in sorted(s.expected.items()):
        if code not in present:
            yield (f"indicator {code} ({entry.title}) of the cycle {s.document['cycle']} catalog is missing "
                   "from the report"), code


def _indicator_in_catalog(s: Subject) -> Iterator[tuple[str, str | None]]:
    """Every indicator of a cycle that has a catalog is in that catalog."""
    if not s.expected:
        return
    for row in s.indicators:
        if not row["in_catalog"]:
            yield (f"indicator {row['code']} ({row['title']}) is not in the cycle {s.document['cycle']} "
                   f"catalog; loaded as printed{_where(row)}"), row["code"]


def _score_present(s: Subject) -> Iterator[tuple[str, str | None]]:
    """Every indicator has a score, unless the report says it was not assessed."""
    for row in s.indicators:
        if row["score_status"] == ScoreStatus.MISSING:
            yield f"indicator {row['code']}: no score could be read{_where(row)}", row["code"]


def _score_assessed(s: Subject) -> Iterator[tuple[str, str | None]]:
    """Information: indicators the report prints as not assessed ("NA")."""
    for row in s.indicators:
        if row["score_status"] == ScoreStatus.NOT_ASSESSED:
            yield f"indicator {row['code']} is printed as not assessed{_where(row)}", row["code"]


def _city_known(s: Subject) -> Iterator[tuple[str, str | None]]:
    """The printed city is one of the 100 Smart Cities (an unknown one is loaded as printed, not guessed)."""
    doc = s.document
    if doc["city"] and not doc["city_known"]:
        state = f", {doc['printed_state']}" if doc.get("printed_state") else ""
        yield (f"city {doc['printed_city']!r}{state} is not in the gazetteer of Smart Cities; "
               "loaded as printed"), None


def _has_indicators(s: Subject) -> Iterator[tuple[str, str | None]]:
    """A report has at least one indicator."""
    if not s.indicators:
        yield "the report has no indicators; nothing of it shows in the score views", None


RULES: tuple[Rule, ...] = (
    Rule("has_indicators", Severity.ERROR, "the report has at least one indicator", _has_indicators),
    Rule("score_within_range", Severity.ERROR, "every score is between 0 and its maximum", _score_within_range),
    Rule("pillar_total_matches", Severity.ERROR, "printed pillar/overall totals equal the sum of the indicator scores",
         _pillar_totals_match),
    Rule("pillar_maxima_add_up", Severity.ERROR, "each pillar's indicator maxima add up to the pillar's maximum",
         _pillar_maxima_add_up),
    Rule("max_matches_catalog", Severity.WARNING, "printed maxima equal the catalog's", _max_matches_catalog),
    Rule("duplicate_indicator", Severity.WARNING, "no indicator appears twice in a report", _duplicate_indicator),
    Rule("catalog_indicator_present", Severity.WARNING, "every catalog indicator of the cycle is in the report",
         _catalog_indicator_present),
    Rule("score_present", Severity.WARNING, "every indicator has a score or is printed as not assessed", _score_present),
    Rule("city_known", Severity.WARNING, "the city is one of the 100 Smart Cities", _city_known),
    Rule("indicator_in_catalog", Severity.INFO, "every indicator is in the cycle's catalog (when there is one)",
         _indicator_in_catalog),
    Rule("score_assessed", Severity.INFO, "indicators printed as not assessed", _score_assessed),
)
"""Every rule, in the order findings are recorded."""


def check_report(norm: NormalisedReport, *, catalog: Catalog | None = None,
                 rules: Sequence[Rule] = RULES) -> list[Finding]:
    """Return every finding of ``rules`` for one normalised report (pure, deterministic order)."""
    subject = Subject.of(norm, catalog or load_catalog())
    return [finding for rule in rules for finding in rule.run(subject)]


def record_quality(conn: Connection, norm: NormalisedReport, *, version_id: int, catalog: Catalog | None = None,
                   rules: Sequence[Rule] = RULES) -> int:
    """Insert the report version's findings as ``quality_issue`` rows; return how many."""
    rows = [
        {"report_version_id": version_id, "severity": str(f.severity), "rule": f.rule, "message": f.message,
         "indicator": f.indicator}
        for f in check_report(norm, catalog=catalog, rules=rules)
    ]
    if rows:
        conn.execute(QualityIssue.__table__.insert(), rows)
    return len(rows)
