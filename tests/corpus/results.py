"""National results tables: a cycle's table of cities x pillar scores, total and rank, with its truth.

``results_doc(seed)`` lays out one table of ``n`` cities (pillar columns in a seed-chosen order and spelling:
names, abbreviations or numbers; the table split over pages with its header repeated; ties in the total that
share a rank); ``write_results(seed, folder, fmt)`` writes it as PDF, DOCX or TXT with ``<name>.truth.json``
beside it. The truth is what the warehouse's ``published_scores`` must hold.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .elements import Doc, Line, PageBreak, Subtitle, Table, Title

PILLARS = ("Policy", "People", "Process", "Technology", "Outcomes")
SPELLINGS = (
    lambda no, name: name,
    lambda no, name: f"{name[:4].rstrip('e')}." if len(name) > 6 else name,
    lambda no, name: f"P{no} {name}",
    lambda no, name: f"Pillar {no}",
    lambda no, name: f"{name} (100)",
)
CYCLE_LABELS = ("Cycle 2.0", "DMAF 2.0", "Cycle-II")
PAGE_WIDTH = 483.0  # A4 within the PDF renderer's margins


@dataclass(frozen=True)
class ResultRow:
    """One city's published scores: pillar no -> score, the total and the printed rank."""

    city: str
    state: str
    pillars: dict[int, float]
    total: float
    rank: int


def _cities() -> list[tuple[str, str]]:
    """Return (city, state) of every city of the gazetteer, in its order."""
    with resources.files("reference").joinpath("cities.csv").open(encoding="utf-8") as handle:
        return [(row["city"], row["state"]) for row in csv.DictReader(handle)]


def _fmt(value: float) -> str:
    """Return a score as printed: no decimals for whole numbers."""
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def result_rows(seed: int, n: int = 40) -> list[ResultRow]:
    """Return ``n`` cities' scores, sorted by total with competition ranks (ties share a rank)."""
    rng = random.Random(seed)
    chosen = rng.sample(_cities(), n)
    scored = []
    for i, (city, state) in enumerate(chosen):
        pillars = {no: float(rng.randrange(0, 201)) / 2 for no in range(1, 6)}
        if i in (3, 4, 11, 12):  # two pairs of cities with the same total
            pillars = dict(scored[i - 1][2]) if i in (4, 12) else pillars
        scored.append((city, state, pillars))
    scored.sort(key=lambda row: -sum(row[2].values()))
    rows: list[ResultRow] = []
    for city, state, pillars in scored:
        total = sum(pillars.values())
        rank = 1 + sum(1 for other in scored if sum(other[2].values()) > total)
        rows.append(ResultRow(city, state, pillars, total, rank))
    return rows


def results_doc(seed: int, n: int = 40, per_page: int = 20) -> tuple[Doc, dict]:
    """Return the laid-out results table of ``seed`` and its truth."""
    rng = random.Random(seed * 7 + 1)
    rows = result_rows(seed, n)
    order = list(range(1, 6))
    rng.shuffle(order)
    spell = rng.choice(SPELLINGS)
    label = rng.choice(CYCLE_LABELS)
    pages = [rows[start : start + per_page] for start in range(0, n, per_page)]
    tables = [(("Rank", "City", "State", *(spell(no, PILLARS[no - 1]) for no in order), "Total"),
               *((str(r.rank), r.city, r.state, *(_fmt(r.pillars[no]) for no in order), _fmt(r.total))
                 for r in page)) for page in pages]
    if max(sum(_widths(t)) for t in tables) > PAGE_WIDTH:  # long state names: the table leaves them out
        tables = [tuple(row[:2] + row[3:] for row in t) for t in tables]
    elements: list = [Title(f"Data Maturity Assessment Framework {label}"),
                      Subtitle("National Results: Scores of the Smart Cities"),
                      Line("Each pillar is scored out of 100; the total is out of 500.")]
    for i, table in enumerate(tables):
        if i:
            elements.append(PageBreak())
        elements.append(Table(table, _widths(table), bold="header", txt="pipe"))
    truth = {"kind": "published", "cycle": 2,
             "rows": [{"city": r.city, "state": r.state, "pillars": {str(k): v for k, v in r.pillars.items()},
                       "total": r.total, "rank": r.rank} for r in rows]}
    return Doc(tuple(elements), title=f"DMAF {label} national results"), truth


def _widths(rows: tuple[tuple[str, ...], ...]) -> tuple[float, ...]:
    """Return column widths in PDF points that fit every cell (header at 7.5pt bold, body at 8pt), so that no
    text runs into the next cell (ruled cells do not wrap)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def need(col: int) -> float:
        header = stringWidth(rows[0][col], "Helvetica-Bold", 7.5)
        return 8 + max([header, *(stringWidth(row[col], "Helvetica", 8) for row in rows[1:])])

    return tuple(max(30.0, need(col)) for col in range(len(rows[0])))


def write_results(seed: int, folder: Path, fmt: str, n: int = 40) -> Path:
    """Write the results table of ``seed`` as ``fmt`` (pdf, docx, txt) with its truth beside it."""
    from .render_docx import write_docx
    from .render_pdf import write_pdf
    from .render_txt import write_txt

    doc, truth = results_doc(seed, n)
    path = Path(folder) / f"results_{seed}.{fmt}"
    {"pdf": write_pdf, "docx": write_docx, "txt": write_txt}[fmt](doc, path)
    path.with_suffix(".truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return path
