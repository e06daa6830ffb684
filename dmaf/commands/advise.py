"""``dmaf advise``: what next for a city — its open points, the peers that scored them, advice that repeats."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Optional

import typer
from rich.markup import escape
from rich.table import Table

from core import defaults
from dmaf import api
from dmaf.commands.options import Command, consoles, db_option, exit_on_error
from dmaf.words import short_number

if TYPE_CHECKING:
    from dmaf.trends.advice import CityAdvice, IndicatorAdvice

FORMATS = ("table", "json", "csv")


def _moved(item: IndicatorAdvice) -> str:
    """Return the score change since the previous cycle, with its sign and colour markup."""
    if item.moved is None:
        return "new" if item.new_indicator else "–"
    if item.moved > 0:
        return f"[green]+{short_number(item.moved)}[/]"
    return f"[red]{short_number(item.moved)}[/]" if item.moved < 0 else "0"


def _flag(item: IndicatorAdvice) -> str:
    """Return the repeated-advice flag of an indicator, or ""."""
    if not item.repeated_without_progress:
        return ""
    return f"[yellow]same advice, no progress ×{item.repeated_cycles}[/]"


def advice_table(advice: CityAdvice, peers: int = defaults.ADVICE_PEERS) -> Table:
    """Return the advice as a rich table: ranked indicators, then those without a score."""
    from dmaf.trends.advice import peer_summary

    previous = next((a.previous_cycle for a in (*advice.ranked, *advice.unscored)), None)
    table = Table(title=f"{escape(advice.city)}, cycle {advice.cycle}: indicators by points open")
    for name, justify in (("#", "right"), ("Key", "left"), ("Indicator", "left"), ("Score", "right"),
                          ("Open", "right"), (f"Since cycle {previous}" if previous else "Moved", "right"),
                          ("Peers that scored more (nearest first)", "left"), ("Advice", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for n, item in enumerate((*advice.ranked, *advice.unscored), start=1):
        table.add_row(str(n) if item.points_open is not None else "", escape(item.indicator_key),
                      escape(item.indicator_title), f"{short_number(item.score)}/{short_number(item.max_score)}",
                      short_number(item.points_open), _moved(item), escape(peer_summary(item.peers, peers)), _flag(item),
                      end_section=bool(advice.unscored) and item is advice.ranked[-1] if advice.ranked else False)
    return table


def _largest_gaps(advice: CityAdvice, top: int = 3) -> list[str]:
    """Return, for the largest gaps, the city's own recommendation text (each as one paragraph)."""
    lines = []
    for item in [a for a in advice.ranked if (a.points_open or 0) > 0][:top]:
        text = " ".join((item.recommendation or "(the report gives no recommendation)").split())
        lines.append(f"{item.indicator_key} {item.indicator_title} ({short_number(item.points_open)} open): {text}")
    return lines


def advise(
    city: str = typer.Option(..., "--city", metavar="NAME", help="The city (name or alias, e.g. Poona)."),
    cycle: Optional[int] = typer.Option(None, "--cycle", metavar="N", help="The cycle to advise on [default: the "
                                        "city's latest]."),
    format: str = typer.Option("table", "--format", metavar="FORMAT", help="table, json or csv."),
    db: Optional[str] = db_option(),
) -> None:
    """Say what next for a city: indicators ranked by points still open, the peer cities that scored them, how
    far the city moved since its previous cycle, and advice repeated without progress."""
    if format not in FORMATS:
        raise typer.BadParameter("choose table, json or csv", param_hint="--format")
    out, err = consoles()
    with exit_on_error(err):
        advice = api.advise(city, cycle=cycle, db=db)
    if format == "json":
        sys.stdout.write(json.dumps(advice.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    if format == "csv":
        from dmaf.trends.advice import advice_frame

        sys.stdout.write(advice_frame(advice).to_csv(index=False, lineterminator="\n"))
        return
    out.print(advice.headline(), highlight=False, markup=False, soft_wrap=True)
    out.print(advice_table(advice), markup=True)  # every value from the warehouse in it is escaped
    repeated = [a.indicator_key for a in (*advice.ranked, *advice.unscored) if a.repeated_without_progress]
    if repeated:
        out.print(f"Same advice as the cycle before while the score did not move: {', '.join(repeated)}.",
                  markup=False, highlight=False, soft_wrap=True)
    gaps = _largest_gaps(advice)
    if gaps:
        out.print("\nWhat the report advises on the largest gaps (every text: --format json or csv):",
                  markup=False, highlight=False)
        for line in gaps:
            out.print(f"- {line}", markup=False, highlight=False)


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add ``advise`` to the CLI."""
    app.command("advise", cls=Command)(advise)
