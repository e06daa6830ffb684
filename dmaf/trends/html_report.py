"""A static, self-contained HTML report: an overview page and one page per city.

Pages need no network and no JavaScript: the style is inline and the charts are base64 PNG data URIs.
Every piece of text from the warehouse is HTML-escaped.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from dmaf.trends.advice import CityAdvice, advise, peer_summary, recommendations_by_key
from dmaf.trends.charts import (
    city_pillar_chart,
    figure_png,
    national_distribution_chart,
    national_gaps_chart,
)
from dmaf.trends.queries import TrendFrames
from dmaf.trends.text_diff import diff_html

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.up { color: #17803d; } .down { color: #b3261e; } .muted { color: #666; }
.rec { white-space: pre-line; max-width: 40rem; }
.error { color: #b3261e; font-weight: 600; } .warning { color: #9a6700; } .info { color: #555; }
img.chart { max-width: 100%; height: auto; border: 1px solid #eee; }
del { background: #ffebe9; color: #82071e; } ins { background: #dafbe1; color: #116329; text-decoration: none; }
.flag { color: #9a6700; font-weight: 600; white-space: nowrap; }
nav a { margin-right: 1rem; }
img.crop { max-width: 34rem; height: auto; border: 1px solid #ccc; display: block; }
.corrected { color: #6f42c1; font-weight: 600; } mark.score { background: #ffd9d6; }
mark.heading { background: #dbe8ff; }
.excerpt { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; max-width: 40rem; }
"""


def is_missing(value: Any) -> bool:
    """Return True for a value a frame holds for "none": None, NaN or NA."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def esc(value: Any) -> str:
    """Return any value as escaped HTML text (None and NaN become an empty string)."""
    if is_missing(value):
        return ""
    return html.escape(str(value), quote=True)


def fmt_number(value: Any) -> str:
    """Return a score as short text: 12.5, 40, or an en dash when missing."""
    if is_missing(value):
        return "–"
    number = float(value)
    return f"{round(number, 2):g}"


def fmt_change(value: Any) -> str:
    """Return a change as HTML with its sign and colour ("+5", "−2.5"), or an en dash for none."""
    if is_missing(value):
        return '<span class="muted">–</span>'
    number = round(float(value), 2)
    if number > 0:
        return f'<span class="up">+{number:g}</span>'
    if number < 0:
        return f'<span class="down">−{abs(number):g}</span>'
    return "0"


def slug(name: str, taken: set[str]) -> str:
    """Return a file-name-safe, unused slug for a city name ("Port Blair" -> "port-blair")."""
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "city"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _img(png: bytes, alt: str) -> str:
    """Return an <img> holding a PNG as a data URI."""
    data = base64.b64encode(png).decode("ascii")
    return f'<img class="chart" alt="{esc(alt)}" src="data:image/png;base64,{data}">'


def table_html(headers: Sequence[str], rows: Iterable[Sequence[str]], *, css: str = "") -> str:
    """Return a table; headers are escaped here, cells must already be HTML."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f'<table class="{esc(css)}"><thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>'


def _td(text: str, *, num: bool = False, attrs: str = "") -> str:
    """Return a cell holding ready HTML."""
    css = ' class="num"' if num else ""
    return f"<td{css}{attrs}>{text}</td>"


def page_html(title: str, body: str) -> str:
    """Return a complete HTML document."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _score_of(score: Any, max_score: Any) -> str:
    """Return "score/max"."""
    return f"{fmt_number(score)}/{fmt_number(max_score)}"


def _cycle_sizes(frames: TrendFrames) -> dict[int, int]:
    """Return how many cities have a report per cycle."""
    return {int(c): int(n) for c, n in frames.city_scores.groupby("cycle")["city"].nunique().items()}


def _overview_table(frames: TrendFrames, pages: dict[str, str]) -> str:
    """Return the city × cycle table of totals, ranks and changes."""
    cycles = frames.cycles()
    sizes = _cycle_sizes(frames)
    headers = ["City", "State"] + [h for c in cycles for h in (f"Cycle {c} score", "rank", "change")]
    rows = []
    for city in frames.cities():
        own = frames.for_city("city_scores", city).set_index("cycle")
        state = own["state"].iloc[0]
        cells = [_td(f'<a href="{esc(pages[city])}">{esc(city)}</a>'), _td(esc(state))]
        for c in cycles:
            if c in own.index:
                row = own.loc[c]
                cells += [_td(_score_of(row["score"], row["max_score"]), num=True, attrs=f' data-cycle="{c}"'),
                          _td(f"{int(row['rank'])} of {sizes[c]}", num=True), _td(fmt_change(row["change"]), num=True)]
            else:
                cells += [_td('<span class="muted">no report</span>'), _td(""), _td("")]
        rows.append(cells)
    return table_html(headers, rows, css="overview")


def _stats_table(stats: pd.DataFrame) -> str:
    """Return the national pillar statistics table."""
    headers = ["Cycle", "Pillar", "n", "average", "median", "min", "max", "std. dev."]
    rows = [
        [_td(esc(int(r.cycle)), num=True), _td(f"{int(r.pillar_no)} {esc(r.pillar)}"), _td(esc(int(r.n)), num=True),
         *(_td(fmt_number(getattr(r, k)), num=True) for k in ("average", "median", "min", "max", "stddev"))]
        for r in stats.itertuples()
    ]
    return table_html(headers, rows, css="stats")


def _quality_summary(frames: TrendFrames, pages: dict[str, str]) -> str:
    """Return the count of quality issues per city and severity."""
    issues = frames.quality_issues
    if issues.empty:
        return "<p>No data-quality issues were recorded.</p>"
    counts = issues.groupby(["city", "severity"]).size().unstack(fill_value=0)
    headers = ["City", "errors", "warnings", "info"]
    rows = [
        [_td(f'<a href="{esc(pages.get(city, "#"))}">{esc(city)}</a>')]
        + [_td(esc(int(counts.loc[city].get(s, 0))), num=True) for s in ("error", "warning", "info")]
        for city in counts.index
    ]
    return table_html(headers, rows, css="quality")


def _gaps_section(frames: TrendFrames) -> str:
    """Return the national gaps of the latest cycle: the chart and the table of indicators by points open."""
    gaps = frames.national_gaps
    if gaps.empty or gaps["points_open"].notna().sum() == 0:
        return "<p>No scored indicators yet.</p>"
    cycle = int(gaps.loc[gaps["points_open"].notna(), "cycle"].max())
    chart = _img(figure_png(national_gaps_chart(gaps, cycle)), f"Points open per indicator across cities, cycle {cycle}")
    rows = [
        [_td(esc(r.indicator_key)), _td(esc(r.indicator_title)), _td(esc(int(r.cities_scored)), num=True),
         _td(esc(int(r.cities_full)), num=True),
         _td("–" if pd.isna(r.share_full) else f"{float(r.share_full) * 100:.0f}%", num=True),
         _td(fmt_number(r.points_open), num=True), _td(fmt_number(r.points_possible), num=True)]
        for r in gaps[gaps["cycle"] == cycle].sort_values(["points_open", "indicator_key"],
                                                          ascending=[False, True]).itertuples()
    ]
    table = table_html(["Key", "Indicator", "cities scored", "at full marks", "share", "points open",
                    "points possible"], rows, css="gaps")
    return f"""<p class="muted">Cycle {cycle}: the points the cities still lack, per indicator (maximum − score, summed
over the cities with a score; a city without a score for it is not counted).</p>
{chart}
{table}"""


def index_page(frames: TrendFrames, pages: dict[str, str]) -> str:
    """Return the overview page: every city's totals, national statistics and distribution, national gaps,
    quality."""
    cycles = ", ".join(str(c) for c in frames.cycles())
    chart = _img(figure_png(national_distribution_chart(frames.pillar_scores)),
                 "Box plots of every city's pillar scores per cycle")
    body = f"""<h1>DMAF city performance across cycles</h1>
<p class="muted">{len(frames.cities())} cities; cycles {esc(cycles)}; {len(frames.city_scores)} reports.
Scores are out of the maximum shown; rank is within the cycle (ties share a rank); change is against the city's
previous cycle with a report.</p>
<h2>City scores</h2>
{_overview_table(frames, pages)}
<h2>National distribution of pillar scores</h2>
{chart}
{_stats_table(frames.national_pillar_stats)}
<h2>Where the country loses points</h2>
{_gaps_section(frames)}
<h2>Data quality</h2>
{_quality_summary(frames, pages)}"""
    return page_html("DMAF city performance across cycles", body)


def _pillar_table(pillars: pd.DataFrame, cycles: list[int]) -> str:
    """Return one city's pillars × cycles table with changes."""
    headers = ["Pillar"] + [h for c in cycles for h in (f"Cycle {c}", "rank", "change")]
    rows = []
    for pillar_no, group in pillars.groupby("pillar_no", sort=True):
        by_cycle = group.set_index("cycle")
        cells = [_td(f"{int(pillar_no)} {esc(group['pillar'].iloc[0])}")]
        for c in cycles:
            if c in by_cycle.index:
                r = by_cycle.loc[c]
                cells += [_td(_score_of(r["score"], r["max_score"]), num=True), _td(esc(int(r["rank"])), num=True),
                          _td(fmt_change(r["change"]), num=True)]
            else:
                cells += [_td(""), _td(""), _td("")]
        rows.append(cells)
    return table_html(headers, rows, css="pillars")


def _trend_cell(by_cycle: pd.DataFrame, cycle: int, corrected: set[tuple[int, str]]) -> str:
    """Return one cycle's score of an indicator, marked when a reviewer corrected it."""
    if cycle not in by_cycle.index:
        return _td("", num=True)
    row = by_cycle.loc[cycle]
    text = _score_of(row["score"], row["max_score"])
    if (cycle, row["indicator_code"]) in corrected:
        return _td(f'<span class="corrected" title="corrected by a reviewer">{text} ✎</span>', num=True)
    return _td(text, num=True)


def _corrected(scores: pd.DataFrame) -> set[tuple[int, str]]:
    """Return the (cycle, indicator code) of a city's scores that a reviewer corrected."""
    rows = scores[scores["score_source"] == "corrected"]
    return {(int(r.cycle), r.indicator_code) for r in rows.itertuples()}


def _corrections_note(scores: pd.DataFrame) -> str:
    """Return the line under the indicator table naming the corrected scores and their parsed values."""
    rows = scores[scores["score_source"] == "corrected"].sort_values(["cycle", "indicator_code"])
    if rows.empty:
        return ""
    items = [f"{esc(r.indicator_code)} in cycle {int(r.cycle)} (parsed {_score_of(r.parsed_score, r.parsed_max_score)})"
             for r in rows.itertuples()]
    return f'<p class="corrected">✎ corrected by a reviewer: {"; ".join(items)}.</p>'


def _indicator_table(trends: pd.DataFrame, cycles: list[int], corrected: set[tuple[int, str]] = frozenset()) -> str:
    """Return one city's crosswalked indicators × cycles table with the latest change (✎: corrected)."""
    headers = ["Key", "Indicator"] + [f"Cycle {c}" for c in cycles] + ["latest change", "(pct points)"]
    rows = []
    for key, group in trends.groupby("indicator_key", sort=False):
        by_cycle = group.set_index("cycle")
        last = group.sort_values("cycle").iloc[-1]
        cells = [_td(esc(key)), _td(esc(group["indicator_title"].iloc[0]))]
        cells += [_trend_cell(by_cycle, c, corrected) for c in cycles]
        cells += [_td(fmt_change(last["change"]), num=True), _td(fmt_change(last["pct_change"]), num=True)]
        rows.append(cells)
    return table_html(headers, rows, css="indicators")


def _issues(issues: pd.DataFrame) -> str:
    """Return a city's quality issues as a table."""
    if issues.empty:
        return "<p>No data-quality issues were recorded for this city.</p>"
    rows = [
        [_td(esc(int(r.cycle)), num=True), _td(f'<span class="{esc(r.severity)}">{esc(r.severity)}</span>'),
         _td(esc(r.rule)), _td(esc(r.message)), _td(esc(r.source_file))]
        for r in issues.itertuples()
    ]
    return table_html(["Cycle", "Severity", "Rule", "Message", "Document"], rows, css="issues")


def _advice_section(advice: CityAdvice) -> str:
    """Return a city's "what next" table: indicators by points open, peers that scored more, its own advice."""
    rows = []
    for n, a in enumerate((*advice.ranked, *advice.unscored), start=1):
        moved = '<span class="muted">new</span>' if a.new_indicator else fmt_change(a.moved)
        flag = (f'<span class="flag">same advice, no progress ×{a.repeated_cycles}</span>'
                if a.repeated_without_progress else "")
        rows.append([
            _td(esc(n) if a.points_open is not None else "", num=True), _td(esc(a.indicator_key)),
            _td(esc(a.indicator_title)), _td(_score_of(a.score, a.max_score), num=True),
            _td(fmt_number(a.points_open), num=True), _td(moved, num=True), _td(esc(peer_summary(a.peers, 5))),
            _td(f'<div class="rec">{esc(a.recommendation)}</div>{flag}'),
        ])
    since = next((a.previous_cycle for a in (*advice.ranked, *advice.unscored)), None)
    headers = ["#", "Key", "Indicator", "Score", "Open", f"since cycle {since}" if since else "moved",
               "Peers that scored more (state, region, then national)", "Recommendation"]
    return f'<p class="headline">{esc(advice.headline())}</p>\n{table_html(headers, rows, css="advice")}'


def _changes_section(changes: pd.DataFrame, cycle: int) -> str:
    """Return how the city's advice of ``cycle`` differs from its previous cycle's: counts, then each revised
    (or reworded) text as a word diff."""
    rows = changes[changes["cycle"] == cycle]
    if rows.empty:
        return "<p>No earlier cycle to compare with.</p>"
    counts = rows["status"].value_counts()
    summary = ", ".join(f"{int(counts.get(s, 0))} {s}" for s in ("same", "revised", "new", "dropped"))
    previous = int(rows["previous_cycle"].iloc[0])
    changed = rows[rows["recommendation"].notna() & rows["previous_recommendation"].notna()
                   & (rows["similarity"] < 100)]
    items = [
        f"""<h3>{esc(r.indicator_key)} {esc(r.indicator_title)} <span class="muted">({esc(r.status)}, similarity
{fmt_number(r.similarity)}; score {fmt_number(r.previous_score)} → {fmt_number(r.score)})</span></h3>
<div class="rec diff">{diff_html(str(r.previous_recommendation), str(r.recommendation))}</div>"""
        for r in changed.sort_values("indicator_key").itertuples()
    ]
    return (f"<p>Against cycle {previous}: {esc(summary)}.</p>\n" + "\n".join(items))


def city_page(frames: TrendFrames, city: str, texts: dict[tuple[str, int, str], str] | None = None,
              review: str = "") -> str:
    """Return one city's page: totals, pillar chart and table, indicators (✎: corrected), what next (with the
    city's recommendations: ``texts`` is ``recommendations_by_key(frames)``, computed once for many pages), how
    the advice changed, quality; ``review`` is the HTML of the links to its review pages ("" for none)."""
    totals = frames.for_city("city_scores", city).sort_values("cycle")
    pillars = frames.for_city("pillar_scores", city)
    cycles = sorted(int(c) for c in totals["cycle"])
    sizes = _cycle_sizes(frames)
    state = totals["state"].iloc[0]
    total_rows = [
        [_td(esc(int(r.cycle)), num=True), _td(_score_of(r.score, r.max_score), num=True),
         _td(f"{int(r.rank)} of {sizes[int(r.cycle)]}", num=True), _td(fmt_change(r.change), num=True)]
        for r in totals.itertuples()
    ]
    latest = cycles[-1]
    scores = frames.for_city("indicator_scores", city)
    chart = _img(figure_png(city_pillar_chart(frames.pillar_scores, city)), f"{city}: pillar scores by cycle")
    body = f"""<nav><a href="index.html">← All cities</a></nav>
<h1>{esc(city)}</h1>
<p class="muted">{esc(state)} · reports for cycle(s) {esc(", ".join(map(str, cycles)))}</p>
{f'<p>Review where each score was read: {review}</p>' if review else ""}
<h2>Total score</h2>
{table_html(["Cycle", "Score", "Rank", "Change"], total_rows, css="totals")}
<h2>Pillar scores</h2>
{chart}
{_pillar_table(pillars, cycles)}
<h2>Indicators across cycles</h2>
<p class="muted">Indicators of different cycles share a row when the crosswalk says they measure the same thing.</p>
{_indicator_table(frames.for_city("indicator_trends", city), cycles, _corrected(scores))}
{_corrections_note(scores)}
<h2>What next, cycle {latest}</h2>
{_advice_section(advise(frames, city, latest, texts=texts))}
<h2>How the advice changed, cycle {latest}</h2>
{_changes_section(frames.for_city("recommendation_changes", city), latest)}
<h2>Data-quality issues</h2>
{_issues(frames.for_city("quality_issues", city))}"""
    return page_html(f"{city} — DMAF city performance", body)


def write_report(frames: TrendFrames, out_dir: str | Path, *, review: bool = True) -> list[Path]:
    """Write ``index.html``, one ``city-<slug>.html`` per city and (``review``) one ``review-<slug>-c<N>.html``
    per current document into ``out_dir``; return the paths, index first."""
    from dmaf.review.pages import review_links, write_review_pages

    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    pages = {city: f"city-{slug(city, taken)}.html" for city in frames.cities()}
    written = [target / "index.html"]
    written[0].write_text(index_page(frames, pages), encoding="utf-8")
    texts = recommendations_by_key(frames)
    for city, name in pages.items():
        path = target / name
        links = review_links(name.removeprefix("city-").removesuffix(".html"),
                             sorted(frames.for_city("city_scores", city)["cycle"])) if review else ""
        path.write_text(city_page(frames, city, texts, links), encoding="utf-8")
        written.append(path)
    if review:
        written += write_review_pages(frames, target, pages)
    return written
