"""Shared pieces of blind set H: cities, invented scores, number/rank formatting, titles, truth rows.

Every score is held in tenths of a mark (an int) so that sums and ties are exact; it is turned into a float
only when the truth is written.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # /work/main
CITIES_CSV = ROOT / "reference" / "cities.csv"

PILLARS = ["Policy", "People", "Process", "Technology", "Outcomes"]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def load_cities() -> list[dict]:
    out = []
    with open(CITIES_CSV, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            aliases = [a.strip() for a in (rec.get("aliases") or "").split("|") if a.strip()]
            out.append({"city": rec["city"].strip(), "state": rec["state"].strip(),
                        "region": rec["region"].strip(), "aliases": aliases})
    return out


CITIES = load_cities()


@dataclass
class Row:
    city: str
    state: str
    region: str
    name: str                       # the name as printed (canonical or an alias)
    p: list[int]                    # five pillar scores in tenths
    total: int = 0                  # true sum in tenths
    printed_total: int = 0          # what the document prints (differs from total on a trap row)
    rank: int = 0
    tied: bool = False
    trap: bool = False
    na: bool = False                # listed but not assessed: no numbers at all
    extra: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------------------------- data

def _clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


def make_rows(rng, *, n: int | None = None, lo: int = 20, hi: int = 60, unit: int = 1,
              alias_p: float = 0.0, ties: int | None = None, short_alias: bool = True) -> list[Row]:
    """Invent ``n`` cities (20..60) with five pillars each; ``unit`` in tenths (1 = 0.1, 5 = 0.5, 10 = 1)."""
    if n is None:
        n = rng.randint(lo, hi)
    picks = rng.sample(CITIES, n)
    rows = []
    for c in picks:
        q = rng.uniform(25, 86)
        p = []
        for _ in range(5):
            x = rng.gauss(q, 10)
            for _ in range(30):
                if 3 <= x <= 99.5:
                    break
                x = rng.gauss(q, 10)
            x = _clamp(x, 3, 99.5)
            if rng.random() < 0.005:
                x = 100.0
            v = int(round(x * 10 / unit)) * unit
            p.append(int(_clamp(v, 0, 1000)))
        name = c["city"]
        if c["aliases"] and rng.random() < alias_p:
            options = [a for a in c["aliases"] if len(a) <= 22] if short_alias else c["aliases"]
            if options:
                name = rng.choice(options)
        rows.append(Row(city=c["city"], state=c["state"], region=c["region"], name=name, p=p))
    # deliberate ties: a city near another in total gets its pillars nudged to the same sum
    k = rng.choice([1, 2, 2, 3]) if ties is None else ties
    for _ in range(k):
        _tie(rng, rows, unit, rng.choice([2, 2, 2, 3]) if n > 6 else 2)
    for r in rows:
        r.total = sum(r.p)
        r.printed_total = r.total
    rank_rows(rows)
    return rows


def _tie(rng, rows: list[Row], unit: int, size: int) -> None:
    """Make ``size`` cities adjacent in total share one total by nudging pillars (multiples of ``unit``)."""
    order = sorted(range(len(rows)), key=lambda i: -sum(rows[i].p))
    start = rng.randrange(0, len(order) - size + 1)
    group = order[start:start + size]
    target = sum(rows[group[0]].p)
    for gi in group[1:]:
        p = rows[gi].p
        diff = target - sum(p)
        guard = 0
        while diff and guard < 10000:
            guard += 1
            j = rng.randrange(5)
            step = unit if diff > 0 else -unit
            if abs(diff) >= 10 * unit and rng.random() < 0.6:
                step *= 5
            if 0 <= p[j] + step <= 985 and abs(step) <= abs(diff):
                p[j] += step
                diff -= step
        rows[gi].p = p


def rank_rows(rows: list[Row]) -> None:
    """Standard competition ranking by total, descending (1, 2, 2, 4); not-assessed rows get no rank."""
    scored = [r for r in rows if not r.na]
    for r in scored:
        r.rank = 1 + sum(1 for o in scored if o.total > r.total)
    for r in scored:
        r.tied = sum(1 for o in scored if o.rank == r.rank) > 1


def by_rank(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (r.na, r.rank if not r.na else 10 ** 6, r.name))


def by_name(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: r.name.lower())


def by_state(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (r.state, r.rank if not r.na else 10 ** 6, r.name))


def add_trap(rng, rows: list[Row]) -> Row:
    """Misprint one row's total (the rank stays as published)."""
    cands = [r for r in rows if 3 <= r.rank <= len(rows) - 2 and not r.na] or [r for r in rows if not r.na]
    r = rng.choice(cands)
    t = r.total
    for _ in range(50):
        how = rng.choice(["swap", "ten", "one", "hundred"])
        if how == "swap":
            s = str(t // 10)
            if len(s) >= 2:
                i = rng.randrange(len(s) - 1)
                s2 = s[:i] + s[i + 1] + s[i] + s[i + 2:]
                v = int(s2) * 10 + t % 10
            else:
                v = t + 100
        elif how == "ten":
            v = t + rng.choice([-100, 100])
        elif how == "one":
            v = t + rng.choice([-10, 10, -5, 5]) if t % 5 == 0 else t + rng.choice([-10, 10])
        else:
            v = t + rng.choice([-1000, 1000])
        if v != t and 0 <= v <= 5000:
            r.printed_total = v
            r.trap = True
            return r
    r.printed_total = t + 10
    r.trap = True
    return r


def add_not_assessed(rng, rows: list[Row], k: int) -> list[Row]:
    """Add ``k`` cities that are listed without any figure (e.g. 'Not submitted')."""
    used = {r.city for r in rows}
    pool = [c for c in CITIES if c["city"] not in used]
    for c in rng.sample(pool, k):
        rows.append(Row(city=c["city"], state=c["state"], region=c["region"], name=c["city"],
                        p=[0] * 5, na=True))
    return rows


# ------------------------------------------------------------------------------------------ formatting

def num(v10: int, style: str = "fixed1") -> str:
    """Tenths to text: fixed1 '72.0', general '72' / '72.5', fixed0 '72' (integral values only)."""
    whole, frac = divmod(v10, 10)
    if style == "fixed1":
        return f"{whole}.{frac}"
    if style == "general":
        return f"{whole}" if frac == 0 else f"{whole}.{frac}"
    if style == "fixed0":
        if frac:
            return f"{whole}.{frac}"
        return f"{whole}"
    if style == "fixed2":
        return f"{whole}.{frac}0"
    raise ValueError(style)


def pick_num_style(rng, unit: int) -> str:
    if unit == 10:
        return rng.choice(["fixed0", "fixed0", "fixed1"])
    if unit == 5:
        return rng.choice(["general", "fixed1"])
    return rng.choice(["fixed1", "fixed1", "general"])


TIE_STYLES = ["plain", "eq_pre", "eq_post", "T-", "T", "star", "tied"]


def rank_str(r: Row, style: str) -> str:
    if r.na:
        return "-"
    k = r.rank
    if not r.tied or style == "plain":
        return str(k)
    return {"eq_pre": f"={k}", "eq_post": f"{k}=", "T-": f"T-{k}", "T": f"T{k}", "star": f"{k}*",
            "tied": f"{k} (tied)"}[style]


TIE_NOTES = {"plain": "Cities with equal totals share a rank; the next rank is skipped.",
             "eq_pre": "'=' before a rank denotes a tie.",
             "eq_post": "'=' after a rank denotes a tie.",
             "T-": "T- denotes a tied rank.",
             "T": "T denotes a tied rank.",
             "star": "* Tied rank: cities with equal totals share a rank.",
             "tied": "Tied cities share a rank; the next rank is skipped."}


def average10(vals: list[int]) -> int:
    return int(round(sum(vals) / max(len(vals), 1)))


# --------------------------------------------------------------------------------------------- text

CYCLE_LABELS = ["Cycle 2", "Cycle 2.0", "DMAF 2.0", "Cycle-II", "Second Cycle"]

TITLES = {
    "Cycle 2": ["Data Maturity Assessment Framework (DMAF) Cycle 2 - National Results",
                "DMAF Cycle 2: Scores and Ranks of Smart Cities"],
    "Cycle 2.0": ["DMAF Cycle 2.0 - National Results Table",
                  "Data Maturity Assessment Framework Cycle 2.0: City-wise Scores"],
    "DMAF 2.0": ["DMAF 2.0 - Consolidated Results of the Data Maturity Assessment",
                 "DMAF 2.0 National Ranking of Smart Cities"],
    "Cycle-II": ["Data Maturity Assessment Framework, Cycle-II: City-wise Results",
                 "DMAF Cycle-II - Pillar-wise Scores and National Ranks"],
    "Second Cycle": ["Second Cycle of the Data Maturity Assessment Framework - National Results",
                     "Results of the Second Cycle of DMAF Assessment of Smart Cities"],
}

ISSUERS = ["Smart Cities Mission, Ministry of Housing and Urban Affairs, Government of India",
           "Data Smart Cities - National Urban Data Cell, Smart Cities Mission (MoHUA)",
           "Ministry of Housing and Urban Affairs - Smart Cities Mission Directorate",
           "Smart Cities Mission | Data Maturity Assessment Cell, MoHUA, New Delhi"]


def titles(rng, dash: str = "-") -> tuple[str, str, str]:
    """(title, issuer, cycle label)."""
    lab = rng.choice(CYCLE_LABELS)
    t = rng.choice(TITLES[lab]).replace(" - ", f" {dash} ")
    return t, rng.choice(ISSUERS).replace(" - ", f" {dash} "), lab


def intro(rng, n: int, lab: str, *, pillars: bool = True, total: bool = True, rank: bool = True) -> str:
    what = []
    if pillars:
        what.append("their scores in each of the five pillars (Policy, People, Process, Technology and "
                    "Outcomes, 100 marks each)")
    if total:
        what.append("the total out of 500")
    if rank:
        what.append("the national rank")
    if len(what) > 1:
        listing = ", ".join(what[:-1]) + " and " + what[-1]
    else:
        listing = what[0]
    lead = rng.choice([
        f"The table below lists the {n} Smart Cities assessed in {lab} of the Data Maturity Assessment "
        f"Framework, with {listing}.",
        f"{n} Smart Cities took part in the {lab} assessment. This statement gives {listing}.",
        f"Presented here are the results of the {lab} assessment for {n} participating Smart Cities: "
        f"{listing}.",
    ])
    return lead


NOTES = [
    "Scores have been validated by the third-party assessment agency.",
    "Source: DMAF assessment portal, Smart Cities Mission.",
    "Figures are as approved by the National Steering Committee.",
    "Each city's submission was reviewed against documentary evidence uploaded on the portal.",
    "Cities may refer queries on their scores to the Mission Directorate within 15 days.",
]


# -------------------------------------------------------------------------------------------- truth

def truth_row(r: Row, *, pillars: bool, total: bool, rank: bool) -> dict:
    row = {"city": r.city, "state": r.state}
    if pillars:
        row["pillars"] = {str(i + 1): (None if (r.trap or r.na) else r.p[i] / 10) for i in range(5)}
    else:
        row["pillars"] = {}
    if total and not r.trap and not r.na:
        row["total"] = r.printed_total / 10
    else:
        row["total"] = None
    row["rank"] = (r.rank if rank and not r.na else None)
    return row


def write_truth(path: Path, family: str, rows: list[Row], *, pillars=True, total=True, rank=True,
                extra: dict | None = None) -> None:
    doc = {"kind": "published", "family": family, "cycle": 2,
           "rows": [truth_row(r, pillars=pillars, total=total, rank=rank) for r in rows]}
    if extra:
        doc.update(extra)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
