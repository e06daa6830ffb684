"""``dmaf trends``, ``dmaf report`` and ``dmaf export``: read the warehouse's trend views (read-only)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.table import Table

from dmaf import api
from dmaf.commands.options import Command, consoles, db_option, exit_on_error, fail

if TYPE_CHECKING:
    from dmaf.trends.queries import TrendFrames


def _num(value: object) -> str:
    """Return a score as short text, or "-" when missing."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "-"
    return "-" if math.isnan(number) else f"{round(number, 2):g}"


def _change(value: object) -> str:
    """Return a change with its sign and colour markup, or "" when there is none."""
    text = _num(value)
    if text == "-":
        return ""
    number = float(text)
    if number > 0:
        return f"[green]+{text}[/]"
    return f"[red]{text}[/]" if number < 0 else "0"


def _city_tables(frames: TrendFrames, city: str) -> list[Table]:
    """Return the rich tables of one city: pillars by cycle, then crosswalked indicators."""
    from rich.markup import escape

    totals = frames.for_city("city_scores", city).sort_values("cycle")
    cycles = [int(c) for c in totals["cycle"]]
    sizes = frames.city_scores.groupby("cycle")["city"].nunique()
    pillars = Table(title=f"{escape(city)} ({escape(str(totals['state'].iloc[0]))}): pillar scores by cycle")
    pillars.add_column("Pillar")
    for c in cycles:
        pillars.add_column(f"Cycle {c}", justify="right")
        pillars.add_column("change", justify="right")
    for pillar_no, group in frames.for_city("pillar_scores", city).groupby("pillar_no"):
        by_cycle = group.set_index("cycle")
        cells = [f"{int(pillar_no)} {escape(str(group['pillar'].iloc[0]))}"]
        for c in cycles:
            row = by_cycle.loc[c] if c in by_cycle.index else None
            cells += [f"{_num(row['score'])}/{_num(row['max_score'])}", _change(row["change"])] if row is not None \
                else ["", ""]
        pillars.add_row(*cells)
    total_cells = ["[bold]Total (rank)[/]"]
    for r in totals.itertuples():
        total_cells += [f"[bold]{_num(r.score)}/{_num(r.max_score)}[/] ({int(r.rank)} of {int(sizes[r.cycle])})",
                        _change(r.change)]
    pillars.add_row(*total_cells, end_section=True)
    indicators = Table(title=f"{escape(city)}: indicators across cycles (crosswalk keys)")
    for name in ("Key", "Indicator"):
        indicators.add_column(name)
    for c in cycles:
        indicators.add_column(f"Cycle {c}", justify="right")
    indicators.add_column("latest change", justify="right")
    for key, group in frames.for_city("indicator_trends", city).groupby("indicator_key", sort=False):
        by_cycle = group.set_index("cycle")
        last = group.sort_values("cycle").iloc[-1]
        cells = [escape(str(key)), escape(str(group["indicator_title"].iloc[0]))]
        cells += [f"{_num(by_cycle.loc[c, 'score'])}/{_num(by_cycle.loc[c, 'max_score'])}" if c in by_cycle.index
                  else "" for c in cycles]
        indicators.add_row(*cells, _change(last["change"]))
    return [pillars, indicators]


def _national_tables(frames: TrendFrames, state: str | None) -> list[Table]:
    """Return the city totals table (of one state when given) and the national pillar statistics."""
    from rich.markup import escape

    cycles = frames.cycles()
    title = "City scores by cycle" + (f" ({escape(state)})" if state else "")
    cities = Table(title=title)
    cities.add_column("City")
    cities.add_column("State")
    for c in cycles:
        cities.add_column(f"Cycle {c} (rank)", justify="right")
        cities.add_column("change", justify="right")
    for city in frames.cities(state):
        own = frames.for_city("city_scores", city).set_index("cycle")
        cells = [escape(city), escape(str(own["state"].iloc[0]))]
        for c in cycles:
            if c in own.index:
                r = own.loc[c]
                cells += [f"{_num(r['score'])}/{_num(r['max_score'])} ({int(r['rank'])})", _change(r["change"])]
            else:
                cells += ["", ""]
        cities.add_row(*cells)
    stats = Table(title="National pillar statistics (all cities)")
    for name in ("Cycle", "Pillar", "n", "average", "median", "min", "max", "std. dev."):
        stats.add_column(name, justify="left" if name == "Pillar" else "right")
    for r in frames.national_pillar_stats.itertuples():
        stats.add_row(str(int(r.cycle)), f"{int(r.pillar_no)} {escape(str(r.pillar))}", str(int(r.n)),
                      *(_num(getattr(r, k)) for k in ("average", "median", "min", "max", "stddev")))
    return [cities, stats]


def trends(
    city: Optional[str] = typer.Option(None, "--city", metavar="NAME", help="A city (name or alias, e.g. Bangalore)."),
    state: Optional[str] = typer.Option(None, "--state", metavar="NAME", help="Only the cities of this state/UT."),
    out_dir: Path = typer.Option(Path("out/trends"), "--out", metavar="DIR", help="Folder for the PNG charts."),
    db: Optional[str] = db_option(),
) -> None:
    """Show score trends across cycles as tables and write PNG charts (a city's pillars, national spread)."""
    from dmaf.trends.charts import (
        city_pillar_chart,
        national_distribution_chart,
        save_png,
    )
    from dmaf.trends.html_report import slug
    from dmaf.trends.queries import find_city, find_state

    out, err = consoles()
    with exit_on_error(err):
        frames = api.trends(db)
        chosen_state = find_state(frames, state) if state else None
        chosen_city = find_city(frames, city) if city else None
    if chosen_city and chosen_state and chosen_city not in frames.cities(chosen_state):
        raise fail(err, f"{chosen_city} is not in {chosen_state}")
    for table in _city_tables(frames, chosen_city) if chosen_city else _national_tables(frames, chosen_state):
        out.print(table, markup=True)  # the tables style their totals; every value in them is escaped
    charted = [chosen_city] if chosen_city else frames.cities(chosen_state) if chosen_state else []
    taken: set[str] = set()
    try:
        written = [save_png(city_pillar_chart(frames.pillar_scores, c), out_dir / f"{slug(c, taken)}_pillars.png")
                   for c in charted]
        written.append(save_png(national_distribution_chart(frames.pillar_scores), out_dir / "national_pillars.png"))
    except OSError as exc:
        raise fail(err, f"cannot write the charts to {out_dir}: {exc.strerror or exc}") from None
    for path in written:
        out.print(f"chart: {path}", highlight=False, markup=False)


def report(
    out_dir: Path = typer.Option(..., "--out", metavar="DIR", help="Folder for index.html, one page per city and "
                                 "one review page per document."),
    review: bool = typer.Option(True, "--review/--no-review", help="Write the review pages (each score beside a "
                                "picture of where it was read)."),
    db: Optional[str] = db_option(),
) -> None:
    """Write a static HTML report (overview, one page per city, one review page per document showing where each
    score was read) that opens in any browser, offline."""
    out, err = consoles()
    with exit_on_error(err):
        try:
            written = api.write_report(out_dir, db=db, review=review)
        except OSError as exc:
            raise fail(err, f"cannot write the report to {out_dir}: {exc.strerror or exc}") from None
    out.print(f"wrote {len(written)} page(s); open {written[0]}", highlight=False, markup=False)


def export(
    format: str = typer.Option("csv", "--format", metavar="FORMAT", help="csv or parquet."),
    out_dir: Path = typer.Option(..., "--out", metavar="DIR", help="Folder for one file per view."),
    db: Optional[str] = db_option(),
) -> None:
    """Export every public view as a CSV or Parquet file (one file per view)."""
    from dmaf.trends.export import FORMATS

    if format not in FORMATS:
        raise typer.BadParameter("choose csv or parquet", param_hint="--format")
    out, err = consoles()
    with exit_on_error(err):
        try:
            written = api.export(out_dir, format=format, db=db)
        except OSError as exc:
            raise fail(err, f"cannot write to {out_dir}: {exc.strerror or exc}") from None
    for path in written:
        out.print(str(path), highlight=False, markup=False)


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add ``trends``, ``report`` and ``export`` to the CLI."""
    app.command("trends", cls=Command)(trends)
    app.command("report", cls=Command)(report)
    app.command("export", cls=Command)(export)
