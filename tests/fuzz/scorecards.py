"""Score tables: the scorecard (summary of all indicators, at the start or the
end) and the per-pillar indicator table (Indicator | Score | Recommendations).
"""

from __future__ import annotations

from . import wording as w
from .catalog import PILLARS
from .content import Item, Report
from .grammar import Layout
from .model import Table, marker_text


def _style(lay: Layout) -> str:
    return lay["table_style"]


def scorecard_table(report: Report, lay: Layout, titles: dict[str, str]) -> Table:
    ns, na, joiner = lay["number_style"], lay["na_form"], lay["combined_code"]
    kind = lay["scorecard"]
    rows: list[tuple[str, ...]] = []
    bold: list[int] = []
    if kind == "sl_code_title_max_score":
        rows.append(("S. No.", "Indicator", "Title", "Max. Marks", "Marks Obtained"))
        for k, i in enumerate(report.items, 1):
            rows.append((str(k), w.short_code(i, joiner), titles[i.code], w.num(i.max_score, ns),
                         w.score_cell(i.score, ns, na)))
        widths, align = (0.08, 0.14, 0.48, 0.15, 0.15), ("c", "l", "l", "r", "r")
    elif kind == "code_title_fraction":
        rows.append(("Indicator", "Score"))
        for i in report.items:
            rows.append((f"{w.short_code(i, joiner)} {titles[i.code]}",
                         w.score_text(i.score, i.max_score, "bare_fraction", ns, na).replace(" / ", "/")))
        widths, align = (0.75, 0.25), ("l", "c")
    elif kind == "pillar_grouped":
        rows.append(("Indicator", "Title", "Score", "Out of"))
        for p in PILLARS:
            bold.append(len(rows))
            rows.append((f"Pillar {p}", PILLARS[p], "", ""))
            for i in report.pillar_items(p):
                rows.append((w.short_code(i, joiner), titles[i.code], w.score_cell(i.score, ns, na),
                             w.num(i.max_score, ns)))
            bold.append(len(rows))
            rows.append(("", f"Pillar {p} total", w.num(report.pillar_total(p), ns), w.num(100.0, ns)))
        bold.append(len(rows))
        rows.append(("", "Total", w.num(report.total, ns), w.num(report.total_max, ns)))
        widths, align = (0.14, 0.56, 0.15, 0.15), ("l", "l", "r", "r")
    else:
        rows.append(("Indicator", "Description", "Score Obtained", "Maximum Score"))
        for i in report.items:
            rows.append((w.short_code(i, joiner), titles[i.code], w.score_cell(i.score, ns, na),
                         w.num(i.max_score, ns)))
        widths, align = (0.13, 0.55, 0.16, 0.16), ("l", "l", "r", "r")
    return Table(tuple(rows), widths, True, _style(lay), "scorecard", align, tuple(bold))


def _prose_cell(item: Item, lay: Layout) -> str:
    parts = []
    for b in item.prose:
        if b.kind == "p":
            parts.append(b.text)
        else:
            parts += [f"{marker_text(lay['bullets'], k)} {x}" for k, x in enumerate(b.items)]
    return "\n".join(parts)


def indicator_table(items: list[Item], lay: Layout, titles: dict[str, str]) -> Table:
    joiner = lay["combined_code"]
    rows: list[tuple[str, ...]] = [("Indicator", "Score", "Recommendations")]
    for i in items:
        score = w.score_text(i.score, i.max_score, lay["score_wording"], lay["number_style"], lay["na_form"])
        rows.append((f"{w.short_code(i, joiner)} {titles[i.code]}", score, _prose_cell(i, lay)))
    return Table(tuple(rows), (0.26, 0.16, 0.58), True, _style(lay), "indicators", ("l", "c", "l"))
